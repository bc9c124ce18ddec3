import { useRef, useState } from 'preact/hooks';
import { t } from '../../lib/ext/i18n';
import type { Policy } from '../../lib/policy/schema';
import type { Pupil } from '../../lib/rules/types';
import { onDemand } from '../Lazy';
import type { RosterRead } from './RosterRead';

// The reader (papaparse, the school-system and workbook readers) and its preview load when a file is chosen
// or a list is pasted, not with the page: a class's roster is imported once a term, looked at more often.
const useReader = onDemand(() => import('./RosterRead'));

/**
 * Import a roster from a CSV file or a pasted list: read it, show what it will do, and only on a click
 * replace the class's roster with it whole. A file with any unreadable row imports nothing.
 */
export function RosterImport(props: { current: Pupil[]; policy?: Policy; onImport: (pupils: Pupil[], source: 'csv' | 'paste') => Promise<void> }) {
  const reader = useReader();
  const [read, setRead] = useState<RosterRead | undefined>();
  const [paste, setPaste] = useState('');
  const [fileError, setFileError] = useState<string | undefined>();
  // Only the latest file chosen is shown: an earlier one still being read (or its reader loading) is dropped.
  const latest = useRef(0);

  const readFile = async (file: File | undefined) => {
    const ticket = ++latest.current;
    setFileError(undefined);
    setRead(undefined);
    if (!file) return;
    try {
      const got = await (await reader.request()).readRosterFile(file);
      if (ticket !== latest.current) return;
      if ('error' in got) setFileError(got.error);
      else setRead(got);
    } catch {
      if (ticket === latest.current) setFileError(t('lazyFailed'));
    }
  };
  const pasteNow = useRef(paste);
  pasteNow.current = paste;
  // The list in the box when Read is pressed, read once the reader is there (typing goes on meanwhile).
  const readPaste = async () => {
    const ticket = ++latest.current;
    try {
      const mod = await reader.request();
      if (ticket === latest.current) setRead(mod.readPastedRoster(pasteNow.current));
    } catch {
      if (ticket === latest.current) setFileError(t('lazyFailed'));
    }
  };
  const View = reader.mod?.RosterReadView;
  return (
    <div class="roster-import" data-policy-guard="roster-import">
      <p>
        <label>
          {t('rosterImportFile')} <input type="file" accept=".csv,.txt,.xlsx,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" data-policy-guard="roster-file" onChange={(e) => void readFile((e.currentTarget as HTMLInputElement).files?.[0])} />
        </label>
      </p>
      <details>
        <summary>{t('rosterPasteSummary')}</summary>
        <textarea
          rows={6}
          cols={60}
          value={paste}
          data-policy-guard="roster-paste"
          aria-label={t('rosterPasteSummary')}
          onInput={(e) => {
            setPaste((e.currentTarget as HTMLTextAreaElement).value);
            // Pasting or typing a list starts loading the reader, so Read has it at hand.
            reader.request().catch(() => undefined);
          }}
        />
        <p>
          <button type="button" disabled={!paste.trim()} onClick={() => void readPaste()}>
            {t('rosterPasteRead')}
          </button>
        </p>
      </details>
      {fileError && (
        <p role="alert" class="error">
          {fileError}
        </p>
      )}
      {read && View && (
        <View
          read={read}
          current={props.current}
          policy={props.policy}
          onImport={props.onImport}
          onRead={setRead}
          onClose={(imported) => {
            setRead(undefined);
            if (imported) setPaste('');
          }}
        />
      )}
    </div>
  );
}

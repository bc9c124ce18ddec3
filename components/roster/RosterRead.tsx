/**
 * The roster reader behind the import box (RosterImport.tsx), loaded when a file is chosen or a list is
 * pasted: papaparse, the school-system and workbook readers (lib/roster), and the view of what was read.
 * The settings page opens without them.
 */
import { t } from '../../lib/ext/i18n';
import { noteText as noteIn, problemText as problemIn } from '../../lib/i18n/roster';
import { message } from '../i18n';
import { diffRoster, MAX_ROSTER_BYTES, parseRosterCsv, readRoster, type RosterNote, type RosterParse, type RosterProblem } from '../../lib/roster/csv';
import type { Policy } from '../../lib/policy/schema';
import { useState } from 'preact/hooks';
import type { Pupil } from '../../lib/rules/types';
import { columnLines, encodingName, problemLine, refusedRows, separatorName } from '../../lib/roster/summary';
import { InCareNote } from './InCareNote';


/** A row's problem in the interface's language, from the catalog (csv_<code>), as `guard roster --lang` words it. */
export function problemText(p: RosterProblem): string {
  return problemIn(p, message);
}

/** A note in the interface's language, from the catalog (csvNote_<code>), as `guard roster --lang` words it. */
export function noteText(n: RosterNote): string {
  return noteIn(n, message);
}

/** What the reader chose or mended on its own (which name column, garbled letters mended). */
function Notes(props: { result: RosterParse }) {
  if (props.result.notes.length === 0) return null;
  return (
    <ul class="muted" data-policy-guard="roster-notes">
      {props.result.notes.map((n, i) => (
        <li key={`${i}:${n.code}`}>{noteText(n)}</li>
      ))}
    </ul>
  );
}

/** A roster read from a file or a pasted list, before it is imported. */
export interface RosterRead {
  result: RosterParse;
  source: 'csv' | 'paste';
  /** The file's name; none for a pasted list. */
  name?: string;
  /** The same file or list read again keeping only one class's rows (a file of several classes: RosterParse.groups). */
  again?: (group: string) => RosterRead;
}

/**
 * A chosen file read as a roster: a CSV or text export in any of the encodings and separators schools'
 * systems write, or an .xlsx workbook (a workbook over 2 MB is named from its first 64 KB, with how to save
 * it as CSV). `{ error }`: a message to show, when the file is too big or could not be read at all.
 */
export async function readRosterFile(file: File): Promise<RosterRead | { error: string }> {
  try {
    // A large workbook is named as one (with how to save it as CSV), not only called too big.
    // Read from its first 64 KB and its size: the reader refuses it with the CLI's own message (lib/roster/csv.ts).
    if (file.size > MAX_ROSTER_BYTES) {
      const head = new Uint8Array(await file.slice(0, 64 * 1024).arrayBuffer());
      return { result: readRoster(head, file.size), source: 'csv', name: file.name };
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    const read = (group?: string): RosterRead => ({ result: readRoster(bytes, bytes.length, group === undefined ? {} : { group }), source: 'csv', name: file.name, again: read });
    return read();
  } catch {
    return { error: t('rosterFileUnreadable') };
  }
}

/** A pasted list (tab- or comma-separated, as copied from a spreadsheet) read as a roster. */
export function readPastedRoster(text: string): RosterRead {
  const read = (group?: string): RosterRead => ({ result: parseRosterCsv(text, false, false, group === undefined ? {} : { group }), source: 'paste', again: read });
  return read();
}

/**
 * A file of several classes, refused: the choice of one class to keep, by a click (nothing is chosen for the
 * teacher, so without one the file stays refused). `onRead` gets the file read again with that class only.
 */
function GroupChoice(props: { read: RosterRead; onRead: (read: RosterRead) => void }) {
  const groups = props.read.result.groups!;
  const [chosen, setChosen] = useState('');
  return (
    <p data-policy-guard="roster-group-choice">
      <label>
        {t('rosterGroupChoose')}{' '}
        <select value={chosen} onChange={(e) => setChosen((e.currentTarget as HTMLSelectElement).value)} data-policy-guard="roster-group">
          <option value="">{t('rosterGroupPlaceholder')}</option>
          {groups.names.map((g, i) => (
            <option key={g} value={g}>
              {t('rosterGroupOption', [g, String(groups.rows[i] ?? 0)])}
            </option>
          ))}
        </select>
      </label>{' '}
      <button type="button" disabled={!chosen} data-policy-guard="roster-group-read" onClick={() => chosen && props.read.again && props.onRead(props.read.again(chosen))}>
        {t('rosterGroupRead')}
      </button>
    </p>
  );
}

/**
 * What was read: the rows refused and why (nothing can be imported), or a preview of what the import will
 * do, with the button that replaces the class's roster with it whole. `onClose(imported)` after either button.
 */
export function RosterReadView(props: { read: RosterRead; current: Pupil[]; policy?: Policy; onImport: (pupils: Pupil[], source: 'csv' | 'paste') => Promise<void>; onClose: (imported: boolean) => void; onRead?: (read: RosterRead) => void }) {
  const { read } = props;
  const diff = read.result.ok ? diffRoster(props.current, read.result.pupils) : undefined;
  return (
    <>
    {read && !read.result.ok && (
      <div role="alert" class="error" data-policy-guard="roster-problems">
        {/* "Fix these rows" only where rows were refused: a file refused whole has a class to choose, or headings to mend. */}
        <p>{t(refusedRows(read.result) > 0 ? 'rosterProblems' : 'rosterProblemsFile')}</p>
        {read.result.rowsRead > 0 && (
          <p data-policy-guard="roster-counts">{refusedRows(read.result) > 0 ? t('rosterRowsRefused', [String(read.result.rowsRead), String(refusedRows(read.result))]) : t('rosterRowsReadCount', [String(read.result.rowsRead)])}</p>
        )}
        <ul>
          {read.result.problems.map((p) => (
            // A problem with the whole file has no row to name; one with the headings is not a pupil's row refused.
            <li key={`${p.row}:${p.code}:${(p.data ?? []).join('|')}`}>{problemLine(p, read.result, message)}</li>
          ))}
        </ul>
        <Notes result={read.result} />
        {read.result.groups && read.again && props.onRead && <GroupChoice read={read} onRead={props.onRead} />}
      </div>
    )}
    {read && diff && (
      <div class="preview" data-policy-guard="roster-preview">
        <p>
          <strong>{t('rosterPreview', [String(read.result.pupils.length), String(diff.added.length), String(diff.changed.length), String(diff.removed.length)])}</strong>
        </p>
        {read.result.encoding && (
          <p class="muted" data-policy-guard="roster-read-as">
            {/* A workbook's cells have no separator: the sheet read is named instead. */}
            {read.result.encoding === 'xlsx'
              ? t('rosterReadSheet', read.result.sheet ?? '')
              : t('rosterReadAs', [encodingName(read.result.encoding, message), separatorName(read.result.delimiter, message)])}
          </p>
        )}
        {!read.result.header && <p data-policy-guard="roster-no-heading">{t('rosterNoHeadingRow')}</p>}
        {read.result.skipped.length > 0 && (
          <p class="muted" data-policy-guard="roster-skipped">
            {t('rosterSkipped', read.result.skipped.map((line) => `“${line}”`).join(', '))}
          </p>
        )}
        {read.result.used.length > 0 && (
          <p class="muted" data-policy-guard="roster-columns">
            {/* Which column is read as what, as the CLI prints it. */}
            {t('rosterColumnsUsed', columnLines(read.result, message).join('; '))}
          </p>
        )}
        <Notes result={read.result} />
        {read.result.ignored.length > 0 && <p class="muted">{t('rosterColumnsIgnored', read.result.ignored.join(', '))}</p>}
        {read.result.legalNames > 0 && <p data-policy-guard="roster-legal-names">{t('rosterLegalNames', String(read.result.legalNames))}</p>}
        {read.result.noConsentRecorded > 0 && <p>{t('rosterNoConsent', String(read.result.noConsentRecorded))}</p>}
        {read.result.noInCareColumn && <p data-policy-guard="roster-no-in-care">{t('rosterNoInCareColumn')}</p>}
        {/* Pupils read as in care: what the policy in use does with that, before the import is confirmed. */}
        {read.result.pupils.some((p) => p.inCare) && <InCareNote policy={props.policy} />}
        {diff.removed.length > 0 && <p>{t('rosterWillRemove', diff.removed.map((p) => `${p.first} ${p.last}`.trim()).join(', '))}</p>}
        <p>
          <button
            type="button"
            data-policy-guard="roster-confirm"
            onClick={async () => {
              await props.onImport(read.result.pupils, read.source);
              props.onClose(true);
            }}
          >
            {t('rosterImportConfirm', String(read.result.pupils.length))}
          </button>{' '}
          <button type="button" onClick={() => props.onClose(false)}>
            {t('cancel')}
          </button>
        </p>
      </div>
    )}    </>
  );
}

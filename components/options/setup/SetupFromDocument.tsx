import './setup.css';
import { useState } from 'preact/hooks';
import type { PolicyState } from '../../../lib/ext/active-policy';
import { t } from '../../../lib/ext/i18n';
import type { Proposal } from '../../../lib/policy/from-text';
import { lazy, onDemand } from '../../Lazy';
import { Locked } from '../Locked';

// Drawn with the page, this section's code is light: the reader and extractor load on Read (or the template),
// the review once there is a proposal to show. Most visits to the settings page do neither.
const useReader = onDemand(() => import('./read-policy'));
const ProposalReview = lazy(() => import('./ProposalReview').then((m) => m.ProposalReview));

/**
 * Setting the school up: from its own policy document (pasted, .txt or .docx), or from the neutral
 * template. Either way the result is a proposal to review (ProposalReview) before anything is in force.
 */
export function SetupFromDocument(props: { state: PolicyState }) {
  const reader = useReader();
  const fixedByIt = props.state.locked === 'all' || !!props.state.itChoosesPolicy;
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | undefined>();
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [proposal, setProposal] = useState<Proposal | undefined>();
  // Whether the proposal was read from a document (a blank template reads nothing, by design).
  const [fromDocument, setFromDocument] = useState(false);
  const [newName, setNewName] = useState('');

  const read = async () => {
    setError('');
    setProposal(undefined);
    setBusy(true);
    try {
      // The text and file are read as they stand when Read was pressed (the box is disabled meanwhile).
      const result = await (await reader.request()).readPolicy({ file, text });
      if ('error' in result) setError(result.error);
      else {
        setProposal(result.proposal);
        setFromDocument(true);
      }
    } catch {
      setError(t('lazyFailed'));
    } finally {
      setBusy(false);
    }
  };
  const startBlank = async () => {
    setError('');
    try {
      const { blankProposal } = await reader.request();
      setFromDocument(false);
      setProposal(blankProposal('new-policy', newName.trim() || undefined));
    } catch {
      setError(t('lazyFailed'));
    }
  };

  return (
    <section data-policy-guard="setup">
      <h2>
        {t('setupTitle')} {fixedByIt && <Locked />}
      </h2>
      <p class="muted">{t('setupHelp')}</p>
      <fieldset disabled={fixedByIt || busy}>
        <label class="field">
          {t('setupPasteLabel')}
          <textarea data-policy-guard="setup-text" rows={8} value={text} onInput={(e) => {
            setText((e.currentTarget as HTMLTextAreaElement).value);
            setFile(undefined);
          }} />
        </label>
        <p>
          <label>
            {t('setupFileLabel')}{' '}
            <input type="file" data-policy-guard="setup-file" accept=".txt,.docx,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document" onChange={(e) => setFile((e.currentTarget as HTMLInputElement).files?.[0])} />
          </label>
        </p>
        <p>
          <button type="button" data-policy-guard="setup-read" disabled={!file && !text.trim()} onClick={() => void read()}>
            {busy ? t('setupReading') : t('setupRead')}
          </button>
        </p>
      </fieldset>
      {error && (
        <p role="alert" class="error" data-policy-guard="setup-error">
          {error}
        </p>
      )}
      <fieldset disabled={fixedByIt}>
        <legend>{t('setupNewTitle')}</legend>
        <p class="muted">{t('setupNewHelp')}</p>
        <label>
          {t('setupNewName')} <input type="text" data-policy-guard="setup-new-name" value={newName} onInput={(e) => setNewName((e.currentTarget as HTMLInputElement).value)} />
        </label>{' '}
        <button type="button" data-policy-guard="setup-new" onClick={() => void startBlank()}>
          {t('setupNewStart')}
        </button>
      </fieldset>
      {proposal && <ProposalReview key={proposal.file + proposal.name.value} proposal={proposal} fromDocument={fromDocument} disabled={fixedByIt} onDone={() => undefined} />}
    </section>
  );
}

import './setup.css';
import { useState } from 'preact/hooks';
import type { PolicyState } from '../../../lib/ext/active-policy';
import { t } from '../../../lib/ext/i18n';
import { DocumentError, documentText, textProblem } from '../../../lib/policy/from-text/document';
import { blankProposal, proposeFromText, type Proposal } from '../../../lib/policy/from-text';
import { Locked } from '../Locked';
import { ProposalReview } from './ProposalReview';

/**
 * Setting the school up: from its own policy document (pasted, .txt or .docx), or from the neutral
 * template. Either way the result is a proposal to review (ProposalReview) before anything is in force.
 */
export function SetupFromDocument(props: { state: PolicyState }) {
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
      if (file) {
        const bytes = new Uint8Array(await file.arrayBuffer());
        setProposal(proposeFromText(await documentText(bytes, file.name), { file: file.name }));
        setFromDocument(true);
      } else {
        const problem = textProblem(text);
        if (problem) throw new DocumentError(problem);
        setProposal(proposeFromText(text, { file: 'pasted-policy.txt' }));
        setFromDocument(true);
      }
    } catch (e) {
      setError(e instanceof DocumentError ? e.message : t('policyFileUnreadable'));
    } finally {
      setBusy(false);
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
        <button type="button" data-policy-guard="setup-new" onClick={() => {
          setFromDocument(false);
          setProposal(blankProposal('new-policy', newName.trim() || undefined));
        }}>
          {t('setupNewStart')}
        </button>
      </fieldset>
      {proposal && <ProposalReview key={proposal.file + proposal.name.value} proposal={proposal} fromDocument={fromDocument} disabled={fixedByIt} onDone={() => undefined} />}
    </section>
  );
}

import './review.css';
import { useState } from 'preact/hooks';
import { resetEdits } from '../policy-requests';
import { t } from '../../../lib/ext/i18n';
import { policyChoice } from '../../../lib/ext/settings';
import { buildPolicy, proposalItems, settingsRead, type Decision, type Decisions, type Proposal } from '../../../lib/policy/from-text';
import { parsePolicy, type PolicyProblem } from '../../../lib/policy/parse';
import { Problems } from '../Problems';
import { ReviewItem } from './ReviewItem';

/**
 * The proposed policy, item by item, each to accept, edit or switch off. Nothing is in force until "Use
 * this policy": then the reviewed policy becomes the school's own policy file (and earlier adjustments,
 * made to another policy, are cleared).
 */
export function ProposalReview(props: { proposal: Proposal; disabled?: boolean; onDone: () => void; fromDocument?: boolean }) {
  const { proposal } = props;
  const [decisions, setDecisions] = useState<Decisions>({});
  const [problems, setProblems] = useState<PolicyProblem[] | undefined>();
  const [status, setStatus] = useState('');
  const items = proposalItems(proposal);
  const found = items.filter((i) => i.item.origin === 'document').length;
  const name = decisions.name?.state === 'edit' ? String(decisions.name.value) : proposal.name.value;

  const decide = (key: string, d: Decision) => {
    setStatus('');
    setDecisions({ ...decisions, [key]: d });
  };
  const use = async () => {
    const input = buildPolicy(proposal, decisions);
    const parsed = parsePolicy(input);
    if (!parsed.ok) return setProblems(parsed.problems);
    setProblems(undefined);
    try {
      await policyChoice.setValue({ kind: 'file', fileName: proposal.file, policy: input, chosenAt: new Date().toISOString() });
      await resetEdits();
      setStatus(t('setupUsed', parsed.policy.name));
      props.onDone();
    } catch {
      setProblems([{ path: '(file)', id: 'storageFailed' }]);
    }
  };

  return (
    <section data-policy-guard="setup-review">
      <h3>{t('setupReviewTitle', name)}</h3>
      {props.fromDocument && settingsRead(proposal) === 0 && (
        <p role="alert" class="error" data-policy-guard="setup-read-nothing">
          {t(proposal.offTopic ? 'setupOffTopic' : 'setupReadNothing')}
        </p>
      )}
      <p class="muted">{t('setupReviewHelp', [String(found), String(items.length)])}</p>
      <ul class="review">
        {items.map(({ key, item }) => (
          <ReviewItem key={key} proposal={proposal} itemKey={key} item={item} decision={decisions[key]} onDecide={(d) => decide(key, d)} />
        ))}
      </ul>
      {problems && <Problems problems={problems} intro={t('setupRefused')} hook="setup-problems" />}
      <p>
        <button type="button" data-policy-guard="setup-use" disabled={props.disabled} onClick={() => void use()}>
          {t('setupUse')}
        </button>
      </p>
      <p class="status" role="status" data-policy-guard="setup-status">
        {status}
      </p>
    </section>
  );
}

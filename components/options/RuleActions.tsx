import type { PolicyState } from '../../lib/ext/active-policy';
import { t, type MessageKey } from '../../lib/ext/i18n';
import { isLocked } from '../../lib/policy/resolve';
import { ACTIONS, RULE_IDS, type Policy } from '../../lib/policy/schema';
import { ruleLabel } from '../SpotSummary';
import { Locked } from './Locked';
import { SaveFooter } from './SaveFooter';
import { useSave } from './useSave';

/** What each rule does: off, audit (recorded), warn, confirm (held until confirmed), block. */
export function RuleActions(props: { policy: Policy; locked: PolicyState['locked'] }) {
  const { problems, status, save } = useSave();
  return (
    <fieldset data-policy-guard="rule-actions">
      <legend>{t('editRulesTitle')}</legend>
      <p class="muted">{t('editRulesHelp')}</p>
      {RULE_IDS.map((id) => {
        const locked = isLocked(`rules.${id}.action`, props.locked);
        return (
          <p key={id}>
            <label>
              {ruleLabel(id)}{' '}
              <select
                data-rule={id}
                value={props.policy.rules[id].action}
                disabled={locked}
                onChange={(e) => void save({ rules: { [id]: { action: (e.currentTarget as HTMLSelectElement).value } } })}
              >
                {ACTIONS.map((a) => (
                  <option key={a} value={a}>
                    {t(`action_${a}` as MessageKey)}
                  </option>
                ))}
              </select>
            </label>{' '}
            {locked && <Locked />}
          </p>
        );
      })}
      <SaveFooter problems={problems} status={status} />
    </fieldset>
  );
}

import { t } from '../../lib/ext/i18n';
import type { PolicyProblem } from '../../lib/policy/parse';
import { fieldLabel } from '../../lib/policy/field-label';
import { english, message } from '../finding-text';

/** A policy's problems, one per field, in words, with the exact path for whoever edits the file. */
export function Problems(props: { problems: PolicyProblem[]; intro: string; hook?: string }) {
  return (
    <div role="alert" class="error" data-policy-guard={props.hook ?? 'policy-problems'}>
      <p>{props.intro}</p>
      <ul>
        {props.problems.slice(0, 50).map((p) => (
          <li key={`${p.path}:${p.message}`} data-path={p.path}>
            <strong>{fieldLabel(p.path, (key, sub) => (english() ? undefined : message(key, sub === undefined ? undefined : [sub]) || undefined))}</strong> <code>{p.path}</code>: {p.message}
          </li>
        ))}
      </ul>
      {props.problems.length > 50 && <p>{t('policyMoreProblems', String(props.problems.length - 50))}</p>}
    </div>
  );
}

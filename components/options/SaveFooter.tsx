import { t } from '../../lib/ext/i18n';
import type { PolicyProblem } from '../../lib/policy/parse';
import { Problems } from './Problems';

/** An editor's save button, with what saving said: the problems that refused it, or "Saved." */
export function SaveFooter(props: { hook?: string; label?: string; onSave?: () => void; problems?: PolicyProblem[]; status: string; children?: preact.ComponentChildren }) {
  return (
    <>
      {(props.onSave || props.children) && (
        <p>
          {props.children}
          {props.onSave && (
            <>
              {' '}
              <button type="button" data-policy-guard={props.hook} onClick={props.onSave}>
                {props.label}
              </button>
            </>
          )}
        </p>
      )}
      {props.problems && <Problems problems={props.problems} intro={t('editRefused')} />}
      <p class="status" role="status">
        {props.status}
      </p>
    </>
  );
}

import { useState } from 'preact/hooks';
import { t } from '../../lib/ext/i18n';
import { VERSION } from '../../lib/meta';
import type { PolicyProblem } from '../../lib/policy/parse';
import { problemKey } from '../../lib/policy/problem';
import { messages } from '../../lib/i18n/messages';
import { problemLine, problemText } from '../../lib/i18n/policy-problem';
import { fieldLabel } from '../../lib/policy/field-label';
import { english, message } from '../i18n';

/**
 * Pure: what a member of staff sends their IT team about IT's settings: the intro, one "path: message" line per
 * problem (as `guard policy validate --lang` prints them in the interface's language: the installed catalog),
 * and the version and time, so IT can check a fix.
 */
export function textForIt(intro: string, problems: PolicyProblem[], now = new Date()): string {
  return [intro, '', ...problems.map((p) => problemLine(p, messages)), '', `Policy Guard ${VERSION}, ${now.toISOString()}`].join('\n');
}

/**
 * A policy's problems, one per field, in words, with the exact path for whoever edits the file. `forIt`: the
 * problems are with the settings the school's IT pushed, so a button copies them for IT (textForIt).
 */
export function Problems(props: { problems: PolicyProblem[]; intro: string; hook?: string; forIt?: boolean }) {
  const [copied, setCopied] = useState<'' | 'ok' | 'failed'>('');
  const copy = () =>
    navigator.clipboard
      .writeText(textForIt(props.intro, props.problems))
      .then(() => setCopied('ok'))
      .catch(() => setCopied('failed'));
  return (
    <div role="alert" class="error" data-policy-guard={props.hook ?? 'policy-problems'}>
      <p>{props.intro}</p>
      <ul>
        {props.problems.slice(0, 50).map((p) => (
          <li key={problemKey(p)} data-path={p.path} data-problem={p.id}>
            <strong>{fieldLabel(p.path, (key, sub) => (english() ? undefined : message(key, sub === undefined ? undefined : [sub]) || undefined))}</strong> <code>{p.path}</code>: {problemText(p, messages)}
          </li>
        ))}
      </ul>
      {props.problems.length > 50 && <p>{t('policyMoreProblems', String(props.problems.length - 50))}</p>}
      {props.forIt && (
        <p>
          <button type="button" data-policy-guard="copy-for-it" onClick={() => void copy()}>
            {t('copyForIt')}
          </button>{' '}
          <span role="status">{copied === 'ok' ? t('copiedForIt') : copied === 'failed' ? t('copyForItFailed') : ''}</span>
        </p>
      )}
    </div>
  );
}

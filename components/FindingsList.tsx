import type { Finding } from '../lib/rules/types';
import { t, type MessageKey } from '../lib/ext/i18n';
import { GuardedButton } from './GuardedButton';
import { tn } from './plural';

export interface FindingActions {
  onFix: (f: Finding) => void;
  onIgnore: (f: Finding, scope: 'post' | 'always') => void;
  /** Opens where the finding's missing record is kept (photo consent: the class's consent register). */
  onRecord?: (f: Finding) => void;
}

/** The findings for the draft being written, most serious first (the checker sorts them). */
export function FindingsList(props: { findings: Finding[] } & FindingActions) {
  if (props.findings.length === 0) {
    return (
      <p class="pg-ok" data-policy-guard="no-findings" role="status">
        {t('findingsNone')}
      </p>
    );
  }
  return (
    <ul class="pg-findings" aria-label={tn(props.findings.length, 'findingsCount')} data-policy-guard="findings">
      {/* Keyed by what the finding says too (the words found are in its message): another pupil's name at
          the same place is a new row, so its buttons' click guards start again (a page that swaps the
          name under a pointer gets no "Always ignore" for the new one). */}
      {props.findings.map((f) => (
        <li class={`pg-finding pg-${f.severity}`} data-rule={f.rule} data-severity={f.severity} key={`${f.rule}:${f.start}:${f.end}:${f.messageId}:${f.message}`}>
          <span class="pg-badge">{t(`severity_${f.severity}` as MessageKey)}</span>
          <p class="pg-line">{f.message}</p>
          {f.clause && (
            <details class="pg-clause">
              <summary>{t('findingClause')}</summary>
              <p>{f.clause}</p>
            </details>
          )}
          <div class="pg-actions">
            {f.fix !== undefined && (
              <GuardedButton class="pg-button" data-policy-guard="fix" lasting={false} onPress={() => props.onFix(f)}>
                {t('findingFix', f.fix)}
              </GuardedButton>
            )}
            {f.data.record === 'rosters' && props.onRecord && (
              <GuardedButton class="pg-link" data-policy-guard="record-consent" lasting={false} onPress={() => props.onRecord!(f)}>
                {t('findingRecordConsent')}
              </GuardedButton>
            )}
            {f.action === 'block' ? (
              // The school says this must not go as it is: it is fixed or edited, never ignored.
              <p class="pg-muted pg-small" data-policy-guard="no-ignore">
                {t('findingBlockNoIgnore')}
              </p>
            ) : (
              <>
                <GuardedButton class="pg-link" data-policy-guard="ignore-post" onPress={() => props.onIgnore(f, 'post')}>
                  {t('findingIgnorePost')}
                </GuardedButton>
                <GuardedButton class="pg-link" data-policy-guard="ignore-always" onPress={() => props.onIgnore(f, 'always')}>
                  {t('findingIgnoreAlways')}
                </GuardedButton>
              </>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}

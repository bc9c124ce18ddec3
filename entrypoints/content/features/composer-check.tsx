/**
 * Feature: guidance in the composer. Who will see the draft, each finding with its one-click fix and its
 * ignores, and what happened to a fix that could not be applied. The checking itself is the Guard's
 * (entrypoints/content/guard.ts), on every keystroke.
 */
import { useEffect, useState } from 'preact/hooks';
import { FindingsList } from '../../../components/FindingsList';
import { viewHasComposer } from '../../../lib/dojo/routes';
import { t } from '../../../lib/ext/i18n';
import { addIgnoredAlways } from '../../../lib/ext/page-settings';
import type { Finding } from '../../../lib/rules/types';
import { ask } from '../ask';
import { useStore } from '../core/store';
import type { Guard, GuardState } from '../guard';
import type { Feature, FeatureContext } from './feature';

export function useGuard(guard: Guard): GuardState {
  const [state, setState] = useState(guard.current);
  useEffect(() => guard.subscribe(setState), [guard]);
  return state;
}

function ComposerCheck(props: { f: FeatureContext }) {
  const { guard } = props.f;
  const page = useStore(props.f.page);
  const state = useGuard(guard);
  const show = page.route.app === 'teach' && viewHasComposer(page.route.view) && (page.composerCount ?? 0) > 0 && !!state.policy;
  // A redesigned post composer: say what cannot be checked rather than let silence read as "all clear".
  const notices: string[] = [];
  if (state.unavailable.length) notices.push(t('guidanceUnavailable', state.unavailable.join(', ')));
  if (show && state.extrasKnown === false && /story/.test(page.route.view)) notices.push(t('degradedExtras'));
  const noticeKey = notices.join('\n');
  useEffect(() => props.f.setNotices('composer-check', notices), [noticeKey]);
  if (!show) return null;
  return (
    <>
      <AudienceLine state={state} participants={page.participants} />
      {state.fixOutcome && (
        <p class="pg-notice" role="status" data-policy-guard="fix-outcome" data-outcome={state.fixOutcome}>
          {t(state.fixOutcome === 'stale' ? 'fixStale' : 'fixFailed')}
        </p>
      )}
      <FindingsList
        findings={state.findings}
        onFix={(f) => void guard.applyFix(f)}
        onRecord={() => void ask(props.f.ctx, { type: 'open-options', section: 'rosters', ...(page.route.classId ? { classId: page.route.classId } : {}) })}
        onIgnore={(f, scope) => {
          const always = guard.ignore(f, scope);
          // Storage full: ignored for this page only.
          if (always) void addIgnoredAlways({ ...always, at: new Date().toISOString() });
        }}
      />
    </>
  );
}

/**
 * Who will see what the teacher is writing. Counts come from ClassDojo's page only (the class's pupil tiles,
 * the chat's participant count), never from the roster Policy Guard was given, which may list only the
 * pupils someone typed in; without a count from the page it says "every family in the class".
 */
export function AudienceLine(props: { state: GuardState; participants?: number }) {
  const { channel, channelKnown, pupilCount, policy, checkMs } = props.state;
  let text: string;
  if (channel === 'class-story') text = pupilCount ? t('audienceSharedCount', String(pupilCount)) : t('audienceShared');
  else if (channel === 'school-story') text = t('audienceSchool');
  else if (channel === 'class-chat') text = !channelKnown ? t('audienceChatUnknown') : props.participants ? t('audienceChatCount', String(props.participants)) : t('audienceShared');
  else if (channel === 'points') text = t('audiencePoints');
  else if (channel === 'student-story' && policy?.audiences['student-story'] === 'shared') text = t('audienceShared');
  else text = t('audiencePrivate');
  return (
    <p
      class="pg-audience"
      data-policy-guard="audience"
      data-channel={channel}
      data-count={channel === 'class-story' ? pupilCount : channel === 'class-chat' ? props.participants : undefined}
      data-check-ms={checkMs?.toFixed(2)}
    >
      {text}
    </p>
  );
}

export const composerCheck: Feature = {
  name: 'composer-check',
  init(f) {
    f.guard.start();
    f.onPageChange(() => f.guard.refresh());
    f.addSlot({ feature: 'composer-check', order: 10, where: 'panel', render: () => <ComposerCheck f={f} /> });
  },
};

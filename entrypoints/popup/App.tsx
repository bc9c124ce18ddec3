/**
 * The popup: for staff, the policy in force, whether a teacher may send now, today's counts, and the
 * spot-check switch; for a parent, the parent popup; before anyone chose, the way to the question. It asks
 * the background for the role, the policy state and the counts (`popup-state`) rather than resolving the
 * policy or opening the database itself, so it loads neither the presets, zod's schemas nor Dexie
 * (tests/size: at most 30 KB gzipped).
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { FirstRunPopup, ParentPopup } from '../../components/popup/ParentPopup';
import { PopupDoctor } from '../../components/PopupDoctor';
import { ShieldIcon } from '../../components/ShieldIcon';
import { ukBankHolidays } from '../../lib/calendar/bank-holidays';
import { checkHours, describeWindows } from '../../lib/calendar/hours';
import { localWhen, localWindows, message } from '../../components/i18n';
import { problemText } from '../../lib/i18n/policy-problem';
import { problemKey } from '../../lib/policy/problem';
import type { PolicyState } from '../../lib/ext/active-policy';
import { t } from '../../lib/ext/i18n';
import { itLocksRefused, itPolicyBroken, itProblems } from '../../lib/policy/it-policy';
import type { PopupStateResponse, PopupView } from '../../lib/ext/messages';
import type { HeldSummary } from '../../lib/events/held';
import { VERSION } from '../../lib/meta';
import type { Policy } from '../../lib/policy/schema';
import { fromIt } from '../options/from-it';

const UNKNOWN: PolicyState = { policy: null, choice: null, managed: false, locked: [] };

const NOTHING: PopupView = { state: UNKNOWN, today: null, week: null, spot: false, role: null };

/** The background's view of the policy, today's counts and the spot-check, asked again whenever a setting changes. */
function usePopupState(): PopupView | undefined {
  const [view, setView] = useState<PopupView | undefined>();
  useEffect(() => {
    let asked = 0;
    const refresh = () => {
      const n = ++asked;
      void (browser.runtime.sendMessage({ type: 'popup-state' }) as Promise<PopupStateResponse | undefined>)
        .then((r) => (r?.ok ? r.value : NOTHING))
        .catch(() => NOTHING)
        // An older answer never replaces a newer one.
        .then((v) => n === asked && setView(v));
    };
    refresh();
    // The choice, the edits and IT's policy (managed storage, which can arrive seconds after start) all live
    // in extension storage: any change there may change what the popup says.
    const onChanged = () => refresh();
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);
  return view;
}

export function App() {
  const view = usePopupState();
  if (!view) return null;
  // A parent's browser gets the parent popup only; before anyone chose, only the way to the question.
  if (view.role === 'parent') return <ParentPopup state={view.state} />;
  if (!view.role) return <FirstRunPopup />;
  return <StaffPopup view={view} />;
}

/** The popup for staff: the policy in force, sending hours now, today's counts and the spot-check switch. */
function StaffPopup(props: { view: PopupView }) {
  const { view } = props;
  const state = view.state;
  const spot = view.spot;
  const policy = state.policy ?? null;

  return (
    <main data-policy-guard="popup">
      <h1>
        <ShieldIcon size={20} /> {t('extName')}
      </h1>
      <p class="muted">{t('popupVersion', VERSION)}</p>
      <p data-policy-guard="popup-policy">
        {policy ? t('policyActive', policy.name) : itPolicyBroken(state) ? t('policyItBroken') : state.problems ? t('policyUnusable') : view.lost ? t('policyUnreadable') : t('policyNone')}
        {state.managed && policy ? ` ${fromIt(state)}` : ''}
      </p>
      {state.managed && <ItProblems state={state} />}
      {policy && <HoursNow policy={policy} />}
      {policy && view.today && <Today counts={view.today} />}
      {policy && view.week && <Week week={view.week} />}
      <p>
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
          {/* Only with none chosen yet is choosing the way on: a policy that cannot be used is explained there. */}
          {policy || state.problems || view.lost ? t('openSettings') : t('policyChoose')}
        </button>
      </p>
      {policy && (
        <p>
          <button type="button" data-policy-guard="spot-toggle" aria-pressed={spot} onClick={() => void browser.runtime.sendMessage({ type: 'popup-spot', on: !spot }).catch(() => undefined)}>
            {spot ? t('spotStop') : t('spotStart')}
          </button>
        </p>
      )}
      <PopupDoctor />
      <p class="muted">{t('popupPrivate')}</p>
    </main>
  );
}

/**
 * What IT must fix, named here as well as in the settings page, so that staff can tell IT from the popup:
 * a mistyped setting name ("presetID: … did you mean presetId?"), a policy that cannot be read, locks that name
 * no setting. At most three, then how many more.
 */
function ItProblems(props: { state: PolicyState }) {
  const problems = itProblems(props.state);
  if (!problems.length || !(itPolicyBroken(props.state) || itLocksRefused(props.state))) return null;
  return (
    <div role="alert" class="error" data-policy-guard="popup-it-problems">
      {itLocksRefused(props.state) && <p>{t('popupLocksRefused')}</p>}
      <ul>
        {problems.slice(0, 3).map((p) => (
          <li key={problemKey(p)}>
            <code>{p.path}</code>: {problemText(p, message)}
          </li>
        ))}
      </ul>
      {problems.length > 3 && <p>{t('popupItProblemsMore', String(problems.length - 3))}</p>}
    </div>
  );
}

const windows = (policy: Policy) => localWindows(policy.hours.staff);

/** Whether a teacher may send now under the policy, and if not, when they may. */
function HoursNow(props: { policy: Policy }) {
  const { policy } = props;
  if (policy.rules['out-of-hours'].action === 'off' || policy.hours.staff.length === 0) return <p data-policy-guard="popup-hours">{t('popupNoHours')}</p>;
  const verdict = checkHours(new Date(), policy.hours.staff, policy.hours, policy.timeZone, ukBankHolidays);
  return (
    <p data-policy-guard="popup-hours" data-allowed={String(verdict.allowed)}>
      {verdict.allowed
        ? t('popupInHours', windows(policy))
        : t('popupOutOfHours', [windows(policy), verdict.next ? localWhen(verdict.next, policy.timeZone) : '—'])}
    </p>
  );
}

/** What the checks caught today in this browser (from the event record: counts only). */
function Today(props: { counts: HeldSummary }) {
  const { counts } = props;
  return (
    // Held first, then what became of each, as the week's line does: the outcomes add up to the held.
    <p data-policy-guard="popup-today" data-fixed={counts.byOutcome.fixed} data-held={counts.held} data-edited={counts.byOutcome.edited} data-overridden={counts.byOutcome['sent-anyway']} data-not-sent={counts.byOutcome['not-sent']}>
      {t('popupToday', [String(counts.held), String(counts.byOutcome.fixed), String(counts.byOutcome.edited), String(counts.byOutcome['sent-anyway'])])}
      <PartlyFixed n={counts.partlyFixed} />
      <NotSent n={counts.byOutcome['not-sent']} />
      <StillOpen n={counts.open} />
    </p>
  );
}

/**
 * Held sends whose outcome (edited, sent anyway) came after "Apply all fixes" cleared some of their rules:
 * counted once each by outcome above, so the outcomes still add up to the held; said here so the fixes show.
 */
function PartlyFixed(props: { n?: number }) {
  return props.n ? <span data-policy-guard="popup-partly-fixed" data-n={props.n}>{` ${t('popupPartlyFixed', String(props.n))}`}</span> : null;
}

/**
 * Held sends never decided (the page left with the dialog open): counted in the held above and in none of its
 * other outcomes, so the line still adds up; said only when there are some.
 */
function NotSent(props: { n?: number }) {
  return props.n ? <span data-policy-guard="popup-not-sent" data-n={props.n}>{` ${t('popupNotSent', String(props.n))}`}</span> : null;
}

/**
 * Held sends whose dialog is still up on a page (the teacher has not chosen yet): counted in the held above and in
 * none of its outcomes, so the line still adds up; said only when there are some.
 */
function StillOpen(props: { n?: number }) {
  return props.n ? <span data-policy-guard="popup-still-open" data-n={props.n}>{` ${t('popupStillOpen', String(props.n))}`}</span> : null;
}

/** The week's held sends, by what the teacher did (the options page lists each one, with its reason). */
function Week(props: { week: HeldSummary }) {
  const { week } = props;
  const { held, byOutcome } = week;
  return (
    <p data-policy-guard="popup-week" data-held={held} data-fixed={byOutcome.fixed} data-edited={byOutcome.edited} data-sent-anyway={byOutcome['sent-anyway']} data-not-sent={byOutcome['not-sent']}>
      {t('popupWeek', [String(held), String(byOutcome.fixed), String(byOutcome.edited), String(byOutcome['sent-anyway'])])}
      <PartlyFixed n={week.partlyFixed} />
      <NotSent n={byOutcome['not-sent']} />
      <StillOpen n={week.open} />{' '}
      <a
        href="#"
        onClick={(e) => {
          e.preventDefault();
          // Straight to the view (components/overrides/OverridesView.tsx reads the address), not the page's top.
          void browser.tabs.create({ url: browser.runtime.getURL('/options.html#overrides') });
        }}
      >
        {t('popupWeekDetails')}
      </a>
    </p>
  );
}

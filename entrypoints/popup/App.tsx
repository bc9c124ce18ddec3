import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { usePolicyState } from '../../components/options/usePolicyState';
import { useRole } from '../../components/options/useRole';
import { FirstRunPopup, ParentPopup } from '../../components/popup/ParentPopup';
import { PopupDoctor } from '../../components/PopupDoctor';
import { ShieldIcon } from '../../components/ShieldIcon';
import { ukBankHolidays } from '../../lib/calendar/bank-holidays';
import { checkHours, describeWindows } from '../../lib/calendar/hours';
import { english, localWhen, localWindows } from '../../components/finding-text';
import { guardDb } from '../../lib/ext/db';
import { t } from '../../lib/ext/i18n';
import type { GuardEvent } from '../../lib/ext/messages';
import { spotCheckOn } from '../../lib/ext/settings';
import { VERSION } from '../../lib/meta';
import type { Policy } from '../../lib/policy/schema';
import { localDate } from '../../lib/spot-check/record';
import { heldRows, weeklySummary, type HeldSummary } from '../../lib/events/held';
import { fromIt } from '../options/from-it';

export function App() {
  const state = usePolicyState();
  const { ready, role } = useRole(state?.managed);
  if (!ready) return null;
  // A parent's browser gets the parent popup only; before anyone chose, only the way to the question.
  if (role === 'parent') return <ParentPopup state={state} />;
  if (!role) return <FirstRunPopup />;
  return <StaffPopup state={state} />;
}

/** The popup for staff: the policy in force, sending hours now, today's counts and the spot-check switch. */
function StaffPopup(props: { state: ReturnType<typeof usePolicyState> }) {
  const { state } = props;
  const [spot, setSpot] = useState(false);
  useEffect(() => {
    void spotCheckOn.getValue().then(setSpot);
    return spotCheckOn.watch(setSpot);
  }, []);
  const policy = state?.policy ?? null;

  return (
    <main data-policy-guard="popup">
      <h1>
        <ShieldIcon size={20} /> {t('extName')}
      </h1>
      <p class="muted">{t('popupVersion', VERSION)}</p>
      {state && (
        <p data-policy-guard="popup-policy">
          {policy ? t('policyActive', policy.name) : state.problems ? t('policyUnusable') : t('policyNone')}
          {state.managed && policy ? ` ${fromIt(state)}` : ''}
        </p>
      )}
      {policy && <HoursNow policy={policy} />}
      {policy && <Today timeZone={policy.timeZone} />}
      {policy && <Week />}
      <p>
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
          {policy ? t('openSettings') : t('policyChoose')}
        </button>
      </p>
      {policy && (
        <p>
          <button type="button" data-policy-guard="spot-toggle" aria-pressed={spot} onClick={() => void spotCheckOn.setValue(!spot).catch(() => undefined)}>
            {spot ? t('spotStop') : t('spotStart')}
          </button>
        </p>
      )}
      <PopupDoctor />
      <p class="muted">{t('popupPrivate')}</p>
    </main>
  );
}

const windows = (policy: Policy) => (english() ? describeWindows(policy.hours.staff) : localWindows(policy.hours.staff));

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
function Today(props: { timeZone: string }) {
  const [counts, setCounts] = useState<Record<GuardEvent['kind'], number> | undefined>();
  useEffect(() => {
    const today = localDate(new Date(), props.timeZone);
    // The last 36 hours, narrowed to today's date in the school's time zone.
    const since = new Date(Date.now() - 36 * 3_600_000).toISOString();
    void guardDb()
      .events.where('at')
      .above(since)
      .toArray()
      .then((events) => {
        const c = { fix: 0, override: 0, blocked: 0, cancelled: 0, ignore: 0 };
        for (const e of events) if (localDate(new Date(e.at), props.timeZone) === today && e.kind in c) c[e.kind]++;
        setCounts(c);
      })
      .catch(() => undefined);
  }, []);
  if (!counts) return null;
  return (
    <p data-policy-guard="popup-today" data-fixed={counts.fix} data-held={counts.blocked + counts.cancelled + counts.override} data-overridden={counts.override}>
      {t('popupToday', [String(counts.fix), String(counts.blocked + counts.cancelled + counts.override), String(counts.override)])}
    </p>
  );
}

/** The week's held sends, by what the teacher did (the options page lists each one, with its reason). */
function Week() {
  const [week, setWeek] = useState<HeldSummary | undefined>();
  useEffect(() => {
    const since = new Date(Date.now() - 7 * 86_400_000).toISOString();
    void guardDb()
      .events.where('at')
      .above(since)
      .toArray()
      .then((events) => setWeek(weeklySummary(heldRows(events), new Date())))
      .catch(() => undefined);
  }, []);
  if (!week) return null;
  const { held, byOutcome } = week;
  return (
    <p data-policy-guard="popup-week" data-held={held} data-fixed={byOutcome.fixed} data-edited={byOutcome.edited} data-sent-anyway={byOutcome['sent-anyway']}>
      {t('popupWeek', [String(held), String(byOutcome.fixed), String(byOutcome.edited), String(byOutcome['sent-anyway'])])}{' '}
      <a
        href="#"
        onClick={(e) => {
          e.preventDefault();
          void browser.runtime.openOptionsPage();
        }}
      >
        {t('popupWeekDetails')}
      </a>
    </p>
  );
}

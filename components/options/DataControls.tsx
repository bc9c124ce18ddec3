import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { deleteRecords, guardDb } from '../../lib/ext/db';
import { forgetHolds } from '../../lib/ext/held-pending';
import { t } from '../../lib/ext/i18n';
import { deleteStaffData, hasStaffData, readStaffData, type StaffData } from '../../lib/ext/staff-data';
import { staffDataWords } from './staff-data-words';

/**
 * Two ways to delete. "Records only": every spot-check and every held send, override and fix (lib/ext/db.ts
 * `deleteRecords`) and the held sends not yet recorded (lib/ext/held-pending.ts `forgetHolds`), keeping the policy, rosters and settings, so checking goes on. "Delete all data": the database (rosters, spot-checks, the event record) and every setting in this
 * browser, but who uses it (staff or parent: no one's data, and asking again would only show this page
 * to a parent as a staff page first). What the school's IT pushed stays: it is the browser's, not ours,
 * and comes back anyway.
 */
/**
 * A button that asks once before it acts: a first click shows the confirming button (red) and Cancel; the
 * confirming click runs `onConfirm`, and the pair folds back once it has finished (a wipe that succeeds
 * reloads the page first). `hook` names the buttons for tests: `<hook>` and `<hook>-confirm`.
 */
function ConfirmButton(props: { hook: string; label: string; confirmLabel: string; onConfirm: () => Promise<void> }) {
  const [armed, setArmed] = useState(false);
  if (!armed) {
    return (
      <button type="button" data-policy-guard={props.hook} onClick={() => setArmed(true)}>
        {props.label}
      </button>
    );
  }
  return (
    <>
      <button type="button" class="danger" data-policy-guard={`${props.hook}-confirm`} onClick={() => void props.onConfirm().finally(() => setArmed(false))}>
        {props.confirmLabel}
      </button>{' '}
      <button type="button" onClick={() => setArmed(false)}>
        {t('cancel')}
      </button>
    </>
  );
}

export function DataControls(props: { parent?: boolean }) {
  // After a wipe the page reloads, so every section shows what is left (nothing); the query says why.
  const query = new URLSearchParams(location.search);
  const [status, setStatus] = useState(
    query.has('deleted') ? t('dataDeleted') : query.has('deletedStaff') ? t('dataDeletedStaff') : query.has('deletedRecords') ? t('dataDeletedRecords', String(Number(query.get('deletedRecords')) || 0)) : '',
  );
  // A parent's browser: any staff data still held (from before it was switched, or by an older version, which
  // kept it) is named, so "Your data" is true, and can be deleted on its own (probe 19e D3).
  const [staffLeft, setStaffLeft] = useState<StaffData | null>(null);
  useEffect(() => {
    if (!props.parent) return;
    void readStaffData()
      .then((d) => setStaffLeft(hasStaffData(d) ? d : null))
      .catch(() => setStaffLeft(null));
  }, [props.parent]);
  const wipeStaff = async () => {
    try {
      await deleteStaffData();
      location.replace(`${location.pathname}?deletedStaff`);
    } catch {
      setStatus(t('dataDeleteFailed'));
    }
  };
  const wipe = async () => {
    try {
      // The background's connection closes itself and reopens a fresh, empty database when next needed.
      await guardDb().delete({ disableAutoOpen: false });
      const { userRole } = await browser.storage.local.get('userRole');
      await browser.storage.local.clear();
      // A reason being typed in a held send's box (in memory only: components/frame-api.ts).
      await browser.storage.session?.clear().catch(() => undefined);
      if (userRole === 'staff' || userRole === 'parent') await browser.storage.local.set({ userRole });
      location.replace(`${location.pathname}?deleted`);
    } catch {
      setStatus(t('dataDeleteFailed'));
    }
  };
  const wipeRecords = async () => {
    try {
      const n = await deleteRecords();
      // And the held sends not yet recorded, which would otherwise come back as "not sent" rows.
      await forgetHolds();
      // Reloaded, as after "Delete all", so the history, the chart and the overrides show what is left.
      location.replace(`${location.pathname}?deletedRecords=${n}`);
    } catch {
      setStatus(t('dataDeleteFailed'));
    }
  };
  return (
    <section data-policy-guard="data">
      <h2>{t('dataTitle')}</h2>
      {/* A parent's browser holds no rosters or records, only the school chosen: unless staff data is still there. */}
      {staffLeft ? (
        <>
          <p data-policy-guard="staff-data-left">{t('dataHelpParentStaffLeft', staffDataWords(staffLeft))}</p>
          <p>
            <ConfirmButton hook="delete-staff-data" label={t('dataDeleteStaff')} confirmLabel={t('dataDeleteConfirm')} onConfirm={wipeStaff} />
          </p>
        </>
      ) : (
        <p class="muted">{t(props.parent ? 'dataHelpParent' : 'dataHelp')}</p>
      )}
      {/* Records (spot-checks, held sends, overrides) are staff's: a parent's page does not offer to delete them. */}
      {!props.parent && (
        <p>
          <ConfirmButton hook="delete-records" label={t('dataDeleteRecords')} confirmLabel={t('dataDeleteRecordsConfirm')} onConfirm={wipeRecords} />
        </p>
      )}
      <p>
        <ConfirmButton hook="delete-all" label={t(props.parent ? 'dataDeleteParent' : 'dataDelete')} confirmLabel={t('dataDeleteConfirm')} onConfirm={wipe} />
      </p>
      <p role="status" class="status">
        {status}
      </p>
    </section>
  );
}

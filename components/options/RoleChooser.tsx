import { useState } from 'preact/hooks';
import { t } from '../../lib/ext/i18n';
import type { Role } from '../../lib/ext/role';
import { deleteStaffData, hasStaffData, readStaffData, type StaffData } from '../../lib/ext/staff-data';
import { staffDataWords } from './staff-data-words';
import { chooseRole } from './useRole';

/**
 * First run: who uses Policy Guard in this browser. Afterwards, a line saying which was chosen, with a way
 * to change it. Not shown in a browser IT manages (that is staff's).
 *
 * Staff to parent (probe 19e D3): a parent's browser keeps only the school chosen, so the staff data (class
 * rosters with pupils' consent and in-care marks, records, class names, staff settings) is deleted as it
 * switches. When there is any, the switch first says what will go and waits for a second click; the data is
 * deleted before the role changes, so a delete that fails leaves the browser staff's, with its data, and says so.
 */
export function RoleChooser(props: { role: Role | undefined; managed: boolean }) {
  const [failed, setFailed] = useState(false);
  const [deleteFailed, setDeleteFailed] = useState(false);
  // What would be deleted, while the switch waits for its confirming click (undefined inside: could not be read).
  const [confirming, setConfirming] = useState<{ data: StaffData | undefined } | null>(null);
  if (props.managed) return null;
  const pick = async (role: Role) => setFailed(!(await chooseRole(role)));
  const switchToParent = async () => {
    try {
      await deleteStaffData();
    } catch {
      setDeleteFailed(true);
      return;
    }
    setConfirming(null);
    await pick('parent');
  };
  const askToParent = async () => {
    setDeleteFailed(false);
    const data = await readStaffData().catch(() => undefined);
    if (data && !hasStaffData(data)) await switchToParent();
    else setConfirming({ data });
  };
  if (props.role) {
    return (
      <>
        <p class="muted" data-policy-guard="role" data-role={props.role}>
          {t(props.role === 'parent' ? 'roleIsParent' : 'roleIsStaff')}{' '}
          <button type="button" class="link" onClick={() => void (props.role === 'parent' ? pick('staff') : askToParent())}>
            {t(props.role === 'parent' ? 'roleSwitchToStaff' : 'roleSwitchToParent')}
          </button>
        </p>
        {confirming && props.role === 'staff' && (
          <div role="alert" class="error" data-policy-guard="role-switch-confirm">
            <p>{t('roleSwitchConfirm', staffDataWords(confirming.data))}</p>
            <p>
              <button type="button" class="danger" data-policy-guard="role-switch-delete" onClick={() => void switchToParent()}>
                {t('roleSwitchConfirmButton')}
              </button>{' '}
              <button type="button" data-policy-guard="role-switch-cancel" onClick={() => setConfirming(null)}>
                {t('cancel')}
              </button>
            </p>
          </div>
        )}
        {(deleteFailed || failed) && (
          <p role="alert" class="error">
            {t(deleteFailed ? 'roleSwitchDeleteFailed' : 'roleSaveFailed')}
          </p>
        )}
      </>
    );
  }
  return (
    <section data-policy-guard="role-chooser">
      <h2>{t('roleQuestion')}</h2>
      <p>
        <button type="button" data-role="staff" onClick={() => void pick('staff')}>
          {t('roleStaff')}
        </button>{' '}
        <button type="button" data-role="parent" onClick={() => void pick('parent')}>
          {t('roleParent')}
        </button>
      </p>
      <p class="muted">{t('roleHelp')}</p>
      {failed && (
        <p role="alert" class="error">
          {t('roleSaveFailed')}
        </p>
      )}
    </section>
  );
}

import { useState } from 'preact/hooks';
import { t } from '../../lib/ext/i18n';
import type { Role } from '../../lib/ext/role';
import { chooseRole } from './useRole';

/**
 * First run: who uses Policy Guard in this browser. Afterwards, a line saying which was chosen, with a way
 * to change it. Not shown in a browser IT manages (that is staff's).
 */
export function RoleChooser(props: { role: Role | undefined; managed: boolean }) {
  const [failed, setFailed] = useState(false);
  if (props.managed) return null;
  const pick = async (role: Role) => setFailed(!(await chooseRole(role)));
  if (props.role) {
    return (
      <p class="muted" data-policy-guard="role" data-role={props.role}>
        {t(props.role === 'parent' ? 'roleIsParent' : 'roleIsStaff')}{' '}
        <button type="button" class="link" onClick={() => void pick(props.role === 'parent' ? 'staff' : 'parent')}>
          {t(props.role === 'parent' ? 'roleSwitchToStaff' : 'roleSwitchToParent')}
        </button>
      </p>
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

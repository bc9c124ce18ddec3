import type { PolicyState } from '../../lib/ext/active-policy';
import { t } from '../../lib/ext/i18n';
import { DataControls } from './DataControls';
import { PolicyChooser } from './PolicyChooser';
import { RoleChooser } from './RoleChooser';

/**
 * The settings page in a parent's browser: only what applies to a parent. The school (whose policy says
 * where messages go and when teachers reply), the role, and deleting the data. No rosters, spot-checks,
 * rule actions or staff hours.
 */
export function ParentSettings(props: { state: PolicyState | undefined }) {
  const { state } = props;
  return (
    <main data-policy-guard="options" data-role="parent">
      <h1>{t('optionsTitle')}</h1>
      <p>{t('parentIntro')}</p>
      <RoleChooser role="parent" managed={false} />
      {state && (
        <p data-policy-guard="options-current">{state.policy ? t('parentSchool', state.policy.name) : t('parentNoSchool')}</p>
      )}
      {state && <PolicyChooser state={state} parent />}
      <DataControls parent />
    </main>
  );
}

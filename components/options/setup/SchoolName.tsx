import type { PolicyState } from '../../../lib/ext/active-policy';
import { t } from '../../../lib/ext/i18n';
import { isLocked } from '../../../lib/policy/resolve';
import type { Policy } from '../../../lib/policy/schema';
import { Locked } from '../Locked';
import { SaveFooter } from '../SaveFooter';
import { useEditable } from '../useEditable';
import { useSave } from '../useSave';

/** The school's name, as teachers and parents see it in every message ("outside Hilltop Primary's hours"). */
export function SchoolName(props: { policy: Policy; locked: PolicyState['locked'] }) {
  const [name, setName] = useEditable(props.policy.name);
  const { problems, status, save } = useSave();
  const locked = isLocked('name', props.locked);
  return (
    <fieldset data-policy-guard="school-name" disabled={locked}>
      <legend>
        {t('schoolNameTitle')} {locked && <Locked />}
      </legend>
      <p class="muted">{t('schoolNameHelp')}</p>
      <input type="text" data-field="name" value={name} onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)} />
      <SaveFooter hook="school-name-save" label={t('schoolNameSave')} onSave={() => void save({ name })} problems={problems} status={status} />
    </fieldset>
  );
}

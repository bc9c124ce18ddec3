import type { PolicyState } from '../../lib/ext/active-policy';
import { t, type MessageKey } from '../../lib/ext/i18n';
import { isLocked } from '../../lib/policy/resolve';
import type { Contact, Policy } from '../../lib/policy/schema';
import { Locked } from './Locked';
import { SaveFooter } from './SaveFooter';
import { useEditable } from './useEditable';
import { useSave } from './useSave';

const FIELDS = ['name', 'role', 'phone', 'email', 'how'] as const;

/** Who parents' messages are sent on to: the office, the attendance officer, the nursing team, the DSL. */
export function ContactsEditor(props: { policy: Policy; locked: PolicyState['locked'] }) {
  const [contacts, setContacts] = useEditable(props.policy.routing.contacts);
  const { problems, status, save } = useSave();
  const set = (key: string, field: (typeof FIELDS)[number], value: string) => {
    const next: Contact = { ...contacts[key]! };
    if (value.trim()) next[field] = value;
    else if (field !== 'name') delete next[field];
    else next.name = value;
    // A role named in Policy Guard's words is worded in each language; once the school names it, it is theirs,
    // quoted as written (false, not removed: the edits are merged over the preset's `generic`).
    if (field === 'name' && next.generic) next.generic = false;
    setContacts({ ...contacts, [key]: next });
  };
  return (
    <fieldset data-policy-guard="contacts-editor">
      <legend>{t('editContactsTitle')}</legend>
      {Object.entries(contacts).map(([key, c]) => {
        const locked = isLocked(`routing.contacts.${key}`, props.locked);
        return (
          <fieldset key={key} data-contact={key} disabled={locked}>
            <legend>
              {/* A contact still under Policy Guard's own name is named in the interface's language; the school's own role as written. */}
              {c.generic ? t(`destination_${c.generic}` as MessageKey) : (c.role ?? key)} {locked && <Locked />}
            </legend>
            {FIELDS.map((f) => (
              <label key={f} class="field">
                {t(`contact_${f}` as MessageKey)}{' '}
                <input type="text" data-field={f} value={c[f] ?? ''} onInput={(e) => set(key, f, (e.currentTarget as HTMLInputElement).value)} />
              </label>
            ))}
          </fieldset>
        );
      })}
      <SaveFooter hook="contacts-save" label={t('editSaveContacts')} onSave={() => void save({ routing: { contacts } })} problems={problems} status={status} />
    </fieldset>
  );
}

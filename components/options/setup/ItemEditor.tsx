import { t, type MessageKey } from '../../../lib/ext/i18n';
import type { Proposal } from '../../../lib/policy/from-text';
import { ACTIONS, DESTINATIONS, type Contact, type Window } from '../../../lib/policy/schema';
import { WindowDays } from '../WindowDays';

const input = (e: Event) => (e.currentTarget as HTMLInputElement).value;

/** The controls to change one item's value; `onChange` gets the whole new value. */
export function ItemEditor(props: { proposal: Proposal; itemKey: string; value: unknown; onChange: (value: unknown) => void }) {
  const { itemKey, value, onChange } = props;
  const [kind] = itemKey.split('.') as [string];
  if (kind === 'name' || kind === 'responseTime') {
    return <input type="text" data-field={kind} value={String(value ?? '')} onInput={(e) => onChange(input(e))} />;
  }
  if (kind === 'termTime' || kind === 'monitoring') {
    return (
      <label>
        <input type="checkbox" data-field={kind} checked={Boolean(value)} onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked)} /> {t('setupYes')}
      </label>
    );
  }
  if (kind === 'staffHours' || kind === 'replyHours') {
    const windows = value as Window[];
    const set = (i: number, w: Window) => onChange(windows.map((x, j) => (j === i ? w : x)));
    return (
      <div>
        {windows.map((w, i) => (
          <WindowDays key={i} window={w} index={i} onChange={(next) => set(i, next)} />
        ))}
      </div>
    );
  }
  if (kind === 'contacts') {
    const c = value as Contact;
    const fields = ['name', 'role', 'phone', 'email', 'how'] as const;
    return (
      <div>
        {fields.map((f) => (
          <label key={f} class="field">
            {t(`contact_${f}` as MessageKey)}{' '}
            <input
              type="text"
              data-field={f}
              value={c[f] ?? ''}
              onInput={(e) => {
                const next: Contact = { ...c };
                const v = input(e);
                if (v.trim() || f === 'name') next[f] = v;
                else delete next[f];
                onChange(next);
              }}
            />
          </label>
        ))}
      </div>
    );
  }
  if (kind === 'routes') {
    const r = value as { destination: string; contact?: string };
    const contacts = Object.entries(props.proposal.contacts);
    return (
      <div>
        <label>
          {t('setupDestination')}{' '}
          <select data-field="destination" value={r.destination} onChange={(e) => {
            const destination = (e.currentTarget as HTMLSelectElement).value;
            const needs = !['teacher', 'meeting'].includes(destination);
            onChange({ destination, ...(needs ? { contact: r.contact ?? (destination === 'dsl' ? 'dsl' : contacts.find(([k]) => k !== 'dsl')?.[0] ?? 'dsl') } : {}) });
          }}>
            {DESTINATIONS.map((d) => (
              <option key={d} value={d}>
                {t(`dest_${d}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>{' '}
        {!['teacher', 'meeting'].includes(r.destination) && (
          <label>
            {t('setupContact')}{' '}
            <select data-field="contact" value={r.contact} onChange={(e) => onChange({ ...r, contact: (e.currentTarget as HTMLSelectElement).value })}>
              {contacts.map(([k, c]) => (
                <option key={k} value={k}>
                  {c.value.name}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
    );
  }
  if (kind === 'rules') {
    const r = value as { action: string };
    return (
      <label>
        {t('setupAction')}{' '}
        <select data-field="action" value={r.action} onChange={(e) => onChange({ ...r, action: (e.currentTarget as HTMLSelectElement).value })}>
          {ACTIONS.map((a) => (
            <option key={a} value={a}>
              {t(`action_${a}` as MessageKey)}
            </option>
          ))}
        </select>
      </label>
    );
  }
  if (kind === 'conduct') {
    const c = value as { consequence: string; report: string };
    return (
      <div>
        <label class="field">
          {t('setupConsequence')} <input type="text" data-field="consequence" value={c.consequence} onInput={(e) => onChange({ ...c, consequence: input(e) })} />
        </label>
        <label class="field">
          {t('setupReport')} <input type="text" data-field="report" value={c.report} onInput={(e) => onChange({ ...c, report: input(e) })} />
        </label>
      </div>
    );
  }
  return null;
}

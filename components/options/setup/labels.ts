/** Words for a proposal's items and values in the review (through the browser's i18n). */
import { message } from '../../i18n';
import { t, type MessageKey } from '../../../lib/ext/i18n';
import { windowsText } from '../../../lib/i18n/finding';
import { contactName } from '../../../lib/i18n/routing';
import { howText } from '../../../lib/i18n/reader-note';
import { DEFAULT_CONDUCT, GENERIC_ROLES, markGeneric, ROLE_WORDS } from '../../../lib/policy/from-text/defaults';
import type { Item, Proposal } from '../../../lib/policy/from-text';
import type { Contact, Window } from '../../../lib/policy/schema';

const key = (prefix: string, id: string) => t(`${prefix}_${id.replace(/-/g, '_')}` as MessageKey);

/**
 * A contact's role in the interface's language where it is Policy Guard's own role word (GENERIC_ROLES, ROLE_WORDS),
 * part by part for one person's several roles ("Headteacher and Designated Safeguarding Lead", as extract.ts joins
 * them); a part in the document's own words stays as written.
 */
function roleText(role: string): string {
  const parts = role.split(' and ');
  const word = (part: string) => {
    const lower = part.trim().toLowerCase();
    const id = ROLE_WORDS[lower] ?? GENERIC_ROLES[lower];
    return (id && t(`setupRole_${id}` as MessageKey)) || part;
  };
  // One role of the reader's generic ones is the destination's name ("Y Person Diogelu Dynodedig").
  const generic = parts.length === 1 ? GENERIC_ROLES[role.trim().toLowerCase()] : undefined;
  if (generic) return t(`destination_${generic}` as MessageKey) || role;
  // Joined as the catalog joins them (Welsh "Pennaeth / Person Diogelu Dynodedig": no mutation to get wrong).
  return parts.map(word).reduce((all, part) => t('setupRoleJoin', [all, part]));
}

/** The label of an item key ("routes.absence" → "Parents' messages about: Absence"). */
export function itemLabel(p: Proposal, itemKey: string): string {
  const [kind, id = ''] = itemKey.split(/\.(.*)/s) as [string, string?];
  switch (kind) {
    case 'name':
      return t('setupItemName');
    case 'staffHours':
      return t('setupItemStaffHours');
    case 'replyHours':
      return t('setupItemReplyHours');
    case 'termTime':
      return t('setupItemTermTime');
    case 'responseTime':
      return t('setupItemResponseTime');
    case 'contacts': {
      const c = p.contacts[id]?.value;
      // A role in the reader's own words is named in the interface's language; the school's own role as written.
      return t('setupItemContact', c?.role ? roleText(c.role) : c ? contactName(markGeneric(c), message) : id);
    }
    case 'routes':
      return t('setupItemRoute', key('intent', id));
    case 'rules':
      return t('setupItemRule', key('rule', id));
    case 'audiences':
      return t('setupItemAudiences');
    case 'conduct':
      return t('setupItemConduct');
    default:
      return t('setupItemMonitoring');
  }
}

const yes = (b: boolean) => t(b ? 'setupYes' : 'setupNo');

/** An item's value in words, as the review shows it. */
export function valueText(p: Proposal, itemKey: string, value: unknown): string {
  const [kind] = itemKey.split('.') as [string];
  switch (kind) {
    case 'staffHours':
    case 'replyHours':
      // The days in the interface's language ("Llun–Gwen 08:45–16:00"), as the findings say them.
      return (value as Window[]).length ? windowsText(value as Window[], message) : t('setupNone');
    case 'termTime':
    case 'monitoring':
      return yes(Boolean(value));
    case 'contacts': {
      const c = value as Contact;
      // A way to reach them that is Policy Guard's own (a default, "by phone") in the interface's language.
      return [contactName(markGeneric(c), message), c.how && howText(c.how, message), c.phone, c.email].filter(Boolean).join(' · ');
    }
    case 'routes': {
      const r = value as { destination: string; contact?: string };
      // (The proposal's contacts are marked generic when the policy is built: marked here as they will be.)
      const contact = r.contact && p.contacts[r.contact] ? markGeneric(p.contacts[r.contact]!.value) : undefined;
      // A contact under Policy Guard's own name is the destination already said: not said again in English. Nor
      // is a place or team the document names ("the office", "the absence line"): the destination says it, and
      // the contact's own heading names it; a person ("Mrs Ward") is said.
      const who = contact && !contact.generic && !/^the\s/.test(contact.name) ? contact.name : undefined;
      // A person in another role reached that way (the Headteacher, for complaints through the office): named with
      // their role, not as the destination's ("swyddfa'r ysgol (Mr Dafydd Owen)" read as if he were the office).
      const own = contact?.role ? GENERIC_ROLES[contact.role.trim().toLowerCase()] : undefined;
      if (who && contact?.role && own !== r.destination) return `${who} (${roleText(contact.role)})`;
      return `${key('dest', r.destination)}${who ? ` (${who})` : ''}`;
    }
    case 'rules':
      return key('action', String((value as { action: string }).action));
    case 'audiences':
      return Object.entries(value as Record<string, string>)
        .filter(([, a]) => a === 'shared')
        .map(([c]) => key('channel', c))
        .join(', ');
    case 'conduct':
      // The recommended wording in the interface's language; the school's own (read or edited) as written.
      return (value as { consequence: string }).consequence === DEFAULT_CONDUCT.consequence ? t('setupConductDefault') : (value as { consequence: string }).consequence;
    default:
      return String(value ?? '') || t('setupNone');
  }
}

export function originText(item: Item<unknown>): string {
  // A contact the document names without saying how to reach them: partly the document's, partly a default.
  if (item.origin === 'document' && item.defaults?.length) return t('setupPartlyFromDocument');
  return item.origin === 'document' ? t('setupFromDocument') : item.origin === 'recommended' ? t('setupRecommended') : t('setupSilent');
}

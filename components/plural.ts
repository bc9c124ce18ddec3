import { plural } from '../lib/i18n/finding';
import { message } from './i18n';

/**
 * A count with its noun in the form the interface's language gives that count: the catalog's `<base>_<form>`
 * message, `form` being CLDR's plural category of `n` in the catalog's locale (Intl.PluralRules; English: one,
 * other; Welsh also zero, two, few, many: "2 bostiad", "3 phostiad"), `<base>_other` where the catalog has no
 * message for that form (lib/i18n/finding.ts `plural`, as findings count points). The message takes the count as
 * $1, then `rest`; the key itself when the catalog has neither (outside an extension).
 */
export function tn(n: number, base: string, rest: string[] = []): string {
  return plural(message, base, n, [String(n), ...rest]) || `${base}_other`;
}

import { t, type MessageKey } from '../lib/ext/i18n';

/**
 * A count with its noun in the right number, "1 post" / "2 posts": `one` for exactly 1, `other` otherwise
 * (English's rule; a locale with more forms words its `other` message to suit every count). Each message
 * takes the count as $1, then `rest`. The browser's i18n has no plural forms of its own.
 */
export function tn(n: number, one: MessageKey, other: MessageKey, rest: string[] = []): string {
  return t(n === 1 ? one : other, [String(n), ...rest]);
}

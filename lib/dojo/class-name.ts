/**
 * A class's name as ClassDojo shows it ("Class 3 Oak"), kept with the roster and the records so leaders
 * read names, not ids. Pure: the page layer reads the candidates (lib/dojo/page.ts), the background stores
 * the name (lib/ext/classes.ts), every view labels a class through `classLabel`.
 */

/** A class name is at most this long once cleaned; longer text from the page is cut. */
export const CLASS_NAME_MAX = 80;

/**
 * A name as the page showed it, on one line, without control or bidi-override characters, at most
 * CLASS_NAME_MAX characters; undefined for nothing usable (empty, only digits and punctuation, or a time
 * stamp such as "Fri 20 Nov, 14:10" that a redesign put in the same place).
 */
export function cleanClassName(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  // eslint-disable-next-line no-control-regex
  const one = raw.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, ' ').replace(/\s+/g, ' ').trim();
  if (!one || !/\p{L}/u.test(one)) return undefined;
  if (/\b\d{1,2}[:.]\d{2}\b/.test(one) || /^\d{1,2}\/\d{1,2}\/\d{2,4}/.test(one)) return undefined;
  return one.slice(0, CLASS_NAME_MAX);
}

/**
 * The class name in a story feed's JSON (GET /api/storyFeed): the first item's `headerSubtext`, else its
 * `classroom.name` (both verified field names; see shared/docs/classdojo-web-app.md). Undefined when the
 * JSON has neither. Never throws on any input.
 */
export function classNameFromFeed(json: unknown): string | undefined {
  const items = (json as { _items?: unknown } | null)?._items;
  if (!Array.isArray(items)) return undefined;
  for (const item of items.slice(0, 50)) {
    const i = item as { headerSubtext?: unknown; classroom?: { name?: unknown } } | null;
    const name = cleanClassName(i?.headerSubtext) ?? cleanClassName(i?.classroom?.name);
    if (name) return name;
  }
  return undefined;
}

/**
 * How a class is named in every view and export: its name when one was read from the page, else its id,
 * labelled as an id (`class id c1`; `whole school` for the school scopes) so nobody takes `c1` for a name.
 * `unnamed` formats the fallback (the interface passes its translated words).
 */
export function classLabel(
  classId: string,
  names: ReadonlyMap<string, string> | Record<string, string | undefined>,
  unnamed: (id: string) => string = (id) => `class id ${id}`,
): string {
  const name = names instanceof Map ? names.get(classId) : (names as Record<string, string | undefined>)[classId];
  if (name) return name;
  return unnamed(classId);
}

/**
 * A class's name as ClassDojo shows it ("Class 3 Oak"), kept with the roster and the records so leaders
 * read names, not ids. Pure: the page layer reads the candidates (lib/dojo/page.ts), the background stores
 * the name (lib/ext/classes.ts), every view labels a class through `classLabel`.
 */

/**
 * A class name is at most this long once cleaned (longer text from the page is cut at a word, with "…"); it
 * is kept whole to this length for exports and tooltips, and shown cut to CLASS_LABEL_MAX (`shortLabel`).
 */
export const CLASS_NAME_MAX = 200;
/** The most of a class's name shown in a row, a legend or a filter; the rest is in its tooltip. */
export const CLASS_LABEL_MAX = 48;

/**
 * `s` cut to at most `max` characters at the last word boundary (a space) before it, with "…" at the end;
 * a single word longer than `max` is cut inside it. Unchanged when it fits.
 */
export function cutAtWord(s: string, max: number): string {
  if (s.length <= max) return s;
  const head = s.slice(0, max - 1);
  const space = head.lastIndexOf(' ');
  let cut = space > max / 2 ? head.slice(0, space) : head;
  // No trailing punctuation before the "…" (a loop, not /[…]+$/: that backtracks on long runs).
  while (cut.length > 1 && ' ,;:.–—-'.includes(cut[cut.length - 1]!)) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/**
 * A class's name in quotes, as the interface shows a name read from the page: “Class 3 Oak”. A name with
 * double quotes of its own gets single ones outside (British nesting), so quotes never sit inside quotes of
 * the same kind: ‘Year 2 “Derwen”’ (probe 20f D8).
 */
export function quoteName(name: string): string {
  return /[“”"]/.test(name) ? `‘${name}’` : `“${name}”`;
}

/**
 * A class's label as shown in a row, legend or filter: cut at a word to CLASS_LABEL_MAX (title: the whole).
 * A quoted name (quoteName) is cut inside its quotes and keeps its closing quote and any "(c2)" after it:
 * “Year 4, Willow – Mrs O'Brien & Mr…” (probe 20f D8: the cut dropped the closing quote).
 */
export function shortLabel(label: string): string {
  if (label.length <= CLASS_LABEL_MAX) return label;
  const m = /^([“‘])([\s\S]*)([”’])((?: \([^()]*\))?)$/.exec(label);
  if (!m || (m[1] === '“') !== (m[3] === '”')) return cutAtWord(label, CLASS_LABEL_MAX);
  const room = Math.max(8, CLASS_LABEL_MAX - 2 - m[4]!.length);
  return `${m[1]}${cutAtWord(m[2]!, room)}${m[3]}${m[4]}`;
}

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
  return cutAtWord(one, CLASS_NAME_MAX);
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
 * A class without a known name as the exports name it, always in English whatever the interface's language
 * (exports are files for spreadsheets and scripts: English headers and fixed codes, see export.ts): `class id
 * c1`, `the whole school`, `school id s1`. The screen says the same in the interface's language.
 */
export function exportIdLabel(classId: string): string {
  if (classId === 'school') return 'the whole school';
  if (classId.startsWith('school-')) return `school id ${classId.slice('school-'.length)}`;
  return `class id ${classId}`;
}

/**
 * How a class is named in every view and export: its name when one was read from the page, else its id,
 * labelled as an id (`class id c1`; `whole school` for the school scopes) so nobody takes `c1` for a name.
 * Two classes with the same name (ignoring case and spaces) among `names` are told apart class by class: by
 * `hint` when this class's hint is its own among them (the interface passes "latest post Dec 2025": last
 * year's class from this year's), else by its id: "Class 3 Oak (c2)". So of three same-name classes, the one
 * whose latest post is this year reads "(latest post Nov 2026)" even though the other two need their ids.
 * Pass as `names` only the classes shown together (a deleted class's name is no reason to add ids).
 * `unnamed` formats the fallback (the interface passes its translated words).
 */
export function classLabel(
  classId: string,
  names: ReadonlyMap<string, string> | Record<string, string | undefined>,
  unnamed: (id: string) => string = (id) => `class id ${id}`,
  hint?: (id: string) => string | undefined,
): string {
  const all = names instanceof Map ? [...names] : Object.entries(names);
  const name = all.find(([id]) => id === classId)?.[1];
  if (!name) return unnamed(classId);
  const fold = (n: string) => n.toLowerCase().replace(/\s+/g, ' ');
  const twins = all.filter(([id, n]) => id !== classId && !!n && fold(n) === fold(name)).map(([id]) => id);
  if (twins.length === 0) return name;
  const mine = hint?.(classId);
  return mine && twins.every((id) => hint?.(id) !== mine) ? `${name} (${mine})` : `${name} (${classId})`;
}

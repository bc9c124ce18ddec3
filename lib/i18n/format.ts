/**
 * A message of an extension catalog (public/_locales/<lang>/messages.json) formatted as the browser's own
 * `i18n.getMessage` formats it, for code that runs outside the browser (unit tests, the `guard` CLI) and must
 * give the very text the extension shows. Pure: no DOM, no file access; the caller passes the parsed catalog.
 *
 * Chromium does it in two steps, and so does this:
 * 1. When the extension loads, each `$NAME$` in a message (a name of ASCII letters, digits, `_` or `@`, matched
 *    case-insensitively) is replaced by its placeholder's `content` (extensions/common/message_bundle.cc,
 *    ReplaceVariables). A `$NAME$` with no placeholder makes Chromium refuse to load the extension; here it is
 *    left as written (tests/unit/i18n/catalog.test.ts refuses such a catalog).
 * 2. At the call, `$1`…`$9` in the result are replaced by the substitutions, a missing one by nothing; `$$` is
 *    one `$` (a run of n+1 `$` gives n); a `$` before any other character is dropped with that character
 *    (base::ReplaceStringPlaceholders). So a `$1` written straight into a message is a substitution too.
 */

export interface CatalogEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

export type Catalog = Record<string, CatalogEntry>;

// Message names are case-insensitive in Chromium (stored lower-cased): the lower-cased index of each catalog.
const lowerIndex = new WeakMap<Catalog, Map<string, CatalogEntry>>();

function entryOf(catalog: Catalog, key: string): CatalogEntry | undefined {
  if (Object.prototype.hasOwnProperty.call(catalog, key)) return catalog[key];
  let index = lowerIndex.get(catalog);
  if (!index) {
    index = new Map(Object.entries(catalog).map(([k, v]) => [k.toLowerCase(), v]));
    lowerIndex.set(catalog, index);
  }
  return index.get(key.toLowerCase());
}

const NAME = /^[A-Za-z0-9_@]+$/;

/**
 * Chromium's ReplaceVariables scan (extensions/common/message_bundle.cc), the one scanner both step 1
 * (`withPlaceholders`) and the catalog's check (`placeholdersUsed`) read `$NAME$`s with, so they cannot disagree:
 * from each `$`, the text up to the next `$` is a name if it is ASCII letters, digits, `_` or `@` (else the scan
 * goes on from the second `$`, which may begin a name). For a name, `replace(name)` gives what to put in place of
 * `$NAME$` (the scan goes on after it: it is not read for names again), or undefined to leave it as written and
 * go on from its second `$` (Chromium refuses the catalog there instead). Returns the message so replaced.
 */
function scanPlaceholders(message: string, replace: (name: string) => string | undefined): string {
  let at = 0;
  for (;;) {
    const begin = message.indexOf('$', at);
    if (begin < 0) return message;
    at = begin + 1;
    const end = message.indexOf('$', at);
    if (end < 0) return message;
    const name = message.slice(at, end);
    const content = NAME.test(name) ? replace(name) : undefined;
    if (content === undefined) continue;
    message = message.slice(0, begin) + content + message.slice(end + 1);
    at = begin + content.length;
  }
}

/**
 * Step 1's result per entry, as Chromium keeps it from load: every finding is worded through it, and the scan
 * and its map cost more than the substitution. Kept with the message and placeholders it was made from, so an
 * entry changed in place (tests build catalogs by hand) is scanned again.
 */
const stepOne = new WeakMap<CatalogEntry, { message: string; placeholders: CatalogEntry['placeholders']; text: string }>();

/** Step 1: `$NAME$` replaced by its placeholder's content (names matched case-insensitively), as Chromium does at load. */
export function withPlaceholders(entry: CatalogEntry): string {
  const kept = stepOne.get(entry);
  if (kept && kept.message === entry.message && kept.placeholders === entry.placeholders) return kept.text;
  const text = scanned(entry);
  stepOne.set(entry, { message: entry.message, placeholders: entry.placeholders, text });
  return text;
}

function scanned(entry: CatalogEntry): string {
  if (!entry.placeholders) return scanPlaceholders(entry.message, () => undefined);
  const byName = new Map(Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]));
  return scanPlaceholders(entry.message, (name) => byName.get(name.toLowerCase()));
}

/** Step 2: `$1`…`$9` replaced by the substitutions, `$$` by `$` (base::ReplaceStringPlaceholders). */
function substitute(text: string, subs: readonly string[]): string {
  // From one `$` to the next by the engine's own search, the text between copied whole.
  let out = '';
  let from = 0;
  for (let p = text.indexOf('$'); p !== -1; p = text.indexOf('$', from)) {
    out += text.slice(from, p);
    let i = p + 1;
    if (i >= text.length) return out; // a `$` at the end is dropped
    const c = text.charCodeAt(i);
    if (c === 36) {
      // A run of n+1 `$` gives n.
      while (i < text.length && text.charCodeAt(i) === 36) {
        out += '$';
        i++;
      }
      from = i;
    } else {
      // `$1`…`$9`: a substitution (a missing one is nothing); `$` before anything else: both dropped.
      if (c >= 49 && c <= 57) out += subs[c - 49] ?? '';
      from = i + 1;
    }
  }
  return out + text.slice(from);
}

/** chrome.i18n.getMessage's semantics: $NAME$ placeholders (case-insensitive) replaced by their content, whose $1..$9 are the substitutions; "$$" is "$"; a missing key gives "". */
export function formatMessage(catalog: Catalog, key: string, subs?: string | string[]): string {
  const entry = entryOf(catalog, key);
  if (!entry) return '';
  return substitute(withPlaceholders(entry), subs === undefined ? [] : typeof subs === 'string' ? [subs] : subs);
}

/**
 * The placeholder names a message uses (`$NAME$`, in lower case, in order, repeats kept), read as step 1 reads
 * them: each must be declared in the entry's placeholders, or Chromium refuses to load the extension.
 */
export function placeholdersUsed(message: string): string[] {
  const used: string[] = [];
  // Each name taken as declared (its content put in place), as step 1 would read a loadable message.
  scanPlaceholders(message, (name) => (used.push(name.toLowerCase()), ''));
  return used;
}

/**
 * A plural form a language has beyond English's ("x_points_two" in Welsh: CLDR's zero, two, few and many), as
 * `[base, form]`; undefined for any other key. Such a key needs no English of its own: it is the Welsh for the
 * English `<base>_other` (tests/unit/i18n/catalog.test.ts, scripts/i18n-review.ts).
 */
export function extraPluralForm(key: string): [string, string] | undefined {
  const m = /^(.+)_(zero|two|few|many)$/.exec(key);
  return m ? [m[1]!, m[2]!] : undefined;
}

/**
 * The English entry a Welsh key is the translation of: the same key, or for a plural form English lacks
 * (`extraPluralForm`), English's `<base>_other`. Undefined where English has neither.
 */
export function englishFor(key: string, en: Catalog): CatalogEntry | undefined {
  const extra = extraPluralForm(key);
  return en[key] ?? (extra ? en[`${extra[0]}_other`] : undefined);
}

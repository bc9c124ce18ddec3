/**
 * A page outline (lib/dojo/outline.ts) turned back into a page: the fixture variant `guard outline
 * to-fixture` writes for the end-to-end harness, so a school's report of a redesigned ClassDojo becomes a
 * failing test, then a selector change. Pure: outline in, HTML out.
 *
 * Every placeholder becomes a stand-in of the same kind: `$text` neutral words, `$sendLabel` "Send", a
 * `$label:` words of the same classes to the page doctor (`labelStandIn`: "Create a post", "Add photo",
 * "Something went wrong"…), a
 * participant count its bucket ("2 participants", "30 participants"), `$time` a fixed time, `$url` a photo on
 * ClassDojo's media host (which the harness serves), `$id` a made-up id, a `$number` its bucket. A node with a
 * count is repeated. The outline comes from outside (a school's email): tag and attribute names are checked
 * again, scripts, frames and event handlers are never written, and every value is escaped.
 */
import { attributePlaceholder, OUTLINE_FORMAT, SHADOW_ROOT, WORD_CLASSES, type Outline, type OutlineNode, type WordClass } from './outline';

/** Elements never written into a fixture, whatever the outline says. */
const FORBIDDEN = new Set([
  'script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'link', 'meta', 'base', 'style', 'template', 'html', 'head', 'body',
  // Raw-text elements: the parser reads what follows them as text, so one would swallow the rest of the
  // fixture, the runtime script included (`<plaintext>` to the end of the file).
  'plaintext', 'xmp', 'noembed', 'noframes', 'noscript', 'title',
]);
const VOID = new Set(['area', 'br', 'col', 'embed', 'hr', 'img', 'input', 'source', 'track', 'wbr']);
const NAME = /^[a-z][a-z0-9._:-]{0,60}$/;
/** A repeated node is written at most this many times (a feed of 500 posts needs no more to be a feed). */
const MAX_REPEAT = 30;
/** At most this many elements in a fixture. */
const MAX_ELEMENTS = 20_000;

/** How a skeleton's placeholder block (`OutlineNode.block`) is drawn: well over selectors.ts PLACEHOLDER_MIN. */
const BLOCK_STYLE = 'display:block;min-width:120px;height:48px;margin:8px 0;border-radius:8px;background:#e8e8ee';

/** A fixed time for `$time`: a school day afternoon, inside every preset's sending hours. */
export const FIXTURE_TIME = '2026-11-20T14:10:00.000Z';

/**
 * Words of the same classes as a `$label:` placeholder (lib/dojo/outline.ts `wordClass`), so the page doctor
 * reads the fixture as it read the page (probe 21f N3, N4): `wordClass(labelStandIn(p)) === p` for each
 * placeholder an outline writes (tests/unit/dojo/outline-words.test.ts). Unknown classes are left out.
 */
export function labelStandIn(placeholder: string): string {
  const has = new Set(placeholder.slice('$label:'.length).split('+').filter((c): c is WordClass => (WORD_CLASSES as readonly string[]).includes(c)));
  const words: string[] = [];
  if (has.has('loading')) words.push('Loading…');
  if (has.has('error')) words.push('Something went wrong');
  if (has.has('opener')) words.push(has.has('photo') ? 'Share a photo with your class' : has.has('tag') ? 'Add a note and tag students' : 'Create a post');
  else if (has.has('photo') && has.has('tag')) words.push('Tag students in a photo');
  else if (has.has('photo')) words.push('Add photo');
  else if (has.has('tag')) words.push('Tag students');
  return words.join(' ') || 'Sample text';
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const NUMBERS: Record<string, string> = { '0': '0', '1': '1', '2': '2', many: '30' };

/** A stand-in for an attribute placeholder (or the kept value itself). */
/** Attributes that hold an address: a fixture never takes one from an outline (it may have been edited). */
const URL_ATTRS = new Set(['href', 'src', 'srcset', 'action', 'formaction', 'poster', 'xlink:href', 'data', 'cite', 'background', 'ping', 'to', 'from', 'values']);

function attributeValue(name: string, value: string, ids: { next: number }): string {
  // An address is never taken from an outline, placeholder or not (`$prefix:javascript:…` in a hand-edited one).
  if (URL_ATTRS.has(name.toLowerCase())) return name.toLowerCase() === 'href' ? '#' : 'https://sphotos.classdojo.com/fixture/photo.jpg';
  // Kept classes with the rest as `$class` ("ProseMirror $class"): the kept ones as written, the rest a stand-in.
  if (name.toLowerCase() === 'class' && value.includes('$class')) {
    const kept = value.replace('$class', '').trim();
    return attributePlaceholder(name, kept) === kept ? `${kept} fx`.trim() : 'fx';
  }
  if (!value.startsWith('$')) {
    // An outline file may have been edited by hand: a kept value must be one the outline itself would keep,
    // and never an address (a `javascript:` link, a tracker).
    if (URL_ATTRS.has(name.toLowerCase())) return name.toLowerCase() === 'href' ? '#' : 'https://sphotos.classdojo.com/fixture/photo.jpg';
    return attributePlaceholder(name, value) === value ? value : 'x';
  }
  if (value === '$text') return 'Sample text';
  if (value === '$sendLabel') return 'Send';
  if (value.startsWith('$label:')) return labelStandIn(value);
  if (value === '$time') return FIXTURE_TIME;
  if (value === '$url') return name === 'href' ? '#' : 'https://sphotos.classdojo.com/fixture/photo.jpg';
  if (value === '$id') return `fx-${ids.next++}`;
  if (value === '$class') return 'fx';
  if (value.startsWith('$number:')) return NUMBERS[value.slice(8)] ?? '1';
  if (value.startsWith('$participants:')) return `${NUMBERS[value.slice(14)] ?? '30'} participants`;
  // A prefix or a part of a value our selectors name: written only if it is one (the outline may have been edited).
  if (value.startsWith('$prefix:') || value.startsWith('$contains:')) {
    const made = value.startsWith('$prefix:') ? `${value.slice(8)}1` : `New ${value.slice(10)}`;
    return attributePlaceholder(name, made) === value ? made : 'x';
  }
  return 'x';
}

function textValue(placeholder: string): string {
  if (placeholder === '$sendLabel') return 'Send';
  if (placeholder.startsWith('$label:')) return labelStandIn(placeholder);
  if (placeholder.startsWith('$participants:')) return `${NUMBERS[placeholder.slice(14)] ?? '30'} participants`;
  return 'Sample text';
}

function write(node: OutlineNode, out: string[], state: { elements: number; ids: { next: number } }): void {
  const times = Math.min(Math.max(1, Math.floor(node.count ?? 1)), MAX_REPEAT);
  for (let i = 0; i < times; i++) {
    if (state.elements >= MAX_ELEMENTS) return;
    const tag = typeof node.tag === 'string' && NAME.test(node.tag) ? node.tag : 'div';
    if (FORBIDDEN.has(tag)) continue;
    if (tag === SHADOW_ROOT) {
      // An open shadow root: written as a declarative one, which the browser attaches to the element around it.
      state.elements++;
      out.push('<template shadowrootmode="open">');
      for (const child of node.children ?? []) write(child, out, state);
      out.push('</template>');
      continue;
    }
    state.elements++;
    const attrs = Object.entries(node.attrs ?? {})
      .filter(([name, value]) => NAME.test(name) && !name.startsWith('on') && typeof value === 'string' && name !== 'style')
      .map(([name, value]) => ` ${name}="${escapeHtml(attributeValue(name, value, state.ids))}"`)
      .join('');
    // A skeleton's placeholder block: drawn grey and big enough for the page doctor to read it as one.
    out.push(`<${tag}${attrs}${node.block === true ? ` style="${BLOCK_STYLE}"` : ''}>`);
    if (VOID.has(tag)) continue;
    // A text box starts empty: its text is the teacher's draft, not markup.
    if (node.text && tag !== 'textarea') out.push(escapeHtml(textValue(node.text)));
    for (const child of node.children ?? []) write(child, out, state);
    out.push(`</${tag}>`);
  }
}

/** Whether a value has the outline's shape (the CLI checks the rest, with messages, before calling this). */
export function isOutline(value: unknown): value is Outline {
  const o = value as Outline | null;
  return typeof o === 'object' && o !== null && o.format === OUTLINE_FORMAT && Array.isArray(o.regions);
}

/**
 * The fixture page for an outline: a whole HTML document whose body holds each region (the app root first,
 * then what React rendered outside it), and the fixture runtime (tests/fixtures/outlines/runtime.js) that
 * tells the harness the page is ready and records sends. `name` goes in the title.
 */
export function outlineToFixture(outline: Outline, name: string): string {
  const out: string[] = [];
  const state = { elements: 0, ids: { next: 1 } };
  for (const region of outline.regions) {
    const node = region.node;
    // The app root is the body's first child; a region that is <body> itself (a renamed root) is unwrapped.
    if (node.tag === 'body') for (const child of node.children ?? []) write(child, out, state);
    else write(node, out, state);
  }
  const meta = JSON.stringify({ app: outline.app, view: outline.view, route: outline.route }).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en-GB">
  <head>
    <meta charset="utf-8" />
    <title>${escapeHtml(`Outline fixture: ${name}`)}</title>
    <link rel="stylesheet" href="/__fixtures__/shared/dojo.css" />
    <script type="application/json" id="outline-meta">${meta}</script>
  </head>
  <body>
${out.join('')}
    <script type="module" src="/__fixtures__/outlines/runtime.js"></script>
  </body>
</html>
`;
}

/** A route to open a fixture at: the outline's route pattern with each `{id}` replaced (`#/classes/c1/story`). */
export function fixtureRoute(outline: Outline): string {
  const ids = ['c1', 'g1'];
  let i = 0;
  const route = (outline.route || '#/').replace(/\{id\}/g, () => ids[Math.min(i++, ids.length - 1)]!);
  // The route comes from the outline file (an email): only a route's characters are kept, so what is printed
  // and opened is an address, never markup or a terminal escape.
  const safe = route.replace(/[^A-Za-z0-9/#._~-]/g, '');
  return safe.startsWith('#') ? safe : `#${safe}`;
}

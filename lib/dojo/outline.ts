/**
 * A page outline for support: the structure of ClassDojo's page around the composers, the feed and the
 * conversation (tag names, roles, `data-name` values, attribute names, counts and nesting) with every text,
 * id, URL, image source and other attribute value replaced by a placeholder. A school sends it when Policy
 * Guard cannot see a part of a real ClassDojo page; `guard outline to-fixture` turns it into a fixture page
 * for the end-to-end tests (lib/dojo/outline-fixture.ts).
 *
 * One builder, two homes: the content script runs it on the live page ("Copy a page outline for support"),
 * and `guard outline from-html` on a page saved with the browser's "Save page as". Both first read the page
 * into plain `PageElement`s (the live page with `pageTreeOfDom`, the DOM's core only: no layout, no
 * `instanceof HTMLElement`, no extension API; a saved page without a DOM, lib/dojo/outline-html.ts), and
 * `outlineOfTree` (pure) writes the outline.
 *
 * What is kept verbatim, and why (everything else becomes a placeholder):
 * - tag names and attribute names that are HTML's, ARIA's or a page's own (custom elements, `data-*`);
 *   any other name (broken markup turns a value's words into names) is only counted;
 * - `data-name` values shaped like ClassDojo's component names (what a redesign changes), ARIA roles, and
 *   the values HTML gives enumerated attributes (`aria-modal="true"`, `contenteditable`, `type="submit"`);
 * - an attribute value, id or class that Policy Guard's own selectors name (selectors.ts): ClassDojo's markup
 *   words such as `reactApplication`, `Story post`, `nessie-text`, a bubble's `data-sender-type="parent"`.
 * Text is `$text`, except ClassDojo's own words the adapter reads, kept as a class of word: a Send/Post label is
 * `$sendLabel`, a thread header's "29 participants" is `$participants:many`, and words the page doctor reads
 * (`wordClass`) are `$label:` and what they are to it: `$label:opener+photo` for "Share a photo or video",
 * `$label:error`, `$label:loading`, `$label:tag` (probe 21f N3, N4). Numbers are bucketed (0, 1, 2,
 * many); times are `$time`; URLs `$url`; ids `$id`; anything else `$value`.
 */
import { hasLexicon, lexiconIndex } from '../rules/lexicon';
import { expectsComposer, type DoctorReport, type PartId } from './doctor';
import { EXTENSION_HOST_ATTR, findAppRoot, messageInput, tierOf, uiRoots } from './page';
import { hashSegments, parseDojoLocation, type DojoApp, type DojoView } from './routes';
import { openerName, type NoComposerReason } from './probe';
import { ERROR_WORDS, EXTRAS_CONTROLS, EXTRAS_LABELS, LOADING_WORDS, PARTICIPANTS_TEXT, PLACEHOLDER_MIN, PLACEHOLDER_TAGS, SELECTORS, SEND_LABELS, type SelectorName } from './selectors';

export const OUTLINE_FORMAT = 'policy-guard-outline';
export const OUTLINE_VERSION = 1;
/** An outline is kept under this many bytes of JSON (the issue's bound is 50 KB): lists and depth are cut to fit. */
export const OUTLINE_MAX_BYTES = 48 * 1024;

export interface OutlineNode {
  /** Lower-case tag name. */
  tag: string;
  /** Attribute name → kept value or placeholder (`$text`, `$url`, `$id`, `$time`, `$number:2`, `$value`…). */
  attrs?: Record<string, string>;
  /** The element's own text, as a placeholder (`$text`, `$sendLabel`, `$participants:many`). */
  text?: string;
  children?: OutlineNode[];
  /** This node stands for this many siblings of the same shape (more than one). */
  count?: number;
  /** What Policy Guard's selectors find here, as `name:tier` (`composer:guess`, `storyPost:verified`). */
  seen?: string[];
  /** Elements below this one left out to keep the outline small. */
  more?: number;
  /**
   * Drawn as an empty block at least selectors.ts PLACEHOLDER_MIN big: a skeleton screen's grey placeholder, which
   * the page doctor reads as "still loading" (lib/dojo/probe.ts). A mark, no size, text or value; only in an
   * outline of a page the doctor took for still loading (`pageTreeOfDom`'s `blocks`). `to-fixture` draws it.
   */
  block?: true;
}

export interface OutlineRegion {
  /** The app root, or a container React rendered outside it (a dialog). */
  kind: 'app-root' | 'outside';
  node: OutlineNode;
}

export interface Outline {
  format: typeof OUTLINE_FORMAT;
  version: typeof OUTLINE_VERSION;
  /** The Policy Guard version that made it. */
  guard: string;
  app: DojoApp;
  view: DojoView;
  /** The address's route with every id replaced: `#/classes/{id}/story`. */
  route: string;
  source: 'extension' | 'saved-page';
  regions: OutlineRegion[];
  /** Elements walked on the page. */
  elements: number;
  /** Lists were grouped or depth was cut to keep the outline under OUTLINE_MAX_BYTES. */
  truncated: boolean;
  /**
   * What Policy Guard's selectors found anywhere on the page, as `name:tier` (best tier, sorted), and the parts
   * this view needs that nothing found (`expectedParts`): what a developer fixes first after a redesign.
   * Optional: outlines made before they were added still read.
   */
  found?: string[];
  missing?: SelectorName[];
  /**
   * The live page had no message box where one belongs and the page doctor took that for no redesign, and why:
   * still loading, an error page, or a control that opens the box (lib/dojo/probe.ts `noComposerReason`; probe
   * 21f N3). The words it rests on are `$label:` classes in the regions. Optional: saved pages have no doctor.
   */
  noComposer?: NoComposerReason;
  /**
   * Containers outside the app root left out to keep the outline under its bound (thousands of body-level
   * containers): the app root and those holding a message box or a Post/Send control are kept. Optional.
   */
  regionsLeftOut?: number;
  /**
   * What the selectors see only inside a component's open shadow root, where Policy Guard does not look (so
   * it is not `found`): where a redesign moved a part. Optional, as `found`.
   */
  enclosed?: string[];
}

/** The words of ClassDojo's verified routes (lib/dojo/routes.ts): any other segment of a route is an id. */
const ROUTE_WORDS = new Set(['classes', 'story', 'schools', 'messaging', 'portfolio', 'points', 'messages', 'reports', 'events', 'launchpad', 'group-chat-launch', 'login', 'class', 'school']);

/** `#/classes/5f3a…/story/77` → `#/classes/{id}/story/{id}`. */
export function routePattern(href: string): string {
  let hash = '';
  try {
    const url = new URL(href);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return '';
    hash = url.hash;
  } catch {
    return '';
  }
  const segments = hashSegments(hash).map((s) => (ROUTE_WORDS.has(s) ? s : '{id}'));
  return `#/${segments.join('/')}`;
}

/** Elements that are never part of the outline (not ClassDojo's UI, or content with no structure to show). */
export const SKIP = new Set(['script', 'style', 'link', 'meta', 'noscript', 'template', 'head', 'base', 'title']);
/** The outline's name for an open shadow root under its host (a fixture writes it as a declarative shadow root). */
export const SHADOW_ROOT = 'shadow-root';

/** Elements shown as a tag only: their inside is drawing or another document. */
export const LEAF = new Set(['svg', 'iframe', 'canvas', 'video', 'audio', 'object', 'embed', 'picture', 'math']);

const BOOLEAN_ATTRS = new Set(['hidden', 'disabled', 'readonly', 'checked', 'multiple', 'required', 'open', 'inert', 'selected', 'autofocus']);
const TOKEN = /^[A-Za-z_][\w:.-]{0,80}$/;

/**
 * A `data-name` value kept as written only when it is one our selectors name, or shaped like a component
 * name (lower camelCase of at least two words: "storyPost", "messageComposerInput"; or a lower-case name
 * with an id: "post-5f2b3c4d…"), which is what a redesign's new parts look like. Anything else ("Priya", "LeoWright", "amelia-hughes", "leo_wright") may
 * be a person's name: `$value`. Long hex or digit runs inside a kept one become `#`.
 */
function componentName(value: string): string {
  literals ??= selectorLiterals();
  if ((literals.attrs.get('data-name') ?? []).some((l) => l.op === '=' && l.value === value)) return value;
  const camel = /^[a-z]+(?:[A-Z][a-z0-9]*)+$/.test(value);
  // Case-sensitive on purpose: with /i, [a-z]+ and [A-Z] would overlap and backtrack exponentially.
  const withId = /^[a-z]+(?:[A-Z][a-z0-9]*)*[-_:](?:[0-9a-fA-F]{8,}|\d{4,})$/.test(value);
  if (!TOKEN.test(value) || !(camel || withId)) return '$value';
  // Any digits are an index or an id ("listItem12", "eventPost98"): "#", so a list of them groups by shape.
  const named = value.replace(/[0-9a-f]{8,}|\d+/gi, '#');
  // Shaped like a component name is not enough ("leoWright", "studentZephyrine"): every word of it must be
  // one of the interface's own words, and together they must not be a given name and a surname ("richPage",
  // "graceDay": where the word lists are installed).
  return uiWords(named) && !personShaped(named) ? named : '$value';
}

const personIndex = lexiconIndex((data) => ({ given: new Set(data.givenNames.map((n) => n.toLowerCase())), family: new Set(data.surnames.map((n) => n.toLowerCase())) }));

/** Whether a camelCase name reads as a given name and a surname ("richPage"); false with no word lists installed. */
function personShaped(name: string): boolean {
  if (!hasLexicon()) return false;
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z]+/).filter(Boolean);
  if (words.length < 2) return false;
  const { given, family } = personIndex();
  return given.has(words[0]!) && family.has(words[words.length - 1]!);
}

/**
 * The words component and attribute names are made of in an app like ClassDojo's ("storyPostHeader",
 * "data-test-id", "eventSignupCTA"): a data-name value or a data-* name is written only when every word of
 * it is one of these (or an id, written "#"), so a name built from a pupil's ("leoWright",
 * "data-zephyrine-quillfeather") is never written. A rarer real word becomes a placeholder, which costs
 * support little.
 */
const UI_WORDS = new Set(
  ('a action active add announcement app attachment author avatar award back badge bar block body box button ' +
    'calendar card cell chat class classroom close column comment composer container content control count ' +
    'cta cy date day delete dialog draft dropdown e edit emoji empty error event feed field file filter footer form formatted ' +
    'grid group header home icon id image index info inner input item key kind label layout like link list loading ' +
    'main media menu message modal more name nav new next notification open option outer page panel parent ' +
    'participant photo pin pinned point popover portfolio post prev preview primary ' +
    'profile qa reaction read remove reply role root row save schedule scheduled school search secondary section seen select ' +
    'send sent settings show sidebar signup size skill slider sort spinner state status story student submit tab ' +
    'tag teacher test testid text textarea thread time timestamp title toast toggle tooltip translate translation type unread ' +
    'upload user v value video view weight wrapper sender switcher conversation inbox recipient member bubble editor fixture ' +
    // What a redesign's new parts are called (a support probe's list: "publishStoryButton", "taggedPupils",
    // "attachPhotoButton", "audienceSelector", "mediaUploader", "writePostBox", "composeMessage").
    'publish share attach entry pupil compose write picker selector chooser uploader audience visibility tagged ' +
    'gallery album caption camera thumbnail attachments overlay drawer sheet banner actions action bottom top left right ' +
    'frame viewer player counter summary details detail expand collapse accordion chip pill tile tiles channel ' +
    'reply replies react emoji sticker mention quote link preview status stream timeline activity assign award').split(' '),
);

/** Whether every word of a component or attribute name is one of UI_WORDS ("#" stands for an id). */
function uiWords(name: string): boolean {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter(Boolean);
  return words.length > 0 && words.every((w) => UI_WORDS.has(w) || (w.endsWith('s') && UI_WORDS.has(w.slice(0, -1))));
}

/**
 * The outline's vocabulary: HTML's and WAI-ARIA's own words, in one list. A tag name, an attribute name, a
 * `role` or an enumerated attribute's value (`aria-expanded="true"`, `type="submit"`, `dir="rtl"`) is
 * written as it is only when it is one of these (each token of it, for a role or a value). Broken markup
 * turns words into names (`<img alt=Amelia Hughes>` has an attribute `hughes`; `<Leo Wright>` is a `leo`
 * element) and a page may put anything in an attribute (`type="amelia"`, `role="amelia hughes"`): none of
 * that is written. A tag outside the list is `unknown` (a custom element's `custom-element`: it is shaped
 * like any hyphenated words, `<leo-wright>`); an attribute name is only counted (`"$other": "$number:2"`);
 * a value is `$value`. One list, of common words only (none is anyone's name), because the content script
 * carries it on every ClassDojo page: a rarer word becoming a placeholder costs support nothing that matters.
 */
const VOCABULARY = new Set(
  // Tags.
  ('a article b body br button dialog div em figure footer form h1 h2 h3 h4 h5 h6 header html i iframe img input label li main nav ol ' +
    'option p section select small span strong svg table td textarea th time tr ul video shadow-root ' +
    // Attributes (beside aria-* and data-*).
    'alt autocomplete checked class content contenteditable datetime dir disabled for height hidden href id lang name placeholder ' +
    'readonly required role selected src srcset style tabindex title type value width ' +
    // Roles (WAI-ARIA's common ones).
    'alert banner cell checkbox combobox document feed grid group heading link list listbox listitem menu menuitem navigation none ' +
    'presentation radio region row search status tab tablist textbox toolbar tooltip ' +
    // Enumerated values (aria-* states, contenteditable, dir, type, autocomplete…); the first is the empty value.
    ' true false mixed undefined off on polite assertive ltr rtl auto plaintext-only email file image number password submit tel text ' +
    'url').split(' '),
);
/** Whether every token of a value is one of the vocabulary's words. */
const inVocabulary = (value: string) => value.split(/\s+/).every((t) => VOCABULARY.has(t));
const TEXT_ATTRS = new Set(['aria-label', 'aria-description', 'aria-roledescription', 'aria-placeholder', 'aria-valuetext', 'placeholder', 'alt', 'title', 'value', 'label']);
const URL_ATTRS = new Set(['href', 'src', 'srcset', 'action', 'formaction', 'poster', 'cite', 'data', 'xlink:href', 'background', 'ping']);
const TIME_ATTRS = new Set(['datetime']);

interface Literal {
  op: '=' | '^=' | '*=' | '$=' | '~=' | '|=';
  value: string;
  insensitive: boolean;
}

/** The attribute values, ids and classes Policy Guard's selectors name (selectors.ts), read from the selectors themselves. */
function selectorLiterals(): { attrs: Map<string, Literal[]>; ids: Set<string>; classes: Set<string> } {
  const attrs = new Map<string, Literal[]>();
  const ids = new Set<string>();
  const classes = new Set<string>();
  for (const list of Object.values(SELECTORS)) {
    for (const sel of list) {
      for (const m of sel.matchAll(/\[([\w:-]+)\s*([\^*$~|]?=)\s*(["'])(.*?)\3\s*(i)?\s*\]/g)) {
        const name = m[1]!.toLowerCase();
        const entry = { op: m[2] as Literal['op'], value: m[4]!, insensitive: m[5] === 'i' };
        attrs.set(name, [...(attrs.get(name) ?? []), entry]);
      }
      // Ids and classes outside attribute tests.
      const bare = sel.replace(/\[[^\][]*\]/g, '');
      for (const m of bare.matchAll(/#([\w-]+)/g)) ids.add(m[1]!);
      for (const m of bare.matchAll(/\.([\w-]+)/g)) classes.add(m[1]!);
    }
  }
  return { attrs, ids, classes };
}

let literals: ReturnType<typeof selectorLiterals> | undefined;

/** A number as a bucket: enough to tell a one-to-one chat from a class's, nothing more. */
function bucket(n: number): string {
  return n <= 2 ? String(n) : 'many';
}

function looksLikeTime(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}/.test(value) || /^\d{1,2}[./]\d{1,2}[./]\d{2,4}/.test(value);
}

function looksLikeUrl(value: string): boolean {
  return /^(https?:|\/|\.\.?\/|#|data:|blob:|mailto:|tel:|\w[\w.-]*\.(jpe?g|png|gif|webp|svg|mp4|pdf)\b)/i.test(value.trim());
}

/** A text as the adapter would read it: a Send/Post label, a participant count, or just text. */
export function textPlaceholder(text: string, classes: readonly WordClass[] = []): string {
  const t = text.trim();
  if (SEND_LABELS.test(t)) return '$sendLabel';
  const people = PARTICIPANTS_TEXT.exec(t);
  if (people) return `$participants:${bucket(Number(people[1]))}`;
  return (classes.length && wordClass(t, classes)) || '$text';
}

/** The word classes the page doctor reads, in the order `$label:` lists them. */
export const WORD_CLASSES = ['loading', 'error', 'opener', 'photo', 'tag'] as const;
export type WordClass = (typeof WORD_CLASSES)[number];

/**
 * What a text is to the page doctor, as `$label:` and its classes joined by `+`, or undefined: `loading` (a
 * page's "Loading…", selectors.ts LOADING_WORDS), `error` (ERROR_WORDS), `opener` (a name that opens the message
 * box, lib/dojo/probe.ts `openerName`), `photo` or `tag` (a box's photo or tag control, EXTRAS_LABELS). Without
 * them an outline drops the words the doctor's verdict rests on, and a fixture made from it says otherwise
 * (probe 21f N3: no notice became "cannot find the message box"; N4: "Add photo" lost its photo rows). A class,
 * never the words: `to-fixture` writes a stand-in of the same classes (lib/dojo/outline-fixture.ts). Only
 * the `allowed` classes are said: the outline allows each where the doctor reads it (`wordsAllowed`).
 */
export function wordClass(text: string, allowed: readonly WordClass[] = WORD_CLASSES): string | undefined {
  const t = text.replace(/\s+/g, ' ').trim();
  if (!t || t.length > 300) return undefined;
  const extras = EXTRAS_LABELS.test(t);
  const has: Record<WordClass, boolean> = {
    loading: LOADING_WORDS.test(t.slice(0, 80)),
    error: ERROR_WORDS.test(t),
    opener: openerName(t),
    photo: extras && /\b(photos?|images?|pictures?|videos?|media|upload|attach\w*|camera|llun(iau)?|fideo)\b/i.test(t),
    tag: extras && /\b(tag|tags|tagged|tagio)\b/i.test(t),
  };
  const classes = WORD_CLASSES.filter((c) => has[c] && allowed.includes(c));
  return classes.length ? `$label:${classes.join('+')}` : undefined;
}

/** An attribute's value as the outline keeps it (see the module comment). */
export function attributePlaceholder(name: string, value: string, classes: readonly WordClass[] = []): string {
  literals ??= selectorLiterals();
  const n = name.toLowerCase();
  if (BOOLEAN_ATTRS.has(n)) return '';
  if (n === 'data-name') return componentName(value);
  if (n === 'role') return value.trim() && inVocabulary(value.trim()) ? value.trim() : '$value';
  if (n === 'id') return literals.ids.has(value) ? value : '$id';
  // Before the selectors' words: "Send message" is a Send control's name, not a bubble's (`aria-label*="message"`).
  if (n === 'aria-label' && SEND_LABELS.test(value.trim())) return '$sendLabel';
  if (n === 'class') return classPlaceholder(value);
  if (n.startsWith('data-') && EDITOR_MARKS.has(n)) return EDITOR_MARKS.get(n)!.includes(value.trim().toLowerCase()) ? value.trim().toLowerCase() : n === 'data-offset-key' || n === 'data-editor' ? '$id' : '$value';
  for (const lit of literals.attrs.get(n) ?? []) {
    const v = lit.insensitive ? value.toLowerCase() : value;
    const l = lit.insensitive ? lit.value.toLowerCase() : lit.value;
    if (lit.op === '=' && v === l) return value;
    if (lit.op === '^=' && v.startsWith(l)) return `$prefix:${lit.value}`;
    if (lit.op === '*=' && v.includes(l)) return `$contains:${lit.value}`;
  }
  if (TIME_ATTRS.has(n) || (n === 'title' && looksLikeTime(value))) return '$time';
  if (URL_ATTRS.has(n) || looksLikeUrl(value)) return '$url';
  if (/^\d+$/.test(value.trim())) return `$number:${bucket(Number(value))}`;
  if (TEXT_ATTRS.has(n)) return textPlaceholder(value, n === 'aria-label' || n === 'title' ? classes : []);
  const v = value.trim().toLowerCase();
  // A page's own attribute (`name`, `data-*`) holds whatever the page puts there: a pupil called Strong in
  // `data-student-name="Strong"` is a word of the vocabulary (a tag). Only a switch's values are kept there.
  if (n === 'name' || n.startsWith('data-')) return SWITCH_VALUES.has(v) ? v : '$value';
  // References to other elements' ids: ids, never kept.
  if (ID_REFS.has(n)) return '$id';
  if (n === 'lang') return langCode(v);
  // Only an enumerated attribute keeps a word of the vocabulary ("aria-expanded": "true", "type": "submit"): a
  // free-text one ("aria-rowindextext", "content") may hold a name that is also a word (Strong, Small, Link).
  return ENUMERATED.has(n) && inVocabulary(v) ? v : '$value';
}

/**
 * A `lang` value as kept: a language code and, at most, a region (2 letters or 3 digits) or a script (4 letters,
 * from the common scripts): `en-gb`, `cy`, `es-419`, `zh-hant`. Any other subtag is dropped and anything else is
 * `$value`: `en-amelia` or `en-zqlang` would carry a page's word (probe 21e D6). A 3-letter language is kept only
 * when it is a known one, since a 3-letter word may be a name ("amy", "leo").
 */
function langCode(v: string): string {
  const [lang, sub] = v.split('-');
  if (!lang || !(/^[a-z]{2}$/.test(lang) || LANG3.has(lang))) return '$value';
  return sub && (/^([a-z]{2}|\d{3})$/.test(sub) || SCRIPTS.has(sub)) ? `${lang}-${sub}` : lang;
}
const LANG3 = new Set(['fil', 'haw', 'yue', 'cmn', 'ckb', 'kok', 'chr', 'gsw', 'sco', 'ast']);
const SCRIPTS = new Set(['latn', 'cyrl', 'arab', 'hans', 'hant', 'deva', 'grek', 'hebr', 'jpan', 'kore', 'thai', 'beng', 'guru', 'taml', 'ethi', 'geor', 'armn']);

/** A class attribute: the classes our selectors name and the editor libraries' own, the rest `$class`. */
function classPlaceholder(value: string): string {
  const tokens = value.split(/\s+/).filter(Boolean);
  const kept = tokens.filter((c) => literals!.classes.has(c) || EDITOR_CLASSES.has(c));
  return [...kept, ...(kept.length < tokens.length ? ['$class'] : [])].join(' ');
}

/**
 * The marks rich-text editor libraries put on their boxes (Draft.js, Lexical, ProseMirror and Tiptap, Slate,
 * Quill, CKEditor, TinyMCE): kept, because they tell a developer which text model a redesigned composer uses
 * (lib/dojo/text-model.ts reads each differently), and they are the libraries' names, never a person's.
 * Each data-* mark with the values the library writes (any other value is `$value`; Draft's keys are ids).
 */
const EDITOR_MARKS = new Map<string, string[]>([
  ['data-lexical-editor', ['true']], ['data-lexical-text', ['true']], ['data-lexical-decorator', ['true']],
  ['data-slate-editor', ['true']], ['data-slate-node', ['element', 'text', 'value']], ['data-slate-leaf', ['true']],
  ['data-slate-string', ['true']], ['data-slate-zero-width', ['z', 'n']], ['data-slate-void', ['true']], ['data-slate-placeholder', ['true']],
  ['data-contents', ['true']], ['data-block', ['true']], ['data-text', ['true']], ['data-offset-key', []], ['data-editor', []],
  ['data-pm-slice', []], ['data-gramm', ['true', 'false']],
]);
const EDITOR_CLASSES = new Set(
  ('ProseMirror ProseMirror-focused tiptap DraftEditor-root DraftEditor-editorContainer public-DraftEditor-content ' +
    'public-DraftEditorPlaceholder-root public-DraftStyleDefault-block public-DraftStyleDefault-ltr ql-container ql-editor ql-blank ' +
    'ql-toolbar ql-snow ck ck-content ck-editor__editable mce-content-body tox-edit-area ContentEditable__root').split(' '),
);

const ID_REFS = new Set(['for', 'headers', 'form', 'list', 'aria-labelledby', 'aria-describedby', 'aria-controls', 'aria-owns', 'aria-flowto', 'aria-activedescendant', 'aria-details', 'aria-errormessage']);
/** Attributes whose values HTML or WAI-ARIA enumerate. */
const ENUMERATED = new Set([
  'type', 'dir', 'contenteditable', 'autocomplete', 'inputmode', 'enterkeyhint', 'spellcheck', 'draggable', 'translate', 'hidden', 'tabindex',
  ...['expanded', 'pressed', 'checked', 'selected', 'hidden', 'disabled', 'haspopup', 'live', 'current', 'orientation', 'sort', 'autocomplete', 'invalid', 'modal', 'multiline', 'multiselectable', 'readonly', 'required', 'busy', 'atomic', 'relevant', 'dropeffect', 'grabbed'].map((a) => `aria-${a}`),
]);

/** The values a page's own attribute may keep: the states of a switch, nothing anyone is called. */
const SWITCH_VALUES = new Set(['', 'true', 'false', 'on', 'off', 'yes', 'no', 'open', 'closed', 'none', 'auto']);

/** The tag as the outline writes it. */
export function tagName(tag: string): string {
  const t = tag.toLowerCase();
  return VOCABULARY.has(t) ? t : t.includes('-') ? 'custom-element' : 'unknown';
}

const DATA_ATTR = /^data-[a-z0-9][a-z0-9._:-]{0,60}$/;
/** WAI-ARIA 1.2's states and properties: any other `aria-*` name is a page's own, and only counted. */
const ARIA_NAMES = new Set(
  ('activedescendant atomic autocomplete braillelabel brailleroledescription busy checked colcount colindex colindextext colspan ' +
    'controls current describedby description details disabled dropeffect errormessage expanded flowto grabbed haspopup hidden ' +
    'invalid keyshortcuts label labelledby level live modal multiline multiselectable orientation owns placeholder posinset pressed ' +
    'readonly relevant required roledescription rowcount rowindex rowindextext rowspan selected setsize sort valuemax valuemin valuenow ' +
    'valuetext').split(' '),
);
const ARIA_ATTR = { test: (n: string) => n.startsWith('aria-') && ARIA_NAMES.has(n.slice(5)) };

/** An attribute's name as the outline writes it, or undefined for a name it only counts (see VOCABULARY). */
export function attributeName(name: string): string | undefined {
  const n = name.toLowerCase();
  if (n.startsWith('on')) return undefined;
  if (VOCABULARY.has(n) || ARIA_ATTR.test(n)) return n;
  // A data-* name may carry an id ("data-v-5f3a9b2c"): digit and hex runs become "#", as in data-name values.
  // Only when its words are the interface's own ("data-test-id", not "data-zephyrine-quillfeather").
  if (EDITOR_MARKS.has(n)) return n;
  if (DATA_ATTR.test(n)) {
    const named = n.replace(/[0-9a-f]{8,}|\d{4,}/g, '#');
    return uiWords(named.slice(5)) ? named : undefined;
  }
  return undefined;
}

/**
 * A page element as the outline reads it: from the live page (`pageTreeOfDom`) or from a saved page's HTML
 * (lib/dojo/outline-html.ts, without a DOM). Scripts, styles, templates and Policy Guard's own UI are left
 * out; an SVG's or a frame's inside too.
 */
export interface PageElement {
  /** Lower-case tag name, as written on the page. */
  tag: string;
  /** Attributes as written (lower-case names, raw values). */
  attrs: [string, string][];
  /** The element's own text (its text children, not its descendants'). */
  text: string;
  children: PageElement[];
  /** What Policy Guard's selectors find here, as `name:tier` (none below READ_DEPTH). */
  seen: string[];
  /** Elements below this one not read, past the reading bounds (MAX_CHILDREN, MAX_READ): counted only. */
  more?: number;
  /** Drawn as a skeleton screen's placeholder block (`OutlineNode.block`): the live page only, when asked. */
  block?: boolean;
}

/**
 * How much of a page is read, the same on the live page and in a saved one, so a saved feed of 100,000 posts
 * (40 MB) costs the time and memory of a few thousand: an element's first MAX_CHILDREN children are read and
 * the rest only counted (a list past that many is outlined as a list of that many anyway: siblings group by
 * shape), and past MAX_READ elements in all, what follows is counted, not read. The body's own children (the
 * app root, dialogs outside it) are always read.
 */
export const MAX_CHILDREN = 1_000;
export const MAX_READ = 200_000;

/**
 * How deep below a region's root what our selectors see is read. No outline goes deeper (ATTEMPTS'
 * deepest cut; below it only elements are counted), and matching every selector on a page 20,000 levels
 * deep would walk 20,000 ancestors for each element.
 */
export const READ_DEPTH = 60;

/** The regions of a page, as page elements: what `buildOutline` outlines. */
export interface PageTree {
  regions: { kind: OutlineRegion['kind']; root: PageElement }[];
  /** Elements in the page's body. */
  elements: number;
}

interface Limits {
  maxDepth: number;
  /** Past this many runs of siblings, siblings are grouped by shape. */
  maxRuns: number;
}

function isOurs(el: Element): boolean {
  return el.localName.startsWith('policy-guard-') || el.hasAttribute(EXTENSION_HOST_ATTR);
}

/**
 * The names `seen` is written in. Not `messageInput`: most text inputs are no message box, and which is one
 * is for lib/dojo/page.ts `messageInput` to say from what is around it; on the live page a message box it
 * finds is seen as a `composer` (`seenAt`), and a saved page's reader by the same rules on its own tree
 * (lib/dojo/outline-html.ts `isMessageInput`, probe 21 M1).
 */
export const SEEN_NAMES = Object.keys(SELECTORS).filter((n) => n !== 'appRoot' && n !== 'dialogPortal' && n !== 'messageInput') as SelectorName[];

/** The generic way a Send/Post control is seen: a button (or one by role) named Send/Post. */
export function genericSend(tag: string, role: string | null, type: string | null, name: string): boolean {
  return (tag === 'button' || role === 'button' || (tag === 'input' && type === 'submit')) && SEND_LABELS.test(name.trim());
}

/**
 * An element's text as a saved page's reader sees it (lib/dojo/outline-html.ts): without what scripts, styles
 * and drawings inside it hold. Iterative, and at most 200 characters (a page may nest thousands deep).
 */
function shownText(el: Element): string {
  let text = '';
  const stack: Node[] = [el];
  while (stack.length && text.length <= 200) {
    const node = stack.pop()!;
    if (node.nodeType === 3) {
      text += node.nodeValue ?? '';
      continue;
    }
    if (node !== el && SKIP.has((node as Element).localName)) continue;
    // A drawing's own text is read, not its elements' (the saved page's reader skips what is inside them).
    if (node !== el && LEAF.has((node as Element).localName)) {
      for (let child = node.firstChild; child; child = child.nextSibling) if (child.nodeType === 3) text += child.nodeValue ?? '';
      continue;
    }
    for (let child = node.lastChild; child; child = child.previousSibling) stack.push(child);
  }
  return text;
}

/** `seen` for an element of the live page: each selector of ours it matches, as `name:tier`. */
function seenAt(el: Element): string[] {
  const seen: string[] = [];
  for (const name of SEEN_NAMES) {
    const tier = tierOf(el, name);
    if (tier) seen.push(`${name}:${tier}`);
  }
  if (el.localName === 'input' && messageInput(el as HTMLInputElement)) seen.push(`composer:${tierOf(el, 'messageInput')}`);
  if (!seen.some((s) => s.startsWith('sendButton:')) && genericSend(el.localName, el.getAttribute('role'), el.getAttribute('type'), el.getAttribute('aria-label') ?? (shownText(el).trim() || el.getAttribute('title') || ''))) {
    seen.push('sendButton:generic');
  }
  return seen;
}

/** An element of the live page as a page element, with its descendants (iterative: a page may nest thousands deep). */
function pageElementOf(root: Element, budget: { read: number }, blocks = false): PageElement {
  const make = (el: Element, depth: number): PageElement => {
    let text = '';
    for (let child = el.firstChild; child; child = child.nextSibling) if (child.nodeType === 3) text += child.nodeValue ?? '';
    const made: PageElement = { tag: el.localName, attrs: Array.from(el.attributes, (a) => [a.name.toLowerCase(), a.value] as [string, string]), text, children: [], seen: depth > READ_DEPTH ? [] : seenAt(el) };
    // A skeleton's placeholder block, as lib/dojo/probe.ts tells one (empty, of a block's tag, drawn big enough).
    if (blocks && !el.firstElementChild && !(el.textContent ?? '').trim() && PLACEHOLDER_TAGS.has(el.localName)) {
      const r = el.getBoundingClientRect();
      if (r.width >= PLACEHOLDER_MIN.width && r.height >= PLACEHOLDER_MIN.height) made.block = true;
    }
    return made;
  };
  const top = make(root, 0);
  budget.read++;
  // In document order (a pre-order walk, as a saved page is read), so the reading bounds fall on the same
  // elements in both. Iterative: a page may nest thousands deep.
  const stack: [Element, PageElement, number][] = [];
  const open = (el: Element | ShadowRoot, node: PageElement, depth: number) => {
    if (LEAF.has(node.tag)) return;
    const kids = el.children;
    for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i]!, node, depth + 1]);
    // A component's open shadow root, as its first child ("shadow-root"): a composer moved into one shows
    // where it went (a closed root cannot be read, by anyone).
    const shadow = (el as Element & { shadowRoot?: ShadowRoot | null }).shadowRoot;
    if (shadow && !isOurs(el as Element)) {
      const made: PageElement = { tag: SHADOW_ROOT, attrs: [], text: '', children: [], seen: [] };
      node.children.push(made);
      open(shadow, made, depth + 1);
    }
  };
  open(root, top, 0);
  while (stack.length) {
    const [el, node, depth] = stack.pop()!;
    if (SKIP.has(el.localName) || isOurs(el)) continue;
    if (node.tag !== 'body' && node.tag !== 'html' && (node.children.length >= MAX_CHILDREN || budget.read >= MAX_READ)) {
      node.more = (node.more ?? 0) + elementsIn(el);
      continue;
    }
    budget.read++;
    const made = make(el, depth);
    node.children.push(made);
    open(el, made, depth);
  }
  return top;
}

/** An element and the elements below it (not inside shadow roots), counted by a walk, not a query. */
function elementsIn(el: Element): number {
  let n = 0;
  const stack = [el];
  while (stack.length) {
    const e = stack.pop()!;
    n++;
    for (let c = e.firstElementChild; c; c = c.nextElementSibling) stack.push(c);
  }
  return n;
}

/**
 * The live page (or a DOM parsed from a saved page) as page elements: the regions `uiRoots` finds. `blocks`:
 * mark a skeleton screen's placeholder blocks (`OutlineNode.block`), asking for layout; only where the page doctor
 * took the page for still loading, so an outline of a drawn page is the same as its saved page's.
 */
export function pageTreeOfDom(doc: Document, blocks = false): PageTree {
  const appRoot = findAppRoot(doc);
  const budget = { read: 0 };
  return {
    regions: uiRoots(doc).map((root) => ({ kind: root === appRoot ? 'app-root' : 'outside', root: pageElementOf(root, budget, blocks) })),
    elements: doc.body ? doc.body.querySelectorAll('*').length : 0,
  };
}

/** Elements below one (iterative: a page may nest thousands deep). Only asked where depth is cut. */
function descendants(el: PageElement): number {
  let n = el.more ?? 0;
  const stack = [...el.children];
  while (stack.length) {
    const c = stack.pop()!;
    n += 1 + (c.more ?? 0);
    for (const k of c.children) stack.push(k);
  }
  return n;
}

const attrOf = (el: PageElement, name: string) => el.attrs.find(([n]) => n === name)?.[1];

/** A button, a link or an input button, or an element in such a role: what has a control's name. */
function isControl(el: PageElement): boolean {
  const role = attrOf(el, 'role');
  const type = attrOf(el, 'type')?.toLowerCase();
  return el.tag === 'button' || el.tag === 'a' || (el.tag === 'input' && (type === 'submit' || type === 'button')) || role === 'button' || role === 'link' || role === 'menuitem';
}

/** Where an element sits, for the word classes its text may get (`wordsAllowed`): bits of a mask. */
const IN_CONTROL = 1;
const IN_ERROR_PLACE = 2;
const IN_CONTENT = 4;

/** An element's place (`IN_*` bits), from its parent's: in a control, in a heading, paragraph or alert, in a post or a message. */
function placeOf(el: PageElement, above: number): number {
  let place = above;
  if (isControl(el) || el.tag === 'label' || attrOf(el, 'tabindex') === '0') place |= IN_CONTROL;
  const role = attrOf(el, 'role');
  if (/^(h[1-4]|p)$/.test(el.tag) || role === 'alert' || role === 'alertdialog') place |= IN_ERROR_PLACE;
  if (el.seen.some((s) => s.startsWith('storyPost:') || s.startsWith('messageBubble:'))) place |= IN_CONTENT;
  return place;
}

/**
 * The word classes an element's text may be outlined as, where the page doctor reads them (lib/dojo/probe.ts):
 * opener, photo and tag names in a control (a button, a link, a label, one by role); error words in a heading,
 * paragraph or alert, not inside a post or message Policy Guard recognises (there the page is drawn, and a post
 * saying "try again" is a post); loading words in an element with no child elements. Elsewhere text is `$text`,
 * so a feed's posts keep one shape.
 */
function wordsAllowed(el: PageElement, place: number): WordClass[] {
  const allowed: WordClass[] = [];
  if (!el.children.length) allowed.push('loading');
  if (place & IN_ERROR_PLACE && !(place & IN_CONTENT)) allowed.push('error');
  if (place & IN_CONTROL) allowed.push('opener', 'photo', 'tag');
  return allowed;
}

/** An element's own part of its node (tag, attributes, text, what our selectors see), whatever the limits. */
function ownPart(el: PageElement, place = 0): OutlineNode {
  const allowed = wordsAllowed(el, place);
  const node: OutlineNode = { tag: tagName(el.tag) };
  let attrs: Record<string, string> | undefined;
  let other = 0;
  for (const [raw, value] of el.attrs) {
    // What Policy Guard itself puts on the page (an emptied style on a box it watches, its ready mark) is not
    // ClassDojo's structure (probe 21e D11).
    if ((raw === 'style' && !value.trim()) || raw.startsWith('data-policy-guard')) continue;
    const name = attributeName(raw);
    if (name === undefined) {
      if (!raw.toLowerCase().startsWith('on')) other++;
      continue;
    }
    (attrs ??= {})[name] = attributePlaceholder(name, value, allowed);
  }
  if (other) (attrs ??= {}).$other = `$number:${bucket(other)}`;
  // "Share" on a text box names the box, not a Send control (probe 21e D12): only a control's name is `$sendLabel`.
  if (attrs?.['aria-label'] === '$sendLabel' && !isControl(el)) attrs['aria-label'] = '$text';
  if (attrs) node.attrs = attrs;
  if (el.text.trim()) node.text = textPlaceholder(el.text, allowed);
  if (el.seen.length) node.seen = el.seen;
  if (el.block) node.block = true;
  return node;
}

interface Limits {
  maxDepth: number;
  /** Past this many runs of siblings, siblings are grouped by shape. */
  maxRuns: number;
}

/**
 * An element as it will be outlined under some limits, before its node is written: its shape (a number,
 * the same for elements that would be written the same), and its children as runs of one shape. Nodes are
 * written only for what survives the collapsing (`nodeOf`), so a feed of 10,000 posts writes one post.
 */
interface Built {
  el: PageElement;
  shape: number;
  runs?: { built: Built; count: number }[];
  more?: number;
}

interface BuildState {
  truncated: boolean;
  own: Map<PageElement, { node: OutlineNode; id: number }>;
  /** Own parts' keys → numbers (an element's own part is the same whatever the limits). */
  ownIds: Map<string, number>;
  /** Shape keys → numbers: a key is the own part's number and the children's shapes and counts, so each is short. */
  shapes: Map<string, number>;
}

function build(el: PageElement, depth: number, limits: Limits, state: BuildState, above = 0): Built {
  const place = placeOf(el, above);
  let own = state.own.get(el);
  if (!own) {
    const node = ownPart(el, place);
    // A key for the own part (control characters cannot occur in a kept value or a placeholder).
    let key = `${node.tag}\u0000${node.text ?? ''}\u0000${node.seen?.join(',') ?? ''}${node.block ? '\u0000block' : ''}`;
    for (const name in node.attrs) key += `\u0000${name}\u0001${node.attrs[name]}`;
    let id = state.ownIds.get(key);
    if (id === undefined) state.ownIds.set(key, (id = state.ownIds.size));
    state.own.set(el, (own = { node, id }));
  }
  const kids = LEAF.has(el.tag) ? [] : el.children;
  // A childless element's shape is its own part's number (even); others' are interned (odd): most
  // elements are leaves, and this spares them a key and a look-up.
  if (!kids.length && !el.more) return { el, shape: own.id * 2 };
  const built: Built = { el, shape: 0 };
  let key = String(own.id);
  if (el.more) state.truncated = true;
  if (depth >= limits.maxDepth) {
    built.more = descendants(el);
    state.truncated = true;
    key += `|more ${built.more}`;
  } else {
    const { runs, grouped } = collapse(kids.map((k) => build(k, depth + 1, limits, state, place)), limits.maxRuns);
    if (grouped) state.truncated = true;
    built.runs = runs;
    key += `|${runs.map((r) => `${r.built.shape}x${r.count}`).join(',')}`;
    // Past the reading bounds: counted, not read.
    if (el.more) {
      built.more = el.more;
      key += `|more ${el.more}`;
    }
  }
  let shape = state.shapes.get(key);
  if (shape === undefined) state.shapes.set(key, (shape = state.shapes.size * 2 + 1));
  built.shape = shape;
  return built;
}

/** Runs of same-shaped siblings, each with a count; past `maxRuns`, siblings grouped by shape. */
function collapse(children: Built[], maxRuns: number): { runs: { built: Built; count: number }[]; grouped: boolean } {
  const runs: { built: Built; count: number }[] = [];
  for (const c of children) {
    const last = runs[runs.length - 1];
    if (last && last.built.shape === c.shape) last.count++;
    else runs.push({ built: c, count: 1 });
  }
  if (runs.length <= maxRuns) return { runs, grouped: false };
  const byShape = new Map<number, { built: Built; count: number }>();
  for (const r of runs) {
    const g = byShape.get(r.built.shape);
    if (g) g.count += r.count;
    else byShape.set(r.built.shape, { ...r });
  }
  return { runs: [...byShape.values()], grouped: true };
}

/** The node written for a built element (and, below it, one node per run). */
function nodeOf(built: Built, state: BuildState): OutlineNode {
  const node: OutlineNode = { ...state.own.get(built.el)!.node };
  if (built.runs) node.children = built.runs.map((r) => (r.count > 1 ? { ...nodeOf(r.built, state), count: r.count } : nodeOf(r.built, state)));
  if (built.more !== undefined) node.more = built.more;
  return node;
}

/**
 * The selector names a view needs to be checked at all, from its route and what is on the page, as the page
 * doctor (lib/dojo/doctor.ts) marks its parts `needed` (probe 21e D4): a composer and its Send/Post control where
 * one is written; the posts of a story feed and their text; on the teachers' story pages, the tagged pupils and
 * attachments of a box that can carry them (`page.storyBox`: the page's own box in the app root, or one in a
 * composer container we know); in an open conversation its bubbles and their text, and in the teachers' app
 * its header and, with bubbles on the page, who sent them; the tiles of the points page.
 */
export function expectedParts(route: { app: DojoApp; view: DojoView; conversation: boolean; post: boolean }, page: { storyBox?: boolean; bubbles?: boolean } = {}): SelectorName[] {
  const parts: SelectorName[] = [];
  const teach = route.app === 'teach';
  if (expectsComposer(route)) parts.push('composer', 'sendButton');
  if (route.view === 'class-story' || route.view === 'school-story' || route.view === 'parent-story') parts.push('storyPost', 'storyPostBody');
  if (teach && page.storyBox && (route.view === 'class-story' || route.view === 'school-story' || route.view === 'student-story')) parts.push('taggedStudent', 'attachment');
  if ((route.view === 'messaging' || route.view === 'parent-messages') && route.conversation) {
    parts.push('messageBubble', 'messageText');
    if (teach) parts.push('threadHeader');
    if (teach && page.bubbles) parts.push('messageSender');
  }
  if (route.view === 'points') parts.push('studentTile');
  return parts;
}

const TIER_ORDER = ['verified', 'guess', 'generic'];

/** The best tier of each name in `seen` lists, as sorted `name:tier`. */
function bestOf(best: Map<string, string>): string[] {
  return [...best].map(([n, t]) => `${n}:${t}`).sort();
}

function addSeen(best: Map<string, string>, seen: string[]): void {
  for (const s of seen) {
    const [name, tier] = s.split(':') as [string, string];
    const had = best.get(name);
    if (had === undefined || TIER_ORDER.indexOf(tier) < TIER_ORDER.indexOf(had)) best.set(name, tier);
  }
}

/**
 * Whether an element matches a list of simple selectors (`tag[attr="value"]…`, comma-separated), without a
 * DOM: what a page element (live or saved) can be asked. Throws on a selector of any other form, so a change to
 * EXTRAS_CONTROLS or dialogPortal that this cannot read fails its unit test, not silently.
 */
export function matchesSimple(el: PageElement, selectors: string): boolean {
  return selectors.split(',').some((sel) => {
    // Trimmed first, not `\s*` at both ends: two runs of spaces around an empty middle backtrack quadratically.
    const m = /^([a-z][a-z0-9-]*)?((?:\[[a-z-]+="[^"]*"\])*)$/i.exec(sel.trim());
    if (!m) throw new Error(`not a simple selector: ${sel}`);
    if (m[1] && el.tag !== m[1].toLowerCase()) return false;
    return [...m[2]!.matchAll(/\[([a-z-]+)="([^"]*)"\]/gi)].every(([, name, value]) => attrOf(el, name!.toLowerCase()) === value);
  });
}

/** An element's text with its descendants', as `textContent` (at most about 200 characters: a name is short). */
function deepText(el: PageElement): string {
  let text = '';
  const stack = [el];
  while (stack.length && text.length <= 200) {
    const n = stack.pop()!;
    text += n.text;
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  return text;
}

/**
 * lib/dojo/probe.ts `extrasControlNear` on page elements: a tag or photo control (EXTRAS_CONTROLS, or a button
 * or label named like one, EXTRAS_LABELS) in a box's surroundings, up to 6 levels up, never past the app root
 * or a dialog's own root (nor its region's root: above it is the body). `parents`: each element's parent.
 */
function extrasControlNear(box: PageElement, parents: Map<PageElement, PageElement>): boolean {
  const portal = SELECTORS.dialogPortal.join(', ');
  for (let up = parents.get(box), depth = 0; up && up.tag !== SHADOW_ROOT && depth < 6; up = parents.get(up), depth++) {
    const stack = [...up.children];
    while (stack.length) {
      const c = stack.pop()!;
      if (c.tag === SHADOW_ROOT) continue;
      if (matchesSimple(c, EXTRAS_CONTROLS)) return true;
      const role = attrOf(c, 'role');
      if (c.tag === 'button' || c.tag === 'label' || role === 'button') {
        const name = (attrOf(c, 'aria-label') ?? (deepText(c).trim() || attrOf(c, 'title') || attrOf(c, 'placeholder')) ?? '').trim();
        if (EXTRAS_LABELS.test(name)) return true;
      }
      stack.push(...c.children);
    }
    if (attrOf(up, 'id') === 'reactApplication' || matchesSimple(up, portal)) break;
  }
  return false;
}

/**
 * What the selectors see where Policy Guard reads the page (`found`), and what they see only inside a
 * component's shadow root (`enclosed`), where it does not look: the adapter (lib/dojo/page.ts) searches the
 * regions' own trees, never into shadow roots or frames, so a composer there is seen by no check and must not
 * be called found. Iterative (a page may nest thousands deep).
 */
function foundIn(tree: PageTree, storyView: boolean): { found: string[]; enclosed: string[]; storyBox: boolean } {
  const best = new Map<string, string>();
  const inside = new Map<string, string>();
  let storyBox = false;
  // Each element's parent in its region, for a box's surroundings (`extrasControlNear`).
  const parents = new Map<PageElement, PageElement>();
  // Each element with: inside a shadow root; in the app root; inside a composer container we know (a guess).
  const stack: [PageElement, boolean, boolean, boolean][] = tree.regions.map((r) => [r.root, false, r.kind === 'app-root', false]);
  while (stack.length) {
    const [el, shadowed, app, known] = stack.pop()!;
    addSeen(shadowed ? inside : best, el.seen);
    const inKnown = known || el.seen.includes('composerContainer:guess');
    if (!shadowed && el.seen.some((s) => s.startsWith('composer:'))) {
      // As the doctor (lib/dojo/probe.ts `carriesExtras`): a box that can carry tags and photos is in the app
      // root, in a container we know, or beside a tag or photo control (a post box in a dialog: probe 21 M2).
      if (app || inKnown || extrasControlNear(el, parents)) storyBox = true;
      // As the doctor, on a teachers' story page: a box in a composer container we know shows its tags and
    // photos, even with none there.
      if (inKnown && storyView) addSeen(best, ['taggedStudent:guess', 'attachment:guess']);
    }
    for (const c of el.children) {
      parents.set(c, el);
      stack.push([c, shadowed || el.tag === SHADOW_ROOT, app, inKnown]);
    }
  }
  // Who sent a message: a sender's name, or a bubble that says whose it is (the doctor's "message senders").
  const sender = best.get('parentBubble') ?? best.get('staffBubble');
  if (sender) addSeen(best, [`messageSender:${sender}`]);
  return { found: bestOf(best), enclosed: bestOf(inside).filter((s) => !best.has(s.split(':')[0]!)), storyBox };
}

/**
 * The doctor's parts (lib/dojo/doctor.ts `PartId`) that stand for a selector name of the outline: what the
 * live outline takes from the doctor's report, so the two never disagree on what was found.
 */
const PART_SELECTOR: Partial<Record<PartId, SelectorName>> = {
  composer: 'composer',
  'send-control': 'sendButton',
  'story-posts': 'storyPost',
  'thread-header': 'threadHeader',
  'message-bubbles': 'messageBubble',
  // The doctor's tags, photos and senders too (probe 21e D4): the outline's `missing` is the doctor's.
  'tagged-pupils': 'taggedStudent',
  attachments: 'attachment',
  'message-senders': 'messageSender',
  'pupil-tiles': 'studentTile',
};

/**
 * The live page's outline with the doctor's verdict (one source of truth for "found"): a part the doctor
 * needs and cannot use (a hidden or read-only text box is no composer; a composer without its own Post/Send
 * control) is `missing`, and a part no instance of which the doctor found is not `found`. The saved page has
 * no doctor (no layout to see what is visible): its outline says what the selectors see where Policy Guard
 * looks. Pure.
 */
export function withDoctorVerdict(outline: Outline, report: Pick<DoctorReport, 'parts'>): Outline {
  const missing = new Set(outline.missing ?? []);
  const gone = new Set<string>();
  for (const id of Object.keys(PART_SELECTOR) as PartId[]) {
    const parts = report.parts.filter((p) => p.id === id);
    const name = PART_SELECTOR[id]!;
    if (parts.some((p) => p.needed && !p.found)) missing.add(name);
    if (parts.length && parts.every((p) => !p.found)) gone.add(name);
  }
  const meaning = report.parts.find((p) => p.id === 'composer' && !p.found && !p.needed)?.meaning?.key;
  const noComposer = (['loading', 'error', 'opener'] as const).find((r) => meaning === `doctorMeanComposer${r[0]!.toUpperCase()}${r.slice(1)}`);
  return { ...outline, found: (outline.found ?? []).filter((f) => !gone.has(f.split(':')[0]!)), missing: [...missing], ...(noComposer ? { noComposer } : {}) };
}

/** Where the outline is made: the live page, or a page saved with "Save page as". */
export interface OutlineSource {
  /** The page's address (for a saved page, the one it was saved from, if known). */
  href: string;
  source: Outline['source'];
  /** Policy Guard's version (lib/meta.ts; the content script reads it from its manifest, to keep package.json out of its bundle). */
  guard: string;
}

/** The size limits tried in turn, loosest first, until the outline's JSON fits OUTLINE_MAX_BYTES. */
const ATTEMPTS: Limits[] = [
  { maxDepth: READ_DEPTH, maxRuns: 40 },
  { maxDepth: READ_DEPTH, maxRuns: 16 },
  { maxDepth: 40, maxRuns: 8 },
  { maxDepth: 24, maxRuns: 6 },
  { maxDepth: 14, maxRuns: 4 },
  { maxDepth: 8, maxRuns: 3 },
  { maxDepth: 4, maxRuns: 2 },
];

/**
 * The outline of a page's elements (pure: the live page's come from `pageTreeOfDom`, a saved page's from
 * lib/dojo/outline-html.ts). Linear in the number of elements for each size limit tried: each element's own
 * part is read once, and a node's shape is a short key of numbers. The result is under OUTLINE_MAX_BYTES of
 * JSON (lists are grouped and depth is cut to fit, `truncated`).
 */
export function outlineOfTree(tree: PageTree, from: OutlineSource): Outline {
  const route = parseDojoLocation(from.href);
  eventTitlesInCards(tree);
  unusableBoxes(tree);
  const { found, enclosed, storyBox } = foundIn(tree, route.app === 'teach' && (route.view === 'class-story' || route.view === 'school-story' || route.view === 'student-story'));
  const names = new Set(found.map((f) => f.split(':')[0]));
  const missing = expectedParts({ app: route.app, view: route.view, conversation: route.conversationId !== undefined, post: route.postId !== undefined }, { storyBox, bubbles: names.has('messageBubble') }).filter((n) => !names.has(n));
  const own: BuildState['own'] = new Map();
  const ownIds = new Map<string, number>();
  let outline: Outline | undefined;
  for (const limits of ATTEMPTS) {
    const state: BuildState = { truncated: false, own, ownIds, shapes: new Map() };
    const regions = tree.regions.map((r): OutlineRegion => ({ kind: r.kind, node: nodeOf(build(r.root, 0, limits, state), state) }));
    outline = {
      format: OUTLINE_FORMAT,
      version: OUTLINE_VERSION,
      guard: from.guard,
      app: route.app,
      view: route.view,
      // Only a ClassDojo address has a route worth writing (another site's path says nothing of ClassDojo's).
      route: route.app === 'other' ? '' : routePattern(from.href),
      source: from.source,
      regions,
      elements: tree.elements,
      truncated: state.truncated || limits !== ATTEMPTS[0],
      found,
      missing,
      ...(enclosed.length ? { enclosed } : {}),
    };
    if (new TextEncoder().encode(JSON.stringify(outline)).length <= OUTLINE_MAX_BYTES) return outline;
  }
  // Still too big at the smallest limits (thousands of body-level containers): keep the app root and the
  // containers holding a message box or a Post/Send control (where a dialog's composer is: probe 21e D13), cut
  // shallower until it fits, and say how many containers were left out. At depth 0, with the app root alone,
  // it is one element and a count: always under the bound.
  const regions = outline!.regions;
  const holds = (n: OutlineNode): boolean => {
    const stack = [n];
    while (stack.length) {
      const c = stack.pop()!;
      if (c.seen?.some((x) => x.startsWith('composer:') || x.startsWith('sendButton:'))) return true;
      stack.push(...(c.children ?? []));
    }
    return false;
  };
  const kept = [regions[0]!, ...regions.slice(1).filter((r) => holds(r.node)).slice(0, 20)];
  const fits = (o: Outline) => new TextEncoder().encode(JSON.stringify(o)).length <= OUTLINE_MAX_BYTES;
  for (const keep of [kept, [regions[0]!]]) {
    for (let depth = 3; depth >= 0; depth--) {
      const cut: Outline = { ...outline!, regions: keep.map((r) => ({ kind: r.kind, node: pruned(r.node, depth) })), truncated: true, regionsLeftOut: regions.length - keep.length };
      if (fits(cut) || (depth === 0 && keep.length === 1)) return cut;
    }
  }
  return outline!;
}

/**
 * A text box no one can type in is no composer (lib/dojo/page.ts findComposers needs one shown, enabled and
 * writable), so `composer` is taken out of its `seen` (probe 21f N7: a `hidden` textarea was outlined as a
 * composer): a box that is `hidden`, `inert`, `aria-hidden="true"` or styled `display: none` / `visibility:
 * hidden`, or inside such an element, or disabled or read-only. From the markup alone, the same on the live
 * page and a saved one (no layout: a box hidden by a style sheet keeps its `seen`). Iterative; changes `tree`.
 */
function unusableBoxes(tree: PageTree): void {
  const hides = (el: PageElement) =>
    el.attrs.some(([n, v]) => n === 'hidden' || n === 'inert' || (n === 'aria-hidden' && v.trim() === 'true') || (n === 'style' && /(display\s*:\s*none|visibility\s*:\s*hidden)/i.test(v)));
  const stack: [PageElement, boolean][] = tree.regions.map((r) => [r.root, false]);
  while (stack.length) {
    const [el, hiddenAbove] = stack.pop()!;
    const hidden = hiddenAbove || hides(el);
    if ((hidden || el.attrs.some(([n]) => n === 'disabled' || n === 'readonly')) && el.seen.some((s) => s.startsWith('composer:'))) el.seen = el.seen.filter((s) => !s.startsWith('composer:'));
    for (const c of el.children) stack.push([c, hidden]);
  }
}

/**
 * An `h2` is an event's title only inside a calendar-event card found by its marks (lib/dojo/page.ts
 * `eventCardOf`): the lowest element around it holding an event mark holds no story post, no message box, one
 * title and at most one of each mark. Any other `h2` (a chat's header, a dialog's heading) loses its
 * `eventPostTitle` in `seen` (probe 21e D8). Iterative (a page may nest thousands deep); changes `tree`.
 */
function eventTitlesInCards(tree: PageTree): void {
  type Counts = { marks: number; titles: number; other: number };
  const counts = new Map<PageElement, Counts>();
  const parent = new Map<PageElement, PageElement>();
  const titles: PageElement[] = [];
  const order: PageElement[] = [];
  const stack = tree.regions.map((r) => r.root);
  while (stack.length) {
    const el = stack.pop()!;
    order.push(el);
    if (el.seen.some((x) => x.startsWith('eventPostTitle:'))) titles.push(el);
    for (const c of el.children) {
      parent.set(c, el);
      stack.push(c);
    }
  }
  if (!titles.length) return;
  for (let i = order.length - 1; i >= 0; i--) {
    const el = order[i]!;
    const own: Counts = {
      marks: el.seen.filter((x) => x.startsWith('eventPostMark:')).length,
      titles: el.seen.some((x) => x.startsWith('eventPostTitle:')) ? 1 : 0,
      other: el.seen.some((x) => x.startsWith('storyPost:') || x.startsWith('composer:')) ? 1 : 0,
    };
    for (const c of el.children) {
      const k = counts.get(c)!;
      own.marks += k.marks;
      own.titles += k.titles;
      own.other += k.other;
    }
    counts.set(el, own);
  }
  for (const title of titles) {
    let up = parent.get(title);
    while (up && counts.get(up)!.marks === 0) up = parent.get(up);
    const card = up && counts.get(up)!;
    if (!card || card.titles !== 1 || card.other > 0 || card.marks > 2) title.seen = title.seen.filter((x) => !x.startsWith('eventPostTitle:'));
  }
}

/** A node with what lies below `depth` levels counted in `more`, not written; siblings past 50 counted too. */
function pruned(node: OutlineNode, depth: number): OutlineNode {
  const count = (n: OutlineNode): number => 1 + (n.more ?? 0) + (n.children ?? []).reduce((a, c) => a + count(c) * (c.count ?? 1), 0);
  const { children, ...rest } = node;
  if (!children?.length) return node;
  if (depth === 0) return { ...rest, more: (node.more ?? 0) + children.reduce((a, c) => a + count(c) * (c.count ?? 1), 0) };
  const kept = children.slice(0, 50);
  const dropped = children.slice(50).reduce((a, c) => a + count(c) * (c.count ?? 1), 0);
  return { ...rest, children: kept.map((c) => pruned(c, depth - 1)), ...(dropped || node.more ? { more: (node.more ?? 0) + dropped } : {}) };
}

/**
 * The outline of a page. `doc` is the live document (or a DOM parsed from a saved page). Never throws on
 * odd markup; the result is under OUTLINE_MAX_BYTES of JSON (lists are grouped and depth is cut to fit,
 * `truncated`).
 */
export function buildOutline(doc: Document, from: OutlineSource, blocks = false): Outline {
  return outlineOfTree(pageTreeOfDom(doc, blocks), from);
}

/** The outline as the text the teacher copies or the CLI prints. */
export function outlineJson(outline: Outline): string {
  return JSON.stringify(outline);
}

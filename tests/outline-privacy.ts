/**
 * The page outline's privacy test, shared by the unit tests (a saved page, through `guard outline
 * from-html`) and the end-to-end tests (the live page, through the panel and the popup): no word of the
 * fixture's posts, messages or pupil names appears in the outline.
 *
 * The outline is allowed its own vocabulary (its keys, tag and attribute names, ARIA roles, ClassDojo's
 * component names and the placeholders), and a post may happen to use one of those words ("children", "text",
 * "post"). So a content word that is also a word of the outline's structure is reported in `shared`, and the
 * tests assert that list is only such markup words; every other content word must not occur at all, and a
 * pupil's name never, whatever it is.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Outline, OutlineNode } from '../lib/dojo/outline';
import { FIXTURES_DIR } from './e2e/fixture-server';

const data = (name: string) => JSON.parse(readFileSync(join(FIXTURES_DIR, 'data', name), 'utf8'));

/** Every text of the fixture apps' posts and messages, and the pupils' names. */
export function fixtureContent(): { texts: string[]; pupils: string[] } {
  const texts: string[] = [];
  for (const feed of ['storyFeed-class-c1.json', 'storyFeed-school-s1.json']) {
    for (const item of data(feed)._items) texts.push(item.contents?.body ?? '', item.senderName ?? '', item.headerText ?? '', item.headerSubtext ?? '');
  }
  for (const file of ['conversations.json', 'home-conversations.json']) {
    for (const thread of Object.values(data(file)) as { title?: string; subtitle?: string; messages: { body: string; senderName: string }[] }[]) {
      texts.push(thread.title ?? '', thread.subtitle ?? '', ...thread.messages.flatMap((m) => [m.body, m.senderName]));
    }
  }
  const pupils = (data('class-c1-students.json')._items as { firstName: string; lastName: string }[]).flatMap((s) => [s.firstName, s.lastName]);
  return { texts, pupils };
}

const words = (s: string) => s.toLowerCase().match(/\p{L}[\p{L}'’-]*\p{L}|\p{L}/gu) ?? [];

/** The words the outline's structure itself uses: keys, tags, attribute names and kept values, the route. */
export function structuralWords(outline: Outline): Set<string> {
  const found = new Set<string>();
  const add = (s: string) => {
    // Split the way a reader would: at anything that is not a letter, and between camelCase parts.
    for (const w of words(s.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_:.$#{}/-]/g, ' '))) found.add(w);
  };
  const walk = (n: OutlineNode) => {
    add(n.tag);
    for (const [k, v] of Object.entries(n.attrs ?? {})) add(`${k} ${v}`);
    if (n.text) add(n.text);
    for (const s of n.seen ?? []) add(s);
    n.children?.forEach(walk);
  };
  for (const key of ['format', 'version', 'guard', 'app', 'view', 'route', 'source', 'regions', 'elements', 'truncated', 'kind', 'node', 'tag', 'attrs', 'text', 'children', 'count', 'seen', 'more']) add(key);
  add(`${outline.format} ${outline.app} ${outline.view} ${outline.route} ${outline.source}`);
  for (const r of outline.regions) {
    add(r.kind);
    walk(r.node);
  }
  return found;
}

export interface PrivacyCheck {
  /** Content words found in the outline that are not its own structural words: must be empty. */
  leaked: string[];
  /** Pupils' names found anywhere in the outline (as a substring, any case): must be empty. */
  pupils: string[];
  /** Content words that are also structural words of the outline (allowed; the test says which). */
  shared: string[];
  bytes: number;
}

/** Checks an outline against the fixture's content. */
export function checkOutlinePrivacy(outline: Outline): PrivacyCheck {
  const json = JSON.stringify(outline);
  const lower = json.toLowerCase();
  const { texts, pupils } = fixtureContent();
  const structure = structuralWords(outline);
  const content = new Set(texts.flatMap(words).filter((w) => w.length >= 3));
  const leaked: string[] = [];
  const shared: string[] = [];
  for (const w of content) {
    const re = new RegExp(`(?<!\\p{L})${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\p{L})`, 'iu');
    if (!re.test(json)) continue;
    (structure.has(w) ? shared : leaked).push(w);
  }
  return {
    leaked,
    pupils: [...new Set(pupils.filter((p) => p.length >= 2 && lower.includes(p.toLowerCase())))],
    shared: shared.sort(),
    bytes: new TextEncoder().encode(json).length,
  };
}

/**
 * Markup words a fixture post or message may share with the outline's structure. A word outside this list in
 * `shared` is a structural word the test has not seen before: look at it before adding it here.
 */
export const MARKUP_WORDS = new Set([
  'app', 'button', 'children', 'class', 'classes', 'count', 'element', 'elements', 'generic', 'group', 'guess', 'kind', 'label', 'list', 'main', 'message', 'messages',
  'more', 'name', 'node', 'photo', 'point', 'points', 'post', 'posts', 'send', 'story', 'student', 'students', 'tag', 'text', 'time', 'title', 'verified', 'version', 'view',
  'weight', 'school', 'header', 'contents', 'number', 'value', 'many', 'source', 'page', 'true', 'false', 'feed', 'dialog', 'welcome', 'article', 'textbox', 'composer',
  'attachment', 'attachments', 'tagged', 'rich', 'region', 'outside', 'root', 'type', 'aria', 'data', 'role', 'tiles', 'tile', 'edit', 'add', 'sender', 'parent', 'teacher',
  'thread', 'participants', 'participant', 'picker', 'option', 'nav', 'current', 'expanded', 'hidden', 'rows', 'placeholder', 'bar', 'card', 'chat', 'modal', 'logo', 'tabs',
  'portfolio', 'classroom', 'extension', 'format', 'outline', 'policy', 'guard', 'saved',
]);

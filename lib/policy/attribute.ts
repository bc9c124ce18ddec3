/**
 * A change over a policy is the school's, not the written policy's: when a layer (the options page's
 * edits, or IT's managed settings) changes an item and does not say where the new value comes from, the
 * item's source becomes `school`. So no item can go on quoting a clause that says something else
 * ("…8:00am–5:00pm" under 16:00 hours): the mismatch is impossible by construction. Pure.
 */
import { mergeLayers } from './resolve';

export const SCHOOL_SOURCE_NOTE = "Changed by the school in Policy Guard's settings, so the written policy's clause no longer applies.";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const at = (o: unknown, path: string[]): unknown => path.reduce<unknown>((v, k) => (isObj(v) && Object.hasOwn(v, k) ? v[k] : undefined), o);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function setAt(o: Obj, path: string[], value: unknown): void {
  let node = o;
  for (const k of path.slice(0, -1)) {
    if (!isObj(node[k])) node[k] = {};
    node = node[k] as Obj;
  }
  node[path[path.length - 1]!] = value;
}

/** An item: the values that, when changed, make its source (at `source`) the school's. */
interface Item {
  values: string[][];
  source: string[];
}

function items(before: unknown): Item[] {
  const out: Item[] = [
    { values: [['hours', 'staff'], ['hours', 'termTimeOnly']], source: ['hours', 'source'] },
    { values: [['hours', 'parentReplies'], ['hours', 'responseTime']], source: ['hours', 'parentRepliesSource'] },
    // The out-of-hours rule quotes the hours clause: new hours are the school's there too.
    { values: [['hours', 'staff']], source: ['rules', 'out-of-hours', 'source'] },
    { values: [['conduct', 'consequence'], ['conduct', 'report']], source: ['conduct', 'source'] },
    { values: [['monitoring', 'leadersReview']], source: ['monitoring', 'source'] },
    { values: ['class-story', 'school-story', 'class-chat', 'private-chat', 'student-story', 'points'].map((c) => ['audiences', c]), source: ['audiences', 'source'] },
  ];
  const rules = at(before, ['rules']);
  if (isObj(rules)) {
    for (const [id, rule] of Object.entries(rules)) {
      if (!isObj(rule)) continue;
      const fields = Object.keys(rule).filter((k) => !['action', 'source', 'note'].includes(k));
      out.push({ values: [...fields, 'channels'].map((f) => ['rules', id, f]), source: ['rules', id, 'source'] });
    }
  }
  // A contact's details quote the policy (or are a recommended default): changed details are the school's.
  const contacts = at(before, ['routing', 'contacts']);
  if (isObj(contacts)) {
    for (const key of Object.keys(contacts)) {
      out.push({ values: ['name', 'role', 'phone', 'email', 'how'].map((f) => ['routing', 'contacts', key, f]), source: ['routing', 'contacts', key, 'source'] });
    }
  }
  const routes = at(before, ['routing', 'routes']);
  if (isObj(routes)) {
    for (const [category, route] of Object.entries(routes)) {
      const values = [['routing', 'routes', category, 'destination'], ['routing', 'routes', category, 'contact']];
      // A route quotes the clause naming its contact ("the Attendance Officer (Mr Lund)"): a renamed contact is the school's.
      const contact = isObj(route) && typeof route.contact === 'string' ? route.contact : undefined;
      if (contact) values.push(['routing', 'contacts', contact, 'name']);
      out.push({ values, source: ['routing', 'routes', category, 'source'] });
    }
  }
  return out;
}

/**
 * `patch`, with a `school` source added for every item it changes in `before` without giving a source.
 * A rule switched on from "silent" (the policy said nothing) also becomes the school's. `before` and
 * `patch` are not changed.
 */
export function attributeLayer(before: unknown, patch: unknown): unknown {
  if (!isObj(patch) || !isObj(before)) return patch;
  const after = mergeLayers(before, patch);
  const out = structuredClone(patch) as Obj;
  // The note's id words it in the interface's language (lib/i18n/reader-note.ts); the English stays for the file.
  const school = { origin: 'school', note: SCHOOL_SOURCE_NOTE, noteId: 'schoolChanged' };
  for (const item of items(before)) {
    if (at(patch, item.source) !== undefined) continue; // the layer says where its value comes from
    if (!isObj(at(before, item.source))) continue;
    const changed = item.values.some((path) => at(patch, path) !== undefined && !same(at(before, path), at(after, path)));
    if (changed) setAt(out, item.source, school);
  }
  const rules = at(after, ['rules']);
  if (isObj(rules)) {
    for (const [id, rule] of Object.entries(rules)) {
      if (!isObj(rule) || at(patch, ['rules', id, 'source']) !== undefined) continue;
      const source = at(out, ['rules', id, 'source']) ?? rule.source;
      if (rule.action !== 'off' && isObj(source) && source.origin === 'silent') setAt(out, ['rules', id, 'source'], school);
    }
  }
  return out;
}

/**
 * Which class a page belongs to, and which of the page's elements belong to it, for the spot-check and the
 * class facts. Pure (no DOM access: elements are opaque keys).
 *
 * ClassDojo is a single-page app: when a leader picks another class, the address's hash changes first and
 * the feed is replaced later (at once, or after a fetch of 0.5–1 s). In between, the page shows the old
 * class's posts and header under the new class's address. A post or a class name must never be recorded
 * under a class the address and the page do not agree on, so elements are claimed per class (`Ownership`)
 * and a claim from the address's class is refused for elements another class claimed, unchanged since.
 */
import type { DojoRoute } from '../dojo/routes';

/**
 * The scope a spot-check record is kept under for a route: the class id, else `school-{schoolId}`, else
 * `school` (a School Story without a school id in its address).
 */
export function spotScopeId(route: Pick<DojoRoute, 'classId' | 'schoolId'>): string {
  return route.classId ?? (route.schoolId ? `school-${route.schoolId}` : 'school');
}

/** An element of the page and what it says now (a signature: its text, its photos count). */
export interface Claim<E> {
  el: E;
  sig: string;
}

/**
 * Which scope (class) each element of the page was first seen under, with what it said then. Held in a
 * WeakMap: an element the page drops is forgotten with it.
 */
export class Ownership<E extends object> {
  private owners = new WeakMap<E, { scope: string; sig: string }>();

  /**
   * Claims `items` for `scope` and returns those that belong to it, in order: elements not claimed before,
   * elements already its own, and elements another scope claimed whose signature has changed since (the
   * page re-used the element for the new class's post). Elements another scope claimed that still say what
   * they said then are stale (the old class's feed, not replaced yet) and are left out.
   */
  claim(scope: string, items: Iterable<Claim<E>>): E[] {
    const mine: E[] = [];
    for (const { el, sig } of items) {
      const owner = this.owners.get(el);
      if (owner && owner.scope !== scope && owner.sig === sig) continue;
      if (!owner || owner.scope !== scope || owner.sig !== sig) this.owners.set(el, { scope, sig });
      mine.push(el);
    }
    return mine;
  }
}

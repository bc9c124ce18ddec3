/**
 * "Did you mean …?" for names IT types by hand (managed setting names, lock paths): pure, no imports, so the
 * schema and the managed settings can both use it.
 */

/** Edit distance (insert, delete, substitute), for names of a few letters. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}

/**
 * The name among `names` that `given` was meant to be: the same but for capitals, "_", "-" or spaces, or at most
 * two letters off (one for names of four letters or fewer). Undefined when none is that close, or two are.
 */
export function closestName(given: string, names: readonly string[]): string | undefined {
  if (given.length > 60) return undefined;
  const bare = (s: string) => s.toLowerCase().replace(/[-_\s]/g, '');
  const g = bare(given);
  let best: { name: string; d: number; tie: boolean } | undefined;
  for (const name of names) {
    const n = bare(name);
    const d = distance(g, n);
    if (d > (n.length <= 4 ? 1 : 2)) continue;
    if (!best || d < best.d) best = { name, d, tie: false };
    else if (d === best.d) best.tie = true;
  }
  return best && !best.tie ? best.name : undefined;
}


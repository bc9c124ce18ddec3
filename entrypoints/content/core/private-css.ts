/**
 * Policy Guard's stylesheet with its custom properties renamed for this page load.
 *
 * A registered custom property (`@property --pg-fg { syntax: 'transparent'; inherits: true; … }`) is global
 * to the document and reaches into closed shadow roots: a page that registers our variables' names makes
 * every value we set for them invalid, and so can draw our buttons transparent over a decoy of its own. The
 * click guard (components/visibility.ts) cannot see that: nothing covers or fades the button. Names the page
 * cannot know cannot be registered: each load gets its own suffix, from the browser's random source.
 */

/** A suffix of 12 base-36 characters (about 62 bits). */
function suffix(): string {
  const bytes = new Uint32Array(2);
  crypto.getRandomValues(bytes);
  return `${bytes[0]!.toString(36)}${bytes[1]!.toString(36)}`.slice(0, 12).padEnd(12, '0');
}

const SUFFIX = suffix();

/** `css` with every `--pg-NAME` custom property renamed `--pg-SUFFIX-NAME` (the same suffix for every root). */
export function privateCss(css: string): string {
  return css.replace(/--pg-(?=[a-z])/g, `--pg-${SUFFIX}-`);
}

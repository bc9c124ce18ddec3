import { describe, expect, it } from 'vitest';
import { privateCss } from '../../../entrypoints/content/core/private-css';

describe('our custom properties are renamed per page load (a page cannot @property-register them)', () => {
  it('renames every --pg- property, declarations and uses alike, with one suffix', () => {
    const css = 'html { --pg-fg: #111; --pg-bg: #fff } .pg-panel { color: var(--pg-fg); background: var(--pg-bg, #fff) }';
    const out = privateCss(css);
    expect(out).not.toMatch(/--pg-(fg|bg)\b/);
    const names = [...out.matchAll(/--pg-([a-z0-9]{12})-(fg|bg)/g)];
    expect(names).toHaveLength(4);
    expect(new Set(names.map((m) => m[1])).size).toBe(1);
    // Class names and other text are left alone.
    expect(out).toContain('.pg-panel');
  });
});

import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { addIgnoredAlways, readIgnoredAlways, readSpotCheckOn, watchStorage } from '../../../lib/ext/page-settings';
import { ignoredAlways } from '../../../lib/ext/settings';

describe('the content script’s settings (no zod)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('skips malformed "always ignore" entries instead of throwing, so checking stays on', async () => {
    await fakeBrowser.storage.local.set({ ignoredAlways: [{ rule: 'full-name' }, null, 'x', { rule: 'full-name', text: 'Grace Taylor' }] });
    expect(await readIgnoredAlways()).toEqual([{ rule: 'full-name', text: 'Grace Taylor' }]);
    await fakeBrowser.storage.local.set({ ignoredAlways: 'garbage' });
    expect(await readIgnoredAlways()).toEqual([]);
  });

  // Probe 14h H5: entries over 200 characters were listed in the settings and silently not honoured here.
  it('honours entries of any length, as the settings page lists them', async () => {
    const long = { rule: 'sensitive-content', text: `Leo ${'x'.repeat(400)}`, at: '2026-11-24T10:00:00Z' };
    await fakeBrowser.storage.local.set({ ignoredAlways: [long] });
    expect(await readIgnoredAlways()).toEqual([long]);
    expect((await ignoredAlways.getValue()).map((e) => e.text)).toEqual([long.text]);
  });

  it('adds an entry to what is there, keeping only well-formed ones', async () => {
    await fakeBrowser.storage.local.set({ ignoredAlways: [{ rule: 'x' }] });
    expect(await addIgnoredAlways({ rule: 'full-name', text: 'Jack Frost', at: '2026-11-24T10:00:00Z' })).toBe(true);
    expect(await readIgnoredAlways()).toEqual([{ rule: 'full-name', text: 'Jack Frost', at: '2026-11-24T10:00:00Z' }]);
  });

  it('reads the spot-check switch as on only when it is exactly true', async () => {
    expect(await readSpotCheckOn()).toBe(false);
    await fakeBrowser.storage.local.set({ spotCheckOn: 'yes' });
    expect(await readSpotCheckOn()).toBe(false);
    await fakeBrowser.storage.local.set({ spotCheckOn: true });
    expect(await readSpotCheckOn()).toBe(true);
  });

  it('calls back for the keys it watches, in their storage area only', async () => {
    const cb = vi.fn();
    const stop = watchStorage({ local: ['policyChoice'], managed: ['presetId'] }, cb);
    await fakeBrowser.storage.local.set({ other: 1 });
    expect(cb).not.toHaveBeenCalled();
    await fakeBrowser.storage.local.set({ policyChoice: { kind: 'preset' } });
    expect(cb).toHaveBeenCalledOnce();
    stop();
    await fakeBrowser.storage.local.set({ policyChoice: null });
    expect(cb).toHaveBeenCalledOnce();
  });
});

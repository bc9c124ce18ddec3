// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://home.classdojo.com/#/messages/c9"}
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registerOnRequest } from '../../../entrypoints/content/core/on-request';
import { parentHint } from '../../../entrypoints/content/features/parent-hint';
import { ON_REQUEST_PARTS } from '../../../entrypoints/on-request/parts';
import { bentley, settle, world } from './harness';

describe('parent-hint feature', () => {
  it('asks the background for a hint while a parent writes, and shows the answer', async () => {
    // The interface in English: the hint is the engine's own words.
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-GB');
    document.body.innerHTML = '<div id="reactApplication"><textarea id="box"></textarea></div>';
    const asked: unknown[] = [];
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => {
      asked.push(message);
      // The hint is drawn by the parts loaded on request: the background injects them when asked.
      if ((message as { type: string }).type === 'load-on-request') {
        registerOnRequest(ON_REQUEST_PARTS);
        return { ok: true, value: true };
      }
      return { ok: true, value: { intent: 'absence', destination: 'attendance', redirect: 'Absences go to the office', replies: 'Teachers reply 8:00–17:00' } };
    });
    const w = world();
    parentHint.init(w.f);
    expect(w.slots.map((s) => s.feature)).toEqual(['parent-hint']);
    w.f.guard.configure(bentley(), [], [], []);
    w.f.policy.update({ active: { id: 'bentley-new-village', name: 'Bentley' } });
    const el = w.renderSlots();
    await settle();
    const box = document.getElementById('box') as HTMLTextAreaElement;
    box.value = 'Amelia is off sick today';
    box.dispatchEvent(new Event('input', { bubbles: true }));
    // The hint's delay, then two round trips (the hint, then the parts): waited for, not timed.
    const hint = await vi.waitFor(() => {
      const found = el.querySelector('[data-policy-guard="parent-hint"]');
      if (!found) throw new Error('no hint yet');
      return found;
    }, { timeout: 5_000, interval: 20 });
    expect(asked).toEqual([expect.objectContaining({ type: 'parent-hint', text: 'Amelia is off sick today' }), { type: 'load-on-request' }]);
    expect(hint?.getAttribute('data-destination')).toBe('attendance');
    expect(hint?.querySelector('[data-policy-guard="redirect"]')?.textContent).toBe('Absences go to the office');
  });
});

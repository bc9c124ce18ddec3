// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://teach.classdojo.com/#/classes/c1/story"}
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { composerCheck } from '../../../entrypoints/content/features/composer-check';
import { AMELIA, bentley, settle, world } from './harness';

describe('composer-check feature', () => {
  beforeEach(() => {
    document.body.innerHTML = '<div id="reactApplication"><div data-name="storyComposer"><textarea id="box"></textarea></div></div>';
  });

  it('shows who sees the post and the findings for the draft, with the one-click fix', async () => {
    const w = world();
    composerCheck.init(w.f);
    w.f.guard.configure(bentley(), [], [AMELIA], []);
    w.f.page.update({ composerCount: 1 });
    const box = document.getElementById('box') as HTMLTextAreaElement;
    box.value = 'Well done Amelia Hughes';
    box.dispatchEvent(new Event('input', { bubbles: true }));
    await settle(200);
    const el = w.renderSlots();
    await settle();
    // A roster of one pupil is not the class: without a count from the page, "every family in the class".
    expect(el.querySelector('[data-policy-guard="audience"]')?.textContent).toBe('audienceShared');
    w.f.guard.setPupilCount(28);
    await settle();
    expect(el.querySelector('[data-policy-guard="audience"]')?.getAttribute('data-count')).toBe('28');
    expect(el.querySelector('[data-policy-guard="audience"]')?.textContent).toBe('audienceSharedCount');
    expect(el.querySelector('[data-rule="full-name"]')).not.toBeNull();
    expect(el.querySelector('[data-policy-guard="fix"]')).not.toBeNull();
  });

  it('shows nothing without a policy, and no ignore buttons for a block', async () => {
    const w = world();
    composerCheck.init(w.f);
    w.f.page.update({ composerCount: 1 });
    const el = w.renderSlots();
    await settle();
    expect(el.textContent).toBe('');
    w.f.guard.configure(bentley({ 'full-name': { action: 'block' } }), [], [AMELIA], []);
    const box = document.getElementById('box') as HTMLTextAreaElement;
    box.value = 'Well done Amelia Hughes';
    box.dispatchEvent(new Event('input', { bubbles: true }));
    await settle(200);
    const finding = el.querySelector('[data-rule="full-name"]')!;
    expect(finding.querySelector('[data-policy-guard="no-ignore"]')).not.toBeNull();
    expect([...finding.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['findingFix']);
  });

  it('a block finding cannot be ignored, for this post or always', async () => {
    const w = world();
    composerCheck.init(w.f);
    w.f.guard.configure(bentley({ 'full-name': { action: 'block' } }), [], [AMELIA], []);
    const box = document.getElementById('box') as HTMLTextAreaElement;
    box.value = 'Well done Amelia Hughes';
    box.dispatchEvent(new Event('input', { bubbles: true }));
    await settle(200);
    const [finding] = w.f.guard.current.findings;
    expect(finding?.action).toBe('block');
    expect(w.f.guard.ignore(finding!, 'post')).toBeUndefined();
    expect(w.f.guard.ignore(finding!, 'always')).toBeUndefined();
    expect(w.f.guard.current.findings).toHaveLength(1);
  });
  it('out of hours, an empty box has no out-of-hours finding (panel and badge); the first character brings it, and Send still sees it', async () => {
    // Sunday 22 Nov 2026, 21:40 in London: outside Bentley New Village's hours. Only the clock is faked.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-22T21:40:00Z'));
    try {
      const w = world();
      composerCheck.init(w.f);
      w.f.guard.configure(bentley({ 'out-of-hours': { action: 'confirm' } }), [], [AMELIA], []);
      w.f.page.update({ composerCount: 1 });
      w.pageChanged();
      await settle(50);
      const el = w.renderSlots();
      await settle();
      const box = document.getElementById('box') as HTMLTextAreaElement;
      expect(w.f.guard.activeComposer()).toBe(box);
      expect(w.f.guard.current.findings).toEqual([]);
      expect(el.querySelector('[data-rule]')).toBeNull();
      // What the send gate checks at Send (features/send-gate.tsx): the hours still apply to this box.
      expect(w.f.guard.evaluate(w.f.guard.draftFor(box)!).findings.map((f) => f.rule)).toEqual(['out-of-hours']);
      box.value = 'I';
      box.dispatchEvent(new Event('input', { bubbles: true }));
      await settle(200);
      expect(w.f.guard.current.findings.map((f) => f.rule)).toEqual(['out-of-hours']);
      expect(el.querySelector('[data-rule="out-of-hours"]')).not.toBeNull();
      // Emptied again: gone again. Spaces are nothing typed.
      box.value = '  ';
      box.dispatchEvent(new Event('input', { bubbles: true }));
      await settle(200);
      expect(w.f.guard.current.findings).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a page change while a keystroke is pending does not check early: the debounce stands', async () => {
    const w = world();
    composerCheck.init(w.f);
    w.f.guard.configure(bentley(), [], [AMELIA], []);
    await settle(10);
    const box = document.getElementById('box') as HTMLTextAreaElement;
    box.focus();
    box.value = 'Well done Amelia Hughes';
    box.dispatchEvent(new Event('input', { bubbles: true }));
    // A rich-text editor redraws on every keystroke: the page watcher calls refresh() at the next frame.
    w.pageChanged();
    await settle(40);
    expect(w.f.guard.current.findings).toEqual([]);
    await settle(160);
    expect(w.f.guard.current.findings.map((f) => f.rule)).toContain('full-name');
  });

  it('an editor that cancels beforeinput and draws the change itself (no input event) is checked after the debounce', async () => {
    document.body.innerHTML = '<div id="reactApplication"><div data-name="storyComposer"><div id="ed" contenteditable="true"><p>Hi</p></div></div></div>';
    const w = world();
    composerCheck.init(w.f);
    w.f.guard.configure(bentley(), [], [AMELIA], []);
    await settle(10);
    const ed = document.getElementById('ed')!;
    ed.dispatchEvent(new InputEvent('beforeinput', { bubbles: true, cancelable: true, inputType: 'insertText', data: 's' }));
    ed.firstElementChild!.textContent = 'Well done Amelia Hughes';
    w.pageChanged();
    await settle(40);
    expect(w.f.guard.current.findings).toEqual([]);
    await settle(160);
    expect(w.f.guard.current.findings.map((f) => f.rule)).toContain('full-name');
  });

  it('a key the editor handles itself (keydown, no input event) starts the debounce too', async () => {
    const w = world();
    composerCheck.init(w.f);
    w.f.guard.configure(bentley(), [], [AMELIA], []);
    await settle(10);
    const box = document.getElementById('box') as HTMLTextAreaElement;
    box.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, key: 'Backspace' }));
    box.value = 'Well done Amelia Hughes';
    w.pageChanged();
    await settle(40);
    expect(w.f.guard.current.findings).toEqual([]);
    await settle(160);
    expect(w.f.guard.current.findings.map((f) => f.rule)).toContain('full-name');
  });

  it('warms the checker while the page is idle: checks of a made-up post with the roster\'s names, never shown', async () => {
    const w = world();
    composerCheck.init(w.f);
    const evaluate = vi.spyOn(w.f.guard, 'evaluate');
    w.f.guard.configure(bentley(), [], [AMELIA], []);
    await settle(20);
    const warm = evaluate.mock.calls.filter(([d]) => d.text.includes('Amelia Hughes had asthma.'));
    expect(warm.length).toBeGreaterThanOrEqual(1);
    expect(warm[0]![0].text.length).toBeGreaterThanOrEqual(600);
    // Nothing of it reaches the panel: the empty composer has no findings.
    expect(w.f.guard.current.findings).toEqual([]);
  });
  it('keys pressed outside any text box do not search the page for composers', async () => {
    const w = world();
    composerCheck.init(w.f);
    w.f.guard.configure(bentley(), [], [AMELIA], []);
    await settle(10);
    const page = await import('../../../lib/dojo/page');
    const search = vi.spyOn(page, 'findComposers');
    const button = document.createElement('button');
    document.body.append(button);
    for (let i = 0; i < 20; i++) button.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, key: 'j' }));
    expect(search).not.toHaveBeenCalled();
    search.mockRestore();
  });
});

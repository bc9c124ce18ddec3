// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://teach.classdojo.com/#/classes/c1/story"}
import { describe, expect, it } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { watchPage } from '../../../entrypoints/content/page-watch';

/** The part of WXT's context the watcher uses: timers and listeners that stop when the script is invalidated. */
function context(): ContentScriptContext {
  return {
    isInvalid: false,
    requestAnimationFrame: (cb: FrameRequestCallback) => requestAnimationFrame(cb),
    addEventListener: (target: EventTarget, type: string, cb: EventListener) => target.addEventListener(type, cb),
    onInvalidated: () => undefined,
  } as unknown as ContentScriptContext;
}

const quiet = () => new Promise((r) => setTimeout(r, 80)); // longer than the watcher's quiet spell (50 ms)
const microtasks = () => new Promise<void>((r) => queueMicrotask(r));

describe('watchPage', () => {
  it('while no message box is known, the first change after a quiet spell is looked at in the same task', async () => {
    let looks = 0;
    watchPage(context(), () => looks++, () => true);
    await quiet();
    document.body.append(document.createElement('div'));
    await microtasks(); // the observer's callback, before any frame
    expect(looks).toBe(1);
  });

  it('once a box is known (a teacher typing), a change waits for the next frame, and a burst is looked at once', async () => {
    let looks = 0;
    watchPage(context(), () => looks++, () => false);
    await quiet();
    for (let i = 0; i < 5; i++) document.body.append(document.createElement('span'));
    await microtasks();
    expect(looks).toBe(0);
    await new Promise((r) => requestAnimationFrame(() => r(undefined)));
    await quiet();
    expect(looks).toBe(1);
  });
});

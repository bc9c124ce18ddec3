// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://teach.classdojo.com/#/classes/c1/story"}
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { installInterceptor } from '../../../entrypoints/content/core/intercept';
import { SendGate } from '../../../entrypoints/content/features/send-gate';
import { AMELIA, bentley, settle, world } from './harness';
import { asTrusted, trustedClick } from './trusted';

/** A controlled composer: Post sends the app's own state, as React does. */
function page() {
  document.body.innerHTML =
    '<div id="reactApplication"><div data-name="storyComposer"><textarea id="box"></textarea>' +
    '<button type="button" data-name="storyComposerPostButton" id="post">Post</button></div></div>';
  const sent: string[] = [];
  const box = document.getElementById('box') as HTMLTextAreaElement;
  document.getElementById('post')!.addEventListener('click', () => sent.push(box.value));
  return { box, post: document.getElementById('post')!, sent };
}

/** The teacher types `text` into `box` (a trusted beforeinput, heard through the seal: the draft is then theirs). */
async function typed(box: HTMLTextAreaElement, text: string) {
  box.value = text;
  box.dispatchEvent(asTrusted(new InputEvent('beforeinput', { data: text, inputType: 'insertText', bubbles: true, composed: true, cancelable: true })));
  await settle();
}

/** happy-dom lays nothing out: every element is given a box on screen, as a browser would draw the composer and Post. */
function laidOut() {
  return vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(() => DOMRect.fromRect({ x: 20, y: 20, width: 160, height: 40 }));
}

describe('send-gate feature', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
    vi.restoreAllMocks();
    laidOut();
    // As the early script does at document_start (the gate finds it there: core/intercepted.ts).
    installInterceptor();
  });

  it('lets a send from a control or a draft no one can see through, unexamined (the one-bit send oracle)', async () => {
    const w = world();
    const { box, post, sent } = page();
    await new SendGate(w.f).start();
    w.f.guard.configure(bentley(), [], [AMELIA], []);
    box.value = 'Well done Amelia Hughes';
    // An invisible Post (faded out), a composer shrunk to nothing, one moved off screen: each passes.
    post.style.opacity = '0.2';
    trustedClick(post);
    post.style.opacity = '';
    const rect = Element.prototype.getBoundingClientRect as unknown as ReturnType<typeof vi.fn>;
    rect.mockImplementation(function (this: Element) {
      return this === box ? DOMRect.fromRect({ x: 20, y: 20, width: 1, height: 1 }) : DOMRect.fromRect({ x: 20, y: 20, width: 160, height: 40 });
    });
    trustedClick(post);
    rect.mockImplementation(function (this: Element) {
      return this === box ? DOMRect.fromRect({ x: -5000, y: 20, width: 300, height: 80 }) : DOMRect.fromRect({ x: 20, y: 20, width: 160, height: 40 });
    });
    trustedClick(post);
    expect(sent).toEqual(['Well done Amelia Hughes', 'Well done Amelia Hughes', 'Well done Amelia Hughes']);
    // In plain view, the same send is held.
    laidOut();
    trustedClick(post);
    expect(sent).toHaveLength(3);
  });

  it('holds a Post with a serious finding, lets one without through, and replays once after "Send anyway"', async () => {
    const w = world();
    const { box, post, sent } = page();
    const gate = new SendGate(w.f);
    await gate.start();
    w.f.guard.configure(bentley(), [], [AMELIA], []);
    box.value = 'A lovely day';
    trustedClick(post);
    expect(sent).toEqual(['A lovely day']);

    box.value = 'Well done Amelia Hughes';
    trustedClick(post);
    expect(sent).toHaveLength(1);
    gate.sendAnyway('');
    expect(sent).toHaveLength(1); // a reason is needed
    gate.sendAnyway('Her family asked');
    expect(sent).toEqual(['A lovely day', 'Well done Amelia Hughes']);
    gate.sendAnyway('again');
    expect(sent).toHaveLength(2);
  });

  it('drops a held send whose draft changed, and never sends it', async () => {
    const w = world();
    const { box, post, sent } = page();
    const gate = new SendGate(w.f);
    await gate.start();
    w.f.guard.configure(bentley(), [], [AMELIA], []);
    box.value = 'Well done Amelia Hughes';
    trustedClick(post);
    box.value = 'Something else entirely, Amelia Hughes';
    gate.observe();
    gate.sendAnyway('please');
    expect(sent).toEqual([]);
  });

  it('passes every send when no policy is in force, or once the script is orphaned', async () => {
    const w = world();
    const { box, post, sent } = page();
    await new SendGate(w.f).start();
    box.value = 'Well done Amelia Hughes';
    trustedClick(post);
    expect(sent).toHaveLength(1);
    w.f.guard.configure(bentley(), [], [AMELIA], []);
    w.f.ctx.abort();
    trustedClick(post);
    expect(sent).toHaveLength(2);
  });

  it('holds the keyup and keypress of an Enter it held, for apps that send on keyup', async () => {
    window.history.replaceState(null, '', '#/classes/c1/messaging/g1');
    document.body.innerHTML = '<div id="reactApplication"><div data-name="messageThreadHeader" data-participant-count="30"></div><div data-name="messageComposer"><textarea id="box"></textarea></div></div>';
    const w = world();
    const sent: string[] = [];
    const box = document.getElementById('box') as HTMLTextAreaElement;
    box.addEventListener('keyup', (e) => e.key === 'Enter' && sent.push(box.value));
    await new SendGate(w.f).start();
    w.f.guard.configure(bentley(), [], [AMELIA], []);
    box.value = 'Amelia had an asthma attack at lunch today';
    for (const type of ['keydown', 'keypress', 'keyup']) box.dispatchEvent(asTrusted(new KeyboardEvent(type, { key: 'Enter', bubbles: true, cancelable: true })));
    expect(sent).toEqual([]);
    // A new key press that is not held goes through.
    box.value = 'See you tomorrow';
    for (const type of ['keydown', 'keyup']) box.dispatchEvent(asTrusted(new KeyboardEvent(type, { key: 'Enter', bubbles: true, cancelable: true })));
    await settle();
    expect(sent).toEqual([]); // still held: the gate is up, and any send waits for the teacher's answer
    expect(installInterceptor()).toBeDefined();
  });

  /** The teacher's press on `target` with the main button, as a browser sends it (a mouse's); let go on `up`. */
  const pressOn = (target: Element, up: Element = target) => {
    const init = { bubbles: true, cancelable: true, composed: true, clientX: 31, clientY: 17, button: 0, pointerId: 3, pointerType: 'mouse', isPrimary: true };
    target.dispatchEvent(asTrusted(new PointerEvent('pointerdown', { ...init, buttons: 1 })));
    target.dispatchEvent(asTrusted(new MouseEvent('mousedown', { ...init, buttons: 1, detail: 1 })));
    up.dispatchEvent(asTrusted(new PointerEvent('pointerup', init)));
    up.dispatchEvent(asTrusted(new MouseEvent('mouseup', { ...init, detail: 1 })));
    (target.contains(up) ? target : document.body).dispatchEvent(asTrusted(new PointerEvent('click', { ...init, detail: 1 })));
  };

  for (const on of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click'] as const) {
    it(`holds a Post that acts on ${on} as the press begins (the teacher's own draft), and replays the whole press once, as it was, after "Send anyway"`, async () => {
      const w = world();
      const { box, post } = page();
      const sent: string[] = [];
      const replayed: string[] = [];
      const seen: string[] = [];
      for (const type of ['pointerover', 'pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) post.addEventListener(type, () => seen.push(type));
      post.addEventListener(on, (e) => {
        // A chat composer's Send keeps the focus in the box.
        if (on === 'mousedown') e.preventDefault();
        sent.push(box.value);
        const p = e as PointerEvent;
        replayed.push(`${p.clientX},${p.clientY},${p.button},${p.pointerId ?? '-'}`);
      });
      const gate = new SendGate(w.f);
      await gate.start();
      w.f.guard.configure(bentley(), [], [AMELIA], []);
      const press = () => pressOn(post);
      await typed(box, 'A lovely day');
      press();
      expect(sent).toEqual(['A lovely day']);

      await typed(box, 'Well done Amelia Hughes');
      seen.length = 0;
      press();
      expect(sent).toHaveLength(1);
      expect(seen).toEqual([]); // held as it began: the page heard nothing of the press
      gate.edit();
      expect(sent).toHaveLength(1);
      press();
      // A second press while the dialog is up: held with no second hold; "Send anyway" sends once.
      press();
      expect(sent).toHaveLength(1);
      expect(seen).toEqual([]);
      gate.sendAnyway('Her family asked');
      expect(sent).toEqual(['A lovely day', 'Well done Amelia Hughes']);
      // The pointer back over Post (the page saw it leave for the dialog), then the whole press as the teacher made it.
      expect(seen).toEqual(['pointerover', 'pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']);
      // The page's handler saw the press where the teacher made it (React Aria checks the pointer and where it is).
      expect(replayed[1]).toBe(on.startsWith('mouse') ? '31,17,0,-' : '31,17,0,3');
      gate.sendAnyway('again');
      expect(sent).toHaveLength(2);
    });
  }

  it('asks about a press begun off Post at its release on Post, and replays that release once after "Send anyway"', async () => {
    const w = world();
    const { box, post } = page();
    const sent: string[] = [];
    const seen: string[] = [];
    for (const type of ['pointerover', 'pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) post.addEventListener(type, () => seen.push(type));
    post.addEventListener('pointerup', () => sent.push(box.value));
    const gate = new SendGate(w.f);
    await gate.start();
    w.f.guard.configure(bentley(), [], [AMELIA], []);
    box.value = 'Well done Amelia Hughes';
    pressOn(box, post);
    expect(sent).toEqual([]);
    gate.sendAnyway('Her family asked');
    expect(sent).toEqual(['Well done Amelia Hughes']);
    expect(seen).toEqual(['pointerover', 'pointerup', 'mouseup', 'click']);
  });

  it("asks about a press on Post at its release when the draft is not the teacher's own typing (a page's must be seen at the end of the press too)", async () => {
    const w = world();
    const { box, post } = page();
    const sent: string[] = [];
    post.addEventListener('pointerdown', () => sent.push(`down:${box.value}`));
    post.addEventListener('pointerup', () => sent.push(`up:${box.value}`));
    const gate = new SendGate(w.f);
    await gate.start();
    w.f.guard.configure(bentley(), [], [AMELIA], []);
    box.value = 'Well done Amelia Hughes';
    pressOn(post);
    // The page heard the press begin; the release was held.
    expect(sent).toEqual(['down:Well done Amelia Hughes']);
    gate.sendAnyway('Her family asked');
    expect(sent).toEqual(['down:Well done Amelia Hughes', 'up:Well done Amelia Hughes']);
  });

  describe('the reason frame', () => {
    let heldGate: SendGate | undefined;
    /** A held post, and the nonce in its reason frame's URL. */
    async function heldWithFrame() {
      const w = world();
      const { box, post, sent } = page();
      const gate = new SendGate(w.f);
      heldGate = gate;
      await gate.start();
      w.f.guard.configure(bentley(), [], [AMELIA], []);
      box.value = 'Well done Amelia Hughes';
      trustedClick(post);
      const frame = (gate as unknown as { view: { get(): { frame?: { src: string; failed: boolean } } } }).view;
      const src = frame.get().frame!.src;
      expect(src).toMatch(/\/gate-reason\.html#[0-9a-f-]{36}$/);
      return { gate, sent, view: frame, nonce: src.split('#')[1]! };
    }
    const relay = (message: Record<string, unknown>, sender: Record<string, unknown> = { id: fakeBrowser.runtime.id }) =>
      fakeBrowser.runtime.onMessage.trigger({ type: 'gate-reason-relay', ...message }, sender, () => undefined);

    it('sends anyway on the frame’s word, passed on by the background, with the hold’s nonce only', async () => {
      const { sent, nonce } = await heldWithFrame();
      // Another nonce (a copy of the frame the page made), or a word not from the background: nothing.
      await relay({ nonce: '00000000-0000-4000-8000-000000000000', action: 'send', reason: 'fooled' });
      await relay({ nonce, action: 'send', reason: 'from a tab' }, { id: fakeBrowser.runtime.id, tab: { id: 1 } });
      await relay({ nonce, action: 'send', reason: 'another extension' }, { id: 'someone-else' });
      await relay({ nonce, action: 'send', reason: '   ' });
      expect(sent).toEqual([]);
      await relay({ nonce, action: 'send', reason: 'Her family asked' });
      expect(sent).toEqual(['Well done Amelia Hughes']);
    });

    it('goes back to the draft on Escape in the frame', async () => {
      const { gate, sent, view, nonce } = await heldWithFrame();
      await relay({ nonce, action: 'escape' });
      expect(view.get().frame).toBeUndefined();
      gate.sendAnyway('too late');
      expect(sent).toEqual([]);
    });

    it('keeps the frame through a reload (the page moved the dialog), and offers no override from a silent one', async () => {
      // happy-dom's IntersectionObserver reports nothing visible under fake timers; the click guard is
      // tested in tests/unit/ui/visibility.test.ts and tests/e2e/clickjacking.e2e.ts.
      vi.stubGlobal('IntersectionObserver', undefined);
      vi.useFakeTimers();
      try {
        const { sent, view, nonce } = await heldWithFrame();
        const g = heldGate!;
        g.frameLoaded();
        await relay({ nonce, action: 'ready', height: 140 });
        g.frameLoaded(); // reloaded where the page moved it: still ours, still the same nonce
        expect(view.get().frame!.failed).toBe(false);
        await relay({ nonce, action: 'ready', height: 140 });
        vi.advanceTimersByTime(60_000);
        expect(view.get().frame!.failed).toBe(false);
        await relay({ nonce, action: 'send', reason: 'Her family asked' });
        expect(sent).toEqual(['Well done Amelia Hughes']);
      } finally {
        vi.useRealTimers();
        vi.unstubAllGlobals();
      }
    });

    it('offers no override when the frame loads and never speaks', async () => {
      vi.useFakeTimers();
      try {
        const { sent, view, nonce } = await heldWithFrame();
        heldGate!.frameLoaded();
        vi.advanceTimersByTime(60_000);
        expect(view.get().frame!.failed).toBe(true);
        // Words from it after that no longer count.
        await relay({ nonce, action: 'send', reason: 'late' });
        expect(sent).toEqual([]);
      } finally {
        vi.useRealTimers();
      }
    });
  });
});

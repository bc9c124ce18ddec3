/**
 * A hostile page's ways of catching what a person types into Policy Guard's text boxes (the gate's reason box,
 * a spot-check note): page-world scripts (strings, for `page.evaluate`), and the one helper that runs an
 * attack against either box with real mouse and keyboard input and says what the page caught.
 *
 * From the security reviews: probe 14d #3 (a trap that takes the focus after 600 ms), 14f HIGH 1 and 2 (a
 * clear box laid over ours; a thief on the window's blur), 14g HIGH 1 (a frame of the page's as the cover or
 * the trap), HIGH 2 (listeners registered before Policy Guard's keepers, to blind them) and MEDIUM 4 (an inert
 * host, a modal dialog of the page's).
 *
 * No vitest `expect` at module level and no Policy Guard code: the scripts run in the page's world.
 */
import type { Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import type { SealedView } from './unseal';

/** A rectangle in the page's viewport, CSS px (Playwright's `boundingBox()`). */
export type Box = { x: number; y: number; width: number; height: number };
/** The kind of text box the attack imitates: the reason box is a textarea, a note an input. */
export type Tag = 'textarea' | 'input';

/** Whether `a` (the page's `document.activeElement`) is one of Policy Guard's hosts, in page-world script. */
const OURS = `(a) => !!a && (a.localName.startsWith('policy-guard') || a.hasAttribute('data-policy-guard-host'))`;

/** A clear box of the page's own (marked for BLIND) laid over `box`, above everything of Policy Guard's. */
export const COVER = (tag: Tag, box: Box): string => `(() => {
  const t = document.createElement('${tag}');
  t.id = 'cover'; t.setAttribute('data-mine', '');
  Object.assign(t.style, { position: 'fixed', zIndex: '2147483647', background: 'transparent', color: 'transparent', border: '0', outline: 'none', resize: 'none',
    left: '${box.x}px', top: '${box.y}px', width: '${box.width}px', height: '${box.height}px' });
  document.body.append(t);
})()`;

/** A clear frame of the page's (same origin, `srcdoc`) laid over `box`, with a clear text box filling it. */
export const FRAME_COVER = (tag: Tag, box: Box): string => String.raw`(() => {
  const f = document.createElement('iframe');
  f.id = 'fcover';
  f.srcdoc = '<!doctype html><style>html,body{margin:0;background:transparent;overflow:hidden}${tag}{all:unset;display:block;width:100vw;height:100vh;color:transparent;caret-color:transparent}</style><${tag} id="t"></${tag}>';
  Object.assign(f.style, { position: 'fixed', zIndex: '2147483647', border: '0', background: 'transparent',
    left: '${box.x}px', top: '${box.y}px', width: '${box.width}px', height: '${box.height}px' });
  document.body.append(f);
})()`;

/** A modal dialog of the page's (everything else inert) with a clear box over `box`. */
export const MODAL = (_tag: Tag, box: Box): string => String.raw`(() => {
  const st = document.createElement('style');
  st.textContent = '#pgm::backdrop{background:transparent} #pgm{position:fixed;margin:0;padding:0;border:0;background:transparent;left:${box.x}px;top:${box.y}px;width:${box.width}px;height:${box.height}px;max-width:none;max-height:none} #pgm textarea{all:unset;display:block;width:100%;height:100%;color:transparent;caret-color:transparent}';
  document.head.append(st);
  const d = document.createElement('dialog'); d.id = 'pgm';
  const t = document.createElement('textarea'); t.id = 'cover';
  d.append(t); document.body.append(d);
  d.showModal();
})()`;

/**
 * A thief: `trap` (page-world statements that define `trap`, the element to focus) and, once Policy Guard's
 * host has held the focus for 600 ms, `steal` (statements; `a` is the host). Counts its tries in `__steals`;
 * `clearInterval(window.__stealer)` stops it.
 */
const thief = (trap: string, steal = 'trap.focus();') => String.raw`(() => {
  ${trap}
  const ours = ${OURS};
  let since = 0;
  window.__steals = 0;
  window.__stealer = setInterval(() => {
    const a = document.activeElement;
    if (ours(a)) { since = since || performance.now(); if (performance.now() - since > 600) { ${steal} window.__steals++; since = 0; } } else since = 0;
  }, 50);
})()`;

/** A hidden box of the page's own (marked for BLIND), in page-world statements. */
const TRAP = (tag: Tag) => `const trap = document.createElement('${tag}');
  trap.id = 'trap'; trap.setAttribute('data-mine', '');
  Object.assign(trap.style, { position: 'fixed', left: '0', top: '0', width: '1px', height: '1px', opacity: '0.01', border: '0' });
  document.body.append(trap);`;

/**
 * Probe 16 H1/H2: clear boxes of the page's over everything but `box` (Policy Guard's title and buttons, the feed),
 * each cancelling the press's default, so a press on them leaves the focus where it was, in Policy Guard's box; 100 ms
 * after each press the page takes the focus to its trap. Counts its steals in `__steals`.
 */
export const LAYER_THIEF = (tag: Tag, b: Box): string => String.raw`(() => {
  ${TRAP(tag)}
  window.__steals = 0;
  const r = { x: ${b.x}, y: ${b.y}, w: ${b.width}, h: ${b.height} };
  for (const [l, t, w, h] of [[0, 0, innerWidth, r.y], [0, r.y + r.h, innerWidth, innerHeight - r.y - r.h], [0, r.y, r.x, r.h], [r.x + r.w, r.y, innerWidth - r.x - r.w, r.h]]) {
    const d = document.createElement('div');
    Object.assign(d.style, { position: 'fixed', left: l + 'px', top: t + 'px', width: w + 'px', height: h + 'px', zIndex: '2147483647', background: 'transparent' });
    d.addEventListener('mousedown', (e) => { e.preventDefault(); setTimeout(() => { trap.focus(); window.__steals++; }, 100); });
    document.body.append(d);
  }
})()`;

/**
 * Probe 17 H1b: a clear box of the page's laid exactly over `box`, its caret shown (it passes for Policy Guard's box),
 * that takes no presses; on the person's press anywhere on the page, the page cancels the press and focuses it in the
 * same handler, so the focus moves during the person's own press. Counts its steals in `__steals`.
 */
export const SAME_TASK_COVER = (tag: Tag, b: Box): string => String.raw`(() => {
  const t = document.createElement('${tag}');
  t.id = 'cover'; t.setAttribute('data-mine', '');
  Object.assign(t.style, { position: 'fixed', zIndex: '2147483647', background: 'transparent', color: 'transparent', caretColor: 'black', border: '0', outline: 'none', resize: 'none', pointerEvents: 'none',
    left: '${b.x}px', top: '${b.y}px', width: '${b.width}px', height: '${b.height}px' });
  document.body.append(t);
  window.__steals = 0;
  document.addEventListener('mousedown', (e) => { if (e.target === t) return; e.preventDefault(); t.focus(); window.__steals++; }, true);
})()`;

/** A trap of the page's own (probe 14d #3). */
export const THIEF = (tag: Tag): string => thief(TRAP(tag));

/** A thief that makes Policy Guard's host inert for the instant of its focus() call, so the focus cannot come back. */
export const INERT_THIEF = (tag: Tag): string => thief(TRAP(tag), 'a.inert = true; trap.focus(); a.inert = false;');

/** The same, keeping the host inert for 150 ms (past the frame's word that it lost the focus, which once let it have the whole reason). */
export const LONG_INERT_THIEF = (tag: Tag): string => thief(TRAP(tag), 'a.inert = true; trap.focus(); setTimeout(() => { a.inert = false; }, 150);');

/** A trap inside a tiny frame of the page's (this window hears no focusin when the focus goes there). */
export const FRAME_THIEF = (): string =>
  thief(String.raw`const f = document.createElement('iframe');
  f.id = 'ftrap';
  f.srcdoc = '<!doctype html><textarea id="t"></textarea>';
  Object.assign(f.style, { position: 'fixed', left: '0', top: '0', width: '2px', height: '2px', opacity: '0.01', border: '0' });
  document.body.append(f);
  const trap = { focus: () => f.contentDocument.getElementById('t').focus() };`);

/**
 * The same, once, keeping the host inert for a second: the focus cannot come back out of the page's frame meanwhile
 * (probe 14k). Once, and only after the person has clicked into the box and begun typing (1.6 s): what is typed
 * while the host is inert is kept from the page and lost to the box, and a second strike would leave the box less
 * than half of the reason.
 */
export const FRAME_INERT_THIEF = (): string =>
  thief(String.raw`const f = document.createElement('iframe');
  f.id = 'ftrap';
  f.srcdoc = '<!doctype html><textarea id="t"></textarea>';
  Object.assign(f.style, { position: 'fixed', left: '0', top: '0', width: '2px', height: '2px', opacity: '0.01', border: '0' });
  document.body.append(f);
  const trap = { focus: () => f.contentDocument.getElementById('t').focus() };
  const armed = performance.now() + 1600;`, 'if (!window.__struck && performance.now() > armed) { window.__struck = 1; a.inert = true; trap.focus(); setTimeout(() => { a.inert = false; }, 1000); }');

/** The same, putting the focus back into its frame every 5 ms while the host is inert (faster than Policy Guard's retries). */
export const FRAME_LOOP_THIEF = (): string =>
  thief(String.raw`const f = document.createElement('iframe');
  f.id = 'ftrap';
  f.srcdoc = '<!doctype html><textarea id="t"></textarea>';
  Object.assign(f.style, { position: 'fixed', left: '0', top: '0', width: '2px', height: '2px', opacity: '0.01', border: '0' });
  document.body.append(f);
  const trap = { focus: () => f.contentDocument.getElementById('t').focus() };
  const armed = performance.now() + 1600;`, 'if (!window.__struck && performance.now() > armed) { window.__struck = 1; a.inert = true; trap.focus(); const loop = setInterval(() => trap.focus(), 5); setTimeout(() => { clearInterval(loop); a.inert = false; }, 1000); }');

/** A trap of the page's own, the host kept inert for half a second: for text written through an input method. */
export const IME_THIEF = (tag: Tag): string => thief(TRAP(tag), 'a.inert = true; trap.focus(); setTimeout(() => { a.inert = false; }, 500);');

/**
 * A script of the page's, registered before Policy Guard's keepers start (they start with the gate and the
 * overlay): stop every press and focus event about the page's own elements, to blind them. (A script that
 * runs before Policy Guard's first one, another extension's, is PRIVACY.md's "listen before Policy Guard".)
 */
export const BLIND = String.raw`(() => {
  const mine = (t) => !!t && t.nodeType === 1 && t.hasAttribute && t.hasAttribute('data-mine');
  for (const type of ['pointerdown', 'mousedown', 'focusin', 'focus']) {
    window.addEventListener(type, (e) => { if (mine(e.target)) e.stopImmediatePropagation(); }, true);
  }
})()`;

/** The page's focus thief on the window's blur: when the focus goes into a frame (the document keeps it), it takes it. */
export const STEAL_ON_BLUR = String.raw`(() => {
  const trap = document.createElement('textarea');
  trap.id = 'trap';
  Object.assign(trap.style, { position: 'fixed', left: '0', top: '0', width: '1px', height: '1px', opacity: '0.01', border: '0' });
  document.body.append(trap);
  window.__steals = 0;
  window.addEventListener('blur', () => setTimeout(() => {
    const a = document.activeElement;
    if (document.hasFocus() && a && a !== document.body && a !== trap) { trap.focus(); window.__steals++; }
  }, 10), true);
})()`;

/**
 * A story post of the page's own (`data-post-id="spy1"`) saying `text`, with a photo, added to the feed: to see
 * whether anything of Policy Guard's the page can measure changes with what the post says. `tiny`: 1 px tall
 * at the page's far end (top 6000 px), its header hidden (probe 14f HIGH 3).
 */
export const PLANT_POST = (text: string, tiny = false): string => {
  const hide = tiny ? ' style="display:none"' : '';
  const post = tiny ? ' style="position:absolute;left:0;top:6000px;width:300px;height:1px;overflow:hidden;margin:0;padding:0;font:12px/12px sans-serif"' : '';
  return String.raw`(() => {
  const card = document.createElement('div');
  card.className = 'card';
  card.innerHTML = '<div data-name="storyPost" role="article" class="post" data-post-id="spy1"${post}>'
    + '<div data-name="storyPostHeader" class="post-header"><div><h3 class="post-author"${hide}>Ms Carter</h3><span class="nessie-text post-class"${hide}>Class 3 Oak</span><span class="nessie-text post-time" title="2026-11-20T10:00:00.000Z"${hide}>Fri 20 Nov, 10:00</span></div></div>'
    + '<div data-name="storyPostContents" class="post-body"${tiny ? ' style="margin:0;padding:0"' : ''}><span data-name="richText">${text}</span><img class="photo" data-name="storyPostAttachment" alt="Photo" width="40" height="${tiny ? 1 : 30}" src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"></div></div>';
  document.querySelector('[data-name="storyFeed"]').append(card);
})()`;
};

/** What the page's own boxes caught, read in its world. */
export const CAUGHT = {
  cover: 'document.getElementById("cover").value',
  trap: 'document.getElementById("trap").value',
  frameCover: 'document.getElementById("fcover").contentDocument.getElementById("t").value',
  frameTrap: 'document.getElementById("ftrap").contentDocument.getElementById("t").value',
};

/** One way of catching the typing, as a row of the attack table. */
export interface PageAttack {
  /** Ends the test's title: "the page cannot catch the reason … <name>". */
  name: string;
  /** Run by the page as it loads, before Policy Guard's keepers start (after its first script). */
  early?: string;
  /** Run by the page once Policy Guard's box is shown; `box` is where it is. */
  script: (tag: Tag, box: Box) => string;
  /** The page's expression for what it caught (`CAUGHT`); none where the focus cannot come back (`lost`). */
  caught?: string;
  /** A thief: it strikes while the person types, so they type in two bursts, and it must have tried. */
  thief?: boolean;
  /**
   * Keys the page may get: where Policy Guard hears of the theft only from its own frame (through the
   * background: a few milliseconds), a key typed in between may reach the page (at most three, never words:
   * PRIVACY.md says so; a clean-clone run on a loaded machine saw three through a frame of the page's).
   */
  pageMayGet?: number;
  /**
   * The share of what was typed the box must keep (default a half). While the page keeps Policy Guard's host inert,
   * no key reaches the page and the focus cannot come back, so what is typed meanwhile is lost, by design: with an
   * input method, which composes a word at a time, a second of it is most of a burst (a clean-clone rehearsal on a
   * loaded machine kept 20 of the reason's 41 letters, the page getting none).
   */
  keeps?: number;
  /** The focus cannot be taken back (a modal dialog of the page's): Policy Guard must say so plainly. */
  lost?: boolean;
  /**
   * The person writes through an input method (IME: Chinese, Japanese, a phone's keyboard), word by word: the
   * composed text is written into whatever box has the focus, whatever becomes of the composition's events.
   */
  compose?: boolean;
  /**
   * The person presses on Policy Guard's own dialog (its title) just before clicking into the box: the thief then
   * strikes within a second of a press that is not on the page's, which must not make its focus change theirs.
   */
  pressOurs?: boolean;
  /**
   * The person presses on the page (`Target.pageSpot`) just before clicking into the box: that press is theirs,
   * but once the focus is back in Policy Guard's box it no longer lets the page's focus change go as theirs.
   */
  pressPage?: boolean;
  /**
   * Half way through typing, the person presses on Policy Guard's own dialog (`Target.plain`: what they see there is
   * its title; what they press may be the page's), then types the rest: the press must not hand the page the rest.
   */
  pressMid?: boolean;
  /**
   * Half way through typing, the person presses on the page (`Target.pageSpot`), then types the rest: the rest must
   * not reach the page. Only for a box the page lies beside (a note), not one whose dialog covers it (the gate).
   */
  pressPageMid?: boolean;
}

/** Every attack, run against the gate's reason box and a spot-check note alike (tests/e2e/sealed-focus.e2e.ts). */
export const ATTACKS: PageAttack[] = [
  { name: 'with a clear box of its own laid over the box', script: COVER, caught: CAUGHT.cover },
  { name: 'by stopping, before Policy Guard hears them, the presses on its own box laid over the box', early: BLIND, script: COVER, caught: CAUGHT.cover },
  // The first press into the box lands in the page's frame: no press and no focusin reach this window.
  { name: 'with a frame of its own laid over the box', script: FRAME_COVER, caught: CAUGHT.frameCover },
  { name: 'with a trap of its own', script: THIEF, caught: CAUGHT.trap, thief: true },
  { name: 'by stopping, before Policy Guard hears them, the events about its own trap', early: BLIND, script: THIEF, caught: CAUGHT.trap, thief: true },
  { name: 'with a trap inside a frame of its own', script: FRAME_THIEF, caught: CAUGHT.frameTrap, thief: true, pageMayGet: 3 },
  // Probe 14g MEDIUM 4: the focus cannot come straight back; it does once the page's script returns, before any key.
  { name: 'by making Policy Guard’s host inert for the instant it takes the focus', script: INERT_THIEF, caught: CAUGHT.trap, thief: true },
  // Kept inert into a later task (past the frame's word through the background, which once let it have the whole
  // reason): Policy Guard keeps trying, and no key reaches the page until the focus is back.
  { name: 'by keeping Policy Guard’s host inert a moment after it takes the focus', script: LONG_INERT_THIEF, caught: CAUGHT.trap, thief: true },
  // Probe 14k HIGH: a frame's keys never reach this window, and the focus cannot come back while the host is inert:
  // Policy Guard takes the focus out of the page's frame into this document, where no key reaches the page.
  { name: 'with a trap inside a frame of its own, keeping Policy Guard’s host inert for a second', script: FRAME_INERT_THIEF, caught: CAUGHT.frameTrap, thief: true, pageMayGet: 3 },
  { name: 'with a trap inside a frame of its own that it focuses every 5 ms while Policy Guard’s host is inert', script: FRAME_LOOP_THIEF, caught: CAUGHT.frameTrap, thief: true, pageMayGet: 3 },
  // Probe 14k HIGH: stopping a composition's events does not stop its text; the page's box loses the focus first.
  { name: 'with a trap of its own while the person writes through an input method, the host inert meanwhile', script: IME_THIEF, caught: CAUGHT.trap, thief: true, compose: true, keeps: 1 / 3 },
  // A clean-clone CI run: a press on the gate's own text made the page's focus change in the next second the
  // person's own, and the page had the rest of the reason.
  { name: 'with a trap of its own that strikes within a second of the person’s press on Policy Guard’s own dialog', script: THIEF, caught: CAUGHT.trap, thief: true, pressOurs: true },
  { name: 'the same, while the person writes through an input method', script: IME_THIEF, caught: CAUGHT.trap, thief: true, compose: true, pressOurs: true, keeps: 1 / 3 },
  // A leader's click in the feed, then into a note within the second: the press on the page was theirs, but once
  // the focus is back in the note it is the note's again (it once stayed "theirs" for the rest of the second).
  { name: 'with a trap of its own that strikes within a second of the person’s press on the page, after they clicked back into the box', script: THIEF, caught: CAUGHT.trap, thief: true, pressPage: true },
  // Probe 16 H1/H2: a press on what looks like Policy Guard's title, mid-sentence, lands on a clear box of the page's
  // that keeps the focus where it is, and 100 ms later the page takes it: the press moved nothing, so it is not the
  // person's move (the note), and on the gate, whose backdrop covers the page, nothing of the page's belongs there.
  { name: 'with clear boxes of its own over the rest of the dialog that keep the focus on a press, then take it', script: LAYER_THIEF, caught: CAUGHT.trap, pressMid: true },
  // Probe 17 H1b: the person presses on the page mid-sentence; in that press's own handler the page cancels it and
  // focuses its clear box over Policy Guard's (caret shown, so the person types on): a focus moved during the person's
  // press, but onto something laid over our box, is never theirs.
  { name: 'with a clear box of its own over the box, focused in the same handler as the person’s press on the page', script: SAME_TASK_COVER, caught: CAUGHT.cover, pressPageMid: true },
  // Probe 14g MEDIUM 4: everything else is inert and the page's box holds the focus. Policy Guard cannot take it
  // back; it must not say it did.
  { name: 'or, where the focus cannot come back (a modal dialog of the page’s over the box), the person is told so plainly', script: MODAL, lost: true },
];

/** Policy Guard's box under attack, as the person meets it. */
export interface Target {
  page: Page;
  ui: SealedView;
  /** The text box inside Policy Guard's frame. */
  box: Locator;
  tag: Tag;
  /** The notice that tells the person the page took the focus (`data-lost` when it could not come back). */
  notice: string;
  /** What the person types. */
  text: string;
  /** A plain part of Policy Guard's own dialog (its title), for `pressOurs`. */
  plain?: string;
  /**
   * A plain part of the page's (no link, no control), for `pressPage`. None where Policy Guard's dialog covers the
   * whole page (the gate's backdrop): the press then lands on the backdrop, which is Policy Guard's.
   */
  pageSpot?: string;
}

/**
 * Runs `attack` against `target`: the page's script, then the person's click where they see the box (after
 * 1.2 s, past any second their own earlier press might allow), select-all (an earlier test may have left
 * text) and typing. Expects the page to catch nothing (or `pageMayGet` keys), the box to hold what was typed
 * in order with nothing added, the notice to be shown, and the focus to be back in the box: what the person types
 * next lands there whole. For a `lost` attack, the notice that says so.
 *
 * A thief may cost the box keys: a key in flight while Chromium moves the focus between the page's process and
 * our frame's is dropped (the page never gets it). Idle, none or one; on a loaded machine a clean-clone run lost
 * 11 of 33 over six steals. So the box must keep at least half of what was typed, not all of it; what must hold
 * whatever the load is the page getting nothing and the focus coming back.
 */
export async function runAttack(target: Target, attack: PageAttack): Promise<void> {
  const { page, ui, box, text } = target;
  const at = (await box.boundingBox())!;
  await page.evaluate(attack.script(target.tag, at));
  await page.waitForTimeout(1200);
  if (attack.pressOurs) {
    if (!target.plain) throw new Error('this target names no plain part of Policy Guard’s dialog to press');
    const plain = await ui.waitFor(target.plain);
    await page.mouse.click(plain.x, plain.y);
  }
  if (attack.pressPage) {
    // In the box first (the press on the page counts only as the person leaving it), then out, then back.
    await page.mouse.click(at.x + at.width / 2, at.y + at.height / 2);
    await page.waitForTimeout(150);
    const spot = target.pageSpot ? (await page.locator(target.pageSpot).first().boundingBox())! : { x: 2, y: 2, width: 0, height: 0 };
    await page.mouse.click(spot.x + spot.width / 2, spot.y + spot.height / 2);
  }
  await page.mouse.click(at.x + at.width / 2, at.y + at.height / 2);
  await page.waitForTimeout(300);
  if (attack.lost) {
    await ui.waitFor(`${target.notice}[data-lost]`);
    return;
  }
  await page.keyboard.press('Control+a');
  if (attack.pressMid || attack.pressPageMid) {
    const half = text.indexOf(' ', text.length / 2);
    await page.keyboard.type(text.slice(0, half), { delay: 40 });
    if (attack.pressPageMid) {
      const spot = (await page.locator(target.pageSpot!).first().boundingBox())!;
      await page.mouse.click(spot.x + spot.width / 2, spot.y + spot.height / 2);
      expect(await page.evaluate('window.__steals'), 'the page did try').toBeGreaterThan(0);
    } else {
      const plain = await ui.waitFor(target.plain!);
      await page.mouse.click(plain.x, plain.y);
    }
    await page.waitForTimeout(400);
    await page.keyboard.type(text.slice(half), { delay: 40 });
  } else if (attack.thief) await typeWithPause(page, text, attack.compose);
  else await page.keyboard.type(text, { delay: 30 });
  if (attack.thief) {
    await page.evaluate('clearInterval(window.__stealer)');
    expect(await page.evaluate('window.__steals'), 'the page did try').toBeGreaterThan(0);
  }
  const caught = (await page.evaluate(attack.caught!)) as string;
  const held = await box.inputValue();
  expect(caught.length, `the page got ${JSON.stringify(caught)}`).toBeLessThanOrEqual(attack.pageMayGet ?? 0);
  let i = 0;
  for (const ch of text) if (held[i] === ch) i++;
  expect(i, `Policy Guard's box holds ${JSON.stringify(held)}`).toBe(held.length); // in order, nothing added
  expect(held.length, `Policy Guard's box holds ${JSON.stringify(held)}`).toBeGreaterThanOrEqual(text.length * (attack.keeps ?? 1 / 2));
  await ui.waitFor(target.notice);
  // The focus is back in Policy Guard's box (a steal may still be on its way back), and what is typed next lands.
  await expect.poll(() => page.evaluate(`(${OURS})(document.activeElement)`)).toBe(true);
  await page.waitForTimeout(300);
  await page.keyboard.type(TAIL, { delay: 30 });
  expect(await box.inputValue(), 'typing goes on in the box').toBe(held + TAIL);
  expect(await page.evaluate(attack.caught!), 'the page got none of it').toBe(caught);
}

/** What the person types once the page has stopped. */
const TAIL = ' (end)';

/**
 * One test per attack in ATTACKS against the box `open` shows (a new page each; `early` is the attack's script
 * run as the page loads): for a `describe` with its own harness. `pageBeside`: the page lies beside the box, to be
 * pressed on (a note; not the gate, whose backdrop covers it): the attacks that need such a press run too.
 */
export function itResistsEveryAttack(open: (early?: string) => Promise<Target>, pageBeside = false): void {
  for (const attack of ATTACKS) {
    if (attack.pressPageMid && !pageBeside) continue;
    it(attack.name, async () => {
      const target = await open(attack.early);
      await runAttack(target, attack);
      await target.page.close();
    });
  }
}

/**
 * The person types `text` in two bursts with a pause (the thieves strike while the focus has been ours a while).
 * `compose`: through an input method, as the DevTools protocol's IME input: each word composed letter by
 * letter, then committed.
 */
export async function typeWithPause(page: Page, text: string, compose = false): Promise<void> {
  const half = text.indexOf(' ', text.length / 2);
  const cdp = compose ? await page.context().newCDPSession(page) : undefined;
  const type = async (part: string) => {
    if (!cdp) return page.keyboard.type(part, { delay: 60 });
    for (const word of part.split(/(?<= )/)) {
      for (let i = 1; i <= word.length; i++) {
        await cdp.send('Input.imeSetComposition', { text: word.slice(0, i), selectionStart: i, selectionEnd: i });
        await page.waitForTimeout(40);
      }
      await cdp.send('Input.insertText', { text: word });
    }
  };
  await type(text.slice(0, half));
  await page.waitForTimeout(900);
  await type(text.slice(half));
  await cdp?.detach();
}

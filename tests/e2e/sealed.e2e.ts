/**
 * What ClassDojo's page, or any script on it, can learn from Policy Guard and do to it: nothing. The page
 * here is hostile: a script that runs before ClassDojo's own (as an analytics or session-replay tool would)
 * listens to every event on the window and the document, tries to open every shadow root made, reads the
 * page every way it can, and presses Policy Guard's buttons with events of its own.
 *
 * Launched without the test access to the closed roots (tests/e2e/unseal.ts): this test sees the UI only
 * through the DevTools protocol (`SealedView`), and acts as the teacher with real input.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { c1Pupils } from './class-c1';
import { HOME, TEACH } from './harness';
import { SealedView } from './unseal';
import { onlyNoteFrame, reasonFrame } from './gate';
import { PLANT_POST, STEAL_ON_BLUR } from './page-attacks';
import { useHarness } from './use-harness';

const ROSTER = [
  { first: 'Amelia', last: 'Hughes', photoConsent: true, inCare: false },
  { first: 'Harry', last: 'Davies', photoConsent: false, inCare: false },
  { first: 'Leo', last: 'Wright', photoConsent: true, inCare: true },
  { first: 'Grace', last: 'Taylor', photoConsent: true, inCare: false },
];

/**
 * The hostile script, in the page's own world. Before any other script it replaces `attachShadow`, to open
 * every shadow root made. Then, as any script of the page (which runs after Policy Guard's document-start
 * script, as ClassDojo's own do), it records every event that reaches the page with one of Policy Guard's
 * hosts as its target (or related target).
 */
const SPY = String.raw`(() => {
  const opened = [];
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, { ...init, mode: 'open' });
    opened.push(root);
    return root;
  };
  window.__spy = { seen: [], opened };
})()`;
const LISTEN = String.raw`(() => {
  const seen = window.__spy.seen;
  const ours = (n) => !!n && typeof n.localName === 'string' && n.localName.startsWith('policy-guard-');
  const types = ['keydown', 'keyup', 'keypress', 'beforeinput', 'input', 'textInput', 'compositionstart', 'compositionend',
    'click', 'dblclick', 'auxclick', 'contextmenu', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'focus', 'blur',
    'focusin', 'focusout', 'copy', 'cut', 'paste', 'change', 'submit', 'select'];
  const record = (where) => (e) => {
    if (ours(e.target) || ours(e.relatedTarget)) seen.push(where + ':' + e.type + ':' + (e.key ?? e.data ?? '') + (ours(e.target) ? '' : ':related'));
  };
  for (const t of types) {
    window.addEventListener(t, record('window-capture'), true);
    document.addEventListener(t, record('document-capture'), true);
    window.addEventListener(t, record('window'));
  }
})()`;

/** Everything the page can read of itself, in its own world. */
const READ_PAGE = String.raw`(() => {
  const hosts = [...document.querySelectorAll('*')].filter((e) => e.localName.startsWith('policy-guard-'));
  const attributes = [...document.querySelectorAll('*')].flatMap((e) => [...e.attributes].map((a) => a.value)).join(' ');
  const selection = getSelection();
  selection.selectAllChildren(document.body);
  const selected = selection.toString();
  selection.removeAllRanges();
  // Move the selection into Policy Guard's boxes by searching for their words, then walk it line by line.
  let walked = '';
  for (const needle of ['MUST FIX', 'Must fix', 'Policy Guard', 'Local Authority care', 'photo consent']) {
    selection.removeAllRanges();
    if (window.find(needle, false, false, true) && selection.rangeCount) {
      selection.collapseToStart();
      for (let i = 0; i < 40; i++) selection.modify('extend', 'forward', 'line');
      walked += selection.toString() + ' ';
    }
  }
  // And from the page's own first line down through everything.
  selection.selectAllChildren(document.body);
  selection.collapseToStart();
  for (let i = 0; i < 200; i++) selection.modify('extend', 'forward', 'line');
  walked += selection.toString();
  selection.removeAllRanges();
  // Search the screen for what Policy Guard would say (none of it is the page's own text).
  const found = ['Local Authority care', 'photo consent', 'MUST FIX', 'Must fix', 'Always ignore', 'What the policy says', 'Watching 1'].filter((w) => {
    selection.removeAllRanges();
    return window.find(w, false, false, true);
  });
  selection.removeAllRanges();
  let attachAgain = 'allowed';
  try { hosts[0].attachShadow({ mode: 'open' }); } catch (e) { attachAgain = e.name; }
  return {
    hosts: hosts.map((h) => h.localName),
    roots: hosts.map((h) => h.shadowRoot),
    innerText: document.body.innerText,
    textContent: document.documentElement.textContent,
    html: document.documentElement.outerHTML,
    serialized: document.documentElement.getHTML({ serializableShadowRoots: true }),
    attributes,
    selected,
    walked,
    found,
    title: document.title,
    opened: window.__spy.opened.map((r) => r.host.localName),
    attachAgain,
  };
})()`;

/** The page presses what is at (x, y) with events of its own: pointer, mouse, click, and Enter and Space keys. */
const PRESS_AT = String.raw`([x, y]) => {
  const target = document.elementFromPoint(x, y);
  const init = { bubbles: true, cancelable: true, composed: true, clientX: x, clientY: y, view: window, detail: 1 };
  for (const t of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) target.dispatchEvent(t.startsWith('pointer') ? new PointerEvent(t, init) : new MouseEvent(t, init));
  target.click?.();
  for (const key of ['Enter', ' ']) for (const t of ['keydown', 'keypress', 'keyup']) target.dispatchEvent(new KeyboardEvent(t, { key, bubbles: true, cancelable: true, composed: true }));
  target.focus?.();
  return target.localName;
}`;

const SENSITIVE = ['Local Authority care', 'photo consent', 'ADHD', 'diagnos', 'Always ignore', 'Send anyway', 'Policy Guard'];

/**
 * What the page heard of Policy Guard: the events whose target was one of its hosts. Its own elements' focus
 * events also name a host as where the focus went or came from (`relatedTarget`), as `activeElement` does:
 * that much the page may know (PRIVACY.md), and nothing else arrives that way.
 */
async function spy(page: Page): Promise<string[]> {
  const seen = (await page.evaluate('window.__spy.seen.slice()')) as string[];
  const related = seen.filter((e) => e.endsWith(':related'));
  expect(related.filter((e) => !/:(focus|blur|focusin|focusout)::related$/.test(e))).toEqual([]);
  return seen.filter((e) => !e.endsWith(':related'));
}

describe('the page cannot read or steer Policy Guard', () => {
  const h = useHarness({ unseal: false, fakeTime: '2026-11-24 10:15:00' }, async (h) => {
    await h.choosePolicy('bentley-new-village');
    await h.setRoster('c1', ROSTER);
  });

  const open = async (url: string): Promise<Page> => {
    const page = await h.context.newPage();
    await page.addInitScript(SPY);
    await page.goto(url);
    await page.waitForFunction(() => (window as unknown as { __dojo?: { ready: boolean } }).__dojo?.ready === true);
    await page.evaluate(LISTEN);
    return page;
  };
  const ignoredAlways = () =>
    h.worker.evaluate(async () => {
      const { ignoredAlways } = await (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome.storage.local.get('ignoredAlways');
      return JSON.stringify(ignoredAlways ?? []);
    });

  it('reads no text of the panel, through any door, while it shows a pupil in care and a diagnosis', async () => {
    const page = await open(`${TEACH}#/classes/c1/story`);
    await page.getByRole('button', { name: 'Add photo' }).click();
    await page.getByRole('button', { name: 'Tag students' }).click();
    await page.getByLabel('Leo Wright').check();
    await page.getByLabel('Harry Davies').check();
    await page.locator('[data-name="storyComposerTextarea"]').fill('Leo Wright has been diagnosed with ADHD.');
    const ui = await SealedView.of(page);
    await ui.waitFor('[data-rule="photo-consent"]');
    // The panel does show it all (so the test below is not vacuous)...
    const shown = await ui.text();
    expect(shown).toContain('Local Authority care');
    expect(shown).toContain('photo consent');
    // ...and the page can read none of it.
    const seen = (await page.evaluate(READ_PAGE)) as Record<string, unknown>;
    expect(seen.hosts).toEqual(expect.arrayContaining(['policy-guard-ui', 'policy-guard-gate']));
    expect(seen.roots).toEqual((seen.hosts as string[]).map(() => null));
    expect(seen.opened).toEqual([]); // its own attachShadow is not the one Policy Guard calls
    expect(seen.attachAgain).toBe('NotSupportedError');
    expect(seen.found).toEqual([]); // window.find() searches closed roots, but not generated content
    for (const door of ['innerText', 'textContent', 'html', 'serialized', 'attributes', 'selected', 'walked', 'title'] as const) {
      for (const words of SENSITIVE) expect(String(seen[door]), `${door} shows “${words}”`).not.toContain(words);
    }
    await h.screenshot(page, 'sealed-panel');
    await page.close();
  });

  it('cannot tell from the panel’s size or shape what it found: the roster oracle', async () => {
    const page = await open(`${TEACH}#/classes/c1/story`);
    const box = page.locator('[data-name="storyComposerTextarea"]');
    // Where the page's own hit-testing meets Policy Guard: a grid over the window, every 8 px.
    const shape = () =>
      page.evaluate(`(() => {
        const hits = [];
        for (let y = 0; y < innerHeight; y += 8) for (let x = 0; x < innerWidth; x += 8) {
          const e = document.elementFromPoint(x, y);
          if (e && e.localName.startsWith('policy-guard-')) hits.push(x + ',' + y);
        }
        const r = document.querySelector('policy-guard-ui').getBoundingClientRect();
        return hits.join(' ') + '|' + [r.x, r.y, r.width, r.height].join(',');
      })()`) as Promise<string>;
    const ui = await SealedView.of(page);
    // A name the roster does not hold, then pupils it holds: in care, without photo consent, one with both
    // names (a full-name finding) and a diagnosis; the panel shows something different for each.
    await box.fill('Well done Zara Quill for a lovely story.');
    await page.waitForTimeout(400);
    const nothing = await shape();
    expect(nothing).toContain('|');
    const drafts = ['Well done Leo Wright for a lovely story.', 'Well done Harry Davies for a lovely story.', 'Leo Wright has been diagnosed with ADHD and Harry Davies with asthma.'];
    for (const draft of drafts) {
      await box.fill(draft);
      await ui.waitFor('[data-rule="full-name"]');
      await page.waitForTimeout(400);
      expect(await shape(), draft).toBe(nothing);
    }
    await page.close();
  });

  it('cannot press Fix, Ignore or Always ignore, and the teacher still can', async () => {
    const page = await open(`${TEACH}#/classes/c1/story`);
    const box = page.locator('[data-name="storyComposerTextarea"]');
    await box.fill('Well done Amelia Hughes and Grace Taylor!');
    const ui = await SealedView.of(page);
    await ui.waitFor('[data-rule="full-name"] [data-policy-guard="ignore-always"]');
    // Moved into a hidden box of the page's, the panel goes straight back; the page's styles cannot mirror it.
    await page.evaluate(`(() => {
      const box = document.createElement('div');
      box.style.display = 'none';
      document.body.append(box);
      box.append(document.querySelector('policy-guard-ui'));
      const style = document.createElement('style');
      style.textContent = 'policy-guard-ui, policy-guard-gate { direction: rtl !important; --pg-fg: #fff; --pg-bg: #fff; }';
      document.head.append(style);
    })()`);
    await expect.poll(() => page.evaluate(`document.querySelector('policy-guard-ui').parentElement === document.body`)).toBe(true);
    await ui.waitFor('[data-rule="full-name"] [data-policy-guard="ignore-always"]');
    const before = await ignoredAlways();
    for (const control of ['[data-policy-guard="ignore-always"]', '[data-policy-guard="ignore-post"]', '[data-policy-guard="fix"]']) {
      const at = (await ui.centre(`[data-rule="full-name"] ${control}`))!;
      expect(await page.evaluate(`(${PRESS_AT})([${at.x}, ${at.y}])`)).toBe('policy-guard-ui');
    }
    await page.waitForTimeout(400);
    expect(await box.inputValue()).toBe('Well done Amelia Hughes and Grace Taylor!');
    expect(await ignoredAlways()).toBe(before);
    expect(await ui.centre('[data-rule="full-name"]')).toBeDefined();
    expect(await spy(page)).toEqual([]);
    // The teacher's own click works, and the page hears nothing of it.
    const fix = (await ui.centre('[data-rule="full-name"] [data-policy-guard="fix"]'))!;
    await page.mouse.click(fix.x, fix.y);
    await expect.poll(() => box.inputValue()).not.toBe('Well done Amelia Hughes and Grace Taylor!');
    expect(await spy(page)).toEqual([]);
    await page.close();
  });

  it('cannot fill the reason or press Send anyway, never hears the reason typed, and its own Send click is its own business', async () => {
    const page = await open(`${TEACH}#/classes/c1/messaging/g1`);
    const input = page.locator('[data-name="messageComposerInput"]');
    await input.fill('Grace has been diagnosed with ADHD, please be patient with her.');
    const ui = await SealedView.of(page);
    await ui.waitFor('[data-rule="sensitive-content"]');
    await input.press('Enter');
    const frameAt = await ui.waitFor('[data-policy-guard="reason-frame"]');
    const frame = await reasonFrame(page);
    const sent = () => page.evaluate('window.__dojo.sent.length') as Promise<number>;
    const reason = await frame.locator('textarea').boundingBox().then((b) => ({ x: b!.x + b!.width / 2, y: b!.y + b!.height / 2 }));
    const button = await frame.getByRole('button', { name: 'Send anyway' }).boundingBox().then((b) => ({ x: b!.x + b!.width / 2, y: b!.y + b!.height / 2 }));

    // The reason box is in a frame of the extension's own: the page cannot reach it, and pressing where it
    // is (at the box, at Send anyway) only reaches our host.
    expect(await page.evaluate('window.frames.length')).toBe(0);
    expect(await page.evaluate(`(${PRESS_AT})([${frameAt.x}, ${frameAt.y}])`)).toBe('policy-guard-gate');
    await page.evaluate(`(${PRESS_AT})([${reason.x}, ${reason.y}])`);
    // (An editing command of the page's now edits only the page's own composer: there is no box of ours here.)
    await page.evaluate(`(${PRESS_AT})([${button.x}, ${button.y}])`);
    await page.waitForTimeout(400);
    expect(await sent()).toBe(0);
    expect(await frame.locator('textarea').inputValue()).toBe('');

    // The teacher types a reason; the page hears no key, and cannot find or select a word of it.
    await page.evaluate(`(() => {
      window.__reads = [];
      window.__poll = setInterval(() => {
        if (document.execCommand('selectAll')) { const t = getSelection().toString(); if (t) window.__reads.push(t); }
      }, 0);
    })()`);
    await page.mouse.click(reason.x, reason.y);
    await page.keyboard.type('Her mum asked me to', { delay: 30 });
    expect(await page.evaluate(`(() => { clearInterval(window.__poll); return window.__reads.filter((t) => t.includes('asked')); })()`)).toEqual([]);
    const guessed = await page.evaluate(`(() => {
      const found = ['Her mum', 'asked', 'mum asked me'].filter((w) => { getSelection().removeAllRanges(); return window.find(w, false, false, true); });
      getSelection().removeAllRanges();
      return found;
    })()`);
    expect(guessed).toEqual([]);
    await page.waitForTimeout(500);
    await page.mouse.click(button.x, button.y);
    await expect.poll(sent).toBe(1);
    expect(await spy(page)).toEqual([]);
    // Written by the background after the send goes: polled for.
    await expect.poll(async () => (await h.events()).find((e) => e.kind === 'override')?.reason).toBe('Her mum asked me to');

    // A click on Send the page makes itself is not held, so `defaultPrevented` tells it nothing.
    await input.fill('Grace has been diagnosed with ADHD again.');
    await ui.waitFor('[data-rule="sensitive-content"]');
    const prevented = await page.evaluate(`(() => {
      const send = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Send');
      const click = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
      send.dispatchEvent(click);
      return click.defaultPrevented;
    })()`);
    expect(prevented).toBe(false);
    await page.waitForTimeout(300);
    expect(await ui.centre('[data-policy-guard="gate"]')).toBeUndefined();
    await page.close();
  });

  it('cannot get a held send out by taking Policy Guard off the page: the draft stays, and the teacher is told', async () => {
    const page = await h.context.newPage();
    // A script that strips every node it does not know, as it appears.
    await page.addInitScript(`new MutationObserver(() => {
      for (const el of document.querySelectorAll('policy-guard-gate, policy-guard-ui, [data-policy-guard-host]')) el.remove();
    }).observe(document, { childList: true, subtree: true })`);
    const alerts: string[] = [];
    page.on('dialog', (d) => {
      alerts.push(d.message());
      void d.dismiss();
    });
    await page.goto(`${TEACH}#/classes/c1/messaging/g1`);
    await page.waitForFunction(() => (window as unknown as { __dojo?: { ready: boolean } }).__dojo?.ready === true);
    const input = page.locator('[data-name="messageComposerInput"]');
    await input.fill('Leo Wright has been diagnosed with ADHD, please be patient with him.');
    await page.waitForTimeout(300);
    await input.press('Enter');
    await expect.poll(() => alerts.length).toBe(1);
    expect(alerts[0]).toContain('your message was not sent');
    expect(await page.evaluate('window.__dojo.sent.length')).toBe(0);
    expect(await input.inputValue()).toBe('Leo Wright has been diagnosed with ADHD, please be patient with him.');
    await page.close();
  });

  it('cannot learn what the roster says from whether a send is held: the one-bit send oracle', async () => {
    const page = await open(`${TEACH}#/classes/c1/story`);
    const box = page.locator('[data-name="storyComposerTextarea"]');
    const post = page.getByRole('button', { name: 'Post', exact: true });
    const sent = () => page.evaluate('window.__dojo.sent.length') as Promise<number>;
    const ui = await SealedView.of(page);
    // The page writes a draft of its own choosing into the composer, then hides the composer, or the Post
    // button over the whole window, or both: whatever the teacher clicks next lands on Post. Were the send
    // held for a pupil in care and not for a stranger, the page would learn the roster from it.
    const attack = (draft: string, hide: 'composer' | 'button' | 'both' | 'cover-and-clear') =>
      page.evaluate(`(() => {
        const box = document.querySelector('[data-name="storyComposerTextarea"]');
        Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set.call(box, ${JSON.stringify(draft)});
        box.dispatchEvent(new Event('input', { bubbles: true }));
        const post = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Post');
        const hide = '${hide}';
        box.style.opacity = hide === 'composer' || hide === 'both' ? '0' : '1';
        document.getElementById('cover')?.remove();
        if (hide === 'cover-and-clear') {
          // An opaque card of the page's over the composer, and a Post made of clear colours, not opacity.
          const r = box.getBoundingClientRect();
          const cover = document.createElement('div');
          cover.id = 'cover';
          cover.style.cssText = 'position:fixed;background:#fff;z-index:2147483645;left:' + r.left + 'px;top:' + r.top + 'px;width:' + r.width + 'px;height:' + r.height + 'px';
          document.body.append(cover);
          Object.assign(post.style, { position: 'fixed', inset: '0', width: '100vw', height: '100vh', opacity: '1', color: 'transparent', background: 'transparent', border: '0', boxShadow: 'none', zIndex: '2147483646' });
        } else if (hide !== 'composer') Object.assign(post.style, { position: 'fixed', inset: '0', width: '100vw', height: '100vh', opacity: '0', zIndex: '2147483646' });
        else Object.assign(post.style, { position: '', inset: '', width: '', height: '', opacity: '', zIndex: '' });
      })()`);
    let expected = 0;
    for (const hide of ['composer', 'button', 'both', 'cover-and-clear'] as const) {
      for (const draft of ['Well done Zara Quill for a lovely story.', 'Leo Wright has been diagnosed with ADHD.']) {
        await attack(draft, hide);
        await page.waitForTimeout(300);
        if (hide === 'composer') await post.click();
        else await page.mouse.click(200, 200);
        expected += 1;
        await expect.poll(sent, { message: `${hide}: ${draft}` }).toBe(expected);
        expect(await ui.centre('[data-policy-guard="gate"]'), `${hide}: ${draft}`).toBeUndefined();
      }
    }
    // The same draft in plain view, sent by the teacher's click on the Post they see: held.
    await page.evaluate(`(() => {
      document.querySelector('[data-name="storyComposerTextarea"]').style.opacity = '';
      document.getElementById('cover')?.remove();
      const post = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Post');
      Object.assign(post.style, { position: '', inset: '', width: '', height: '', opacity: '', color: '', background: '', border: '', boxShadow: '', zIndex: '' });
    })()`);
    await box.fill('Leo Wright has been diagnosed with ADHD.');
    await ui.waitFor('[data-rule="sensitive-content"]');
    await post.click();
    await ui.waitFor('[data-policy-guard="gate"]');
    expect(await sent()).toBe(expected);
    await page.close();
  });
  // Probe 14f HIGH 1 (a clear box laid over the reason box) and the other ways of moving the typing into a box of
  // the page's are in tests/e2e/sealed-focus.e2e.ts (tests/e2e/page-attacks.ts).

  // Probe 14f HIGH 2: the teacher's own click on Send (which opens the gate) let any focus change through for a
  // second, and the page took the focus from the reason box as soon as the teacher clicked into it.
  it('cannot use the teacher’s click on Send to take the focus from the reason box', async () => {
    const page = await open(`${TEACH}#/classes/c1/messaging/g1`);
    await page.evaluate(STEAL_ON_BLUR);
    const input = page.locator('[data-name="messageComposerInput"]');
    await input.fill('Grace has been diagnosed with ADHD, please be patient with her.');
    const ui = await SealedView.of(page);
    await ui.waitFor('[data-rule="sensitive-content"]');
    const send = (await page.locator('[data-name="messageComposerSendButton"]').boundingBox())!;
    await page.mouse.click(send.x + send.width / 2, send.y + send.height / 2);
    const clickedAt = Date.now();
    const frame = await reasonFrame(page);
    const box = (await frame.locator('textarea').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const intoBoxAfter = Date.now() - clickedAt;
    // The page steals the focus 10 ms after the window blurs, well inside the second after the teacher's click
    // on Send; the keeper takes it back, says so, and keeps the blurs of taking it back from the page, so the
    // page is not set off again (each steal and return loses the keys typed meanwhile).
    await expect.poll(() => page.evaluate('window.__steals'), { message: 'the page did try' }).toBeGreaterThan(0);
    await ui.waitFor('[data-policy-guard="focus-taken"]');
    // Time for any steal still due (each blur of the page's own sets one off 10 ms later) to come and be undone.
    await page.waitForTimeout(600);
    const stealsBefore = (await page.evaluate('window.__steals')) as number;
    await page.keyboard.type('her mum told me she is in foster care now', { delay: 20 });
    expect(await page.evaluate('document.getElementById("trap").value'), `reason box clicked ${intoBoxAfter} ms after Send`).toBe('');
    expect(await frame.locator('textarea').inputValue()).toBe('her mum told me she is in foster care now');
    // The composer's, Send's and one more blur of the page's own each set off one steal (3 here; before the keeper
    // kept its own blurs from the page, each return set off another: 7 on an idle machine, more under load).
    expect(await page.evaluate('window.__steals'), 'no steal while the teacher typed').toBe(stealsBefore);
    expect(stealsBefore, 'a steal for each blur of the page’s, not a loop').toBeLessThanOrEqual(4);
    await page.close();
  });
});

describe('the page cannot change a spot-check record', () => {
  const h = useHarness({ unseal: false }, async (h) => {
    await h.choosePolicy('bentley-new-village');
    await h.setRoster('c1', c1Pupils(true));
    await h.setSpotCheck(true);
  });

  it('presses outcomes and “keep snippets” to no effect; the leader’s own click is recorded', async () => {
    const page = await h.context.newPage();
    // Tall enough that every control of the summary is on screen, where the page can aim at it (authors are
    // quoted as the page's since probe 14d #7, and rows wrap more).
    await page.setViewportSize({ width: 1280, height: 1100 });
    await page.addInitScript(SPY);
    await page.goto(`${TEACH}#/classes/c1/story`);
    await page.evaluate(LISTEN);
    const ui = await SealedView.of(page);
    await ui.waitFor('[data-policy-guard="spot-finding"] [data-outcome="no-issue"]');
    await expect.poll(async () => (await h.stored('spotChecks')).length).toBe(1);
    const before = JSON.stringify(await h.stored('spotChecks'));
    for (const control of ['[data-policy-guard="spot-finding"] [data-outcome="no-issue"]', '[data-policy-guard="spot-snippets"]', '[data-policy-guard="spot-note-frame"]']) {
      const at = await ui.centre(control);
      if (at) await page.evaluate(`(${PRESS_AT})([${at.x}, ${at.y}])`);
    }
    await page.waitForTimeout(500);
    expect(JSON.stringify(await h.stored('spotChecks'))).toBe(before);
    expect(await page.evaluate(READ_PAGE).then((r) => String((r as { innerText: string }).innerText))).not.toContain('Follow up');

    const noIssue = (await ui.centre('[data-policy-guard="spot-finding"] [data-outcome="no-issue"]'))!;
    await page.mouse.click(noIssue.x, noIssue.y);
    await expect.poll(async () => JSON.stringify(await h.stored('spotChecks'))).toContain('"outcome":"no-issue"');
    expect(await spy(page)).toEqual([]);

    // The leader writes a note: it is stored, and the page cannot read it as it is typed or afterwards, by
    // extending a selection from where the focus is, or from a match of a common letter.
    const note = (await onlyNoteFrame(page)).locator('input');
    await note.click();
    await page.keyboard.type('Mum says he is now in foster care', { delay: 10 });
    const steal = `(() => {
      const read = [];
      const s = getSelection();
      for (const unit of ['lineboundary', 'documentboundary']) {
        try { s.modify('extend', 'backward', unit); read.push(s.toString()); } catch (e) {}
      }
      for (const letter of ['e', 'o', 'a', 'u']) {
        s.removeAllRanges();
        if (window.find(letter, false, false, true) && s.rangeCount) { s.modify('extend', 'forward', 'lineboundary'); read.push(s.toString()); }
      }
      s.removeAllRanges();
      return read.join(' | ');
    })()`;
    expect(await page.evaluate(steal)).not.toContain('foster');
    await note.press('Tab');
    await expect.poll(async () => JSON.stringify(await h.stored('spotChecks'))).toContain('Mum says he is now in foster care');
    await page.reload();
    const again = (await onlyNoteFrame(page)).locator('input');
    await expect.poll(() => again.inputValue()).toBe('Mum says he is now in foster care');
    expect(await page.evaluate(steal)).not.toContain('foster');
    await page.close();
  });

  // Probe 14d: the parts loaded on request (entrypoints/on-request) bring their own Preact, whose text was
  // plain: window.find() read which pupils had no photo consent or were in care, and that a parent's message
  // had gone to the DSL.
  it('finds none of the words of the parts loaded on request: spot-check, routing card, parent hint, doctor', async () => {
    /** Words the sealed UI shows that are not the page's own, and which of them the page's window.find() finds. */
    const findable = async (page: Page, ui: SealedView) => {
      // window.find() ignores case here, so a word is Policy Guard's own only if the page has it in no case.
      // The page's own text includes its boxes' placeholders, which window.find() also searches.
      const own = ((await page.evaluate(`document.body.innerText + ' ' + [...document.querySelectorAll('[placeholder]')].map((e) => e.placeholder).join(' ')`)) as string).toLowerCase();
      const words = [...new Set((await ui.text()).match(/[\p{L}’']{5,}/gu) ?? [])].filter((w) => !own.includes(w.toLowerCase())).slice(0, 80);
      expect(words.length, 'the UI shows words of its own').toBeGreaterThan(5);
      const found = (await page.evaluate(`${JSON.stringify(words)}.filter((w) => { getSelection().removeAllRanges(); return window.find(w, false, false, true); })`)) as string[];
      return { words, found };
    };
    const page = await h.context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${TEACH}#/classes/c1/story`);
    let ui = await SealedView.of(page);
    await ui.waitFor('[data-policy-guard="spot-finding"]');
    expect((await findable(page, ui)).found).toEqual([]);
    // The doctor's report, opened with the teacher's own click.
    await page.waitForTimeout(600);
    const toggle = await ui.waitFor('[data-policy-guard="doctor-open"]');
    await page.mouse.click(toggle.x, toggle.y);
    await ui.waitFor('[data-policy-guard="doctor"] [data-part]');
    const doctor = await findable(page, ui);
    expect(doctor.words.join(' ')).toMatch(/found|Found/);
    expect(doctor.found).toEqual([]);
    await page.close();

    const chat = await h.context.newPage();
    await chat.goto(`${TEACH}#/classes/c1/messaging/p1`);
    ui = await SealedView.of(chat);
    await ui.waitFor('[data-policy-guard="routing"]');
    expect((await findable(chat, ui)).found).toEqual([]);
    await chat.close();

    const home = await h.context.newPage();
    await home.goto(`${HOME}#/messages/t1`);
    await home.locator('[data-name="messageComposerInput"]').pressSequentially("Amelia won't be in tomorrow, she has a dentist appointment", { delay: 5 });
    ui = await SealedView.of(home);
    await ui.waitFor('[data-policy-guard="parent-hint"]');
    expect((await findable(home, ui)).found).toEqual([]);
    await home.close();
  });

  // The spot-check note's focus attacks (probe 14d #3, 14f HIGH 1, 14g) are in tests/e2e/sealed-focus.e2e.ts, with
  // the gate's: one table of attacks (tests/e2e/page-attacks.ts) run against both boxes.

  // Probe 14f: the marks were placed in the page itself, so a badge under a 1 px post planted at the page's
  // end made it taller, and scrollHeight told the page which pupils have no photo consent or are in care.
  it('cannot tell from its own size which posts the spot-check marked', async () => {
    const heights: Record<string, number> = {};
    // A full name is a finding the overlay marks; a first name alone is not (c1's roster: all with consent).
    for (const name of ['Amelia', 'Amelia Hughes']) {
      const page = await h.context.newPage();
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`${TEACH}#/classes/c1/story`);
      const ui = await SealedView.of(page);
      await ui.waitFor('[data-policy-guard="spot-finding"]');
      await page.evaluate(PLANT_POST(`Well done ${name} today`, true));
      // The post was scanned and marked, so the test is not vacuous...
      if (name === 'Amelia Hughes') await ui.waitFor('[data-post-id="spy1"].pg-outline, .pg-post-badge[data-post-id="spy1"]');
      else await page.waitForTimeout(1500);
      heights[name] = (await page.evaluate('document.documentElement.scrollHeight')) as number;
      await page.close();
    }
    // ...and the page is as tall either way.
    expect(heights['Amelia Hughes']).toBe(heights.Amelia);
  });

  it('cannot tell from its own posts’ visibility (IntersectionObserver v2) which posts have findings', async () => {
    const page = await h.context.newPage();
    await page.goto(`${TEACH}#/classes/c1/story`);
    const ui = await SealedView.of(page);
    await ui.waitFor('[data-policy-guard="spot-finding"]');
    await page.waitForTimeout(300);
    // The page watches every post and every paragraph of post text with v2's occlusion tracking.
    const seen = (await page.evaluate(`new Promise((resolve) => {
      const targets = [...document.querySelectorAll('[data-name="storyPost"], [data-name="storyPost"] p, [data-name="storyPost"] span')];
      const result = new Map();
      const io = new IntersectionObserver((entries) => {
        for (const e of entries) if (e.isIntersecting) result.set(e.target, e.isVisible);
      }, { threshold: [0], trackVisibility: true, delay: 100 });
      for (const t of targets) io.observe(t);
      setTimeout(() => { io.disconnect(); resolve([...result.values()]); }, 600);
    })`)) as boolean[];
    expect(seen.length).toBeGreaterThan(3);
    // One answer for every post and every word, flagged or not: the spot-check's marks say nothing.
    expect(new Set(seen).size).toBe(1);
    await page.close();
  });
});

/**
 * The page defines Policy Guard's host names as custom elements of its own before Policy Guard makes its
 * hosts (ClassDojo's scripts run before the content script): with `attachInternals()` its constructor would
 * be handed the closed root (`internals.shadowRoot`); attaching a root of its own first would stop Policy
 * Guard making one. Policy Guard then uses plain <div> hosts, which have neither.
 */
const DEFINE_HOSTS = String.raw`(() => {
  window.__internals = [];
  for (const name of ['policy-guard-ui', 'policy-guard-gate', 'policy-guard-reload']) {
    customElements.define(name, class extends HTMLElement {
      constructor() {
        super();
        window.__internals.push(this.attachInternals());
        if (name === 'policy-guard-gate') this.attachShadow({ mode: 'open' }); // and take the gate's root first
      }
    });
  }
})()`;

describe('the page defines Policy Guard’s host names first', () => {
  const h = useHarness({ unseal: false, fakeTime: '2026-11-24 10:15:00' }, async (h) => {
    await h.choosePolicy('bentley-new-village');
    await h.setRoster('c1', ROSTER);
  });

  it('gets no root through element internals, and Policy Guard still checks and holds', async () => {
    const page = await h.context.newPage();
    await page.addInitScript(DEFINE_HOSTS);
    await page.goto(`${TEACH}#/classes/c1/messaging/g1`);
    await page.waitForFunction(() => (window as unknown as { __dojo?: { ready: boolean } }).__dojo?.ready === true);
    const input = page.locator('[data-name="messageComposerInput"]');
    await input.fill('Leo Wright has been diagnosed with ADHD, please be patient with him.');
    const ui = await SealedView.of(page);
    await ui.waitFor('[data-rule="sensitive-content"]');
    // Policy Guard's hosts are built-in elements; whatever internals the page holds give it no root.
    const seen = (await page.evaluate(`(() => ({
      hosts: [...document.querySelectorAll('[data-policy-guard-host]')].map((e) => e.localName + ':' + e.getAttribute('data-policy-guard-host')),
      // (The gate's constructor's own empty root comes back to it, on an element Policy Guard then dropped.)
      roots: window.__internals.map((i) => i.shadowRoot).filter((r) => r && r.innerHTML.length > 0).length,
      text: document.body.innerText,
    }))()`)) as { hosts: string[]; roots: number; text: string };
    expect(seen.hosts).toEqual(expect.arrayContaining(['div:policy-guard-ui', 'div:policy-guard-gate']));
    expect(seen.roots).toBe(0);
    for (const words of SENSITIVE) expect(seen.text).not.toContain(words);
    // And the gate still holds the message (the page could not stop Policy Guard making its roots).
    await input.press('Enter');
    await ui.waitFor('[data-policy-guard="gate"]');
    await page.waitForTimeout(300);
    expect(await page.evaluate('window.__dojo.sent.length')).toBe(0);
    await page.close();
  });
});

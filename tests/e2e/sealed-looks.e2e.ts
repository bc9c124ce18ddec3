/**
 * How the page makes the composer look decides nothing it should not (probe 14j):
 * - the teacher's own draft is held however the page dresses the composer (sheets of 1% white, blend modes,
 *   backdrop filters, an SVG, a decoy box laid over it as the pointer comes onto Post, or over a focused chat box);
 * - a draft of the page's own is held only if the teacher could see it, in readable ink, both as the press began
 *   and at the click, so whether it is held tells the page nothing of the roster (the one-bit oracle);
 * - the one-click full-name fix leaves the draft right when invisible characters sit inside the name, in every
 *   real editor fixture.
 *
 * Launched without test access to the closed roots (SealedView only). The page's scripts run once the page is
 * ready, as a real page's scripts run after Policy Guard's document_start script.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { TEACH } from './harness';
import { SealedView } from './unseal';
import { useHarness } from './use-harness';

const ROSTER = [
  { first: 'Amelia', last: 'Hughes', photoConsent: true, inCare: false },
  { first: 'Harry', last: 'Davies', photoConsent: false, inCare: false },
  { first: 'Leo', last: 'Wright', photoConsent: true, inCare: true },
  { first: 'Grace', last: 'Taylor', photoConsent: true, inCare: false },
];

const SERIOUS = 'Leo Wright has been diagnosed with ADHD.';

/**
 * A page script: a sheet styled `css` laid over the story composer as the pointer comes onto Post (pointerover,
 * before any press, so Policy Guard's look at the press start already finds it), and lifted as the click ends.
 * `inner` is its content (HTML).
 */
const sheetOnHover = (css: string, inner = '', tag = 'div') => String.raw`(() => {
  let sheet;
  const lay = (e) => {
    const post = e.target.closest && e.target.closest('button');
    if (!post || post.textContent.trim() !== 'Post' || sheet) return;
    const box = document.querySelector('[data-name="storyComposerTextarea"]');
    const r = box.getBoundingClientRect();
    sheet = document.createElementNS(${JSON.stringify(tag === 'svg' ? 'http://www.w3.org/2000/svg' : 'http://www.w3.org/1999/xhtml')}, ${JSON.stringify(tag)});
    sheet.setAttribute('style', 'position:fixed;z-index:2147483647;left:' + r.left + 'px;top:' + r.top + 'px;width:' + r.width + 'px;height:' + r.height + 'px;' + ${JSON.stringify(css)});
    sheet.innerHTML = ${JSON.stringify(inner)};
    document.body.append(sheet);
    addEventListener('click', () => { sheet.remove(); sheet = undefined; }, { once: true });
  };
  addEventListener('pointerover', lay, true);
  addEventListener('pointermove', lay, true);
})()`;

describe('the composer’s looks, the page’s and the teacher’s drafts', () => {
  const h = useHarness({ unseal: false }, async (h) => {
    await h.choosePolicy('bentley-new-village');
    await h.setRoster('c1', ROSTER);
  });

  const open = async (url: string, init?: string): Promise<Page> => {
    const page = await h.context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => (window as unknown as { __dojo?: { ready: boolean } }).__dojo?.ready === true);
    if (init) await page.evaluate(init);
    return page;
  };
  const sent = (page: Page) => page.evaluate('window.__dojo.sent.length') as Promise<number>;

  /** The teacher types the serious draft into the story composer and clicks Post: it must be held, nothing sent. */
  const postIsHeld = async (page: Page) => {
    const ui = await SealedView.of(page);
    await page.locator('[data-name="storyComposerTextarea"]').fill(SERIOUS);
    await ui.waitFor('[data-rule="sensitive-content"]');
    await page.mouse.move(1, 1);
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    await page.waitForTimeout(800);
    expect(await sent(page), 'the serious post went out with no gate').toBe(0);
    expect(await ui.centre('[data-policy-guard="gate"]'), 'the gate held it').toBeDefined();
    await page.close();
  };

  // 1. A serious send out unheld with the teacher's real click: sheets that paint nothing a person can see, laid
  // before the press (on pointerover), so the press-start look and the click-time look both find the box covered.
  const SHEETS: [string, string, string?, string?][] = [
    ['(control, expected to hold) a fully clear sheet', 'background:transparent'],
    ['a 1% white sheet', 'background:rgba(255,255,255,0.01)'],
    ['a white sheet at opacity 0.01', 'background:#fff;opacity:0.01'],
    ['a sheet with backdrop-filter: brightness(1)', 'background:transparent;backdrop-filter:brightness(1)'],
    ['a white sheet with mix-blend-mode: multiply', 'background:#fff;mix-blend-mode:multiply'],
    ['a sheet holding only a zero-width space', 'background:transparent', '\u200b'],
    ['an empty SVG sheet', '', '', 'svg'],
  ];
  for (const [name, css, inner, tag] of SHEETS) {
    it(`send-out: ${name} laid over the composer on pointerover of Post does not let the serious draft out unheld`, async () => {
      await postIsHeld(await open(`${TEACH}#/classes/c1/story`, sheetOnHover(css, inner, tag)));
    });
  }

  it('send-out: an empty decoy composer laid over the real one on pointerover of Post does not let the serious draft out unheld', async () => {
    await postIsHeld(await open(
      `${TEACH}#/classes/c1/story`,
      String.raw`(() => {
        let decoy;
        const lay = (e) => {
          const post = e.target.closest && e.target.closest('button');
          if (!post || post.textContent.trim() !== 'Post' || decoy) return;
          const box = document.querySelector('[data-name="storyComposerTextarea"]');
          const r = box.getBoundingClientRect();
          decoy = document.createElement('textarea');
          decoy.setAttribute('data-name', 'storyComposerTextarea');
          decoy.setAttribute('aria-label', box.getAttribute('aria-label') || 'Share something');
          decoy.style.cssText = 'position:fixed;z-index:2147483647;background:transparent;color:transparent;border:0;resize:none;left:' + r.left + 'px;top:' + r.top + 'px;width:' + r.width + 'px;height:' + r.height + 'px';
          box.parentElement.insertBefore(decoy, box);
          addEventListener('click', () => { decoy.remove(); decoy = undefined; }, { once: true });
        };
        addEventListener('pointerover', lay, true);
        addEventListener('pointermove', lay, true);
      })()`,
    ));
  });

  it('send-out: a 1% white sheet over the focused chat box does not let the serious message sent with Enter out unheld', async () => {
    const page = await open(
      `${TEACH}#/classes/c1/messaging/g1`,
      String.raw`(() => {
        let sheet;
        addEventListener('focusin', (e) => {
          if (!e.target.matches || !e.target.matches('[data-name="messageComposerInput"]') || sheet) return;
          const r = e.target.getBoundingClientRect();
          sheet = document.createElement('div');
          sheet.style.cssText = 'position:fixed;background:rgba(255,255,255,0.01);z-index:2147483647;left:' + r.left + 'px;top:' + r.top + 'px;width:' + r.width + 'px;height:' + r.height + 'px';
          document.body.append(sheet);
        }, true);
      })()`,
    );
    const ui = await SealedView.of(page);
    const input = page.locator('[data-name="messageComposerInput"]');
    await input.click();
    await page.keyboard.type('Grace has been diagnosed with ADHD, please be patient with her.');
    await ui.waitFor('[data-rule="sensitive-content"]');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(800);
    expect(await sent(page), 'the serious message went out with no gate').toBe(0);
    expect(await ui.centre('[data-policy-guard="gate"]'), 'the gate held it').toBeDefined();
    await page.close();
  });

  // 2. The one-bit oracle: a draft of the page's choosing in a composer the teacher cannot see. Must NOT be held
  // (held for Leo Wright and not for Zara Quill tells the page that Leo is in care).
  const setDraft = (page: Page, draft: string) =>
    page.evaluate(`(() => {
      const box = document.querySelector('[data-name="storyComposerTextarea"]');
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set.call(box, ${JSON.stringify(draft)});
      box.dispatchEvent(new Event('input', { bubbles: true }));
    })()`);
  const DRAFTS = ['Lovely reading today, everyone.', SERIOUS];
  /** A page script hiding the story composer (opacity 0), for `neverHeld`'s `prepare`. */
  const hide = (page: Page) => () => page.evaluate(`document.querySelector('[data-name="storyComposerTextarea"]').style.opacity = '0'`);

  /**
   * The page puts each of DRAFTS (a clean one, then SERIOUS) into the story composer and the teacher sends it with
   * a real click: none may be held (held for one and not the other would tell the page the roster), and each must
   * go out. `prepare` runs before each draft is put in and `drafted` after; `send` is the click (default: Post,
   * the pointer coming from the window's corner); `count` reads how many went out (default: the app's sends).
   * Closes the page.
   */
  const neverHeld = async (
    page: Page,
    o: { prepare?: () => Promise<unknown>; drafted?: (draft: string) => Promise<void>; send?: () => Promise<void>; count?: () => Promise<unknown> } = {},
  ) => {
    const ui = await SealedView.of(page);
    for (const [i, draft] of DRAFTS.entries()) {
      await o.prepare?.();
      await setDraft(page, draft);
      await o.drafted?.(draft);
      await page.waitForTimeout(300);
      if (o.send) await o.send();
      else {
        await page.mouse.move(1, 1);
        await page.getByRole('button', { name: 'Post', exact: true }).click();
      }
      await expect.poll(o.count ?? (() => sent(page)), { message: draft, timeout: 2000 }).toBe(i + 1);
      expect(await ui.centre('[data-policy-guard="gate"]'), draft).toBeUndefined();
    }
    await page.close();
  };

  it('oracle: a composer shown only from pointerover of Post until the press begins is not held', async () => {
    const page = await open(
      `${TEACH}#/classes/c1/story`,
      String.raw`(() => {
        const box = () => document.querySelector('[data-name="storyComposerTextarea"]');
        box().style.opacity = '0';
        const show = (e) => { const b = e.target.closest && e.target.closest('button'); if (b && b.textContent.trim() === 'Post') box().style.opacity = '1'; };
        addEventListener('pointerover', show, true);
        addEventListener('pointermove', show, true);
        // Hidden again as the press begins (this listener hears it after Policy Guard's, which looked already).
        addEventListener('pointerdown', () => (box().style.opacity = '0'), true);
      })()`,
    );
    await neverHeld(page);
  });

  it('oracle: a composer shown only from the press to the click is not held', async () => {
    const page = await open(
      `${TEACH}#/classes/c1/story`,
      String.raw`(() => {
        const box = () => document.querySelector('[data-name="storyComposerTextarea"]');
        box().style.opacity = '0';
        addEventListener('pointerdown', (e) => { const b = e.target.closest && e.target.closest('button'); if (b && b.textContent.trim() === 'Post') box().style.opacity = '1'; }, true);
        // Hidden again as the click ends (this listener hears it after Policy Guard's decided).
        addEventListener('click', () => (box().style.opacity = '0'), true);
      })()`,
    );
    // Hidden before each draft: the app draws a fresh composer after a send.
    await neverHeld(page, { prepare: hide(page) });
  });

  // Probe 14j's gap: the teacher's own typing makes a draft theirs, held however the composer looks. A page that
  // focuses a hidden composer holding its own draft, and waits for the teacher's next key to land there, must
  // not make that draft the teacher's: they could not see the box they typed into.
  it('oracle: a hidden composer holding the page’s draft, focused so the teacher’s next key lands in it, is not held', async () => {
    const page = await open(`${TEACH}#/classes/c1/story`);
    // Hidden before each draft (the app draws a fresh composer after a send), then focused for the next key.
    await neverHeld(page, {
      prepare: hide(page),
      drafted: async (draft) => {
        await page.evaluate(`document.querySelector('[data-name="storyComposerTextarea"]').focus()`);
        await page.keyboard.type(' x', { delay: 40 });
        expect(await page.locator('[data-name="storyComposerTextarea"]').inputValue(), 'the key landed in the hidden box').toBe(`${draft} x`);
      },
    });
  });

  it("oracle: a draft in invisible ink (color: transparent) and the page's own Send button elsewhere is not held", async () => {
    const page = await open(
      `${TEACH}#/classes/c1/story`,
      String.raw`(() => {
        document.querySelector('[data-name="storyComposerTextarea"]').style.color = 'transparent';
        const card = document.createElement('div');
        card.style.cssText = 'position:fixed;right:20px;bottom:20px;background:#fff;border:1px solid #ccc;padding:12px;z-index:10';
        card.innerHTML = '<p>How are you finding the new feed?</p><button id="fb">Send</button>';
        document.body.append(card);
        window.__fb = 0;
        card.querySelector('#fb').addEventListener('click', () => (window.__fb += 1));
      })()`,
    );
    await neverHeld(page, { send: () => page.locator('#fb').click(), count: () => page.evaluate('window.__fb') });
  });

  // The roster bit itself: drafts of the page's choosing that differ only in which pupil they name, with a photo
  // attached (Harry has no photo consent, Leo is in care, Amelia neither). Each on a fresh page; the page counts
  // whether its click got through (a held click never reaches the page's listeners).
  const MODES: Record<string, { script: string; click: (page: Page) => Promise<void>; count: string }> = {
    'invisible ink and the page’s own Send button': {
      script: String.raw`(() => {
        document.querySelector('[data-name="storyComposerTextarea"]').style.color = 'transparent';
        const card = document.createElement('div');
        card.style.cssText = 'position:fixed;right:20px;bottom:20px;background:#fff;border:1px solid #ccc;padding:12px;z-index:10';
        card.innerHTML = '<p>How are you finding the new feed?</p><button id="fb">Send</button>';
        document.body.append(card);
        window.__fb = 0;
        card.querySelector('#fb').addEventListener('click', () => (window.__fb += 1));
      })()`,
      click: (page) => page.locator('#fb').click(),
      count: 'window.__fb',
    },
    'composer shown from pointerover of Post until the press': {
      script: String.raw`(() => {
        const box = () => document.querySelector('[data-name="storyComposerTextarea"]');
        box().style.opacity = '0';
        const show = (e) => { const b = e.target.closest && e.target.closest('button'); if (b && b.textContent.trim() === 'Post') box().style.opacity = '1'; };
        addEventListener('pointerover', show, true);
        addEventListener('pointermove', show, true);
        addEventListener('pointerdown', () => (box().style.opacity = '0'), true);
      })()`,
      click: async (page) => {
        await page.mouse.move(1, 1);
        await page.getByRole('button', { name: 'Post', exact: true }).click();
      },
      count: 'window.__dojo.sent.length',
    },
    'composer shown from the press to the click': {
      script: String.raw`(() => {
        const box = () => document.querySelector('[data-name="storyComposerTextarea"]');
        box().style.opacity = '0';
        addEventListener('pointerdown', (e) => { const b = e.target.closest && e.target.closest('button'); if (b && b.textContent.trim() === 'Post') box().style.opacity = '1'; }, true);
        addEventListener('click', () => (box().style.opacity = '0'), true);
      })()`,
      click: (page) => page.getByRole('button', { name: 'Post', exact: true }).click(),
      count: 'window.__dojo.sent.length',
    },
  };
  const PUPILS = ['Amelia', 'Harry', 'Leo'];
  for (const [mode, { script, click, count }] of Object.entries(MODES)) {
    it(`oracle-roster: ${mode}: a photo naming Amelia, Harry or Leo: the page cannot tell them apart`, async () => {
      const outcome: Record<string, number> = {};
      for (const pupil of PUPILS) {
        const page = await open(`${TEACH}#/classes/c1/story`);
        await page.getByRole('button', { name: 'Add photo' }).click();
        await page.evaluate(script);
        await setDraft(page, `Lovely photo of ${pupil} at reading time.`);
        await page.waitForTimeout(500);
        const before = (await page.evaluate(count)) as number;
        await click(page);
        await page.waitForTimeout(700);
        outcome[pupil] = ((await page.evaluate(count)) as number) - before;
        await page.close();
      }
      expect(outcome, 'whether the click got through, by pupil named (1 = through, 0 = held)').toEqual({ Amelia: 1, Harry: 1, Leo: 1 });
    });
  }

  // 3. As a teacher: invisible characters inside a pupil's full name, then the one-click full-name fix.
  const EDITABLE: Record<string, string> = {
    react: 'textarea',
    draftjs: '[contenteditable="true"].public-DraftEditor-content',
    lexical: '[contenteditable="true"][data-lexical-editor]',
    prosemirror: '[contenteditable="true"].ProseMirror',
    slate: '[contenteditable="true"][data-slate-editor]',
  };
  const INVISIBLE: [string, string, string][] = [
    ['soft hyphens', 'Well done L\u00ADeo Wri\u00ADght for a love\u00ADly story.', 'for a love\u00ADly story.'],
    ['zero-width joiners', 'Well done Le\u200Do Wr\u200Dight for a love\u200Dly story.', 'for a love\u200Dly story.'],
  ];
  for (const [editor, editable] of Object.entries(EDITABLE)) {
    for (const [what, typed, tail] of INVISIBLE) {
      it(`fix: ${editor}, ${what} inside the full name: the one-click fix leaves the draft right`, async () => {
        const page = await open(`${TEACH}?editor=${editor}#/classes/c1/story`);
        const ui = await SealedView.of(page);
        const box = page.locator(`[data-name="storyComposer"] [data-fixture-editor="${editor}"] ${editable}`);
        await box.click();
        await page.keyboard.type(typed);
        const draft = () => page.evaluate(() => (window as unknown as { __dojo: { state: { drafts: Record<string, { draft: string } | undefined> } } }).__dojo.state.drafts['class-story:c1']?.draft);
        await expect.poll(draft).toBe(typed);
        await ui.waitFor('[data-rule="full-name"] [data-policy-guard="fix"]');
        await page.waitForTimeout(900);
        const fix = (await ui.centre('[data-rule="full-name"] [data-policy-guard="fix"]'))!;
        await page.mouse.click(fix.x, fix.y);
        await expect.poll(draft).not.toBe(typed);
        await page.waitForTimeout(400);
        const after = (await draft()) ?? '';
        // The name (as written, invisible characters and all) becomes the fix; nothing else changes.
        expect(after, JSON.stringify(after)).toMatch(new RegExp(`^Well done Leo(?: W\\.)? ${tail.replace(/[.]/g, '\\.')}$`, 'u'));
        if (editor !== 'react') {
          const model = await page.evaluate(() => (window as unknown as { __dojo: { editorText(k: string): string | undefined } }).__dojo.editorText('class-story:c1'));
          expect(model, 'the library holds what the app holds').toBe(after);
        }
        await page.close();
      });
    }
  }
});

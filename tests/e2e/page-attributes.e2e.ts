/**
 * What a page script can set on ClassDojo's own composer, and bad stored data, must never switch checking off
 * (probe 14h H3, H4). The page's part is page-world script; the teacher's part is real keyboard and mouse
 * input. Launched with `unseal: false`: the roots stay closed to the page, as in a real browser.
 */
import { describe, expect, it } from 'vitest';
import { c1Pupils } from './class-c1';
import { TEACH } from './harness';
import { SealedView } from './unseal';
import { useHarness } from './use-harness';

const ROSTER = [...c1Pupils(false), { first: 'Leo', last: 'Wright', photoConsent: true, inCare: true }];
const DRAFT = 'Leo Wright has been diagnosed with ADHD and is in care.';
const CHAT = `${TEACH}#/classes/c1/messaging/g1`;
const STORY_EDITABLE = `${TEACH}?composer=editable#/classes/c1/story`;
const CHAT_BOX = '[data-name="messageComposerInput"]';
const STORY_BOX = '[data-name="storyComposerTextarea"]';
const keep = (attr: string, value: string) =>
  `setInterval(() => { const c = document.querySelector('${STORY_BOX}'); if (c && c.getAttribute('${attr}') !== '${value}') c.setAttribute('${attr}', '${value}'); }, 20)`;

describe('attributes a page script sets on the composer', () => {
  const h = useHarness({ unseal: false }, async (h) => {
    await h.choosePolicy('bentley-new-village');
    await h.setRoster('c1', ROSTER);
  });

  const cases = [
    ['data-wxt-shadow-root on <html>', CHAT, CHAT_BOX, `document.documentElement.setAttribute('data-wxt-shadow-root', '')`],
    ['data-wxt-shadow-root on the app root', CHAT, CHAT_BOX, `document.querySelector('#reactApplication, #root').setAttribute('data-wxt-shadow-root', '')`],
    ['aria-readonly on a rich-text composer', STORY_EDITABLE, STORY_BOX, keep('aria-readonly', 'true')],
    ['aria-disabled on a rich-text composer', STORY_EDITABLE, STORY_BOX, keep('aria-disabled', 'true')],
    // Editable values other than "true", and no role: still a box the teacher types in.
    ['contenteditable="plaintext-only" on a rich-text composer', STORY_EDITABLE, STORY_BOX, `document.querySelector('${STORY_BOX}').removeAttribute('role'); ${keep('contenteditable', 'plaintext-only')}`],
    ['contenteditable="TRUE" on a rich-text composer', STORY_EDITABLE, STORY_BOX, `document.querySelector('${STORY_BOX}').removeAttribute('role'); ${keep('contenteditable', 'TRUE')}`],
  ] as const;

  for (const [label, url, box, attack] of cases) {
    it(`${label}: the teacher's serious draft is still checked and held`, async () => {
      const page = await h.context.newPage();
      await page.goto(url);
      await page.waitForFunction(() => (window as unknown as { __dojo?: { ready: boolean } }).__dojo?.ready === true);
      await page.evaluate(attack);
      await page.waitForTimeout(300);
      // The real mouse, wherever the box is (Playwright itself will not click a box marked aria-disabled).
      const at = (await page.locator(box).boundingBox())!;
      await page.mouse.click(at.x + at.width / 2, at.y + at.height / 2);
      await page.keyboard.type(DRAFT, { delay: 10 });
      const ui = await SealedView.of(page);
      await ui.waitFor('[data-policy-guard="panel"] [data-rule="full-name"]');
      expect(await ui.text()).not.toContain('cannot find the message box');
      if (url === CHAT) await page.keyboard.press('Enter');
      else {
        const post = (await page.getByRole('button', { name: 'Post', exact: true }).boundingBox())!;
        await page.mouse.move(post.x + post.width / 2, post.y + post.height / 2, { steps: 5 });
        await page.waitForTimeout(500);
        await page.mouse.click(post.x + post.width / 2, post.y + post.height / 2);
      }
      await ui.waitFor('[data-policy-guard="gate"]');
      await page.waitForTimeout(500);
      expect(await page.evaluate('window.__dojo.sent.length')).toBe(0);
      await page.close();
    });
  }
});

describe('a saved policy choice that cannot be read (probe 14h H4)', () => {
  const h = useHarness({ unseal: false }, async (h) => {
    await h.choosePolicy('bentley-new-village');
  });

  it('the panel says the choice was lost and what to do, never that none was chosen', async () => {
    for (const value of ['42', `'bentley-new-village'`, `{ kind: 'preset', presetId: 'Bentley-New-Village', chosenAt: new Date().toISOString() }`]) {
      await h.worker.evaluate(`chrome.storage.local.set({ policyChoice: ${value} })`);
      const page = await h.context.newPage();
      await page.goto(`${TEACH}#/classes/c1/story`);
      await page.waitForFunction(() => (window as unknown as { __dojo?: { ready: boolean } }).__dojo?.ready === true);
      const ui = await SealedView.of(page);
      await expect.poll(() => ui.text(), { timeout: 10_000 }).toContain('could not be read');
      expect(await ui.text(), value).not.toContain('No school policy chosen yet');
      await page.close();
      await h.choosePolicy('bentley-new-village');
    }
  });
});

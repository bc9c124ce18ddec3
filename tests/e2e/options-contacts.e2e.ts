/**
 * The options page's contacts (components/options/ContactsEditor.tsx) at a laptop's 1024 px and a phone's 360 px,
 * in English and in Welsh: each field's words and its box stay together, the boxes line up in one column, and
 * nothing runs past the window (they ran on as one line of text and boxes, breaking between a word and its box).
 */
import { describe, expect, it } from 'vitest';
import { useHarness } from './use-harness';

for (const locale of ['en', 'cy'] as const) {
  describe(`the contacts in the options page (${locale})`, () => {
    const h = useHarness(locale === 'cy' ? { locale: 'cy' } : {}, (h) => h.choosePolicy('bentley-new-village'));

    it.each([1024, 360])('at %i px: a field’s words beside (or, narrow, above) its box, the boxes in one column, nothing past the window', async (width) => {
      const options = await h.openExtensionPage('options.html');
      await options.setViewportSize({ width, height: 900 });
      const editor = options.locator('pg=[data-policy-guard="contacts-editor"]');
      await editor.scrollIntoViewIfNeeded();
      const layout = await editor.evaluate((el) => ({
        overflow: document.documentElement.scrollWidth - window.innerWidth,
        contacts: [...el.querySelectorAll('fieldset[data-contact]')].map((fs) => {
          const box = fs.getBoundingClientRect();
          return {
            right: box.right,
            fields: [...fs.querySelectorAll('label.field')].map((label) => {
              const input = label.querySelector('input')!.getBoundingClientRect();
              return { label: label.getBoundingClientRect().height, left: input.left, right: input.right, width: input.width, height: input.height };
            }),
          };
        }),
      }));
      expect(layout.overflow).toBeLessThanOrEqual(0);
      expect(layout.contacts.length).toBeGreaterThanOrEqual(2);
      for (const c of layout.contacts) {
        expect(c.fields).toHaveLength(5);
        // One column of boxes, each wide enough for a phone number or an address, inside its contact.
        expect(Math.max(...c.fields.map((f) => f.left)) - Math.min(...c.fields.map((f) => f.left))).toBeLessThanOrEqual(1);
        for (const f of c.fields) {
          expect(f.width).toBeGreaterThanOrEqual(width > 600 ? 240 : 200);
          expect(f.right).toBeLessThanOrEqual(c.right);
          // Wide: the words beside the box (a label no taller than two of its lines); narrow: the words above it.
          if (width > 600) expect(f.label).toBeLessThanOrEqual(f.height * 2);
        }
      }
      // A contact still under Policy Guard's own name (the preset's DSL) is named in the interface's language
      // (probe 15: "Designated Safeguarding Lead" headed it in the Welsh page); the school's own role as written.
      const legend = (await editor.locator('fieldset[data-contact="dsl"] > legend').textContent())?.trim();
      expect(legend).toBe(locale === 'cy' ? 'Y Person Diogelu Dynodedig' : 'The Designated Safeguarding Lead');
      await h.screenshot(options, `options-contacts-${locale}-${width}`);
      await options.close();
    });
  });
}

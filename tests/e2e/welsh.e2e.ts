import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extraPluralForm } from '../../lib/i18n/format';
import { presetInput } from '../../lib/policy/presets/index';
import { RULES } from '../../lib/rules/index';
import { EXTENSION_DIR, HOME, PANEL, TEACH } from './harness';
import { useHarness } from './use-harness';

describe('the interface in Welsh', () => {
  // Sunday evening, so the out-of-hours check speaks too.
  const h = useHarness({ locale: 'cy', fakeTime: '2026-11-22 21:40:00' }, (h) => h.choosePolicy('bentley-new-village'));

  it('has every English string translated, with the same placeholders', () => {
    const en = JSON.parse(readFileSync(join(EXTENSION_DIR, '_locales/en/messages.json'), 'utf8'));
    const cy = JSON.parse(readFileSync(join(EXTENSION_DIR, '_locales/cy/messages.json'), 'utf8'));
    // One catalog per language, with the same keys and placeholders (tests/unit/i18n/catalog.test.ts checks the
    // source files; this, the built extension's).
    // Welsh has plural forms English lacks ("x_points_two"): each beside English's `_other` (lib/i18n/format.ts).
    expect(Object.keys(cy).filter((k) => !(k in en) && !(extraPluralForm(k) && `${extraPluralForm(k)![0]}_other` in en))).toEqual([]);
    for (const key of Object.keys(en)) {
      expect(cy[key], key).toBeDefined();
      expect(cy[key].placeholders, key).toEqual(en[key].placeholders);
    }
    // Exactly one template for each message a rule can give: f_<rule>_<messageId>.
    const templates = Object.entries(RULES).flatMap(([id, rule]) => Object.keys(rule.meta.messages).map((m) => `f_${id.replace(/-/g, '_')}_${m.replace(/-/g, '_')}`));
    expect(Object.keys(en).filter((k) => k.startsWith('f_')).sort()).toEqual(templates.sort());
  });

  it('shows the panel, the popup and the options page in Welsh when the browser is in Welsh', async () => {
    const page = await h.openDojo(`${TEACH}#/classes/c1/story`);
    const panel = page.locator(PANEL);
    await expect.poll(() => panel.textContent()).toContain('Polisi: ');
    expect(await panel.textContent()).toContain('Stori’r Dosbarth'.replace('’', "'"));
    await page.locator('[data-name="storyComposerTextarea"]').pressSequentially('Well done Amelia Hughes!', { delay: 5 });
    await expect.poll(() => panel.locator('[data-rule="full-name"]').count()).toBe(1);
    expect(await panel.locator('[data-rule="full-name"] .pg-badge').textContent()).toBe('Gwirio');
    expect(await panel.textContent()).toContain('Anwybyddu ar gyfer y postiad hwn');
    // The finding itself, in Welsh, built from the checker's data.
    expect(await panel.locator('[data-rule="full-name"] .pg-line').first().textContent()).toBe(
      'Mae “Amelia Hughes” yn edrych fel enw llawn plentyn, yn Stori\'r Dosbarth, y mae teuluoedd y dosbarth cyfan yn ei gweld. Mae polisi Bentley New Village Primary School yn caniatáu enwau cyntaf yn unig.',
    );
    // Out of hours: Welsh day and month names (Chromium's own Intl data would print "M11 22, Sun").
    expect(await panel.locator('[data-rule="out-of-hours"] .pg-line').textContent()).toMatch(
      /^Mae'n Sul 22 Tach, 21:4\d: oriau ClassDojo Bentley New Village Primary School yw Llun–Gwe 08:00–17:00\. Trefnwch ef ar gyfer Llun 23 Tach, 08:00\.$/,
    );
    await h.screenshot(page, 'welsh-panel');
    await page.close();

    // A parent's sickness message: the teacher's routing advice in Welsh; the suggested reply stays in the
    // parent's language (English here), as the policy's templates say.
    const chat = await h.openDojo(`${TEACH}#/classes/c1/messaging/p1`);
    const routing = chat.locator('pg=[data-policy-guard="routing"]');
    await expect.poll(() => routing.textContent(), { timeout: 5_000 }).toContain('Mae negeseuon am salwch yn mynd at');
    await chat.close();

    // A parent writing in a Welsh browser: the hint is in Welsh, with the next reply time in Welsh.
    const home = await h.openDojo(`${HOME}#/messages/t1`);
    await home.locator('[data-name="messageComposerInput"]').pressSequentially("Amelia won't be in tomorrow, she has a dentist appointment", { delay: 5 });
    const hint = home.locator('pg=[data-policy-guard="parent-hint"]');
    await expect.poll(() => hint.locator('pg=[data-policy-guard="redirect"]').textContent(), { timeout: 5_000 }).toMatch(/^Mae negeseuon am absenoldeb yn mynd at /);
    expect(await hint.locator('pg=[data-policy-guard="replies"]').textContent()).toMatch(/^Mae athrawon yn ateb Llun–Gwe .*Byddai'r ateb cynharaf Llun 23 Tach, \d\d:\d\d\.$/);
    await h.screenshot(home, 'welsh-parent-hint');
    await home.close();

    const popup = await h.openExtensionPage('popup.html');
    await expect.poll(() => popup.locator('pg=[data-policy-guard="popup-policy"]').textContent()).toContain('Polisi: ');
    expect(await popup.getByRole('button', { name: 'Dechrau gwiriad sydyn' }).count()).toBe(1);
    expect(await popup.evaluate(() => document.documentElement.lang)).toBe('cy');
    await popup.close();

    const options = await h.openExtensionPage('options.html');
    await expect.poll(() => options.locator('h1').textContent()).toBe('Gosodiadau Policy Guard');
    expect(await options.locator('pg=[data-policy-guard="rosters"] h2').textContent()).toBe('Disgyblion a chaniatâd lluniau');
    // A roster file's problems, in Welsh too.
    const rosters = options.locator('pg=[data-policy-guard="rosters"]');
    await rosters.locator('pg=[data-policy-guard="roster-new-class"]').fill('c1');
    await rosters.getByRole('button', { name: 'Ychwanegu' }).click();
    await rosters.locator('pg=[data-policy-guard="roster-file"]').setInputFiles({ name: 'rhestr.csv', mimeType: 'text/csv', buffer: Buffer.from('Forename,Surname,Photo consent\n,Bennett,no\nJayden,Smith,maybe\n') });
    const problems = rosters.locator('pg=[data-policy-guard="roster-problems"]');
    await problems.waitFor();
    expect(await problems.locator('li').allTextContents()).toEqual(['Rhes 2: Dim enw cyntaf.', "Rhes 3: Mae'r golofn “Caniatâd lluniau” yn dweud “maybe”: ni all Policy Guard ddweud ai caniatâd a roddwyd, a wrthodwyd neu nas cofnodwyd yw hynny, ac nid yw'n dyfalu: ysgrifennwch ie (rhoddwyd), na (gwrthodwyd, tynnwyd yn ôl neu optiwyd allan), neu gadewch hi'n wag (heb ei gofnodi)."]);
    await h.screenshot(options, 'welsh-options');

    // A broken policy file's problems in Welsh (issue #15): each field by its Welsh label, a rule by its name,
    // and what is wrong worded from the Welsh catalog, with no English sentence left.
    const broken = structuredClone(presetInput('malpas-court')) as any;
    broken.hours.staff[0].end = '25:00';
    broken.rules['full-name'].action = 'stop';
    broken.name = '';
    await options.locator('pg=[data-policy-guard="policy-file"]').setInputFiles({ name: 'ein-polisi.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
    const policyProblems = options.locator('pg=[data-policy-guard="policy-problems"]');
    await policyProblems.waitFor();
    const lines = await policyProblems.locator('li').allTextContents();
    expect(lines).toEqual(
      expect.arrayContaining([
        "Enw'r ysgol name: chaiff enw'r ysgol ddim bod yn wag",
        expect.stringMatching(/^Oriau › Oriau anfon staff › rhif 1 › diwedd hours\.staff\[0\]\.end: disgwylid amser ar ffurf "HH:MM" rhwng "00:00" a "23:59", cafwyd "25:00"$/),
        expect.stringMatching(/^Rheol › Enw llawn › gweithred rules\.full-name\.action: disgwylid gweithred: un o "off", /),
      ]),
    );
    for (const line of lines) expect(line).not.toMatch(/\$|expected|must not|is required|full-name ›/);
    await policyProblems.scrollIntoViewIfNeeded();
    await h.screenshot(options, 'welsh-policy-problems');
    await options.close();
  });

  // Probe 20e D11: in a 1280×860 window the Welsh gate's two findings pushed "Send anyway" below the
  // dialog's lower edge, although the window had room.
  it('shows the whole send gate, reason box and Send anyway included, in a 1280×860 window without scrolling', async () => {
    const page = await h.openDojo(`${TEACH}#/classes/c1/messaging/g1`);
    await page.setViewportSize({ width: 1280, height: 860 });
    const input = page.locator('[data-name="messageComposerInput"]');
    await input.fill('Well done Amelia Hughes, remember your reading book tomorrow.');
    await expect.poll(() => page.locator(`${PANEL} [data-rule]`).count()).toBeGreaterThanOrEqual(2);
    await input.press('Enter');
    const dialog = page.locator('pg=[data-policy-guard="gate"]');
    await dialog.waitFor();
    const frame = page.locator('pg=[data-policy-guard="gate"] iframe');
    await frame.waitFor();
    const [d, f] = [(await dialog.boundingBox())!, (await frame.boundingBox())!];
    expect(d.y + d.height).toBeLessThanOrEqual(860);
    expect(f.y + f.height, 'the reason frame with Send anyway ends inside the dialog').toBeLessThanOrEqual(d.y + d.height);
    expect(await dialog.evaluate((el) => el.scrollTop)).toBe(0);
    await h.screenshot(page, 'welsh-gate-1280x860');
    await page.close();
  });
});

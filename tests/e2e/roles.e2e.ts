import { expect, it } from 'vitest';
import { HOME, PANEL, TEACH } from './harness';
import { useHarness } from './use-harness';

// A fresh profile, nobody has said who uses the browser yet: the first run is the question.
const h = useHarness({ role: null });

it('asks at first run who uses the browser, before showing any setting', async () => {
  const options = h.firstRunOptions;
  const chooser = options.locator('pg=[data-policy-guard="role-chooser"]');
  await chooser.waitFor();
  expect(await chooser.textContent()).toContain('Who uses Policy Guard in this browser?');
  // Nothing of staff's (or anyone's) settings until it is answered.
  for (const section of ['rosters', 'policy-chooser', 'spot-history', 'data']) expect(await options.locator(`pg=[data-policy-guard="${section}"]`).count(), section).toBe(0);
  await h.screenshot(options, 'roles-first-run');

  const popup = await h.openExtensionPage('popup.html');
  await popup.locator('pg=[data-policy-guard="popup"][data-role=""]').waitFor();
  expect(await popup.locator('pg=[data-policy-guard="spot-toggle"]').count()).toBe(0);
  await popup.close();
});

it('a parent gets the parent settings, the parent popup and the parent hint, and none of the staff tools', async () => {
  const options = h.firstRunOptions;
  await options.locator('pg=[data-policy-guard="role-chooser"] button[data-role="parent"]').click();
  await options.locator('pg=[data-policy-guard="options"][data-role="parent"]').waitFor();
  // Only what applies: the school, the role, the data. No rosters, spot-check history, rule actions, try-it.
  for (const section of ['rosters', 'spot-history', 'rule-actions', 'hours-editor', 'ignored']) expect(await options.locator(`pg=[data-policy-guard="${section}"]`).count(), section).toBe(0);
  // Real schools only (not a model policy as "your child's school"), and no policy file to import.
  expect(await options.locator('pg=[data-policy-guard="policy-file"]').count()).toBe(0);
  expect(await options.getByLabel('Class Dojo Acceptable Use Policy (version 2)').count()).toBe(0);
  expect(await options.locator('pg=[data-policy-guard="data"]').textContent()).not.toMatch(/roster|record/i);
  await options.getByLabel('Bentley New Village Primary School').check();
  await options.getByRole('button', { name: 'Use this policy' }).click();
  await expect.poll(() => options.locator('pg=[data-policy-guard="options-current"]').textContent()).toBe("Your child's school: Bentley New Village Primary School");
  expect(await options.locator('pg=[data-policy-guard="data"]').count()).toBe(1);
  await h.screenshot(options, 'roles-parent-options');

  const popup = await h.openExtensionPage('popup.html');
  await popup.locator('pg=[data-policy-guard="popup"][data-role="parent"]').waitFor();
  await expect.poll(() => popup.locator('pg=[data-policy-guard="popup-replies"]').textContent()).toMatch(/^Teachers reply Mon–Fri 08:00–17:00/);
  for (const staffOnly of ['spot-toggle', 'popup-hours', 'popup-today']) expect(await popup.locator(`pg=[data-policy-guard="${staffOnly}"]`).count(), staffOnly).toBe(0);
  await h.screenshot(popup, 'roles-parent-popup');
  await popup.close();

  // On home.classdojo.com: the parent hint, as for anyone.
  const home = await h.openDojo(`${HOME}#/messages/t1`);
  await home.locator('[data-name="messageComposerInput"]').pressSequentially("Amelia won't be in tomorrow, she has a dentist appointment", { delay: 5 });
  await expect.poll(() => home.locator('pg=[data-policy-guard="parent-hint"]').getAttribute('data-destination')).toBe('attendance');
  await home.close();

  // On the teachers' app: nothing of Policy Guard at all (no panel, no checks, no held sends).
  const teach = await h.openDojo(`${TEACH}#/classes/c1/story`);
  await teach.locator('[data-name="storyComposerTextarea"]').fill('Well done Amelia Hughes!');
  await teach.waitForTimeout(1500);
  expect(await teach.locator(PANEL).count()).toBe(0);
  expect(await teach.evaluate(() => document.documentElement.dataset.policyGuardReady ?? null)).toBeNull();
  await teach.close();
});

it('a parent who works at the school switches to staff and gets the staff settings and popup', async () => {
  const options = await h.openExtensionPage('options.html');
  await options.getByRole('button', { name: 'I work at the school' }).click();
  await options.locator('pg=[data-policy-guard="rosters"]').waitFor();
  expect(await options.locator('pg=[data-policy-guard="role"]').getAttribute('data-role')).toBe('staff');
  await options.close();
  const popup = await h.openExtensionPage('popup.html');
  await popup.locator('pg=[data-policy-guard="spot-toggle"]').waitFor();
  await popup.close();
});

// Probe 19e D3: switched to a parent's, the browser kept the class rosters (pupils' names, photo consent, in care)
// and the records, unseen, while the parent's "Your data" said only the parent's choices were kept.
it('switching a staff browser to a parent’s says what staff data it holds and deletes it; the parent’s page says what is kept', async () => {
  await h.setRole('staff');
  await h.choosePolicy('bentley-new-village');
  await h.setRoster('c1', [{ first: 'Amelia', last: 'Hughes', photoConsent: true, inCare: false }, { first: 'Siân', last: 'Evans', photoConsent: null, inCare: true }]);
  await h.seed('events', [{ kind: 'override', rule: 'full-name', channel: 'class-story', at: new Date().toISOString(), reason: 'checked with the family' }]);
  const options = await h.openExtensionPage('options.html');
  await options.locator('pg=[data-policy-guard="rosters"]').waitFor();
  await options.getByRole('button', { name: "I'm a parent, not staff" }).click();
  const confirm = options.locator('pg=[data-policy-guard="role-switch-confirm"]');
  await confirm.waitFor();
  const said = await confirm.textContent();
  expect(said).toContain("A parent's browser keeps only the school chosen. Switching deletes the staff data in this browser:");
  expect(said).toContain('class rosters: 1 (2 pupils');
  expect(said).toContain('records (spot-checks, held sends, overrides): 1');
  // Nothing has gone yet: the switch waits for the second click.
  expect(await h.stored('rosters')).toHaveLength(1);
  await h.screenshot(options, 'roles-switch-to-parent-confirm');
  await confirm.getByRole('button', { name: 'Delete the staff data and switch' }).click();
  await options.locator('pg=[data-policy-guard="options"][data-role="parent"]').waitFor();
  await expect.poll(() => h.stored('rosters')).toEqual([]);
  expect(await h.stored('events')).toEqual([]);
  // The school chosen stays, and "Your data" says only the choices are kept, which is now true.
  await expect.poll(() => options.locator('pg=[data-policy-guard="options-current"]').textContent()).toBe("Your child's school: Bentley New Village Primary School");
  const data = options.locator('pg=[data-policy-guard="data"]');
  expect(await data.textContent()).toContain("Policy Guard keeps only your choices (your child's school) in this browser.");
  expect(await options.locator('pg=[data-policy-guard="staff-data-left"]').count()).toBe(0);
  await options.close();

  // Staff data left in a parent's browser (as an older version left it, switching the role alone): named, and
  // deleted on its own. The staff popup's counts open the database again in the background (the switch deleted it).
  await h.setRole('staff');
  const staff = await h.openExtensionPage('popup.html');
  await staff.locator('pg=[data-policy-guard="spot-toggle"]').waitFor();
  await h.setRoster('c2', [{ first: 'Tom', last: 'Jones', photoConsent: false, inCare: false }]);
  await staff.close();
  await h.setRole('parent');
  const again = await h.openExtensionPage('options.html');
  const left = again.locator('pg=[data-policy-guard="staff-data-left"]');
  await left.waitFor();
  expect(await left.textContent()).toContain('This browser still holds staff data from before it was set up for a parent: class rosters: 1 (1 pupils');
  await again.locator('pg=[data-policy-guard="delete-staff-data"]').click();
  await again.locator('pg=[data-policy-guard="delete-staff-data-confirm"]').click();
  await expect.poll(() => again.locator('pg=[data-policy-guard="data"] [role="status"]').textContent()).toContain('The staff data was deleted.');
  expect(await h.stored('rosters')).toEqual([]);
  expect(await again.locator('pg=[data-policy-guard="options-current"]').textContent()).toBe("Your child's school: Bentley New Village Primary School");
  await again.close();
});

/**
 * The demo's walk through the product: each scenario leaves a page showing one thing a user would see.
 * Add a scenario here when a feature lands, so `npm run demo` shows it.
 */
import type { Page } from 'playwright-core';
import { VISIBLE_FOR_MS } from '../lib/ui/visibility';
import { HOME, PANEL, TEACH, type Harness } from '../tests/e2e/harness';
import { noteFrame, sendAnyway } from '../tests/e2e/gate';

export interface Scenario {
  name: string;
  title: string;
  run: (h: Harness) => Promise<Page>;
}

async function dojo(h: Harness, url: string): Promise<Page> {
  const page = await h.openDojo(url);
  await page.locator(PANEL).waitFor();
  return page;
}

export const SCENARIOS: Scenario[] = [
  {
    name: 'options-on-install',
    title: 'On install, the options page opens: nothing is checked until a school policy is chosen',
    // The tab is open as soon as the extension installs; the shot waits until the chooser has drawn its
    // schools (a shot taken on the load event was a blank page).
    run: async (h) => {
      const page = h.firstRunOptions;
      await page.getByLabel('Bentley New Village Primary School').waitFor();
      return page;
    },
  },
  {
    name: 'class-story-no-policy',
    title: 'Class Story before a policy is chosen: the panel says so and links to the options',
    run: (h) => dojo(h, `${TEACH}#/classes/c1/story`),
  },
  {
    name: 'options-policy-chosen',
    title: 'Choosing Bentley New Village Primary School’s policy',
    run: async (h) => {
      const page = await h.openExtensionPage('options.html');
      await page.getByLabel('Bentley New Village Primary School').check();
      await page.getByRole('button', { name: 'Use this policy' }).click();
      await page.locator('pg=[data-policy-guard="policy-chooser"] [role="status"]').getByText('Saved.').waitFor();
      return page;
    },
  },
  {
    name: 'class-story',
    title: 'Class Story with the policy in force, watching the post composer',
    run: async (h) => {
      const page = await dojo(h, `${TEACH}#/classes/c1/story`);
      await page.locator('pg=[data-policy-guard="policy"]').waitFor();
      await page.locator('[data-name="storyComposerTextarea"]').fill('What a brilliant trip to the museum today!');
      return page;
    },
  },
  {
    name: 'composer-full-name',
    title: "A pupil's full name in a Class Story post: flagged, with the school's clause and a one-click fix",
    run: async (h) => {
      await h.setRoster('c1', [
        { first: 'Amelia', last: 'Hughes', photoConsent: true, inCare: false },
        { first: 'Oliver', last: 'Bennett', photoConsent: true, inCare: false },
        { first: 'Oliver', last: 'Patel', photoConsent: true, inCare: false },
        { first: 'Harry', last: 'Davies', photoConsent: false, inCare: false },
      ]);
      const page = await dojo(h, `${TEACH}#/classes/c1/story`);
      await page.locator('[data-name="storyComposerTextarea"]').fill('Star of the week: Oliver Bennett, for brilliant writing!');
      await page.locator('pg=[data-rule="full-name"]').waitFor();
      return page;
    },
  },
  {
    name: 'gate-photo-consent',
    title: 'Posting a photo that tags a pupil without photo consent: held before Post',
    run: async (h) => {
      const page = await dojo(h, `${TEACH}#/classes/c1/story`);
      await page.getByRole('button', { name: 'Add photo' }).click();
      await page.getByRole('button', { name: 'Tag students' }).click();
      await page.getByLabel('Harry Davies').check();
      await page.locator('[data-name="storyComposerTextarea"]').fill('Our volcano experiment!');
      await page.locator('pg=[data-rule="photo-consent"]').waitFor();
      await page.getByRole('button', { name: 'Post', exact: true }).click();
      await page.locator('pg=[data-policy-guard="gate"]').waitFor();
      return page;
    },
  },
  {
    name: 'class-chat-sensitive',
    title: 'Health details about a named pupil in the class chat (every family sees it)',
    run: async (h) => {
      const page = await dojo(h, `${TEACH}#/classes/c1/messaging/g1`);
      await page.locator('[data-name="messageComposerInput"]').fill('Amelia had an asthma attack at lunch today, she is fine now.');
      await page.locator('pg=[data-rule="sensitive-content"]').waitFor();
      return page;
    },
  },
  {
    name: 'gate-send-anyway',
    title: 'Held before it went to the class chat: sent anyway, with the teacher’s reason recorded for leaders',
    run: async (h) => {
      const page = await dojo(h, `${TEACH}#/classes/c1/messaging/g1`);
      const input = page.locator('[data-name="messageComposerInput"]');
      await input.fill('Well done Amelia Hughes! Grace has been diagnosed with ADHD, please be patient with her.');
      await page.locator('pg=[data-policy-guard="panel"] [data-rule="sensitive-content"]').first().waitFor();
      await input.press('Enter');
      const gate = page.locator('pg=[data-policy-guard="gate"]');
      await gate.waitFor();
      await sendAnyway(page, 'Grace’s mum asked me to tell the class');
      await gate.waitFor({ state: 'detached' });
      return page;
    },
  },
  {
    name: 'teacher-routing-sickness',
    title: "A parent's sickness message: routed to Bentley's Attendance Officer, reply put in the box (not sent)",
    run: async (h) => {
      const page = await dojo(h, `${TEACH}#/classes/c1/messaging/p1`);
      await page.locator('pg=[data-policy-guard="routing"]').getByRole('button', { name: 'Put this reply in the message box' }).click();
      return page;
    },
  },
  {
    name: 'teacher-routing-safeguarding',
    title: 'A possible safeguarding disclosure: tell the DSL now, no canned reply',
    run: async (h) => {
      const page = await dojo(h, `${TEACH}#/classes/c1/messaging/p3`);
      await page.locator('pg=[data-policy-guard="routing"][data-destination="dsl"]').waitFor();
      return page;
    },
  },
  {
    name: 'parent-hint',
    title: 'A parent reporting an absence is told it goes to Mr Lund, and when teachers reply',
    run: async (h) => {
      const page = await dojo(h, `${HOME}#/messages/t1`);
      await page.locator('[data-name="messageComposerInput"]').pressSequentially("Amelia won't be in tomorrow, she has a dentist appointment", { delay: 5 });
      await page.locator('pg=[data-policy-guard="parent-hint"] [data-policy-guard="redirect"]').waitFor();
      return page;
    },
  },
  { name: 'points', title: 'The points page with the class’s pupil tiles', run: (h) => dojo(h, `${TEACH}#/classes/c1/points`) },
  {
    name: 'popup',
    title: 'The toolbar popup: the policy in force, sending hours, today’s and this week’s held sends',
    run: async (h) => {
      const page = await h.openExtensionPage('popup.html');
      // Screenshot only once it has loaded: before, it still says "Choose your school's policy".
      await page.locator('pg=[data-policy-guard="popup-policy"]').getByText('Bentley New Village').waitFor();
      await page.locator('pg=[data-policy-guard="popup-today"]').waitFor();
      await page.locator('pg=[data-policy-guard="popup-week"]').waitFor();
      return page;
    },
  },
  {
    name: 'spot-check',
    title: 'A senior leader’s spot-check of Class Story at 1280 px: docked beside the feed, every post’s first words in view',
    run: async (h) => {
      const popup = await h.openExtensionPage('popup.html');
      await popup.getByRole('button', { name: 'Start a spot-check' }).click();
      await popup.close();
      const page = await dojo(h, `${TEACH}?events=1#/classes/c1/story`);
      await page.setViewportSize({ width: 1280, height: 800 });
      // Calendar events included (11 posts), and the summary docked in the left margin, clear of the feed.
      await page.locator('pg=[data-policy-guard="spot-check"][data-posts="11"][data-dock="left"]').waitFor();
      const row = page.locator('pg=[data-policy-guard="spot-finding"][data-rule="full-name"]').first();
      await row.waitFor();
      // A verdict counts only on a button in plain view for a moment (clickjacking: lib/ui/visibility.ts).
      await page.waitForTimeout(VISIBLE_FOR_MS + 200);
      await row.getByRole('button', { name: 'Follow up' }).click();
      const note = (await noteFrame(row)).locator('input');
      await note.fill('Asked Ms Carter to edit the post');
      await note.press('Tab');
      await page.evaluate(() => window.scrollTo(0, 0));
      return page;
    },
  },
  {
    name: 'spot-check-chat',
    title: 'The spot-check in the class chat: staff messages reviewed, parents’ left alone',
    run: (h) => dojo(h, `${TEACH}#/classes/c1/messaging/g1`),
  },
  {
    name: 'spot-check-history',
    title: 'The options page’s record of spot-checks: each class’s trend, and every check with its outcomes',
    run: async (h) => {
      const day = (date: string, posts: number, findings: number) => ({
        key: `c1|class-story|${date}`,
        classId: 'c1',
        view: 'class-story',
        date,
        at: `${date}T10:00:00.000Z`,
        updatedAt: `${date}T10:20:00.000Z`,
        items: Array.from({ length: posts }, (_, i) => `p${i}`),
        findings: Array.from({ length: findings }, (_, i) => ({ key: `p${i}:full-name:0-5`, itemId: `p${i}`, rule: 'full-name', outcome: 'resolved' })),
        keepSnippets: false,
      });
      await h.seed('spotChecks', [day('2026-09-14', 12, 6), day('2026-10-12', 12, 3)]);
      const page = await h.openExtensionPage('options.html');
      // The class by the name ClassDojo showed on its story page, not its id.
      await page.locator('pg=[data-policy-guard="history-class"]').getByText('Class 3 Oak').first().waitFor();
      await page.locator('pg=[data-policy-guard="trend-chart"]').scrollIntoViewIfNeeded();
      return page;
    },
  },
  {
    name: 'overrides-view',
    title: 'Overrides and held sends in the options page: rule, channel, class, time, outcome and reason, never the text',
    run: async (h) => {
      const page = await h.openExtensionPage('options.html');
      const view = page.locator('pg=[data-policy-guard="overrides"]');
      await view.locator('[data-policy-guard="held-table"] tbody tr[data-outcome="sent-anyway"]').getByText('Class 3 Oak').waitFor();
      await view.scrollIntoViewIfNeeded();
      await page.evaluate(() => document.querySelector('[data-policy-guard="overrides"]')?.scrollIntoView({ block: 'start' }));
      return page;
    },
  },
];

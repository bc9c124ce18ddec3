import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { purgeOld } from '../lib/ext/db';
import { respond } from '../lib/ext/handler';
import { installMessages } from '../lib/i18n/messages';
import { message } from '../components/i18n';
import { retentionDays, spotCheckOn } from '../lib/ext/settings';
import { moveStoredRosters } from '../lib/ext/rosters';
import { publishPolicyChanges } from '../lib/ext/active-policy';
import { prefetchManaged } from '../lib/ext/managed';
import { readParentMode } from '../lib/ext/page-settings';
import { rememberInstallType } from '../lib/ext/role';
import { abandonHolds, documentAlive } from '../lib/ext/held-pending';

export default defineBackground(() => {
  // Findings and routes are worded in the browser's language, from its catalog (lib/i18n/messages.ts).
  installMessages(message);
  // First run: nothing is checked until a school policy is chosen, so take the user straight there.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.runtime.openOptionsPage();
  });
  // Installed by IT's policy: staff's browser, never a parent's, even before IT's settings arrive. Kept in
  // storage for the content script, which cannot ask the browser itself.
  void rememberInstallType();
  // The one place the policy in force is published: a change to the choice, the edits or IT's policy (or IT's
  // policy arriving) tells every open page, which asks this worker for the policy again.
  publishPolicyChanges();
  // Ask for IT's policy as the worker starts, not at the first check: the answer (2–6 s after the browser
  // starts) refreshes the copy kept for the next start, or drops it if IT removed the policy.
  prefetchManaged();
  browser.commands?.onCommand.addListener((command) => {
    // The spot-check is for staff: a parent's browser ignores the shortcut.
    if (command === 'toggle-spot-check') {
      void readParentMode().then((parent) => (parent ? undefined : spotCheckOn.getValue().then((on) => spotCheckOn.setValue(!on))));
    }
  });
  // Version 1 kept rosters in extension storage: move them into the database, once.
  void moveStoredRosters().catch(() => undefined);
  // Records older than the retention limit are purged whenever the worker starts, whenever the limit changes
  // (from the options page, or any other context), and as the record is written and read (lib/ext/db.ts
  // purgeIfDue: the extension holds no alarms permission for a schedule).
  void retentionDays
    .getValue()
    .then((days) => purgeOld(new Date(), undefined, days))
    .catch(() => undefined);
  retentionDays.watch((days) => void purgeOld(new Date(), undefined, days).catch(() => undefined));
  // A held send whose dialog was still open when its tab closed or loaded another page is recorded as not sent
  // (lib/ext/held-pending.ts): the content script went with the page and could not say so. Same-page
  // navigation (ClassDojo's hash routes) is the content script's to record, and either way it is recorded once.
  // A tab's loading state changes for a frame's load too (the gate's own reason frame): a hold is given up
  // only once the document that held it is gone.
  browser.tabs.onRemoved.addListener((tabId) => void abandonHolds((h) => h.tabId === tabId).catch(() => undefined));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status) void abandonHolds(async (h) => h.tabId === tabId && !(await documentAlive(h))).catch(() => undefined);
  });
  // Holds left open in tabs that are gone (the browser was closed with a dialog up).
  void abandonHolds(async (h) => !(await browser.tabs.get(h.tabId).then(() => true, () => false)) || !(await documentAlive(h))).catch(() => undefined);
  // Every message is checked (sender, app, schema, bounds) in lib/ext/handler.ts; a bad one gets `bad-request`.
  browser.runtime.onMessage.addListener((message: unknown, sender) => respond(message, sender));
});

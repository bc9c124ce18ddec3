/**
 * Who uses Policy Guard in this browser: staff or a parent. Parents get the parent hint on
 * home.classdojo.com and a parent popup only; staff get everything else. A browser the school's IT
 * manages is staff's: IT deploys to staff browsers. It is managed when IT pushed settings (a managed
 * policy, or the copy kept of the last one) or when IT's policy installed the extension (force-install,
 * `installType: 'admin'`), even before, or without, any settings: such a browser never asks.
 */
import { browser } from 'wxt/browser';

export type Role = 'staff' | 'parent';

/**
 * The role in force: `staff` when IT manages the browser, else what the user chose; `undefined` until they
 * choose (the options page asks). `stored` is the raw stored value: anything but the two roles is no choice.
 */
export function effectiveRole(stored: unknown, managed: boolean): Role | undefined {
  if (managed) return 'staff';
  return stored === 'staff' || stored === 'parent' ? stored : undefined;
}

/** The storage.local key where the background keeps whether IT's policy installed the extension, for content scripts. */
export const INSTALLED_BY_POLICY_KEY = 'installedByPolicy';

/**
 * Whether the extension was installed by the administrator's policy (ExtensionInstallForcelist, Google
 * Admin, Intune): `management.getSelf()`'s `installType` is `'admin'`. getSelf needs no permission. Only in
 * extension pages and the background (content scripts have no `management`); false wherever it cannot be
 * told (Firefox without it, an error), so a personal browser is asked as before.
 */
export async function installedByPolicy(): Promise<boolean> {
  try {
    const self = await (browser as unknown as { management?: { getSelf?: () => Promise<{ installType?: string }> } }).management?.getSelf?.();
    return self?.installType === 'admin';
  } catch {
    return false;
  }
}

/**
 * Run by the background as it starts: keeps `installedByPolicy` in storage.local for the content script,
 * which cannot ask (lib/ext/page-settings.ts readParentMode). Never throws.
 */
export async function rememberInstallType(): Promise<boolean> {
  const admin = await installedByPolicy();
  try {
    await browser.storage.local.set({ [INSTALLED_BY_POLICY_KEY]: admin });
  } catch {
    // storage unavailable: the content script reads the stored role alone, as before
  }
  return admin;
}

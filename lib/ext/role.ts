/**
 * Who uses Policy Guard in this browser: staff or a parent. Parents get the parent hint on
 * home.classdojo.com and a parent popup only; staff get everything else. A browser the school's IT
 * manages (a managed policy, or the copy kept of the last one) is staff's: IT deploys to staff browsers.
 */
export type Role = 'staff' | 'parent';

/**
 * The role in force: `staff` when IT manages the browser, else what the user chose; `undefined` until they
 * choose (the options page asks). `stored` is the raw stored value: anything but the two roles is no choice.
 */
export function effectiveRole(stored: unknown, managed: boolean): Role | undefined {
  if (managed) return 'staff';
  return stored === 'staff' || stored === 'parent' ? stored : undefined;
}

import { t, type MessageKey } from '../../lib/ext/i18n';
import type { StaffData } from '../../lib/ext/staff-data';

/**
 * The staff data a browser holds, in words for the person switching it to a parent's or reading a parent's
 * "Your data": "class rosters: 2 (34 pupils, …); records (…): 12; staff settings: words always ignored".
 * `undefined` (it could not be read): the kinds, without counts.
 */
export function staffDataWords(d: StaffData | undefined): string {
  if (!d) return t('staffDataUnknown');
  const parts: string[] = [];
  if (d.rosters > 0 || d.pupils > 0) parts.push(t('staffDataRosters', [String(d.rosters), String(d.pupils)]));
  if (d.records > 0) parts.push(t('staffDataRecords', String(d.records)));
  if (d.classes > 0) parts.push(t('staffDataClasses', String(d.classes)));
  if (d.settings.length > 0) parts.push(t('staffDataSettings', d.settings.map((s) => t(`staffSetting_${s}` as MessageKey)).join(', ')));
  return parts.join('; ');
}

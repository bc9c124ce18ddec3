/**
 * The address of one spot-check in the options page's history (components/SpotHistory.tsx): the overlay on
 * ClassDojo's page opens it for "Export", so the file is made in an extension page that ClassDojo's page can
 * neither see nor cancel (probe 14d #2: a blob URL made in the page is the page's, through its Navigation API).
 * Pure: no DOM, no browser API.
 */
import { recordKey, type SpotView } from './record';

const PREFIX = '#spot-history/';

/** `#spot-history/<record key, URI-encoded>` for a check's scope (class id, view, local date `YYYY-MM-DD`). */
export function spotHistoryHash(scope: { classId: string; view: SpotView; date: string }): string {
  return `${PREFIX}${encodeURIComponent(recordKey(scope.classId, scope.view, scope.date))}`;
}

/**
 * The record key an address asks for (`location.hash`), or undefined when it asks for none, or for one that
 * is not a key's shape (`class|view|date`, at most 300 characters): the options page only compares it with
 * its records' keys, never builds anything from it.
 */
export function wantedSpotKey(hash: string): string | undefined {
  if (!hash.startsWith(PREFIX) || hash.length > PREFIX.length + 900) return undefined;
  let key: string;
  try {
    key = decodeURIComponent(hash.slice(PREFIX.length));
  } catch {
    return undefined; // a broken %-escape
  }
  return key.length <= 300 && key.split('|').length === 3 ? key : undefined;
}

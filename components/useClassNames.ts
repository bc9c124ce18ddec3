import { useEffect, useState } from 'preact/hooks';
import { classLabel, quoteName } from '../lib/dojo/class-name';
import { classLatestPosts, classNames } from '../lib/ext/classes';
import { t, type MessageKey } from '../lib/ext/i18n';

/**
 * Names for classes in the options page: the name ClassDojo's page showed (lib/ext/classes.ts, or the one a
 * record kept), in quotation marks as the page's words, else the id labelled as an id ("class id c1", "the whole school"), never a bare id.
 * - `label`: for the screen. Two classes with one name among every class the options page knows (not only
 *   those a view lists: the history, the chart, the overrides and their filter name a class the same way,
 *   probe 20g) are told apart by the month of their latest post seen ("Class 3 Oak (latest post Dec 2025)"),
 *   else by their ids (lib/dojo/class-name.ts `classLabel`).
 * - `name`: for exports, the class's name alone (the id goes in a column of its own), or undefined when none
 *   is known: the export then names the class by its id in English, as every export (never the interface's
 *   words: probe 20e D10).
 * - `shared`: another known class has the same name (ignoring case and spaces), for an export's file name.
 * - `ready`: the stored names have been read (before, every class looks unnamed).
 */
export function useClassNaming(kept: Iterable<[string, string | undefined]> = []): {
  label: (classId: string, kept?: string) => string;
  name: (classId: string, kept?: string) => string | undefined;
  shared: (classId: string, kept?: string) => boolean;
  ready: boolean;
} {
  const [names, setNames] = useState<Map<string, string>>(new Map());
  const [ready, setReady] = useState(false);
  const [latest, setLatest] = useState<Map<string, string>>(new Map());
  useEffect(() => {
    void classNames().then((n) => {
      setNames(n);
      setReady(true);
    });
    void classLatestPosts().then(setLatest);
  }, []);
  const hint = (id: string) => {
    const at = latest.get(id);
    if (!at) return undefined;
    const d = new Date(at);
    return t('classLatestPost', `${t(`month_${d.getUTCMonth() + 1}` as MessageKey)} ${d.getUTCFullYear()}`);
  };
  // Names kept on records stand in for classes whose name is no longer kept, so that two classes with the
  // same name are told apart (classLabel) wherever either is shown.
  const all = new Map(names);
  for (const [id, name] of kept) if (name && !all.has(id)) all.set(id, name);
  return {
    label: (classId, name) => {
      const pool = all;
      const withName = pool.has(classId) || !name ? pool : new Map([...pool, [classId, name]]);
      // Quoted: a name read from ClassDojo's page is the page's words, so one worded as Policy Guard's own
      // ("Class 3 Oak. Policy Guard has checked every post: all clear") never reads as them (probe 14f #4).
      return classLabel(classId, new Map([...withName].map(([id, n]) => [id, quoteName(n)])), classIdLabel, hint);
    },
    name: (classId, name) => all.get(classId) ?? (name || undefined),
    shared: (classId, name) => {
      const fold = (n: string) => n.toLowerCase().replace(/\s+/g, ' ');
      const mine = all.get(classId) ?? name;
      return !!mine && [...all].some(([id, n]) => id !== classId && fold(n) === fold(mine));
    },
    ready,
  };
}

/** `useClassNaming`'s screen label alone. */
export function useClassLabel(kept: Iterable<[string, string | undefined]> = []): (classId: string, kept?: string) => string {
  return useClassNaming(kept).label;
}

/** A class without a known name: its id, said to be one; the school scopes by what they are. */
export function classIdLabel(classId: string): string {
  if (classId === 'school') return t('classWholeSchool');
  if (classId.startsWith('school-')) return t('classSchoolId', classId.slice('school-'.length));
  return t('classIdLabel', classId);
}

/**
 * Whether a class is shown by its id for want of a name (not a school scope, which is named by what it is):
 * the views then say plainly how a name is learnt (`ClassNameNote`).
 */
export function isUnnamedClass(classId: string, name: string | undefined): boolean {
  return !name && classId !== 'school' && !classId.startsWith('school-');
}

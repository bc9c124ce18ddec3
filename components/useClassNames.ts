import { useEffect, useState } from 'preact/hooks';
import { classLabel } from '../lib/dojo/class-name';
import { classLatestPosts, classNames } from '../lib/ext/classes';
import { t, type MessageKey } from '../lib/ext/i18n';

/**
 * Names for classes in the options page: the name ClassDojo's page showed (lib/ext/classes.ts, or the one a
 * record kept), else the id labelled as an id ("class id c1", "the whole school"), never a bare id. Two
 * classes with one name are told apart by the month of their latest post seen ("Class 3 Oak (latest post
 * Dec 2025)"), else by their ids.
 */
export function useClassLabel(kept: Iterable<[string, string | undefined]> = []): (classId: string, kept?: string) => string {
  const [names, setNames] = useState<Map<string, string>>(new Map());
  const [latest, setLatest] = useState<Map<string, string>>(new Map());
  useEffect(() => {
    void classNames().then(setNames);
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
  return (classId, name) => classLabel(classId, all.has(classId) || !name ? all : new Map([...all, [classId, name]]), classIdLabel, hint);
}

/** A class without a known name: its id, said to be one; the school scopes by what they are. */
export function classIdLabel(classId: string): string {
  if (classId === 'school') return t('classWholeSchool');
  if (classId.startsWith('school-')) return t('classSchoolId', classId.slice('school-'.length));
  return t('classIdLabel', classId);
}

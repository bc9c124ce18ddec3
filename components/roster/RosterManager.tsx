import { shortLabel } from '../../lib/dojo/class-name';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../lib/ext/i18n';
import { deleteClass, listRosters, saveRoster } from '../../lib/ext/rosters';
import type { StoredRoster } from '../../lib/ext/db';
import type { Policy } from '../../lib/policy/schema';
import type { Pupil } from '../../lib/rules/types';
import { RosterImport } from './RosterImport';
import { RosterTable } from './RosterTable';
import { useClassLabel } from '../useClassNames';

/** Pupil data per class: pick a class (or add one by its ClassDojo id), import, edit, delete. `policy` (the one in use) words what "in care" does. */
export function RosterManager(props: { policy?: Policy }) {
  const [classes, setClasses] = useState<StoredRoster[] | undefined>();
  const [selected, setSelected] = useState('');
  const [newId, setNewId] = useState('');
  const [status, setStatus] = useState('');
  const [error, setError] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const label = useClassLabel();

  const reload = async (select?: string) => {
    try {
      const list = await listRosters();
      setClasses(list);
      setError(false);
      setSelected(select ?? (selected || list[0]?.classId || ''));
    } catch {
      setError(true);
    }
  };
  // "#rosters/<class id>": opened from a photo-consent finding's "Record consent", at that class's register.
  useEffect(() => {
    const wanted = /^#rosters(?:\/([A-Za-z0-9_-]{1,100}))?$/.exec(location.hash);
    void reload(wanted?.[1]);
    if (wanted) document.querySelector('[data-policy-guard="rosters"]')?.scrollIntoView();
  }, []);

  const current = classes?.find((c) => c.classId === selected);
  const pupils: Pupil[] = current?.pupils ?? [];
  const save = async (next: Pupil[], source: StoredRoster['source']) => {
    try {
      const n = await saveRoster(selected, next, source);
      setStatus(t('rosterSavedCount', [String(n), label(selected)]));
      await reload(selected);
    } catch {
      setStatus(t('rosterSaveFailed'));
    }
  };

  return (
    <section data-policy-guard="rosters">
      <h2>{t('rostersTitle')}</h2>
      <p class="muted">{t('rostersIntro')}</p>
      {error && <p role="alert">{t('historyError')}</p>}
      <p>
        <label>
          {t('rosterClass')}{' '}
          <select data-policy-guard="roster-class" value={selected} title={selected ? label(selected) : undefined} onChange={(e) => setSelected((e.currentTarget as HTMLSelectElement).value)}>
            {!selected && <option value="">{t('rosterChooseClass')}</option>}
            {[...(classes ?? []).map((c) => c.classId), ...(selected && !current ? [selected] : [])].map((id) => (
              <option key={id} value={id} title={label(id)}>
                {shortLabel(label(id))}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          {t('rosterNewClass')}{' '}
          <input type="text" size={14} value={newId} data-policy-guard="roster-new-class" onInput={(e) => setNewId((e.currentTarget as HTMLInputElement).value.trim())} />
        </label>{' '}
        <button
          type="button"
          disabled={!/^[A-Za-z0-9_-]{1,100}$/.test(newId)}
          onClick={() => {
            setSelected(newId);
            setNewId('');
          }}
        >
          {t('rosterAddClass')}
        </button>
      </p>
      {selected && (
        <>
          <h3>{t('rosterOfClass', [label(selected), String(pupils.length)])}</h3>
          <RosterImport current={pupils} policy={props.policy} onImport={(next, source) => save(next, source)} />
          <RosterTable pupils={pupils} policy={props.policy} onSave={(next) => save(next, 'edit')} />
          {current && (
            <p>
              {confirmDelete ? (
                <button
                  type="button"
                  class="danger"
                  data-policy-guard="roster-delete-confirm"
                  onClick={async () => {
                    await deleteClass(selected);
                    setConfirmDelete(false);
                    setStatus(t('rosterDeleted', label(selected)));
                    setSelected('');
                    await reload('');
                  }}
                >
                  {t('rosterDeleteConfirm', label(selected))}
                </button>
              ) : (
                <button type="button" data-policy-guard="roster-delete" onClick={() => setConfirmDelete(true)}>
                  {t('rosterDelete', label(selected))}
                </button>
              )}
            </p>
          )}
        </>
      )}
      <p role="status" class="status" data-policy-guard="roster-status">
        {status}
      </p>
    </section>
  );
}

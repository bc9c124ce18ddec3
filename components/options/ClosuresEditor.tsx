import type { PolicyState } from '../../lib/ext/active-policy';
import { t } from '../../lib/ext/i18n';
import { isLocked } from '../../lib/policy/resolve';
import type { Policy } from '../../lib/policy/schema';
import { Locked } from './Locked';
import { SaveFooter } from './SaveFooter';
import { useEditable } from './useEditable';
import { useSave } from './useSave';

type Closure = Policy['hours']['closures'][number];

/** Holidays, INSET days and other closures: nothing is sent on these days. */
export function ClosuresEditor(props: { policy: Policy; locked: PolicyState['locked'] }) {
  const [rows, setRows] = useEditable<Closure[]>(props.policy.hours.closures);
  const { problems, status, save } = useSave();
  const locked = isLocked('hours.closures', props.locked);
  const set = (i: number, c: Closure) => setRows(rows.map((x, j) => (j === i ? c : x)));
  return (
    <fieldset data-policy-guard="closures-editor" disabled={locked}>
      <legend>
        {t('editClosuresTitle')} {locked && <Locked />}
      </legend>
      {rows.length === 0 && <p class="muted">{t('editClosuresNone')}</p>}
      {rows.map((c, i) => (
        <p key={i} data-closure={i}>
          <label>
            {t('editClosureLabel')} <input type="text" value={c.label} onInput={(e) => set(i, { ...c, label: (e.currentTarget as HTMLInputElement).value })} />
          </label>{' '}
          <label>
            {t('editFrom')} <input type="date" value={c.start} onChange={(e) => set(i, { ...c, start: (e.currentTarget as HTMLInputElement).value })} />
          </label>{' '}
          <label>
            {t('editTo')} <input type="date" value={c.end} onChange={(e) => set(i, { ...c, end: (e.currentTarget as HTMLInputElement).value })} />
          </label>{' '}
          <button type="button" onClick={() => setRows(rows.filter((_, j) => j !== i))}>
            {t('rosterRemove')}
          </button>
        </p>
      ))}
      <SaveFooter hook="closures-save" label={t('editSaveClosures')} onSave={() => void save({ hours: { closures: rows } })} problems={problems} status={status}>
        <button type="button" onClick={() => setRows([...rows, { label: '', start: '', end: '' }])}>
          {t('editAddClosure')}
        </button>
      </SaveFooter>
    </fieldset>
  );
}

import { useEffect, useState } from 'preact/hooks';
import { t, type MessageKey } from '../../lib/ext/i18n';
import { CONSENT_COLUMNS } from '../../lib/roster/consent-columns';
import type { ConsentState, Pupil } from '../../lib/rules/types';
import type { Policy } from '../../lib/policy/schema';
import { consentFor, withConsent } from './consent';
import { InCareNote, inCareRule } from './InCareNote';

/** The class's pupils, with photo consent per channel and the in-care flag, edited in place and saved on a click. */
export function RosterTable(props: { pupils: Pupil[]; policy?: Policy; onSave: (pupils: Pupil[]) => Promise<void> }) {
  // Only a policy that bars photos of pupils in care makes their consent moot; under any other, the local
  // authority's answer is recorded like any family's.
  const barred = inCareRule(props.policy) === 'never';
  const [rows, setRows] = useState(props.pupils);
  const [dirty, setDirty] = useState(false);
  useEffect(() => {
    setRows(props.pupils);
    setDirty(false);
  }, [props.pupils]);
  const change = (i: number, next: Pupil) => {
    setRows(rows.map((p, j) => (j === i ? next : p)));
    setDirty(true);
  };
  if (rows.length === 0) return <p class="muted">{t('rosterEmpty')}</p>;
  return (
    <>
      {/* In a narrow window the table scrolls sideways inside its box, not the whole page (probe 15: 805 px at 360). */}
      <div class="table-scroll">
        <table class="roster" data-policy-guard="roster-table">
          <thead>
            <tr>
              <th scope="col">{t('rosterFirst')}</th>
              <th scope="col">{t('rosterLast')}</th>
              {CONSENT_COLUMNS.map((c) => (
                <th scope="col" key={c}>
                  {t(`rosterConsent_${c.replace(/-/g, '_')}` as MessageKey)}
                </th>
              ))}
              <th scope="col">{t('rosterInCare')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('rosterRemove')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p, i) => (
              <tr key={`${p.first}|${p.last}|${i}`} data-pupil={`${p.first} ${p.last}`.trim()}>
                <td>
                  {p.first}
                  {p.legalFirst && <span class="muted"> ({t('rosterLegalName', p.legalFirst)})</span>}
                </td>
                <td>
                  {p.last}
                  {p.legalLast && <span class="muted"> ({t('rosterLegalName', p.legalLast)})</span>}
                </td>
                {CONSENT_COLUMNS.map((c) => (
                  <td key={c}>
                    <select
                      data-consent={c}
                      data-state={p.inCare && barred ? 'in-care' : consentFor(p, c)}
                      aria-label={t('rosterConsentFor', [`${p.first} ${p.last}`.trim(), t(`rosterConsent_${c.replace(/-/g, '_')}` as MessageKey)])}
                      value={consentFor(p, c)}
                      disabled={p.inCare && barred}
                      onChange={(e) => change(i, withConsent(p, c, (e.currentTarget as HTMLSelectElement).value as ConsentState))}
                    >
                      <option value="given">{t('consentGiven')}</option>
                      <option value="refused">{t('consentRefused')}</option>
                      <option value="not-recorded">{t('consentNotRecorded')}</option>
                    </select>
                  </td>
                ))}
                <td>
                  <input
                    type="checkbox"
                    data-in-care
                    aria-label={t('rosterInCareFor', `${p.first} ${p.last}`.trim())}
                    checked={p.inCare}
                    onChange={(e) => change(i, { ...p, inCare: (e.currentTarget as HTMLInputElement).checked })}
                  />
                </td>
                <td>
                  <button
                    type="button"
                    onClick={() => {
                      setRows(rows.filter((_, j) => j !== i));
                      setDirty(true);
                    }}
                  >
                    {t('rosterRemove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <InCareNote policy={props.policy} />
      <p>
        <button type="button" data-policy-guard="roster-save" disabled={!dirty} onClick={() => void props.onSave(rows).then(() => setDirty(false))}>
          {t('rosterSaveChanges')}
        </button>
      </p>
    </>
  );
}

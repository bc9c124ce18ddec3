import { useState } from 'preact/hooks';
import type { PolicyState } from '../../lib/ext/active-policy';
import { t } from '../../lib/ext/i18n';
import { policyChoice } from '../../lib/ext/settings';
import { isPresetId, PRESET_CATALOG } from '../../lib/policy/catalog';
import { parsePolicyJson, type PolicyProblem } from '../../lib/policy/parse';
import { Locked } from './Locked';
import { Problems } from './Problems';

const MAX_FILE = 1_000_000;

/**
 * Choose a preset, or import the school's own policy file (refused, with every problem by field, when it is not
 * valid). `parent`: a parent's choice of their child's school, so only schools are offered (no model policy),
 * and no policy-file import (a school's IT or office imports its file; a parent has none).
 */
export function PolicyChooser(props: { state: PolicyState; parent?: boolean }) {
  const { state } = props;
  const choice = state.choice;
  const [selected, setSelected] = useState<string>(choice?.kind === 'preset' ? choice.presetId : '');
  const [saved, setSaved] = useState(false);
  const [problems, setProblems] = useState<PolicyProblem[] | undefined>();
  const [imported, setImported] = useState<string | undefined>();
  const [failed, setFailed] = useState(false);
  // IT chose the policy: nobody picks another in this browser.
  const fixedByIt = state.locked === 'all' || !!state.itChoosesPolicy;

  const save = async (event: Event) => {
    event.preventDefault();
    if (!isPresetId(selected)) return;
    try {
      await policyChoice.setValue({ kind: 'preset', presetId: selected, chosenAt: new Date().toISOString() });
      setSaved(true);
      setFailed(false);
    } catch {
      setFailed(true); // storage full or unavailable: the choice in force is unchanged, and we say so
    }
    setImported(undefined);
  };

  const importFile = async (file: File | undefined) => {
    setProblems(undefined);
    setImported(undefined);
    setSaved(false);
    if (!file) return;
    if (file.size > MAX_FILE) return setProblems([{ path: '(file)', id: 'fileTooBigToImport' }]);
    const text = await file.text().catch(() => undefined);
    if (text === undefined) return setProblems([{ path: '(file)', id: 'fileUnreadable' }]);
    const parsed = parsePolicyJson(text);
    if (!parsed.ok) return setProblems(parsed.problems);
    try {
      // Kept as the school wrote it (validated again whenever it is used), not as the checker's defaults filled it.
      const asWritten: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
      await policyChoice.setValue({ kind: 'file', fileName: file.name, policy: asWritten, chosenAt: new Date().toISOString() });
      setImported(parsed.policy.name);
      setFailed(false);
    } catch {
      setFailed(true);
    }
  };

  return (
    <section data-policy-guard="policy-chooser">
      <form onSubmit={save}>
        <fieldset disabled={fixedByIt}>
          <legend>
            {t(props.parent ? 'parentPolicyLegend' : 'optionsPolicyLegend')} {fixedByIt && <Locked />}
          </legend>
          {PRESET_CATALOG.filter((preset) => !(props.parent && preset.generic)).map((preset) => (
            <label class="choice" key={preset.id}>
              <input
                type="radio"
                name="preset"
                value={preset.id}
                checked={(fixedByIt ? state.policy?.id : selected) === preset.id}
                onChange={() => {
                  setSelected(preset.id);
                  setSaved(false);
                }}
              />{' '}
              {preset.school}
            </label>
          ))}
        </fieldset>
        <p>
          <button type="submit" disabled={fixedByIt || !isPresetId(selected)}>
            {t('optionsSave')}
          </button>
        </p>
        <p class="status" role="status">
          {failed ? t('storageFailed') : saved ? t('optionsSaved') : ''}
        </p>
      </form>
      {!props.parent && (
        <>
          <p>
            <label>
              {t('policyImport')}{' '}
              <input type="file" accept=".json,application/json" disabled={fixedByIt} data-policy-guard="policy-file" onChange={(e) => void importFile((e.currentTarget as HTMLInputElement).files?.[0])} />
            </label>
          </p>
          <p class="muted">{t('policyImportHelp')}</p>
        </>
      )}
      {problems && <Problems problems={problems} intro={t('policyFileRefused')} />}
      {imported && (
        <p role="status" data-policy-guard="policy-imported">
          {t('policyImported', imported)}
        </p>
      )}
    </section>
  );
}

import { useEffect, useState } from 'preact/hooks';
import { t } from '../../lib/ext/i18n';
import { policyChoice, readPolicyChoice, type PolicyChoiceV1 } from '../../lib/ext/settings';
import { isPresetId, PRESET_CATALOG, presetSummary } from '../../lib/policy/catalog';

export function App() {
  const [current, setCurrent] = useState<PolicyChoiceV1 | null>(null);
  const [selected, setSelected] = useState<string>('');
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    void readPolicyChoice().then((value) => {
      setCurrent(value);
      setSelected(value?.presetId ?? '');
    });
    return policyChoice.watch(setCurrent);
  }, []);

  const save = async (event: Event) => {
    event.preventDefault();
    if (!isPresetId(selected)) return;
    await policyChoice.setValue({ presetId: selected, chosenAt: new Date().toISOString() });
    setSaved(true);
  };

  const currentName = current ? presetSummary(current.presetId)?.school : undefined;
  return (
    <main data-policy-guard="options">
      <h1>{t('optionsTitle')}</h1>
      <p>{t('optionsIntro')}</p>
      <p data-policy-guard="options-current">
        {currentName ? t('optionsCurrent', currentName) : t('optionsNoneYet')}
      </p>
      <form onSubmit={save}>
        <fieldset>
          <legend>{t('optionsPolicyLegend')}</legend>
          {PRESET_CATALOG.map((preset) => (
            <label class="choice" key={preset.id}>
              <input
                type="radio"
                name="preset"
                value={preset.id}
                checked={selected === preset.id}
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
          <button type="submit" disabled={!isPresetId(selected)}>
            {t('optionsSave')}
          </button>
        </p>
        <p class="status" role="status">
          {saved ? t('optionsSaved') : ''}
        </p>
      </form>
    </main>
  );
}

import { useEffect, useState } from 'preact/hooks';
import { t } from '../../lib/ext/i18n';
import { ignoredAlways, policyChoice, readPolicyChoice, type IgnoredV1, type PolicyChoiceV1 } from '../../lib/ext/settings';
import { isPresetId, PRESET_CATALOG, presetSummary } from '../../lib/policy/catalog';
import { SpotHistory } from '../../components/SpotHistory';
import { RosterManager } from '../../components/roster/RosterManager';

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

  const [ignored, setIgnored] = useState<IgnoredV1[]>([]);
  useEffect(() => {
    void ignoredAlways.getValue().then(setIgnored);
    return ignoredAlways.watch(setIgnored);
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
      <section data-policy-guard="ignored">
        <h2>{t('optionsIgnoredTitle')}</h2>
        {ignored.length === 0 ? (
          <p class="muted">{t('optionsIgnoredNone')}</p>
        ) : (
          <ul>
            {ignored.map((item, i) => (
              <li key={`${item.rule}:${item.text}`}>
                <code>{item.rule}</code> “{item.text}”{' '}
                <button type="button" onClick={() => void ignoredAlways.setValue(ignored.filter((_, j) => j !== i))}>
                  {t('optionsIgnoredUndo')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <RosterManager />
      <SpotHistory />
    </main>
  );
}

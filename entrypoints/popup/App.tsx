import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ShieldIcon } from '../../components/ShieldIcon';
import { t } from '../../lib/ext/i18n';
import { policyChoice, readPolicyChoice, spotCheckOn, type PolicyChoiceV1 } from '../../lib/ext/settings';
import { VERSION } from '../../lib/meta';
import { presetSummary } from '../../lib/policy/catalog';

export function App() {
  const [choice, setChoice] = useState<PolicyChoiceV1 | null | undefined>(undefined);
  useEffect(() => {
    void readPolicyChoice().then(setChoice);
    return policyChoice.watch(setChoice);
  }, []);
  const [spot, setSpot] = useState(false);
  useEffect(() => {
    void spotCheckOn.getValue().then(setSpot);
    return spotCheckOn.watch(setSpot);
  }, []);
  const summary = choice ? presetSummary(choice.presetId) : undefined;

  return (
    <main data-policy-guard="popup">
      <h1>
        <ShieldIcon size={20} /> {t('extName')}
      </h1>
      <p class="muted">{t('popupVersion', VERSION)}</p>
      {choice !== undefined && (
        <p data-policy-guard="popup-policy">
          {summary ? t('policyActive', summary.school) : t('policyNone')}
        </p>
      )}
      <p>
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
          {summary ? t('openSettings') : t('policyChoose')}
        </button>
      </p>
      {summary && (
        <p>
          <button type="button" data-policy-guard="spot-toggle" aria-pressed={spot} onClick={() => void spotCheckOn.setValue(!spot)}>
            {spot ? t('spotStop') : t('spotStart')}
          </button>
        </p>
      )}
      <p class="muted">{t('popupPrivate')}</p>
    </main>
  );
}

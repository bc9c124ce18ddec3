import { useEffect, useState } from 'preact/hooks';
import { DataControls } from '../../components/options/DataControls';
import { PolicyChooser } from '../../components/options/PolicyChooser';
import { PolicyEditor } from '../../components/options/PolicyEditor';
import { Problems } from '../../components/options/Problems';
import { SettingProblems } from '../../components/options/SettingProblems';
import { ParentSettings } from '../../components/options/ParentSettings';
import { RoleChooser } from '../../components/options/RoleChooser';
import { useRole } from '../../components/options/useRole';
import { usePolicyState } from '../../components/options/usePolicyState';
import { RosterManager } from '../../components/roster/RosterManager';
import { ExportPolicy } from '../../components/options/setup/ExportPolicy';
import { SchoolName } from '../../components/options/setup/SchoolName';
// Setup from a document, "Try a draft" and the roster import are drawn with the page, as light shells: their
// readers, engine and word lists load when the person acts (onDemand in components/Lazy.tsx).
import { SetupFromDocument } from '../../components/options/setup/SetupFromDocument';
import { TryIt } from '../../components/options/TryIt';
import { SpotHistory } from '../../components/SpotHistory';
import { ruleLabel } from '../../components/SpotSummary';
import { OverridesView } from '../../components/overrides/OverridesView';
import { t, type MessageKey } from '../../lib/ext/i18n';
import { ignoredAlways, watchSafely, type IgnoredV1 } from '../../lib/ext/settings';
import { fromIt } from './from-it';
import { introKey } from './intro';
import { itPolicyBroken } from '../../lib/policy/it-policy';

/**
 * The options page: the policy (chosen, imported or pushed by IT), its edits, pupils, records and data, for
 * staff. A parent's browser gets its own short page; a first run asks who uses the browser before anything.
 */
export function App() {
  const state = usePolicyState();
  const { ready, role, itManaged } = useRole(state?.managed);
  if (!ready) return null;
  if (role === 'parent') return <ParentSettings state={state} />;
  if (!role) return <FirstRun />;
  return (
    <main data-policy-guard="options">
      <h1>{t('optionsTitle')}</h1>
      <p data-policy-guard="options-intro">{t(introKey(state))}</p>
      <RoleChooser role={role} managed={itManaged} />
      <SettingProblems />
      {state && <Current state={state} />}
      {/* IT installed the extension, and the browser answered with none of its settings: say so, because a name or a
          value of the wrong type that IT pushed is dropped by the browser unseen (docs/deploying.md). */}
      {state && itManaged && !state.managed && !state.managedPending && (
        <p class="muted" data-policy-guard="options-installed-no-settings">
          {t('optionsInstalledNoSettings')}
        </p>
      )}
      {state && <PolicyChooser state={state} />}
      {state && <SetupFromDocument state={state} />}
      {state?.policy && <SchoolName policy={state.policy} locked={state.locked} />}
      {state?.policy && <PolicyEditor policy={state.policy} locked={state.locked} />}
      {state?.policy && <ExportPolicy policy={state.policy} />}
      {state?.policy && <TryIt policy={state.policy} />}
      <RosterManager policy={state?.policy ?? undefined} />
      <IgnoredList />
      <OverridesView timeZone={state?.policy?.timeZone} />
      <SpotHistory timeZone={state?.policy?.timeZone} />
      <DataControls />
    </main>
  );
}

/** First run in a browser IT does not manage: who uses it, before any setting. */
function FirstRun() {
  return (
    <main data-policy-guard="options" data-role="">
      <h1>{t('optionsTitle')}</h1>
      <RoleChooser role={undefined} managed={false} />
    </main>
  );
}

const INTROS: Partial<Record<string, MessageKey>> = {
  user: 'policyEditsRefused',
  preset: 'policyBaseRefused',
  'managed-locked': 'policyLocksRefused',
};

function Current(props: { state: NonNullable<ReturnType<typeof usePolicyState>> }) {
  const { state } = props;
  // "(set by your school's IT)" says where the policy in force comes from: with none in force, it is not said.
  const from = !state.policy ? '' : state.managed ? fromIt(state) : state.choice?.kind === 'file' ? t('policyFromFile', state.choice.fileName) : '';
  const broken = itPolicyBroken(state);
  return (
    <>
      <p data-policy-guard="options-current" data-it-broken={broken ? '' : undefined}>
        {state.policy ? t('optionsCurrent', state.policy.name) : t(broken ? 'optionsItBroken' : 'optionsNoneYet')} {from}
      </p>
      {state.problems?.map((p) => {
        const its = p.layer === 'managed-json' || p.layer === 'managed';
        return <Problems key={p.layer} problems={p.problems} intro={t(INTROS[p.layer] ?? 'policyManagedRefused')} hook={`problems-${p.layer}`} forIt={its || p.layer === 'managed-locked'} />;
      })}
    </>
  );
}

function IgnoredList() {
  const [ignored, setIgnored] = useState<IgnoredV1[]>([]);
  useEffect(() => {
    // Read through its schema: a corrupt list comes back as its good entries (and the reset is reported).
    void ignoredAlways.getValue().then(setIgnored).catch(() => undefined);
    return watchSafely(ignoredAlways, setIgnored);
  }, []);
  return (
    <section data-policy-guard="ignored">
      <h2>{t('optionsIgnoredTitle')}</h2>
      {ignored.length === 0 ? (
        <p class="muted">{t('optionsIgnoredNone')}</p>
      ) : (
        <ul>
          {ignored.map((item, i) => (
            <li key={`${item.rule}:${item.text}`}>
              <strong data-rule={item.rule}>{ruleLabel(item.rule)}</strong> “{item.text}”{' '}
              <button type="button" onClick={() => void ignoredAlways.setValue(ignored.filter((_, j) => j !== i)).catch(() => undefined)}>
                {t('optionsIgnoredUndo')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

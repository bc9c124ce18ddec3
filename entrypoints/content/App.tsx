/**
 * The panel and the overlays: renders each feature's slots (each in its own error boundary) inside the
 * panel's frame, with the notices features and the page raise. Knows nothing of any one feature.
 */
import { Panel } from '../../components/Panel';
import { t } from '../../lib/ext/i18n';
import { ask } from './ask';
import { Boundary } from './core/boundary';
import { useStore, type Store } from './core/store';
import { useGuard } from './features/composer-check';
import type { FeatureContext, Slot } from './features/feature';
import { viewLabel } from './view-label';

export function App(props: { f: FeatureContext; slots: Slot[]; notices: Store<Record<string, string[]>>; attention: Store<Record<string, string | undefined>> }) {
  const { f } = props;
  const page = useStore(f.page);
  const policy = useStore(f.policy);
  const featureNotices = useStore(props.notices);
  const attention = Object.values(useStore(props.attention)).find(Boolean);
  const guarded = useGuard(f.guard);
  const notices = page.appRootVerified ? [] : [t('degradedAppRoot')];
  for (const list of Object.values(featureNotices)) notices.push(...list);

  const slots = (where: Slot['where']) =>
    props.slots
      .filter((s) => s.where === where)
      .sort((a, b) => a.order - b.order)
      .map((s) => (
        <Boundary name={s.feature} key={s.feature}>
          {s.render()}
        </Boundary>
      ));

  return (
    <>
      {slots('overlay')}
      <Panel
        view={page.route.view}
        viewLabel={viewLabel(page.route.view)}
        composerCount={page.composerCount}
        boxMissing={page.boxMissing}
        policy={policy.active}
        unusable={policy.unusable}
        notices={notices}
        attention={attention}
        findingCount={guarded.policy ? guarded.findings.length : undefined}
        onChoosePolicy={() => void ask(f.ctx, { type: 'open-options' })}
      >
        {slots('panel')}
      </Panel>
    </>
  );
}

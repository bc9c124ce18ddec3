import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { FindingsList } from '../../components/FindingsList';
import { GateDialog } from '../../components/GateDialog';
import { Panel } from '../../components/Panel';
import { ParentHint } from '../../components/ParentHint';
import { RoutingCard } from '../../components/RoutingCard';
import { insertIntoComposer } from '../../lib/dojo/edit';
import { appRootIsVerified, channelOf, composerText, findComposers, latestParentMessage, studentTileNames } from '../../lib/dojo/page';
import { parseDojoLocation, type DojoRoute } from '../../lib/dojo/routes';
import { t } from '../../lib/ext/i18n';
import type { ParentHintResponse, PolicyResponse, Request, Response, RouteIncomingResponse } from '../../lib/ext/messages';
import {
  ignoredAlways,
  managedLockAll,
  managedLocked,
  managedPolicyJson,
  managedPresetId,
  policyChangedAt,
  policyChoice,
  policyEdits,
  rostersChangedAt,
  spotCheckOn,
  watchSafely,
} from '../../lib/ext/settings';
import { SpotCheck } from './SpotCheck';
import { findingText, localWhen } from '../../components/finding-text';
import { adviceText, hintText } from '../../components/routing-text';
import type { Finding } from '../../lib/rules/types';
import type { SpotView } from '../../lib/spot-check/record';
import type { Channel } from '../../lib/policy/schema';
import { ask } from './ask';
import { viewHasComposer } from '../../lib/dojo/routes';
import type { Guard, GuardState } from './guard';
import { viewLabel } from './view-label';

export interface PageState {
  route: DojoRoute;
  /** Undefined until the message boxes have been looked for: never "none" before we know. */
  composerCount: number | undefined;
  appRootVerified: boolean;
  /** teach messaging: the newest parent message in the open conversation. */
  incoming?: string;
}

export function readPageState(): PageState {
  const route = parseDojoLocation(location.href);
  return {
    route,
    composerCount: findComposers(document).length,
    appRootVerified: appRootIsVerified(document),
    incoming: route.app === 'teach' && route.view === 'messaging' ? latestParentMessage(document) : undefined,
  };
}

/**
 * What a spot-check reviews on this page, if anything: a story feed, or a conversation's staff messages.
 * The record is kept per class (or school), so the scope is the class id from the route.
 */
function spotTarget(route: DojoRoute): { view: SpotView; channel: Channel; scopeId: string } | undefined {
  if (route.app !== 'teach') return undefined;
  const scopeId = route.classId ?? (route.schoolId ? `school-${route.schoolId}` : 'school');
  if (route.view === 'class-story' || route.view === 'school-story') return { view: route.view, channel: route.view, scopeId };
  if (route.view === 'messaging') return { view: 'messaging', channel: channelOf(route, document).channel, scopeId };
  return undefined;
}

/** Wires the page and the stored settings to the panel. `subscribe` is the page watcher. */
export function App(props: { ctx: ContentScriptContext; subscribe: (cb: () => void) => () => void; guard: Guard }) {
  const { ctx, guard } = props;
  const [guarded, setGuarded] = useState<GuardState | undefined>();
  const [policyVersion, setPolicyVersion] = useState(0);
  // Kept here, not in the offer: saving the roster re-configures the checker, which removes the offer.
  const [rosterSaved, setRosterSaved] = useState<number | undefined>();
  const [spotOn, setSpotOn] = useState(false);
  useEffect(() => {
    void spotCheckOn.getValue().then(setSpotOn).catch(() => undefined);
    return watchSafely(spotCheckOn, setSpotOn);
  }, []);
  // The first render reads only the URL: finding the message boxes asks for their visibility, which would
  // force the browser to lay out the whole page (46 ms on a 500-post Class Story) before the panel is up.
  // They are found just after the page's own first paint, when that costs next to nothing.
  const [page, setPage] = useState<PageState>(() => ({ route: parseDojoLocation(location.href), composerCount: undefined, appRootVerified: appRootIsVerified(document) }));
  useEffect(() => setRosterSaved(undefined), [page.route.view, page.route.classId]);
  /** The policy in force, as the background resolved it (null: none chosen, or none usable). */
  const [active, setActive] = useState<{ id: string; name: string } | null>(null);
  const [policyUnusable, setPolicyUnusable] = useState(false);
  const [routing, setRouting] = useState<RouteIncomingResponse | undefined>();
  const [hint, setHint] = useState<ParentHintResponse | undefined>();
  const hintTimer = useRef<number | undefined>(undefined);
  const hintSeq = useRef(0);

  useEffect(() => {
    const refresh = () => setPage(readPageState());
    ctx.requestAnimationFrame(() => ctx.setTimeout(refresh, 0));
    const unsubscribe = props.subscribe(refresh);
    // Hash navigation between classes and views does not reload the page.
    ctx.addEventListener(window, 'hashchange', refresh);
    return unsubscribe;
  }, []);

  useEffect(() => {
    const bump = () => setPolicyVersion((v) => v + 1);
    const unwatch = [
      ...[policyChoice, policyChangedAt, managedPresetId, managedPolicyJson, managedLocked, managedLockAll].map((item) => watchSafely(item as { watch(cb: (value: unknown) => void): () => void }, bump)),
      watchSafely(policyEdits, bump),
      watchSafely(rostersChangedAt, bump),
      watchSafely(ignoredAlways, bump),
    ];
    return () => unwatch.forEach((u) => u());
  }, []);

  useEffect(() => guard.subscribe(setGuarded), []);
  useEffect(() => {
    guard.onLog = (kind, finding, reason) =>
      void ask(ctx, { type: 'log-event', event: { kind, rule: finding.rule, channel: guard.channel(), at: new Date().toISOString(), ...(reason ? { reason } : {}) } });
  }, []);

  // The checker's policy and roster come from the background, for this class.
  useEffect(() => {
    let current = true;
    void Promise.all([ask<PolicyResponse>(ctx, { type: 'get-policy', classId: page.route.classId }), ignoredAlways.getValue().catch(() => [])]).then(([r, ignored]) => {
      if (!current) return;
      if (r?.ok) {
        guard.configure(r.value.policy, r.value.bankHolidays, r.value.roster, ignored);
        setActive((a) => (a?.id === r.value.policy.id && a.name === r.value.policy.name ? a : { id: r.value.policy.id, name: r.value.policy.name }));
      } else {
        guard.configure(null, [], [], []);
        setActive(null);
      }
      setPolicyUnusable(!r?.ok && r?.error === 'invalid-policy');
    });
    return () => {
      current = false;
    };
  }, [page.route.classId, policyVersion]);

  // Teacher: route the newest parent message whenever it (or the policy) changes.
  useEffect(() => {
    setRouting(undefined);
    if (!page.incoming || !active) return;
    let current = true;
    void ask<RouteIncomingResponse>(ctx, { type: 'route-incoming', text: page.incoming, at: new Date().toISOString() }).then((r) => {
      if (current) setRouting(r ?? { ok: false, error: 'failed' });
    });
    return () => {
      current = false;
    };
  }, [page.incoming, active?.id, policyVersion]);

  // Parent: a hint while they write, debounced; a stale answer is dropped, never shown.
  useEffect(() => {
    if (page.route.app !== 'home' || !active) return;
    const hintFor = (target: HTMLElement) => {
      window.clearTimeout(hintTimer.current);
      hintTimer.current = ctx.setTimeout(() => {
        const text = composerText(target);
        const seq = ++hintSeq.current;
        if (!text.trim()) return setHint(undefined);
        void ask<ParentHintResponse>(ctx, { type: 'parent-hint', text, at: new Date().toISOString() }).then((r) => {
          if (seq === hintSeq.current) setHint(r);
        });
      }, 350);
    };
    const onInput = (event: Event) => {
      const target = event.target as HTMLElement;
      if ((event as InputEvent).isComposing || !findComposers(document).includes(target)) return;
      hintFor(target);
    };
    // A parent may have started writing before the policy arrived: hint on what is there already.
    const first = findComposers(document)[0];
    if (first && composerText(first).trim()) hintFor(first);
    document.addEventListener('input', onInput, true);
    return () => document.removeEventListener('input', onInput, true);
  }, [page.route.app, active?.id]);


  const notices = page.appRootVerified ? [] : [t('degradedAppRoot')];
  if (policyUnusable) notices.push(t('policyUnusable'));
  if (routing && !routing.ok && routing.error !== 'no-policy' && routing.error !== 'invalid-policy') notices.push(t('routingUnavailable'));

  const showFindings = page.route.app === 'teach' && viewHasComposer(page.route.view) && (page.composerCount ?? 0) > 0 && guarded?.policy;
  const gate = guarded?.gate;
  const next = gate?.findings.find((f) => f.next)?.next;
  if (guarded?.unavailable.length) notices.push(t('guidanceUnavailable', guarded.unavailable.join(', ')));
  // A redesigned post composer: say what cannot be checked rather than let silence read as "all clear".
  if (showFindings && guarded?.extrasKnown === false && /story/.test(page.route.view)) notices.push(t('degradedExtras'));

  const insert = (reply: string): boolean => {
    const composer = findComposers(document)[0];
    if (!composer) return false;
    insertIntoComposer(composer, reply);
    return true;
  };

  const spot = spotTarget(page.route);
  const text = (f: Finding) => (guarded?.policy ? findingText(f, { policy: guarded.policy, channel: guard.channel() }) : f.message);
  return (
    <>
    {spotOn && spot && guarded?.policy && (
      <SpotCheck ctx={ctx} guard={guard} subscribe={props.subscribe} channel={spot.channel} view={spot.view} scopeId={spot.scopeId} key={`${spot.view}:${spot.scopeId}`} />
    )}
    <Panel
      view={page.route.view}
      viewLabel={viewLabel(page.route.view)}
      composerCount={page.composerCount}
      policy={active}
      notices={notices}
      onChoosePolicy={() => void ask(ctx, { type: 'open-options' })}
    >
      {showFindings && guarded && <AudienceLine state={guarded} />}
      {showFindings && guarded && (
        <FindingsList
          findings={guarded.findings}
          text={text}
          onFix={(f) => guard.applyFix(f)}
          onIgnore={(f, scope) => {
            const always = guard.ignore(f, scope);
            if (always) void ignoredAlways.getValue().then((list) => ignoredAlways.setValue([...list, { ...always, at: new Date().toISOString() }])).catch(() => undefined); // storage full: ignored for this page only
          }}
        />
      )}
      {rosterSaved !== undefined ? (
        <p class="pg-muted" role="status" data-policy-guard="roster-saved">
          {t('rosterSaved', String(rosterSaved))}
        </p>
      ) : (
        page.route.view === 'points' &&
        page.route.classId &&
        guarded?.policy &&
        guarded.rosterSize === 0 && <RosterOffer ctx={ctx} classId={page.route.classId} onSaved={setRosterSaved} />
      )}
      {routing?.ok && <RoutingCard route={routing.value} advice={adviceText(routing.value, guarded?.policy ?? undefined)} onInsert={(page.composerCount ?? 0) > 0 ? insert : undefined} />}
      {gate && guarded?.policy && (
        <GateDialog
          findings={gate.findings}
          kind={gate.kind}
          nextAllowed={next ? localWhen(new Date(next), guarded.policy.timeZone) : undefined}
          text={text}
          onEdit={() => guard.cancel()}
          onFixAll={() => guard.applyAllFixes(gate.findings)}
          onSendAnyway={(reason) => guard.sendAnyway(reason)}
        />
      )}
      {page.route.app === 'home' && hint?.ok && <ParentHint hint={hint.value} text={hintText(hint.value, guarded?.policy ?? undefined, guard.context().calendar)} />}
    </Panel>
    </>
  );
}

/** Who will see what the teacher is writing. */
function AudienceLine(props: { state: GuardState }) {
  const { channel, channelKnown, rosterSize, policy } = props.state;
  let text: string;
  if (channel === 'class-story') text = rosterSize ? t('audienceSharedCount', String(rosterSize)) : t('audienceShared');
  else if (channel === 'school-story') text = t('audienceSchool');
  else if (channel === 'class-chat') text = channelKnown ? t('audienceShared') : t('audienceChatUnknown');
  else if (channel === 'points') text = t('audiencePoints');
  else if (channel === 'student-story' && policy?.audiences['student-story'] === 'shared') text = t('audienceShared');
  else text = t('audiencePrivate');
  return (
    <p class="pg-audience" data-policy-guard="audience" data-channel={channel}>
      {text}
    </p>
  );
}

/** On the points page: offer to save the pupils' names as the class roster. Never saved without a click. */
function RosterOffer(props: { ctx: ContentScriptContext; classId: string; onSaved: (count: number) => void }) {
  const names = studentTileNames(document);
  if (names.length === 0) return null;
  return (
    <div class="pg-callout" data-policy-guard="roster-offer">
      <p>{t('rosterOffer', String(names.length))}</p>
      <button
        type="button"
        class="pg-button"
        onClick={async () => {
          // Consent is not on the page: it starts unrecorded (no consent) until the school's register is entered.
          const pupils = names.map((n) => ({ ...n, photoConsent: false, inCare: false }));
          const answer = await ask<Response<number>>(props.ctx, { type: 'save-roster', classId: props.classId, pupils });
          if (answer?.ok) props.onSaved(answer.value);
        }}
      >
        {t('rosterSave')}
      </button>
    </div>
  );
}

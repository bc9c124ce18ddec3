import type * as preact from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t } from '../lib/ext/i18n';
import { PANEL_HEIGHT, type Placement } from '../lib/ui/placement';
import { ShieldIcon } from './ShieldIcon';
import { tn } from './plural';
import { unshifting } from './unshifting';
import { usePlacement, type Layout } from './usePlacement';

export interface PanelProps {
  /** What the page is, in words ("Class Story"). */
  viewLabel: string;
  /** Route view id, exposed for tests and scripting as data-view. */
  view: string;
  /** Message boxes watched; undefined until they have been looked for (just after the panel mounts). */
  composerCount: number | undefined;
  /** None found where one belongs, as the page doctor says (PageState.boxMissing): said so, not "none here". */
  boxMissing?: boolean;
  /** The chosen policy's display name; null until a school policy is chosen. */
  policy: { id: string; name: string } | null;
  /**
   * With no policy: why, as the message to show. `policyItBroken`, the policy the school's IT set cannot be read
   * (only IT can fix it, so the panel does not ask to choose one); `policyUnusable`, the policy chosen here
   * cannot be used; else none is chosen yet.
   */
  unusable?: false | 'policyItBroken' | 'policyUnusable' | 'policyUnreadable';
  /** Parts of the guidance that are unavailable or degraded on this page, in plain words. */
  notices: string[];
  /** What the teacher must read first in the panel, in words (a parent's safeguarding message): the folded badge says so. */
  attention?: string;
  onChoosePolicy: () => void;
  /** Findings for the draft being written, shown on the compact badge. */
  findingCount?: number;
  /** More sections: routing advice, hints. */
  children?: preact.ComponentChildren;
}

type Focus = 'tab' | 'hide' | 'badge' | 'dock' | undefined;

function panelStyle(p: Placement | undefined): Record<string, string> | undefined {
  if (!p || p.mode !== 'panel') return undefined;
  return {
    top: `${p.top}px`,
    left: p.left === undefined ? 'auto' : `${p.left}px`,
    right: p.right === undefined ? 'auto' : `${p.right}px`,
    width: `${p.width}px`,
    // The same height whatever the panel shows (lib/ui/placement.ts says why).
    height: `${Math.min(PANEL_HEIGHT, p.maxHeight)}px`,
    maxHeight: `${p.maxHeight}px`,
  };
}

function tabStyle(layout: Layout | undefined): Record<string, string> | undefined {
  return layout ? { top: `${layout.tab.top}px`, left: `${layout.tab.left}px`, right: 'auto' } : undefined;
}

/**
 * The guidance panel's frame: where the page is, what is watched, which policy applies. It never covers
 * the composer or its Send/Post button: it moves aside, or docks to a compact badge by the composer when
 * there is no room (lib/ui/placement.ts). The teacher may open the badge over the page, and dock it again.
 */
export function Panel(props: PanelProps) {
  const [open, setOpen] = useState(true);
  /** The teacher opened the badge: the panel is drawn where it always was, over the page if need be. */
  const [expanded, setExpanded] = useState(false);
  const [focus, setFocus] = useState<Focus>(undefined);
  const asideRef = useRef<HTMLElement>(null);
  const tabRef = useRef<HTMLButtonElement>(null);
  const badgeRef = useRef<HTMLButtonElement>(null);
  const hideRef = useRef<HTMLButtonElement>(null);
  const dockRef = useRef<HTMLButtonElement>(null);
  const { layout, schedule } = usePlacement({ tab: tabRef });
  // Every render may follow a change of the page (a toolbar or Post button that came with the text): measure again,
  // once this render is on screen.
  useLayoutEffect(() => schedule(true));
  // What the panel found must not move its content in a way the page's layout-shift observer sees.
  // (The aside is a new element only when the panel is shown again.)
  useLayoutEffect(() => unshifting(asideRef.current), [open]);

  const { composerCount: n } = props;
  const watching = n === undefined ? '' : n === 0 ? t(props.boxMissing ? 'composersMissing' : 'composersNone') : n === 1 ? t('composersOne') : t('composersMany', String(n));
  const count = props.findingCount ?? 0;
  // Something the teacher should know that is not a finding (Policy Guard cannot see part of the page): the
  // folded badge says so, so the warning inside is not missed.
  const attention = props.notices.length > 0 || !!props.attention;
  const placement = layout?.panel;
  const noRoom = open && placement?.mode === 'badge';
  const docked = noRoom && !expanded;

  // Keyboard: whatever the teacher pressed, focus lands on the control that replaced it.
  useEffect(() => {
    if (!focus) return;
    const target = { tab: tabRef, hide: hideRef, badge: badgeRef, dock: dockRef }[focus].current ?? hideRef.current ?? badgeRef.current ?? tabRef.current;
    target?.focus();
    setFocus(undefined);
  }, [focus]);
  // The panel docking itself (the window got smaller) must not strand keyboard focus inside it.
  useEffect(() => {
    const root = asideRef.current?.getRootNode() as ShadowRoot | Document | undefined;
    if (docked && root && asideRef.current?.contains(root.activeElement)) badgeRef.current?.focus();
  }, [docked]);

  // A parent's safeguarding message is named first whatever the draft holds: one letter typed (a finding) must not
  // hide it behind a count (probe 15). Its findings are in the panel, a press away.
  const badgeLabel = props.attention ?? (count > 0 ? tn(count, 'panelBadge') : attention ? t('panelBadgeAttention') : t('panelShow'));
  const badgeMark = props.attention || count === 0 ? '!' : String(count);
  const dock = () => {
    setExpanded(false);
    setFocus('badge');
  };

  if (!open) {
    return (
      <>
        <button
          type="button"
          class="pg-tab"
          data-policy-guard="panel-tab"
          data-spot={layout?.tab.spot}
          ref={tabRef}
          style={tabStyle(layout)}
          onClick={() => {
            setOpen(true);
            setFocus('hide');
          }}
        >
          <ShieldIcon /> {t('panelShow')}
        </button>
      </>
    );
  }
  return (
    <>
      {docked && placement?.mode === 'badge' && (
        <button
          type="button"
          class="pg-dock-badge"
          data-policy-guard="panel-badge"
          data-spot={placement.spot}
          data-count={String(count)}
          data-attention={attention ? 'true' : undefined}
          ref={badgeRef}
          style={{ top: `${placement.top}px`, left: `${placement.left}px`, ...(placement.size && { width: `${placement.size.width}px`, height: `${placement.size.height}px`, flexDirection: 'column', padding: 0 }) }}
          aria-label={badgeLabel}
          title={badgeLabel}
          aria-expanded="false"
          onClick={() => {
            setExpanded(true);
            setFocus('dock');
          }}
        >
          <ShieldIcon size={20} />
          {(count > 0 || attention) && (
            <span class="pg-count" aria-hidden="true">
              {badgeMark}
            </span>
          )}
        </button>
      )}
      <aside
        class={docked ? 'pg-panel pg-panel-docked' : 'pg-panel'}
        role="complementary"
        aria-label={t('panelTitle')}
        aria-hidden={docked ? 'true' : undefined}
        data-policy-guard="panel"
        data-view={props.view}
        data-composers={String(n)}
        data-policy={props.policy?.id ?? ''}
        data-placement={docked ? 'badge' : noRoom ? 'expanded' : (placement?.mode ?? 'default')}
        data-spot={placement?.mode === 'panel' ? placement.spot : undefined}
        ref={asideRef}
        style={docked || (noRoom && expanded) ? undefined : panelStyle(placement)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && noRoom && expanded) dock();
        }}
      >
        <header class={noRoom && expanded ? 'pg-header pg-header-wrap' : 'pg-header'}>
          <h2 class="pg-title">
            <ShieldIcon size={18} /> {t('panelTitle')}
          </h2>
          <span class="pg-view">{props.viewLabel}</span>
          {noRoom && expanded && (
            <button type="button" class="pg-icon-button" data-policy-guard="panel-dock" ref={dockRef} aria-label={t('panelDock')} title={t('panelDock')} onClick={dock}>
              <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                <path d="M3 3 L12 12 M12 6 V12 H6" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" />
              </svg>
            </button>
          )}
          <button
            type="button"
            class="pg-icon-button"
            ref={hideRef}
            aria-label={t('panelHide')}
            onClick={() => {
              setOpen(false);
              setExpanded(false);
              setFocus('tab');
            }}
          >
            ×
          </button>
        </header>
        {props.policy ? (
          <p class="pg-line" data-policy-guard="policy">
            {t('policyActive', props.policy.name)}
          </p>
        ) : (
          <div class="pg-callout" role="status" data-policy-guard="no-policy">
            <p>{t(props.unusable || 'policyNone')}</p>
            <button type="button" class="pg-button" onClick={props.onChoosePolicy}>
              {t(props.unusable ? 'openSettings' : 'policyChoose')}
            </button>
          </div>
        )}
        <p class="pg-line pg-muted" data-policy-guard="watching">
          {watching}
        </p>
        {props.children}
        {props.notices.map((notice) => (
          <p class="pg-notice" role="note" key={notice}>
            {notice}
          </p>
        ))}
      </aside>
    </>
  );
}

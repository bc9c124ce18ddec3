/**
 * Feature: the send gate. Holds Post, Send, Enter-to-send and point awards when the policy marks a finding
 * `confirm` or `block`, and asks the teacher in a dialog of its own (its own UI root, shown whether or not
 * the panel is open). What happens to a held send is decided by the pure state machine in
 * lib/gate/machine.ts; this module feeds it the page's events and carries out its effects.
 *
 * Fail-open rules: no policy, not the teachers' app, an orphaned script, a dialog that cannot be shown or
 * any error of ours, and the send goes through. The one exception is a script orphaned while its dialog is
 * up: the teacher has seen the warning and may have been about to edit, so nothing is sent for them; the
 * dialog goes, the draft stays, and their next Send goes through.
 */
import { render } from 'preact';
import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { createShadowUi, type ShadowUi } from '../core/shadow-ui';
import type { ReasonFrame } from '../../../components/GateDialog';
import { localWhen } from '../../../components/i18n';
import { focusComposer } from '../../../lib/dojo/edit';
import { t, type MessageKey } from '../../../lib/ext/i18n';
import type { GateReasonRelay } from '../../../lib/ext/messages';
import { GATE_FRAME_PATH } from '../../../lib/ext/pages';
import { channelOf, composerForControl, composerText, findComposers, pointAwardOf, sendControlFor, sendControlOf } from '../../../lib/dojo/page';
import { parseDojoLocation } from '../../../lib/dojo/routes';
import { IDLE, step, type GateEffect, type GateEvent, type GateState, type HeldSend, type Trigger } from '../../../lib/gate/machine';
import type { Finding } from '../../../lib/rules/types';
import { inkShown, seenWhileTyping, shownOnScreen, watchVisibility, type VisibilityWatch } from '../../../components/visibility';
import { Boundary } from '../core/boundary';
import { loadOnRequest, OnRequest, type OnRequestParts } from '../core/on-request';
import type { SendAttempt, SendInterceptor } from '../core/intercept';
import { installedInterceptor } from '../core/intercepted';
import { theSeal } from '../core/sealed';
import type { FocusKeeper } from '../core/focus-keeper';
import { createStore, useStore, type Store } from '../core/store';
import styles from '../style.css?inline';
import type { Feature, FeatureContext } from './feature';
import { reloadNoticeWords, showReloadNotice } from './reload-notice';
import { privateCss } from '../core/private-css';

interface GateView {
  held?: HeldSend;
  /** The reason box's frame for this hold (entrypoints/gate-reason). */
  frame?: ReasonFrame;
  /** The last "Send anyway" did not count: the page covered or faded the dialog. */
  covered?: boolean;
  /** Something of the page's took the typing focus from the reason box; it was given back (core/focus-keeper.ts). */
  focusTaken?: boolean | 'lost';
  /** A short message after the gate closed without sending (cancelled, or fixed and not sent). */
  toast?: string;
}

/** The panel's host element (entrypoints/content/index.tsx). */
const PANEL_HOST = 'policy-guard-ui';

/** How long a "not sent" message stays up, in ms. */
const TOAST_MS = 10_000;

/**
 * How long the reason frame has to load, and then to say so through the background, before the dialog draws
 * its own box instead, in ms. Generous: a slow machine must not lose the frame (or what is typed in it).
 */
const FRAME_LOAD_MS = 10_000;
const FRAME_READY_MS = 5_000;

/** The longest reason kept, in characters (the frame's box holds 500). */
const REASON_MAX = 500;

/** How long the dialog may take to appear once its code is here, in ms, before it is drawn again (or the send let go). */
const DIALOG_MS = 500;

/** A press held down longer than this (ms) is judged by the page as it is at the click alone. */
const PRESS_MS = 10_000;

/** The start of a press on a send control or point award (SendGate.onPress). */
interface Press {
  target: EventTarget | null;
  /** performance.now() when it began. */
  at: number;
  award?: ReturnType<typeof pointAwardOf>;
  control: HTMLElement;
  composer?: HTMLElement;
  /** Whether the teacher could see the control, and its composer (shownOnScreen), as it began. */
  seen: boolean;
  composerSeen: boolean;
}

export class SendGate {
  private state: GateState = IDLE;
  private readonly view: Store<GateView> = createStore<GateView>({});
  /** The element the held send was attempted on (a Post/Send control or an award button), by hold id. */
  private targets = new Map<number, HTMLElement>();
  /** For a send held at a press of the pointer or its release, the events of that press held (SendAttempt's `held`), to replay. */
  private released?: MouseEvent[];
  private interceptor?: SendInterceptor;
  private ui?: ShadowUi<HTMLElement>;
  private toastTimer?: number;
  /** "Apply all fixes" is editing the held draft. */
  private fixing = false;
  private keeper?: FocusKeeper;
  /** The one-time nonce in the held send's reason frame's URL, and how often that frame has loaded. */
  private frame?: { nonce: string; loads: number; ready: boolean };
  /** The hold the background was told of and has no outcome for yet (`run`, 'show'). */
  private opened?: { id: number; findings: Finding[] };
  /** A hold's id for the background: unique across this tab's pages and scripts (ids restart with each script). */
  private readonly script = Math.random().toString(36).slice(2, 10);
  private heldKey(id: number): string {
    return `${this.script}-${id}`;
  }
  /** Whether the frame's element has been drawn unobscured and unfaded in this document (clickjacking). */
  private frameVisibility?: VisibilityWatch;
  private frameEl?: HTMLIFrameElement;
  /** The teacher's last press on a send control or point award, as it was when it began (`onPress`). */
  private press?: Press;
  /** Each composer's text as the teacher's own typing last left it (`onTyped`). */
  private typed = new WeakMap<Element, string>();
  /**
   * The composer the teacher's typing (or a fix at their click) last left, and its text then (`onTyped`): a new
   * composer holding that text, once that one has left the page, is the same draft drawn again (React does on a
   * parent's re-render), and as much the teacher's (probe 14m finding 2). Held weakly: a composer gone from the
   * page and collected is gone all the same.
   */
  private last?: [WeakRef<Element>, string];
  /** What the teacher last typed into (`onTyped`), and the timer of the reading of it. */
  private typedInto: HTMLElement | undefined;
  private typedTimer: number | undefined;

  constructor(private f: FeatureContext) {}

  get ctx() {
    return this.f.ctx;
  }

  async start(): Promise<void> {
    const { ctx } = this.f;
    // As the early script installed it; only where that script did not run, from the parts loaded on request.
    const interceptor = installedInterceptor() ?? (await loadOnRequest(ctx))?.installInterceptor();
    if (!interceptor) return;
    this.interceptor = interceptor;
    const decide = (attempt: SendAttempt) => this.decide(attempt);
    // Read now: once cut off from the extension, its i18n can no longer be asked.
    const reloadWords = reloadNoticeWords();
    // The dialog's own root, mounted before any send can be held: if it cannot be made, nothing is held.
    this.ui = createShadowUi(ctx, {
      name: 'policy-guard-gate',
      // Closed and sealed (core/seal.ts): the page can neither read the held findings nor press "Send anyway",
      // and the keys of the reason typed here never reach its listeners.
      css: privateCss(styles),
      onMount: (container) => {
        render(<GateRoot gate={this} view={this.view} />, container);
        return container;
      },
      onRemove: (container) => {
        if (container) render(null, container);
      },
    });
    theSeal().add(this.ui.shadowHost, this.ui.shadow);
    this.ui.mount();
    interceptor.decide = decide;
    interceptor.pressed = (event) => this.onPress(event);
    // A fix at the teacher's click leaves the draft as theirs as their typing would (probe 14m finding 4).
    this.f.guard.edited = (composer) => this.onTyped(composer);
    // Heard through the seal, before any listener of the page's.
    ctx.onInvalidated(theSeal().watch((event) => event.type === 'beforeinput' && event.isTrusted && this.onTyped(event.target)));
    // The focus keeper comes with the dialog's parts, at the first held send (keepFor).
    ctx.onInvalidated(() => this.keeper?.stop());
    // The reason frame's words, passed on by the background (lib/ext/handler.ts). Only the background can
    // send these (a page cannot reach runtime messaging), and only a frame that knows the nonce can start one.
    const onRelay = (message: unknown, sender: { id?: string; tab?: unknown }) => {
      if (sender.id !== browser.runtime.id || sender.tab) return;
      const relay = message as GateReasonRelay | null;
      if (relay?.type === 'gate-reason-relay') this.onFrame(relay);
    };
    browser.runtime.onMessage.addListener(onRelay);
    ctx.onInvalidated(() => {
      // The browser's own object (no polyfill in content scripts) throws "Extension context invalidated"
      // when touched after the extension went away: the listener is gone with it anyway.
      try {
        browser.runtime.onMessage.removeListener(onRelay);
      } catch {
        // nothing to remove
      }
    });
    ctx.onInvalidated(() => {
      if (interceptor.decide === decide) interceptor.decide = interceptor.pressed = undefined;
      // Cut off while the dialog is up: the dialog goes (WXT removes our UI), the draft stays, and the reload
      // notice says that nothing was sent. The teacher's next Send goes through unchecked.
      if (this.state.kind === 'held') {
        this.dispatch({ type: 'orphaned' });
        showReloadNotice(document, reloadWords, { held: true });
      }
    });
    this.f.onPageChange(() => {
      // ClassDojo replaced <body>'s children, or a script moved the dialog into a box of its own (to hide it).
      if (this.ui && this.ui.shadowHost.parentElement !== document.body) this.ui.mount();
      this.observe();
    });
    ctx.addEventListener(window, 'hashchange', () => this.observe());
    ctx.addEventListener(window, 'popstate', () => this.observe());
  }

  /** The interceptor asks: hold this send? */
  private decide(attempt: SendAttempt): 'hold' | 'pass' {
    const { ctx, guard } = this.f;
    if (ctx.isInvalid || !guard.current.policy || !guard.teacherPage()) return 'pass';
    const found = this.serious(attempt);
    if (!found) return 'pass';
    const effects = this.dispatch({ type: 'hold', ...found.hold });
    if (!effects.some((e) => e.type === 'prevent')) return 'pass';
    const held = this.state.kind === 'held' ? this.state.held : undefined;
    if (held && found.target && !this.targets.has(held.id)) {
      this.targets.set(held.id, found.target);
      this.released = attempt.trigger === 'click' ? attempt.held : undefined;
    }
    return 'hold';
  }

  /**
   * The teacher typed (a trusted `beforeinput`: an editing command of the page's makes none) into what may be a
   * composer: its text, once the edit has landed (an editor may cancel the event and draw the text itself), is
   * the teacher's own, if they could see the box as they typed (seenWhileTyping). A draft still as the teacher left
   * it is theirs, held whatever the page does to how the composer looks afterwards (probe 14j: a sheet of 1% white,
   * a blend mode or a decoy box over it made it count as unseen).
   */
  private onTyped(target: EventTarget | null) {
    if (!(target instanceof HTMLElement) || !(target.isContentEditable || target.localName === 'textarea' || target.localName === 'input')) return;
    this.typedInto = target;
    if (this.typedTimer !== undefined) return; // one reading per burst of edits (a held key repeats)
    this.typedTimer = window.setTimeout(() => {
      this.typedTimer = undefined;
      const into = this.typedInto;
      const composer = findComposers(document).find((c) => c === into || c.contains(into!));
      // Typing into a box the teacher cannot see (the page focused a hidden composer of its own holding its
      // draft, and waited for a key) does not make its draft theirs: it is judged by how it looks, as any other.
      // (What was read before no longer matches the draft, so it makes nothing theirs either.)
      if (composer && seenWhileTyping(composer)) this.typed.set(composer, (this.last = [new WeakRef(composer), composerText(composer)])[1]);
    }, 0);
  }

  /** Whether `composer`'s draft is as the teacher's own typing left it (`onTyped`). */
  private teachers(composer: HTMLElement): boolean {
    const [was, last] = this.last ?? [];
    const text = this.typed.get(composer) ?? (was?.deref()?.isConnected ? undefined : last);
    return text !== undefined && text === composerText(composer);
  }

  /**
   * A press begins (before the page hears of it): if it is on a send control or a point award, what it is, its
   * composer, and whether the teacher could see the control, as they are now. The click that ends the press is
   * judged by this as well as by the page as it is then, so a page that takes the marks off Send or hides it for
   * the length of the press (probe 14i H1) changes nothing. The composer's visibility is judged at the click only
   * (see forComposer). Only a press on a control: any other costs one `closest` or two. Returns whether the
   * interceptor is to ask about the press as it begins.
   */
  private onPress(event: Event) {
    this.press = undefined;
    const target = event.target;
    const award = pointAwardOf(target);
    const control = award?.button ?? sendControlOf(target);
    if (!control) return;
    const composer = award ? undefined : composerForControl(control, document);
    this.press = { target, at: performance.now(), award, control, composer, seen: shownOnScreen(control), composerSeen: !!composer && shownOnScreen(composer) };
    // Truthy: the interceptor asks about the press now, as it begins (core/intercept.ts), where that alone can judge
    // it: an award, or the teacher's own draft (held however it looks). A page's draft must be seen at the press's
    // end too (forComposer): its press is asked about at its release, as the page may hide it only once it begins.
    return award || (composer && this.teachers(composer));
  }

  /**
   * The press this click (or key) ends: begun within PRESS_MS, and the click lands on the control it began on (a
   * press dragged off the control and let go elsewhere clicks their common ancestor, which sends nothing). Used once.
   */
  private pressOf(event: Event): Press | undefined {
    const press = this.press;
    // Asked about as the press began, it is asked about again at its release (core/intercept.ts): kept for that.
    if (!/down$/.test(event.type)) this.press = undefined;
    const target = event.target;
    if (!press || performance.now() - press.at > PRESS_MS || !(target instanceof Node)) return undefined;
    return press.control.contains(target) ? press : undefined;
  }

  /** The serious findings for this send attempt, or undefined if it is not a send or nothing is serious. */
  private serious(attempt: SendAttempt): { hold: Omit<Extract<GateEvent, { type: 'hold' }>, 'type'>; target?: HTMLElement } | undefined {
    const { guard } = this.f;
    const route = location.href;
    const holding = this.state.kind === 'held';
    if (attempt.trigger === 'click') {
      const press = this.pressOf(attempt.event);
      // The control seen when the press began, or now: see shownOnScreen.
      const seen = (el: HTMLElement) => (press?.control === el && press.seen) || shownOnScreen(el);
      const award = pointAwardOf(attempt.event.target) ?? press?.award;
      // A control no one can see is not the teacher sending (see shownOnScreen): it passes, unexamined.
      if (award && !seen(award.button)) return undefined;
      if (award) {
        if (holding) return { hold: { trigger: 'award', composerId: 0, route, draft: '', findings: [] } };
        const findings = guard.serious(guard.evaluate({ text: award.skill, channel: 'points', at: new Date(), points: award.weight }).findings);
        return findings.length ? { hold: { trigger: 'award', composerId: 0, route, draft: '', findings }, target: award.button } : undefined;
      }
      // The control as the press found it, if the page took its marks off since.
      const control = sendControlOf(attempt.event.target) ?? press?.control;
      if (!control || !seen(control)) return undefined;
      // The teacher's own draft beside this control first: a decoy box of the page's laid over it is not theirs.
      const composer = findComposers(document).find((c) => this.teachers(c) && sendControlFor(c) === control) || (press?.control === control && press.composer) || composerForControl(control, document);
      return this.forComposer(composer, 'click', control, press);
    }
    const target = attempt.event.target as HTMLElement | null;
    const composer = findComposers(document).find((c) => c === target || (target instanceof Node && c.contains(target)));
    if (!composer) return undefined;
    // Only chats send on Enter; in a post composer Enter is a new line.
    const { channel } = channelOf(parseDojoLocation(route), document);
    if (channel !== 'class-chat' && channel !== 'private-chat') return undefined;
    return this.forComposer(composer, 'enter', composer);
  }

  private forComposer(composer: HTMLElement | undefined, trigger: Trigger, target: HTMLElement, press?: Press) {
    const { guard } = this.f;
    if (!composer) return undefined;
    // The teacher's own draft is held however the page makes the composer look. Any other draft (the page's, or
    // one put there for the teacher) is held only if the teacher could see it, in ink they could read, both as
    // the press began and at the click: holding a draft no one can see would tell the page what the roster says
    // of the pupils it names (the one-bit oracle; probe 14j showed it shown only from the press to the click, or
    // only until the press, or written in clear ink).
    // (A composer the press did not find, or found hidden, was not seen as it began.)
    const seen = shownOnScreen(composer) && inkShown(composer) && (!press || (press.composer === composer && press.composerSeen));
    if (!this.teachers(composer) && !seen) return undefined;
    const composerId = guard.idOf(composer);
    if (this.state.kind === 'held') return { hold: { trigger, composerId, route: location.href, draft: '', findings: [] }, target };
    const draft = guard.draftFor(composer);
    if (!draft || (!draft.text.trim() && !draft.media)) return undefined;
    const findings = guard.serious(guard.evaluate(draft).findings);
    if (!findings.length) return undefined;
    return { hold: { trigger, composerId, route: location.href, draft: draft.text, findings }, target };
  }

  /** Navigation, a re-render, a changed draft: does the held send still stand? */
  observe() {
    // Our own "Apply all fixes" is changing the draft: that is not the teacher changing it.
    if (this.state.kind !== 'held' || this.fixing) return;
    const held = this.state.held;
    if (location.href !== held.route) {
      this.dispatch({ type: 'navigated', route: location.href });
      return;
    }
    if (held.trigger === 'award') return;
    const { guard } = this.f;
    let composer = guard.composerById(held.composerId);
    if (!composer) {
      // ClassDojo re-rendered the composer with the same draft (React does on a parent's re-render): it is
      // the same message in the same conversation, so the hold follows it.
      composer = findComposers(document).find((c) => composerText(c) === held.draft);
      if (composer) guard.rebind(composer, held.composerId);
    }
    this.dispatch({ type: 'observed', composerPresent: !!composer, draft: composer ? composerText(composer) : undefined });
  }

  /** Steps the machine and carries out its effects; returns them. */
  private dispatch(event: GateEvent): GateEffect[] {
    const result = step(this.state, event);
    this.state = result.state;
    for (const effect of result.effects) {
      try {
        this.run(effect);
      } catch (error) {
        console.debug('[Policy Guard] gate', error);
      }
    }
    return result.effects;
  }

  private run(effect: GateEffect) {
    const { ctx, guard } = this.f;
    switch (effect.type) {
      case 'prevent':
        return;
      case 'show': {
        this.view.set({ held: effect.held, frame: this.newFrame(effect.held), covered: false, focusTaken: false });
        // The background keeps the open hold (rules, channel, class; never the text) and records it as not
        // sent if this page goes first (navigation, the tab closed): this script may not live to say so.
        const findings = [...effect.held.findings, ...(effect.held.fixed ?? [])];
        this.opened = { id: effect.held.id, findings };
        guard.logHeld('abandoned', findings, undefined, effect.held.fixed, { held: this.heldKey(effect.held.id), hold: 'open' });
        // The dialog is drawn by the parts loaded on request (components/GateDialog.tsx, not needed for the first
        // panel): once they are here, if the dialog is not on the page within DIALOG_MS, put it back once. Still
        // not there within DIALOG_MS after that: if our own rendering failed (the host is on the page, the dialog
        // is not), let the send go (fail open); if the page keeps taking the host away, keep the send held and
        // say so outside the page's reach (a browser alert), since any toast of ours would go the same way. The
        // parts that cannot be had at all let the send go too (GateRoot's fallback).
        const id = effect.held.id;
        const stillHeld = () => this.state.kind === 'held' && this.state.held.id === id;
        const shownWithin = (then: () => void) => {
          const until = performance.now() + DIALOG_MS;
          const look = () => {
            if (!stillHeld() || this.dialogShown()) return;
            if (performance.now() < until) ctx.requestAnimationFrame(look);
            else then();
          };
          ctx.requestAnimationFrame(look);
        };
        void loadOnRequest(ctx).then((parts) => {
          if (!parts) return;
          shownWithin(() => {
            this.ui?.mount();
            shownWithin(() => {
              if (this.ui?.shadowHost.isConnected) this.dispatch({ type: 'failed' });
              else this.dispatch({ type: 'removed' });
            });
          });
        });
        return;
      }
      case 'close':
        // Closed with no outcome recorded (the send let go when our dialog failed): the background forgets it.
        if (this.opened) guard.logHeld('abandoned', this.opened.findings, undefined, undefined, { held: this.heldKey(this.opened.id), hold: 'drop' });
        this.opened = undefined;
        this.frame = undefined;
        this.view.update({ held: undefined, frame: undefined });
        return;
      case 'focus': {
        const composer = guard.composerById(effect.composerId);
        if (composer) focusComposer(composer);
        return;
      }
      case 'log':
        guard.logHeld(effect.kind, effect.findings, effect.reason, effect.fixed, { held: this.heldKey(effect.held) });
        if (this.opened?.id === effect.held) this.opened = undefined;
        return;
      case 'cancelled':
        // Orphaned: our UI is gone with the extension; the reload notice says it instead.
        if (effect.reason === 'removed') window.alert(t('gateCancelled_removed'));
        else if (effect.reason !== 'orphaned') this.toast(t(`gateCancelled_${effect.reason.replace('-', '_')}` as MessageKey));
        return;
      case 'replay':
        this.replay(effect.held);
        return;
    }
  }

  /**
   * A reason frame for a new hold, with a fresh nonce. If it has not loaded within FRAME_LOAD_MS (a browser
   * that will not frame it), no override is offered: never a text box of our own in the page.
   */
  private newFrame(held: HeldSend): ReasonFrame | undefined {
    this.frame = undefined;
    if (held.findings.some((f) => f.action === 'block')) return undefined;
    let src: string;
    try {
      src = browser.runtime.getURL(GATE_FRAME_PATH as '/gate-reason.html');
    } catch {
      return undefined;
    }
    const nonce = crypto.randomUUID();
    this.frame = { nonce, loads: 0, ready: false };
    this.f.ctx.setTimeout(() => {
      if (this.frame?.nonce === nonce && this.frame.loads === 0 && !this.frame.ready) this.frameFailed();
    }, FRAME_LOAD_MS);
    return { src: `${src}#${nonce}`, height: 130, failed: false };
  }

  /** The frame's element came or went (GateDialog's ref; one function, so a re-render does not restart the watch). */
  readonly frameRef = (el: HTMLIFrameElement | null) => this.frameElement(el);

  private frameElement(el: HTMLIFrameElement | null) {
    this.frameEl = el ?? undefined;
    this.frameVisibility?.stop();
    this.frameVisibility = el ? watchVisibility(el) : undefined;
  }

  /**
   * The frame loaded our page: first, or again because the page moved the dialog (the browser reloads a
   * moved frame; what was typed in it is gone, and the frame says it is ready again). The page cannot
   * navigate the frame elsewhere (it cannot reach it), so every load is ours. A frame that does not speak
   * within FRAME_READY_MS of a load cannot pass on "Send anyway": no override is offered.
   */
  frameLoaded() {
    if (!this.frame) return;
    this.frame.loads += 1;
    this.frame.ready = false;
    const { nonce, loads } = this.frame;
    this.f.ctx.setTimeout(() => {
      if (this.frame?.nonce === nonce && this.frame.loads === loads && !this.frame.ready) this.frameFailed();
    }, FRAME_READY_MS);
  }

  /** The frame cannot be used (it did not load, or did not speak, in time): no override is offered. */
  frameFailed() {
    this.frame = undefined;
    const frame = this.view.get().frame;
    if (frame) this.view.update({ frame: { ...frame, failed: true } });
  }

  /** What the held send's reason frame said (through the background). */
  private onFrame(relay: GateReasonRelay) {
    const frame = this.view.get().frame;
    if (!this.frame || relay.nonce !== this.frame.nonce || !frame || frame.failed) return;
    switch (relay.action) {
      case 'ready':
      case 'size':
        this.frame.ready = true;
        if (typeof relay.height === 'number' && relay.height > 0) this.view.update({ frame: { ...frame, height: Math.min(relay.height, 600) } });
        return;
      case 'escape':
        this.edit();
        return;
      case 'blurred':
        this.keeper?.frameBlurred();
        return;
      case 'send': {
        const reason = (relay.reason ?? '').slice(0, REASON_MAX);
        if (!reason.trim()) return;
        // The frame checked that its button was in plain view within the frame; this checks the frame within
        // the page (the page's styles can fade or hide our host, which the frame cannot see).
        if (this.frameVisibility && !this.frameVisibility.clickCounts()) {
          this.view.update({ covered: true });
          return;
        }
        this.view.update({ covered: false });
        this.sendAnyway(reason);
        return;
      }
    }
  }

  private dialogShown(): boolean {
    const host = this.ui?.shadowHost;
    return !!host?.isConnected && !!this.ui?.shadow.querySelector('[data-policy-guard="gate"]');
  }

  /** Repeats the held gesture on the held composer (or its live Send control), exactly once. */
  private replay(held: HeldSend) {
    const interceptor = this.interceptor;
    const original = this.targets.get(held.id);
    const released = this.released;
    this.targets.clear();
    this.released = undefined;
    if (!interceptor) return;
    const { guard } = this.f;
    const composer = held.trigger === 'award' ? undefined : guard.composerById(held.composerId);
    if (held.trigger !== 'enter') {
      const control = original?.isConnected ? original : composer ? sendControlFor(composer) : undefined;
      if (!control) return guard.sent();
      // Held at a press or its release: what the page did not get of it, replayed (core/intercept.ts); a click of
      // our making for a click held as it came.
      interceptor.replay(released ?? [], control);
    } else if (composer) {
      composer.focus({ preventScroll: true });
      const init = { key: 'Enter', code: 'Enter', keyCode: 13, which: 13, charCode: 0, bubbles: true, cancelable: true, composed: true, view: window };
      // The whole key press: apps send on keydown, keypress or keyup.
      const down = interceptor.dispatch(composer, new KeyboardEvent('keydown', init));
      const press = interceptor.dispatch(composer, new KeyboardEvent('keypress', { ...init, charCode: 13 }));
      interceptor.dispatch(composer, new KeyboardEvent('keyup', init));
      // A key press of our making submits no form: a one-line box in a form sends as the browser's Enter would.
      if (down && press && composer instanceof HTMLInputElement) composer.form?.requestSubmit();
    }
    guard.sent();
  }

  private toast(text: string) {
    window.clearTimeout(this.toastTimer);
    this.view.update({ toast: text });
    this.toastTimer = this.f.ctx.setTimeout(() => this.view.update({ toast: undefined }), TOAST_MS);
  }

  // ---- the dialog's actions ----

  edit() {
    this.dispatch({ type: 'edit' });
  }

  sendAnyway(reason: string) {
    this.observe(); // the draft or the conversation may have changed under the dialog
    this.dispatch({ type: 'send-anyway', reason });
  }

  async fixAll() {
    if (this.state.kind !== 'held') return;
    const held = this.state.held;
    const { guard } = this.f;
    const composer = guard.composerById(held.composerId);
    if (!composer) return this.observe();
    guard.use(composer);
    this.fixing = true;
    let outcome;
    try {
      outcome = await guard.applyFixes(held.findings, { log: false });
    } finally {
      this.fixing = false;
    }
    if (this.state.kind !== 'held' || this.state.held.id !== held.id) return;
    const draft = guard.draftFor(composer);
    const left = draft ? guard.serious(guard.evaluate(draft).findings) : [];
    this.dispatch({ type: 'fixed', draft: draft?.text ?? '', findings: left });
    if (outcome === 'failed') this.toast(t('fixFailed'));
    else if (outcome === 'stale') this.toast(t('fixStale'));
    else if (!left.length) this.toast(t('gateFixedNotSent'));
  }

  /** The dialog failed to render: let the send go. */
  failed() {
    this.dispatch({ type: 'failed' });
  }

  dismissToast() {
    this.view.update({ toast: undefined });
  }

  /**
   * Starts keeping the reason box's focus against the page (core/focus-keeper.ts), once: its code comes with the
   * dialog's, and it starts just before the dialog is first drawn, so its listeners hear the dialog's focus first.
   */
  keepFor(parts: OnRequestParts): void {
    if (this.keeper || !this.ui || this.f.ctx.isInvalid) return;
    this.keeper = parts.keepFocus({
      host: this.ui.shadowHost,
      root: this.ui.shadow,
      frame: () => this.frameEl,
      // Not while "Apply all fixes" edits the draft: it moves the focus to the composer itself.
      active: () => this.state.kind === 'held' && !!this.frameEl && !this.fixing,
      // Its backdrop covers the whole page: anything of the page's pressed is laid over the gate.
      modal: () => true,
      onTaken: (back) => this.view.update({ focusTaken: back || 'lost' }),
      watch: (listener) => theSeal().watch(listener),
    });
  }

  nextAllowed(held: HeldSend): string | undefined {
    const policy = this.f.guard.current.policy;
    const next = held.findings.find((f) => f.next)?.next;
    return next && policy ? localWhen(new Date(next), policy.timeZone) : undefined;
  }
}

function GateRoot(props: { gate: SendGate; view: Store<GateView> }) {
  const { gate } = props;
  const { held, toast, frame, covered, focusTaken } = useStore(props.view);
  // A modal dialog: while it is up, the panel behind it can be neither reached nor read out (aria-modal alone
  // leaves it in the accessibility tree).
  // Inside the panel's closed root, never on its host: an attribute on the host would tell a page watching
  // it that a send is being held.
  useEffect(() => {
    if (!held) return;
    const panel = theSeal().rootOf(PANEL_HOST)?.firstElementChild;
    panel?.setAttribute('inert', '');
    return () => panel?.removeAttribute('inert');
  }, [held]);
  return (
    <>
      {held && (
        <Boundary name="send-gate" onError={() => gate.failed()} key={held.id}>
          <OnRequest
            ctx={gate.ctx}
            fallback={<Failed gate={gate} />}
            show={(parts, into) => {
              gate.keepFor(parts);
              parts.showGateDialog(into, {
                findings: held.findings,
                kind: held.trigger === 'award' ? 'award' : 'send',
                nextAllowed: gate.nextAllowed(held),
                onEdit: () => gate.edit(),
                onFixAll: () => void gate.fixAll(),
                reasonFrame: frame,
                onFrameLoad: () => gate.frameLoaded(),
                frameRef: gate.frameRef,
                covered,
                focusTaken,
              });
            }}
          />
        </Boundary>
      )}
      {toast && <Toast text={toast} onDismiss={() => gate.dismissToast()} />}
    </>
  );
}

/** The dialog's code could not be had (the extension was updated under the page): the send is let go, as when the dialog fails. */
function Failed(props: { gate: SendGate }) {
  useEffect(() => props.gate.failed(), []);
  return null;
}

function Toast(props: { text: string; onDismiss: () => void }) {
  return (
    <div class="pg-toast" role="status" data-policy-guard="gate-toast">
      <p class="pg-line">{props.text}</p>
      <button type="button" class="pg-link" onClick={props.onDismiss}>
        {t('gateDismiss')}
      </button>
    </div>
  );
}

export const sendGate: Feature = {
  name: 'send-gate',
  init(f) {
    // Teachers' app only: a parent's message is never held (nor its page given a dialog root or listeners).
    if (f.page.get().route.app !== 'teach') return;
    // The dialog's root is made once the panel is up (it shows only when a send is held); the policy is
    // asked for after it, so no send can need holding before the gate is there.
    f.afterFirstPanel(() => void new SendGate(f).start().catch((error) => console.debug('[Policy Guard] send-gate did not start', error)));
  },
};

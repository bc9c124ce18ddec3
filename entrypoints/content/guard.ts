/**
 * The live checker and the send gate, for one page. Pure checking lives in lib/rules; this file only
 * watches the page and decides when to check and when to hold a send.
 *
 * Safety rules, in order: never change or drop the teacher's draft without their click; never hold a
 * send because of our own failure (every handler fails open); after an override, the original send
 * happens exactly once.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { calendarFromDates } from '../../lib/calendar/bank-holidays-lite';
import { channelOf, composerExtras, composerForControl, composerText, findComposers, pointAwardOf, sendControlFor, sendControlOf } from '../../lib/dojo/page';
import { parseDojoLocation } from '../../lib/dojo/routes';
import type { Channel, Policy } from '../../lib/policy/schema';
import { checkDraftDetailed } from '../../lib/rules/index';
import type { Draft, Finding, HolidayCalendar, Pupil } from '../../lib/rules/types';

export interface GuardState {
  policy: Policy | null;
  channel: Channel;
  channelKnown: boolean;
  /** Findings for the active composer, minus those ignored. */
  findings: Finding[];
  /** Rules that failed to run: that part of the guidance is unavailable. */
  unavailable: string[];
  rosterSize: number;
  /** False when the composer is not one we recognise: tagged pupils and attached photos cannot be seen. */
  extrasKnown?: boolean;
  /** A send being held for the teacher's decision. */
  gate?: { findings: Finding[]; kind: 'send' | 'award' };
  /** Milliseconds from the last input event to this result (for the panel's own timing, in tests). */
  latencyMs?: number;
}

type Pending = { kind: 'click'; control: HTMLElement } | { kind: 'enter'; composer: HTMLElement } | { kind: 'award'; button: HTMLElement };

const DEBOUNCE_MS = 120;

export class Guard {
  private state: GuardState = { policy: null, channel: 'class-chat', channelKnown: false, findings: [], unavailable: [], rosterSize: 0 };
  private listeners = new Set<(s: GuardState) => void>();
  private roster: Pupil[] = [];
  private calendar?: HolidayCalendar;
  private active?: HTMLElement;
  private lastKey = '';
  private timer?: number;
  private inputAt = 0;
  private composing = false;
  private pending?: Pending;
  /** One-shot permission for the next send, used to replay the teacher's own send after an override. */
  private allowNext = false;
  /** "Ignore for this post": rule + words, cleared when the post is sent or emptied. */
  private ignoredForPost = new Set<string>();
  private ignoredAlways = new Set<string>();
  private lastDraft?: Draft;

  constructor(private ctx: ContentScriptContext) {}

  /** The checker's policy, roster and calendar, for the spot-check. */
  context(): { policy: Policy | null; roster: Pupil[]; calendar?: HolidayCalendar } {
    return { policy: this.state.policy, roster: this.roster, calendar: this.calendar };
  }

  channel(): Channel {
    return this.state.channel;
  }

  subscribe(cb: (s: GuardState) => void): () => void {
    this.listeners.add(cb);
    cb(this.state);
    return () => this.listeners.delete(cb);
  }

  private set(patch: Partial<GuardState>) {
    this.state = { ...this.state, ...patch };
    for (const cb of this.listeners) cb(this.state);
  }

  configure(policy: Policy | null, bankHolidays: string[], roster: Pupil[], ignoredAlways: { rule: string; text: string }[]) {
    this.roster = roster;
    this.calendar = calendarFromDates(bankHolidays);
    this.ignoredAlways = new Set(ignoredAlways.map((i) => `${i.rule}:${i.text.toLowerCase()}`));
    this.lastKey = '';
    this.set({ policy, rosterSize: roster.length });
    this.schedule(0);
  }

  start() {
    const { ctx } = this;
    ctx.addEventListener(document, 'input', (e) => this.onInput(e), { capture: true });
    ctx.addEventListener(document, 'focusin', (e) => this.onFocus(e), { capture: true });
    ctx.addEventListener(document, 'compositionstart', () => (this.composing = true), { capture: true });
    ctx.addEventListener(document, 'compositionend', () => {
      this.composing = false;
      this.schedule(0);
    }, { capture: true });
    // Capture phase on window: we see the click and the key before ClassDojo's own handlers do.
    ctx.addEventListener(window, 'click', (e) => this.onClick(e), { capture: true });
    ctx.addEventListener(window, 'keydown', (e) => this.onKeydown(e), { capture: true });
  }

  /** The page changed (navigation, re-render): find the composer again and re-check. */
  refresh() {
    if (this.active && !this.active.isConnected) this.active = undefined;
    this.active ??= findComposers(document)[0];
    this.schedule(0);
  }

  private onFocus(e: Event) {
    if (this.ctx.isInvalid) return; // updated or disabled: WXT removes this script's listeners and UI
    const target = e.target as HTMLElement;
    if (findComposers(document).includes(target)) {
      this.active = target;
      this.schedule(0);
    }
  }

  private onInput(e: Event) {
    if (this.ctx.isInvalid || (e as InputEvent).isComposing) return; // IME: wait for compositionend
    const target = e.target as HTMLElement;
    if (!findComposers(document).includes(target)) return;
    this.active = target;
    this.inputAt = performance.now();
    this.schedule(DEBOUNCE_MS);
  }

  private schedule(delay: number) {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = this.ctx.setTimeout(() => {
      this.timer = undefined;
      this.check();
    }, delay);
  }

  private draftFor(composer: HTMLElement | undefined, at = new Date()): Draft | undefined {
    const route = parseDojoLocation(location.href);
    const { channel, known } = channelOf(route, document);
    if (this.state.channel !== channel || this.state.channelKnown !== known) this.set({ channel, channelKnown: known });
    if (!composer) return undefined;
    const extras = composerExtras(composer);
    if (this.state.extrasKnown !== extras.known) this.set({ extrasKnown: extras.known });
    return { text: composerText(composer), channel, at, tagged: extras.tagged, media: extras.media };
  }

  private visible(findings: Finding[], text: string): Finding[] {
    return findings.filter((f) => {
      const key = `${f.rule}:${text.slice(f.start, f.end).toLowerCase()}`;
      return !this.ignoredForPost.has(key) && !this.ignoredAlways.has(key);
    });
  }

  private evaluate(draft: Draft): { findings: Finding[]; unavailable: string[] } {
    const policy = this.state.policy;
    if (!policy) return { findings: [], unavailable: [] };
    const result = checkDraftDetailed(draft, { policy, roster: this.roster, calendar: this.calendar });
    return { findings: this.visible(result.findings, draft.text), unavailable: result.errors.map((e) => e.rule) };
  }

  /** Checks the active composer, skipping work when nothing that matters has changed. */
  check() {
    if (this.composing || !this.teacherPage()) return;
    try {
      const draft = this.draftFor(this.active);
      if (!draft || !this.state.policy) {
        if (this.state.findings.length) this.set({ findings: [] });
        return;
      }
      // The minute matters for out-of-hours; the text, tags and media for everything else.
      const key = JSON.stringify([draft.text, draft.channel, draft.tagged, draft.media, Math.floor(Date.now() / 60_000), this.ignoredForPost.size, this.state.policy.id]);
      if (key === this.lastKey) return;
      this.lastKey = key;
      if (!draft.text.trim() && !draft.media) this.ignoredForPost.clear();
      this.lastDraft = draft;
      const { findings, unavailable } = this.evaluate(draft);
      this.set({ findings, unavailable, latencyMs: this.inputAt ? performance.now() - this.inputAt : undefined });
    } catch {
      this.set({ findings: [], unavailable: ['checker'] }); // never thrown into the page
    }
  }

  /** Findings that hold a send: the policy's action is confirm or block. */
  private serious(findings: Finding[]): Finding[] {
    return findings.filter((f) => f.action === 'confirm' || f.action === 'block');
  }

  /** The teachers' checks are for teach.classdojo.com only: a parent's message is never held. */
  private teacherPage(): boolean {
    return parseDojoLocation(location.href).app === 'teach';
  }

  private onClick(e: MouseEvent) {
    try {
      // An orphaned script (the extension was updated, disabled or crashed) must never hold a send.
      if (this.ctx.isInvalid) return;
      if (this.allowNext) {
        this.allowNext = false;
        return;
      }
      if (!this.state.policy || !this.teacherPage()) return;
      const award = pointAwardOf(e.target);
      if (award) {
        const findings = this.serious(this.evaluate({ text: award.skill, channel: 'points', at: new Date(), points: award.weight }).findings);
        if (findings.length) this.hold(e, { kind: 'award', button: award.button }, findings, 'award');
        return;
      }
      const control = sendControlOf(e.target);
      if (!control) return;
      const composer = composerForControl(control, document);
      const draft = this.draftFor(composer);
      if (!draft || (!draft.text.trim() && !draft.media)) return;
      const findings = this.serious(this.evaluate(draft).findings);
      if (findings.length) this.hold(e, { kind: 'click', control }, findings, 'send');
    } catch {
      // Fail open: the teacher can always send.
    }
  }

  private onKeydown(e: KeyboardEvent) {
    try {
      if (this.ctx.isInvalid) return;
      if (e.key !== 'Enter' || e.shiftKey || e.isComposing || e.keyCode === 229 || !this.teacherPage()) return;
      const target = e.target as HTMLElement;
      if (!findComposers(document).includes(target)) return;
      if (this.allowNext) {
        this.allowNext = false;
        return;
      }
      // Only chats send on Enter; in a post composer Enter is a new line.
      const { channel } = channelOf(parseDojoLocation(location.href), document);
      if (channel !== 'class-chat' && channel !== 'private-chat') return;
      const draft = this.draftFor(target);
      if (!draft || !draft.text.trim() || !this.state.policy) return;
      const findings = this.serious(this.evaluate(draft).findings);
      if (findings.length) this.hold(e, { kind: 'enter', composer: target }, findings, 'send');
    } catch {
      // Fail open.
    }
  }

  private hold(e: Event, pending: Pending, findings: Finding[], kind: 'send' | 'award') {
    e.preventDefault();
    e.stopImmediatePropagation();
    this.pending = pending;
    this.set({ gate: { findings, kind } });
  }

  /** Go back and edit: the draft is untouched. */
  cancel() {
    for (const f of this.state.gate?.findings ?? []) this.log('cancelled', f);
    this.pending = undefined;
    this.set({ gate: undefined });
    this.active?.focus();
  }

  /** Send anyway, with the teacher's reason (only when nothing in the gate is a block). */
  sendAnyway(reason: string) {
    const gate = this.state.gate;
    const pending = this.pending;
    if (!gate || !pending || gate.findings.some((f) => f.action === 'block') || !reason.trim()) return;
    for (const f of gate.findings) this.log('override', f, reason.trim());
    this.pending = undefined;
    this.set({ gate: undefined });
    this.replay(pending);
  }

  private replay(pending: Pending) {
    // ClassDojo may have re-rendered the composer while the dialog was open: replay on the live control,
    // or the teacher's "Send anyway" would click a detached button and nothing would be sent.
    const composer = this.active?.isConnected ? this.active : findComposers(document)[0];
    const control = pending.kind === 'click' && !pending.control.isConnected && composer ? sendControlFor(composer) : undefined;
    this.allowNext = true;
    try {
      if (pending.kind === 'click') (control ?? pending.control).click();
      else if (pending.kind === 'award') pending.button.click();
      else (pending.composer.isConnected ? pending.composer : (composer ?? pending.composer)).dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true, cancelable: true }));
    } finally {
      // If the replay never reached our listener, do not leave the door open for a later send.
      this.allowNext = false;
    }
    this.ignoredForPost.clear();
  }

  /** Applies one finding's fix to the draft, through input events so ClassDojo's state sees it. */
  applyFix(finding: Finding): boolean {
    const composer = this.active;
    if (!composer || finding.fix === undefined) return false;
    const text = composerText(composer);
    const expected = this.lastDraft?.text.slice(finding.start, finding.end);
    // The text changed since the check: refuse rather than edit the wrong words.
    if (text.slice(finding.start, finding.end) !== expected) return false;
    replaceText(composer, finding.start, finding.end, finding.fix);
    this.log('fix', finding);
    this.lastKey = '';
    this.check();
    return true;
  }

  /** Applies every fix, last first so earlier offsets stay right. */
  applyAllFixes(findings: Finding[]) {
    const fixable = findings.filter((f) => f.fix !== undefined).sort((a, b) => b.start - a.start);
    for (const f of fixable) this.applyFix(f);
    const gate = this.state.gate;
    if (gate) {
      const draft = this.draftFor(this.active);
      const left = draft ? this.serious(this.evaluate(draft).findings) : [];
      this.set({ gate: left.length ? { ...gate, findings: left } : undefined });
      if (!left.length) this.pending = undefined;
    }
  }

  ignore(finding: Finding, scope: 'post' | 'always'): { rule: string; text: string } | undefined {
    const text = (this.lastDraft?.text ?? '').slice(finding.start, finding.end);
    const key = `${finding.rule}:${text.toLowerCase()}`;
    this.log('ignore', finding);
    if (scope === 'post') this.ignoredForPost.add(key);
    else this.ignoredAlways.add(key);
    this.lastKey = '';
    this.check();
    return scope === 'always' ? { rule: finding.rule, text } : undefined;
  }

  /** Set by the App: sends the event to the background (rule, channel, time, reason: never the text). */
  onLog?: (kind: 'override' | 'fix' | 'ignore' | 'cancelled', finding: Finding, reason?: string) => void;
  private log(kind: 'override' | 'fix' | 'ignore' | 'cancelled', finding: Finding, reason?: string) {
    try {
      this.onLog?.(kind, finding, reason);
    } catch {
      // Logging never stands in the way.
    }
  }
}

/** Replaces [start, end) of a composer's text as a user edit would, so the host framework notices. */
export function replaceText(composer: HTMLElement, start: number, end: number, replacement: string) {
  if (composer instanceof HTMLTextAreaElement || composer instanceof HTMLInputElement) {
    const value = composer.value;
    const next = value.slice(0, start) + replacement + value.slice(end);
    const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(composer), 'value')?.set;
    if (setter) setter.call(composer, next);
    else composer.value = next;
    composer.dispatchEvent(new Event('input', { bubbles: true }));
    const caret = start + replacement.length;
    composer.setSelectionRange(caret, caret);
    return;
  }
  // contenteditable: select the span's characters and type over them.
  const range = rangeForOffsets(composer, start, end);
  if (!range) return;
  const selection = composer.ownerDocument.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  composer.focus();
  if (!composer.ownerDocument.execCommand('insertText', false, replacement)) {
    range.deleteContents();
    range.insertNode(composer.ownerDocument.createTextNode(replacement));
    composer.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertReplacementText', data: replacement }));
  }
}

export function rangeForOffsets(root: HTMLElement, start: number, end: number): Range | undefined {
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const range = root.ownerDocument.createRange();
  let offset = 0;
  let startSet = false;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = node.textContent?.length ?? 0;
    if (!startSet && start <= offset + length) {
      range.setStart(node, start - offset);
      startSet = true;
    }
    if (startSet && end <= offset + length) {
      range.setEnd(node, end - offset);
      return range;
    }
    offset += length;
  }
  return undefined;
}

/**
 * The live checker, for one page: which composer is active, what it holds (through the one text model,
 * lib/dojo/text-model.ts), the findings for it, and the teacher's fixes and ignores. Pure checking lives in
 * lib/rules; holding a send is the send-gate feature's (features/send-gate.tsx), which asks this class.
 *
 * Safety rules: never change the teacher's draft without their click, and then only if the draft is still
 * exactly the one that was checked; never throw into the page.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { calendarFromDates } from '../../lib/calendar/bank-holidays-lite';
import type { EditOutcome } from '../../lib/dojo/edit';
import { channelOf, composerExtras, composerText, findComposers } from '../../lib/dojo/page';
import { parseDojoLocation } from '../../lib/dojo/routes';
import { loadOnRequest } from './core/on-request';
import type { Channel, Policy } from '../../lib/policy/schema';
import { checkDraftDetailed } from '../../lib/rules/index';
import type { Draft, Finding, HolidayCalendar, Pupil } from '../../lib/rules/types';

export interface GuardState {
  policy: Policy | null;
  channel: Channel;
  channelKnown: boolean;
  /** Findings for the active composer, minus those ignored; none for the hours while it is empty (Guard.check). */
  findings: Finding[];
  /** Rules that failed to run: that part of the guidance is unavailable. */
  unavailable: string[];
  rosterSize: number;
  /**
   * How many pupils the class has as ClassDojo's page counted them (its pupil tiles, now or when last seen):
   * who sees a Class Story post. Undefined when the page never showed them: "every family in the class".
   */
  pupilCount?: number;
  /** False when the composer is not one we recognise: tagged pupils and attached photos cannot be seen. */
  extrasKnown?: boolean;
  /** What became of the teacher's last fix: said in the panel when it is not "applied". */
  fixOutcome?: Exclude<EditOutcome, 'applied'>;
  /** Milliseconds from the last input event to this result (for the panel's own timing, in tests). */
  latencyMs?: number;
  /** The last check's own main-thread time, in milliseconds: reading the draft and checking it (`npm run bench`). */
  checkMs?: number;
}

/** A held send's id for the background, and whether this message opens or drops it (else: its outcome). */
export type HeldMark = { held: string; hold?: 'open' | 'drop' };
export type LogKind = 'override' | 'fix' | 'ignore' | 'cancelled' | 'abandoned';

/** The quiet time after the last keystroke before the panel shows the check of what was typed. */
const DEBOUNCE_MS = 120;
/**
 * The check starts this much before the debounce ends, so its result is drawn when the debounce ends rather
 * after it: a 600-character check takes 1.4–1.5 ms p95, the panel's render about 1 ms, and a timer fires
 * about 1 ms late in Chromium (`npm run bench`). A keystroke within these last 4 ms still restarts it.
 */
const CHECK_LEAD_MS = 4;

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
  /** A keystroke's debounced check is pending (see `refresh`). */
  private typing = false;
  /** "Ignore for this post": rule + words, cleared when the post is sent or emptied. */
  private ignoredForPost = new Set<string>();
  private ignoredAlways = new Set<string>();
  /** The draft the current findings were computed for: a fix applies only to exactly this text. */
  private lastDraft?: Draft;
  /** The draft a fix's "stale" or "failed" outcome was said for. */
  private outcomeText?: string;
  /** Handles for composers, so a held send can name its composer without keeping the element alive. */
  private ids = new WeakMap<HTMLElement, number>();
  private nextId = 1;

  constructor(private ctx: ContentScriptContext) {}

  /** The checker's policy, roster and calendar, for the spot-check. */
  context(): { policy: Policy | null; roster: Pupil[]; calendar?: HolidayCalendar } {
    return { policy: this.state.policy, roster: this.roster, calendar: this.calendar };
  }

  get current(): GuardState {
    return this.state;
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
    for (const cb of [...this.listeners]) {
      try {
        cb(this.state);
      } catch (error) {
        console.debug('[Policy Guard]', error);
      }
    }
  }

  /** The class's size as the page showed it (its pupil tiles); undefined when not known. */
  setPupilCount(count: number | undefined) {
    const n = typeof count === 'number' && Number.isInteger(count) && count > 0 ? count : undefined;
    if (n !== this.state.pupilCount) this.set({ pupilCount: n });
  }

  configure(policy: Policy | null, bankHolidays: string[], roster: Pupil[], ignoredAlways: { rule: string; text: string }[]) {
    this.roster = roster;
    this.calendar = calendarFromDates(bankHolidays);
    this.ignoredAlways = ignoredSet(ignoredAlways);
    this.lastKey = '';
    this.set({ policy, rosterSize: roster.length });
    this.schedule(0);
    // While the page is idle, a few checks of a made-up post index this roster and let the engine optimise
    // the rules' code (it does so for what has run a few times): otherwise the teacher's first keystrokes
    // pay for it, 2–3 ms each in Chromium (`npm run bench`, the check's p95). Only while the idle period lasts.
    if (policy) {
      // About as long as a post (600 characters): the engine optimises loops by how often they have run.
      const text = roster.slice(0, 3).map((p) => `${p.first} ${p.last} had asthma. `).join('').padEnd(600, 'Off sick, she was. ');
      const warm = (deadline?: IdleDeadline) => {
        for (let i = 0; i < 6 && this.roster === roster && this.state.policy === policy; i++) {
          this.evaluate({ text, channel: 'class-story', at: new Date(), tagged: [], media: 1 });
          if (!deadline || deadline.timeRemaining() < 4) return;
        }
      };
      this.ctx.requestIdleCallback(warm, { timeout: 2_000 });
    }
  }

  start() {
    const { ctx } = this;
    // Any of the three starts the debounce: 'input' for a textarea; 'beforeinput' for editors that cancel it
    // and draw the change themselves (Draft.js: no 'input' follows); 'keydown' for keys an editor handles
    // before any input event (Draft.js's Backspace and Enter).
    for (const type of ['beforeinput', 'input', 'keydown'] as const) ctx.addEventListener(document, type, (e) => this.onInput(e), { capture: true });
    ctx.addEventListener(document, 'focusin', (e) => this.onFocus(e), { capture: true });
    ctx.addEventListener(document, 'compositionstart', () => (this.composing = true), { capture: true });
    ctx.addEventListener(document, 'compositionend', () => {
      this.composing = false;
      this.schedule(0);
    }, { capture: true });
  }

  /**
   * The page changed (navigation, re-render, or an editor redrawing its own text): find the composer again
   * and re-check. While a keystroke's debounce is pending it stands: a rich-text editor changes the DOM on
   * every keystroke, and checking at each of those frames would undo the debounce (a check per keystroke).
   * The pending check reads the page afresh when it runs.
   */
  refresh() {
    if (this.active && !this.active.isConnected) this.active = undefined;
    this.active ??= findComposers(document)[0];
    if (this.timer !== undefined && this.typing) return;
    this.schedule(0);
  }

  /** The composer being written in, if any. */
  activeComposer(): HTMLElement | undefined {
    return this.active?.isConnected ? this.active : undefined;
  }

  /** Makes this composer the active one and checks it now (before fixing it from the gate). */
  use(composer: HTMLElement) {
    this.active = composer;
    this.recheck();
  }

  /** A stable handle for a composer element (see `composerById`). */
  idOf(composer: HTMLElement): number {
    let id = this.ids.get(composer);
    if (id === undefined) {
      id = this.nextId++;
      this.ids.set(composer, id);
    }
    return id;
  }

  /** The connected composer with this handle, if it is still on the page. */
  composerById(id: number): HTMLElement | undefined {
    return findComposers(document).find((c) => this.ids.get(c) === id);
  }

  /** Gives a composer the handle of the one it replaced (ClassDojo re-rendered it with the same draft). */
  rebind(composer: HTMLElement, id: number) {
    this.ids.set(composer, id);
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
    // Keys pressed outside any text box (shortcuts, the page's own search) are none of ours: no search of the
    // page for them. A composer is a textarea, an input or inside an editable element.
    if (!target.closest?.('textarea,input,[contenteditable]')) return;
    // The composer being typed in is almost always the active one: no search of the page on each keystroke.
    const active = this.active;
    const composer = active?.isConnected && (active === target || active.contains(target)) ? active : findComposers(document).find((c) => c === target || c.contains(target));
    if (!composer) return;
    this.active = composer;
    // The debounce runs from when the keystroke happened, not from when this listener got to it.
    const now = performance.now();
    const at = e.timeStamp > 0 && e.timeStamp <= now ? e.timeStamp : now;
    this.inputAt = at;
    this.schedule(Math.max(0, DEBOUNCE_MS - CHECK_LEAD_MS - (now - at)));
  }

  private schedule(delay: number) {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.typing = delay > 0;
    this.timer = this.ctx.setTimeout(() => {
      this.timer = undefined;
      this.typing = false;
      this.check();
    }, delay);
  }

  /** The draft in a composer as the checker sees it, with the channel the page says it goes to. */
  draftFor(composer: HTMLElement | undefined, at = new Date()): Draft | undefined {
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
      // A block is the school's "must not go": it cannot be ignored, for this post or always.
      if (f.action === 'block') return true;
      const key = `${f.rule}:${text.slice(f.start, f.end).toLowerCase()}`;
      return !this.ignoredForPost.has(key) && !this.ignoredAlways.has(key);
    });
  }

  /** The findings for a draft under the current policy, minus what the teacher ignored. */
  evaluate(draft: Draft): { findings: Finding[]; unavailable: string[] } {
    const policy = this.state.policy;
    if (!policy) return { findings: [], unavailable: [] };
    const result = checkDraftDetailed(draft, { policy, roster: this.roster, calendar: this.calendar });
    return { findings: this.visible(result.findings, draft.text), unavailable: result.errors.map((e) => e.rule) };
  }

  /** Findings that hold a send: the policy's action is confirm or block. */
  serious(findings: Finding[]): Finding[] {
    return findings.filter((f) => f.action === 'confirm' || f.action === 'block');
  }

  /** Checks the active composer, skipping work when nothing that matters has changed. */
  check() {
    if (this.composing || !this.teacherPage()) return;
    const started = performance.now();
    try {
      const draft = this.draftFor(this.activeComposer());
      if (!draft || !this.state.policy) {
        if (this.state.findings.length) this.set({ findings: [] });
        return;
      }
      // The minute matters for out-of-hours; the text, tags and media for everything else.
      const key = JSON.stringify([draft.text, draft.channel, draft.tagged, draft.media, Math.floor(Date.now() / 60_000), this.ignoredForPost.size, this.state.policy.id]);
      if (key === this.lastKey) return;
      this.lastKey = key;
      const empty = !draft.text.trim() && !draft.media;
      if (empty) this.ignoredForPost.clear();
      this.lastDraft = draft;
      const checked = this.evaluate(draft);
      const { unavailable } = checked;
      // Nothing typed or attached yet: no out-of-hours finding, in the panel or on its badge. The teacher has
      // written nothing to time, and it sat above a parent's message that mattered more. A send is still held
      // out of hours: the send gate checks the draft itself at Send (features/send-gate.tsx, `evaluate`), and
      // the finding is back with the first character typed.
      const findings = empty ? checked.findings.filter((f) => f.rule !== 'out-of-hours') : checked.findings;
      // A fix's outcome stays said until the teacher changes the draft.
      const fixOutcome = draft.text === this.outcomeText ? this.state.fixOutcome : undefined;
      const now = performance.now();
      this.set({ findings, unavailable, fixOutcome, latencyMs: this.inputAt ? now - this.inputAt : undefined, checkMs: now - started });
    } catch {
      this.set({ findings: [], unavailable: ['checker'] }); // never thrown into the page
    }
  }

  /** Checks again now, whatever the cache says (after a fix, or when a fix found the draft changed). */
  recheck() {
    this.lastKey = '';
    this.check();
  }

  /** The teachers' checks are for teach.classdojo.com only: a parent's message is never held. */
  teacherPage(): boolean {
    return parseDojoLocation(location.href).app === 'teach';
  }

  /**
   * Applies fixes to the active composer, as typing would, only if its whole draft is still the one the
   * findings were computed for. `stale` re-checks at once, so the panel shows the findings for what is
   * there now; nothing is changed.
   */
  async applyFixes(findings: Finding[], options: { log?: boolean } = {}): Promise<EditOutcome> {
    const composer = this.activeComposer();
    const checked = this.lastDraft?.text;
    const fixable = findings.filter((f) => f.fix !== undefined);
    let outcome: EditOutcome = 'stale';
    if (composer && checked !== undefined && fixable.length > 0) {
      try {
        // The edit itself is drawn from the parts loaded on request (core/on-request.tsx): it is needed only at a
        // teacher's click, not on every ClassDojo page. Where they cannot be had, nothing is changed.
        const parts = await loadOnRequest(this.ctx);
        outcome = !parts ? 'failed' : await parts.replaceSpans(
          composer,
          checked,
          fixable.map((f) => ({ start: f.start, end: f.end, text: f.fix! })),
        );
      } catch {
        outcome = 'failed';
      }
    }
    // An edit at the teacher's click: the draft stays as much theirs as it was (the send gate's `onTyped`).
    if (outcome === 'applied') this.edited?.(composer!);
    // The send gate records its own fixes as one held send (logHeld): not each finding again.
    if (outcome === 'applied' && options.log !== false) for (const f of fixable) this.log('fix', f);
    this.recheck();
    this.outcomeText = outcome === 'applied' ? undefined : this.lastDraft?.text;
    this.set({ fixOutcome: outcome === 'applied' ? undefined : outcome });
    return outcome;
  }

  applyFix(finding: Finding): Promise<EditOutcome> {
    return this.applyFixes([finding]);
  }

  /**
   * "Ignore for this post" or "Always ignore". Refused for a `block` finding (the school's "must not go").
   * Returns what to store for "always".
   */
  ignore(finding: Finding, scope: 'post' | 'always'): { rule: string; text: string } | undefined {
    if (finding.action === 'block') return undefined;
    const text = (this.lastDraft?.text ?? '').slice(finding.start, finding.end);
    const key = `${finding.rule}:${text.toLowerCase()}`;
    this.log('ignore', finding);
    if (scope === 'post') this.ignoredForPost.add(key);
    else this.ignoredAlways.add(key);
    this.recheck();
    return scope === 'always' ? { rule: finding.rule, text } : undefined;
  }

  /**
   * The stored "always ignore" list changed (here, in another tab, or in the settings): the running checker
   * takes it as it is, with no new policy (one policy path: the policy is the background's; this list is the
   * teacher's own). Checks again only when the list is not the one it holds.
   */
  setIgnoredAlways(list: { rule: string; text: string }[]) {
    const next = ignoredSet(list);
    if (next.size === this.ignoredAlways.size && [...next].every((k) => this.ignoredAlways.has(k))) return;
    this.ignoredAlways = next;
    this.lastKey = '';
    this.recheck();
  }

  /** A post went: what was ignored for it is forgotten. */
  sent() {
    this.ignoredForPost.clear();
  }

  /** Told of each edit of Policy Guard's own made at the teacher's click (a fix), after it landed: the send gate's. */
  edited?: (composer: HTMLElement) => void;
  /**
   * Set by the composition root: sends the event to the background (rule, channel, class, time, reason:
   * never the text). `rules` is there for a held send: one event for the send, every rule it was held for.
   * `channel` is where the finding was found (its own `data.channel`), not where the page is by the time.
   */
  onLog?: (event: { kind: LogKind; rule: Finding['rule']; rules?: Finding['rule'][]; fixed?: Finding['rule'][]; reason?: string; channel?: Channel }, held?: HeldMark) => void;
  log(kind: LogKind, finding: Finding, reason?: string) {
    try {
      this.onLog?.({ kind, rule: finding.rule, ...(reason ? { reason } : {}), ...foundIn(finding) });
    } catch {
      // Logging never stands in the way.
    }
  }

  /**
   * What became of one held send: one event, with every rule it was held for (most serious first) and, in
   * `fixed`, those "Apply all fixes" cleared before the outcome. `held` names the hold (lib/ext/held-pending.ts):
   * its opening (`hold: 'open'`, kept by the background and recorded as not sent if the page goes before an
   * outcome), its outcome, or its release unrecorded (`hold: 'drop'`).
   */
  logHeld(kind: LogKind, findings: Finding[], reason?: string, fixed?: Finding[], held?: HeldMark) {
    if (!findings.length) return;
    const ids = (l: Finding[]) => [...new Set(l.map((f) => f.rule))];
    const rules = ids(findings);
    try {
      this.onLog?.({ kind, rule: rules[0]!, rules, ...(fixed?.length ? { fixed: ids(fixed) } : {}), ...(reason ? { reason } : {}), ...foundIn(findings[0]!) }, held);
    } catch {
      // Logging never stands in the way.
    }
  }
}

/** The channel a finding was found in (the checker records it in `data.channel`), as a log event's field. */
function foundIn(finding: Finding): { channel?: Channel } {
  const channel = finding.data.channel as Channel | undefined;
  return channel ? { channel } : {};
}

/** "Always ignore" entries as the checker keys them (rule and folded text); an entry without text is skipped. */
function ignoredSet(list: { rule: string; text: string }[]): Set<string> {
  return new Set(list.filter((i) => typeof i?.text === 'string').map((i) => `${i.rule}:${i.text.toLowerCase()}`));
}

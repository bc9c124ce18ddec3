/**
 * Feature: the page doctor. "What Policy Guard can see here" in the panel (and, through the popup, for the
 * tab it was opened on): each part of ClassDojo's page Policy Guard relies on, found or not and how, and
 * what that means for the teacher (lib/dojo/doctor.ts); "Copy a page outline for support", the page's
 * structure with every text and value replaced (lib/dojo/outline.ts).
 *
 * When the page no longer matches (no message box where one is expected, a Post/Send control with no
 * message box), the panel says so once, plainly, with the doctor one click away. A page still loading is
 * not a redesign: the mismatch must hold for two checks in a row (about 1.5 to 3 seconds) before it is said,
 * and nothing goes to the console.
 *
 * The mismatch check and the toggle are here; the report, the outline, the report's drawing and the "Copy a
 * page outline" button under it (entrypoints/on-request/parts.tsx) load the first time either is asked for on the page (core/on-request.tsx, entrypoints/on-request/parts.tsx).
 */
import { useEffect, useRef } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { expectsComposer, watchesSendControls, type DoctorReport as Report, type Mismatch } from '../../../lib/dojo/doctor';
import { sendControlsOnPage } from '../../../lib/dojo/page';
import { t } from '../../../lib/ext/i18n';
import type { PageRequest, Response } from '../../../lib/ext/messages';
import { acceptPageRequest } from '../../../lib/ext/page-request';
import { loadOnRequest, OnRequest, type OnRequestParts } from '../core/on-request';
import { createStore, useStore, type Store } from '../core/store';
import type { Feature, FeatureContext } from './feature';

/** How long between two looks at whether the page still matches, in ms. */
const SETTLE_MS = 1_500;

interface DoctorView {
  open: boolean;
  report?: Report;
  /** The report could not be made (the page could not be read, or its code could not be loaded). */
  reportFailed?: boolean;
  /** The mismatch being said in the panel. */
  mismatch?: Mismatch;
}

export class PageDoctor {
  readonly view: Store<DoctorView> = createStore<DoctorView>({ open: false });
  private timer?: number;
  private pending?: Mismatch;

  constructor(private f: FeatureContext) {}

  get ctx() {
    return this.f.ctx;
  }

  /** The report and the outline are made by code loaded when first asked for (core/on-request.tsx). */
  private parts(): Promise<OnRequestParts | undefined> {
    return loadOnRequest(this.f.ctx);
  }

  start() {
    const { ctx } = this.f;
    // Looked at again when what the page state knows changes (a message box comes or goes, or loses its Post
    // button), never on a timer while the teacher types; with no message box, on any change of the page (a
    // Post button with none beside it may come later).
    this.f.page.subscribe(() => this.onPage());
    this.f.onPageChange(() => {
      if (this.f.page.get().composerCount === 0) this.onPage();
    });
    const listener = (message: unknown, sender: { id?: string; url?: string }) => {
      if (ctx.isInvalid) return undefined;
      const request = acceptPageRequest(message, sender, browser.runtime.id, browser.runtime.getURL('/'));
      return request ? this.answer(request) : undefined;
    };
    browser.runtime.onMessage.addListener(listener);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
  }

  /** The popup's questions: the report, or the outline. */
  async answer(request: PageRequest): Promise<Response<unknown>> {
    try {
      const parts = await this.parts();
      if (!parts) return { ok: false, error: 'failed' };
      if (request.type === 'page-doctor') return { ok: true, value: parts.reportNow() };
      return { ok: true, value: parts.pageOutline() };
    } catch {
      return { ok: false, error: 'failed' };
    }
  }

  private onPage() {
    if (this.view.get().open) void this.refresh();
    if (this.timer === undefined) this.timer = this.f.ctx.setTimeout(() => this.check(), SETTLE_MS);
  }

  /**
   * The mismatch the page shows now, from what the page state already found (core/page-state.ts): the page
   * is searched only when it has no message box, for a Post/Send control without one.
   */
  private async candidate(): Promise<Mismatch | undefined> {
    const { route, composerCount, sendless } = this.f.page.get();
    if (composerCount === undefined || route.app === 'other') return undefined;
    const facts = { app: route.app, view: route.view, conversation: route.conversationId !== undefined, post: route.postId !== undefined };
    // A message box with no Send/Post control Policy Guard can find: said as the page shows it, never held at Send.
    if (composerCount > 0) return watchesSendControls(facts) && (sendless ?? 0) > 0 ? 'no-send' : undefined;
    // No box where one belongs: not while the page says why (loading, an error, a button that opens the box:
    // the parts loaded on request read that, lib/dojo/probe.ts noComposerReason; probe 21e D2).
    // While it says it is loading, looked at again (a page may say so and never change after): the parts stop
    // believing it after a while (LOADING_LIMIT_MS), and the missing box is said.
    if (expectsComposer(facts)) {
      const why = (await this.parts())?.noComposerReason();
      if (why == 'loading') this.onPage();
      return why ? undefined : 'no-composer';
    }
    return watchesSendControls(facts) && sendControlsOnPage(document).length > 0 ? 'send-without-composer' : undefined;
  }

  private async check() {
    this.timer = undefined;
    try {
      const now = await this.candidate();
      if (this.f.ctx.isInvalid) return;
      const current = this.view.get().mismatch;
      if (!now) {
        this.pending = undefined;
        if (this.f.page.get().boxMissing) this.f.page.update({ boxMissing: false });
        if (current) {
          this.view.update({ mismatch: undefined });
          this.f.setNotices('page-doctor', []);
        }
        return;
      }
      // Seen at two looks in a row: the page has settled like this; said unless the teacher dismissed it on
      // this kind of page this session (the parts ask the background: probe 21e D10).
      if (now === this.pending && !(await (await this.parts())?.dismissed(now))) {
        if (current !== now) {
          this.view.update({ mismatch: now });
          // Said in the panel's notices too, so the folded badge shows that something needs attention.
          this.f.setNotices('page-doctor', [t('pageMismatchShort')]);
        }
        // The panel's status line says so too (probe 21 L3), again after a new address dropped it (content/index.tsx);
        // the page state is changed only when this does (a change of it is a look again).
        const missing = now === 'no-composer';
        if (!!this.f.page.get().boxMissing !== missing) this.f.page.update({ boxMissing: missing });
      } else {
        this.pending = now;
        this.timer = this.f.ctx.setTimeout(() => this.check(), SETTLE_MS);
      }
    } catch {
      // Reading the page failed: say nothing rather than something wrong.
    }
  }

  /** The report made afresh (the list is open). Resolves once it is in the view. */
  async refresh(): Promise<void> {
    const parts = await this.parts();
    if (!this.view.get().open) return;
    try {
      if (!parts) throw new Error('not loaded');
      this.view.update({ report: parts.reportNow(), reportFailed: false });
    } catch {
      this.view.update({ report: undefined, reportFailed: true });
    }
  }

  toggle(open = !this.view.get().open) {
    this.view.update({ open });
    if (open) void this.refresh();
  }

  dismiss() {
    const kind = this.view.get().mismatch;
    if (kind) void this.parts().then((p) => p?.dismissed(kind, true));
    this.view.update({ mismatch: undefined });
    this.f.setNotices('page-doctor', []);
  }

}

/**
 * The mismatch notice, at the top of the panel's content (its own slot, before the draft's findings): in a
 * small window the panel scrolls, and a notice below the routing advice was out of view (probe 21e D3). Drawn by
 * the parts loaded on request (components/MismatchNotice.tsx): most pages never show it.
 */
function MismatchNotice(props: { doctor: PageDoctor }) {
  const { doctor } = props;
  const view = useStore(doctor.view);
  const mismatch = view.mismatch;
  if (!mismatch) return null;
  return <OnRequest ctx={doctor.ctx} show={(parts, into) => parts.showMismatchNotice(into, { mismatch, open: view.open, onOpen: () => doctor.toggle(true), onDismiss: () => doctor.dismiss() })} />;
}

function DoctorSection(props: { doctor: PageDoctor }) {
  const { doctor } = props;
  const view = useStore(doctor.view);
  const toggleRef = useRef<HTMLButtonElement>(null);
  // The panel keeps one height whatever it shows (lib/ui/placement.ts): the list, once opened, is scrolled
  // to within the panel rather than left below its fold.
  useEffect(() => {
    if (view.open) toggleRef.current?.scrollIntoView?.({ block: 'start' });
  }, [view.open]);
  return (
    <div class="pg-doctor-section" data-policy-guard="doctor-section">
      <button type="button" ref={toggleRef} class="pg-link pg-doctor-toggle" data-policy-guard="doctor-open" aria-expanded={view.open} onClick={() => doctor.toggle()}>
        {view.open ? t('doctorHide') : t('doctorOpen')}
      </button>
      {view.open && (
        <>
          {view.report ? (
            <OnRequest ctx={doctor.ctx} show={(parts, into) => parts.showDoctorReport(into, view.report!)} fallback={<p class="pg-notice">{t('outlineFailed')}</p>} />
          ) : (
            view.reportFailed && <p class="pg-notice">{t('outlineFailed')}</p>
          )}
        </>
      )}
    </div>
  );
}

export const pageDoctor: Feature = {
  name: 'page-doctor',
  init(f) {
    const doctor = new PageDoctor(f);
    doctor.start();
    f.addSlot({ feature: 'page-doctor', order: 90, where: 'panel', render: () => <DoctorSection doctor={doctor} /> });
    f.addSlot({ feature: 'page-mismatch', order: 5, where: 'panel', render: () => <MismatchNotice doctor={doctor} /> });
  },
};

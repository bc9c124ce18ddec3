/**
 * The parts of the content script that load only when asked for (entrypoints/content/core/on-request.tsx):
 * the page doctor's report and the page outline, the spot-check's overlay, the routing card under a
 * parent's message, and a parent's hint. Each draws with this file's
 * own Preact into an element the content script gives it, and takes what has state (the checker) from it.
 *
 * Shapes: `reportNow()` is lib/dojo/doctor.ts's report of the page as it is now; `pageOutline()` is
 * lib/dojo/outline.ts's outline (under 48 KB of JSON); `outlineNow()` that outline as JSON with its size in
 * KB (one decimal). Each reads the live document and may throw on a page it cannot read: callers catch.
 */
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { DoctorReport } from '../../components/DoctorReport';
import { keepFocus } from '../content/core/focus-keeper';
import { GateDialog, type GateDialogProps } from '../../components/GateDialog';
import { MismatchNotice } from '../../components/MismatchNotice';
import { download } from '../../components/download';
import { ParentHint } from '../../components/ParentHint';
import { RosterOffer } from '../../components/RosterOffer';
import { RoutingCard, type InsertResult } from '../../components/RoutingCard';
import { t } from '../../lib/ext/i18n';
import type { ParentHint as Hint, PagePupil, Request, Response } from '../../lib/ext/messages';
import { doctorReport, type DoctorReport as Report, type Mismatch } from '../../lib/dojo/doctor';
import { insertIntoComposer, replaceSpans } from '../../lib/dojo/edit';
import { conversationComposer } from '../../lib/dojo/page';
import { buildOutline, outlineJson, routePattern, withDoctorVerdict, type Outline } from '../../lib/dojo/outline';
import { noComposerReason, probePage } from '../../lib/dojo/probe';
import { parseDojoLocation } from '../../lib/dojo/routes';
import type { RouteResult } from '../../lib/routing/index';
import { installSeal } from '../content/core/seal';
import { installInterceptor } from '../content/core/intercept';
import { SpotCheck, type SpotCheckProps } from './SpotCheck';
// The parts' own styles, as text: the content script adds them to its shadow root (core/on-request.tsx).
import styles from './style.css?inline';

/** The address the doctor was first asked about, and when (Date.now(), ms). */
let asked: { href: string; at: number } | undefined;

/**
 * How long the doctor has been asking on this address, in ms (0 the first time, and after the address
 * changes): a page says it is loading for LOADING_LIMIT_MS at most (lib/dojo/probe.ts, probe 21f N1/N2).
 */
function waited(): number {
  const now = Date.now();
  if (asked?.href !== location.href) asked = { href: location.href, at: now };
  return now - asked.at;
}

/**
 * Whether the teacher dismissed the page doctor's `kind` of notice on this kind of page (this app and route
 * pattern, ids replaced: every class's Class Story is one) this browser session; with `dismiss`, remembers that
 * they did. The background keeps it in session storage (lib/ext/handler.ts), so a reload does not bring the
 * notice back (probe 21e D10). False when the background cannot be asked: the notice is said.
 */
export async function dismissed(kind: string, dismiss = false): Promise<boolean> {
  const key = `${kind} ${location.host}${routePattern(location.href).replace(/[^A-Za-z0-9/{}._~#-]/g, '')}`;
  try {
    const answer = (await browser.runtime.sendMessage({ type: 'doctor-dismissed', key, dismiss } satisfies Request)) as Response<boolean> | undefined;
    return answer?.ok === true && answer.value;
  } catch {
    return false;
  }
}

/** The doctor's report for the page as it is now. */
export function reportNow(): Report {
  return doctorReport(probePage(document, parseDojoLocation(location.href), waited()));
}

/** Policy Guard's version, from its manifest (lib/meta.ts would bring package.json into this bundle). */
function guardVersion(): string {
  try {
    return browser.runtime.getManifest().version;
  } catch {
    return 'unknown';
  }
}

/** The outline of the page as it is now: what it says is found is what the doctor says (withDoctorVerdict). */
export function pageOutline(): Outline {
  const report = reportNow();
  // A page the doctor takes for still loading: its skeleton's placeholder blocks are marked, so a fixture made
  // from the outline shows the same (guard outline to-fixture).
  const loading = report.parts.some((p) => p.id === 'composer' && !p.found && p.meaning?.key === 'doctorMeanComposerLoading');
  return withDoctorVerdict(buildOutline(document, { href: location.href, source: 'extension', guard: guardVersion() }, loading), report);
}

/** The outline of the page as it is now, as JSON, with its size in KB (one decimal). */
export function outlineNow(): { json: string; kb: string } {
  const json = outlineJson(pageOutline());
  return { json, kb: (new TextEncoder().encode(json).length / 1024).toFixed(1) };
}

/**
 * "Copy a page outline for support": the outline to the clipboard, or, where the clipboard refuses, saved as a
 * file. Made in ClassDojo's page, so the page can see, read and cancel that download (probe 14d #2). Kept: the
 * outline is the page's own structure with every text, id and value a placeholder (lib/dojo/outline.ts),
 * nothing of a pupil, a roster or Policy Guard's findings. Spot-check exports, which hold leaders' notes, are
 * made on the options page instead; the toolbar popup's page doctor saves outlines out of sight too.
 * Resolves to what became of it and the outline's size in KB; throws when the page cannot be read.
 */
export async function copyOutline(): Promise<{ result: 'copied' | 'saved'; kb: string }> {
  const made = outlineNow();
  try {
    await navigator.clipboard.writeText(made.json);
    return { result: 'copied', kb: made.kb };
  } catch {
    download({ filename: 'classdojo-page-outline.json', mime: 'application/json', body: made.json });
    return { result: 'saved', kb: made.kb };
  }
}

/**
 * "Copy a page outline for support" under the doctor's report in the panel, and what became of it (copied,
 * saved as a file, or failed, with its size in KB). Drawn with the report, by these parts: the content script
 * carries neither (its size budget).
 */
function OutlineCopy() {
  const [busy, setBusy] = useState(false);
  const [outline, setOutline] = useState<{ result: 'copied' | 'saved' | 'failed'; kb?: string }>();
  return (
    <>
      <button
        type="button"
        class="pg-button"
        data-policy-guard="outline-copy"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          setOutline(await copyOutline().catch(() => ({ result: 'failed' as const })));
          setBusy(false);
        }}
      >
        {t('outlineCopy')}
      </button>
      {outline && (
        <p class="pg-muted" role="status" data-policy-guard="outline-result" data-result={outline.result} data-kb={outline.kb}>
          {outline.result === 'failed' ? t('outlineFailed') : t(outline.result === 'copied' ? 'outlineCopied' : 'outlineSaved', outline.kb ?? '')}
        </p>
      )}
    </>
  );
}

export const ON_REQUEST_PARTS = {
  /** The stylesheet the parts' elements need, before its custom properties are renamed (core/private-css.ts). */
  css: styles,
  /** The seal (entrypoints/content/core/seal.ts), for a page where the early script did not install it. */
  installSeal: () => installSeal(),
  /** The send interceptor (entrypoints/content/core/intercept.ts), for a page where the early script did not install it. */
  installInterceptor: () => installInterceptor(),
  reportNow,
  /** Why the page shows no message box where one belongs, when it is no redesign (lib/dojo/probe.ts); else undefined. */
  noComposerReason: () => noComposerReason(document, waited()),
  pageOutline,
  outlineNow,
  copyOutline,
  dismissed,
  /**
   * Draws the doctor's report (components/DoctorReport.tsx) into `into`, replacing what was there, with "Copy a
   * page outline for support" under it (its result kept while the report is drawn afresh).
   */
  showDoctorReport(into: HTMLElement, report: Report): void {
    render(
      <>
        <DoctorReport report={report} />
        <OutlineCopy />
      </>,
      into,
    );
  },
  /**
   * Draws the send gate's dialog (components/GateDialog.tsx) into `into`, inside the gate's own closed root:
   * needed only once a send is held, so not part of the script every page loads.
   */
  showGateDialog(into: HTMLElement, props: GateDialogProps): void {
    render(<GateDialog {...props} />, into);
  },
  /** Draws the page doctor's mismatch notice (components/MismatchNotice.tsx) into `into`. */
  showMismatchNotice(into: HTMLElement, props: { mismatch: Mismatch; open: boolean; onOpen: () => void; onDismiss: () => void }): void {
    render(<MismatchNotice {...props} />, into);
  },
  /** Draws the spot-check overlay into `into`; a new view or class starts a new one (its key). */
  showSpotCheck(into: HTMLElement, props: SpotCheckProps): void {
    render(<SpotCheck key={`${props.view}:${props.scopeId}`} {...props} />, into);
  },
  /**
   * Draws the routing card for a parent's message (components/RoutingCard.tsx) into `into`: the route the
   * background gave for `message` (the parent's message as read), with its advice as the background worded it
   * (in the interface's language), and, with `put` (there is a message box to put it in), "Put this reply in the message box".
   * The box is found at the click: the open conversation's own (lib/dojo/page.ts conversationComposer), never
   * the first on the page (probe 14d #5); none is written when it cannot be told, and the card says why.
   */
  showRoutingCard(into: HTMLElement, props: { route: RouteResult; message?: string; put?: boolean }): void {
    const { message, put } = props;
    const onInsert =
      put && message
        ? (reply: string): InsertResult => {
            const found = conversationComposer(document, message);
            if ('refused' in found) return found.refused === 'moved' ? 'moved' : 'refused';
            void insertIntoComposer(found.composer, reply);
            return 'inserted';
          }
        : undefined;
    render(<RoutingCard route={props.route} advice={props.route.advice} onInsert={onInsert} />, into);
  },

  /**
   * Draws a parent's hint (components/ParentHint.tsx) into `into`: where this kind of message goes and when the
   * teacher replies, as the background worded it (in the interface's language).
   */
  showParentHint(into: HTMLElement, props: { hint: Hint }): void {
    render(<ParentHint hint={props.hint} text={props.hint} />, into);
  },
  /** Draws the offer to save the Classroom page's pupils as the class roster (components/RosterOffer.tsx). */
  showRosterOffer(into: HTMLElement, props: { save: (pupils: PagePupil[]) => void }): void {
    render(<RosterOffer save={props.save} />, into);
  },
  /**
   * Types a fix over the composer's text as a teacher's typing would (lib/dojo/edit.ts): drawn from here because
   * it is needed only at a teacher's click (a finding's fix, the gate's "Apply all fixes").
   */
  replaceSpans,
  /**
   * Keeps the typing focus in the send gate's reason frame against the page (entrypoints/content/core/focus-keeper.ts):
   * started with the gate's first held send, so not part of the script every page loads.
   */
  keepFocus,
  /** Takes away what was drawn into `into` (its listeners and timers stop). */
  clear(into: HTMLElement): void {
    render(null, into);
  },
};

export type OnRequestParts = typeof ON_REQUEST_PARTS;

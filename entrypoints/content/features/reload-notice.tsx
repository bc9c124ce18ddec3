/**
 * Feature: after an extension update (or when it is switched off), this page's script is cut off and
 * checks nothing more. Rather than fall silent, it says so and offers to reload the page. Uses no extension
 * API once cut off (they throw then): the words are read at start-up, the notice is plain DOM in a closed
 * shadow root of its own, its words drawn as generated content.
 */
import { t } from '../../../lib/ext/i18n';
import { theSeal } from '../core/sealed';
import type { Feature } from './feature';
import { closedHost, HOST_ATTRIBUTE } from '../core/shadow-ui';

export const RELOAD_NOTICE_TAG = 'policy-guard-reload';

/**
 * How often an open tab asks whether the extension is still there, in ms: WXT notices the cut-off only when
 * asked, which would otherwise be at the teacher's next keystroke or click.
 */
const CHECK_MS = 2_000;

export interface ReloadWords {
  text: string;
  /** Added when a message was being held at the time: it was not sent. */
  held: string;
  reload: string;
  dismiss: string;
}

/** The notice's words, read while the extension is still reachable (its i18n goes with it). */
export function reloadNoticeWords(): ReloadWords {
  return { text: t('reloadNotice'), held: t('reloadNoticeHeld'), reload: t('reloadButton'), dismiss: t('gateDismiss') };
}

/** The notice's text element, per notice: a later call with `held` adds to what it says. */
const texts = new WeakMap<HTMLElement, HTMLElement>();

/** Shows the notice, once (a second call with `held` adds that the held message was not sent). */
export function showReloadNotice(doc: Document, words: ReloadWords, options: { held?: boolean } = {}): HTMLElement {
  const say = options.held ? `${words.text} ${words.held}` : words.text;
  const existing = doc.querySelector<HTMLElement>(`${RELOAD_NOTICE_TAG}, [${HOST_ATTRIBUTE}="${RELOAD_NOTICE_TAG}"]`);
  const shown = existing ? texts.get(existing) : undefined;
  if (existing && shown) {
    if (options.held) {
      shown.setAttribute('data-t', say);
      shown.parentElement?.setAttribute('data-held', 'true');
    }
    return existing;
  }
  const { host, shadow } = closedHost(doc, RELOAD_NOTICE_TAG);
  const box = doc.createElement('div');
  box.setAttribute('role', 'status');
  box.setAttribute('data-policy-guard', 'reload-notice');
  const text = doc.createElement('p');
  // Drawn as generated content, as every text of ours on the page is (core/unfindable.ts): the page's
  // window.find() must not learn that the extension went away, or that a send was held (probe 14d).
  text.setAttribute('data-t', say);
  // Sealed like every UI root (core/seal.ts): only the teacher's own click counts.
  const seal = theSeal();
  const button = (label: string, kind: string, onClick: () => void) => {
    const b = doc.createElement('button');
    b.type = 'button';
    b.setAttribute('data-t', label);
    b.className = kind;
    b.addEventListener('click', (e) => seal.trusted(e) && onClick());
    return b;
  };
  const reload = button(words.reload, 'r', () => location.reload());
  const dismiss = button(words.dismiss, 'd', () => host.remove());
  const style = doc.createElement('style');
  style.textContent =
    '[data-t]::before{content:attr(data-t)}' +
    'div{position:fixed;left:8px;right:8px;bottom:16px;margin:auto;z-index:2147483000;max-width:560px;padding:10px 14px;border-radius:12px;background:#fff6db;color:#1f2430;border:1px solid #e6c35c;font:14px/1.45 system-ui,sans-serif;display:flex;gap:10px;align-items:center;flex-wrap:wrap}' +
    'p{margin:0;flex:1 1 260px}button{font:inherit;border:0;border-radius:8px;padding:6px 12px}' +
    '.r{background:#2f6f4f;color:#fff}.d{background:none;text-decoration:underline}';
  box.append(text, reload, dismiss);
  texts.set(host, text);
  shadow.append(style, box);
  host.dataset.policyGuard = 'reload-notice';
  // Inside the closed root, never on the host: the page must not learn that a send was held.
  if (options.held) box.setAttribute('data-held', 'true');
  seal.add(host, shadow);
  doc.body.append(host);
  return host;
}

export const reloadNotice: Feature = {
  name: 'reload-notice',
  init(f) {
    const words = reloadNoticeWords();
    f.ctx.onInvalidated(() => {
      try {
        showReloadNotice(document, words);
      } catch {
        // the page has no body, or forbids custom elements: nothing more to do
      }
    });
    const check = () => void f.ctx.isInvalid;
    const timer = window.setInterval(check, CHECK_MS);
    f.ctx.onInvalidated(() => window.clearInterval(timer));
    f.ctx.addEventListener(document, 'visibilitychange', check);
  },
};

import { selectors, type CDPSession, type Page } from 'playwright-core';

/**
 * Test access to Policy Guard's closed UI roots. The product closes and seals every root
 * (entrypoints/content/core/seal.ts), and Playwright's locators do not pierce closed shadow roots. So the
 * harness, through the DevTools protocol (which sees every root, as DevTools itself does), finds each of our
 * hosts' closed roots and hands them to the page's main world as `window.__pgRoots`; the `pg=` selector
 * engine then queries inside them:
 *
 *   page.locator('pg=[data-policy-guard="panel"] [data-rule="full-name"]')
 *
 * Everything else is an ordinary Playwright locator: `.getByRole()`, `.click()` (real, trusted input at the
 * element's position) and `.fill()` work as on any element.
 *
 * This is test access only, and it opens the roots to the page's scripts: a test of what the page can see
 * (tests/e2e/sealed.e2e.ts) launches with `unseal: false`.
 */

/** The elements Policy Guard adds to the page, each the host of a closed root. */
export const UI_HOSTS = 'policy-guard-ui, policy-guard-gate, policy-guard-reload, [data-policy-guard-host]';

/**
 * The `pg=` engine: the CSS selector after `pg=`, matched under the scope and inside every exposed root under
 * it (so the same selector also works on the extension's own pages, which have no roots).
 */
const ENGINE = `({
  queryAll(scope, selector) {
    const found = [...scope.querySelectorAll(selector)];
    for (const r of window.__pgRoots || []) if (r.host.isConnected && scope.contains(r.host)) found.push(...r.querySelectorAll(selector));
    return found;
  },
  query(scope, selector) {
    return this.queryAll(scope, selector)[0] || null;
  },
})`;

let registered: Promise<void> | undefined;

/** Registers the `pg=` engine, once per test process (before the first context is made). */
export function registerUiEngine(): Promise<void> {
  registered ??= selectors.register('pg', { content: ENGINE }).catch((error: unknown) => {
    if (!/already registered/.test(String(error))) throw error;
  });
  return registered;
}

/**
 * Keeps exposing the page's closed UI roots to its main world (`window.__pgRoots`, and
 * `window.__pgRoot(hostName)` for one) until the page closes: a root made later (the gate's, the reload
 * notice's) is exposed within 50 ms.
 */
export async function unseal(page: Page): Promise<void> {
  let cdp: CDPSession;
  try {
    cdp = await page.context().newCDPSession(page);
  } catch {
    return; // a page that closed at once
  }
  const exposed = new Set<number>();
  let closed = false;
  let busy = false;
  page.once('close', () => (closed = true));
  const sync = async () => {
    if (busy || closed || !/^https:\/\/(teach|home)\.classdojo\.com\//.test(page.url())) return;
    busy = true;
    try {
      const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
      const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: UI_HOSTS });
      for (const nodeId of nodeIds) {
        const { node } = await cdp.send('DOM.describeNode', { nodeId, depth: 0, pierce: true });
        for (const shadow of node.shadowRoots ?? []) {
          if (exposed.has(shadow.backendNodeId)) continue;
          const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
          await cdp.send('Runtime.callFunctionOn', {
            objectId: object.objectId!,
            functionDeclaration: `function () {
              const roots = (window.__pgRoots ||= new Set());
              roots.add(this);
              window.__pgRoot = (name) => [...roots].find((r) => r.host.isConnected && (r.host.localName === name || r.host.getAttribute('data-policy-guard-host') === name)) || null;
            }`,
          });
          exposed.add(shadow.backendNodeId);
        }
      }
    } catch {
      // a navigation mid-way: the next round finds the new document's roots
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void sync(), 50);
  page.once('close', () => {
    clearInterval(timer);
    void cdp.detach().catch(() => undefined);
  });
  await sync();
}

/** In page.evaluate: the exposed root of one of our hosts (after `unseal`), e.g. `pgRoot('policy-guard-ui')`. */
export type PgWindow = Window & { __pgRoot(name: string): ShadowRoot | null; __pgRoots?: Set<ShadowRoot> };

/**
 * The test's own view of the sealed UI, through the DevTools protocol only: nothing is handed to the page.
 * For tests of what the page can see (launched with `unseal: false`), which still need to know what the UI
 * shows and to act as the teacher would (real, trusted input at a control's position).
 */
export class SealedView {
  private constructor(private readonly cdp: CDPSession) {}

  static async of(page: Page): Promise<SealedView> {
    return new SealedView(await page.context().newCDPSession(page));
  }

  /** The node ids of our hosts' closed roots, read afresh. */
  private async roots(): Promise<number[]> {
    const { root } = await this.cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const found: number[] = [];
    const walk = (node: { localName?: string; nodeId: number; attributes?: string[]; children?: unknown[]; shadowRoots?: unknown[] }) => {
      // Our hosts: custom elements named policy-guard-…, or the <div>s that stand in for them (core/shadow-ui.ts).
      if (node.localName?.startsWith('policy-guard-') || node.attributes?.includes('data-policy-guard-host')) for (const s of (node.shadowRoots ?? []) as { nodeId: number }[]) found.push(s.nodeId);
      for (const child of (node.children ?? []) as (typeof node)[]) walk(child);
    };
    walk(root as never);
    return found;
  }

  /** Every text the sealed UI shows, joined. */
  async text(): Promise<string> {
    const parts: string[] = [];
    for (const nodeId of await this.roots()) {
      const { outerHTML } = await this.cdp.send('DOM.getOuterHTML', { nodeId });
      parts.push(outerHTML.replace(/<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' '));
    }
    return parts.join(' ').replace(/\s+/g, ' ');
  }

  /** The centre of the first element matching `selector` inside a sealed root, or undefined. */
  async centre(selector: string): Promise<{ x: number; y: number } | undefined> {
    for (const rootId of await this.roots()) {
      const { nodeId } = await this.cdp.send('DOM.querySelector', { nodeId: rootId, selector });
      if (!nodeId) continue;
      const { model } = await this.cdp.send('DOM.getBoxModel', { nodeId });
      const q = model.border;
      return { x: (q[0]! + q[2]! + q[4]! + q[6]!) / 4, y: (q[1]! + q[3]! + q[5]! + q[7]!) / 4 };
    }
    return undefined;
  }

  /** Waits until an element matching `selector` is in a sealed root (polling, up to `timeoutMs`). */
  async waitFor(selector: string, timeoutMs = 10_000): Promise<{ x: number; y: number }> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const at = await this.centre(selector).catch(() => undefined);
      if (at) return at;
      if (Date.now() > until) throw new Error(`nothing matches ${selector} in Policy Guard's UI`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

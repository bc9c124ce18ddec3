// @vitest-environment happy-dom
/**
 * The spot-check summary's finding rows as a feed grows (components/SpotSummary.tsx, probe 17 R4): a render with
 * 20 more rows touches those 20 (and the counts), never the rows already drawn, whose `show` is a new function
 * on every render; a long list is drawn 60 rows a task; a row's “Show” acts on the latest rows.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { SpotSummary, type SpotRow, type SpotSummaryProps } from '../../../components/SpotSummary';
import { t } from '../../../lib/ext/i18n';

// Every row drawn asks for its "Show" label once: how many rows a render drew.
vi.mock('../../../lib/ext/i18n', async (original) => {
  const actual = await original<typeof import('../../../lib/ext/i18n')>();
  return { ...actual, t: vi.fn(actual.t) };
});
const rowsDrawn = () => vi.mocked(t).mock.calls.filter(([key]) => key === 'spotShow').length;

const rowsOf = (n: number, show: () => void = () => {}): SpotRow[] =>
  Array.from({ length: n }, (_, i) => ({ key: `p${i}:sensitive-content`, rule: 'sensitive-content', author: 'Ms Carter', time: '2026-11-20T10:00:00.000Z', excerpt: `diagnosed ${i}`, show }));

function props(rows: SpotRow[], onOutcome: SpotSummaryProps['onOutcome'] = () => {}): SpotSummaryProps {
  const summary = { posts: rows.length, withFindings: rows.length, findings: rows.length, noIssue: 0, byRule: { 'sensitive-content': rows.length }, byAuthor: { 'Ms Carter': rows.length } };
  return { kind: 'story', summary, rows, timeZone: 'Europe/London', scanMs: 0, longestSliceMs: 0, keepSnippets: false, storeError: false, onOutcome, onKeepSnippets: () => {}, onExport: async () => true };
}

const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 0)));

describe('the summary’s rows as the feed grows', () => {
  it('draws a long list 60 rows a task, then only new rows: rows already drawn are not touched', async () => {
    const root = document.createElement('div');
    document.body.append(root);
    await act(() => render(<SpotSummary {...props(rowsOf(200))} />, root));
    const drawn = () => root.querySelectorAll('[data-policy-guard="spot-finding"]').length;
    expect(drawn()).toBe(60);
    for (let i = 0; i < 5 && drawn() < 200; i++) await settle();
    expect(drawn()).toBe(200);

    const list = root.querySelector('[data-policy-guard="spot-findings"]')!;
    const touched = new Set<Node>();
    const observer = new MutationObserver((records) => {
      for (const r of records) {
        touched.add(r.target);
        r.addedNodes.forEach((n) => touched.add(n));
      }
    });
    observer.observe(list, { childList: true, subtree: true, attributes: true, characterData: true });
    // Every row a new object with a new `show`, as SpotCheck makes them on each render; 20 rows more.
    vi.mocked(t).mockClear();
    await act(() => render(<SpotSummary {...props(rowsOf(220, () => {}))} />, root));
    await settle();
    observer.disconnect();
    expect(rowsDrawn()).toBe(20);
    expect(drawn()).toBe(220);
    const rowsTouched = [...touched].map((n) => (n instanceof Element ? n.closest('li') : n.parentElement?.closest('li'))).filter((li) => li);
    const keys = new Set(rowsTouched.map((li) => li!.getAttribute('data-key')));
    expect([...keys].sort()).toEqual(rowsOf(220).slice(200).map((r) => r.key).sort());
    render(null, root);
  });

  it('a row’s “Show” uses the latest rows, though the row was not drawn again', async () => {
    const root = document.createElement('div');
    document.body.append(root);
    const shown = vi.fn();
    await act(() => render(<SpotSummary {...props(rowsOf(3))} />, root));
    vi.mocked(t).mockClear();
    await act(() => render(<SpotSummary {...props(rowsOf(3, shown))} />, root));
    expect(rowsDrawn()).toBe(0);
    const row = root.querySelector('[data-key="p1:sensitive-content"]')!;
    (row.querySelector('.pg-link') as HTMLButtonElement).click();
    expect(shown).toHaveBeenCalledTimes(1);
    render(null, root);
  });
});

// @vitest-environment happy-dom
/**
 * Code loaded on a person's action (onDemand, components/Lazy.tsx): loaded once for the page whoever asks,
 * given to a component drawn later at once, and a failed load said, then tried again on the next action.
 */
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { LoadFailed, onDemand, type OnDemand } from '../../../components/Lazy';
import { mount } from '../options/mount';

const settle = () => act(() => new Promise((r) => setTimeout(r, 10)));

/** A component that shows what its hook gives and hands the hook out, to press its "action". */
function probe<M>(use: () => OnDemand<M>, seen: OnDemand<M>[]) {
  return function Probe() {
    const d = use();
    seen.push(d);
    return d.failed ? <LoadFailed /> : <p data-mod={d.mod ? 'yes' : 'no'} />;
  };
}

describe('onDemand', () => {
  it('loads nothing until asked, once however many ask, and a component drawn afterwards has it at once', async () => {
    const load = vi.fn(async () => ({ answer: 42 }));
    const use = onDemand(load);
    const a: OnDemand<{ answer: number }>[] = [];
    const b: OnDemand<{ answer: number }>[] = [];
    const A = probe(use, a);
    const B = probe(use, b);
    const rootA = await mount(<A />);
    const rootB = await mount(<B />);
    await settle();
    expect(load).not.toHaveBeenCalled();
    expect(rootA.querySelector('p')?.dataset.mod).toBe('no');

    let got: { answer: number } | undefined;
    await act(async () => {
      const [x] = await Promise.all([a.at(-1)!.request(), b.at(-1)!.request()]);
      got = x;
    });
    expect(load).toHaveBeenCalledTimes(1);
    expect(got).toEqual({ answer: 42 });
    expect(rootA.querySelector('p')?.dataset.mod).toBe('yes');
    expect(rootB.querySelector('p')?.dataset.mod).toBe('yes');

    const later: OnDemand<{ answer: number }>[] = [];
    const Later = probe(use, later);
    await mount(<Later />);
    expect(later[0]!.mod).toEqual({ answer: 42 });
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('says so when the load fails, and loads again on the next request', async () => {
    const load = vi.fn().mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module')).mockResolvedValue({ ok: true });
    const use = onDemand(load as () => Promise<{ ok: boolean }>);
    const seen: OnDemand<{ ok: boolean }>[] = [];
    const Probe = probe(use, seen);
    const root = await mount(<Probe />);
    await act(async () => {
      await expect(seen.at(-1)!.request()).rejects.toThrow('dynamically imported');
    });
    await settle();
    expect(root.querySelector('[role="alert"]')?.textContent).toBe('lazyFailed');
    await act(async () => {
      await seen.at(-1)!.request();
    });
    await settle();
    expect(load).toHaveBeenCalledTimes(2);
    expect(root.querySelector('[role="alert"]')).toBeNull();
    expect(root.querySelector('p')?.dataset.mod).toBe('yes');
  });
});

// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { Boundary } from '../../../entrypoints/content/core/boundary';
import { createStore } from '../../../entrypoints/content/core/store';
import { initFeatures, type Feature } from '../../../entrypoints/content/features/feature';
import { world } from './harness';

describe('features, each on its own', () => {
  it('a feature that throws while starting is skipped; the others start', () => {
    const started: string[] = [];
    const ok = (name: string): Feature => ({ name, init: () => void started.push(name) });
    const broken: Feature = { name: 'broken', init: () => { throw new Error('boom'); } };
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    expect(initFeatures([ok('a'), broken, ok('b')], world().f)).toEqual(['a', 'b']);
    expect(started).toEqual(['a', 'b']);
    debug.mockRestore();
  });

  it('a part of the panel that throws while rendering disappears alone, and says so', () => {
    const el = document.createElement('div');
    const onError = vi.fn();
    const Bad = () => {
      throw new Error('render failed');
    };
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    render(
      <>
        <Boundary name="bad" onError={onError}>
          <Bad />
        </Boundary>
        <Boundary name="good">
          <p>still here</p>
        </Boundary>
      </>,
      el,
    );
    expect(el.textContent).toBe('still here');
    expect(onError).toHaveBeenCalledOnce();
    debug.mockRestore();
  });

  it('a store tells its subscribers, and one that throws does not stop the others', () => {
    const store = createStore({ n: 0 });
    const seen: number[] = [];
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    store.subscribe(() => {
      throw new Error('x');
    });
    store.subscribe((v) => seen.push(v.n));
    store.update({ n: 1 });
    store.update({ n: 2 });
    expect(seen).toEqual([1, 2]);
    debug.mockRestore();
  });
});

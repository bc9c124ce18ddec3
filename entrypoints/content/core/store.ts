import { useEffect, useState } from 'preact/hooks';

/**
 * A value features share (the page, the policy in force), with change notification. Deliberately tiny:
 * the content script loads on every ClassDojo page, and a state library would cost more than it saves.
 */
export interface Store<T> {
  get(): T;
  set(next: T): void;
  update(patch: Partial<T>): void;
  subscribe(cb: (value: T) => void): () => void;
}

export function createStore<T extends object>(initial: T): Store<T> {
  let value = initial;
  const listeners = new Set<(value: T) => void>();
  const store: Store<T> = {
    get: () => value,
    set(next) {
      if (next === value) return;
      value = next;
      for (const cb of [...listeners]) {
        try {
          cb(value);
        } catch (error) {
          // One broken subscriber must not stop the others, nor reach the page.
          console.debug('[Policy Guard]', error);
        }
      }
    },
    update(patch) {
      store.set({ ...value, ...patch });
    },
    subscribe(cb) {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
  };
  return store;
}

/** The store's current value in a component, re-rendering when it changes. */
export function useStore<T extends object>(store: Store<T>): T {
  const [value, setValue] = useState(store.get());
  useEffect(() => {
    setValue(store.get());
    return store.subscribe(setValue);
  }, [store]);
  return value;
}

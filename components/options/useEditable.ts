import { useEffect, useState } from 'preact/hooks';

/** A local copy of a policy setting to edit, reset whenever the setting itself changes (saved elsewhere, or by IT). */
export function useEditable<T>(value: T): [T, (next: T) => void] {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [JSON.stringify(value)]);
  return [draft, setDraft];
}

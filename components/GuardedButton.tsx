import type { ButtonHTMLAttributes, ComponentChildren, JSX, RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../lib/ext/i18n';
import { watchVisibility, type VisibilityWatch } from './visibility';

type ButtonProps = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'onClick' | 'ref' | 'type'> & { 'data-policy-guard'?: string; 'data-outcome'?: string };

/** A click that did not count, in words (GuardedButton and the controls that use useClickGuard show it). */
export function Covered(): JSX.Element {
  return (
    <span class="pg-covered" role="alert" data-policy-guard="covered">
      {t('clickCovered')}
    </span>
  );
}

/**
 * The clickjacking check for one control: attach `ref`, and ask `counts()` in its handler (true where the
 * browser cannot tell, components/visibility.ts).
 */
export function useClickGuard<T extends HTMLElement>(lasting = true): { ref: RefObject<T | null>; counts: () => boolean } {
  const ref = useRef<T>(null);
  const watch = useRef<VisibilityWatch | undefined>(undefined);
  useEffect(() => {
    if (!ref.current) return;
    const w = watchVisibility(ref.current);
    watch.current = w;
    return () => w.stop();
  }, []);
  return { ref, counts: () => (lasting ? watch.current?.clickCounts() : watch.current?.drawnNow()) ?? true };
}

/**
 * A button for a choice that lasts (always ignore a name, a spot-check verdict): its click counts only when
 * the button has been in plain view, unobscured and unfaded, for a moment (components/visibility.ts), so a
 * page that covers Policy Guard with a decoy, or slides a button under the pointer, cannot make the teacher
 * press it. A click that does not count says why, and does nothing else.
 *
 * `lasting={false}` is for a choice the teacher can take back (a fix, Ctrl+Z undoes it; ignoring a finding
 * for this post; inserting a suggested reply): the click counts at once unless the control is masked,
 * faded, clipped or zoomed small (`drawnNow`).
 */
export function GuardedButton(props: ButtonProps & { onPress: () => void; lasting?: boolean; children?: ComponentChildren }): JSX.Element {
  const { onPress, children, lasting = true, ...rest } = props;
  const { ref, counts: clickCounts } = useClickGuard<HTMLButtonElement>(lasting);
  const [covered, setCovered] = useState(false);
  return (
    <>
      <button
        type="button"
        {...rest}
        ref={ref}
        onClick={() => {
          const counts = clickCounts();
          setCovered(!counts);
          if (counts) onPress();
        }}
      >
        {children}
      </button>
      {covered && <Covered />}
    </>
  );
}

/**
 * Feature: for a parent writing on home.classdojo.com, where this kind of message goes (the office, the
 * attendance officer) and when the teacher will reply. Debounced; a stale answer is dropped, never shown.
 * The hint itself (components/ParentHint.tsx) is drawn by the parts loaded on request (core/on-request.tsx),
 * when there is one to show: most pages a parent opens never need it.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { composerText, findComposers } from '../../../lib/dojo/page';
import type { ParentHintResponse } from '../../../lib/ext/messages';
import { ask } from '../ask';
import { OnRequest } from '../core/on-request';
import { useStore } from '../core/store';
import type { Feature, FeatureContext } from './feature';

/** How long the parent pauses before a hint is asked for, in ms. */
const HINT_DELAY_MS = 350;

function Hint(props: { f: FeatureContext }) {
  const { f } = props;
  const { active } = useStore(f.policy);
  const [hint, setHint] = useState<ParentHintResponse | undefined>();
  const timer = useRef<number | undefined>(undefined);
  const seq = useRef(0);

  useEffect(() => {
    if (!active) return;
    const hintFor = (target: HTMLElement) => {
      window.clearTimeout(timer.current);
      timer.current = f.ctx.setTimeout(() => {
        const text = composerText(target);
        const mine = ++seq.current;
        if (!text.trim()) return setHint(undefined);
        void ask<ParentHintResponse>(f.ctx, { type: 'parent-hint', text, at: new Date().toISOString() }).then((r) => {
          if (mine === seq.current) setHint(r);
        });
      }, HINT_DELAY_MS);
    };
    const onInput = (event: Event) => {
      if ((event as InputEvent).isComposing) return;
      const target = event.target as HTMLElement;
      const composer = findComposers(document).find((c) => c === target || c.contains(target));
      if (composer) hintFor(composer);
    };
    // A parent may have started writing before the policy arrived: hint on what is there already.
    const first = findComposers(document)[0];
    if (first && composerText(first).trim()) hintFor(first);
    document.addEventListener('input', onInput, true);
    return () => document.removeEventListener('input', onInput, true);
  }, [active?.id]);

  if (!hint?.ok) return null;
  const value = hint.value;
  return <OnRequest ctx={f.ctx} show={(parts, into) => parts.showParentHint(into, { hint: value })} />;
}

export const parentHint: Feature = {
  name: 'parent-hint',
  init(f) {
    if (f.page.get().route.app !== 'home') return;
    f.addSlot({ feature: 'parent-hint', order: 40, where: 'panel', render: () => <Hint f={f} /> });
  },
};

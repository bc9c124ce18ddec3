// @vitest-environment happy-dom
/** The teacher's routing card: a possible concern with the DSL one click away, and an unsure route's two likeliest destinations. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { RoutingCard } from '../../../components/RoutingCard';
import type { RouteResult } from '../../../lib/routing/index';

const base: RouteResult = {
  intent: 'general',
  secondary: [],
  destination: 'teacher',
  language: 'eng',
  confidence: 0.9,
  cues: [],
  reply: null,
  advice: 'General messages are yours to answer.',
};

async function show(route: RouteResult) {
  const root = document.createElement('div');
  document.body.append(root);
  await act(() => render(<RoutingCard route={route} />, root));
  return root;
}

describe('RoutingCard', () => {
  it('a possible concern: read it as one, the DSL one click away, no alarm styling', async () => {
    const root = await show({ ...base, intent: 'safeguarding', destination: 'dsl', level: 'concern', confidence: 0.2, advice: 'This may be a safeguarding concern: read it as one.' });
    const card = root.querySelector('[data-policy-guard="routing"]')!;
    expect(card.getAttribute('data-level')).toBe('concern');
    expect(card.classList.contains('pg-routing-alert')).toBe(false);
    // The fake browser has no messages: t() gives the key, which names the message used.
    expect(card.textContent).toContain('routingConcern');
    expect(card.textContent).not.toContain('This may be a safeguarding concern');
    await act(() => (root.querySelector('[data-policy-guard="to-dsl"]') as HTMLButtonElement).click());
    expect(card.textContent).toContain('This may be a safeguarding concern');
  });

  it('a disclosure is an alarm with its advice at once', async () => {
    const root = await show({ ...base, intent: 'safeguarding', destination: 'dsl', level: 'disclosure', advice: 'Tell the DSL now.' });
    const card = root.querySelector('[data-policy-guard="routing"]')!;
    expect(card.classList.contains('pg-routing-alert')).toBe(true);
    expect(card.textContent).toContain('routingSafeguarding');
    expect(card.textContent).toContain('Tell the DSL now.');
    expect(root.querySelector('[data-policy-guard="to-dsl"]')).toBeNull();
  });

  it('unsure: the two likeliest destinations instead of one reply', async () => {
    const root = await show({
      ...base,
      intent: 'complaint',
      destination: 'office',
      confidence: 0.41,
      unsure: [
        { intent: 'complaint', destination: 'office', contact: 'the school office' },
        { intent: 'progress', destination: 'meeting' },
      ],
    });
    const card = root.querySelector('[data-policy-guard="routing"]')!;
    expect(card.getAttribute('data-unsure')).toBe('true');
    expect(card.querySelectorAll('[data-policy-guard="routing-alternatives"] li')).toHaveLength(2);
    expect(root.querySelector('[data-policy-guard="suggested-reply"]')).toBeNull();
  });
});

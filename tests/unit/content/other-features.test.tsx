// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://teach.classdojo.com/#/classes/c1/points"}
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parentHint } from '../../../entrypoints/content/features/parent-hint';
import { reloadNotice } from '../../../entrypoints/content/features/reload-notice';
import { rosterOffer } from '../../../entrypoints/content/features/roster-offer';
import { RosterOffer } from '../../../components/RosterOffer';
import { render } from 'preact';
import { routingCard } from '../../../entrypoints/content/features/routing-card';
import { spotCheck, spotTarget } from '../../../entrypoints/content/features/spot-check';
import { parseDojoLocation } from '../../../lib/dojo/routes';
import { bentley, settle, world } from './harness';

describe('the teachers’ features on teach.classdojo.com', () => {
  it('each adds its part of the panel only in the app it serves', () => {
    const w = world();
    for (const feature of [routingCard, parentHint, rosterOffer, spotCheck]) feature.init(w.f);
    expect(w.slots.map((s) => s.feature).sort()).toEqual(['roster-offer', 'routing-card', 'routing-first', 'spot-check']);
  });

  it('roster-offer: offers the pupils on the Classroom page when no roster is saved, and saves nothing by itself', async () => {
    document.body.innerHTML = `<div id="reactApplication">${['Amelia Hughes', 'Oliver Bennett']
      .map((n) => `<button data-name="studentTile" aria-label="${n} 12 points">${n.split(' ')[0]}</button>`)
      .join('')}</div>`;
    // The offer itself is drawn by the parts loaded on request (components/RosterOffer.tsx).
    const saved: unknown[] = [];
    const el = document.createElement('div');
    render(<RosterOffer save={(pupils) => saved.push(pupils)} />, el);
    expect(el.querySelector('[data-policy-guard="roster-offer"]')?.textContent).toContain('rosterOffer');
    expect(saved).toEqual([]);
    expect(await fakeBrowser.storage.local.get()).toEqual({});
    el.querySelector('button')!.click();
    expect(saved).toEqual([[
      { first: 'Amelia', last: 'Hughes', photoConsent: null, inCare: false },
      { first: 'Oliver', last: 'Bennett', photoConsent: null, inCare: false },
    ]]);
  });

  it('routing-card: says nothing until a parent’s message has been routed', async () => {
    const w = world();
    routingCard.init(w.f);
    const el = w.renderSlots();
    await settle();
    expect(el.textContent).toBe('');
    expect(w.notices['routing-card'] ?? []).toEqual([]);
  });

  it('spot-check: reviews story feeds and conversations, per class', () => {
    expect(spotTarget(parseDojoLocation('https://teach.classdojo.com/#/classes/c1/story'))).toEqual({ view: 'class-story', channel: 'class-story', scopeId: 'c1' });
    expect(spotTarget(parseDojoLocation('https://teach.classdojo.com/#/classes/c1/points'))).toBeUndefined();
    expect(spotTarget(parseDojoLocation('https://home.classdojo.com/#/story'))).toBeUndefined();
  });

  it('reload-notice: once the extension is gone, says to reload the page instead of falling silent', () => {
    document.body.innerHTML = '';
    const w = world();
    reloadNotice.init(w.f);
    expect(document.querySelector('policy-guard-reload')).toBeNull();
    w.f.ctx.abort();
    const host = document.querySelector('policy-guard-reload');
    expect(host?.getAttribute('data-policy-guard')).toBe('reload-notice');
    // Its words are in a closed shadow root: the page cannot read them.
    expect(host?.shadowRoot).toBeNull();
  });
});

// @vitest-environment happy-dom
/**
 * What "in care" does under each school's policy, said under the roster (probe 19d D5). Only Bentley New Village
 * (5.4) bars photos of pupils in care, so only there is their consent moot and its select disabled; under the
 * others the local authority's answer is recorded like any family's, and the note says how it is read.
 */
import { describe, expect, it } from 'vitest';
import { mount } from './mount';
import { inCareRule } from '../../../components/roster/InCareNote';
import { RosterTable } from '../../../components/roster/RosterTable';
import type { Pupil } from '../../../lib/rules/types';
import { policy } from '../rules/helpers';

const PUPILS: Pupil[] = [{ first: 'Leo', last: 'Wright', photoConsent: true, inCare: true }];


describe('the roster’s in-care note follows the policy in use', () => {
  it('reads each preset’s photo rule: never (Bentley New Village), check (Broughton, Papworth Hall), off (Malpas Court, AUP v2)', () => {
    expect(inCareRule(undefined)).toBeUndefined();
    expect(inCareRule(policy('bentley-new-village'))).toBe('never');
    expect(inCareRule(policy('broughton'))).toBe('check');
    expect(inCareRule(policy('papworth-hall'))).toBe('check');
    expect(inCareRule(policy('malpas-court'))).toBe('off');
    expect(inCareRule(policy('acceptable-use-v2'))).toBe('off');
  });

  it('under Bentley New Village an in-care pupil’s consent is disabled; under Broughton it can be recorded, and the note says how it is read', async () => {
    const bentley = await mount(<RosterTable pupils={PUPILS} policy={policy('bentley-new-village')} onSave={async () => undefined} />);
    expect((bentley.querySelector('[data-consent="class-story"]') as HTMLSelectElement).disabled).toBe(true);
    expect(bentley.querySelector('[data-policy-guard="roster-in-care-note"]')?.textContent).toBe('rosterInCareNote');

    const broughton = await mount(<RosterTable pupils={PUPILS} policy={policy('broughton')} onSave={async () => undefined} />);
    const select = broughton.querySelector('[data-consent="class-story"]') as HTMLSelectElement;
    expect(select.disabled).toBe(false);
    expect(select.dataset.state).toBe('given');
    // The fake browser has no messages: t() gives the key, which names the message used.
    expect(broughton.querySelector('[data-policy-guard="roster-in-care-note"]')?.textContent).toBe('rosterInCareCheck');

    const none = await mount(<RosterTable pupils={PUPILS} onSave={async () => undefined} />);
    expect(none.querySelector('[data-policy-guard="roster-in-care-note"]')).toBeNull();
  });
});

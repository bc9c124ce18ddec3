/**
 * The safeguarding net after issue 16 round i: one cue word alone never raises a concern (the model weighs
 * it with the rest of the message), tier two is set for recall first, and the cue phrases added for housing,
 * food, court orders, self-harm and online harm, in the home languages too, reach the router.
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../../lib/routing/classify';
import { scanCues } from '../../../lib/routing/features';
import { shippedModel } from '../../../lib/routing/model';
import { tokenize } from '../../../lib/text/tokens';
import { chooseThresholds, TIER_TWO_RECALL } from '../../../scripts/train';
import { CLASSES, prepare } from '../../../scripts/routing/trainer';
import { loadRouting } from '../../../scripts/train';

const score = (t: string) => scanCues(t, tokenize(t)).scores.safeguarding ?? 0;

describe('one cue word is not a concern by itself', () => {
  it('the shipped lexicon bar needs two cue phrases', () => {
    expect(shippedModel().thresholds.lexiconConcern).toBeGreaterThanOrEqual(7);
  });
  it('chooseThresholds never sets the lexicon bar below 7, whatever the data', () => {
    const cases = loadRouting('routing.jsonl').slice(0, 200);
    const examples = prepare(cases);
    // Every message "sure" of safeguarding: any lexicon bar would look precise enough.
    const S = CLASSES.indexOf('safeguarding');
    const probs = examples.map(() => Float64Array.from(CLASSES, (_, i) => (i === S ? 1 : 0)));
    expect(chooseThresholds(examples, probs).lexiconConcern).toBeGreaterThanOrEqual(7);
  });
  it.each([
    ["Bartek's uncle is a police officer and he's doing the talk at careers day", 'police'],
    ['Is the Secret Santa £5 or £10 this year?', 'secret'],
    ['Is the spelling test online this week?', 'online'],
    ['Noor is scared of the dark since the Halloween party', 'scared of'],
  ])('%s', (text) => {
    expect(score(text)).toBeLessThan(7);
    expect(classify(text).intent).not.toBe('safeguarding');
  });
});

describe('tier two is set for recall first', () => {
  it('aims at 99% out-of-fold recall, and its bar sits below tier one', () => {
    expect(TIER_TWO_RECALL).toBeGreaterThanOrEqual(0.99);
    const th = shippedModel().thresholds;
    expect(th.concern).toBeLessThan(th.disclosure);
  });
});

describe('cue phrases for harm told sideways, in English and the home languages', () => {
  it.each([
    ['There is no money for food this week so the kids have been going without', 'eng'],
    ["We've been sofa surfing since Christmas", 'eng'],
    ['He has an injunction against him so only I can collect', 'eng'],
    ['ننام في السيارة منذ يومين مع الأطفال', 'ara'],
    ['ہم دو راتوں سے گاڑی میں سو رہے ہیں', 'urd'],
    ['Does dim bwyd yn y tŷ ers dydd Sadwrn', 'cym'],
    ['Nu avem bani de mâncare de o săptămână', 'ron'],
    ['Nie mamy pieniędzy na jedzenie do końca miesiąca', 'pol'],
  ])('%s (%s) scores as safeguarding in the lexicon, and the router reads it as one', (text) => {
    expect(score(text)).toBeGreaterThanOrEqual(6);
    expect(classify(text)).toMatchObject({ intent: 'safeguarding', level: expect.stringMatching(/^(disclosure|concern)$/) });
  });
});

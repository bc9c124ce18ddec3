import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../../lib/policy/schema';
import { evaluate, loadCorpus, ratio } from '../../../scripts/eval';

// The figures `npm run eval` prints, held as a floor so a change that loses accuracy fails the suite.
describe('labelled corpus', () => {
  const corpus = loadCorpus();

  it('has at least 200 drafts across all five presets and every channel', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(200);
    expect(new Set(corpus.map((c) => c.policy)).size).toBe(5);
    expect(new Set(corpus.map((c) => c.channel))).toEqual(new Set(['class-story', 'school-story', 'class-chat', 'private-chat', 'student-story', 'points']));
    expect(new Set(corpus.map((c) => c.id)).size).toBe(corpus.length);
    // Precision traps: drafts where nothing should be found.
    expect(corpus.filter((c) => c.expect.length === 0).length).toBeGreaterThanOrEqual(80);
  });

  it('scores precision and recall of at least 0.95 for every rule', () => {
    const { scores } = evaluate(corpus);
    for (const rule of RULE_IDS) {
      const s = scores[rule];
      expect(ratio(s.tp, s.tp + s.fp), `${rule} precision`).toBeGreaterThanOrEqual(0.95);
      expect(ratio(s.tp, s.tp + s.fn), `${rule} recall`).toBeGreaterThanOrEqual(0.95);
      expect(s.fixRight, `${rule} fixes`).toBe(s.fixChecked);
    }
  });
});

import { evaluateRouting, loadMessages } from '../../../scripts/eval-routing';

describe('labelled parent messages', () => {
  const messages = loadMessages();
  it('has at least 250 messages over every intent and preset, with Welsh and Polish', () => {
    expect(messages.length).toBeGreaterThanOrEqual(250);
    expect(new Set(messages.map((m) => m.intent)).size).toBe(12);
    expect(new Set(messages.map((m) => m.policy)).size).toBe(5);
    expect(messages.some((m) => m.language === 'cym')).toBe(true);
    expect(messages.some((m) => m.language === 'pol')).toBe(true);
  });
  it('scores at least 95% intent accuracy, 100% safeguarding recall and 99% English one-liners', () => {
    const r = evaluateRouting(messages);
    expect(r.intentRight / r.total).toBeGreaterThanOrEqual(0.95);
    expect(r.safeguardingFound).toBe(r.safeguarding);
    expect(r.shortEngRight / r.shortEng).toBeGreaterThanOrEqual(0.99);
  });
});

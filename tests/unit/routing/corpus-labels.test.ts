/**
 * The routing corpus follows its labelling rules (scripts/corpus/labels.ts), is written by its generator
 * exactly as checked in, and the fresh held-out set shares no message with what the model trains on.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { QUERY_CATEGORIES } from '../../../lib/policy/schema';
import { build, type RoutingCase } from '../../../scripts/corpus/generate';
import { RELABEL } from '../../../scripts/corpus/labels';

const read = (file: string) => readFileSync(new URL(`../../corpus/${file}`, import.meta.url), 'utf8');
const rows = (file: string) => read(file).split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as RoutingCase);

describe('the routing corpus', () => {
  const { train, heldout } = build();
  it('is what `npm run corpus` writes, byte for byte', () => {
    expect(train.map((c) => JSON.stringify(c)).join('\n') + '\n').toBe(read('routing.jsonl'));
    expect(heldout.map((c) => JSON.stringify(c)).join('\n') + '\n').toBe(read('routing-heldout.jsonl'));
  });
  it('carries each relabelled frame’s intent on every message of it', () => {
    const all = [...train, ...heldout];
    for (const [group, fix] of Object.entries(RELABEL)) {
      const of = all.filter((c) => c.group === group);
      expect(of.length, group).toBeGreaterThan(0);
      for (const c of of) expect(c.intent, `${group}: ${c.text}`).toBe(fix.intent);
    }
  });
  it('labels homework logistics general and a dentist pick-up an absence (rules 3 and 8)', () => {
    const all = [...train, ...heldout];
    const homework = all.filter((c) => c.language === 'eng' && /homework (online|login)|log in to the homework/i.test(c.text));
    expect(homework.length).toBeGreaterThan(3);
    for (const c of homework) expect(c.intent, c.text).toBe('general');
    for (const c of all.filter((x) => /picking up at \d+ for (da|the) dentist/i.test(x.text))) expect(c.intent, c.text).toBe('absence');
  });
});

describe('the fresh held-out set (tests/corpus/routing-fresh-heldout.jsonl)', () => {
  const fresh = rows('routing-fresh-heldout.jsonl');
  it('has at least 60 labelled messages in six languages, every intent present', () => {
    expect(fresh.length).toBeGreaterThanOrEqual(60);
    expect(new Set(fresh.map((c) => c.language)).size).toBeGreaterThanOrEqual(6);
    for (const q of QUERY_CATEGORIES) expect(fresh.some((c) => c.intent === q), q).toBe(true);
    for (const c of fresh.filter((x) => x.intent === 'safeguarding')) expect(['disclosure', 'concern']).toContain(c.level);
  });
  it('shares no message with the training or held-out corpus', () => {
    const key = (t: string) => t.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    const seen = new Set([...rows('routing.jsonl'), ...rows('routing-heldout.jsonl')].map((c) => key(c.text)));
    // A two-word acknowledgement ("ok 👍") cannot be new; everything longer must be.
    for (const c of fresh.filter((x) => key(x.text).split(' ').length > 2)) expect(seen.has(key(c.text)), c.text).toBe(false);
  });
  // The blind probes stay blind: each round's new training messages are new wordings of the kinds a probe
  // found, never the probe's own messages. One everyday question in probe 16o was written, blind, in the very
  // words of an older training message (p16o-110, "what date do we break up for christmas?"): a coincidence of
  // a common phrasing, kept as written and listed here.
  it('trains on no message of the blind probes', () => {
    const key = (t: string) => t.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    const seen = new Set(rows('routing.jsonl').map((c) => key(c.text)));
    const coincidences = new Set(['p16o-110']);
    for (const file of ['routing-probe-16m.jsonl', 'routing-probe-16n.jsonl', 'routing-probe-16o.jsonl'])
      for (const c of rows(file).filter((x) => key(x.text).split(' ').length > 2 && !coincidences.has(x.id))) expect(seen.has(key(c.text)), `${file}: ${c.text}`).toBe(false);
  });
});

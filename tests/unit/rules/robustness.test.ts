import { describe, expect, it } from 'vitest';
import { MAX_FINDINGS_PER_RULE } from '../../../lib/rules/index';
import { HOSTILE_INPUTS } from '../../hostile-inputs';
import { check, policy } from './helpers';

// Every rule on, as strictly as any preset has it.
const strict = policy('bentley-new-village', (p) => {
  p.rules['pupil-name'] = { action: 'warn', source: { origin: 'school' } };
  p.rules['negative-points'] = { action: 'warn', source: { origin: 'school' }, channels: ['points', 'class-story'] };
});


describe('hostile text', () => {
  for (const [name, text] of HOSTILE_INPUTS) {
    it(`${name}: finishes, never throws, keeps spans inside the text`, () => {
      const t0 = performance.now();
      const findings = check(strict, { text, media: true, tagged: ['Harry Davies'], points: -1 });
      // The benchmark measures speed (npm run bench: under 50 ms). This bound only catches a regular
      // expression that backtracks catastrophically, which takes seconds to forever.
      expect(performance.now() - t0).toBeLessThan(2_000);
      for (const f of findings) {
        expect(f.start).toBeGreaterThanOrEqual(0);
        expect(f.end).toBeGreaterThanOrEqual(f.start);
        expect(f.end).toBeLessThanOrEqual(text.length);
        if (f.fix !== undefined) expect(f.fix.length).toBeLessThanOrEqual(f.end - f.start + 3);
      }
      const perRule = new Map<string, number>();
      for (const f of findings) perRule.set(f.rule, (perRule.get(f.rule) ?? 0) + 1);
      for (const n of perRule.values()) expect(n).toBeLessThanOrEqual(MAX_FINDINGS_PER_RULE);
    });
  }

  it('applying every fix gives text no longer than the input plus the fixes', () => {
    const text = 'Amelia Hughes, Oliver Bennett and niamh oconnor won. Well done Jayden Smith Walker!';
    const fixes = check(strict, { text }).filter((f) => f.fix !== undefined).sort((a, b) => b.start - a.start);
    // Four pupils on the roster, each written in full.
    expect(fixes.map((f) => `${f.rule}/${f.messageId}`)).toEqual(Array(4).fill('full-name/onRoster'));
    let fixed = text;
    for (const f of fixes) fixed = fixed.slice(0, f.start) + f.fix + fixed.slice(f.end);
    expect(fixed).toBe('Amelia, Oliver B. and Niamh won. Well done Jayden!');
    expect(check(strict, { text: fixed }).filter((f) => f.rule === 'full-name')).toEqual([]);
  });

  it('an empty draft has no text findings', () => {
    expect(check(strict, { text: '' }).filter((f) => f.end > 0)).toEqual([]);
  });

  it('an invalid time is not a finding and not an error', () => {
    expect(check(strict, { text: 'Hello', at: 'not a date' }).filter((f) => f.rule === 'out-of-hours')).toEqual([]);
  });
});

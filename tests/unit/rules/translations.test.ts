import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIELD_WORDS, fieldLabel } from '../../../lib/policy/field-label';
import { RULES } from '../../../lib/rules/index';

const cy = JSON.parse(readFileSync(new URL('../../../public/_locales/cy/messages.json', import.meta.url), 'utf8')) as Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const key = (s: string) => s.replace(/-/g, '_');

describe('a policy file’s field names in Welsh', () => {
  it('has a word for every part of a path the English labels know', () => {
    expect(FIELD_WORDS.map((w) => `field_${w.replace(/[^A-Za-z0-9]/g, '_')}`).filter((k) => !(k in cy))).toEqual([]);
    const welsh = (key: string, sub?: string) => cy[key]?.message.replace('$N$', sub ?? '');
    expect(fieldLabel('hours.staff[0].end', welsh)).toBe('Oriau › Oriau anfon staff › rhif 1 › diwedd');
    expect(fieldLabel('hours.staff[0].end')).toBe('Hours › Staff sending hours › no. 1 › end');
  });
});

describe('the checker’s messages in Welsh', () => {
  it('has a template for every message every rule can give', () => {
    const ids = Object.values(RULES).flatMap((m) => Object.keys(m.meta.messages).map((id) => `f_${key(m.meta.id)}_${key(id)}`));
    expect(ids.filter((id) => !(id in cy))).toEqual([]);
    expect(Object.keys(cy).filter((k) => k.startsWith('f_') && !ids.includes(k))).toEqual([]);
  });

  it('uses each substitution at its fixed position (lib/i18n/finding.ts)', () => {
    const slots = ['name', 'where', 'policy', 'label', 'term', 'now', 'windows', 'schedule', 'extra'];
    for (const [k, v] of Object.entries(cy).filter(([k]) => k.startsWith('f_'))) {
      for (const [name, p] of Object.entries(v.placeholders ?? {})) expect(p.content, `${k} ${name}`).toBe(`$${slots.indexOf(name) + 1}`);
      for (const used of v.message.matchAll(/\$([A-Z]+)\$/g)) expect(v.placeholders?.[used[1]!.toLowerCase()], `${k} ${used[1]}`).toBeDefined();
    }
  });
});

import terms from '../../../lib/rules/data/sensitive-terms.json';
import { SENSITIVE_CATEGORIES } from '../../../lib/policy/vocab';

describe('sensitive-content labels in Welsh', () => {
  it('has a label for every category and every label a term names (labelId)', () => {
    const ids = new Set([...SENSITIVE_CATEGORIES.filter((c) => c !== 'contact-details'), ...(terms.terms as { labelId?: string }[]).flatMap((t) => (t.labelId ? [t.labelId] : []))]);
    expect([...ids].map((id) => `cat_${key(id)}`).filter((k) => !(k in cy))).toEqual([]);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PRESET_CATALOG, PRESET_IDS } from '../../../lib/policy/catalog';
import { parsePolicy } from '../../../lib/policy/parse';
import { PRESETS } from '../../../lib/policy/presets/index';
import { RULE_IDS, type Clause, type Policy } from '../../../lib/policy/schema';

/** Quotes are compared with typographic quotes, dashes and line breaks folded, as the files use both. */
function fold(s: string): string {
  return s
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

function clausesOf(value: unknown, found: Clause[] = []): Clause[] {
  if (Array.isArray(value)) value.forEach((v) => clausesOf(v, found));
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.quote === 'string' && typeof o.file === 'string') found.push(o as unknown as Clause);
    else Object.values(o).forEach((v) => clausesOf(v, found));
  }
  return found;
}

describe.each(PRESET_IDS)('preset %s', (id) => {
  const parsed = parsePolicy(PRESETS[id]);
  const policy = parsed.ok ? parsed.policy : (undefined as unknown as Policy);

  it('is valid against the schema', () => expect(parsed.ok ? [] : parsed.problems).toEqual([]));

  it('has the id and school name the catalogue shows', () => {
    expect(policy.id).toBe(id);
    expect(policy.name).toBe(PRESET_CATALOG.find((p) => p.id === id)?.school);
  });

  it('quotes every clause word for word from the school’s written policy', () => {
    const clauses = clausesOf(policy);
    expect(clauses.length).toBeGreaterThan(5);
    for (const clause of clauses) {
      expect(clause.file).toBe(policy.document.file);
      const text = fold(readFileSync(new URL(`../../../docs/policies/${clause.file}`, import.meta.url), 'utf8'));
      expect(text, `not found in ${clause.file}: ${clause.quote}`).toContain(fold(clause.quote));
    }
  });

  it('has every rule on cite where it comes from, and every rule off say so', () => {
    for (const ruleId of RULE_IDS) {
      const rule = policy.rules[ruleId];
      if (rule.action === 'off') expect(rule.source.origin).toBe('silent');
      else expect(['policy', 'recommended', 'school']).toContain(rule.source.origin);
    }
  });

  it('never gives safeguarding a canned reply: it goes to the DSL', () => {
    expect(policy.routing.routes.safeguarding.destination).toBe('dsl');
    expect(policy.routing.templates.dsl).toBeUndefined();
  });

  it('has an English template for every destination it routes to', () => {
    for (const route of Object.values(policy.routing.routes)) {
      if (['teacher', 'dsl'].includes(route.destination)) continue;
      expect(policy.routing.templates[route.destination]?.eng, route.destination).toBeTruthy();
    }
  });
});

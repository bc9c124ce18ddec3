import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runGuard } from '../../../cli/main';
import { presetInput } from '../../../lib/policy/presets/index';

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runGuard(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'guard-policy-'));
function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
}

describe('guard policy show', () => {
  it('prints a preset as JSON that validates again', async () => {
    const r = await run('policy', 'show', 'malpas-court');
    expect(r.code).toBe(0);
    const shown = JSON.parse(r.out);
    expect(shown).toMatchObject({ id: 'malpas-court', languages: ['eng', 'cym'], timeZone: 'Europe/London' });
    expect((await run('policy', 'validate', file('roundtrip.json', shown))).code).toBe(0);
  });

  it('prints a school’s own file, with the default time zone filled in', async () => {
    const own: Record<string, unknown> = { ...presetInput('broughton'), id: 'own' };
    delete own.timeZone;
    const r = await run('policy', 'show', file('own.json', own));
    expect(JSON.parse(r.out).timeZone).toBe('Europe/London');
  });
});

describe('guard policy validate', () => {
  it('exits 0 for a valid file', async () => {
    const r = await run('policy', 'validate', file('ok.json', presetInput('papworth-hall')));
    expect(r).toMatchObject({ code: 0, out: expect.stringContaining('valid:') });
  });

  it('exits 1 with one "path: message" line per problem', async () => {
    const bad: any = presetInput('bentley-new-village');
    bad.hours.staff[0].end = '25:00';
    bad.rules.shouting = { action: 'warn' };
    bad.languages = ['eng', 'klingon'];
    bad.routing.contacts.office = { name: 'the office' };
    const r = await run('policy', 'validate', file('bad.json', bad));
    expect(r.code).toBe(1);
    const lines = r.out.trim().split('\n');
    expect(lines).toHaveLength(4);
    for (const line of lines) expect(line).toMatch(/^[\w.[\]-]+: \S/);
    expect(lines).toContainEqual(expect.stringMatching(/^hours\.staff\[0\]\.end: /));
    expect(lines).toContainEqual(expect.stringMatching(/^rules\.shouting: unknown rule/));
    expect(lines).toContainEqual(expect.stringMatching(/^languages\[1\]: /));
    expect(lines).toContainEqual(expect.stringMatching(/^routing\.contacts\.office: /));
  });

  it('exits 1 with one line for broken JSON, a missing file, or a folder', async () => {
    for (const target of [file('broken.json', '{"id": '), join(dir, 'missing.json'), dir]) {
      const r = await run('policy', 'validate', target);
      expect(r.code).toBe(1);
      expect(r.out.trim().split('\n')).toHaveLength(1);
      expect(r.out).toMatch(/^\(file\): /);
    }
  });

  it('exits 2 for a usage mistake', async () => {
    expect((await run('policy', 'validate')).code).toBe(2);
    expect((await run('policy', 'frob', 'x')).code).toBe(2);
  });

  it('lists the five presets', async () => {
    const r = await run('policy', 'list');
    expect(r.out.trim().split('\n').map((l) => l.split('\t')[0])).toEqual([
      'bentley-new-village',
      'broughton',
      'acceptable-use-v2',
      'malpas-court',
      'papworth-hall',
    ]);
  });
});

import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { savedFromUrl } from '../../../cli/outline';
import { runGuard } from '../../../cli/main';
import { FIXTURES_DIR } from '../../e2e/fixture-server';
import { checkOutlinePrivacy } from '../../outline-privacy';

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runGuard(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'guard-outline-'));
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const SAVED = join(FIXTURES_DIR, 'saved', 'class-story.html');

describe('guard outline from-html', () => {
  it('prints a saved page’s outline as JSON, its address read from the file', async () => {
    const r = await run('outline', 'from-html', SAVED);
    expect(r.code).toBe(0);
    const outline = JSON.parse(r.out);
    expect(outline).toMatchObject({ format: 'policy-guard-outline', app: 'teach', view: 'class-story', route: '#/classes/{id}/story', source: 'saved-page' });
    expect(checkOutlinePrivacy(outline).leaked).toEqual([]);
    expect(savedFromUrl('<!-- saved from url=(0035)https://home.classdojo.com/#/story -->')).toBe('https://home.classdojo.com/#/story');
  });

  it('takes the address from --url when the file has none', async () => {
    const html = readFileSync(SAVED, 'utf8').replace(/<!-- saved from url=.*?-->/, '');
    const r = await run('outline', 'from-html', file('nomark.html', html), '--url', 'https://teach.classdojo.com/#/classes/c9/messaging/x');
    expect(JSON.parse(r.out)).toMatchObject({ view: 'messaging', route: '#/classes/{id}/messaging/{id}' });
    expect(JSON.parse((await run('outline', 'from-html', file('nomark2.html', html))).out)).toMatchObject({ app: 'other', route: '' });
  });

  it('says plainly what is wrong with its input', async () => {
    expect(await run('outline', 'from-html', join(dir, 'missing.html'))).toMatchObject({ code: 1, err: expect.stringContaining('no such file') });
    expect(await run('outline', 'from-html', file('notes.txt', 'just some notes'))).toMatchObject({ code: 1, err: expect.stringContaining('does not look like a saved web page') });
    expect((await run('outline')).code).toBe(2);
    expect((await run('outline', 'frobnicate', 'x')).code).toBe(2);
    expect((await run('outline', '--help')).out).toContain('to-fixture');
  });
});

describe('guard outline to-fixture', () => {
  it('writes the fixture page and prints where to open it', async () => {
    const outline = (await run('outline', 'from-html', SAVED)).out;
    const out = join(dir, 'fixtures');
    const r = await run('outline', 'to-fixture', file('Oak School 2027.outline.json', outline), '--out', out);
    expect(r.code).toBe(0);
    expect(r.out).toContain('https://teach.classdojo.com/?outline=oak-school-2027#/classes/c1/story');
    const html = readFileSync(join(out, 'oak-school-2027.html'), 'utf8');
    expect(html).toContain('data-name="storyComposer"');
    expect(html).not.toMatch(/Amelia|Carter/);
  });

  it('refuses what is not an outline, with one line per problem, and writes nothing', async () => {
    const out = join(dir, 'refused');
    const bad = [
      ['not-json.json', '{ nope'],
      ['policy.json', JSON.stringify({ id: 'malpas-court' })],
      ['wrong-version.json', JSON.stringify({ format: 'policy-guard-outline', version: 9 })],
      ['deep.json', `{"format":"policy-guard-outline","version":1,"regions":[{"kind":"app-root","node":${'{"tag":"div","children":['.repeat(300)}${']}'.repeat(300)}}]}`],
    ] as const;
    for (const [name, text] of bad) {
      const r = await run('outline', 'to-fixture', file(name, text), '--out', out);
      expect(r.code, name).toBe(1);
      expect(r.err, name).toContain('is not a page outline');
    }
    expect(existsSync(out)).toBe(false);
    const outline = (await run('outline', 'from-html', SAVED)).out;
    expect((await run('outline', 'to-fixture', file('ok.json', outline), '--name', '../../etc', '--out', out)).code).toBe(2);
  });
});

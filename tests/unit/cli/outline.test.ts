import { closeSync, existsSync, ftruncateSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_SAVED_BYTES, savedFromUrl } from '../../../cli/outline';
import { runGuard } from '../../../cli/main';
import { FIXTURES_DIR } from '../../e2e/fixture-server';
import { checkOutlinePrivacy } from '../../outline-privacy';
import { mhtml } from '../../saved-pages';

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runGuard(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'guard-outline-'));
const file = (name: string, content: string | Uint8Array) => {
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

  it('reads a page saved as "Webpage, single file" (MHTML) or in UTF-16 or Windows-1252: the same outline', async () => {
    const html = readFileSync(SAVED, 'utf8');
    const expected = JSON.parse((await run('outline', 'from-html', SAVED)).out);
    const utf16 = Uint8Array.from([0xff, 0xfe, ...new Uint8Array(new Uint16Array(Array.from(html, (c) => c.charCodeAt(0))).buffer)]);
    const western = html.replace(/<meta charset="utf-8"\s*\/?>/i, '<meta charset="windows-1252">');
    const cases: [string, Uint8Array][] = [
      ['Class Story.mhtml', mhtml(html)],
      ['Class Story b64.mhtml', mhtml(html, { encoding: 'base64' })],
      ['utf16.html', utf16],
      ['western.html', Uint8Array.from(western, (c) => (c.charCodeAt(0) < 256 ? c.charCodeAt(0) : 0x3f))],
    ];
    for (const [name, bytes] of cases) {
      const r = await run('outline', 'from-html', file(name, bytes));
      expect(r.code, name).toBe(0);
      // stderr holds only the summary of what was found (stdout is the JSON).
      expect(r.err.split('\n').filter(Boolean).every((l) => /^guard outline: (found|not found)/.test(l)), name).toBe(true);
      expect(JSON.parse(r.out).regions, name).toEqual(expected.regions);
      expect(checkOutlinePrivacy(JSON.parse(r.out)).leaked, name).toEqual([]);
    }
  });

  it('never prints an empty outline: a file with no page in it is refused in one line, with a non-zero exit', async () => {
    const html = readFileSync(SAVED, 'utf8');
    const noPage = new TextDecoder('latin1').decode(mhtml(html)).replace('Content-Type: text/html', 'Content-Type: text/plain');
    const refused: [string, string | Uint8Array, RegExp][] = [
      ['no-page.mhtml', Uint8Array.from(noPage, (c) => c.charCodeAt(0)), /single file.*no HTML part.*Save page as/],
      ['text-with-div.txt', 'Meeting notes: Amelia Hughes used <div> tags in her project.', /does not look like a saved web page/],
      ['empty-body.html', '<!DOCTYPE html><html><head><title>Loading</title></head><body></body></html>', /nothing in it to outline.*once ClassDojo has loaded/],
      ['scripts-only.html', '<html><body><script>window.__STATE__={"name":"Amelia Hughes"}</script></body></html>', /nothing in it to outline/],
      ['empty.html', '', /is empty/],
      ['random.bin', Uint8Array.from({ length: 5000 }, (_, i) => (i * 7919) % 251), /does not look like a saved web page/],
    ];
    for (const [name, content, message] of refused) {
      const r = await run('outline', 'from-html', file(name, content));
      expect(r.code, name).toBe(1);
      expect(r.out, name).toBe('');
      expect(r.err, name).toMatch(message);
      expect(r.err.trimEnd().split('\n'), name).toHaveLength(1);
      expect(r.err, name).not.toContain('Amelia');
    }
  });

  it('"Webpage, HTML only" of ClassDojo (its empty app shell, with scripts): says so, and names the choice that works (probe 21e D1)', async () => {
    const shells: [string, string][] = [
      // The fixture app's own page, as the server sends it: what "HTML only" writes.
      ['teach-index.html', readFileSync(join(FIXTURES_DIR, 'teach', 'index.html'), 'utf8')],
      ['spinner.html', '<!-- saved from url=(0044)https://teach.classdojo.com/#/classes/c1/story --><html><head><script src="/app.3f2a.js" defer></script></head><body><div id="reactApplication"><div class="spinner"></div></div><noscript>Enable JavaScript</noscript></body></html>'],
      // Probe 21f N5: a loader (a spinner and a logo) with body-level portal containers; a root not named
      // reactApplication; a skeleton of empty blocks. None has words or anything Policy Guard sees.
      ['loader-portals.html', '<!DOCTYPE html><html><head><title>ClassDojo</title><script>window.__CONFIG__={"env":"production"};</script></head><body><noscript>You need to enable JavaScript to run this app.</noscript><div id="reactApplication"><div class="a"><div class="b"></div><img src="https://static.classdojo.com/img/logo.svg" alt="ClassDojo"></div></div><div id="modal-root"></div><div id="toast-root"></div><script src="https://static.classdojo.com/build/teach.js" defer></script></body></html>'],
      ['root.html', '<html><head><title>ClassDojo for Teachers</title><script type="module" crossorigin src="/assets/index-Bq3k.js"></script></head><body><div id="root"></div></body></html>'],
      ['skeleton.html', '<html><head><script src="/main.js"></script></head><body><div id="__next"><header><span></span><span></span></header><main><div></div><div></div><div></div><div></div></main></div></body></html>'],
    ];
    for (const [name, html] of shells) {
      const r = await run('outline', 'from-html', file(name, html), '--url', 'https://teach.classdojo.com/#/classes/c1/story');
      expect(r.code, name).toBe(1);
      expect(r.out, name).toBe('');
      expect(r.err.trimEnd().split('\n'), name).toHaveLength(1);
      expect(r.err, name).toMatch(/ClassDojo's empty start page.*"Webpage, HTML only".*"Webpage, Single File" \(or "Webpage, Complete"\)/);
    }
    // A loaded page is no shell, however small its root; nor is a root with no scripts beside it.
    expect((await run('outline', 'from-html', SAVED)).code).toBe(0);
    expect((await run('outline', 'from-html', file('tiny.html', '<html><body><div id="reactApplication"><main><textarea></textarea><button>Post</button></main></div></body></html>'), '--url', 'https://teach.classdojo.com/#/classes/c1/story')).code).toBe(0);
    // Nor is a small page with words (an error page saved as drawn), or one where Policy Guard sees a part.
    expect((await run('outline', 'from-html', file('sorry.html', '<html><head><script src="/app.js"></script></head><body><div id="root"><h1>Sorry, this page isn’t available</h1><p>Check the address and try again.</p></div></body></html>'), '--url', 'https://teach.classdojo.com/#/classes/c1/story')).code).toBe(0);
    expect((await run('outline', 'from-html', file('root-box.html', '<html><head><script src="/app.js"></script></head><body><div id="root"><main><textarea></textarea><button>Post</button></main></div></body></html>'), '--url', 'https://teach.classdojo.com/#/classes/c1/story')).code).toBe(0);
    // The help names the choices that work.
    // A saved page with no box but an opener (probe 21f N3): said, rather than only blaming the selectors.
    const opener = await run('outline', 'from-html', file('opener.html', '<html><body><div id="reactApplication"><main><button>Share a photo or video</button><div data-name="storyPost" role="article" aria-label="Story post"><div data-name="storyPostContents"><span data-name="richText">Our kites flew.</span></div></div></main></div></body></html>'), '--url', 'https://teach.classdojo.com/#/classes/c1/story');
    expect(opener.code).toBe(0);
    expect(opener.out).toContain('"text":"$label:opener+photo"');
    expect(opener.err).toContain('a control that opens the message box is on this page');
    expect(opener.err).not.toContain('kites');
    expect((await run('outline', '--help')).out).toContain('"Webpage,\n      Single File" (MHTML) or "Webpage, Complete"');
  });

  it('says plainly what is wrong with its input', async () => {
    expect(await run('outline', 'from-html', join(dir, 'missing.html'))).toMatchObject({ code: 1, err: expect.stringContaining('no such file') });
    expect(await run('outline', 'from-html', dir)).toMatchObject({ code: 1, err: expect.stringContaining('is a folder') });
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
    // An outline saved as UTF-16 (Windows PowerShell 5.1's `>`) is read.
    const utf16 = Uint8Array.from([0xff, 0xfe, ...new Uint8Array(new Uint16Array(Array.from(outline, (c) => c.charCodeAt(0))).buffer)]);
    expect((await run('outline', 'to-fixture', file('ps.outline.json', utf16), '--out', out, '--name', 'ps')).code).toBe(0);
    // Written outside the folder the harness serves: said, with where to copy it.
    expect(r.out).toMatch(/the harness serves .*tests\/fixtures\/outlines only: copy it there/);
    const html = readFileSync(join(out, 'oak-school-2027.html'), 'utf8');
    expect(html).toContain('data-name="storyComposer"');
    expect(html).not.toMatch(/Amelia|Carter/);
  });

  it('refuses a name that is already a fixture unless --force, and leaves the file as it was (probe 21e D7)', async () => {
    const outline = (await run('outline', 'from-html', SAVED)).out;
    const out = join(dir, 'existing');
    expect((await run('outline', 'to-fixture', file('first.json', outline), '--out', out, '--name', 'school-a')).code).toBe(0);
    writeFileSync(join(out, 'school-a.html'), 'committed');
    const again = await run('outline', 'to-fixture', file('second.json', outline), '--out', out, '--name', 'school-a');
    expect(again.code).toBe(1);
    expect(again.out).toBe('');
    expect(again.err.trimEnd().split('\n')).toHaveLength(1);
    expect(again.err).toMatch(/school-a\.html already exists: choose another --name, or add --force/);
    expect(readFileSync(join(out, 'school-a.html'), 'utf8')).toBe('committed');
    expect((await run('outline', 'to-fixture', file('third.json', outline), '--out', out, '--name', 'school-a', '--force')).code).toBe(0);
    expect(readFileSync(join(out, 'school-a.html'), 'utf8')).toContain('data-name="storyComposer"');
    expect((await run('outline', '--help')).out).toContain('--force');
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
      // A file that is no outline at all is one problem, in one line.
      expect(r.err.trimEnd().split('\n'), name).toHaveLength(1);
    }
    expect(existsSync(out)).toBe(false);
    const outline = (await run('outline', 'from-html', SAVED)).out;
    // An outline with wrong parts: one line naming the file and where in it each problem is.
    const broken = JSON.parse(outline);
    broken.regions[0].node.tag = 7;
    delete broken.app;
    broken.regions[0].node.children[0].count = -1;
    const r = await run('outline', 'to-fixture', file('broken.json', JSON.stringify(broken)), '--out', out);
    expect(r.code).toBe(1);
    const lines = r.err.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^guard outline: .*broken\.json is not a page outline: \S/);
    expect(r.err).toContain('app is missing');
    expect(r.err).toContain('regions[0].node.tag:');
    expect(r.err).toContain('regions[0].node.children[0].count:');
    // Many problems: the first few, then how many more.
    const many = JSON.parse(outline);
    many.regions[0].node.children = Array.from({ length: 30 }, () => ({ tag: 1 }));
    const m = await run('outline', 'to-fixture', file('many.json', JSON.stringify(many)), '--out', out);
    expect(m.err.trimEnd().split('\n')).toHaveLength(1);
    expect(m.err).toContain('and 27 more problems');
    expect(existsSync(out)).toBe(false);
    expect((await run('outline', 'to-fixture', file('ok.json', outline), '--name', '../../etc', '--out', out)).code).toBe(2);
  });

  it('says on stderr what was found and what this view needs that nothing found, and when the file has no address', async () => {
    const story = await run('outline', 'from-html', SAVED);
    expect(story.code).toBe(0);
    const outline = JSON.parse(story.out);
    expect(outline.found).toEqual(expect.arrayContaining([expect.stringMatching(/^composer:/), expect.stringMatching(/^storyPost:/)]));
    expect(outline.missing).toEqual([]);
    expect(story.err).toMatch(/^guard outline: found: .*composer \(/m);
    expect(story.err).toMatch(/not found: nothing this class-story page needs/);
    // A redesign: the posts and the Post button renamed. The outline and the summary name both.
    const renamed = readFileSync(SAVED, 'utf8').replace(/data-name="storyPost"/g, 'data-name="feedCard"').replace(/role="article"/g, 'role="region"').replace(/data-name="storyComposerPostButton"/g, 'data-name="shareButton"').replace(/>\s*Post\s*</g, '>Share<');
    const r = await run('outline', 'from-html', file('renamed.html', renamed));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).missing).toEqual(['storyPost']);
    // The renamed Share button is still seen, by its label only: the summary says how.
    expect(JSON.parse(r.out).found).toContain('sendButton:generic');
    expect(r.err).toMatch(/sendButton \(generic\)/);
    expect(r.err).toMatch(/not found on this class-story page: .*storyPost/);
    // No address in the file: said, with what to do.
    const bare = readFileSync(SAVED, 'utf8').replace(/<!-- saved from url=[^>]*-->/, '').replace(/<link[^>]*canonical[^>]*>/gi, '');
    const b = await run('outline', 'from-html', file('bare.html', bare));
    expect(b.code).toBe(0);
    expect(b.err).toMatch(/does not say which ClassDojo address.*--url/);
  });

  it('a --url that is not a ClassDojo address is refused as such, not taken for a file with no address (probe 21d D10)', async () => {
    const html = readFileSync(SAVED, 'utf8').replace(/<!-- saved from url=[^>]*-->/, '').replace(/<link[^>]*canonical[^>]*>/gi, '');
    const bare = file('bare-url.html', html);
    for (const url of ['notaurl', 'https://evil.example/#/classes/x/story']) {
      const r = await run('outline', 'from-html', bare, '--url', url);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toMatch(/^guard outline: --url .*not a ClassDojo address/);
      expect(r.err).not.toMatch(/does not say which/);
      expect(r.err.trim().split('\n')).toHaveLength(1);
    }
    expect((await run('outline', 'from-html', bare, '--url', 'https://evil.example/#/x')).err).toContain('evil.example');
    // The file itself names another site: said so, and no route of that site is written.
    const elsewhere = await run('outline', 'from-html', file('elsewhere.html', `<!-- saved from url=(0040)https://mirror.example/#/classes/c1/story -->\n${html}`));
    expect(elsewhere.code).toBe(0);
    expect(elsewhere.err).toMatch(/saved from mirror\.example, not a ClassDojo address.*--url/);
    expect(JSON.parse(elsewhere.out)).toMatchObject({ app: 'other', route: '' });
  });

  it('a file past the size it reads is refused in one line with the limit; a big feed says what was counted, not read (probe 21d D9)', async () => {
    const huge = join(dir, 'huge.html');
    // Sparse: no disk is used.
    const fd = openSync(huge, 'w');
    ftruncateSync(fd, MAX_SAVED_BYTES + 1);
    closeSync(fd);
    const r = await run('outline', 'from-html', huge);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^guard outline: .*huge\.html is 256 MB; Policy Guard reads files up to 256 MB: save the page again/);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    rmSync(huge);
    const html = readFileSync(SAVED, 'utf8').replace('</body>', `<ul>${'<li><b>x</b></li>'.repeat(1_500)}</ul></body>`);
    const big = await run('outline', 'from-html', file('long-list.html', html));
    expect(big.code).toBe(0);
    expect(big.err).toMatch(/a big page: 1,000 of its [\d,]+ elements were counted, not read/);
  });

  it('names pictures and PDFs for what they are, and refuses an option without its value', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new TextEncoder().encode('tEXt<html><body><div>x</div></body></html>')]);
    const p = await run('outline', 'from-html', file('shot.png', png));
    expect(p.code).toBe(1);
    expect(p.err).toMatch(/is a PNG picture .*Save page as/);
    const har = await run('outline', 'from-html', file('ClassDojo.har', JSON.stringify({ log: { entries: [{ response: { content: { text: '<html><body><div id="reactApplication">x</div></body></html>' } } }] } })));
    expect(har.code).toBe(1);
    expect(har.err).toMatch(/is a JSON file \(a DevTools HAR/);
    const pdf = await run('outline', 'from-html', file('page.pdf', '%PDF-1.7\n<html><body><div>x</div></body></html>'));
    expect(pdf.err).toMatch(/is a PDF .*Save page as/);
    expect(pdf.err.trimEnd().split('\n')).toHaveLength(1);
    const outline = (await run('outline', 'from-html', SAVED)).out;
    const n = await run('outline', 'to-fixture', file('ok2.json', outline), '--name');
    expect(n.code).toBe(2);
    expect(n.err).toMatch(/--name needs a value/);
  });
});

import { Readable } from 'node:stream';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { readRosterFile } from '../../../cli/check';
import { runGuard } from '../../../cli/main';

async function run(stdin: string, ...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runGuard(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t) }, Readable.from([stdin]));
  return { code, out, err };
}

const line = (o: object) => JSON.stringify(o);
const roster = [{ first: 'Amelia', last: 'Hughes', photoConsent: true, inCare: false }];

describe('guard check --jsonl (the contract)', () => {
  it('answers one line per input line, in order, with the contract’s fields exactly', async () => {
    const input = [
      line({ id: 'one', policy: 'bentley-new-village', channel: 'class-story', text: 'Well done Amelia Hughes!', at: '2026-11-24T10:15:00Z', tagged: ['Amelia Hughes'], media: true, roster }),
      line({ id: 'two', policy: 'bentley-new-village', channel: 'class-story', text: 'PE on Tuesday.', at: '2026-11-24T10:15:00Z' }),
      line({ id: 3, policy: 'malpas-court', channel: 'points', text: 'Off task', at: '2026-11-24T10:15:00Z', points: -1 }),
    ].join('\n');
    const r = await run(input, 'check', '--jsonl');
    expect(r.code).toBe(0);
    const out = r.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(out.map((o) => o.id)).toEqual(['one', 'two', 3]);
    expect(out[0]).toEqual({
      id: 'one',
      findings: [
        {
          rule: 'full-name',
          severity: 'warn',
          start: 10,
          end: 23,
          message: expect.stringContaining('“Amelia Hughes” is a pupil\'s full name'),
          fix: 'Amelia',
          clause: expect.stringContaining("Only pupils' first names will be used"),
        },
      ],
    });
    expect(out[1]).toEqual({ id: 'two', findings: [] });
    expect(Object.keys(out[2].findings[0])).toEqual(['rule', 'severity', 'start', 'end', 'message', 'clause']);
    expect(out[2].findings[0]).toMatchObject({ rule: 'negative-points', severity: 'block' });
  });

  it('gives an error line for a bad line and carries on with the batch', async () => {
    const input = [
      'this is not json',
      line({ id: 'p', policy: 'no-such-school', channel: 'class-story', text: 'x' }),
      line({ id: 'c', policy: 'broughton', channel: 'facebook', text: 'x' }),
      line({ id: 't', policy: 'broughton', channel: 'class-story', text: 42 }),
      line({ id: 'a', policy: 'broughton', channel: 'class-story', text: 'x', at: 'yesterday' }),
      line({ id: 'r', policy: 'broughton', channel: 'class-story', text: 'x', roster: [{ last: 'Hughes' }] }),
      '[1,2]',
      '',
      line({ id: 'ok', policy: 'broughton', channel: 'class-story', text: 'Lovely week!', at: '2026-11-24T10:15:00Z' }),
    ].join('\n');
    const out = (await run(input, 'check', '--jsonl')).out.trim().split('\n').map((l) => JSON.parse(l));
    expect(out).toHaveLength(9);
    expect(out[0]).toEqual({ id: null, error: expect.stringMatching(/^not valid JSON/) });
    expect(out[1]).toEqual({ id: 'p', error: expect.stringContaining('no-such-school') });
    expect(out[2]).toEqual({ id: 'c', error: expect.stringContaining('"channel" must be one of') });
    expect(out[3]).toEqual({ id: 't', error: '"text" must be a string' });
    expect(out[4]).toEqual({ id: 'a', error: expect.stringContaining('"at" must be an ISO date') });
    expect(out[5]).toEqual({ id: 'r', error: 'roster[0].first must be a name' });
    expect(out[6]).toEqual({ id: null, error: 'expected a JSON object' });
    expect(out[7]).toEqual({ id: null, error: 'empty line' });
    expect(out[8]).toEqual({ id: 'ok', findings: [] });
  });

  it('refuses a line with a misspelt field rather than skip its checks (a tester wrote "tags" for "tagged")', async () => {
    const input = [
      line({ id: 'm', policy: 'broughton', channel: 'class-story', text: 'Lovely week!', tags: ['Amelia Hughes'], media: true }),
      line({ id: 'n', policy: 'broughton', channel: 'class-story', text: 'x', tagged: [], Text: 'y', photo: true }),
    ].join('\n');
    const out = (await run(input, 'check', '--jsonl')).out.trim().split('\n').map((l) => JSON.parse(l));
    expect(out[0]).toEqual({ id: 'm', error: expect.stringMatching(/^unknown field "tags": a line has id, policy, channel, text, at, tagged, media, points, roster$/) });
    expect(out[1]).toEqual({ id: 'n', error: expect.stringMatching(/^unknown fields "Text", "photo"/) });
  });

  it('accepts a policy file path and per-channel consent in the roster', async () => {
    const r = await run(
      line({
        id: 'f',
        policy: 'lib/policy/presets/broughton.json',
        channel: 'class-story',
        text: 'Our model',
        at: '2026-11-24T10:15:00Z',
        media: true,
        tagged: ['Freya Thomas'],
        roster: [{ first: 'Freya', last: 'Thomas', photoConsent: { 'class-story': false, 'private-chat': true }, inCare: false }],
      }),
      'check',
      '--jsonl',
    );
    expect(JSON.parse(r.out).findings.map((f: { rule: string }) => f.rule)).toEqual(['photo-consent']);
  });
});

describe('guard check for a person', () => {
  it('prints findings with the fix and the clause', async () => {
    const r = await run('Well done Amelia Hughes!', 'check', '--policy', 'bentley-new-village', '--channel', 'class-story', '--at', '2026-11-24T10:15:00Z');
    expect(r.code).toBe(0);
    expect(r.out).toContain('WARN  full-name “Amelia Hughes” (10–23)');
    expect(r.out).toContain('Fix: “Amelia”');
    expect(r.out).toContain('Policy: 5.3 Posting to Class Story');
  });
  it('exits 1 for a blocking finding, 2 without --policy', async () => {
    expect((await run('Off task', 'check', '--policy', 'malpas-court', '--channel', 'points', '--points=-1')).code).toBe(1);
    expect((await run('x', 'check', '--channel', 'points')).code).toBe(2);
  });
  it('reads a messy CSV roster (BOM, quoted names, yes/no consent)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'guard-roster-'));
    const file = join(dir, 'roster.csv');
    writeFileSync(file, '\uFEFFForename,Surname,"Photo consent",In care\n"Niamh","O\'Connor",yes,no\nHarry,Davies,no,no\n');
    expect(readRosterFile(file)).toEqual([
      { first: 'Niamh', last: "O'Connor", photoConsent: true, inCare: false },
      { first: 'Harry', last: 'Davies', photoConsent: false, inCare: false },
    ]);
    const r = await run('Harry and Niamh', 'check', '--policy', 'bentley-new-village', '--channel', 'class-story', '--media', '--roster', file, '--at', '2026-11-24T10:15:00Z');
    expect(r.out).toContain('photo-consent “Harry”');
  });
});

import { sanitizeRoster } from '../../../lib/rules/roster';

describe('a stored roster, as the background reads it', () => {
  it('keeps the valid entries of a corrupt roster and never throws', () => {
    expect(sanitizeRoster('garbage')).toEqual([]);
    expect(sanitizeRoster(null)).toEqual([]);
    expect(sanitizeRoster([{ first: 'Amelia', last: 'Hughes', photoConsent: 'yes', inCare: 0 }, { last: 'NoFirst' }, 42, null])).toEqual([
      { first: 'Amelia', last: 'Hughes', photoConsent: true, inCare: false },
    ]);
  });
});

describe('guard check --jsonl reads each roster and policy once per batch', () => {
  it('hands the checker the same roster array for the same roster content, whatever line it is on', async () => {
    const { batchCaches } = await import('../../../cli/check');
    const caches = batchCaches();
    const a = caches.rosterOf(JSON.parse(JSON.stringify(roster)));
    const b = caches.rosterOf(JSON.parse(JSON.stringify(roster)));
    expect(Array.isArray(a)).toBe(true);
    expect(b).toBe(a); // one array: the checker's index (a WeakMap by array) is built once
    const other = caches.rosterOf([{ first: 'Oliver', last: 'Bennett' }]);
    expect(other).not.toBe(a);
    // The same pupils written another way (keys in another order, other spacing): the same array still.
    const reordered = roster.map((p) => Object.fromEntries(Object.entries(p).reverse()));
    expect(caches.rosterOf(reordered)).toBe(a);
    expect(caches.rosterOf.ofText(JSON.stringify(roster, null, 2))).toBe(a);
    expect(caches.rosterOf([{ last: 'Bennett' }])).toBe('roster[0].first must be a name');
    expect(caches.policyOf('bentley-new-village')).toBe(caches.policyOf('bentley-new-village'));
  });

  it('gives the same answers with a shared roster as line by line', async () => {
    const { batchCaches, checkLine } = await import('../../../cli/check');
    const caches = batchCaches();
    const lines = ['Well done Amelia Hughes!', 'Amelia was poorly today.', 'PE on Tuesday.'].map((text, i) =>
      line({ id: i, policy: 'bentley-new-village', channel: 'class-story', text, at: '2026-11-24T10:15:00Z', roster }),
    );
    for (const l of lines) expect(checkLine(l, caches)).toBe(checkLine(l));
    const r = await run([...lines, line({ id: 'bad', policy: 'bentley-new-village', channel: 'class-story', text: 'x', roster: 'nope' })].join('\n'), 'check', '--jsonl');
    const out = r.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(out).toHaveLength(4);
    expect(out[0].findings.some((f: { rule: string }) => f.rule === 'full-name')).toBe(true);
    expect(out[3]).toEqual({ id: 'bad', error: '"roster" must be a list of pupils' });
  });
});

describe('guard check --jsonl finds each line’s roster by its text', () => {
  const at = '2026-11-24T10:15:00Z';
  const withRoster = (id: number, r: unknown, text = 'Well done Amelia Hughes!') => line({ id, policy: 'bentley-new-village', channel: 'class-story', text, at, roster: r });

  it('indexes a roster once for every line that carries the same roster, and again when it changes', async () => {
    const rules = await import('../../../lib/rules/roster');
    const { batchCaches, checkLine } = await import('../../../cli/check');
    const spy = vi.spyOn(rules, 'indexRoster');
    try {
      const caches = batchCaches();
      // The same pupils with consent withdrawn: a photo of Amelia is now a finding.
      const other = [{ ...roster[0]!, photoConsent: false }];
      const photo = (id: number, r: unknown) => line({ id, policy: 'bentley-new-village', channel: 'class-story', text: 'Trip photos!', at, tagged: ['Amelia Hughes'], media: true, roster: r });
      const out = [photo(1, roster), photo(2, roster), withRoster(3, roster), photo(4, other), withRoster(5, other)].map((l) => JSON.parse(checkLine(l, caches)));
      // Two distinct rosters: two indexes, however many lines.
      expect(spy).toHaveBeenCalledTimes(2);
      const consent = (o: { findings: { rule: string }[] }) => o.findings.filter((f) => f.rule === 'photo-consent').length;
      expect(consent(out[0])).toBe(0);
      expect(consent(out[3])).toBe(1);
    } finally {
      spy.mockRestore();
    }
  });

  it('answers every line as it would alone, whatever is around the roster in the line', async () => {
    const { batchCaches, checkLine } = await import('../../../cli/check');
    const caches = batchCaches();
    const rosterText = JSON.stringify(roster);
    const lines = [
      // Spaces, the roster first, a brace and an escaped quote in strings before it, a nested object after.
      `{ "roster" : ${rosterText} , "id": 1, "policy": "bentley-new-village", "channel": "class-story", "text": "Amelia Hughes", "at": "${at}" }`,
      `{"id": "a \\\\\\" } roster", "text": "Amelia Hughes said \\"hi\\" {", "policy": "bentley-new-village", "channel": "class-story", "at": "${at}", "roster": ${rosterText}, "x": {"roster": []}}`,
      // A roster that is not JSON, one that is not a list, one with a bad pupil; a second "roster" (the last wins, as JSON.parse has it).
      `{"id": 3, "policy": "bentley-new-village", "channel": "class-story", "text": "x", "roster": [{"first": "A",]}`,
      `{"id": 4, "policy": "bentley-new-village", "channel": "class-story", "text": "x", "roster": "nope"}`,
      `{"id": 5, "policy": "bentley-new-village", "channel": "class-story", "text": "x", "roster": [{"last": "Bennett"}]}`,
      `{"id": 6, "policy": "bentley-new-village", "channel": "class-story", "text": "Amelia Hughes", "at": "${at}", "roster": [], "roster": ${rosterText}}`,
      `{"id": 7, "policy": "bentley-new-village", "channel": "class-story", "text": "Amelia Hughes", "at": "${at}", "r\u006fster": ${rosterText}}`,
      `{"id": 8, "policy": "bentley-new-village", "channel": "class-story", "text": "Amelia Hughes", "at": "${at}", "roster": null}`,
      `[${rosterText}]`,
    ];
    const whole = (l: string) => checkLine(l, { ...batchCaches(), rosterOf: Object.assign((v: unknown) => batchCaches().rosterOf(v), { ofText: () => undefined, last: () => undefined }) });
    for (const l of lines) expect(checkLine(l, caches)).toBe(whole(l));
    const out = lines.map((l) => JSON.parse(checkLine(l, caches)));
    expect(out[0].findings.some((f: { rule: string }) => f.rule === 'full-name')).toBe(true);
    expect(out[1].id).toBe('a \\" } roster');
    expect(out[2].error).toMatch(/^not valid JSON/);
    expect(out[3].error).toBe('"roster" must be a list of pupils');
    expect(out[4].error).toBe('roster[0].first must be a name');
    expect(out[5].findings.some((f: { rule: string }) => f.rule === 'full-name')).toBe(true);
    expect(out[6].findings.some((f: { rule: string }) => f.rule === 'full-name')).toBe(true);
    expect(out[7].error).toBe('"roster" must be a list of pupils');
    expect(out[8]).toEqual({ id: null, error: 'expected a JSON object' });
  });

  it('knownRosterAtEnd finds the last line’s roster only as the line’s last top-level member', async () => {
    const { knownRosterAtEnd } = await import('../../../cli/check');
    const r = '[{"first": "A"}]';
    const at = (l: string) => {
      const span = knownRosterAtEnd(l, r);
      return span && l.slice(span[0], span[1]);
    };
    expect(at(`{"id": 1, "roster": ${r}}`)).toBe(r);
    expect(at(`{ "id": 1 ,  "roster" :  ${r}  }  \r`)).toBe(r);
    expect(at(`{"roster":${r}}`)).toBe(r);
    // Not last, not "roster", a key with an escaped quote, another roster, nothing before it.
    expect(at(`{"roster": ${r}, "id": 1}`)).toBeUndefined();
    expect(at(`{"x": {"roster": ${r}}}`)).toBeUndefined();
    expect(at(`{"rosters": ${r}}`)).toBeUndefined();
    expect(at(`{"roster": null, "a\\"roster": ${r}}`)).toBeUndefined();
    expect(at(`{"roster": [{"first": "B"}]}`)).toBeUndefined();
    expect(at(`"roster": ${r}}`)).toBeUndefined();
    expect(at(r)).toBeUndefined();
  });

  it('a batch with one roster on every line, last, reads it once and answers as line by line', async () => {
    const rules = await import('../../../lib/rules/roster');
    const { batchCaches, checkLine } = await import('../../../cli/check');
    const spy = vi.spyOn(rules, 'indexRoster');
    try {
      const caches = batchCaches();
      const other = [{ ...roster[0]!, photoConsent: false }];
      const photo = (id: number, r: unknown, extra = {}) => line({ id, policy: 'bentley-new-village', channel: 'class-story', text: 'Trip photos of Amelia Hughes!', at: '2026-11-24T10:15:00Z', tagged: ['Amelia Hughes'], media: true, ...extra, roster: r });
      const lines = [
        photo(1, roster),
        photo(2, roster),
        photo(3, other),
        photo(4, other),
        // The last line's roster text last, but another key's value: a key ending in an escaped quote and "roster".
        JSON.stringify({ id: 5, policy: 'bentley-new-village', channel: 'class-story', text: 'x', roster: null, 'a"roster': other }),
        photo(6, roster),
        photo(7, 'nope'),
      ];
      const out = lines.map((l) => checkLine(l, caches));
      expect(spy).toHaveBeenCalledTimes(2); // two distinct rosters: two indexes, however many lines
      for (const [i, l] of lines.entries()) expect(out[i]).toBe(checkLine(l));
      const consent = (o: string) => (JSON.parse(o) as { findings: { rule: string }[] }).findings.filter((f) => f.rule === 'photo-consent').length;
      expect([0, 1, 2, 3, 5].map((i) => consent(out[i]!))).toEqual([0, 0, 1, 1, 0]);
      expect(JSON.parse(out[4]!)).toEqual({ id: 5, error: '"roster" must be a list of pupils' });
      expect(JSON.parse(out[6]!)).toEqual({ id: 7, error: '"roster" must be a list of pupils' });
    } finally {
      spy.mockRestore();
    }
  });

  it('writes each output line as JSON.stringify of the contract’s objects would, character for character', async () => {
    const { contractFinding, findingsLine } = await import('../../../cli/check');
    const odd = ['', 'a "quoted" \\ back', '“Amelia Hughes” — Siân', '\u2028\u2029', '\n\t\u0001', '\ud800 lone', '😀'];
    const findings = odd.map((text, i) => ({
      rule: 'full-name', severity: i % 2 ? 'warn' : 'block', action: 'warn', start: [0, 5, -0, NaN, 1e21, 3, 7][i]!, end: i * 11,
      messageId: 'x', data: { a: text }, message: text, ...(i % 3 ? { fix: odd[(i + 1) % odd.length] } : {}), clause: odd[(i + 2) % odd.length]!, category: 'health',
    })) as never[];
    for (const id of [0, 'a"b', null, { x: [1, '“'] }, 1.5]) {
      expect(findingsLine(id, findings)).toBe(JSON.stringify({ id, findings: findings.map(contractFinding) }));
      expect(findingsLine(id, [])).toBe(JSON.stringify({ id, findings: [] }));
    }
  });

  it('answers the lines each chunk completes in one write, as soon as the chunk is read', async () => {
    const { checkLine, runCheckJsonl } = await import('../../../cli/check');
    const { Readable } = await import('node:stream');
    const lines = ['Amelia Hughes', 'PE on Tuesday', 'Amelia was poorly'].map((text, id) => line({ id, policy: 'bentley-new-village', channel: 'class-story', text, at: '2026-11-24T10:15:00Z', roster }));
    const all = `${lines.join('\n')}\n\n`;
    const cut = all.indexOf(lines[2]!) + 5;
    const writes: string[] = [];
    await runCheckJsonl(Readable.from([all.slice(0, cut), all.slice(cut)]), { stdout: (t) => void writes.push(t), stderr: () => undefined });
    const answers = lines.map((l) => `${checkLine(l)}\n`);
    expect(writes).toEqual([answers[0]! + answers[1]!, `${answers[2]}{"id":null,"error":"empty line"}\n`]);
  });

  it('rosterSpan finds the top-level roster only, or says it cannot', async () => {
    const { rosterSpan } = await import('../../../cli/check');
    const l = '{"a": "\\\\", "roster": [{"first": "x]"}], "b": {"roster": 1}}';
    const span = rosterSpan(l)!;
    expect(l.slice(span[0], span[1])).toBe('[{"first": "x]"}]');
    expect(rosterSpan('{"a": 1}')).toBeUndefined();
    expect(rosterSpan('{"roster": [1, 2}')).toBeUndefined();
    expect(rosterSpan('{"roster": 1, "roster": 2}')).toBeUndefined();
    expect(rosterSpan('not json')).toBeUndefined();
  });

  it('rosterSpan spans exactly the roster JSON.stringify wrote, whatever strings and nesting surround it', async () => {
    const { rosterSpan } = await import('../../../cli/check');
    const odd = ['', 'x]', '{[', '\\', '"', 'a\\"b', '}]]', 'Siân', '\u2028', '"roster": [1]'];
    for (let n = 0; n < 200; n++) {
      const pick = (k: number) => odd[(n * 7 + k * 3) % odd.length]!;
      const roster = [{ first: pick(1), last: pick(2), tags: [pick(3), { deep: [pick(4)] }] }, [], {}];
      const line = JSON.stringify({ text: pick(5), nested: { roster: [pick(6)] }, roster, after: [pick(7), { x: pick(8) }] }, null, n % 3 === 0 ? 1 : undefined);
      const span = rosterSpan(line)!;
      expect(span, line).toBeDefined();
      expect(JSON.parse(line.slice(span[0], span[1])), line).toEqual(roster);
    }
    expect(rosterSpan('{"roster": [{"a": "unterminated}]}')).toBeUndefined();
  });
});

describe('guard check --jsonl splits lines as readline does', () => {
  it('\n, \r\n and a lone \r end a line, across chunks, and UTF-8 split between chunks is kept whole', async () => {
    const { LineSplitter } = await import('../../../cli/check');
    const s = new LineSplitter();
    const bytes = new TextEncoder().encode('Siân');
    const out = [
      ...s.push('a\r'),
      ...s.push('\nb\rc\n\n'),
      ...s.push(bytes.slice(0, 3)),
      ...s.push(bytes.slice(3)),
      ...s.push('\r'),
      ...s.push('last'),
      ...s.end(),
    ];
    expect(out).toEqual(['a', 'b', 'c', '', 'Siân', 'last']);
    const t = new LineSplitter();
    expect([...t.push('x\r'), ...t.end()]).toEqual(['x']);
    expect(new LineSplitter().end()).toEqual([]);
  });

  it('any mix of \\n, \\r and \\r\\n, cut into chunks anywhere, splits as one read whole would', async () => {
    const { LineSplitter } = await import('../../../cli/check');
    // The reference: readline's rule, written plainly.
    const reference = (text: string) => {
      const out = text.split(/\r\n|\n|\r/);
      if (out[out.length - 1] === '') out.pop();
      return out;
    };
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let run = 0; run < 300; run++) {
      const text = Array.from({ length: random(40) }, () => 'ab\r\n'[random(4)]).join('');
      const s = new LineSplitter();
      const got: string[] = [];
      for (let i = 0; i < text.length; ) {
        const n = 1 + random(6);
        got.push(...s.push(text.slice(i, i + n)));
        i += n;
      }
      got.push(...s.end());
      expect(got, JSON.stringify(text)).toEqual(reference(text));
    }
  });

  it('a long line read in many small chunks is one line', async () => {
    const { LineSplitter } = await import('../../../cli/check');
    const s = new LineSplitter();
    const long = 'y'.repeat(100_000);
    const got: string[] = [];
    for (let i = 0; i < long.length; i += 7) got.push(...s.push(long.slice(i, i + 7)));
    got.push(...s.push('\nz'), ...s.end());
    expect(got).toEqual([long, 'z']);
  });
});

describe('guard check --roster reads every management system’s export as the options page does', () => {
  const FIXTURES = join(__dirname, '../../fixtures/rosters');
  it('a Windows-1252 SIMS export with a title above the headings: the curly apostrophe and the preferred name', async () => {
    const r = await run('Well done Niamh O’Connor and Alexander Smith-Walker!', 'check', '--policy', 'bentley-new-village', '--channel', 'class-story', '--at', '2026-11-24T10:15:00Z', '--roster', join(FIXTURES, 'sims-student-list.csv'));
    // What was read goes to stderr; stdout is the findings alone.
    expect(r.err).toContain('roster sims-student-list.csv: Read as Windows-1252 (Excel “CSV”), separated by commas. Headings on row 4.');
    expect(r.out).not.toContain('roster');
    expect(r.out).toContain('“Niamh O’Connor”');
    expect(r.out).toContain('Fix: “Niamh”');
    expect(r.out).toContain('“Alexander Smith-Walker”');
    expect(r.out).toContain('Fix: “Alex”');
  });

  it('Excel "Unicode Text" (UTF-16) and ClassDojo’s list, where consent is not recorded and the finding says so', async () => {
    const r = await run('Trip photos!', 'check', '--policy', 'bentley-new-village', '--channel', 'class-story', '--at', '2026-11-24T10:15:00Z', '--media', '--tag', 'Seun Adebayo', '--roster', join(FIXTURES, 'classdojo-class-list.csv'));
    expect(r.out).toContain('No photo consent is recorded for Seun Adebayo');
    const wide = readRosterFile(join(FIXTURES, 'sims-unicode-text.txt'));
    expect(Array.isArray(wide) && wide.map((p) => p.first)).toEqual(['Amelia', 'Siân', 'Niamh', 'Alex', 'Seun']);
  });

  it('a file whose names are not names is refused by row', () => {
    const dir = mkdtempSync(join(tmpdir(), 'roster-'));
    writeFileSync(join(dir, 'bad.csv'), 'Forename,Surname\nAmelia,Hughes\n2018-04-01,Bennett\n');
    expect(readRosterFile(join(dir, 'bad.csv'))).toMatch(/^roster row 3: “2018-04-01 Bennett” has digits/);
  });
});

describe('guard check --lang (issue #15)', () => {
  const draft = 'Grace Taylor has been diagnosed with ADHD.';
  const args = ['check', '--policy', 'bentley-new-village', '--channel', 'class-story', '--at', '2026-11-24T21:15:00Z'];

  it('cy: every finding in Welsh, from the catalog the browser reads; the clause as the school wrote it', async () => {
    const { out, code } = await run(draft, ...args, '--lang', 'cy');
    expect(code).toBe(0);
    expect(out).toContain('Mae “Grace Taylor” yn edrych fel enw llawn plentyn, yn Stori\'r Dosbarth');
    expect(out).toContain("Mae'n Maw 24 Tach, 21:15: y tu allan i oriau ClassDojo Bentley New Village Primary School (Llun–Gwe 08:00–17:00). Trefnwch ef ar gyfer Mer 25 Tach, 08:00.");
    expect(out).toContain('Gwybodaeth am anghenion dysgu ychwanegol am unigolyn (“ADHD”)');
    // The words around each finding in Welsh too (a tester: "Policy:", "Fix:" stayed English); the clause as written.
    expect(out).toContain('Polisi: 5.3 Posting to Class Story: “Only pupils\' first names will be used.');
    expect(out).toContain('Cywiriad: “Grace');
    expect(out).not.toMatch(/^\s+(Policy|Fix):/m);
    expect(out).not.toContain('looks like a child');
    expect((await run('Lovely week!', 'check', '--policy', 'bentley-new-village', '--channel', 'class-story', '--at', '2026-11-24T10:15:00Z', '--lang', 'cy')).out).toBe("Dim canfyddiadau: mae'r drafft hwn yn cadw at y polisi.\n");
  });

  it('en (and no --lang): the checker’s English', async () => {
    const plain = await run(draft, ...args);
    const en = await run(draft, ...args, '--lang', 'en');
    expect(en.out).toBe(plain.out);
    expect(en.out).toContain("“Grace Taylor” looks like a child's full name, in Class Story");
  });

  it('--jsonl --lang cy: the contract’s shape, the message in Welsh', async () => {
    const line = JSON.stringify({ id: 1, policy: 'bentley-new-village', channel: 'class-story', at: '2026-11-24T10:15:00Z', text: draft, roster: [] });
    const { out } = await run(`${line}\n`, 'check', '--jsonl', '--lang', 'cy');
    const answer = JSON.parse(out) as { findings: { rule: string; message: string }[] };
    expect(answer.findings.map((f) => f.rule)).toEqual(['full-name', 'sensitive-content', 'sensitive-content']);
    expect(answer.findings[0]!.message).toMatch(/^Mae “Grace Taylor” yn edrych fel enw llawn plentyn/);
  });

  it('a language it does not have: a clear message, exit 2', async () => {
    const { err, code } = await run(draft, ...args, '--lang', 'fr');
    expect(code).toBe(2);
    expect(err).toBe('guard check: --lang must be one of en, cy.\n');
  });
});

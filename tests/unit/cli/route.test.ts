import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runGuard } from '../../../cli/main';

async function route(lines: string[]) {
  let out = '';
  const code = await runGuard(['route', '--jsonl'], { stdout: (t) => (out += t), stderr: () => {} }, Readable.from([lines.join('\n')]));
  return { code, out: out.trim().split('\n').map((l) => JSON.parse(l)) };
}

describe('guard route --jsonl (the contract)', () => {
  it('answers one line per line, in order, with the contract’s fields', async () => {
    const { code, out } = await route([
      JSON.stringify({ id: 'a', policy: 'bentley-new-village', text: "Amelia is sick and won't be in", at: '2026-11-24T07:50:00Z' }),
      JSON.stringify({ id: 'b', policy: 'malpas-court', text: 'Mae Osian yn sâl heddiw', at: '2026-11-24T07:50:00Z' }),
    ]);
    expect(code).toBe(0);
    expect(out[0]).toEqual({
      id: 'a',
      intent: 'sickness',
      secondary: [],
      destination: 'attendance',
      language: 'eng',
      confidence: expect.any(Number),
      cues: ['sick', "won't be in"],
      reply: expect.stringContaining('Mr Lund'),
    });
    expect(out[1]).toMatchObject({ id: 'b', intent: 'sickness', destination: 'office', language: 'cym', reply: expect.stringContaining('Brif Swyddfa') });
  });

  it('names the language as the policy format writes it (Arabic arb, not the detector’s ara: probe 16i)', async () => {
    const { out } = await route([JSON.stringify({ id: 'g', policy: 'bentley-new-village', text: 'ابني مريض اليوم ولن يذهب إلى المدرسة، عنده حرارة', at: '2026-11-24T07:50:00Z' })]);
    expect(out[0]).toMatchObject({ id: 'g', intent: 'sickness', language: 'arb' });
  });

  it('adds "conduct" for an abusive message, and a null reply', async () => {
    const { out } = await route([JSON.stringify({ id: 'c', policy: 'broughton', text: 'you are a useless idiot', at: '2026-11-24T07:50:00Z' })]);
    expect(out[0]).toMatchObject({ conduct: 'abusive', reply: null });
  });

  it('gives an error line for a bad line and carries on', async () => {
    const { out } = await route(['nope', JSON.stringify({ id: 'd', policy: 'no-such', text: 'hi' }), JSON.stringify({ id: 'e', policy: 'broughton' }), JSON.stringify({ id: 'f', policy: 'broughton', text: 'Thanks!' })]);
    expect(out[0]).toMatchObject({ id: null, error: expect.stringMatching(/^not valid JSON/) });
    expect(out[1]).toMatchObject({ id: 'd', error: expect.stringContaining('no-such') });
    expect(out[2]).toEqual({ id: 'e', error: '"text" must be a string' });
    expect(out[3]).toMatchObject({ id: 'f', intent: 'general', destination: 'teacher' });
  });
});

describe('guard route --jsonl --lang (issue #15)', () => {
  const run = async (args: string[], lines: string[]) => {
    let out = '';
    let err = '';
    const code = await runGuard(['route', ...args], { stdout: (t) => (out += t), stderr: (t) => (err += t) }, Readable.from([lines.join('\n')]));
    return { code, err, out: out.trim() ? out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>) : [] };
  };
  const sick = JSON.stringify({ id: 'a', policy: 'bentley-new-village', text: "Amelia is sick and won't be in", at: '2026-11-24T07:50:00Z' });
  const disclosure = JSON.stringify({ id: 'b', policy: 'bentley-new-village', text: 'My partner hits me and the children are scared to go home', at: '2026-11-24T07:50:00Z' });

  it('adds the teacher’s advice, worded as the routing card words it in that language', async () => {
    const en = await run(['--jsonl', '--lang', 'en'], [sick, disclosure]);
    expect(en.out[0]!.advice).toMatch(/^Sickness absences go to Mr Lund/);
    expect(en.out[1]!.advice).toMatch(/^This may be a safeguarding concern\. Follow the school's safeguarding procedure: tell /);
    const cy = await run(['--jsonl', '--lang', 'cy'], [sick, disclosure]);
    expect(cy.out[0]!.advice).toMatch(/^Mae negeseuon am salwch yn mynd at Mr Lund/);
    expect(cy.out[1]!.advice).toMatch(/^Gallai hwn fod yn bryder diogelu\./);
    expect(cy.out[0]).toMatchObject({ intent: 'sickness', destination: 'attendance' });
  });

  it('without --lang, the contract as it was (no advice field)', async () => {
    const { out } = await run(['--jsonl'], [sick]);
    expect(out[0]).not.toHaveProperty('advice');
  });

  it('an unknown option or language is refused, exit 2, with what to do', async () => {
    expect(await run(['--jsonl', '--bogus'], [sick])).toMatchObject({ code: 2, out: [], err: expect.stringContaining("guard route: Unknown option '--bogus'") });
    expect(await run(['--jsonl', '--lang', 'fr'], [sick])).toMatchObject({ code: 2, out: [], err: 'guard route: --lang must be one of en, cy.\n' });
  });
});

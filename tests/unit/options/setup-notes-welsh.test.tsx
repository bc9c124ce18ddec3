// @vitest-environment happy-dom
/**
 * Issue #15: the setup review words Policy Guard's own notes (each recommended default's, lib/policy/reader-note.ts)
 * in the interface's language: in a Welsh browser every such note is Welsh, none the English the policy file keeps;
 * a note the reader wrote from the document itself (no id) is shown as written.
 */
import { readFileSync } from 'node:fs';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { messagesOf } from '../../../cli/catalog';
import { ProposalReview } from '../../../components/options/setup/ProposalReview';
import { blankProposal, proposeFromText, type Proposal } from '../../../lib/policy/from-text';
import { answerAsBackground } from './background';

const CY = messagesOf('cy');
const settle = () => act(() => new Promise((r) => setTimeout(r, 20)));

async function notes(proposal: Proposal): Promise<Map<string, string>> {
  const root = document.createElement('div');
  document.body.append(root);
  await act(() => render(<ProposalReview proposal={proposal} fromDocument={false} onDone={() => undefined} />, root));
  await settle();
  const out = new Map<string, string>();
  for (const li of root.querySelectorAll<HTMLElement>('[data-item]')) {
    const note = li.querySelector('[data-policy-guard="item-note"]')?.textContent;
    if (note) out.set(li.dataset.item!, note);
  }
  render(null, root);
  root.remove();
  return out;
}

describe('the setup review’s notes in Welsh', () => {
  // The browser's own i18n in Welsh (components/i18n.ts reads globalThis.browser.i18n).
  const g = globalThis as unknown as { browser: { i18n: unknown } };
  let before: unknown;
  beforeAll(() => {
    before = g.browser.i18n;
  });
  beforeEach(() => {
    fakeBrowser.reset();
    answerAsBackground();
    g.browser.i18n = { getMessage: (key: string, subs?: string[]) => CY(key, subs), getUILanguage: () => 'cy' };
  });
  afterAll(() => {
    g.browser.i18n = before;
  });

  it('words every recommended default’s note in Welsh: no English sentence of the policy file’s', async () => {
    const proposal = blankProposal('policy.txt');
    const shown = await notes(proposal);
    expect(shown.size).toBeGreaterThan(15);
    expect(shown.get('staffHours')).toBe('Nid yw yn y ddogfen. Argymhellir: dydd Llun i ddydd Gwener, 8yb i 5yp, yr oriau y mae polisïau ClassDojo y rhan fwyaf o ysgolion yn eu gosod.');
    expect(shown.get('contacts.dsl')).toBe("Mae gan bob ysgol Berson Diogelu Dynodedig; rhowch enw'r person os dylai rhieni ei weld.");
    expect(shown.get('rules.pupil-name')).toBe("Nid yw yn y ddogfen: gellir defnyddio enwau cyntaf disgyblion (diofyn a argymhellir: wedi'i ddiffodd).");
    for (const [key, text] of shown) {
      // The English the file keeps is never what a Welsh reader sees, nor any English sentence.
      expect(text, key).not.toMatch(/\b(?:the|and|are|not|of|to|where|only)\b/i);
    }
  });

  it('words a DSL’s default way to reach them in Welsh, quoting the contact as it stands', async () => {
    const proposal = proposeFromText('Safeguarding concerns should be raised with our Designated Safeguarding Lead, Mr R Novak.', { file: 'p.txt' });
    const shown = await notes(proposal);
    expect(proposal.contacts.dsl!.noteId).toBe('contactDefaultHow');
    // The default way is Policy Guard's own words (DEFAULT_HOWS): quoted in Welsh too.
    expect(proposal.contacts.dsl!.value.how).toBe("in person, straight away, following the school's safeguarding procedure");
    expect(shown.get('contacts.dsl')).toBe(`Nid yw yn y ddogfen: mae sut i gysylltu â nhw ("yn bersonol, ar unwaith, gan ddilyn trefn ddiogelu'r ysgol") yn ddiofyn a argymhellir gan Policy Guard; gwiriwch hyn cyn ei ddefnyddio.`);
    // The defaults beside it are still worded in Welsh.
    expect(shown.get('rules.out-of-hours')).toBe("Nid yw yn y ddogfen. Argymhellir: gwiriad cyn anfon y tu allan i'r oriau anfon.");
  });

  it('shows a note with no id (the reader’s own reading of the document) as written', async () => {
    const proposal = blankProposal('policy.txt');
    proposal.rules['pupil-name'] = { ...proposal.rules['pupil-name'], note: 'The document allows no names at all in shared spaces.' };
    delete proposal.rules['pupil-name'].noteId;
    const shown = await notes(proposal);
    expect(shown.get('rules.pupil-name')).toBe('The document allows no names at all in shared spaces.');
  });

  // Probe 15: the review of a bilingual Welsh school's document still said "Title:", "Mon–Fri 08:45–16:00",
  // "Contact: Designated Safeguarding Lead" (the reader's own role wording) and "swyddfa'r ysgol (the school office)".
  it('words the reader’s own labels, days and role names in Welsh; the document’s own headings as written', async () => {
    const text = readFileSync('tests/fixtures/policies/probe-18e/06-bryncelyn-bilingual.txt', 'utf8');
    const proposal = proposeFromText(text, { file: 'bryn-celyn.txt' });
    const root = document.createElement('div');
    document.body.append(root);
    await act(() => render(<ProposalReview proposal={proposal} fromDocument={false} onDone={() => undefined} />, root));
    await settle();
    const item = (key: string) => root.querySelector<HTMLElement>(`[data-item="${key}"]`)!;
    const value = (key: string) => item(key).querySelector('[data-policy-guard="item-value"]')!.textContent!.trim();
    expect(value('staffHours')).toBe('Llun–Gwe 08:45–16:00');
    expect(item('contacts.dsl').querySelector('.review-head strong')!.textContent).toBe('Cyswllt: Y Person Diogelu Dynodedig');
    expect(value('routes.absence')).toBe("swyddfa'r ysgol");
    const labels = [...root.querySelectorAll('.quotes .muted')].map((e) => e.textContent);
    expect(labels).toContain('Teitl:');
    expect(labels).not.toContain('Title:');
    // The document's own headings, in its own languages, as written.
    expect(labels).toContain('English:');
    expect(labels).toContain('Cymraeg:');
    render(null, root);
    root.remove();
  });

  it('words Policy Guard’s own values: the default conduct wording, a default way to reach, its role words; no bracketed place', async () => {
    const text = readFileSync('tests/fixtures/policies/probe-18e/05-thornbury-label-value.txt', 'utf8');
    const proposal = proposeFromText(text, { file: 'thornbury.txt' });
    const root = document.createElement('div');
    document.body.append(root);
    await act(() => render(<ProposalReview proposal={proposal} fromDocument={false} onDone={() => undefined} />, root));
    await settle();
    const head = (key: string) => root.querySelector(`[data-item="${key}"] .review-head strong`)?.textContent;
    const value = (key: string) => root.querySelector(`[data-item="${key}"] [data-policy-guard="item-value"]`)?.textContent;
    expect(head('contacts.senco')).toBe('Cyswllt: Cydlynydd ADY');
    expect(head('contacts.deputy-dsl')).toBe('Cyswllt: Dirprwy Berson Diogelu Dynodedig');
    if (proposal.conduct.origin !== 'document') expect(value('conduct')).toBe('Mae trefn arferol yr ysgol ar gyfer negeseuon amhriodol yn berthnasol.');
    for (const [key, c] of Object.entries(proposal.contacts)) {
      if (c.value.how === "in person, straight away, following the school's safeguarding procedure") expect(value(`contacts.${key}`)).toContain("yn bersonol, ar unwaith, gan ddilyn trefn ddiogelu'r ysgol");
    }
    // A route to a place the document names ("the office") says the destination only, in Welsh.
    for (const li of root.querySelectorAll<HTMLElement>('[data-item^="routes."]')) expect(li.querySelector('[data-policy-guard="item-value"]')!.textContent).not.toMatch(/\(the /);
    render(null, root);
    root.remove();
  });

  // Probe 16 LOW 2: complaints in writing to the Pennaeth (through the office, which has no destination of its own
  // for the head) read "swyddfa'r ysgol (Mr Dafydd Owen)", as if he were the office: he is named with his role.
  it('names a person in another role reached that way with their role, not as the destination', async () => {
    const proposal = proposeFromText("Ysgol Bro Alaw\n\nPolisi ClassDojo\n\nCwynion\nDylid anfon pob cwyn yn ysgrifenedig at y Pennaeth, Mr Dafydd Owen.\n", { file: 'p.txt' });
    expect(proposal.routes.complaint.origin).toBe('document');
    const root = document.createElement('div');
    document.body.append(root);
    await act(() => render(<ProposalReview proposal={proposal} fromDocument={false} onDone={() => undefined} />, root));
    await settle();
    expect(root.querySelector('[data-item="routes.complaint"] [data-policy-guard="item-value"]')?.textContent).toBe('Mr Dafydd Owen (Pennaeth)');
    render(null, root);
    root.remove();
  });

  // Issue #15: a fresh tester still saw Policy Guard's own English in Welsh reviews (the default conduct wording,
  // checks, contact notes, default ways to reach, role words, "(the office)"). Over real documents: once the
  // school's own words are taken out (quotes, names, the contacts' own words, numbers), no English word is left.
  it.each([
    'docs/policies/bentley-new-village.txt',
    'docs/policies/broughton.txt',
    'docs/policies/malpas-court.txt',
    'docs/policies/papworth-hall.txt',
    'tests/fixtures/policies/hilltop-primary.txt',
    'tests/fixtures/policies/st-aidans.txt',
    'tests/fixtures/policies/probe-18e/01-oakfield-numbered.txt',
    'tests/fixtures/policies/probe-18e/05-thornbury-label-value.txt',
    'tests/fixtures/policies/probe-18e/06-bryncelyn-bilingual.txt',
  ])('leaves no English of Policy Guard’s own in the Welsh review of %s', async (doc) => {
    const proposal = proposeFromText(readFileSync(doc, 'utf8'), { file: doc.split('/').pop()! });
    const root = document.createElement('div');
    document.body.append(root);
    await act(() => render(<ProposalReview proposal={proposal} fromDocument={false} onDone={() => undefined} />, root));
    await settle();
    // The school's own words, as the review shows them: its name, its contacts' names, roles and ways, a response time.
    // (Conduct's consequence read from the document is the school's; Policy Guard's default is worded in Welsh.)
    const own = [proposal.name.value, proposal.responseTime.value, ...(proposal.conduct.origin === 'document' ? [proposal.conduct.value.consequence] : []), ...Object.values(proposal.contacts).flatMap(({ value: c }) => [c.name, c.how ?? '', ...(c.role ?? '').split(' and ')])].filter((w) => w.trim().length > 1);
    const left: string[] = [];
    for (const li of root.querySelectorAll<HTMLElement>('[data-item]')) {
      const key = li.dataset.item!;
      const item = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], proposal) as { check?: string; checkId?: string };
      const texts = ['.review-head strong', '[data-policy-guard="item-value"]', '[data-policy-guard="item-note"]', ...(item.checkId || !item.check ? ['[data-policy-guard="item-check"]'] : [])].map((sel) => li.querySelector(sel)?.textContent ?? '');
      for (const text of texts) {
        let rest = text.replace(/"[^"]*"|“[^”]*”/g, '');
        for (const w of [...own].sort((a, b) => b.length - a.length)) rest = rest.split(w).join('');
        rest = rest.replace(/Keeping Children Safe in Education|Policy Guard|ClassDojo|hours\.terms|\S+@\S+/g, '');
        if (/\b(?:the|and|are|not|of|to|by|in|is|with|only|every|phone|email|office|headteacher|deputy|lead|officer|procedure|school|messages?)\b/i.test(rest)) left.push(`${key}: ${rest}`);
      }
    }
    render(null, root);
    root.remove();
    expect(left).toEqual([]);
  });
});

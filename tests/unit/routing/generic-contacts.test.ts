/**
 * Issue #15: a contact named in Policy Guard's own words (`generic`: the presets' DSL and office, a role a
 * document reader found no name for) is worded in each language, in the interface and in a reply to a parent;
 * a name the school wrote is quoted as written. A Welsh reply joins its words as Welsh does ("â'r", "ag").
 */
import '../../../lib/rules/lexicon-bundled';
import { describe, expect, it } from 'vitest';
import { messagesOf } from '../../../cli/catalog';
import { contactName } from '../../../lib/i18n/routing';
import type { PresetId } from '../../../lib/policy/catalog';
import { PRESETS } from '../../../lib/policy/presets';
import { routeMessage, welshJoins } from '../../../lib/routing/index';
import { buildPolicy, proposeFromText } from '../../../lib/policy/from-text';
import { policy as preset } from '../rules/helpers';

const cy = messagesOf('cy');
const en = messagesOf('en');
const ABSENCE = 'Mae Cerys yn sâl heddiw a fydd hi ddim yn yr ysgol.';

describe('a contact named in Policy Guard’s words', () => {
  it('is worded in the interface’s language; the school’s own name is quoted as written, even when it reads the same', () => {
    expect(contactName({ name: 'the school office', generic: 'office' }, cy)).toBe("swyddfa'r ysgol");
    expect(contactName({ name: 'the school office', generic: 'office' }, en)).toBe('the school office');
    expect(contactName({ name: 'the school office' }, cy)).toBe('the school office');
    expect(contactName({ name: 'the school office', generic: false }, cy)).toBe('the school office');
    expect(contactName({ name: 'Mrs Siân Llwyd', generic: 'dsl' }, en)).toBe('the Designated Safeguarding Lead');
  });

  it('every preset’s DSL is one, and a preset contact named as a person never is', () => {
    for (const id of Object.keys(PRESETS) as PresetId[]) {
      const contacts = preset(id).routing.contacts;
      expect(contacts.dsl?.generic, id).toBe('dsl');
      for (const [key, c] of Object.entries(contacts)) if (/^(M[rs]s?|Miss|Dr) |^[A-Z][a-z]+ [A-Z]/.test(c.name)) expect(c.generic, `${id} ${key}`).toBeUndefined();
    }
  });

  it('fills a Welsh reply with the role in Welsh, joined as Welsh joins it (was "cysylltwch â the school office")', () => {
    const p = preset('bentley-new-village', (q) => {
      q.languages = ['eng', 'cym'];
      for (const c of ['absence', 'sickness']) q.routing.routes[c] = { ...q.routing.routes[c], destination: 'office', contact: 'office' };
      q.routing.templates.office = { ...q.routing.templates.office, cym: 'Diolch. Cysylltwch â {contact} am absenoldeb {pupil}; rydym yn ateb {hours}.' };
    });
    const r = routeMessage(ABSENCE, p, { language: 'cym' });
    expect(r.replyLanguage).toBe('cym');
    expect(r.reply).toContain("Cysylltwch â swyddfa'r ysgol");
    expect(r.reply).not.toMatch(/the school office|Mon|Fri/);
    // The reply hours in the reply's own day names.
    expect(r.reply).toMatch(/Llun–Gwe/);
    // The same message in English, under the same policy: English words.
    expect(routeMessage('Cerys is off sick today, sorry.', p, { language: 'eng' }).reply).toContain('the school office');
  });

  it('a name the school typed over Policy Guard’s stays as typed in a Welsh reply', () => {
    const p = preset('bentley-new-village', (q) => {
      q.languages = ['eng', 'cym'];
      q.routing.contacts.office = { ...q.routing.contacts.office, name: 'Swyddfa Ysgol y Graig', generic: false };
      for (const c of ['absence', 'sickness']) q.routing.routes[c] = { ...q.routing.routes[c], destination: 'office', contact: 'office' };
      q.routing.templates.office = { ...q.routing.templates.office, cym: 'Cysylltwch â {contact}, os gwelwch yn dda.' };
    });
    expect(routeMessage(ABSENCE, p, { language: 'cym' }).reply).toBe('Cysylltwch â Swyddfa Ysgol y Graig, os gwelwch yn dda.');
  });
});

describe('a DSL the document names', () => {
  // The reader began from its default DSL (generic) and kept the mark when the document gave her name: the routing
  // card and the review said "the Designated Safeguarding Lead", not "Mrs Rachel Dunmore".
  it('is the school’s own name, as written, in the proposal and the built policy', () => {
    const proposal = proposeFromText('Heronsgate Learning Trust\nClassDojo Policy\n\nOur Designated Safeguarding Lead is Mrs Rachel Dunmore.', { file: 'h.txt' });
    expect(proposal.contacts.dsl!.value.name).toBe('Mrs Rachel Dunmore');
    expect(proposal.contacts.dsl!.value.generic).toBeFalsy();
    const built = buildPolicy(proposal, {});
    expect(contactName(built.routing.contacts.dsl!, cy)).toBe('Mrs Rachel Dunmore');
  });

  it('left unnamed, is Policy Guard’s role, in each language', () => {
    const built = buildPolicy(proposeFromText('Safeguarding concerns go to the DSL.', { file: 'd.txt' }), {});
    expect(contactName(built.routing.contacts.dsl!, cy)).toBe('y Person Diogelu Dynodedig');
    expect(contactName(built.routing.contacts.dsl!, en)).toBe('the Designated Safeguarding Lead');
  });
});

describe('Welsh joins', () => {
  it('contracts the article after â, i, gyda, o and a, and writes ag before a vowel', () => {
    expect(welshJoins('cysylltwch â y swyddog presenoldeb')).toBe("cysylltwch â'r swyddog presenoldeb");
    expect(welshJoins('rhowch wybod i yr Uwch Swyddog')).toBe("rhowch wybod i'r Uwch Swyddog");
    expect(welshJoins('siaradwch gyda y tîm')).toBe("siaradwch gyda'r tîm");
    expect(welshJoins('cysylltwch â Elin')).toBe('cysylltwch ag Elin');
    expect(welshJoins('cysylltwch ag Elin')).toBe('cysylltwch ag Elin');
  });

  it('leaves what is already right, and words that merely contain the letters, alone', () => {
    for (const text of ["cysylltwch â'r swyddfa", 'cysylltwch â swyddfa’r ysgol', 'Mae hi yn yr ysgol', 'Diolch i chi', 'Rhowch wybod i mi', 'cyfathrebu y tu allan', 'sâl yr wythnos hon'])
      expect(welshJoins(text), text).toBe(text);
  });
});

import { describe, expect, it } from 'vitest';
import { PRESET_IDS } from '../../../lib/policy/catalog';
import { QUERY_CATEGORIES, type QueryCategory } from '../../../lib/policy/schema';
import { classify } from '../../../lib/routing/classify';
import { detectConduct } from '../../../lib/routing/conduct';
import { parentHint, routeMessage } from '../../../lib/routing/index';
import { detectLanguage } from '../../../lib/routing/language';
import { tokenize } from '../../../lib/text/tokens';
import { policy } from '../rules/helpers';

/** One typical message per intent. */
const EXAMPLES: Record<QueryCategory, string> = {
  absence: "Hi, Jacob won't be in today, we have a family funeral",
  sickness: 'Amelia is sick and won’t be in today',
  medical: 'Please can Jack have his antibiotics at lunch',
  dinners: 'Can Amelia change to school dinners next week?',
  complaint: 'I want to make a formal complaint about lunchtime supervision',
  urgent: 'Nan is picking Amelia up today, please can you let her know',
  clubs: 'Is football club on tonight?',
  'lost-property': 'Jacob has lost his water bottle, it is blue',
  progress: 'How is Amelia getting on with her reading?',
  trip: 'What time does the coach get back from the museum trip?',
  safeguarding: 'I am worried, she says her stepdad hits her and she is scared to go home',
  general: 'Thank you so much for a lovely term!',
};

describe('classify: every intent', () => {
  for (const intent of QUERY_CATEGORIES) {
    it(intent, () => {
      const c = classify(EXAMPLES[intent]);
      expect(c.intent).toBe(intent);
      expect(c.confidence).toBeGreaterThan(0.5);
      if (intent !== 'general') expect(c.cues.length).toBeGreaterThan(0);
    });
  }

  it('a cold "but he is coming in" is not an absence', () => {
    expect(classify('He has a bit of a cold but he is coming in').intent).toBe('general');
    expect(classify('She was sick last night but she’s fine now and coming in').intent).toBe('general');
  });
  it('sickness absorbs the absence words it comes with, as cues', () => {
    const c = classify('Amelia is sick and won’t be in today');
    expect(c).toMatchObject({ intent: 'sickness', secondary: [] });
    expect(c.cues).toEqual(['sick', 'won’t be in']);
  });
  it('keeps a second intent as secondary', () => {
    expect(classify('Freya won’t be in on Friday so she will miss the trip, can I get a refund?')).toMatchObject({ intent: 'absence', secondary: ['trip'] });
  });
  it('puts safeguarding first, whatever else the message says', () => {
    expect(classify("Leo won't be in today. I'm worried, his dad hit him last night and he has bruises").intent).toBe('safeguarding');
  });
  it('handles text-speak, no punctuation and emoji', () => {
    expect(classify('hiya maja not in school today x').intent).toBe('absence');
    expect(classify('arlo been sick in the night so not in 2day sorry').intent).toBe('sickness');
    expect(classify('Alfie’s got a sickness bug 🤢 won’t be in').intent).toBe('sickness');
  });
  it('does not read "I’ll" as "ill"', () => {
    expect(classify('I’ll collect her at 1:30 after her orthodontist appointment').intent).toBe('absence');
  });
  it('classifies Welsh and Polish', () => {
    expect(classify('Mae Osian yn sâl heddiw a fydd e ddim yn yr ysgol').intent).toBe('sickness');
    expect(classify('Faint yw arian cinio’r hanner tymor yma?').intent).toBe('dinners');
    expect(classify('Dzień dobry, Zofia nie przyjdzie dziś do szkoły').intent).toBe('absence');
    expect(classify('Babcia odbierze Maję dzisiaj ze szkoły').intent).toBe('urgent');
  });
});

describe('destination per preset: from the school’s own routing', () => {
  const expected: Record<string, Partial<Record<QueryCategory, string>>> = {
    'bentley-new-village': { absence: 'attendance', sickness: 'attendance', dinners: 'office', complaint: 'office', urgent: 'office', progress: 'meeting', safeguarding: 'dsl', general: 'teacher', clubs: 'teacher' },
    broughton: { absence: 'office', sickness: 'office', complaint: 'office', urgent: 'office', trip: 'office', progress: 'meeting', safeguarding: 'dsl', dinners: 'teacher' },
    'acceptable-use-v2': { absence: 'office', sickness: 'office', urgent: 'office', medical: 'nursing', progress: 'meeting', safeguarding: 'dsl', general: 'teacher' },
    'malpas-court': { absence: 'office', sickness: 'office', dinners: 'office', clubs: 'office', 'lost-property': 'office', complaint: 'office', urgent: 'office', progress: 'meeting', safeguarding: 'dsl', medical: 'teacher' },
    'papworth-hall': { absence: 'office', dinners: 'office', progress: 'office', general: 'office', safeguarding: 'dsl' },
  };
  for (const id of PRESET_IDS) {
    for (const [intent, destination] of Object.entries(expected[id]!)) {
      it(`${id}: ${intent} -> ${destination}`, () => {
        const r = routeMessage(EXAMPLES[intent as QueryCategory], policy(id), { language: 'eng' });
        expect(r.intent).toBe(intent);
        expect(r.destination).toBe(destination);
      });
    }
  }
});

describe('replies', () => {
  it('names Bentley’s Attendance Officer, Mr Lund, with the pupil’s first name', () => {
    const r = routeMessage('Amelia is sick and won’t be in today', policy('bentley-new-village'), { language: 'eng' });
    expect(r.reply).toBe("Thank you for letting me know. So that it is recorded properly, please report Amelia's absence to Mr Lund by a ClassDojo message. Thank you.");
    expect(r.advice).toContain('Mr Lund');
  });
  it('says how to reach Broughton’s office for absence: before the school day starts', () => {
    const r = routeMessage('Jacob won’t be in today', policy('broughton'), { language: 'eng' });
    expect(r.reply).toContain('by email or phone before the school day starts');
  });
  it('replies in Welsh at Malpas Court when the parent writes in Welsh', () => {
    const r = routeMessage('Mae Osian yn sâl heddiw', policy('malpas-court'), { language: 'cym' });
    expect(r.reply).toContain('Brif Swyddfa');
    expect(routeMessage('Osian is sick today', policy('malpas-court'), { language: 'eng' }).reply).toContain('the Main Office');
  });
  it('falls back to English where the school has no template in the parent’s language', () => {
    const r = routeMessage('Maja jest chora i nie przyjdzie', policy('bentley-new-village'), { language: 'pol' });
    expect(r.reply).toMatch(/^Thank you/);
    expect(r.language).toBe('pol');
  });
  it('says "your child" when no pupil is named', () => {
    expect(routeMessage('my son is sick today and won’t be in', policy('bentley-new-village'), { language: 'eng' }).reply).toContain("your child's absence");
  });
  it('never gives safeguarding a canned reply', () => {
    for (const id of PRESET_IDS) {
      const r = routeMessage(EXAMPLES.safeguarding, policy(id), { language: 'eng' });
      expect(r.reply).toBeNull();
      expect(r.advice).toMatch(/safeguarding procedure.*Designated Safeguarding Lead now/);
    }
  });
  it('suggests no reply where the teacher answers', () => {
    expect(routeMessage(EXAMPLES.general, policy('bentley-new-village'), { language: 'eng' }).reply).toBeNull();
  });
});

describe('conduct', () => {
  it('flags abuse apart from the intent, cites the school’s conduct clause, and drafts no reply', () => {
    const r = routeMessage('Amelia won’t be in today. You are a useless idiot.', policy('bentley-new-village'), { language: 'eng' });
    expect(r).toMatchObject({ intent: 'absence', conduct: 'abusive', reply: null });
    expect(r.advice).toContain('One warning, then the parent’s ClassDojo account is removed.'.replace('’', "'"));
    expect(r.advice).toContain('line manager');
  });
  it('tells threats, abuse and aggression apart, threats first', () => {
    const conduct = (t: string) => detectConduct(t, tokenize(t))?.conduct;
    expect(conduct('I know where you live, you’ll regret this')).toBe('threatening');
    expect(conduct('This school is a f***ing joke')).toBe('abusive');
    expect(conduct('HOW DARE YOU KEEP MY SON IN AT BREAK')).toBe('aggressive');
    expect(conduct('Thank you, have a lovely weekend')).toBeUndefined();
    expect(conduct('I am not happy about the trip')).toBeUndefined();
  });
});

describe('language', () => {
  it('prefers English for English one-liners', () => {
    for (const t of ['Thanks!', 'ok', 'running late sorry x', 'Is football club on?', 'How do I sign Amelia up for breakfast club?']) {
      expect(detectLanguage(t, ['eng', 'cym'])).toBe('eng');
    }
  });
  it('finds Welsh and Polish when they clearly win', () => {
    expect(detectLanguage('Bore da, fydd Cerys ddim yn yr ysgol heddiw', ['eng', 'cym'])).toBe('cym');
    expect(detectLanguage('Diolch yn fawr', ['eng', 'cym'])).toBe('cym');
    expect(detectLanguage('Antoni jest chory, ma kaszel i gorączkę', ['eng'])).toBe('pol');
  });
});

describe('the parent’s hint on home.classdojo.com', () => {
  it('says where an absence goes and when the teacher will reply', () => {
    const sunday = new Date('2026-11-22T19:00:00Z');
    const h = parentHint('Amelia won’t be in tomorrow, she has a dentist appointment', policy('bentley-new-village'), sunday);
    expect(h.redirect).toBe('Absences go to Mr Lund, by a ClassDojo message.');
    expect(h.replies).toBe('Teachers reply Mon–Fri 08:00–17:00. The earliest reply would be Mon 23 Nov, 08:00.');
  });
  it('gives no redirect for a message that belongs with the teacher', () => {
    expect(parentHint('Thank you for a lovely term!', policy('bentley-new-village'), new Date('2026-11-24T10:00:00Z')).redirect).toBeUndefined();
  });
});

import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classify } from '../../../lib/routing/classify';
import { detectConduct } from '../../../lib/routing/conduct';
import { featurize, scanCues } from '../../../lib/routing/features';
import { routeMessage, TRANSLATE_NOTE } from '../../../lib/routing/index';
import { detectLanguage } from '../../../lib/routing/language';
import { IntentModel, shippedModel, softmax } from '../../../lib/routing/model';
import { tokenize } from '../../../lib/text/tokens';
import { routeLine } from '../../../cli/route';
import { DEFAULTS, prepare, pack, fit } from '../../../scripts/routing/trainer';
import { loadRouting } from '../../../scripts/train';
import { policy } from '../rules/helpers';
import type { Policy } from '../../../lib/policy/schema';

describe('the shipped model', () => {
  const file = readFileSync(new URL('../../../lib/routing/data/model.json', import.meta.url));
  it('is at most 150 KB gzipped', () => {
    expect(gzipSync(file, { level: 9 }).length).toBeLessThanOrEqual(150 * 1024);
  });
  it('decodes every intent and a calibrated temperature', () => {
    const m = shippedModel();
    expect(m.classes).toHaveLength(12);
    expect(m.temperature).toBeGreaterThan(0);
    expect(m.thresholds.concern).toBeLessThan(m.thresholds.disclosure);
  });
  it('gives probabilities that add up to one', () => {
    const m = shippedModel();
    const tokens = tokenize('Amelia is off sick today');
    const p = m.probabilities(m.logits(featurize(tokens, scanCues('Amelia is off sick today', tokens))));
    expect([...p].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    expect(softmax([1000, 0])[0]).toBeCloseTo(1, 6);
  });
  it('sees one pupil’s name as any other’s', () => {
    const a = classify('Amelia is off sick today');
    const b = classify('Jacob is off sick today');
    expect(a.scores).toEqual(b.scores);
  });
});

describe('training is deterministic', () => {
  it('gives the same weights from the same messages, byte for byte', () => {
    const cases = loadRouting('routing.jsonl').slice(0, 300);
    const o = { ...DEFAULTS, epochs: 3 };
    const extra = { temperature: 1, thresholds: { unsure: 0.5, disclosure: 0.9, concern: 0.1, lexiconConcern: 7 }, trainedOn: { messages: 300, sha: '' } };
    const one = JSON.stringify(pack(fit(prepare(cases), o), o, extra));
    const two = JSON.stringify(pack(fit(prepare(cases), o), o, extra));
    expect(one).toBe(two);
    expect(new IntentModel(JSON.parse(one)).classes).toHaveLength(12);
  });
});

describe('reads parents’ messages as an office would', () => {
  it.each([
    ['Evie has an eye test at 9.15, a bit late in', 'absence'],
    ['Jacob will be in after lunch, he has the orthodontist', 'absence'],
    ['OFF TODAY WITH D&V', 'sickness'],
    ['I want to make a formal complaint about the way my son was spoken to', 'complaint'],
    ['Is football club on tonight?', 'clubs'],
    ['Nan is picking Amelia up today', 'urgent'],
  ])('%s -> %s', (text, intent) => {
    expect(classify(text).intent).toBe(intent);
  });

  it.each([
    "What's the limit for Secret Santa this year?",
    'Where do I find the homework online?',
    'I’m a bit worried about his reading, he doesn’t enjoy it',
    'The bruise on her leg is from the trampoline park at the weekend, she is fine',
    'He has had bad dreams since the film, he might be tired',
  ])('a harmless message is no safeguarding alarm: %s', (text) => {
    expect(classify(text).level).not.toBe('disclosure');
  });

  it.each([
    'Leo has bruises on his arms and said his stepdad grabbed him',
    'Amelia told me someone at the park touched her and told her to keep it secret',
    'Theo said he wants to die and doesn’t want to be here any more',
  ])('a clear disclosure goes to the DSL now: %s', (text) => {
    expect(classify(text)).toMatchObject({ intent: 'safeguarding', level: 'disclosure' });
  });

  it.each([
    'We have been sleeping in the car this week, she has not had a proper wash',
    'An older lad keeps giving him money and new trainers and asking him to carry bags',
    'There is a court order against her dad, he must not collect her',
  ])('an indirect disclosure is caught, in either tier: %s', (text) => {
    const c = classify(text);
    expect(c.intent).toBe('safeguarding');
    expect(['disclosure', 'concern']).toContain(c.level);
  });

  // Probe 16m: the kinds it got wrong, in new words (never the probe's own messages).
  it.each([
    "Are the children doing secret santa again this year? What's the budget?",
    "Me and Ava's dad have separated, it's all amicable, she'll be at his on Fridays",
  ])('a harmless message is not even a safeguarding concern: %s', (text) => {
    expect(classify(text).intent).not.toBe('safeguarding');
  });
  it.each([
    "The court told her father he must stay away from us, I've sent the papers to the office",
    'He took my card again so there is no money for the kids this week',
    "Sorry there's nothing in the cupboards till I get paid on Friday, she might be hungry",
  ])('money, orders and empty cupboards told in passing are caught: %s', (text) => {
    expect(classify(text).intent).toBe('safeguarding');
  });
  it.each([
    ['ਮੇਰੀ ਧੀ ਨੂੰ ਬੁਖਾਰ ਹੈ, ਅੱਜ ਸਕੂਲ ਨਹੀਂ ਆਵੇਗੀ', 'sickness'],
    ['Wiilkayga wuu xanuunsan yahay maanta, ma imaanayo', 'sickness'],
    ['Por favor, dele a mi hija su medicina a la hora del almuerzo', 'medical'],
  ])('a home language the corpus had little of: %s -> %s', (text, intent) => {
    expect(classify(text).intent).toBe(intent);
  });

  it('explains itself with the words it leaned on, as typed', () => {
    const c = classify('Noah has bruises on his arms and said his uncle did it');
    expect(c.cues.length).toBeGreaterThan(0);
    for (const cue of c.cues) expect('Noah has bruises on his arms and said his uncle did it').toContain(cue);
  });
});

describe('tone: capitals and exclamation marks alone are not abuse', () => {
  const conduct = (t: string) => detectConduct(t, tokenize(t))?.conduct;
  it('a worried parent shouting about sickness', () => {
    expect(conduct('OFF TODAY WITH D&V')).toBeUndefined();
    expect(conduct('PLEASE RING ME ASAP!!!')).toBeUndefined();
    expect(routeMessage('AMELIA IS OFF TODAY WITH D&V!!!', policy('bentley-new-village'), { language: 'eng' }).reply).not.toBeNull();
  });
  it('abusive words shouted are still abuse, and marked as shouted', () => {
    expect(detectConduct('YOU ARE A USELESS IDIOT AND A JOKE', tokenize('YOU ARE A USELESS IDIOT AND A JOKE'))).toMatchObject({ conduct: 'abusive', capitals: true });
    expect(detectConduct('You are a useless idiot and a joke', tokenize('You are a useless idiot and a joke'))?.capitals).toBeUndefined();
  });
});

describe('language: script first, then the school’s and the UK’s home languages', () => {
  it.each([
    ['علی آج اسکول نہیں آئے گا، اسے بخار ہے', 'urd'],
    ['أحمد مريض اليوم وعنده حرارة، لن يأتي إلى المدرسة', 'ara'],
    ['আমার ছেলে আজ অসুস্থ, স্কুলে আসবে না', 'ben'],
    ['ਮੇਰਾ ਪੁੱਤਰ ਅੱਜ ਬਿਮਾਰ ਹੈ', 'pan'],
    ['Мой сын сегодня болен и не придёт в школу', 'rus'],
    ['Ο γιος μου είναι άρρωστος σήμερα', 'ell'],
    ['我的儿子今天生病了，不能去学校', 'cmn'],
    ['Bună ziua, Ioana nu va veni azi la școală, are febră', 'ron'],
    ['Dzień dobry, Zofia nie przyjdzie dziś do szkoły', 'pol'],
    ['Bore da, fydd Cerys ddim yn yr ysgol heddiw', 'cym'],
    ['Ali bemar hai aaj school nahi aaye ga', 'urd'],
    ['aaj Ali ko uske abbu lene aayenge', 'urd'],
    ['السلام علیکم', 'urd'],
    ['Bore da', 'cym'],
    ['Ok, mersi', 'ron'],
    ['BUGÜN AYŞE’Yİ BABAANNESI ALACAK', 'tur'],
  ])('%s -> %s', (text, lang) => {
    expect(detectLanguage(text, ['eng'])).toBe(lang);
  });
  it('a pupil called Mae and a school called Ysgol … in English stay English', () => {
    expect(detectLanguage('Hi, Mae won’t be in today, she has a temperature', ['eng', 'cym'])).toBe('eng');
    expect(detectLanguage('Is the match against Ysgol Gymraeg Bro Teyrnon still on for Mae and Osian?', ['eng', 'cym'])).toBe('eng');
  });
  it('short English lines stay English', () => {
    for (const t of ['Thanks!', 'ok', 'Will do', 'See you tomorrow', 'No problem', 'Is it PE tomorrow?', 'Dad is collecting']) expect(detectLanguage(t, ['eng', 'cym'])).toBe('eng');
  });
  it('Somali by its own small words, greetings and thanks included (probe 16m: read as English)', () => {
    expect(detectLanguage('Immisa ayay tahay lacagta socdaalka? Mahadsanid macallin', ['eng'])).toBe('som');
    expect(detectLanguage('Sidee ayaan u bixiyaa lacagta cuntada? Mahadsanid', ['eng'])).toBe('som');
    expect(detectLanguage('Waxaan rabaa inaan la hadlo macallinka, fadlan', ['eng'])).toBe('som');
  });
  it('Punjabi typed in Latin letters is Punjabi, Roman Urdu stays Urdu (probe 16n: read as Urdu)', () => {
    expect(detectLanguage('Sat sri akal ji, kal Simran school nahi aaugi, ohnu bukhaar hai', ['eng'])).toBe('pan');
    expect(detectLanguage('mera munda kehnda ohnu school jaan ton darr lagda', ['eng'])).toBe('pan');
    expect(detectLanguage('Assalam o alaikum, Bilal aaj school nahi aayega, bemar hai', ['eng'])).toBe('urd');
    expect(detectLanguage('He sat at the front and did a ton of reading, nu book please', ['eng'])).toBe('eng');
  });
  it('Lithuanian with Polish-looking letters, and Polish, Somali, Portuguese typed without accents (round k: read as Polish or English)', () => {
    expect(detectLanguage('Vakar mokytoja skambino, kažkas sugadino sūnaus kuprinę', ['eng'])).toBe('lit');
    expect(detectLanguage('Sunus sako kad nori namo, nezinau ka daryti', ['eng'])).toBe('lit');
    expect(detectLanguage('Ktos zabral mojej corki telefon w szatni', ['eng'])).toBe('pol');
    expect(detectLanguage('Naadiga ciyaarta caawa ma furan yahay?', ['eng'])).toBe('som');
    expect(detectLanguage('O Pedro perdeu o casaco, tem o nome dele na etiqueta', ['eng'])).toBe('por');
  });
  it('shouting in Romanian is still Romanian', () => {
    expect(detectLanguage('MIA A VOMITAT TOATA NOAPTEA, NU VINE AZI LA SCOALA', ['eng'])).toBe('ron');
  });
});

describe('a reply in the parent’s language, or in English with where to read it in theirs', () => {
  it('Welsh where the school has a Welsh template', () => {
    const r = routeMessage('Mae Osian yn sâl heddiw', policy('malpas-court'), { language: 'cym' });
    expect(r.replyLanguage).toBe('cym');
    expect(r.reply).not.toContain(TRANSLATE_NOTE);
  });
  it('English, saying ClassDojo’s Translate shows it, where it has none', () => {
    const r = routeMessage('Maja jest chora i nie przyjdzie dzisiaj', policy('bentley-new-village'), { language: 'pol' });
    expect(r.replyLanguage).toBe('eng');
    // The note in the parent's own language where Policy Guard has it (a tester: an English note to a parent
    // who may read no English), English otherwise.
    expect(r.reply).toMatch(/Thank you[\s\S]*Przycisk „Tłumacz” w ClassDojo pokaże tę wiadomość w Twoim języku\.$/);
    expect(routeMessage('Mae Osian yn sâl heddiw', policy('bentley-new-village'), { language: 'cym' }).reply).toMatch(/Mae botwm Cyfieithu ClassDojo yn dangos y neges hon yn eich iaith chi\.$/);
    expect(routeMessage('Maja is off sick today', policy('bentley-new-village'), { language: 'ron' }).reply).toContain(TRANSLATE_NOTE);
    expect(routeMessage('Maja is off sick today', policy('bentley-new-village'), { language: 'eng' }).reply).not.toContain(TRANSLATE_NOTE);
  });
});

describe('the policy’s own language codes', () => {
  // The router says "ara" and "pes" (franc); the policy format writes Arabic "arb" and Persian "fas" (probe 16i:
  // a school's Arabic template was never used).
  const withTemplates = (): Policy => {
    const p = structuredClone(policy('bentley-new-village'));
    for (const [destination, written] of Object.entries(p.routing.templates)) {
      p.routing.templates[destination as keyof typeof p.routing.templates] = { ...written, arb: 'ARABIC {contact}', fas: 'PERSIAN {contact}' };
    }
    return p;
  };
  it.each([
    ['ابني مريض اليوم ولن يذهب إلى المدرسة', 'ara', 'arb', 'ARABIC'],
    // The same absence, said to be Persian: what is looked at here is the template chosen for the code.
    ['ابني مريض اليوم ولن يذهب إلى المدرسة', 'pes', 'fas', 'PERSIAN'],
  ])('%s: a message read as %s gets the school’s %s template', (text, lang, written, mark) => {
    const r = routeMessage(text, withTemplates(), { language: lang });
    expect(r.replyLanguage).toBe(written);
    expect(r.reply).toContain(mark);
    expect(r.reply).not.toContain(TRANSLATE_NOTE);
  });
});

describe('guard route --jsonl', () => {
  it('keeps today’s fields and adds the safeguarding level', () => {
    const out = JSON.parse(routeLine(JSON.stringify({ id: 1, policy: 'broughton', text: 'Leo has bruises on his arms and said his stepdad grabbed him' }), new Map()));
    expect(Object.keys(out)).toEqual(expect.arrayContaining(['id', 'intent', 'secondary', 'destination', 'language', 'confidence', 'cues', 'reply', 'level']));
    expect(out).toMatchObject({ intent: 'safeguarding', destination: 'dsl', level: 'disclosure', reply: null });
    const plain = JSON.parse(routeLine(JSON.stringify({ id: 2, policy: 'broughton', text: 'Is football club on tonight?' }), new Map()));
    expect(plain.level).toBeUndefined();
  });
});

/**
 * Which language a parent wrote in, as an ISO 639-3 code. In three steps:
 *  1. the writing system: a message mostly in Arabic script is Urdu when it uses Urdu's own letters (ٹ ڈ ڑ ں ے ہ ھ),
 *     Persian or Pashto by theirs, otherwise Arabic; Bengali, Gurmukhi (Punjabi), Gujarati, Tamil, Greek,
 *     Chinese and the others are their script's language; Cyrillic and Devanagari go to franc among their
 *     own languages;
 *  2. in Latin script, a language's own small words ("yn", "jest", "este", "nahi") and letters (ŵ, ł, ș),
 *     counted only on words written in lower case or at the start of a sentence: a capitalised word
 *     mid-sentence is a name or a place ("Mae", "Ysgol Llys Malpas") and says nothing about the language;
 *  3. otherwise franc-all, restricted to the school's declared languages plus the most common home
 *     languages in UK schools, and English unless another language clearly wins (unrestricted detection
 *     of one-line messages is unreliable: shared/docs/toolchain.md).
 * franc-all's data is large: this module is for the background worker and the CLI, never the content script;
 * the extension's build carries franc's models for FRANC_LANGUAGES only (franc-languages.ts).
 */
import { francAll as francAllData } from 'franc-all';
import { tokenize } from '../text/tokens';
import { FRANC_LANGUAGES, SCRIPT_CANDIDATES, UK_HOME_LANGUAGES } from './franc-languages';

export { UK_HOME_LANGUAGES };

const FRANC_SET = new Set(FRANC_LANGUAGES);

/**
 * franc-all among `only`, never outside FRANC_LANGUAGES: the bundle's data has no other language, and a
 * language the bundle lacks must not count in Node either, or the CLI and the extension would disagree.
 */
function francAll(text: string, options: { only: readonly string[]; minLength: number }): [string, number][] {
  const only = options.only.filter((l) => FRANC_SET.has(l));
  if (only.length === 0) return [['und', 1]];
  return francAllData(text, { only, minLength: options.minLength });
}

type Script = 'latin' | 'arabic' | 'bengali' | 'gurmukhi' | 'gujarati' | 'devanagari' | 'tamil' | 'malayalam' | 'telugu' | 'sinhala' | 'cyrillic' | 'greek' | 'hebrew' | 'han' | 'kana' | 'hangul' | 'thai' | 'ethiopic' | 'georgian' | 'armenian';

const RANGES: [number, number, Script][] = [
  [0x0041, 0x024f, 'latin'],
  [0x1e00, 0x1eff, 'latin'],
  [0x0370, 0x03ff, 'greek'],
  [0x0400, 0x052f, 'cyrillic'],
  [0x0530, 0x058f, 'armenian'],
  [0x0590, 0x05ff, 'hebrew'],
  [0x0600, 0x06ff, 'arabic'],
  [0x0750, 0x077f, 'arabic'],
  [0xfb50, 0xfdff, 'arabic'],
  [0xfe70, 0xfeff, 'arabic'],
  [0x0900, 0x097f, 'devanagari'],
  [0x0980, 0x09ff, 'bengali'],
  [0x0a00, 0x0a7f, 'gurmukhi'],
  [0x0a80, 0x0aff, 'gujarati'],
  [0x0b80, 0x0bff, 'tamil'],
  [0x0c00, 0x0c7f, 'telugu'],
  [0x0d00, 0x0d7f, 'malayalam'],
  [0x0d80, 0x0dff, 'sinhala'],
  [0x0e00, 0x0e7f, 'thai'],
  [0x10a0, 0x10ff, 'georgian'],
  [0x1200, 0x139f, 'ethiopic'],
  [0x1100, 0x11ff, 'hangul'],
  [0xac00, 0xd7af, 'hangul'],
  [0x3040, 0x30ff, 'kana'],
  [0x4e00, 0x9fff, 'han'],
  [0x3400, 0x4dbf, 'han'],
];

const SCRIPT_LANGUAGE: Partial<Record<Script, string>> = {
  bengali: 'ben',
  gurmukhi: 'pan',
  gujarati: 'guj',
  tamil: 'tam',
  telugu: 'tel',
  malayalam: 'mal',
  sinhala: 'sin',
  greek: 'ell',
  hebrew: 'heb',
  han: 'cmn',
  kana: 'jpn',
  hangul: 'kor',
  thai: 'tha',
  georgian: 'kat',
  armenian: 'hye',
};

/** Which script most of the letters are in. */
function dominantScript(text: string): Script {
  const counts = new Map<Script, number>();
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x41 || (code > 0x5a && code < 0x61) || (code > 0x7a && code < 0xc0)) continue;
    for (const [lo, hi, script] of RANGES) {
      if (code >= lo && code <= hi) {
        counts.set(script, (counts.get(script) ?? 0) + 1);
        break;
      }
    }
  }
  let best: Script = 'latin';
  let most = 0;
  for (const [script, n] of counts) if (n > most) [best, most] = [script, n];
  // Kana anywhere makes it Japanese, however many kanji.
  if (best === 'han' && (counts.get('kana') ?? 0) > 0) return 'kana';
  return best;
}

/** Urdu's letters that Arabic does not use; Pashto's; Persian's (shared with Urdu, so checked after it). */
const URDU_LETTERS = /[\u0679\u0688\u0691\u06ba\u06d2\u06d3\u06c1\u06be\u06c3]/;
const PASHTO_LETTERS = /[\u067c\u0689\u0693\u069a\u0696\u0681\u0685\u06bc]/;
const PERSIAN_LETTERS = /[\u067e\u0686\u0698\u06af\u06a9\u06cc]/;
const ARABIC_LETTERS = /[\u0629\u0643\u064a\u0649]/;

function arabicScript(text: string, allowed: Set<string>): string {
  if (URDU_LETTERS.test(text)) return 'urd';
  if (PASHTO_LETTERS.test(text)) return 'pus';
  // Persian and Urdu share these letters; a short line ("السلام علیکم") is far likelier Urdu in a UK school.
  if (PERSIAN_LETTERS.test(text) && !ARABIC_LETTERS.test(text)) {
    if (!allowed.has('pes') || text.trim().length < 40) return 'urd';
    return francAll(text, { only: SCRIPT_CANDIDATES.arabic, minLength: 1 })[0]?.[0] ?? 'urd';
  }
  return 'ara';
}

/**
 * A language's own small words (folded: lower case, no accents), common in short messages and rare in
 * the other candidates' messages. Two different ones are needed to count.
 */
const MARKER_WORDS: Record<string, Set<string>> = {
  cym: new Set('yn yw mae oes angen gyda sut faint ydy dw dwi rydw rydyn eich yfory heddiw diolch ddim dim fydd ysgol bore nos plis ei wedi dydd chi fi ni hi fe hefyd gyda efo mewn adre adref gartref sal plentyn cinio clwb taith cyfarfod fawr iawn ar gyfer roedd bydd allwch ydw oedd hwn hon yma yr y a oherwydd achos'.split(' ')),
  pol: new Set('mojej mojego dzieci dziecko ktos corki syna innych wiadomosci jest nie czy sie dzisiaj dzis szkoly szkole szkola bardzo prosze ma jak ile jestem mam bedzie dziekuje dzien dobry chory chora moj moja corka syn przyjdzie jutro tata mama babcia dziadek odbierze szkoly ktorej ktora ktory kiedy gdzie wraca wycieczki wycieczka'.split(' ')),
  ron: new Set('este nu si azi astazi scoala scoala va rog multumesc pentru are la de cu ce ea el fiul fiica bolnav bolnava maine buna ziua vine veni poate sunt ora azi scoala mersi bunica'.split(' ')),
  por: new Set('precisam precisa levar estudo almoco eles tem perdeu nome casaco dele dela nao esta hoje escola obrigada obrigado vai muito com para voce meu minha filho filha doente amanha bom dia ele ela e o a os as que'.split(' ')),
  spa: new Set('esta hoy escuela colegio gracias muy con para usted mi hijo hija enfermo enferma manana buenos dias el ella y que los las su tiene perdido abrigo nombre'.split(' ')),
  lit: new Set('reikia vaikams vaikui pasiimti pietus vakar vel vaikai namuose neturime maisto kazkas internete dukros sunaus sunus jis ji jos nezinau daryti prasau padekite kad sako nori mokytoja siandien mokykla mokykloje mokykla aciu labai nebus yra ir mano sunus dukra serga diena rytoj'.split(' ')),
  som: new Set('carruurta carruurtu baahan yihiin inay cunto yahay caawa naadiga waxaa leeyahay ayaan waa maanta iskuulka ma aad mahadsan mahadsanid ku iyo wuu way ayaa ayay ayuu waxay wuxuu waxaan caafimaad xanuunsan fadlan berri macalin macallin wiilkayga gabadhayda inanta subax wanaagsan goorma sidee immisa lacag'.split(' ')),
  tur: new Set('bugun okula degil tesekkur tesekkurler cok icin var yok hasta oglum kizim yarin gelmeyecek ve bir alacak annesi babaannesi anneannesi okul'.split(' ')),
  ita: new Set('oggi scuola grazie molto con per mio mia figlio figlia malato malata domani buongiorno non e il la che'.split(' ')),
  fra: new Set('aujourd hui ecole merci tres avec pour mon ma fils fille malade demain bonjour ne pas est le la les que'.split(' ')),
  // Urdu typed in Latin letters (Roman Urdu), as many British Pakistani parents write it.
  urd: new Set('hai hain nahi nahin aaj kal bemar bimar beta beti mein ko ka ki ke aap shukriya bohat bahut gaya gayi aaye ayega aayega raha rahi kya jee ji assalam alaikum salam bacha bachi bachay lene aayenge aayengi uske uski abbu ammi khala chacha bata dein paise kaise karun theek'.split(' ')),
  // Punjabi typed in Latin letters, as many British Punjabi parents write it: its own verb endings and small
  // words (kehnda, lagda, karde, ajj, nu, ton, vich), never Urdu's (kehta, lagta, karte, aaj, ko, se, mein).
  pan: new Set('fer te dekhde dekhda dekhdi sri akal waheguru ajj kehnda kehndi kehnde lagda lagdi lagde karda kardi karde aunda aundi aunde jaanda jaandi jaande rehnda rehndi hega hegi nu ton vich tusi tuhada tuhadi tuhanu sanu saada saadi ohnu ohda ohdi munda kudi kuri bache dhanvaad dhanyavaad kiddan kiven kithe'.split(' ')),
  eng: new Set('the is and to he she will be today not can please my you it of for on at with have has this that we was off school thanks thank sorry so what time does do how when where why there get got our his her him they them just need know going day been up any wont dont cant im its just could would should about from your pick collect tomorrow morning'.split(' ')),
};

/** Letters that only some candidates use: strong evidence on their own. */
const MARKER_LETTERS: Record<string, RegExp> = {
  cym: /[ŵŷŴŶ]/,
  pol: /[ąęłńśźżĄĘŁŃŚŹŻ]/,
  ron: /[șțăîȘȚĂÎ]|ţ|ş/,
  por: /[ãõÃÕ]/,
  spa: /[ñ¿¡Ñ]/,
  // č, š, ž and į too: Polish writes ć, ś, ż, ź and Turkish ç, ş, so among the candidates they are Lithuanian's.
  lit: /[ėųūįčšžĖŲŪĮČŠŽ]/,
  tur: /[ğıİĞ]/,
};

const WELSH_GREETING = /\b(bore|prynhawn|noswaith|nos) da\b/i;
/** The Sikh greeting: Punjabi, however many small words it shares with Roman Urdu (nahi, hai, kal, ji). */
const PUNJABI_GREETING = /\bsat (sri|shri|shree) aa?kaa?l\b/i;

/** Words that several candidates share, and so prove nothing for any of them. */
const SHARED = new Set(['a', 'e', 'i', 'o', 'la', 'de', 'na', 'do', 'ma', 'va', 'am', 'are', 'ce', 'ne', 'me', 'to', 'in', 'ni', 'hi', 'mi', 'ki', 'ka', 'ko']);

function markerVotes(text: string, allowed: Set<string>): Map<string, number> {
  const votes = new Map<string, number>();
  const tokens = tokenize(text);
  const seen = new Map<string, Set<string>>();
  for (const t of tokens) {
    // A capitalised word mid-sentence is a name or a place: "Mae", "Ysgol Llys Malpas", "Nan".
    if (t.capitalised && !t.sentenceStart && t.text !== t.text.toUpperCase()) continue;
    if (SHARED.has(t.key)) continue;
    for (const [lang, words] of Object.entries(MARKER_WORDS)) {
      if ((lang === 'eng' || allowed.has(lang)) && words.has(t.key)) {
        const s = seen.get(lang) ?? new Set();
        s.add(t.key);
        seen.set(lang, s);
      }
    }
  }
  for (const [lang, s] of seen) votes.set(lang, s.size);
  for (const [lang, letters] of Object.entries(MARKER_LETTERS)) {
    if (allowed.has(lang) && letters.test(text)) votes.set(lang, (votes.get(lang) ?? 0) + 2);
  }
  // Welsh greetings are a whole message on their own ("Bore da", "Nos da").
  if (allowed.has('cym') && WELSH_GREETING.test(text)) votes.set('cym', (votes.get('cym') ?? 0) + 2);
  if (allowed.has('pan') && PUNJABI_GREETING.test(text)) votes.set('pan', (votes.get('pan') ?? 0) + 2);
  return votes;
}

export function detectLanguage(text: string, declared: readonly string[]): string {
  const allowed = new Set(['eng', ...declared, ...UK_HOME_LANGUAGES]);
  const sample = text.slice(0, 2_000);
  const script = dominantScript(sample);
  if (script === 'arabic') return arabicScript(sample, allowed);
  const fixed = SCRIPT_LANGUAGE[script];
  if (fixed) return fixed;
  if (script === 'cyrillic') {
    // Letters each language has and its neighbours lack: trigram scores on one line confuse them.
    if (/[іїєґІЇЄҐ]/.test(sample)) return 'ukr';
    if (/[ыэёЫЭЁ]/.test(sample)) return 'rus';
    return francAll(sample, { only: SCRIPT_CANDIDATES.cyrillic, minLength: 1 })[0]?.[0] ?? 'rus';
  }
  if (script === 'devanagari') return francAll(sample, { only: SCRIPT_CANDIDATES.devanagari, minLength: 1 })[0]?.[0] ?? 'hin';
  if (script === 'ethiopic') return francAll(sample, { only: SCRIPT_CANDIDATES.ethiopic, minLength: 1 })[0]?.[0] ?? 'tir';

  const votes = markerVotes(sample, allowed);
  const eng = votes.get('eng') ?? 0;
  let best = 'eng';
  let most = 0;
  for (const [lang, n] of votes) {
    if (lang !== 'eng' && n > most) [best, most] = [lang, n];
  }
  // Two of a language's own words or letters, and more than English's: that language.
  if (most >= 2 && most > eng) return best;
  if (most >= 3 && most >= eng) return best;
  // A one- to three-word line with one word of a language and none of English's ("Ok, mersi", "Dim problem").
  if (most === 1 && eng === 0 && sample.trim().split(/\s+/).length <= 3) return best;
  if (eng >= 2) return 'eng';
  const latin = [...allowed].filter((l) => !['urd', 'pan', 'ben', 'ara', 'arb', 'guj', 'tam', 'cmn', 'pus', 'pes', 'fas', 'bul', 'rus', 'ukr'].includes(l));
  const ranked = francAll(sample, { only: latin, minLength: 1 });
  const [top, topScore] = ranked[0] ?? ['und', 0];
  if (top === 'und' || topScore === 0 || top === 'eng') return 'eng';
  const engScore = ranked.find(([l]) => l === 'eng')?.[1] ?? 0;
  // A language with marker words must show one of them; the others must beat English clearly.
  if (MARKER_WORDS[top] && !votes.get(top)) return 'eng';
  return engScore >= 0.85 ? 'eng' : top;
}

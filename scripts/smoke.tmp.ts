import { checkDraft } from '../lib/rules/index';
import { parsePolicy } from '../lib/policy/parse';
import { PRESETS } from '../lib/policy/presets/index';
import { ukBankHolidays } from '../lib/calendar/bank-holidays';
import roster28 from '../tests/fixtures/data/class-c1-students.json';
const roster = roster28._items.map((s: any) => ({ first: s.firstName, last: s.lastName, photoConsent: !['Harry','Freya'].includes(s.firstName), inCare: s.firstName === 'Leo' }));
const pol = (id: string) => { const r = parsePolicy((PRESETS as any)[id]); if (!r.ok) throw new Error('bad'); return r.policy; };
const cases: [string, string, any][] = [
  ['bentley-new-village', 'class-story', { text: 'Well done to Amelia Hughes and oliver patel for brilliant writing!' }],
  ['bentley-new-village', 'class-story', { text: "Reminder that Jayden's inhaler is in the office after his asthma attack yesterday." }],
  ['bentley-new-village', 'class-story', { text: "Head lice are going round the class at the moment, please check your child's hair." }],
  ['bentley-new-village', 'class-story', { text: 'We read The Secret Garden and learned about Florence Nightingale. Mr Lund visited.' }],
  ['bentley-new-village', 'class-story', { text: 'Will you all bring your PE kits? Hope you have a lovely weekend. See you in May!' }],
  ['bentley-new-village', 'class-story', { text: 'Great photos from the trip!', tagged: ['Harry Davies', 'Leo Wright'], media: true }],
  ['bentley-new-village', 'class-story', { text: 'Swimming tomorrow', at: '2026-11-22T21:40:00Z' }],
  ['bentley-new-village', 'private-chat', { text: 'Happy Christmas', at: '2026-12-28T10:00:00Z' }],
  ['acceptable-use-v2', 'class-chat', { text: 'Thank you Grace for the lovely card. Will and Rose made a poster!' }],
  ['malpas-court', 'points', { text: 'Off task', points: -1 }],
  ['broughton', 'class-story', { text: 'Amelia has been diagnosed with ADHD and will have 1:1 support.' }],
  ['papworth-hall', 'private-chat', { text: 'She had a seizure in class today, please call me on 07700 900123' }],
];
for (const [p, ch, d] of cases) {
  const f = checkDraft({ channel: ch, at: '2026-11-24T10:15:00Z', ...d }, { policy: pol(p), roster, calendar: ukBankHolidays });
  console.log(`\n[${p} ${ch}] ${d.text}`);
  for (const x of f) console.log(`  ${x.rule} ${x.severity} ${x.start}-${x.end} "${d.text.slice(x.start, x.end)}" fix=${x.fix ?? '-'}\n     ${x.message}`);
}

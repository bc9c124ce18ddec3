/**
 * A seventh batch (issue 16, round j), written fresh after probe 16m (tests/corpus/routing-probe-16m.jsonl)
 * showed which kinds of message the router still gets wrong. New wordings of each kind, never the probe's:
 *   - home languages the corpus had only a handful of (Punjabi in Gurmukhi, Bengali, Somali, Spanish,
 *     Portuguese) across the everyday intents, and Urdu and Polish dinners and safeguarding;
 *   - harmless messages that read like a worry to the model (amicable separations and contact days, a match
 *     the team lost, Secret Santa and surprises, a tired child after a busy weekend, a relative with a key);
 *   - neglect told as money running out before payday, online harm as fake accounts and edited photos passed
 *     round a class;
 *   - everyday intents in words the corpus lacked: sick on the way in, grievances about homework and events,
 *     "speak to someone today", whether a club is on, nerves before a residential, photo consent.
 * Labelled by the rules in labels.ts. Trained on whole (none kept back): the probe is their held-out set.
 */
import type { Entry } from './languages';

export const ROUND_J: Entry[] = [
  // Harmless: separations, contact days and new arrangements told calmly (general, or urgent when it is today's collection).
  ['general', "Just so you're aware me and {c}'s dad have split up, it's all friendly, {he}'ll be with him every other weekend"],
  ['general', '{c} now lives between our two houses, Mondays and Tuesdays at mine, can both of us get the messages please'],
  ['general', "We've separated but we're co-parenting fine, please copy his dad into anything about {c}"],
  ['general', "{c}'s dad has {him} Thursday to Sunday this week, he'll do the reading with {him}"],
  ['general', 'Can you add my ex to the class dojo as well please, we both want to see the posts about {c}'],
  ['general', '{c} is spending half term at {his} dads in Scotland, {he} is so excited'],
  ['general', 'New address for {c} from next week as we have moved in with my partner, will let the office know too'],
  ['general', "{c}'s stepdad might drop {him} off some mornings now, just so you know who he is, his name is Dan"],
  // Harmless: sport, games, winning and losing.
  ['general', '{c} is buzzing, {his} team beat Oakfield 4-1 at the weekend'],
  ['general', 'They got thrashed at the tournament haha but {c} scored so {he} is happy'],
  ['general', "{c} was gutted we lost the cup final on Sunday, {he}'s been quiet, nothing to worry about"],
  ['general', "He keeps saying he's going to smash everyone at sports day lol"],
  ['general', '{c} beat {his} dad at chess for the first time last night and wants to tell you'],
  // Harmless: Secret Santa, surprises, secrets that are a game.
  ['general', 'Are we doing secret santa in class again? {c} wants to buy for {his} friend'],
  ['general', "Please don't tell {c} but nanna is coming to the Christmas play, it's a surprise"],
  ['general', "{c} says {he}'s not allowed to tell me what {he}'s made me for Mother's Day, it's a big secret 😂"],
  ['general', 'Is the secret reader coming this week? I signed up to read a story'],
  ['general', 'Has {c} been chosen as a secret santa for someone? {he} wont tell me who lol'],
  // Harmless: tired, quiet or teary for an ordinary reason.
  ['general', "{c} might be a bit tired today, we had a big family party yesterday and didn't get home till late"],
  ['general', "Heads up {c} is exhausted after the sleepover, sorry if {he}'s a bit grumpy"],
  ['general', "{c}'s been a bit teary since {his} best friend moved away, just so you know"],
  ['general', "{c} is missing {his} dad who's away with the army, {he} might want to talk about him"],
  ['general', "Our cat had to be put down yesterday, {c} is upset so might be quiet"],
  ['general', "{c} had a late one at the wedding so might be yawning, sorry!"],
  // Harmless: keys, relatives, getting home.
  ['urgent', "Please tell {c} to walk round to {adult}'s after school today, I'm working late"],
  ['urgent', "{c}'s grandad will be waiting at the gate today as I'm on a late shift"],
  ['general', '{c} has been walking home with {his} big sister since {he} started year 6, is that ok with school?'],
  // Harmless: online in the ordinary sense.
  ['general', 'Is the spelling homework on the app or on paper this week?'],
  ['general', 'Purple Mash has locked {c} out again, can you reset it please'],
  ['general', 'Where do I find the online reading books, the link on the letter does not work'],
  ['general', '{c} made a stop motion video online at the weekend, can {he} show the class?'],
  ['general', 'The online parents evening booking system keeps crashing, can I book by phone?'],
  // Harmless: a photo, consent and the class story.
  ['general', "Please don't put any pictures of {c} on the class page, thank you"],
  ['general', 'I am happy for {c} to be in photos on dojo now, I ticked the wrong box on the form'],
  ['general', 'Can I have a copy of the photo of {c} with {his} certificate please? It was lovely'],
  // Neglect told as money running out.
  ['safeguarding', "Sorry to ask but is there any chance of some food from the school pantry, I've got nothing till my money goes in on Tuesday", 'neglect', 'concern'],
  ['safeguarding', 'The kids have had cereal for tea three nights running, money is gone until payday, I feel awful', 'neglect', 'concern'],
  ['safeguarding', "Is there any way {c} could have toast when {he} gets in, we're down to the last bit of bread until the universal credit comes through", 'neglect', 'concern'],
  ['safeguarding', "We've got no gas or electric on the meter so {c} has been going to bed in {his} coat", 'neglect', 'concern'],
  ['safeguarding', "{c} has been wearing the same shoes with holes in, there's no money for new ones and it's been raining", 'neglect', 'concern'],
  ['safeguarding', "{c} comes to me saying {he}'s hungry and there's just nothing in, I've been skipping meals so the kids can eat", 'neglect', 'concern'],
  ['safeguarding', 'I work nights and the older one is meant to sort {c} out in the mornings but I think {he} is just leaving {him} to it', 'neglect', 'concern'],
  // Online harm: fake accounts, edited photos, pile-ons.
  ['safeguarding', "Someone has set up an account pretending to be {c} and is posting nasty stuff, kids from class are following it", 'online', 'concern'],
  ['safeguarding', "There's a photo of {c} going round the year 6 group chat that's been changed to look rude", 'online', 'disclosure'],
  ['safeguarding', "Kids in {his} class have made a group chat just to laugh at {c}, {he}'s been crying over it every night", 'online', 'concern'],
  ['safeguarding', "Some of the year 5s have been screenshotting {c}'s videos and adding mean captions, now it's everywhere", 'online', 'concern'],
  ['safeguarding', "Somebody's been messaging {c} on {his} tablet telling {him} to hurt {him}self, I've screenshotted it", 'online', 'disclosure'],
  ['safeguarding', "A boy from another school keeps messaging {c} late at night asking what {he} is wearing", 'online', 'disclosure'],
  // Domestic abuse told through orders, papers and hiding.
  ['safeguarding', "The court has said {c}'s dad must stay away from us, I've got the paperwork if the office needs it", 'domestic', 'disclosure'],
  ['safeguarding', "Please don't let anyone but me collect {c}, {his} father is not allowed contact after what happened", 'domestic', 'disclosure'],
  ['safeguarding', "We've moved to a safe house, please don't give our new address to anyone who asks", 'domestic', 'disclosure'],
  // Everyday: sick on the way in (sickness, not absence).
  ['sickness', '{c} got to the gate and went white and was sick, so {he} is back home with me'],
  ['sickness', 'we had to pull over twice on the way, {c} keeps vomiting so we have come home'],
  ['sickness', "Sorry, {c} said {his} tummy hurt on the walk in then threw up by the shop, taking {him} home"],
  ['sickness', 'STARTED BEING SICK AT BREAKFAST SO HE IS STAYING HOME WITH ME'],
  ['sickness', '{c} is covered in spots and boiling, the GP says its scarlet fever, off till the antibiotics kick in'],
  // Everyday: early collection for an appointment is an absence (rule 3), not an urgent.
  ['absence', 'Could I collect {c} at 1.30 today, {he} has the orthoptist at 2?'],
  ['absence', 'Can {c} be ready at the office for 11, {he} has a scan at the hospital'],
  ['absence', "I'll be picking {c} up at lunchtime for {his} grommets check, {he} won't be back after"],
  ['absence', 'Please can {c} be let out at 2.15, we have the allergy clinic at 3'],
  ['absence', '{c} is being collected at 12 by {adult} for a dentist appointment'],
  // Everyday: grievances about homework, events, fairness (complaint, rule 5).
  ['complaint', 'Two pages of fractions over the weekend for a 7 year old is way too much, we had plans'],
  ['complaint', "Why was the Christmas disco moved to a Tuesday at 3 o'clock? Working parents can't get there, really poor"],
  ['complaint', "The homework this term is a joke, {c} spends hours on it and it never gets marked"],
  ['complaint', 'Really annoyed sports day has been moved again, some of us have to book time off weeks ahead'],
  ['complaint', "I don't think it's fair that {c} lost {his} golden time because someone else was messing about"],
  ['complaint', 'why does my son always get the blame, he came home saying miss told him off for something he didnt do, sick of it'],
  ['complaint', "{c} has had a supply teacher for 6 weeks now and nobody has explained why. Not good enough"],
  ['complaint', "The way the teacher spoke to me at the door this morning was rude and I'd like someone senior to know"],
  ['complaint', 'I was told I would get a call back about the bullying on Monday and nobody has rung'],
  // Everyday: speak to someone today (urgent).
  ['urgent', 'I need someone to ring me this morning please, there was a problem at drop off and I need it sorted before home time'],
  ['urgent', 'CAN SOMEONE CALL ME BACK TODAY PLEASE ITS ABOUT WHO IS PICKING UP'],
  ['urgent', 'Need to speak to the office today about the after school arrangements, please ring me'],
  ['urgent', 'Could somebody phone me before 3, plans have changed for after school'],
  ['urgent', "The taxi didn't turn up for {c} this morning, need someone to call me asap so I know {he} got in"],
  // Everyday: is the club on (clubs).
  ['clubs', 'Is dodgeball still running tonight with the pitch being waterlogged?'],
  ['clubs', 'is there {club} today or is it off because of parents evening'],
  ['clubs', 'Does karate club carry on in the last week of term?'],
  ['clubs', 'hi is there cricket after school this week'],
  ['clubs', 'Has the street dance club been cancelled? {c} waited and nobody came'],
  // Everyday: nerves, kit and money for a residential or a visit (trip).
  ['trip', "{c} is really worried about the nights away at the outdoor centre, will staff be in the dorms?"],
  ['trip', 'Is there a phone {c} can use to call home on the residential if {he} gets homesick?'],
  ['trip', '{c} has never slept away from home before, can I speak to whoever is leading the camp?'],
  ['trip', 'Will they be doing the climbing wall on the PGL trip? {c} is scared of heights'],
  ['trip', 'What time is the coach back from the Roman fort visit?'],
  // Everyday lateness in a few words (absence, rule 3).
  ['absence', 'alarm didnt go off!! be in asap'],
  ['absence', 'Running behind this morning, {c} will be in for 9.20'],
  ['absence', 'sorry on the way, traffic is mad'],
  ['absence', "We're going to be 10 mins late, the baby's just been sick"],
  ['absence', 'Missed the bus, walking it now, be there soon'],
  ['absence', "{c} will be late, we've got to drop {his} brother at the hospital first"],
  // Ordinary family news with a worried or tired tone (harmless, general; or absence when the child is away).
  ['general', "{c}'s grandad is in hospital with his heart so {he} might be a bit worried this week"],
  ['general', "My husband has had an operation so {c}'s routine is all over the place, sorry if {he}'s late with homework"],
  ['general', "{c}'s had a really busy weekend at {his} cousins, {he}'s worn out, might need an early night"],
  ['general', 'Just to let you know {c} is staying with {his} nan for a few days while I am away for work'],
  ['general', "{c}'s nanna has been poorly so {he}'s been a bit clingy, nothing to worry about"],
  ['general', "I've started a new job on shifts so {c}'s dad will be doing drop off for a while"],
  ['absence', "We have to fly to Poland, my dad is very ill, {c} will miss about a week"],
  ['absence', "{c}'s auntie is getting married in Leicester so we're taking {him} out on Friday"],
  ['absence', "{c} will have a day off on Monday, we're back late from visiting family up north"],
  // A child who changes club, or asks to (clubs).
  ['clubs', "{c} doesn't want to do football anymore, can {he} go to art club instead?"],
  ['clubs', 'Can {c} swap from Monday gymnastics to the Wednesday one?'],
  ['clubs', "{c} has decided {he}'s had enough of choir, how do I take {him} off the list?"],
  // A chat about behaviour or learning (progress).
  ['progress', "Could I pop in for 5 minutes to talk about how {c}'s behaving in class? {he} says {he} keeps losing golden time"],
  ['progress', "Can we chat about {c}'s behaviour chart, {he} comes home upset about being on the cloud"],
  ['progress', "I'd like to meet about {c}'s behaviour in lessons, I want to work with you on it"],
  // A grievance about another child, told as a pattern (complaint).
  ['complaint', "Every playtime the same girl is telling {c} she can't play, what is being done?"],
  ['complaint', "That's the third time this week {c} has come home with {his} work ripped by the boy next to {him}"],
  ['complaint', "There is always an issue with one lad in the lunch queue shoving {c}, I've mentioned it before"],
  // Worries about a residential (trip).
  ['trip', "{c} is anxious about being away from home for three nights on the trip, any tips?"],
  ['trip', 'Will there be a teacher in the room at night on the residential? {c} is a bit nervous'],
];

export const ROUND_J_LANGUAGES: Record<string, Entry[]> = {
  // Punjabi in Gurmukhi, as parents write it (greetings, "ji", English school words).
  pan: [
    ['absence', 'ਸਤ ਸ੍ਰੀ ਅਕਾਲ, {c} ਕੱਲ੍ਹ ਸਕੂਲ ਨਹੀਂ ਆਵੇਗਾ, ਅਸੀਂ ਗੁਰਦੁਆਰੇ ਜਾਣਾ ਹੈ'],
    ['absence', '{c} ਅੱਜ ਲੇਟ ਆਵੇਗੀ, ਡਾਕਟਰ ਕੋਲ ਜਾਣਾ ਹੈ ਜੀ'],
    ['absence', 'ਅਸੀਂ ਇੰਡੀਆ ਜਾ ਰਹੇ ਹਾਂ, {c} ਦੋ ਹਫ਼ਤੇ ਸਕੂਲ ਨਹੀਂ ਆਵੇਗਾ'],
    ['sickness', '{c} ਨੂੰ ਬੁਖਾਰ ਹੈ, ਅੱਜ ਘਰ ਰਹੇਗਾ ਜੀ'],
    ['sickness', 'ਸਤ ਸ੍ਰੀ ਅਕਾਲ ਜੀ, {c} ਰਾਤ ਨੂੰ ਉਲਟੀਆਂ ਕਰਦੀ ਰਹੀ, ਅੱਜ ਨਹੀਂ ਆਵੇਗੀ'],
    ['dinners', '{c} ਸਕੂਲ ਦਾ ਖਾਣਾ ਖਾਵੇਗਾ ਕੱਲ੍ਹ ਤੋਂ, ਪੈਸੇ ਕਿਵੇਂ ਦੇਣੇ ਹਨ?'],
    ['dinners', 'ਕੀ ਸਕੂਲ ਦੇ ਖਾਣੇ ਵਿੱਚ ਮੀਟ ਤੋਂ ਬਿਨਾਂ ਕੁਝ ਹੈ? ਅਸੀਂ ਸ਼ਾਕਾਹਾਰੀ ਹਾਂ'],
    ['dinners', 'ਸਕੂਲ ਡਿਨਰ ਦੇ ਕਿੰਨੇ ਪੈਸੇ ਬਕਾਇਆ ਹਨ ਜੀ?'],
    ['medical', '{c} ਦੀ ਦਵਾਈ ਬੈਗ ਵਿੱਚ ਹੈ, ਦੁਪਹਿਰ ਨੂੰ ਦੇ ਦੇਣੀ ਜੀ'],
    ['urgent', 'ਅੱਜ {c} ਨੂੰ ਉਸਦੇ ਚਾਚਾ ਜੀ ਲੈਣ ਆਉਣਗੇ, ਮੈਂ ਨਹੀਂ'],
    ['lost-property', '{c} ਦੀ ਪਾਣੀ ਦੀ ਬੋਤਲ ਸਕੂਲ ਵਿੱਚ ਰਹਿ ਗਈ, ਕਿਸੇ ਨੇ ਦੇਖੀ?'],
    ['progress', 'ਮੈਂ {c} ਦੀ ਪੜ੍ਹਾਈ ਬਾਰੇ ਟੀਚਰ ਨਾਲ ਮਿਲਣਾ ਚਾਹੁੰਦੀ ਹਾਂ'],
    ['trip', 'ਟ੍ਰਿਪ ਦੇ ਪੈਸੇ ਕਿੰਨੇ ਹਨ ਅਤੇ ਕਦੋਂ ਦੇਣੇ ਹਨ?'],
    ['general', 'ਬਹੁਤ ਧੰਨਵਾਦ ਜੀ, {c} ਬਹੁਤ ਖੁਸ਼ ਹੈ'],
    ['safeguarding', 'ਸਾਡੇ ਕੋਲ ਘਰ ਵਿੱਚ ਖਾਣ ਨੂੰ ਕੁਝ ਨਹੀਂ ਹੈ, ਬੱਚੇ ਭੁੱਖੇ ਸੌਂਦੇ ਹਨ', 'neglect', 'concern'],
  ],
  ben: [
    ['absence', '{c} আজ স্কুলে আসবে না, আমরা বিয়েতে যাচ্ছি'],
    ['absence', '{c} আজ দেরিতে আসবে, ডাক্তারের অ্যাপয়েন্টমেন্ট আছে'],
    ['sickness', '{c} এর জ্বর, আজ স্কুলে যাবে না'],
    ['sickness', 'আমার ছেলে রাতে বমি করেছে, আজ বাসায় থাকবে'],
    ['medical', '{c} এর ওষুধ ব্যাগে আছে, দুপুরে খাইয়ে দেবেন'],
    ['medical', '{c} এর বাদামে এলার্জি আছে, ইপিপেন অফিসে দিয়েছি'],
    ['dinners', '{c} কাল থেকে স্কুলের খাবার খাবে, টাকা কিভাবে দেব?'],
    ['dinners', 'স্কুলের খাবার কি হালাল?'],
    ['lost-property', '{c} স্কুলে তার সোয়েটার ফেলে এসেছে, একটু খুঁজে দেবেন?'],
    ['lost-property', '{c} এর পানির বোতল পাওয়া যাচ্ছে না, কেউ দেখেছেন?'],
    ['urgent', 'আজ {c} কে ওর মামা নিতে আসবে, আমি না'],
    ['progress', '{c} এর পড়াশোনা নিয়ে শিক্ষকের সাথে দেখা করতে চাই'],
    ['clubs', '{c} কি স্কুলের পরে ফুটবল ক্লাবে যোগ দিতে পারবে?'],
    ['trip', 'ট্রিপের জন্য কত টাকা লাগবে?'],
    ['general', 'অনেক ধন্যবাদ, {c} খুব খুশি'],
  ],
  som: [
    ['absence', '{c} maanta iskuulka ma imaanayo, waxaan aadaynaa aroos'],
    ['absence', '{c} wuu soo daahayaa maanta, dhakhtar ayuu leeyahay'],
    ['sickness', '{c} wuu xanuunsan yahay, qandho ayuu qabaa, maanta guriga ayuu joogayaa'],
    ['sickness', 'Gabadhayda {c} way matagaysay habeenkii, maanta ma imaanayso'],
    ['medical', '{c} daawadiisa waxay ku jirtaa boorsada, fadlan sii duhurkii'],
    ['dinners', 'Hilibka cuntada iskuulka ma xalaal baa?'],
    ['dinners', '{c} berri cuntada iskuulka ayuu cunayaa, sidee lacagta u bixiyaa?'],
    ['clubs', 'Wiilkaygu wuxuu rabaa inuu galo naadiga cayaaraha, meel banaan ma jirtaa?'],
    ['clubs', 'Naadiga kubada cagta caawa ma furan yahay?'],
    ['lost-property', '{c} jaakadiisa wuu lumiyay, buluug, magaciisa ayaa ku qoran'],
    ['urgent', 'Maanta {c} waxaa soo qaadaya adeerkiis, aniga maaha'],
    ['progress', 'Waxaan rabaa inaan la kulmo macallinka si aan uga hadlo waxbarashada {c}'],
    ['trip', 'Socdaalka iskuulka immisa lacag ayuu yahay?'],
    ['general', 'Mahadsanid macallin, {c} aad ayuu u faraxsan yahay'],
    ['general', 'Mahadsanid sawirada aad noo soo dirtay, aad bay u qurux badan yihiin'],
  ],
  spa: [
    ['medical', '{c} es alérgico a los frutos secos, mañana traigo el EpiPen a la oficina'],
    ['medical', 'Por favor recuérdele a {c} usar su inhalador antes del recreo, gracias'],
    ['complaint', 'No estoy contento, nadie me avisó que {c} se cayó en el recreo'],
    ['complaint', 'Quiero quejarme, la maestra le gritó a mi hija delante de todos'],
    ['complaint', 'Otra vez le han quitado la merienda a {c} y nadie hace nada, estoy harta'],
    ['dinners', '¿Puede {c} comer en el comedor mañana en vez de llevar fiambrera?'],
    ['sickness', '{c} tiene fiebre y ha vomitado, hoy no va al colegio'],
    ['clubs', '¿Hay plazas en el club de fútbol de los martes?'],
    ['trip', '¿Cuánto cuesta la excursión al zoo y cuándo hay que pagar?'],
    ['general', 'Muchas gracias por todo, {c} está muy contenta en la clase'],
  ],
  por: [
    ['medical', '{c} começou um remédio novo para a asma, pode lembrar de usar a bombinha no almoço?'],
    ['complaint', 'Não estou nada satisfeita, ninguém me avisou que {c} se machucou no recreio'],
    ['dinners', 'O {c} pode almoçar na escola amanhã em vez de levar lancheira?'],
    ['lost-property', '{c} perdeu o casaco azul, tem o nome dentro'],
    ['clubs', 'Ainda tem vaga no clube de futebol depois da escola?'],
    ['trip', 'Quanto custa o passeio da escola e quando tenho que pagar?'],
    ['general', 'Muito obrigada professora, {c} adora a escola'],
  ],
  urd: [
    ['dinners', 'کیا {c} کل سے اسکول کا کھانا کھا سکتا ہے؟ پیسے کیسے دوں؟'],
    ['dinners', 'اسکول کے کھانے میں گوشت حلال ہوتا ہے یا نہیں؟'],
    ['dinners', '{c} کو اسکول میں سبزی والا کھانا دیا کریں، وہ گوشت نہیں کھاتی'],
    ['general', 'آپ کا بہت شکریہ، {c} اسکول میں بہت خوش ہے'],
  ],
  pol: [
    ['safeguarding', 'Sąd zakazał ojcu {c} kontaktu z dziećmi, proszę go nie wpuszczać', 'domestic', 'disclosure'],
    ['safeguarding', 'Uciekłam z dziećmi do siostry, proszę nikomu nie mówić gdzie jesteśmy', 'domestic', 'disclosure'],
    ['safeguarding', 'Nie mamy nic do jedzenia do wypłaty, dzieci są głodne', 'neglect', 'concern'],
    ['general', 'Od tego tygodnia {c} będzie u taty w weekendy, wszystko ustalone spokojnie'],
  ],
};

/**
 * A fourth batch, one message at a time, for the intents cross-validation found weakest (medical,
 * progress, general, urgent, lost property, the absence/sickness line) and for indirect disclosures.
 */
import type { Entry } from './languages';

export const MORE_WEAK: Entry[] = [
  // medical: needs in school, not an absence
  ['medical', 'Can {c} keep {his} inhaler in {his} tray rather than the office? {he} gets wheezy at play'],
  ['medical', "{c}'s on a course of amoxicillin, 5ml three times a day, one dose needs to be at lunch"],
  ['medical', 'The GP says {c} can come back but needs to wear {his} sling for another week'],
  ['medical', "{c} has nits again, we've treated {him}, please could you check the class"],
  ['medical', 'Who do I speak to about {c}s diabetes plan? The nurse said to contact school'],
  ['medical', "{c} mustn't have anything with egg in it, the allergy clinic confirmed it yesterday"],
  ['medical', "{c}'s new glasses need to be worn for reading, please remind {him}"],
  ['medical', 'Can {c} have water at {his} desk? {he} has a kidney condition'],
  ['medical', "{c} is starting insulin pump therapy, the diabetes nurse wants to train staff"],
  ['medical', 'Has {c} had {his} lunchtime tablet? I forgot to write it in the book'],
  ['medical', "{c}'s piriton is in the office, 5ml if {his} hives flare up"],
  ['medical', "{c} has a verruca, is it ok for {him} to do swimming with a sock?"],
  ['medical', 'Please can {c} use the lift, {he} is on crutches this week'],
  ['medical', "{c}'s had {his} vaccinations today so {his} arm might be sore"],
  ['medical', "{c} wears a hearing aid from today, the audiologist's letter is in {his} bag"],
  ['medical', 'Is there a defibrillator in school? {c} has a heart condition and the cardiologist asked'],
  ['medical', 'Can staff put {his} eczema cream on after PE? It is in a named tub'],
  ['medical', "{c}'s migraine tablets are in the office, can {he} have one if {he} gets a headache"],
  // progress: learning, not general
  ['progress', "{c}'s reading has really come on, what book band is {he} now?"],
  ['progress', 'Can you tell me which phonics phase {c} is on so we can practise at home'],
  ['progress', "{c} doesn't know {his} number bonds yet, is that normal for year 2?"],
  ['progress', "I'd like to know if {c} is being assessed for extra support"],
  ['progress', 'Could we get an update on how {c} is doing with the speech and language targets?'],
  ['progress', 'Is {c} working at the expected standard? The report was a bit confusing'],
  ['progress', "How's {c} been in maths lately? {he} says the work is hard"],
  ['progress', 'Any tips for getting {c} to write more than a sentence at home?'],
  ['progress', "When's the next parents evening? We missed the last one"],
  ['progress', "{c}'s IEP review is due, can we set a date?"],
  ['progress', 'Can {c} bring home {his} maths book so we can see what they are doing?'],
  ['progress', "Is {c} in the top or bottom group for reading? {he} won't tell me"],
  ['progress', 'What can we do over the holidays to help {c} catch up?'],
  ['progress', "{c}'s handwriting is really messy, is {he} getting any help with it in class?"],
  // general: news, thanks, school events
  ['general', "Just to say {c} won a medal at {his} swimming gala at the weekend!"],
  ['general', 'When is the harvest festival? Do we send in tins?'],
  ['general', "{c}'s uncle is a fireman and offered to come and talk to the class"],
  ['general', 'Is it wear your pyjamas day for Children in Need?'],
  ['general', "What's the theme for the Christmas jumper day?"],
  ['general', 'Could you pass on our thanks to the student teacher, {c} will miss her'],
  ['general', "{c}'s been telling us all about the Romans, thank you for making it so fun"],
  ['general', 'Are parents invited to the Christingle service?'],
  ['general', 'Has the newsletter gone out? I did not get it this week'],
  ['general', "{c} is going to be a big sister! Baby is due in March"],
  ['general', 'Do we need to send in a baby photo for the leavers book?'],
  ['general', 'Is the new PE kit navy or black shorts?'],
  ['general', 'Is there school on the Monday after the Easter holidays?'],
  ['general', '{c} had a great time at the disco, thank you to the PTA'],
  // absence, indirect
  ['absence', 'Got the eye hospital at 10 so {c} will be in after'],
  ['absence', '{c} has to be at the passport office at 11, will bring {him} straight back'],
  ['absence', 'We are off to my sisters wedding in Spain, {c} will be back Wednesday'],
  ['absence', "{c} will be in for the afternoon, she's got her jabs this morning"],
  ['absence', 'Will be dropping {c} at 11ish after the doctors'],
  ['absence', 'Can we have Friday as leave? Its a family thing we cant move'],
  ['absence', "{c} won't be at school next week, we are visiting my mum in Romania, she is very ill"],
  ['absence', 'Please can I collect {c} at 2:45 for the dentist'],
  ['absence', "{c} has physio on Tuesday mornings from now on so will arrive at 10.30"],
  ['absence', 'We have had a death in the family, {c} will not be in for the rest of the week'],
  // sickness vs absence
  ['sickness', "{c} is feeling too ill for school, we're waiting for a GP call"],
  ['sickness', 'temp of 38.5 so no school today'],
  ['sickness', "{c} has a really bad cold and can't stop coughing, keeping {him} off"],
  ['sickness', '{c} has got a sick bug, will be back Thursday if clear'],
  ['sickness', 'Still poorly, GP says viral infection, hoping back monday'],
  ['sickness', "{c} fainted at home this morning, we're keeping {him} in bed today"],
  // urgent: today's arrangements
  ['urgent', "Can you let {c} know I'm picking {him} up at 3 from the front, not the side gate"],
  ['urgent', 'Change of pick up: {adult} will collect {c} from after school club at 5'],
  ['urgent', "{c}'s nan is collecting, she doesn't have the password, it is Bluebell"],
  ['urgent', 'I have had an accident on the way, not hurt, but cant get to school, can you keep {c}?'],
  ['urgent', 'Can someone phone me right away please, it is about {c}'],
  ['urgent', "{c} isn't to walk home alone today, I will meet {him} at the gate"],
  ['urgent', "{c}'s taxi is not coming today, I will pick {him} up at 3.15"],
  ['urgent', 'Please tell {c} to go to Grandma’s after school today, she knows the way'],
  // lost property
  ['lost-property', '{c} came home in odd shoes, one of them is not {his}'],
  ['lost-property', 'Has anyone handed in a purple scarf? {c} had it at break'],
  ['lost-property', "{c}'s reading folder has vanished, could you check the classroom?"],
  ['lost-property', 'No sign of the PE hoodie at home, it must still be at school, it is named'],
  ['lost-property', "{c} left {his} coat on the field yesterday, has it turned up?"],
  ['lost-property', 'Her lunchbox did not come home, pink with a cat on'],
  // complaint
  ['complaint', 'I am furious that nobody told me about {c} being sent to the head'],
  ['complaint', "This is the second time {c}'s come home with paint all over {his} new coat, who is paying?"],
  ['complaint', "Why wasn't I told the class had a supply teacher all week?"],
  ['complaint', "{c} was not allowed the toilet and wet {him}self, I'm disgusted"],
  ['complaint', 'The after school club charged us for a day {c} was not there and nobody will refund it'],
  ['complaint', 'I think it is wrong that {c} lost golden time because I was late paying for the trip'],
  // dinners
  ['dinners', "{c} says {he} didn't get a dinner today because they ran out, is that right?"],
  ['dinners', 'Can you check if {c} is registered for free meals, we applied in September'],
  ['dinners', "{c} wants to change from dinners to packed lunches after Christmas"],
  ['dinners', 'What are the choices on the lunch menu tomorrow?'],
  // safeguarding, more indirect
  ['safeguarding', "There's been a lot going on at home, the police took my husband away last night", 'domestic', 'disclosure'],
  ['safeguarding', 'I am leaving my partner and I am frightened what he will do when he finds out', 'domestic', 'concern'],
  ['safeguarding', "{c} says {he} has to look after {his} baby sister all night because mum is out", 'neglect', 'disclosure'],
  ['safeguarding', "{c} hasn't got a bed at the moment, {he} sleeps on the floor with a coat", 'neglect', 'concern'],
  ['safeguarding', "{c} said {his} uncle takes photos of {him} in the bath and says it's their game", 'sexual', 'disclosure'],
  ['safeguarding', "{c} said an older girl made {him} do things {he} didn't want to at the sleepover", 'sexual', 'concern'],
  ['safeguarding', "{c} has a friend from online {he} wants to meet in town, he says he's 14 but I don't believe it", 'online', 'concern'],
  ['safeguarding', "Someone made a fake account of {c} and is posting horrible things telling {him} to kill {him}self", 'online', 'disclosure'],
  ['safeguarding', "{c} has been coming home with money and says {he} is holding things for a man at the park", 'exploitation', 'disclosure'],
  ['safeguarding', '{c} keeps going off with older lads in a car, comes back at all hours and won’t say where', 'exploitation', 'concern'],
  ['safeguarding', "{c} showed me scratches on {his} arms {he} did with a compass and said {he} deserves it", 'self-harm', 'disclosure'],
  ['safeguarding', "{c} wrote in {his} diary that {he} wants to disappear forever", 'self-harm', 'concern'],
  ['safeguarding', "{c} came back from {his} mums with a swollen lip and says {he} can't say", 'physical', 'disclosure'],
  ['safeguarding', "{c}'s dad pins {him} down when {he} is naughty and {he} has marks on {his} wrists", 'physical', 'disclosure'],
  ['safeguarding', "{c}'s nan says we should have {c} cut like she was, I have told her no", 'fgm', 'concern'],
  ['safeguarding', "{c} keeps watching videos about 'traitors' that should be punished and talks about weapons", 'radicalisation', 'concern'],
  ['safeguarding', "{c} gets screamed at and called names by {his} step mum, {he} doesn't want to go there", 'emotional', 'concern'],
  ['safeguarding', 'Can I talk to someone in confidence, I am worried about what my partner is doing to {c}', 'physical', 'concern'],
];

/** Neglect in its everyday words (money, food, a roof, a parent not coping), and disclosures in the home languages. */
export const MORE_NEGLECT: Entry[] = [
  ['safeguarding', "We've been kicked out and are staying in a B&B, one room for all of us", 'neglect', 'concern'],
  ['safeguarding', "There's no money for food till Friday, {c} has had toast for tea all week", 'neglect', 'concern'],
  ['safeguarding', 'I have been using the food bank but it has run out, the kids are going to bed hungry', 'neglect', 'concern'],
  ['safeguarding', "We're staying at different friends' houses each night since we lost the flat", 'neglect', 'concern'],
  ['safeguarding', "{c} hasn't got any shoes that fit and we can't get new ones, {he} has been wearing {his} sister's", 'neglect', 'concern'],
  ['safeguarding', 'Our flat has no hot water or heating and the landlord will not fix it, the baby is ill from the damp', 'neglect', 'concern'],
  ['safeguarding', "I've been drinking a lot since my mum died and I'm not getting the kids up for school", 'neglect', 'concern'],
  ['safeguarding', "My depression is really bad and some days {c} has to make {his} own tea and put {him}self to bed", 'neglect', 'concern'],
  ['safeguarding', '{c} was on {his} own all weekend because {his} dad went away and left {him}', 'neglect', 'disclosure'],
  ['safeguarding', "The council has put us in emergency housing miles away, we have no cooker and no beds yet", 'neglect', 'concern'],
  ['safeguarding', "We are living in the car for now until the council finds us somewhere, please don't tell anyone", 'neglect', 'disclosure'],
  ['safeguarding', "{c}'s friend comes to school in the same dirty clothes every day and is always starving, I think no one looks after him", 'neglect', 'concern'],
  ['safeguarding', "I haven't eaten for two days so the kids can, I don't know what to do", 'neglect', 'concern'],
  ['safeguarding', "My partner spends all the money on drugs and there is never food in the house", 'neglect', 'concern'],
  ['safeguarding', "{c} has been looking after {his} little brothers every night while I work, {he} is 8", 'neglect', 'concern'],
  ['safeguarding', "They've cut off our electric, we've been in the dark with candles since Tuesday", 'neglect', 'concern'],
];

export const MORE_SAFEGUARDING_LANGUAGES: Record<string, Entry[]> = {
  ara: [
    ['safeguarding', 'ابني يقول إن أباه يضربه بالحزام', 'physical', 'disclosure'],
    ['safeguarding', 'لا يوجد طعام في البيت ولا نستطيع دفع الإيجار، طردنا صاحب البيت', 'neglect', 'concern'],
    ['safeguarding', 'رجل على الإنترنت يطلب من ابنتي صورا ويقول لها ألا تخبر أحدا', 'online', 'disclosure'],
    ['safeguarding', 'ابنتي تجرح نفسها، رأيت جروحا على يديها', 'self-harm', 'disclosure'],
  ],
  urd: [
    ['safeguarding', 'گھر میں کھانا نہیں ہے اور ہمیں مکان سے نکال دیا گیا ہے', 'neglect', 'concern'],
    ['safeguarding', 'میری بیٹی نے بتایا کہ اس کا چچا اسے غلط طریقے سے چھوتا ہے', 'sexual', 'disclosure'],
    ['safeguarding', 'انٹرنیٹ پر کوئی آدمی میرے بیٹے سے تصویریں مانگ رہا ہے', 'online', 'disclosure'],
  ],
  cym: [
    ['safeguarding', 'Does dim arian gyda ni am fwyd ac mae’r trydan wedi ei dorri i ffwrdd', 'neglect', 'concern'],
    ['safeguarding', 'Mae ei dad yn gas iawn wrtho fe ac mae e ofn mynd adre', 'emotional', 'concern'],
    ['safeguarding', 'Mae dyn ar y we yn gofyn i {c} am luniau ac i gadw’r peth yn gyfrinach', 'online', 'disclosure'],
  ],
  pol: [
    ['safeguarding', 'Nie mamy pieniędzy na jedzenie, dzieci chodzą spać głodne', 'neglect', 'concern'],
    ['safeguarding', '{c} powiedziała, że wujek ją dotyka i każe nic nie mówić', 'sexual', 'disclosure'],
  ],
  ron: [
    ['safeguarding', 'Nu avem bani de mâncare și ne-au scos din casă', 'neglect', 'concern'],
    ['safeguarding', '{c} spune că un bărbat de pe internet îi cere poze', 'online', 'disclosure'],
  ],
};

/** Everyday messages in the home languages: news, questions about school life, arrangements. */
export const MORE_EVERYDAY_LANGUAGES: Record<string, Entry[]> = {
  pol: [
    ['general', 'Czy w piątek jest dzień bez mundurka?'],
    ['general', '{c} bardzo się cieszy na wycieczkę klasową, dziękujemy'],
    ['general', 'Kiedy zaczynają się ferie zimowe?'],
    ['progress', 'Czy {c} ma jakieś zadanie domowe na weekend? Nie wiem, co ćwiczyć'],
    ['clubs', 'Do której godziny jest świetlica po lekcjach?'],
    ['absence', 'Jutro {c} nie będzie w szkole, mamy wizytę w urzędzie'],
  ],
  ron: [
    ['general', 'Vineri este zi fără uniformă?'],
    ['general', 'Mulțumim pentru pozele de la serbare, {c} a fost foarte fericită'],
    ['progress', 'Ce teme are {c} pentru weekend? Vrem să o ajutăm acasă'],
    ['clubs', 'Până la ce oră este clubul de după școală?'],
    ['absence', 'Mâine {c} nu vine la școală, avem programare la ambasadă'],
    ['dinners', '{c} vrea să mănânce la cantina școlii de luni'],
  ],
  ara: [
    ['general', 'هل يوم الجمعة بدون زي مدرسي؟'],
    ['general', 'شكرا على الصور الجميلة من الحفلة، ابني كان سعيدا جدا'],
    ['progress', 'ما هي الواجبات المنزلية لهذا الأسبوع؟ نريد أن نساعده في البيت'],
    ['clubs', 'متى ينتهي النادي بعد المدرسة؟'],
    ['absence', 'لن يحضر {c} غدا لأن لدينا موعد في السفارة'],
    ['trip', 'هل يحتاج الأطفال إلى غداء للرحلة يوم الخميس؟'],
  ],
  urd: [
    ['general', 'کیا جمعہ کو یونیفارم کے بغیر آنا ہے؟'],
    ['general', 'تصویروں کا بہت شکریہ، {c} بہت خوش ہے'],
    ['progress', 'اس ہفتے کا ہوم ورک کیا ہے؟ ہم گھر پر مدد کرنا چاہتے ہیں'],
    ['clubs', 'اسکول کے بعد کلب کتنے بجے ختم ہوتا ہے؟'],
    ['absence', 'کل {c} اسکول نہیں آئے گی، ایمبیسی میں اپوائنٹمنٹ ہے'],
    ['trip', 'کیا ٹرپ کے لیے پیسے دینے ہیں؟'],
  ],
  cym: [
    ['general', 'Ydy hi’n ddiwrnod gwisg eich hun ddydd Gwener?'],
    ['general', 'Diolch am y lluniau o’r cyngerdd, roedd {c} mor hapus'],
    ['progress', 'Pa waith cartref sydd gan {c} yr wythnos hon?'],
    ['clubs', 'Pryd mae’r clwb ar ôl ysgol yn gorffen?'],
    ['absence', 'Fydd {c} ddim yn yr ysgol yfory, mae gennym apwyntiad yn y llysgenhadaeth'],
    ['trip', 'Oes angen cinio ar gyfer y trip ddydd Iau?'],
  ],
};

/** Short replies parents send all day: acknowledgements, not requests. */
export const SHORT_REPLIES: Entry[] = [
  'Thanks!', 'ok', 'Ok thanks', 'yes', 'Yes please', 'no thanks', 'Hi', 'Hello', 'thx', 'ta', '👍', '🙏', 'Will do',
  'Ok will do', 'No problem', 'No worries', 'Great, thank you', 'Perfect thanks', 'Lovely, thanks', 'See you tomorrow', 'Noted, thanks',
  'Brilliant', 'ok no worries x', 'Thank you so much!', 'Sounds good', 'That’s fine', 'Got it thanks', 'Received, thank you', 'Ok see you then',
  'Cheers', 'Thank u', 'kk', 'Morning!', 'Will let her know', 'Will tell him', 'ok I will bring it tomorrow', 'Sure', 'Amazing, thanks',
].map((t): Entry => ['general', t]);

/** The same in the home languages, with their language. */
export const SHORT_REPLIES_LANGUAGES: Record<string, string[]> = {
  cym: ['Diolch', 'Iawn, diolch', 'Bore da', 'Diolch yn fawr iawn!', 'Dim problem'],
  pol: ['Dziękuję', 'Dobrze, dziękuję', 'Dzień dobry', 'Ok, dzięki', 'Nie ma problemu'],
  ron: ['Mulțumesc', 'Bine, mulțumesc', 'Bună ziua', 'Ok, mersi', 'Nicio problemă'],
  ara: ['شكرا', 'حسنا شكرا', 'صباح الخير', 'شكرا جزيلا', 'ابني بخير الحمد لله'],
  urd: ['شکریہ', 'ٹھیک ہے، شکریہ', 'السلام علیکم', 'بہت شکریہ', 'jee theek hai shukriya'],
  ben: ['ধন্যবাদ', 'ঠিক আছে'],
  pan: ['ਧੰਨਵਾਦ', 'ਠੀਕ ਹੈ'],
};

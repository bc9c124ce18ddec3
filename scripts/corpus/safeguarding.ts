/**
 * Safeguarding frames by the categories of the statutory guidance (Keeping Children Safe in Education):
 * most are indirect, as parents write them, with none of the obvious words. `level` is the tier a school
 * would want: `disclosure` (harm said or seen: the DSL now) or `concern` (worry that needs a DSL's eye).
 * NEAR_MISSES are the hard negatives: messages that share the words and are not safeguarding.
 */
import type { QueryCategory } from '../../lib/policy/schema';

export type Category =
  | 'neglect'
  | 'physical'
  | 'sexual'
  | 'emotional'
  | 'domestic'
  | 'exploitation'
  | 'online'
  | 'fgm'
  | 'radicalisation'
  | 'self-harm';

export const SAFEGUARDING: Record<Category, [level: 'disclosure' | 'concern', frame: string][]> = {
  neglect: [
    ['disclosure', 'We have been sleeping in the car for a week, {c} has not had a proper wash'],
    ['disclosure', 'Landlord kicked us out, me and {c} are staying on a mates floor, no food in'],
    ['concern', '{c} has been coming to ours hungry every night, I don’t think there is food in {his} house'],
    ['disclosure', '{c} is being left home alone in the evenings while {his} mum goes out'],
    ['concern', "I'm struggling to cope, I can't afford to feed {c} this week and the electric is off"],
    ['disclosure', "{c}'s dad leaves {him} on {his} own all weekend, {he} is only 7"],
    ['concern', '{c} keeps saying {his} friend wears the same clothes every day and smells and is always starving'],
    ['disclosure', 'We have nowhere to stay tonight, we are in a hostel room with no beds'],
    ['concern', 'Since I lost my job we have had no heating or hot water and {c} is sleeping in {his} coat'],
    ['disclosure', 'Nobody has picked {c} up from {his} dads for two days and he is not answering, {he} is alone'],
    ['concern', 'i cant get out of bed most days and {c} is getting {him}self ready and feeding {him}self'],
  ],
  physical: [
    ['disclosure', 'I found marks on {c}s back when {he} got out the bath, {he} says {his} uncle did it'],
    ['disclosure', '{c} has bruises on {his} arms and said {his} stepdad grabbed {him}'],
    ['disclosure', '{c} told me {his} dad hits {him} with a belt when {he} is naughty'],
    ['disclosure', '{c} came back from contact with a black eye and won’t say what happened'],
    ['concern', '{c} flinches when anyone raises their voice and has a lot of bruises lately'],
    ['disclosure', "{c} has finger mark bruises round {his} neck, {he} said it was mum's boyfriend"],
    ['disclosure', '{c} says {he} gets smacked at {his} nan’s and is scared to go back'],
    ['concern', "{c} doesn't want to go to {his} dads this weekend because {he} is frightened of him"],
    ['disclosure', 'His father burned him with a cigarette, I have seen the mark'],
    ['concern', 'my neighbour keeps screaming at her little boy and I hear banging and crying every night'],
  ],
  sexual: [
    ['disclosure', '{c} told me someone at the park touched {him} and told {him} to keep it secret'],
    ['disclosure', '{c} said an older boy made {him} take {his} clothes off in the toilets'],
    ['disclosure', "{c} said {his} step brother gets into {his} bed at night and it's a secret"],
    ['concern', '{c} is drawing and saying really sexual things that a 6 year old should not know'],
    ['disclosure', '{c} told me a man showed {him} his private parts on the way home'],
    ['concern', "{c}'s behaviour has changed since {his} uncle moved in, {he} won't be left alone with him"],
    ['disclosure', 'My daughter says her mum’s friend touches her where he shouldn’t'],
    ['concern', "{c}'s been wetting the bed again and is scared of {his} babysitter, won't say why"],
  ],
  emotional: [
    ['concern', '{c} says {his} dad calls {him} worthless and stupid every day and {he} believes it'],
    ['concern', '{c} is terrified of {his} mum’s partner, he shouts at {him} constantly and locks {him} in {his} room'],
    ['disclosure', '{c} is locked in {his} room without food as a punishment at {his} dads'],
    ['concern', "{c} has gone really quiet and withdrawn since things changed at home and won't talk"],
    ['concern', '{c} told {his} friend nobody at home loves {him} and {he} is always being told {he} is a mistake'],
    ['concern', '{c} is scared to go home, says {he} will get in trouble and cries at the gate'],
  ],
  domestic: [
    ['disclosure', "{c}'s dad isn't allowed to collect {him}, there is a court order, please make sure"],
    ['disclosure', 'There is a non molestation order against my ex, he is not to come near {c}'],
    ['disclosure', 'My partner hit me in front of {c} last night, police came, {c} saw everything'],
    ['concern', 'Things are very bad at home with my husband, {c} has heard a lot of shouting and things being thrown'],
    ['disclosure', 'We have moved to a refuge, please do not give our address to anyone'],
    ['disclosure', "My ex has been drunk and threatening and said he'll take {c} from school"],
    ['concern', "I'm scared of my partner and I don't know who to talk to, {c} has seen him angry"],
    ['disclosure', '{c} said {he} hid under the bed when daddy was hurting mummy'],
    ['disclosure', 'Social services are involved now after what happened with my ex, he must not pick {c} up'],
  ],
  exploitation: [
    ['concern', 'An older lad keeps giving {c} money and new trainers and asking {him} to carry bags for him'],
    ['concern', '{c} has a second phone I didnt buy and keeps going missing after school'],
    ['disclosure', '{c} has been going to another town on the train with older boys and came back with cash'],
    ['concern', 'Some men in a car keep waiting for {c} outside the chip shop and giving {him} vapes'],
    ['disclosure', "{c} said {he} has to hold stuff for some older boys or they'll hurt {his} family"],
    ['concern', '{c} has been coming home late with expensive things and new friends who are much older'],
    ['disclosure', 'The police brought {c} home at 2am from a flat in another town, {he} had drugs on {him}'],
  ],
  online: [
    ['disclosure', 'Someone {c} met on a game keeps asking {him} for photos and to keep it secret'],
    ['concern', '{c} has been messaging an adult on Snapchat who says he is 12, I saw the messages'],
    ['disclosure', 'A man on TikTok has been sending {c} pictures and asking to meet {him}'],
    ['disclosure', '{c} sent pictures of {him}self to someone online and now they are threatening to share them'],
    ['concern', 'Someone on roblox keeps asking {c} where {he} lives and which school {he} goes to'],
    ['concern', "{c} was added to a group chat where older kids share nude pics, I'm worried"],
  ],
  fgm: [
    ['concern', 'We are taking {c} back home in the summer for a special ceremony to become a woman'],
    ['concern', "{c}'s aunties want her to be cut like the other girls when we go to visit family"],
    ['disclosure', '{c} said she is going to have the cutting done in the holidays and she is scared'],
    ['concern', '{c} keeps talking about a special procedure at her grandmother’s and asks if it will hurt'],
  ],
  radicalisation: [
    ['concern', "{c}'s older cousin has been showing {him} extremist videos and {he} repeats what they say"],
    ['concern', '{c} has started saying certain people should be killed and spends hours on far right sites'],
    ['concern', '{c} is talking about joining a group online that hates other religions, I am worried'],
    ['disclosure', 'My nephew who lives with us is trying to get {c} to watch beheading videos and says he will go to fight'],
  ],
  'self-harm': [
    ['disclosure', '{c} has been cutting {him}self, I found marks on {his} arms'],
    ['disclosure', "{c} said {he} wants to die and doesn't want to be here any more"],
    ['disclosure', 'I found a note in {c}s room saying goodbye to everyone'],
    ['concern', '{c} has stopped eating and keeps scratching {his} arms until they bleed'],
    ['disclosure', "{c} took a lot of tablets last night, we've been at the hospital"],
    ['concern', '{c} keeps saying everyone would be better off without {him}'],
    ['disclosure', '{c} has been hitting {his} head on the wall and saying {he} hates {him}self'],
  ],
};

/** Shares words with safeguarding, and is not: each labelled with what it is. */
export const NEAR_MISSES: [QueryCategory, string][] = [
  ['general', "What's the price limit for Secret Santa this year?"],
  ['general', '{c} is keeping {his} Christmas present a secret, {he} made it at school'],
  ['progress', 'Where is the homework online? {c} says it’s on a website'],
  ['general', 'Is online safety day this week? {c} wants to dress up'],
  ['progress', 'I’m worried about {c}’s reading, {he} is not keen'],
  ['medical', '{c} has a big bruise from the trampoline at the weekend, {he} is fine but might need ice'],
  ['general', '{c} had bad dreams after watching a scary film, {he} might be tired'],
  ['general', '{c} has nightmares since the fireworks, nothing to worry about'],
  ['progress', "{c} keeps saying {he}'s stupid at maths, can we help {his} confidence?"],
  ['general', '{c} fell off {his} bike and has a graze on {his} knee, just so you know'],
  ['complaint', '{c} was hit by another child at play and nobody told me'],
  ['complaint', 'Another boy keeps pushing {c} at break and {he} is getting upset, please sort it'],
  ['general', '{c} has a cut on {his} finger from cooking, it is plastered'],
  ['urgent', "{c}'s dad is collecting {him} today, that's fine"],
  ['general', "{c}'s dad is taking {him} to the football tonight so {he} will be buzzing tomorrow"],
  ['general', '{c} is staying with {his} grandparents this week while we move house'],
  ['general', '{c} is a bit sad because our dog died'],
  ['progress', '{c} is feeling low about {his} spelling scores, can we talk?'],
  ['dinners', '{c} is always hungry after school, could {he} have a bigger portion?'],
  ['general', '{c} is home alone for an hour after school now that {he} is in Year 6? Is that allowed?'],
  ['trip', 'Is the trip to the mosque and the church still on? {c} is excited'],
  ['general', "{c}'s cousin is getting married and there will be a big family ceremony, {he} is so excited"],
  ['general', "Can {c} bring {his} phone? {he} walks home alone now"],
  ['clubs', 'Is the online coding club still running?'],
  ['general', '{c} has a new step dad and {he} loves him to bits'],
  ['medical', '{c} has a bruise on {his} arm from {his} blood test, please be gentle'],
  ['general', '{c} was scared of the fire alarm today, {he} told me all about it'],
  ['progress', "{c} is anxious about SATs and isn't sleeping well"],
  ['general', 'Thanks for the online safety talk, really useful'],
  ['absence', '{c} has a court date with me as a witness for my car accident, will be out {day}'],
  ['general', '{c} wants to wear {his} cultural dress for the ceremony at the assembly'],
  ['general', '{c} has cut {his} hair {him}self, please ignore it haha'],
  ['general', '{c} has been a bit emotional this week with the new baby'],
];

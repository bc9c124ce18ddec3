/**
 * The fixture class c1's roster as the spot-check tests and the bench use it: the pupils the story feed
 * names. Oliver Patel's photo consent is the one thing they vary (post9 is a photo of him).
 */
export function c1Pupils(oliverPatelPhotoConsent: boolean) {
  return [
    { first: 'Amelia', last: 'Hughes', photoConsent: true, inCare: false },
    { first: 'Jayden', last: 'Smith-Walker', photoConsent: true, inCare: false },
    { first: 'Oliver', last: 'Bennett', photoConsent: true, inCare: false },
    { first: 'Oliver', last: 'Patel', photoConsent: oliverPatelPhotoConsent, inCare: false },
  ];
}

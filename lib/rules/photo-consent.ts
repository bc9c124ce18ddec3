/**
 * photo-consent: a photo or video attached with a pupil (tagged, or named in the text) whose consent for
 * this channel is refused or not recorded, or who is in Local Authority care; or any photo of children
 * where the policy bans them.
 *
 * Consent has three states (lib/rules/types.ts). The finding says which one it is, and carries
 * `data.record = 'rosters'` so the panel offers the place to record consent. "Not recorded" holds the post
 * like a refusal unless the policy's `notRecorded` is `remind`, which makes it an `audit` note. A pupil tagged in
 * a class with no roster saved is "not recorded" too (`noRoster`): no register, no recorded consent.
 *
 * Pupils in care: only a policy that says so (`neverInCare`, Bentley New Village 5.4) bars their photos
 * whatever the consent. Under the others, which do not mention children in care, a consented pupil in care
 * gets an `audit` note (`inCareCheck`) to check that the local authority gave that consent; nothing is held
 * on words the policy does not have.
 */
import { CHANNELS } from '../policy/vocab';
import { consentState, matchTagged, type IndexedPupil } from './roster';
import type { RuleModule } from './rule';
import type { RawFinding } from './types';

/** Photos of pupils without consent, of pupils in care, or of children where photos are banned. */
export const photoConsent: RuleModule = {
  meta: {
    id: 'photo-consent',
    fixable: false,
    // A policy read from a document may quote its consent clause first: the in-care finding quotes the
    // clause about children in care, the consent findings the consent clause.
    clauseFor: {
      // Any clause speaking of care (the reader's wordings, lib/policy/from-text: "in care", "in the care of the
      // council", "cared for by…", "foster care"), of looked-after children, LAC, CLA, CiC or (Welsh) gofal.
      inCare: /\bcared?\b|looked[- ]after|\b(?:LAC|CLA|CiC)\b|gofal/i,
      noConsent: /\bconsent|\bpermission/i,
      notRecorded: /\bconsent|\bpermission/i,
    },
    // A policy read from a document that bars photos of children in care only by Policy Guard's default (the
    // document states photo consent but not this): the finding says so rather than quote the consent clause.
    unquoted: {
      inCare: 'u_photo_consent_inCare',
    },
    // The catalog key of each message (public/_locales/<lang>/messages.json), worded by lib/i18n/finding.ts.
    messages: {
      inCare: 'f_photo_consent_inCare',
      inCareCheck: 'f_photo_consent_inCareCheck',
      noConsent: 'f_photo_consent_noConsent',
      notRecorded: 'f_photo_consent_notRecorded',
      noRoster: 'f_photo_consent_noRoster',
      unknown: 'f_photo_consent_unknown',
      ambiguous: 'f_photo_consent_ambiguous',
      noChildren: 'f_photo_consent_noChildren',
    },
  },
  appliesIn(policy) {
    const rule = policy.rules['photo-consent'];
    if (rule.channels) return rule.channels;
    const channels = new Set([...rule.consentRequiredIn, ...rule.noChildrenIn]);
    if (rule.neverInCare) for (const c of CHANNELS) if (c !== 'points') channels.add(c);
    return [...channels];
  },
  check(draft, { policy, roster: rosterList }, { mentions, roster }) {
    const media = typeof draft.media === 'number' ? draft.media > 0 : draft.media === true;
    if (!media) return [];
    const rule = policy.rules['photo-consent'];
    const findings: RawFinding[] = [];

    if (rule.noChildrenIn.includes(draft.channel)) {
      findings.push({ start: 0, end: 0, messageId: 'noChildren', data: {} });
    }

    // Who is pictured: the tagged pupils, and the pupils named in the text of a photo post.
    const pictured = new Map<IndexedPupil, { start: number; end: number }>();
    const unknown: string[] = [];
    // No roster for this class at all: nobody's consent is recorded, which is "not recorded" for every tag
    // (probe 19 H1: it used to say nothing, as if a class without a register needed no consent).
    const unregistered: string[] = [];
    const ambiguous: { name: string; pupils: IndexedPupil[] }[] = [];
    for (const tag of draft.tagged ?? []) {
      const matches = matchTagged(roster, tag);
      const pupil = matches.length === 1 ? matches[0]! : undefined;
      if (pupil) pictured.set(pupil, pictured.get(pupil) ?? { start: 0, end: 0 });
      // Two pupils answer to the tag ("Amelia" for Amelia Hughes and Millie, legally Amelia): it is on the
      // roster, but which pupil's consent applies cannot be told, and saying "not on the roster" would mislead.
      else if (matches.length > 1) ambiguous.push({ name: tag.trim(), pupils: matches });
      else if (tag.trim()) (rosterList.length > 0 ? unknown : unregistered).push(tag.trim());
    }
    for (const m of mentions) {
      if (m.pupils.length === 1 && m.kind !== 'likely-full' && m.kind !== 'likely-first') {
        const p = m.pupils[0]!;
        const at = pictured.get(p);
        if (!at || at.end === 0) pictured.set(p, { start: m.start, end: m.end });
      }
    }

    const needsConsent = rule.consentRequiredIn.includes(draft.channel);
    for (const [p, span] of pictured) {
      const name = p.display;
      if (rule.neverInCare && p.pupil.inCare) {
        findings.push({ ...span, messageId: 'inCare', data: { name, school: policy.name } });
      } else if (needsConsent) {
        const state = consentState(p.pupil, draft.channel);
        // A policy that does not bar photos of pupils in care (Broughton, Papworth Hall): their consent is read
        // like any pupil's, and a yes gets a note (never a hold: the policy does not say it) to check whose yes
        // it is, since a looked-after child's photo consent is the local authority's to give.
        if (state === 'given' && p.pupil.inCare) findings.push({ ...span, messageId: 'inCareCheck', data: { name }, action: 'audit' });
        if (state === 'given') continue;
        // Sending it to the family privately is an alternative where the policy allows photos there.
        const privateOk = draft.channel !== 'private-chat' && !rule.consentRequiredIn.includes('private-chat');
        const data = { name, ...(privateOk ? { alternative: 'private' } : {}), consent: state, record: 'rosters' };
        if (state === 'refused') findings.push({ ...span, messageId: 'noConsent', data });
        // The school may treat an unanswered register as a reminder rather than a hold.
        else findings.push({ ...span, messageId: 'notRecorded', data, ...(rule.notRecorded === 'remind' ? { action: 'audit' as const } : {}) });
      }
    }
    // Both link to the class's roster, where the pupil and their consent are recorded.
    if (needsConsent) for (const name of unknown) findings.push({ start: 0, end: 0, messageId: 'unknown', data: { name, record: 'rosters' } });
    // Held or noted as the policy says for "not recorded", as for a pupil on the roster with no answer.
    if (needsConsent) {
      for (const name of unregistered) {
        const data = { name, consent: 'not-recorded', record: 'rosters' };
        findings.push({ start: 0, end: 0, messageId: 'noRoster', data, ...(rule.notRecorded === 'remind' ? { action: 'audit' as const } : {}) });
      }
    }
    for (const { name, pupils } of ambiguous) {
      // Held when any pupil it could be would be held here: in care under a policy that bars it, or consent not given.
      const held = pupils.some((p) => (rule.neverInCare && p.pupil.inCare) || (needsConsent && consentState(p.pupil, draft.channel) !== 'given'));
      if (held) findings.push({ start: 0, end: 0, messageId: 'ambiguous', data: { name, pupils: pupils.map((p) => p.display).join(', '), record: 'rosters' } });
    }
    return findings;
  },
};

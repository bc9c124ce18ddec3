/**
 * Issue 16 (d): with each of the five presets, for every intent, what the teacher sees (the suggested reply
 * where there is one, otherwise the advice) names where the policy sends that intent: the contact's name,
 * or the meeting, the class teacher or the DSL.
 */
import { describe, expect, it } from 'vitest';
import { PRESET_IDS } from '../../../lib/policy/catalog';
import { QUERY_CATEGORIES, type QueryCategory } from '../../../lib/policy/schema';
import { routeMessage } from '../../../lib/routing/index';
import { policy } from '../rules/helpers';

/** Messages each intent's own (they are classified first, so a misread message fails here, not silently). */
const MESSAGES: Record<QueryCategory, string> = {
  absence: 'Jacob has an eye test at 9.15 so he will be a bit late in',
  sickness: 'Amelia has been sick all night, keeping her home today',
  medical: 'Please can Jack have his antibiotics at lunch, the form is in his bag',
  dinners: 'Can Amelia change to school dinners from next week?',
  complaint: 'I want to make a formal complaint about lunchtime supervision',
  urgent: 'Nan is picking Amelia up today, please can you let her know',
  clubs: 'Is football club on tonight?',
  'lost-property': 'Jacob has lost his water bottle, it is blue with his name on',
  progress: 'How is Amelia getting on with her reading?',
  trip: 'What time does the coach get back from the museum trip?',
  safeguarding: 'I am worried, she says her stepdad hits her and she is scared to go home',
  general: 'Thank you so much for a lovely term!',
};

describe('the card names the policy’s destination, every intent, every preset', () => {
  for (const id of PRESET_IDS) {
    const p = policy(id);
    for (const intent of QUERY_CATEGORIES) {
      it(`${id}: ${intent}`, () => {
        const r = routeMessage(MESSAGES[intent], p, { language: 'eng' });
        expect(r.intent).toBe(intent);
        const route = p.routing.routes[intent];
        expect(r.destination).toBe(route.destination);
        const contact = route.contact ? p.routing.contacts[route.contact] : undefined;
        const shown = `${r.reply ?? ''} ${r.advice}`;
        if (r.unsure) {
          // Unsure: the advice names both likeliest destinations, this one among them.
          expect(r.unsure.map((u) => u.destination)).toContain(route.destination);
          return;
        }
        if (contact?.name) expect(shown).toContain(contact.name);
        else if (route.destination === 'meeting') expect(shown).toMatch(/meeting/i);
        else if (route.destination === 'teacher') expect(shown).toMatch(/yours to answer|class teacher/i);
        else if (route.destination === 'dsl') expect(shown).toMatch(/Designated Safeguarding Lead|DSL/);
        else expect(shown).toMatch(/office|attendance|nursing/i);
      });
    }
  }
});

/**
 * The extractor's time grows with the document, not with its square: documents at the 500,000-character
 * limit, built to hit each pass's worst case (one sentence with thousands of time ranges or titled people, a list of
 * thousands of routed items, thousands of routing sentences, rows with thousands of cells), each read in
 * seconds. Before this was made linear the run-on sentence took 51 s and the list 82 s.
 */
import { describe, expect, it } from 'vitest';
import { proposeFromText } from '../../../../lib/policy/from-text';
import { MAX_DOCUMENT_CHARS } from '../../../../lib/policy/from-text/document';
import { wordprocessingText } from '../../../../lib/policy/from-text/docx';

const fill = (piece: string) => piece.repeat(Math.ceil(MAX_DOCUMENT_CHARS / piece.length)).slice(0, MAX_DOCUMENT_CHARS);

describe('a 500,000-character document is read in linear time', () => {
  it.each([
    ['one run-on sentence of time ranges', fill('staff reply to messages between eight and five ')],
    ['a list of routed items', fill('Parents must contact the office about:\n- absence\n- dinners\n- clubs\n')],
    ['routing sentences', fill('Please report absence to the office by phone. ')],
    ['named contacts with phone numbers', fill('Medicines should be discussed with Mrs A Bc, the school nurse, on 01632 960000. ')],
    ['one line of pipes and ranges', fill('| 8am-5pm ')],
    ['table rows', fill('Monday\t8am - 5pm\tParents\n')],
    ['limits', fill('Teachers will not check ClassDojo after 5pm. ')],
    ['one run-on sentence of titled people', fill('Questions about medicines should be directed to Mrs Ann Lee, Family Liaison Officer, on 01234 567890 and ')],
    ['one list of thousands of deputies', `Our Deputy DSLs are ${fill('Mrs Fatima Begum and ')}`],
    ['title rows, deputies and an FAQ', fill('Family Liaison Officer: Mr Tom Reilly, 01332 718 445\nOur Deputy DSLs are Mrs Fatima Begum and Miss Kerry Dunn.\nQ: How do I report an absence?\nA: Phone the office.\n')],
    ['hard-wrapped lines', fill('Staff will send messages between 8.15am and 4.45pm, Monday to\nFriday and the Attendance Officer, Mrs Nicola Grant, is on\n')],
  ])('%s', (_, text) => {
    proposeFromText(text.slice(0, 20_000)); // warm up the JIT
    const t0 = performance.now();
    proposeFromText(text);
    // About 1 s on a loaded two-core machine; a quadratic pass takes a minute.
    expect(performance.now() - t0).toBeLessThan(8_000);
  }, 30_000);
});

describe('a Word document part is read in linear time', () => {
  it('500,000 stray "<" (a tag never closed) take milliseconds, not minutes', () => {
    const t0 = performance.now();
    expect(wordprocessingText('<'.repeat(MAX_DOCUMENT_CHARS))).toBe('');
    expect(performance.now() - t0).toBeLessThan(2_000);
  });
});

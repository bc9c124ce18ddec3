/**
 * lib/i18n/format.ts formats a catalog entry as chrome.i18n.getMessage does (Chromium's message_bundle.cc and
 * base::ReplaceStringPlaceholders, as documented at developer.chrome.com/docs/extensions/reference/api/i18n and
 * …/how-to/ui/localization-message-formats): named placeholders to their content, $1…$9 to the substitutions.
 */
import { describe, expect, it } from 'vitest';
import { formatMessage, placeholdersUsed, withPlaceholders, type Catalog } from '../../../lib/i18n/format';

const catalog: Catalog = {
  // The documentation's own example: "error" with a placeholder holding $1 and an example.
  error: { message: 'Error: $details$', description: 'Generic error template. Expects error parameter to be passed in.', placeholders: { details: { content: '$1', example: 'Failed to fetch RSS feed.' } } },
  plain: { message: 'No pupils found.' },
  direct: { message: 'Rows $1 to $2 of $3.' },
  price: { message: 'It costs $$ $1 (that is $$ and a number); $$$ is two.' },
  twice: { message: '$NAME$ and $name$ again: $Name$.', placeholders: { name: { content: '$1' } } },
  mixedCase: { message: 'Hello $USER$', placeholders: { User: { content: '$1' } } },
  fixed: { message: 'Contact $who$.', placeholders: { who: { content: 'the Designated Safeguarding Lead' } } },
  swapped: { message: '$B$ before $A$', placeholders: { a: { content: '$1' }, b: { content: '$2' } } },
  literalDollar: { message: 'Pay $ 5, $x or $.', placeholders: {} },
  contentWithDollars: { message: 'Total: $amount$', placeholders: { amount: { content: '$1 $$' } } },
  undeclared: { message: 'Hi $nobody$ and $1' },
  nested: { message: '$a$', placeholders: { a: { content: '$b$ $1' }, b: { content: 'never' } } },
  notAName: { message: 'From $ to $ is a range; $a-b$ too.', placeholders: { a: { content: 'X' } } },
};

describe('formatMessage', () => {
  it('gives a message with no placeholders as written, and "" for a key the catalog lacks', () => {
    expect(formatMessage(catalog, 'plain')).toBe('No pupils found.');
    expect(formatMessage(catalog, 'missing')).toBe('');
    expect(formatMessage(catalog, 'missing', ['a'])).toBe('');
  });

  it('reads message names case-insensitively, as Chromium stores them', () => {
    expect(formatMessage(catalog, 'PLAIN')).toBe('No pupils found.');
    expect(formatMessage(catalog, 'Error', 'x')).toBe('Error: x');
  });

  it('replaces a named placeholder by its content, and the content’s $1 by the substitution (the documented example)', () => {
    expect(formatMessage(catalog, 'error', 'Failed to fetch RSS feed.')).toBe('Error: Failed to fetch RSS feed.');
    expect(formatMessage(catalog, 'error', ['Failed to fetch RSS feed.'])).toBe('Error: Failed to fetch RSS feed.');
  });

  it('replaces a $1 written straight in the message text', () => {
    expect(formatMessage(catalog, 'direct', ['1', '20', '31'])).toBe('Rows 1 to 20 of 31.');
  });

  it('gives "" for a substitution not passed', () => {
    expect(formatMessage(catalog, 'direct', ['1'])).toBe('Rows 1 to  of .');
    expect(formatMessage(catalog, 'error')).toBe('Error: ');
    expect(formatMessage(catalog, 'swapped', [])).toBe(' before ');
  });

  it('reads "$$" as "$" (a run of n+1 gives n), in the message and in a placeholder’s content', () => {
    expect(formatMessage(catalog, 'price', ['5'])).toBe('It costs $ 5 (that is $ and a number); $$ is two.');
    expect(formatMessage(catalog, 'contentWithDollars', ['12'])).toBe('Total: 12 $');
  });

  it('uses a placeholder as often as the message names it, in any case', () => {
    expect(formatMessage(catalog, 'twice', 'Amelia')).toBe('Amelia and Amelia again: Amelia.');
    expect(formatMessage(catalog, 'mixedCase', 'Rhys')).toBe('Hello Rhys');
  });

  it('takes placeholders in the message’s order, whatever their substitutions’ order', () => {
    expect(formatMessage(catalog, 'swapped', ['first', 'second'])).toBe('second before first');
  });

  it('keeps a placeholder’s fixed content (no $n), and passes the substitutions through untouched', () => {
    expect(formatMessage(catalog, 'fixed', ['ignored'])).toBe('Contact the Designated Safeguarding Lead.');
    expect(formatMessage(catalog, 'direct', ['$2', '$$', '$NAME$'])).toBe('Rows $2 to $$ of $NAME$.');
  });

  it('drops a "$" that begins no placeholder, with the character after it, as base::ReplaceStringPlaceholders does', () => {
    expect(formatMessage(catalog, 'literalDollar')).toBe('Pay 5,  or ');
    expect(formatMessage(catalog, 'notAName')).toBe('From to is a range; -btoo.');
  });

  it('does not read a placeholder’s content for placeholders again', () => {
    expect(withPlaceholders(catalog.nested!)).toBe('$b$ $1');
  });

  it('leaves a $name$ with no placeholder as written before the substitutions (Chromium refuses such a catalog: catalog.test.ts)', () => {
    expect(withPlaceholders(catalog.undeclared!)).toBe('Hi $nobody$ and $1');
  });

  it('is the options page’s Welsh roster text for the same entry (the shape tests/unit/roster/welsh-messages.test.ts formats)', () => {
    const entry: Catalog = { csv_duplicate: { message: "Mae $NAME$ wedi'i restru ddwywaith (rhesi $A$ a $B$).", placeholders: { name: { content: '$1' }, a: { content: '$2' }, b: { content: '$3' } } } };
    expect(formatMessage(entry, 'csv_duplicate', ['Amelia Hughes', '2', '3'])).toBe("Mae Amelia Hughes wedi'i restru ddwywaith (rhesi 2 a 3).");
  });
});

describe('formatMessage keeps step 1 per entry', () => {
  it('gives the same text each time, and reads an entry changed in place afresh', () => {
    const cat: Catalog = { who: { message: 'Contact $who$ about $1.', placeholders: { who: { content: 'the office' } } } };
    expect(formatMessage(cat, 'who', ['Amelia'])).toBe('Contact the office about Amelia.');
    expect(formatMessage(cat, 'who', ['Jacob'])).toBe('Contact the office about Jacob.');
    cat.who!.message = 'Ask $who$ about $1.';
    expect(formatMessage(cat, 'who', ['Jacob'])).toBe('Ask the office about Jacob.');
    cat.who!.placeholders = { who: { content: 'the DSL' } };
    expect(formatMessage(cat, 'who', ['Jacob'])).toBe('Ask the DSL about Jacob.');
  });
});

describe('placeholdersUsed reads $NAME$ as step 1 does (one scanner, Chromium’s ReplaceVariables)', () => {
  // Each message with every name it may use declared, content «name»: step 1's output shows which it replaced.
  const MESSAGES = ['$a$$b$', '$a$b$c$', '$$a$', '$ a$b$', '$a-b$c$', '$A$ and $a$', 'cost $5 $a$', '$a$$', '$$$a$$$', '$@x_1$ $é$ $b$', 'no names', '$1 $a$ $$ $b', '$a$ $'];
  const replaced = (message: string) => {
    const names = [...message.matchAll(/[A-Za-z0-9_@]+/g)].map((m) => m[0].toLowerCase());
    const out = withPlaceholders({ message, placeholders: Object.fromEntries(names.map((n) => [n, { content: `«${n}»` }])) });
    return [...out.matchAll(/«([^»]+)»/g)].map((m) => m[1]!);
  };

  it.each(MESSAGES)('%s', (message) => {
    expect(placeholdersUsed(message)).toEqual(replaced(message));
  });

  it('names Chromium reads, and only those', () => {
    expect(placeholdersUsed('$a$b$c$')).toEqual(['a', 'c']);
    expect(placeholdersUsed('$a-b$c$ $ a$b$')).toEqual(['c', 'b']);
    expect(placeholdersUsed('$$$a$$$')).toEqual(['a']);
    expect(placeholdersUsed('$A$ and $a$')).toEqual(['a', 'a']);
  });
});


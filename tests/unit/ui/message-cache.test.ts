/**
 * components/i18n.ts `message`: the browser's catalog as lib/i18n words findings with. It keeps what the browser
 * gave (the catalog is fixed while the extension runs): the same text as asking again, by key and substitutions,
 * and a new `getMessage` (another catalog) is asked afresh.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { message } from '../../../components/i18n';
import { formatMessage, type Catalog } from '../../../lib/i18n/format';

const catalog: Catalog = {
  hello: { message: 'Hello $1 and $2' },
  plain: { message: 'No pupils found.' },
};

function stub(cat: Catalog) {
  const getMessage = vi.fn((key: string, subs?: string | string[]) => formatMessage(cat, key, subs));
  vi.stubGlobal('browser', { i18n: { getMessage, getUILanguage: () => 'en' } });
  return getMessage;
}

describe('message keeps what the browser gave', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('gives the browser’s text, asking it once per key and substitutions', () => {
    const getMessage = stub(catalog);
    for (let i = 0; i < 3; i++) {
      expect(message('plain')).toBe('No pupils found.');
      expect(message('hello', ['Amelia', 'Jacob'])).toBe('Hello Amelia and Jacob');
      expect(message('hello', ['Jacob', 'Amelia'])).toBe('Hello Jacob and Amelia');
      expect(message('missing')).toBe('');
    }
    expect(getMessage).toHaveBeenCalledTimes(4);
  });

  it('does not confuse substitutions that join alike', () => {
    stub(catalog);
    expect(message('hello', ['a', 'b c'])).toBe('Hello a and b c');
    expect(message('hello', ['a b', 'c'])).toBe('Hello a b and c');
    expect(message('hello', [])).toBe('Hello  and ');
    expect(message('hello')).toBe('Hello  and ');
  });

  it('asks a new catalog afresh', () => {
    stub(catalog);
    expect(message('plain')).toBe('No pupils found.');
    const other = stub({ plain: { message: 'Dim disgyblion.' } });
    expect(message('plain')).toBe('Dim disgyblion.');
    expect(other).toHaveBeenCalledTimes(1);
  });
});

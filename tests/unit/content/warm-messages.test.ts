import { afterEach, describe, expect, it, vi } from 'vitest';

const getMessage = vi.fn((key: string) => `[${key}]`);
vi.mock('../../../lib/ext/i18n', () => ({ t: (key: string) => getMessage(key) }));

describe('warmMessages (the early script fetches the message catalogue while the page loads)', () => {
  afterEach(() => {
    vi.useRealTimers();
    getMessage.mockClear();
  });

  it('asks for one message, in a task of its own, not during the early script’s own run', async () => {
    vi.useFakeTimers();
    const { warmMessages } = await import('../../../entrypoints/content/core/warm-messages');
    warmMessages();
    // Nothing yet: the early script must return at once, before ClassDojo's scripts run.
    expect(getMessage).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(getMessage).toHaveBeenCalledTimes(1);
    expect(getMessage).toHaveBeenCalledWith('extName');
  });

  it('the early script calls it on every ClassDojo page', async () => {
    const { readFileSync } = await import('node:fs');
    const early = readFileSync('entrypoints/early.content.ts', 'utf8');
    expect(early).toMatch(/^\s+warmMessages\(\);/m);
    expect(early.indexOf('warmMessages();')).toBeLessThan(early.indexOf("if (location.hostname === 'teach.classdojo.com')"));
  });
});

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

  it('the early script asks for it on both ClassDojo apps, and only after returning', async () => {
    vi.resetModules();
    // The early script's other parts (the seal, the interceptor, the parent-mode read) are not this test's.
    vi.doMock('../../../entrypoints/content/core/seal', () => ({ installSeal: vi.fn() }));
    vi.doMock('../../../entrypoints/content/core/intercept', () => ({ installInterceptor: vi.fn() }));
    vi.doMock('../../../entrypoints/content/core/parent-mode', () => ({ startParentModeRead: vi.fn() }));
    const { default: early } = await import('../../../entrypoints/early.content');
    expect(early.runAt).toBe('document_start');
    expect(early.matches).toEqual(['https://teach.classdojo.com/*', 'https://home.classdojo.com/*']);
    vi.useFakeTimers();
    for (const host of ['teach.classdojo.com', 'home.classdojo.com']) {
      getMessage.mockClear();
      vi.stubGlobal('location', new URL(`https://${host}/`));
      (early.main as () => void)();
      expect(getMessage, host).not.toHaveBeenCalled();
      vi.runAllTimers();
      expect(getMessage, host).toHaveBeenCalledWith('extName');
    }
    vi.unstubAllGlobals();
  });
});

/** Routing advice in Welsh: the concern tier and an unsure route have their own messages, with the school's contact. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { adviceText } from '../../../components/routing-text';
import type { RouteResult } from '../../../lib/routing/index';
import cy from '../../../public/_locales/cy/messages.json';
import { policy } from '../rules/helpers';

const messages = cy as Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

function welsh() {
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('cy');
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string, subs?: string | string[]) => {
    const m = messages[key];
    if (!m) return '';
    const list = typeof subs === 'string' ? [subs] : (subs ?? []);
    return m.message.replace(/\$(\w+)\$/g, (_, name: string) => {
      const ref = m.placeholders?.[name.toLowerCase()]?.content ?? '';
      return list[Number(ref.slice(1)) - 1] ?? '';
    });
  }) as typeof fakeBrowser.i18n.getMessage);
}

const base: RouteResult = { intent: 'safeguarding', secondary: [], destination: 'dsl', language: 'eng', confidence: 0.3, cues: [], reply: null, advice: 'English advice' };

describe('adviceText in Welsh', () => {
  afterEach(() => vi.restoreAllMocks());
  it('a possible concern: read it as one, and tell the DSL today', () => {
    welsh();
    const text = adviceText({ ...base, level: 'concern', contact: { name: 'Mrs Price' } as RouteResult['contact'] }, policy('malpas-court'));
    expect(text).toContain('darllenwch ef fel un');
    expect(text).toContain('Mrs Price');
  });
  it('a disclosure keeps the go-now advice', () => {
    welsh();
    expect(adviceText({ ...base, level: 'disclosure' }, policy('malpas-court'))).toContain('nawr, wyneb yn wyneb');
  });
  it('unsure: both likeliest destinations', () => {
    welsh();
    const text = adviceText(
      { ...base, intent: 'complaint', destination: 'office', unsure: [{ intent: 'complaint', destination: 'office', contact: 'Prif Swyddfa' }, { intent: 'progress', destination: 'meeting' }] },
      policy('malpas-court'),
    );
    expect(text).toContain('Ddim yn siŵr');
    expect(text).toContain('Prif Swyddfa');
  });
});

import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import en from '../../../public/_locales/en/messages.json';
import cy from '../../../public/_locales/cy/messages.json';
import { respond } from '../../../lib/ext/handler';
import type { Sender } from '../../../lib/ext/messages';

const ID = 'our-extension-id';
const teach: Sender = { id: ID, url: 'https://teach.classdojo.com/#/classes/c1/story', origin: 'https://teach.classdojo.com', tab: { url: 'https://teach.classdojo.com/#/classes/c1/story' } };

/**
 * Probe 14h H4: a corrupt stored policy choice was reset to "none", and the panel said "No school policy chosen
 * yet". The teacher must be told their choice was lost, in the panel (the background's `why`).
 */
describe('a saved policy choice that cannot be read', () => {
  beforeEach(() => fakeBrowser.reset());

  const corrupt: unknown[] = [42, 'bentley-new-village', { kind: 'preset', presetId: 'nope', chosenAt: 'x' }, { kind: 'preset', presetId: 'Bentley-New-Village', chosenAt: new Date().toISOString() }, [], true];
  for (const value of corrupt) {
    it(`is reported to the panel as unreadable, not as never chosen: ${JSON.stringify(value)}`, async () => {
      await fakeBrowser.storage.local.set({ policyChoice: value });
      expect(await respond({ type: 'get-policy', classId: 'c1' }, teach, ID)).toEqual({ ok: false, error: 'no-policy', why: 'policyUnreadable' });
      // and again on the next read, when storage holds the reset value
      expect(await respond({ type: 'get-policy', classId: 'c1' }, teach, ID)).toMatchObject({ why: 'policyUnreadable' });
    });
  }

  it('says none was chosen only when none was', async () => {
    expect(await respond({ type: 'get-policy', classId: 'c1' }, teach, ID)).toEqual({ ok: false, error: 'no-policy' });
  });

  it('stops saying so once a policy is chosen again', async () => {
    await fakeBrowser.storage.local.set({ policyChoice: 42 });
    await respond({ type: 'get-policy' }, teach, ID);
    await fakeBrowser.storage.local.set({ policyChoice: { kind: 'preset', presetId: 'bentley-new-village', chosenAt: new Date().toISOString() } });
    expect(await respond({ type: 'get-policy' }, teach, ID)).toMatchObject({ ok: true });
  });

  it('has the message in English and Welsh, with what to do', () => {
    expect(en.policyUnreadable.message).toMatch(/could not be read.*settings/);
    expect(cy.policyUnreadable.message).toMatch(/gosodiadau/);
  });
});

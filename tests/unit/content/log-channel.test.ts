/**
 * Issue #15: a logged event names the channel the finding was found in (the checker's `data.channel`), not
 * wherever the page is when the event is sent (a teacher who moved from Class Story to a private chat while the
 * gate was up logs the Class Story finding as Class Story).
 */
import { describe, expect, it } from 'vitest';
import { Guard } from '../../../entrypoints/content/guard';
import { checkDraft } from '../../../lib/rules/index';
import { bentley } from './harness';

describe('Guard.log and logHeld', () => {
  const policy = bentley();
  const [finding] = checkDraft({ text: 'Well done Amelia Hughes!', channel: 'class-story', at: '2026-11-24T10:15:00Z' }, { policy, roster: [] });

  it('the finding carries its channel, and the message says where', () => {
    expect(finding).toMatchObject({ rule: 'full-name', data: { channel: 'class-story' } });
    expect(finding!.message).toContain('in Class Story');
  });

  it('log: the event’s channel is the finding’s', () => {
    const guard = new Guard({} as ConstructorParameters<typeof Guard>[0]);
    const events: unknown[] = [];
    guard.onLog = (event) => events.push(event);
    guard.log('ignore', finding!);
    guard.logHeld('override', [finding!], 'told the family');
    expect(events).toEqual([
      { kind: 'ignore', rule: 'full-name', channel: 'class-story' },
      { kind: 'override', rule: 'full-name', rules: ['full-name'], reason: 'told the family', channel: 'class-story' },
    ]);
  });
});

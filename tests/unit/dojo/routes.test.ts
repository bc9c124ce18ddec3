import { describe, expect, it } from 'vitest';
import { hashSegments, parseDojoLocation, viewHasComposer } from '../../../lib/dojo/routes';

const T = 'https://teach.classdojo.com/';
const H = 'https://home.classdojo.com/';

describe('parseDojoLocation: the verified routes of shared/docs/classdojo-web-app.md', () => {
  const cases: [string, object][] = [
    [`${T}#/classes/c1/points`, { app: 'teach', view: 'points', classId: 'c1' }],
    [`${T}#/classes/c1/story`, { app: 'teach', view: 'class-story', classId: 'c1' }],
    [`${T}#/classes/c1/story/p9`, { app: 'teach', view: 'class-story', classId: 'c1', postId: 'p9' }],
    [`${T}#/classes/c1/portfolio`, { app: 'teach', view: 'student-story', classId: 'c1' }],
    [`${T}#/classes/c1/messaging/conv7`, { app: 'teach', view: 'messaging', classId: 'c1', conversationId: 'conv7' }],
    [`${T}#/schools/story`, { app: 'teach', view: 'school-story' }],
    [`${T}#/schools/s1/story`, { app: 'teach', view: 'school-story', schoolId: 's1' }],
    [`${T}#/schools/story/p3`, { app: 'teach', view: 'school-story', postId: 'p3' }],
    [`${T}#/schools/messaging/conv2`, { app: 'teach', view: 'messaging', conversationId: 'conv2' }],
    [`${T}#/messaging/group-chat-launch`, { app: 'teach', view: 'messaging', conversationId: 'group-chat-launch' }],
    [`${T}#/launchpad?settingsTab=messaging`, { app: 'teach', view: 'other' }],
    [`${H}#/story`, { app: 'home', view: 'parent-story' }],
    [`${H}#/story/p1/class/c1`, { app: 'home', view: 'parent-story', postId: 'p1', classId: 'c1' }],
    [`${H}#/story/p1/school/s1`, { app: 'home', view: 'parent-story', postId: 'p1', schoolId: 's1' }],
    [`${H}#/messages/`, { app: 'home', view: 'parent-messages' }],
    [`${H}#/messages/t1`, { app: 'home', view: 'parent-messages', conversationId: 't1' }],
    [`${H}#/reports/s5`, { app: 'home', view: 'parent-report', studentId: 's5' }],
    [`${H}#/events`, { app: 'home', view: 'parent-events' }],
  ];
  for (const [href, expected] of cases) {
    it(href, () => expect(parseDojoLocation(href)).toEqual(expected));
  }

  it('treats other hosts, no hash and junk as "other" without throwing', () => {
    expect(parseDojoLocation('https://student.classdojo.com/#/classes/c1/story')).toEqual({ app: 'other', view: 'other' });
    expect(parseDojoLocation(T)).toEqual({ app: 'teach', view: 'other' });
    expect(parseDojoLocation('not a url')).toEqual({ app: 'other', view: 'other' });
    expect(parseDojoLocation(`${T}#/classes/%E0%A4%A/story`).view).toBe('class-story');
  });
});

describe('hashSegments', () => {
  it('drops the query, empty segments and a hashbang', () => {
    expect(hashSegments('#!/classes//c1/story/?x=1')).toEqual(['classes', 'c1', 'story']);
    expect(hashSegments('')).toEqual([]);
  });
  it('decodes escapes', () => {
    expect(hashSegments('#/messages/a%20b')).toEqual(['messages', 'a b']);
  });
});

describe('viewHasComposer', () => {
  it('is true where people write, false where they only read', () => {
    expect(viewHasComposer('class-story')).toBe(true);
    expect(viewHasComposer('parent-messages')).toBe(true);
    expect(viewHasComposer('parent-story')).toBe(false);
    expect(viewHasComposer('other')).toBe(false);
  });
});

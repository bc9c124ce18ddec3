import { describe, expect, it } from 'vitest';
import { fixtureResponse } from '../e2e/fixture-server';

describe('fixture server', () => {
  it('serves the teacher and parent apps at ClassDojo’s origins, whatever the hash', () => {
    expect(String(fixtureResponse('https://teach.classdojo.com/#/classes/c1/story')?.body)).toContain('ClassDojo for Teachers');
    expect(String(fixtureResponse('https://home.classdojo.com/#/messages/t1')?.body)).toContain('ClassDojo for Families');
  });

  it('answers the JSON API with ClassDojo’s field names', () => {
    const feed = JSON.parse(String(fixtureResponse('https://teach.classdojo.com/api/storyFeed?classId=c1')!.body));
    expect(feed._items[0]).toMatchObject({ _id: expect.any(String), time: expect.any(String), senderName: expect.any(String) });
    expect(feed._items[0].contents).toHaveProperty('body');
    const roster = JSON.parse(String(fixtureResponse('https://teach.classdojo.com/api/dojoClass/c1/student')!.body));
    expect(roster._items).toHaveLength(28);
    expect(roster._items[0]).toMatchObject({ firstName: 'Amelia', lastName: 'Hughes' });
  });

  it('serves messaging on ClassDojo’s verified paths, and no longer the invented /api/conversations', () => {
    const list = JSON.parse(String(fixtureResponse('https://home.classdojo.com/api/parent/p1/message-thread/page?limit=20')!.body));
    expect(list._items[0]).toMatchObject({ _id: 't1', lastUpdated: expect.any(String) });
    expect(list._items[0]).not.toHaveProperty('messages');
    const thread = JSON.parse(String(fixtureResponse('https://teach.classdojo.com/api/message-thread/g1')!.body));
    expect(thread).toMatchObject({ _id: 'g1', participantCount: 29 });
    const messages = JSON.parse(String(fixtureResponse('https://teach.classdojo.com/api/message-thread/g1/message')!.body));
    expect(messages._items.length).toBeGreaterThan(1);
    expect(JSON.parse(String(fixtureResponse('https://teach.classdojo.com/api/teacher/t1/message-thread/page')!.body))._items.map((t: { _id: string }) => t._id)).toContain('p1');
    expect(fixtureResponse('https://teach.classdojo.com/api/conversations')?.status).toBe(404);
    expect(fixtureResponse('https://teach.classdojo.com/api/parent/p1/message-thread/page')?.status).toBe(404);
    expect(fixtureResponse('https://teach.classdojo.com/api/message-thread/nope/message')?.status).toBe(404);
  });

  it('serves an outline fixture by name, and nothing else through ?outline=', () => {
    expect(fixtureResponse('https://teach.classdojo.com/?outline=../../package#/')?.status).toBe(404);
    expect(fixtureResponse('https://teach.classdojo.com/?outline=no-such-outline#/')?.status).toBe(404);
  });

  it('refuses anything that is not ClassDojo’s, and paths that climb out of the fixtures', () => {
    expect(fixtureResponse('https://example.com/')).toBeNull();
    expect(fixtureResponse('http://teach.classdojo.com/')).toBeNull();
    for (const climb of ['/__fixtures__/../../package.json', '/__fixtures__/%2e%2e/%2e%2e/package.json', '/__fixtures__/..%2f..%2fpackage.json']) {
      expect(String(fixtureResponse(`https://teach.classdojo.com${climb}`)?.body)).not.toContain('policy-guard-classdojo');
    }
  });

  it('serves photo placeholders for ClassDojo’s media hosts', () => {
    expect(fixtureResponse('https://sphotos.classdojo.com/fixture/photo7-0.jpg')?.contentType).toBe('image/svg+xml');
  });
});

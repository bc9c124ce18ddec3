/**
 * Answers requests for ClassDojo's origins from tests/fixtures, so the extension's real match patterns
 * and host permissions are what the tests exercise. Pure Node: used by the e2e harness and `npm run demo`.
 */
import { readFileSync, existsSync } from 'node:fs';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures');

/** ClassDojo's app hosts, and the media hosts its pages load photos from. */
export const DOJO_APP_HOSTS = ['teach.classdojo.com', 'home.classdojo.com'];
export const DOJO_MEDIA_HOSTS = ['sphotos.classdojo.com', 'svideos.classdojo.com', 'sfiles.classdojo.com'];

export function isDojoHost(hostname: string): boolean {
  return DOJO_APP_HOSTS.includes(hostname) || DOJO_MEDIA_HOSTS.includes(hostname);
}

export interface FixtureResponse {
  status: number;
  contentType: string;
  body: string | Buffer;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

function file(rel: string): FixtureResponse {
  const path = normalize(join(FIXTURES_DIR, rel));
  if (!path.startsWith(FIXTURES_DIR) || !existsSync(path)) return notFound(rel);
  return { status: 200, contentType: TYPES[extname(path)] ?? 'application/octet-stream', body: readFileSync(path) };
}

function notFound(what: string): FixtureResponse {
  return { status: 404, contentType: 'text/plain', body: `fixture not found: ${what}` };
}

/** A photo placeholder: a soft gradient with the file's name, like a classroom snapshot thumbnail. */
function photo(name: string): FixtureResponse {
  const label = name.replace(/[^\w.-]/g, '');
  const body = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360" viewBox="0 0 640 360">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#b8e0ff"/><stop offset="1" stop-color="#d9c8ff"/></linearGradient></defs>
<rect width="640" height="360" fill="url(#g)"/><circle cx="500" cy="90" r="40" fill="#ffe27a"/>
<path d="M0 300 L160 180 L300 290 L420 210 L640 330 V360 H0Z" fill="#7fc8a9"/>
<text x="24" y="340" font-family="sans-serif" font-size="20" fill="#2c2a50">${label}</text></svg>`;
  return { status: 200, contentType: 'image/svg+xml', body };
}

function json(value: unknown): FixtureResponse {
  return { status: 200, contentType: TYPES['.json']!, body: JSON.stringify(value) };
}

interface FixtureThread {
  _id: string;
  messages: { time: string }[];
  [key: string]: unknown;
}

/** The fixture conversations of one app (data/*conversations.json): each thread with its messages. */
function threads(app: 'teach' | 'home'): Record<string, FixtureThread> {
  return JSON.parse(readFileSync(join(FIXTURES_DIR, app === 'teach' ? 'data/conversations.json' : 'data/home-conversations.json'), 'utf8')) as Record<string, FixtureThread>;
}

/** A thread as the thread endpoints give it: without its messages, with `lastUpdated` (verified field). */
function threadOnly({ messages, ...thread }: FixtureThread): Record<string, unknown> {
  return { ...thread, lastUpdated: messages[messages.length - 1]?.time ?? null };
}

/**
 * The JSON API, with ClassDojo's verified field names and paths (data/). Messaging, on ClassDojo's verified
 * paths (parent side): `GET /api/parent/{parentId}/message-thread/page?limit=20` → `_items[]` with
 * `lastUpdated`; `GET /api/message-thread/{threadId}`; `GET /api/message-thread/{threadId}/message`. The
 * teacher's thread list at `/api/teacher/{teacherId}/message-thread/page` is our inference from the parent's
 * (not published), and so are a message's field names (`senderName`, `senderType`, `body`, `time`).
 */
function apiResponse(url: URL, app: 'teach' | 'home'): FixtureResponse {
  const path = url.pathname;
  if (path === '/api/storyFeed') {
    if (url.searchParams.get('classId')) return file(`data/storyFeed-class-${url.searchParams.get('classId')}.json`);
    if (url.searchParams.get('schoolId')) return file(`data/storyFeed-school-${url.searchParams.get('schoolId')}.json`);
  }
  const students = /^\/api\/dojoClass\/([\w-]+)\/student$/.exec(path);
  if (students) return file(`data/class-${students[1]}-students.json`);
  const page = /^\/api\/(parent|teacher)\/[\w-]+\/message-thread\/page$/.exec(path);
  if (page && (page[1] === 'parent') === (app === 'home')) {
    const limit = Math.max(1, Math.min(100, Number(url.searchParams.get('limit') ?? 20) || 20));
    const all = Object.values(threads(app)).map(threadOnly);
    return json({ _items: all.slice(0, limit), _links: {} });
  }
  const thread = /^\/api\/message-thread\/([\w-]+)(\/message)?$/.exec(path);
  if (thread) {
    const found = threads(app)[thread[1]!];
    if (!found) return notFound(path);
    return json(thread[2] ? { _items: found.messages } : threadOnly(found));
  }
  return notFound(path);
}

/** What ClassDojo's origin answers for this URL, or null for a host that is not ClassDojo's. */
export function fixtureResponse(rawUrl: string): FixtureResponse | null {
  const url = new URL(rawUrl);
  if (url.protocol !== 'https:' || !isDojoHost(url.hostname)) return null;
  if (DOJO_MEDIA_HOSTS.includes(url.hostname)) return photo(url.pathname.split('/').pop() ?? 'photo');
  const app = url.hostname === 'teach.classdojo.com' ? 'teach' : 'home';
  if (url.pathname.startsWith('/__fixtures__/')) return file(url.pathname.slice('/__fixtures__/'.length));
  if (url.pathname.startsWith('/api/')) return apiResponse(url, app);
  if (url.pathname === '/favicon.ico') return { status: 204, contentType: 'image/x-icon', body: '' };
  // ?outline=NAME: a fixture page made from a school's page outline by `guard outline to-fixture`.
  const outline = url.searchParams.get('outline');
  if (outline !== null) return /^[a-z0-9][a-z0-9-]{0,60}$/.test(outline) ? file(`outlines/${outline}.html`) : notFound(`outline ${outline}`);
  // ?shape=NAME: a hand-written page of a shape the page doctor must read rightly (tests/fixtures/shapes/).
  const shape = url.searchParams.get('shape');
  if (shape !== null) return /^[a-z0-9][a-z0-9-]{0,60}$/.test(shape) ? file(`shapes/${shape}.html`) : notFound(`shape ${shape}`);
  return file(`${app}/index.html`);
}

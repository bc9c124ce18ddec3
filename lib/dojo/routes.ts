/**
 * ClassDojo's apps are single-page React apps routed by the URL hash. This turns a location into what
 * the page is, using only the routes listed in shared/docs/classdojo-web-app.md (all verified there).
 * Pure: no DOM, so the same parsing runs in tests and in the CLI.
 */

export type DojoApp = 'teach' | 'home' | 'other';

export type DojoView =
  | 'class-story' // teacher: #/classes/{classId}/story[/{postId}]
  | 'school-story' // teacher: #/schools/story, #/schools/{schoolId}/story, #/schools/story/{postId}
  | 'student-story' // teacher: #/classes/{classId}/portfolio
  | 'messaging' // teacher: #/classes/{classId}/messaging/{conversationId}, #/schools/messaging/..., #/messaging/...
  | 'points' // teacher: #/classes/{classId}/points
  | 'parent-story' // parent: #/story, #/story/{postId}/class/{classId}, #/story/{postId}/school/{schoolId}
  | 'parent-messages' // parent: #/messages/, #/messages/{conversationId}
  | 'parent-report' // parent: #/reports/{studentId}
  | 'parent-events' // parent: #/events
  | 'other';

export interface DojoRoute {
  app: DojoApp;
  view: DojoView;
  classId?: string;
  schoolId?: string;
  postId?: string;
  conversationId?: string;
  studentId?: string;
}

const HOSTS: Record<string, DojoApp> = {
  'teach.classdojo.com': 'teach',
  'home.classdojo.com': 'home',
};

/** The hash path as clean segments: "#/classes/c1/story/?x=1" -> ["classes", "c1", "story"]. */
export function hashSegments(hash: string): string[] {
  const path = hash.replace(/^#!?/, '').split('?')[0] ?? '';
  return path
    .split('/')
    .filter((s) => s.length > 0)
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s; // a malformed escape is kept as typed rather than thrown into the page
      }
    });
}

export function parseDojoLocation(href: string): DojoRoute {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return { app: 'other', view: 'other' };
  }
  const app = HOSTS[url.hostname] ?? 'other';
  const seg = hashSegments(url.hash);
  if (app === 'teach') return parseTeach(seg);
  if (app === 'home') return parseHome(seg);
  return { app, view: 'other' };
}

function parseTeach(seg: string[]): DojoRoute {
  const [a, b, c, d] = seg;
  if (a === 'classes' && b) {
    const classId = b;
    if (c === 'story') return { app: 'teach', view: 'class-story', classId, ...(d ? { postId: d } : {}) };
    if (c === 'portfolio') return { app: 'teach', view: 'student-story', classId };
    if (c === 'points') return { app: 'teach', view: 'points', classId };
    if (c === 'messaging') return { app: 'teach', view: 'messaging', classId, ...(d ? { conversationId: d } : {}) };
    return { app: 'teach', view: 'other', classId };
  }
  if (a === 'schools') {
    if (b === 'story') return { app: 'teach', view: 'school-story', ...(c ? { postId: c } : {}) };
    if (b === 'messaging') return { app: 'teach', view: 'messaging', ...(c ? { conversationId: c } : {}) };
    if (b && c === 'story') return { app: 'teach', view: 'school-story', schoolId: b };
    return { app: 'teach', view: 'other', ...(b ? { schoolId: b } : {}) };
  }
  if (a === 'messaging') return { app: 'teach', view: 'messaging', ...(b ? { conversationId: b } : {}) };
  return { app: 'teach', view: 'other' };
}

function parseHome(seg: string[]): DojoRoute {
  const [a, b, c, d] = seg;
  if (a === 'story') {
    if (b && c === 'class' && d) return { app: 'home', view: 'parent-story', postId: b, classId: d };
    if (b && c === 'school' && d) return { app: 'home', view: 'parent-story', postId: b, schoolId: d };
    return { app: 'home', view: 'parent-story', ...(b ? { postId: b } : {}) };
  }
  if (a === 'messages') return { app: 'home', view: 'parent-messages', ...(b ? { conversationId: b } : {}) };
  if (a === 'reports') return { app: 'home', view: 'parent-report', ...(b ? { studentId: b } : {}) };
  if (a === 'events') return { app: 'home', view: 'parent-events' };
  return { app: 'home', view: 'other' };
}

/** Views where someone writes something that Policy Guard checks. */
export function viewHasComposer(view: DojoView): boolean {
  return ['class-story', 'school-story', 'student-story', 'messaging', 'points', 'parent-messages'].includes(view);
}

/**
 * Feature: what ClassDojo's page says about the open class: its name (the post header's class span, the
 * class switcher) and its size (the points page's pupil tiles). The name is handed to the background, so
 * the options page, the records and the exports name the class as the school does; the size sets who the
 * panel says will see a Class Story post. Nothing is shown by this feature.
 */
import { ask } from '../ask';
import type { Feature } from './feature';

export const classFacts: Feature = {
  name: 'class-facts',
  init(f) {
    if (f.page.get().route.app !== 'teach') return;
    const sent = new Map<string, string>();
    f.page.subscribe((page) => {
      const classId = page.route.classId;
      if (!classId) return;
      if (page.pupilTiles) f.guard.setPupilCount(page.pupilTiles);
      const key = `${page.className ?? ''}|${page.pupilTiles ?? ''}`;
      if ((!page.className && !page.pupilTiles) || sent.get(classId) === key) return;
      sent.set(classId, key);
      void ask(f.ctx, { type: 'class-seen', classId, ...(page.className ? { name: page.className } : {}), ...(page.pupilTiles ? { pupils: page.pupilTiles } : {}) });
    });
  },
};

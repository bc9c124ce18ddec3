import type { DojoView } from '../../lib/dojo/routes';
import { t, type MessageKey } from '../../lib/ext/i18n';

const LABELS: Record<DojoView, MessageKey> = {
  'class-story': 'viewClassStory',
  'school-story': 'viewSchoolStory',
  'student-story': 'viewStudentStory',
  messaging: 'viewMessaging',
  points: 'viewPoints',
  'parent-story': 'viewParentStory',
  'parent-messages': 'viewParentMessages',
  'parent-report': 'viewParentReport',
  'parent-events': 'viewParentEvents',
  other: 'viewOther',
};

export function viewLabel(view: DojoView): string {
  return t(LABELS[view]);
}

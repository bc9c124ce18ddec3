// @vitest-environment happy-dom
/**
 * Probe 21 L3: with no message box where the page doctor says one belongs, the panel's status line says Policy
 * Guard cannot find it (as the doctor's notice does), not that the page has none.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { Panel } from '../../../components/Panel';
import { t } from '../../../lib/ext/i18n';

function status(composerCount: number, boxMissing?: boolean): string {
  const host = document.createElement('div');
  document.body.append(host);
  render(<Panel view="class-story" viewLabel="Class Story" composerCount={composerCount} boxMissing={boxMissing} policy={null} notices={[]} onChoosePolicy={() => {}} />, host);
  const text = host.textContent ?? '';
  render(null, host);
  host.remove();
  return text;
}

describe('the panel’s status line', () => {
  it('says the box cannot be found where the page doctor says one is missing, and "none here" only otherwise', () => {
    // The words agree with the doctor's notice (pageMismatchNoComposer), in each language.
    for (const loc of ['en', 'cy']) {
      const m = JSON.parse(readFileSync(join('public/_locales', loc, 'messages.json'), 'utf8')) as Record<string, { message: string }>;
      expect(m.pageMismatchNoComposer!.message.startsWith(m.composersMissing!.message.replace(/\.$/, '')), loc).toBe(true);
    }
    expect(status(0, true)).toContain(t('composersMissing'));
    expect(status(0, true)).not.toContain(t('composersNone'));
    expect(status(0)).toContain(t('composersNone'));
    expect(status(1, true)).toContain(t('composersOne'));
  });
});

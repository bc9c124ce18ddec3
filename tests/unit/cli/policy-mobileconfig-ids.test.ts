/**
 * Issue 19 (probe 19f fix report, "not done"): a macOS configuration profile that installs Policy Guard through
 * ExtensionSettings (a dict keyed by the extension's id, with installation_mode and update_url) was not read for
 * the id-mismatch and http:// checks of `guard policy validate`: only forcelist "id;url" strings were.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runGuard } from '../../../cli/main';
import { deploymentWarnings, readDeployFile } from '../../../lib/policy/deploy-files';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const OTHER = 'ponmlkjihgfedcbaponmlkjihgfedcba';

/** A profile with two payloads: Chrome's ExtensionSettings (installing `installId`) and the extension's settings (for `settingsId`). */
function profile(installId: string, settingsId: string, url = 'https://it.example.sch.uk/pg/updates.xml', comment = '') {
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
  <key>PayloadContent</key>
  <array>
    <dict>
      <key>PayloadType</key><string>com.google.Chrome</string>
      <key>PayloadIdentifier</key><string>uk.sch.example.chrome</string>
      <key>ExtensionSettings</key>
      <dict>
        ${comment}
        <key>${installId}</key>
        <dict>
          <key>installation_mode</key>
          <string>force_installed</string>
          <key>update_url</key>
          <string>${url}</string>
        </dict>
        <key>*</key>
        <dict><key>blocked_permissions</key><array><string>downloads</string></array></dict>
      </dict>
    </dict>
    <dict>
      <key>PayloadType</key><string>com.google.Chrome.extensions.${settingsId}</string>
      <key>presetId</key><string>bentley-new-village</string>
    </dict>
  </array>
</dict>
</plist>
`;
}
const warningsOf = (text: string) => {
  const read = readDeployFile(text);
  expect(read.kind).toBe('managed');
  return read.kind === 'managed' ? deploymentWarnings(text, read.sources) : [];
};

describe('ExtensionSettings in a macOS configuration profile', () => {
  it('is read for the id it installs: the same id as the settings is fine', () => {
    expect(warningsOf(profile(ID, ID))).toEqual([]);
  });

  it('warns when the settings are for another id than the one installed', () => {
    expect(warningsOf(profile(OTHER, ID))).toEqual([`${ID}: the settings are for this id, but the file installs ${OTHER}: the two must be the same id, or the installed extension gets no settings`]);
  });

  it('warns on an update URL over plain http://', () => {
    expect(warningsOf(profile(ID, ID, 'http://it.example.sch.uk/pg/updates.xml'))).toEqual([expect.stringContaining('the update URL http://it.example.sch.uk/pg/updates.xml is plain http://')]);
  });

  it('ignores an id in a comment, and the "*" defaults entry', () => {
    expect(warningsOf(profile(ID, ID, undefined, `<!-- <key>${OTHER}</key><dict><key>installation_mode</key><string>x</string></dict> -->`))).toEqual([]);
  });

  it('goes through `guard policy validate`: a warning, exit 0, and exit 1 with --strict', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'guard-mobileconfig-'));
    const path = join(dir, 'pg.mobileconfig');
    writeFileSync(path, profile(OTHER, ID));
    let out = '';
    const code = await runGuard(['policy', 'validate', path], { stdout: (t) => (out += t), stderr: () => undefined });
    expect(code).toBe(0);
    expect(out).toContain(`warning: ${ID}: the settings are for this id, but the file installs ${OTHER}`);
    expect(await runGuard(['policy', 'validate', '--strict', path], { stdout: () => undefined, stderr: () => undefined })).toBe(1);
  });
});

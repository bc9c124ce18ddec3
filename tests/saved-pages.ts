/** Saved pages as browsers write them, for the tests of `guard outline from-html` (lib/dojo/saved-page.ts). */

/** As Chrome writes "Webpage, single file": a MIME message whose first part is the page, quoted-printable. */
export function mhtml(html: string, opts: { encoding?: 'quoted-printable' | 'base64'; eol?: string; charset?: string; bytes?: Uint8Array } = {}): Uint8Array {
  const eol = opts.eol ?? '\r\n';
  const bytes = opts.bytes ?? new TextEncoder().encode(html);
  let body = '';
  if (opts.encoding === 'base64') {
    const b64 = btoa(String.fromCharCode(...bytes));
    body = b64.replace(/.{1,76}/g, (line) => `${line}${eol}`);
  } else {
    let line = '';
    for (const b of bytes) {
      const c = b === 0x0a ? '\n' : b === 0x0d ? '' : b === 0x3d || b > 0x7e || b < 0x20 ? `=${b.toString(16).toUpperCase().padStart(2, '0')}` : String.fromCharCode(b);
      if (c === '\n') {
        body += `${line}${eol}`;
        line = '';
        continue;
      }
      if (line.length + c.length > 75) {
        body += `${line}=${eol}`;
        line = '';
      }
      line += c;
    }
    body += line;
  }
  const boundary = '----MultipartBoundary--Xk3b9Q----';
  const text = [
    'From: <Saved by Blink>',
    'Snapshot-Content-Location: https://teach.classdojo.com/#/classes/5f3a9b2c1d4e/story',
    'Subject: Class Story',
    'Date: Thu, 20 Nov 2026 14:10:00 -0000',
    'MIME-Version: 1.0',
    'Content-Type: multipart/related;',
    '\ttype="text/html";',
    `\tboundary="${boundary}"`,
    '',
    '',
    `--${boundary}`,
    'Content-Type: text/css',
    'Content-Transfer-Encoding: quoted-printable',
    'Content-Location: cid:css-1@mhtml.blink',
    '',
    '.x { color: red; }',
    `--${boundary}`,
    `Content-Type: text/html${opts.charset ? `; charset=${opts.charset}` : ''}`,
    'Content-ID: <frame-1@mhtml.blink>',
    `Content-Transfer-Encoding: ${opts.encoding ?? 'quoted-printable'}`,
    'Content-Location: https://teach.classdojo.com/',
    '',
    body,
    `--${boundary}`,
    'Content-Type: image/png',
    'Content-Transfer-Encoding: base64',
    '',
    'iVBORw0KGgo=',
    `--${boundary}--`,
    '',
  ].join(eol);
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

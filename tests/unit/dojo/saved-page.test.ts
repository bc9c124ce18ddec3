import { describe, expect, it } from 'vitest';
import { decodeHtml, decodeQuotedPrintable, isMime, metaCharset, readSavedPage, savedFromUrl } from '../../../lib/dojo/saved-page';
import { mhtml } from '../../saved-pages';

const utf8 = (s: string) => new TextEncoder().encode(s);
const utf16le = (s: string, bom = true) => {
  const out = new Uint8Array((bom ? 2 : 0) + s.length * 2);
  if (bom) out.set([0xff, 0xfe]);
  for (let i = 0; i < s.length; i++) {
    out[(bom ? 2 : 0) + i * 2] = s.charCodeAt(i) & 0xff;
    out[(bom ? 2 : 0) + i * 2 + 1] = s.charCodeAt(i) >> 8;
  }
  return out;
};
const swap = (b: Uint8Array) => b.map((_, i) => b[i ^ 1]!);
/** Windows-1252 for the characters these tests use (Latin-1's range, and ’ “ ” at 0x92–0x94). */
const CP1252: Record<string, number> = { '’': 0x92, '“': 0x93, '”': 0x94 };
const cp1252 = (s: string) => Uint8Array.from(s, (c) => CP1252[c] ?? c.charCodeAt(0));

const PAGE = '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Siân’s class</title></head><body><div id="reactApplication"><p>Siân Hughes: “Bore da”</p></div></body></html>';

describe('decodeHtml: the page’s own encoding', () => {
  it('reads a byte order mark first: UTF-8, UTF-16LE, UTF-16BE', () => {
    expect(decodeHtml(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(PAGE)]))).toEqual({ text: PAGE, encoding: 'utf-8' });
    expect(decodeHtml(utf16le(PAGE))).toEqual({ text: PAGE, encoding: 'utf-16le' });
    expect(decodeHtml(swap(utf16le(PAGE)))).toEqual({ text: PAGE, encoding: 'utf-16be' });
  });

  it('reads UTF-16 without a byte order mark by its zero bytes', () => {
    expect(decodeHtml(utf16le(PAGE, false))).toEqual({ text: PAGE, encoding: 'utf-16le' });
    expect(decodeHtml(swap(utf16le(PAGE, false)))).toEqual({ text: PAGE, encoding: 'utf-16be' });
  });

  it('follows a <meta> charset, in either form, and falls back to Windows-1252 for bytes that are not UTF-8', () => {
    const western = PAGE.replace('charset="utf-8"', 'charset="windows-1252"');
    expect(decodeHtml(cp1252(western))).toEqual({ text: western, encoding: 'windows-1252' });
    const latin1 = PAGE.replace('<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">');
    expect(decodeHtml(cp1252(latin1))).toEqual({ text: latin1, encoding: 'windows-1252' });
    const undeclared = PAGE.replace('<meta charset="utf-8">', '');
    expect(decodeHtml(utf8(undeclared))).toEqual({ text: undeclared, encoding: 'utf-8' });
    expect(decodeHtml(cp1252(undeclared))).toEqual({ text: undeclared, encoding: 'windows-1252' });
    // A meta that says UTF-16 on bytes that are not is read as UTF-8 (the HTML standard's rule).
    const lying = PAGE.replace('charset="utf-8"', 'charset="utf-16"');
    expect(decodeHtml(utf8(lying))).toEqual({ text: lying, encoding: 'utf-8' });
    // An unknown label is passed over.
    expect(decodeHtml(utf8(PAGE.replace('charset="utf-8"', 'charset="klingon"'))).encoding).toBe('utf-8');
    expect(metaCharset(utf8('<meta name="x"><META CHARSET=Shift_JIS>'))).toBe('shift_jis');
    expect(metaCharset(utf8('<p>charset=big5</p>'))).toBeUndefined();
  });
});

describe('MHTML ("Webpage, single file")', () => {
  it('is told from HTML by its header block', () => {
    expect(isMime(mhtml(PAGE))).toBe(true);
    expect(isMime(utf8(PAGE))).toBe(false);
    expect(isMime(utf8('<!-- saved from url=(0030)https://teach.classdojo.com/ -->\n<html>'))).toBe(false);
    expect(isMime(utf8('Subject: notes\n\nAmelia was ill'))).toBe(false);
    expect(isMime(utf8('MIME-Version: 1.0\nContent-Type: multipart/related; boundary=x\n\n--x\n'))).toBe(true);
  });

  it('gives the page inside, quoted-printable or base64, CRLF or LF, with the address it was saved from', () => {
    for (const opts of [{}, { encoding: 'base64' as const }, { eol: '\n' }, { encoding: 'base64' as const, eol: '\n' }]) {
      const read = readSavedPage(mhtml(PAGE, opts));
      expect(read, JSON.stringify(opts)).toEqual({ ok: true, html: PAGE, encoding: 'utf-8', kind: 'mhtml', url: 'https://teach.classdojo.com/#/classes/5f3a9b2c1d4e/story' });
    }
  });

  it('reads the part in the charset its header names, else its meta', () => {
    const western = PAGE.replace('<meta charset="utf-8">', '');
    const read = readSavedPage(mhtml('', { bytes: cp1252(western), charset: 'windows-1252' }));
    expect(read).toMatchObject({ ok: true, html: western, encoding: 'windows-1252' });
  });

  it('decodes quoted-printable: escapes, soft line breaks, and a stray "=" kept', () => {
    expect(decodeQuotedPrintable('a=3Db=\r\nc=\nd =E2=80=99 x=zz =')).toBe('a=bcd \xe2\x80\x99 x=zz =');
  });

  it('refuses, with a reason and what to do, a message with no page or one it cannot read', () => {
    const noHtml = new TextDecoder('latin1').decode(mhtml(PAGE)).replace('Content-Type: text/html', 'Content-Type: text/plain');
    expect(readSavedPage(Uint8Array.from(noHtml, (c) => c.charCodeAt(0)))).toEqual({ ok: false, problem: expect.stringMatching(/no HTML part.*Save page as/) });
    const noBoundary = utf8('MIME-Version: 1.0\r\nContent-Type: multipart/related; type="text/html"\r\n\r\n<html></html>');
    expect(readSavedPage(noBoundary)).toEqual({ ok: false, problem: expect.stringContaining('no part boundary') });
    const uu = new TextDecoder('latin1').decode(mhtml(PAGE)).replace('Content-Transfer-Encoding: quoted-printable\r\nContent-Location: https', 'Content-Transfer-Encoding: x-uuencode\r\nContent-Location: https');
    expect(readSavedPage(Uint8Array.from(uu, (c) => c.charCodeAt(0)))).toEqual({ ok: false, problem: expect.stringContaining('x-uuencode') });
    expect(readSavedPage(new Uint8Array())).toEqual({ ok: false, problem: expect.stringContaining('is empty') });
    for (const r of [readSavedPage(noBoundary), readSavedPage(new Uint8Array())]) if (!r.ok) expect(r.problem).not.toContain('\n');
  });

  it('names the containers it does not read (a Safari web archive, a zip, gzip) and says what to do', () => {
    const bin = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
    expect(readSavedPage(bin('bplist00\xd1\x01\x02_\x10\x0fWebMainResource<html><body>'))).toEqual({ ok: false, problem: expect.stringMatching(/^is a Safari web archive.*Save page as/) });
    expect(readSavedPage(bin('PK\x03\x04\x14\x00\x00\x00'))).toEqual({ ok: false, problem: expect.stringContaining('zip archive') });
    expect(readSavedPage(bin('\x1f\x8b\x08\x00'))).toEqual({ ok: false, problem: expect.stringContaining('gzip') });
  });

  it('reads a single-part MHTML (the page is the whole message)', () => {
    const single = utf8(`MIME-Version: 1.0\nContent-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: 8bit\nContent-Location: https://home.classdojo.com/#/story\n\n${PAGE}`);
    expect(readSavedPage(single)).toMatchObject({ ok: true, html: PAGE, kind: 'mhtml', url: 'https://home.classdojo.com/#/story' });
  });
});

describe('savedFromUrl: the address a saved page came from', () => {
  it('reads Chrome’s mark, else a canonical link, from the top of the file', () => {
    expect(savedFromUrl('<!-- saved from url=(0035)https://home.classdojo.com/#/story -->\n<html>')).toBe('https://home.classdojo.com/#/story');
    expect(savedFromUrl('<html><head><link rel="stylesheet" href="a.css"><LINK REL=canonical HREF="https://teach.classdojo.com/#/classes/1/story"></head>')).toBe(
      'https://teach.classdojo.com/#/classes/1/story',
    );
    expect(savedFromUrl('<html><body>saved from url=nothing</body></html>')).toBeUndefined();
  });

  it('stays fast on a file of unclosed link tags', () => {
    const t0 = performance.now();
    expect(savedFromUrl('<link rel=canonical '.repeat(500_000))).toBeUndefined();
    expect(savedFromUrl('<link'.repeat(2_000_000))).toBeUndefined();
    expect(performance.now() - t0).toBeLessThan(2_000);
  });
});

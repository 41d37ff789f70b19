// Uploads are judged by content and structure (file-type + structural checks): genuine files pass, each
// polyglot (JPEG+HTML, GIF+JS, a fake ftyp "MP4", a PDF with JavaScript) is refused.
import { describe, expect, it } from 'vitest';
import { inspectUpload } from '../../src/cases/upload-check.ts';
import { GIF_1x1, PDF_MIN, PNG_1x1, POLYGLOTS, jpegMinimal, mp4Minimal } from '../helpers/files.ts';

describe('inspectUpload', () => {
  it.each([
    ['image/jpeg', jpegMinimal()],
    ['image/png', PNG_1x1],
    ['image/gif', GIF_1x1],
    ['application/pdf', PDF_MIN],
    ['video/mp4', mp4Minimal()],
  ])('accepts a genuine %s', async (mime, bytes) => {
    expect(await inspectUpload(bytes)).toEqual({ ok: true, mime });
  });

  it.each(Object.entries(POLYGLOTS))('refuses %s', async (_, bytes) => {
    const v = await inspectUpload(bytes);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(['disguised', 'active_content']).toContain(v.reason);
  });

  it('refuses a truncated PNG and a PNG with dimensions of 0', async () => {
    expect((await inspectUpload(PNG_1x1.subarray(0, 40))).ok).toBe(false);
    const zero = Buffer.from(PNG_1x1);
    zero.writeUInt32BE(0, 16);
    expect(await inspectUpload(zero)).toMatchObject({ ok: false, reason: 'disguised' });
  });

  it('names types it does not take as such', async () => {
    expect(await inspectUpload(Buffer.from('<html><body>hi</body></html>'))).toEqual({ ok: false, reason: 'type' });
    expect(await inspectUpload(Buffer.from('PK\x03\x04 not a zip'))).toMatchObject({ ok: false });
  });
});

// The capture time the police see in the exhibit list: EXIF DateTimeOriginal of a JPEG, either byte order;
// anything malformed or absent gives null.
import { describe, expect, it } from 'vitest';
import { jpegCaptureTime } from '../../src/referral/exif.ts';
import { PNG_1x1 } from '../helpers/files.ts';

function jpegWithExif(when: string, le: boolean): Buffer {
  const u16 = (v: number) => {
    const b = Buffer.alloc(2);
    le ? b.writeUInt16LE(v) : b.writeUInt16BE(v);
    return b;
  };
  const u32 = (v: number) => {
    const b = Buffer.alloc(4);
    le ? b.writeUInt32LE(v) : b.writeUInt32BE(v);
    return b;
  };
  const tiff = Buffer.concat([
    Buffer.from(le ? 'II' : 'MM', 'latin1'),
    u16(42),
    u32(8),
    // IFD0: one entry, the Exif IFD pointer (at 26)
    u16(1),
    u16(0x8769),
    u16(4),
    u32(1),
    u32(26),
    u32(0),
    // Exif IFD: DateTimeOriginal (ASCII, 20 bytes at 44)
    u16(1),
    u16(0x9003),
    u16(2),
    u32(20),
    u32(44),
    u32(0),
    Buffer.from(`${when}\0`, 'latin1'),
  ]);
  const app1 = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const len = Buffer.alloc(2);
  len.writeUInt16BE(app1.length + 2);
  return Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe1]), len, app1, Buffer.from([0xff, 0xd9])]);
}

describe('capture time of a photo', () => {
  it('reads DateTimeOriginal in both byte orders', () => {
    expect(jpegCaptureTime(jpegWithExif('2026:11:01 21:30:05', false))).toBe('2026-11-01 21:30:05');
    expect(jpegCaptureTime(jpegWithExif('2026:10:30 06:02:59', true))).toBe('2026-10-30 06:02:59');
  });
  it('gives null for no EXIF, a zeroed date, a truncated file or another format', () => {
    expect(jpegCaptureTime(Buffer.from([0xff, 0xd8, 0xff, 0xd9]))).toBeNull();
    expect(jpegCaptureTime(jpegWithExif('0000:00:00 00:00:00', true))).toBeNull();
    expect(jpegCaptureTime(jpegWithExif('2026:11:01 21:30:05', false).subarray(0, 40))).toBeNull();
    expect(jpegCaptureTime(PNG_1x1)).toBeNull();
  });
});

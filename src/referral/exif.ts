// The capture time a camera wrote into a JPEG (EXIF DateTimeOriginal, else DateTime), for the exhibit list
// the police receive. Pure and defensive: any malformed or missing structure gives null, never an error.

const tagValue = (b: Buffer, tiff: number, le: boolean, ifd: number, tag: number): { type: number; count: number; at: number } | null => {
  const u16 = (o: number) => (le ? b.readUInt16LE(o) : b.readUInt16BE(o));
  const u32 = (o: number) => (le ? b.readUInt32LE(o) : b.readUInt32BE(o));
  const start = tiff + ifd;
  if (start + 2 > b.length) return null;
  const n = u16(start);
  for (let i = 0; i < n; i++) {
    const e = start + 2 + i * 12;
    if (e + 12 > b.length) return null;
    if (u16(e) !== tag) continue;
    const type = u16(e + 2);
    const count = u32(e + 4);
    // ASCII values longer than 4 bytes live at an offset; LONG values (pointers) are inline.
    const at = type === 2 && count > 4 ? tiff + u32(e + 8) : e + 8;
    return { type, count, at };
  }
  return null;
};

/** "YYYY-MM-DD HH:MM:SS" as the camera recorded it (its local time), or null. */
export function jpegCaptureTime(bytes: Uint8Array): string | null {
  try {
    const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (b[0] !== 0xff || b[1] !== 0xd8) return null;
    let p = 2;
    while (p + 4 <= b.length && b[p] === 0xff) {
      const marker = b[p + 1]!;
      const len = b.readUInt16BE(p + 2);
      if (marker === 0xda || marker === 0xd9) return null; // image data: no EXIF before it
      if (marker === 0xe1 && b.toString('latin1', p + 4, p + 10) === 'Exif\0\0') {
        const tiff = p + 10;
        const le = b.toString('latin1', tiff, tiff + 2) === 'II';
        const u32 = (o: number) => (le ? b.readUInt32LE(o) : b.readUInt32BE(o));
        const ifd0 = u32(tiff + 4);
        const exifPtr = tagValue(b, tiff, le, ifd0, 0x8769);
        const ascii = exifPtr ? tagValue(b, tiff, le, u32(exifPtr.at), 0x9003) : null;
        const found = ascii ?? tagValue(b, tiff, le, ifd0, 0x0132);
        if (found?.type !== 2 || found.at + 19 > b.length) return null;
        const s = b.toString('latin1', found.at, found.at + 19);
        const m = /^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(s);
        return m && m[1] !== '0000' ? `${m[1]}-${m[2]}-${m[3]} ${m[4]}:${m[5]}:${m[6]}` : null;
      }
      p += 2 + len;
    }
    return null;
  } catch {
    return null;
  }
}

// Small real files for upload tests: a 1×1 PNG, a minimal PDF, and a Windows executable header.
import { deflateSync } from 'node:zlib';
export const PNG_1x1 = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f' +
    '15c4890000000b49444154789c6360000200000500017a5eab3f0000000049454e44ae426082',
  'hex',
);
export const PDF_MIN = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
export const EXE_HEADER = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(510, 0x90)]);

export function jpegOfSize(bytes: number): Buffer {
  const b = Buffer.alloc(bytes, 0);
  b[0] = 0xff;
  b[1] = 0xd8;
  b[2] = 0xff;
  return b;
}

/** A structurally valid 2×2 baseline JPEG header chain (SOI, JFIF, SOF0, SOS, data, EOI). */
export function jpegMinimal(extraSegments: Buffer[] = [], trailer: Buffer = Buffer.alloc(0)): Buffer {
  const seg = (marker: number, body: Buffer) => {
    const h = Buffer.from([0xff, marker, 0, 0]);
    h.writeUInt16BE(body.length + 2, 2);
    return Buffer.concat([h, body]);
  };
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    seg(0xe0, Buffer.from('4a46494600010100000100010000', 'hex')),
    ...extraSegments,
    seg(0xc0, Buffer.from('080002000201011100', 'hex')),
    seg(0xda, Buffer.from('010100003f00', 'hex')),
    Buffer.from('d2cf20a28a2800', 'hex'),
    Buffer.from([0xff, 0xd9]),
    trailer,
  ]);
}

/** A valid 1×1 GIF89a. */
export const GIF_1x1 = Buffer.from('47494638396101000100800000000000ffffff21f90401000000002c00000000010001000002024401003b', 'hex');

/** A minimal ISO-BMFF video: ftyp, moov (with an empty mvhd), mdat. */
export function mp4Minimal(): Buffer {
  const box = (type: string, body: Buffer) => {
    const h = Buffer.alloc(8);
    h.writeUInt32BE(body.length + 8, 0);
    h.write(type, 4, 'latin1');
    return Buffer.concat([h, body]);
  };
  return Buffer.concat([
    box('ftyp', Buffer.from('isom\0\0\x02\0isomiso2mp41', 'latin1')),
    box('moov', box('mvhd', Buffer.alloc(100))),
    box('mdat', Buffer.alloc(64, 0x11)),
  ]);
}

/** Polyglots: files that claim an accepted type and carry something else (issue #17.5). */
const com = (text: string) => {
  const body = Buffer.from(text, 'latin1');
  const h = Buffer.from([0xff, 0xfe, 0, 0]);
  h.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([h, body]);
};

export const POLYGLOTS: Record<string, Buffer> = {
  'JPEG+HTML in a comment segment': jpegMinimal([com('<html><body><script>alert(document.cookie)</script></body></html>')]),
  'JPEG+HTML appended after the image': jpegMinimal([], Buffer.from('<!DOCTYPE html><html><script>alert(1)</script>')),
  'GIF+JS (GIF89a/* … */=alert(1))': Buffer.concat([
    Buffer.from('GIF89a/*\x0a\x00\x00\x00\x00', 'latin1'),
    GIF_1x1.subarray(13),
    Buffer.from('*/=alert(document.domain);', 'latin1'),
  ]),
  'GIF+JS in a comment extension': Buffer.concat([
    GIF_1x1.subarray(0, 13 + 6),
    Buffer.from([0x21, 0xfe, 20]),
    Buffer.from('*/;eval(atob("YQ"));', 'latin1'),
    Buffer.from([0]),
    GIF_1x1.subarray(13 + 6),
  ]),
  'a fake MP4 (ftyp at byte 4, then HTML)': Buffer.concat([
    Buffer.from('\0\0\0\x18ftypmp42\0\0\0\0mp42isom', 'latin1'),
    Buffer.from('<html><script>alert(1)</script></html>'),
  ]),
  'a fake MP4 (ftyp only)': Buffer.from('\0\0\0\x18ftypisom\0\0\0\0isommp41', 'latin1'),
  'PDF with /OpenAction JavaScript': Buffer.from(
    '%PDF-1.7\n1 0 obj<</Type/Catalog/OpenAction<</S/JavaScript/JS(app.alert(1))>>>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  ),
  'PDF with a #-escaped /JavaScript name': Buffer.from(
    '%PDF-1.7\n1 0 obj<</Type/Catalog/Names<</J#61vaScript 2 0 R>>>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  ),
  'PDF with JavaScript inside a compressed object stream': Buffer.concat([
    Buffer.from('%PDF-1.7\n1 0 obj<</Type/ObjStm/Filter/FlateDecode/N 1/First 4>>stream\n'),
    deflateSync(Buffer.from('2 0 <</S/JavaScript/JS(app.alert(1))>>')),
    Buffer.from('\nendstream\nendobj\ntrailer<<>>\n%%EOF\n'),
  ]),
};

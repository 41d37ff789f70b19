// What an uploaded file really is. The type comes from file-type (a maintained signature library), never
// from the name or the declared Content-Type; then the file must also be what it claims structurally:
// - images: the header decodes and gives sane dimensions; PNG and GIF end at their end marker; JPEG is a
//   chain of well-formed segments up to the image data;
// - MP4/MOV/HEIC: the file is a sequence of ISO-BMFF boxes covering it exactly, starting with ftyp, and a
//   video has a moov box (so "ftyp at byte 4" alone is nothing);
// - PDF: no JavaScript, no actions run on opening (OpenAction, AA), no Launch, no embedded files, also
//   inside compressed object streams and with #xx-escaped names;
// - no image or video carries markup or script a browser could be tricked into running (polyglots such
//   as JPEG+HTML or GIF+JS).
import { inflateSync } from 'node:zlib';
import { fileTypeFromBuffer } from 'file-type';

export const ACCEPTED_MIME = new Set([
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'image/heic',
  'application/pdf',
  'video/mp4',
  'video/quicktime',
]);

export type UploadVerdict =
  | { ok: true; mime: string }
  /** not a type we take */
  | { ok: false; reason: 'type' }
  /** claims an accepted type but is not well-formed, or hides markup/script (a polyglot) */
  | { ok: false; reason: 'disguised'; detail: string }
  /** a PDF with JavaScript or actions */
  | { ok: false; reason: 'active_content'; detail: string };

const MAX_DIMENSION = 30_000;

const latin1 = (b: Uint8Array, from = 0, to = b.length) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1', from, to);

// Markup and script a browser would run if it ever sniffed the file as HTML/SVG. Patterns of six bytes or
// more, so that compressed image data does not match by chance (about 1 in 10^6 files of 10 MB).
const MARKUP = /<(?:script|iframe|object|embed)[\s/>]|<(?:html|body|head|svg|meta)[\s/>]|<!doctype\s|javascript:|\bon(?:error|load)\s*=/i;

// Script an image has no reason to contain (GIF+JS polyglots hide it in comment blocks). Case-sensitive
// tokens of five bytes or more, for the same reason as above.
const SCRIPT = /\b(?:alert|eval|fetch|import|atob|Function)\(|\b(?:document|window)\.[a-z]|String\.fromCharCode/;

function disguised(detail: string): UploadVerdict {
  return { ok: false, reason: 'disguised', detail };
}

/** Maps file-type's answer to the types we store (HEIF variants are kept as image/heic). */
function acceptedMime(mime: string): string | null {
  if (mime === 'image/heif' || mime === 'image/heic-sequence' || mime === 'image/heif-sequence') return 'image/heic';
  return ACCEPTED_MIME.has(mime) ? mime : null;
}

export async function inspectUpload(bytes: Uint8Array): Promise<UploadVerdict> {
  const found = await fileTypeFromBuffer(bytes);
  const mime = found ? acceptedMime(found.mime) : null;
  if (!mime) return { ok: false, reason: 'type' };
  if (mime === 'application/pdf') {
    const problem = pdfProblem(bytes);
    return problem ? problem : { ok: true, mime };
  }
  const structure =
    mime === 'image/jpeg'
      ? jpegProblem(bytes)
      : mime === 'image/png'
        ? pngProblem(bytes)
        : mime === 'image/gif'
          ? gifProblem(bytes)
          : mime === 'image/webp'
            ? webpProblem(bytes)
            : isoBmffProblem(bytes, mime);
  if (structure) return disguised(structure);
  const text = latin1(bytes);
  if (MARKUP.test(text) || SCRIPT.test(text)) return disguised('markup or script inside the file');
  return { ok: true, mime };
}

const u16be = (b: Uint8Array, i: number) => ((b[i] ?? 0) << 8) | (b[i + 1] ?? 0);
const u16le = (b: Uint8Array, i: number) => (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
const u32be = (b: Uint8Array, i: number) =>
  (((b[i] ?? 0) << 24) >>> 0) + ((b[i + 1] ?? 0) << 16) + ((b[i + 2] ?? 0) << 8) + (b[i + 3] ?? 0);
const u24le = (b: Uint8Array, i: number) => (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8) | ((b[i + 2] ?? 0) << 16);

const saneSize = (w: number, h: number) => w >= 1 && h >= 1 && w <= MAX_DIMENSION && h <= MAX_DIMENSION;

/** JPEG: segments from SOI, each FF xx with a length, until SOS; a frame header (SOFn) with dimensions. */
function jpegProblem(b: Uint8Array): string | null {
  let i = 2;
  let size: [number, number] | null = null;
  for (;;) {
    if (i + 4 > b.length) return 'JPEG ends inside its headers';
    if (b[i] !== 0xff) return 'JPEG segment does not start with a marker';
    let marker = b[i + 1] ?? 0;
    while (marker === 0xff && i + 2 < b.length) marker = b[++i + 1] ?? 0; // fill bytes
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2;
      continue;
    }
    if (marker === 0xd9) return 'JPEG ends before its image data';
    const len = u16be(b, i + 2);
    if (len < 2 || i + 2 + len > b.length) return 'JPEG segment length is wrong';
    const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isSof) {
      if (len < 8) return 'JPEG frame header too short';
      size = [u16be(b, i + 7), u16be(b, i + 5)];
      if (!saneSize(size[0], size[1])) return 'JPEG dimensions are not plausible';
    }
    if (marker === 0xda) return size ? null : 'JPEG has no frame header before its image data';
    i += 2 + len;
  }
}

/** PNG: IHDR first with sane dimensions, every chunk's length inside the file, IEND last, nothing after. */
function pngProblem(b: Uint8Array): string | null {
  let i = 8;
  let first = true;
  while (i + 12 <= b.length) {
    const len = u32be(b, i);
    const type = latin1(b, i + 4, i + 8);
    if (!/^[A-Za-z]{4}$/.test(type) || i + 12 + len > b.length) return 'PNG chunk is malformed';
    if (first) {
      if (type !== 'IHDR' || len !== 13) return 'PNG does not start with its header chunk';
      if (!saneSize(u32be(b, i + 8), u32be(b, i + 12))) return 'PNG dimensions are not plausible';
      first = false;
    }
    i += 12 + len;
    if (type === 'IEND') return trailingJunk(b, i) ? 'data after the end of the PNG' : null;
  }
  return 'PNG has no end chunk';
}

/** GIF: screen descriptor with sane dimensions, blocks up to the trailer, nothing after it. */
function gifProblem(b: Uint8Array): string | null {
  // "GIF89a/*": the width bytes open a JavaScript comment (the classic GIF+JS polyglot); no citizen's
  // GIF is over 8192 pixels wide anyway.
  if (!saneSize(u16le(b, 6), u16le(b, 8)) || u16le(b, 6) > 8192 || u16le(b, 8) > 8192) return 'GIF dimensions are not plausible';
  let i = 13;
  const flags = b[10] ?? 0;
  if (flags & 0x80) i += 3 * 2 ** ((flags & 7) + 1);
  const subBlocks = (): boolean => {
    for (;;) {
      if (i >= b.length) return false;
      const n = b[i] ?? 0;
      i += 1 + n;
      if (n === 0) return true;
    }
  };
  for (;;) {
    if (i >= b.length) return 'GIF has no trailer';
    const tag = b[i];
    if (tag === 0x3b) return trailingJunk(b, i + 1) ? 'data after the end of the GIF' : null;
    if (tag === 0x21) {
      i += 2;
      if (!subBlocks()) return 'GIF extension is malformed';
    } else if (tag === 0x2c) {
      if (!saneSize(u16le(b, i + 5), u16le(b, i + 7))) return 'GIF frame dimensions are not plausible';
      const f = b[i + 9] ?? 0;
      i += 10;
      if (f & 0x80) i += 3 * 2 ** ((f & 7) + 1);
      i += 1; // LZW minimum code size
      if (!subBlocks()) return 'GIF image data is malformed';
    } else return 'GIF block is malformed';
  }
}

/** WebP: the RIFF size matches the file, and the first chunk (VP8, VP8L or VP8X) gives sane dimensions. */
function webpProblem(b: Uint8Array): string | null {
  const riffSize = u32le(b, 4);
  if (riffSize + 8 !== b.length && riffSize + 9 !== b.length) return 'WebP size does not match the file';
  const chunk = latin1(b, 12, 16);
  let w = 0;
  let h = 0;
  if (chunk === 'VP8 ') {
    if (b[23] !== 0x9d || b[24] !== 0x01 || b[25] !== 0x2a) return 'WebP frame header is malformed';
    w = u16le(b, 26) & 0x3fff;
    h = u16le(b, 28) & 0x3fff;
  } else if (chunk === 'VP8L') {
    if (b[20] !== 0x2f) return 'WebP lossless header is malformed';
    const v = u32le(b, 21);
    w = (v & 0x3fff) + 1;
    h = ((v >>> 14) & 0x3fff) + 1;
  } else if (chunk === 'VP8X') {
    w = u24le(b, 24) + 1;
    h = u24le(b, 27) + 1;
  } else return 'WebP has no image chunk';
  return saneSize(w, h) ? null : 'WebP dimensions are not plausible';
}

function u32le(b: Uint8Array, i: number): number {
  return ((b[i] ?? 0) | ((b[i + 1] ?? 0) << 8) | ((b[i + 2] ?? 0) << 16) | ((b[i + 3] ?? 0) << 24)) >>> 0;
}

/** ISO-BMFF (MP4, MOV, HEIC): top-level boxes tile the file exactly; ftyp first; moov (video) or meta (HEIC). */
function isoBmffProblem(b: Uint8Array, mime: string): string | null {
  let i = 0;
  const types: string[] = [];
  while (i < b.length) {
    if (i + 8 > b.length) return 'box header cut off';
    let size = u32be(b, i);
    const type = latin1(b, i + 4, i + 8);
    if (!/^[\x20-\x7e]{4}$/.test(type)) return 'box type is not a box type';
    if (size === 1) {
      if (i + 16 > b.length) return 'box header cut off';
      size = u32be(b, i + 8) * 2 ** 32 + u32be(b, i + 12);
    } else if (size === 0) size = b.length - i;
    if (size < 8 || i + size > b.length) return `box "${type}" does not fit in the file`;
    types.push(type);
    i += size;
  }
  if (types[0] !== 'ftyp') return 'no ftyp box first';
  if (mime === 'image/heic') return types.includes('meta') ? null : 'HEIC without a meta box';
  return types.includes('moov') ? null : 'video without a moov box';
}

/** Anything but NUL/whitespace padding after an end marker. */
function trailingJunk(b: Uint8Array, from: number): boolean {
  for (let i = from; i < b.length; i++) {
    const c = b[i];
    if (c !== 0 && c !== 0x0a && c !== 0x0d && c !== 0x20) return true;
  }
  return false;
}

// PDF keys that run something or hide a payload.
const PDF_ACTIVE =
  /\/(?:JavaScript|JS|OpenAction|AA|Launch|EmbeddedFile|EmbeddedFiles|RichMedia|XFA|SubmitForm|ImportData|GoToE)(?![A-Za-z0-9])/;

/** Undoes #xx escapes in PDF names (/J#61vaScript is /JavaScript). */
const unescapeNames = (s: string) => s.replace(/#([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));

function pdfProblem(b: Uint8Array): UploadVerdict | null {
  const text = latin1(b);
  if (!/^%PDF-[12]\.\d/.test(text)) return disguised('PDF header is malformed');
  if (!text.slice(-2048).includes('%%EOF')) return disguised('PDF has no end marker');
  const scan = (s: string) => PDF_ACTIVE.exec(unescapeNames(s));
  let hit = scan(text);
  // Compressed streams (object streams can hold whole dictionaries): inflate each and look inside.
  const streams = /stream\r?\n/g;
  let budget = 64 * 1024 * 1024;
  for (let m = streams.exec(text); !hit && m && budget > 0; m = streams.exec(text)) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) break;
    try {
      const out = inflateSync(b.subarray(start, end), { maxOutputLength: Math.min(budget, 16 * 1024 * 1024) });
      budget -= out.length;
      hit = scan(out.toString('latin1'));
    } catch {
      // not deflate (images, fonts in other filters) or truncated: nothing to read
    }
    streams.lastIndex = end;
  }
  return hit ? { ok: false, reason: 'active_content', detail: `PDF contains ${hit[0]}` } : null;
}

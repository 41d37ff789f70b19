// A minimal ZIP (stored, no compression) writer and a strict reader: enough for referral packages, whose
// evidence files (photos, PDFs, video) are already compressed. Names are UTF-8 (general-purpose flag bit
// 11) and the "version made by" host is Unix (3), so Info-ZIP `unzip`, Python's `zipfile` and desktop
// tools all show Chinese names as written. No ZIP64: a package is limited to 4 GiB and 65,535 entries.
//
// The reader accepts only what the writer produces: every entry once, stored, unencrypted, local and
// central headers agreeing, entries tiling the file from byte 0 to the central directory with nothing
// before, between or after them (no prepended payloads, no shadowing duplicates, no path tricks).
import { crc32 } from 'node:zlib';

export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

const DOS_DATE = ((2026 - 1980) << 9) | (1 << 5) | 1; // fixed date: packages are reproducible byte for byte
const UTF8_FLAG = 0x0800;
const MADE_BY_UNIX = (3 << 8) | 20; // host 3 = Unix, spec version 2.0
const FILE_MODE = 0o100644; // regular file, rw-r--r-- (upper 16 bits of the external attributes)

/** A name a package may hold: relative, forward slashes, no empty, "." or ".." segments, no control characters. */
export function isSafeEntryName(name: string): boolean {
  if (name.length === 0 || name.length > 255 || name.startsWith('/') || name.includes('\\')) return false;
  if (/[\u0000-\u001f\u007f]/.test(name) || /^[A-Za-z]:/.test(name)) return false;
  return name.split('/').every((seg) => seg !== '' && seg !== '.' && seg !== '..');
}

export function writeZip(entries: readonly ZipEntry[]): Buffer {
  const seen = new Set<string>();
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    if (!isSafeEntryName(e.name)) throw new Error(`unsafe entry name: ${e.name}`);
    if (seen.has(e.name)) throw new Error(`duplicate entry: ${e.name}`);
    seen.add(e.name);
    const name = Buffer.from(e.name, 'utf8');
    const crc = crc32(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(UTF8_FLAG, 6);
    local.writeUInt16LE(0, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, Buffer.from(e.data));
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(MADE_BY_UNIX, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(UTF8_FLAG, 8);
    central.writeUInt16LE(0, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE((FILE_MODE << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

/** Reads a stored ZIP through its central directory, strictly (see the header); throws on anything else. */
export function readZip(buf: Buffer): ZipEntry[] {
  if (buf.length < 22) throw new Error('not a ZIP file');
  const endAt = buf.length - 22;
  if (buf.readUInt32LE(endAt) !== 0x06054b50) throw new Error('not a ZIP file (or trailing data after the end record)');
  if (buf.readUInt16LE(endAt + 4) !== 0 || buf.readUInt16LE(endAt + 6) !== 0) throw new Error('multi-disk ZIP files are not accepted');
  const count = buf.readUInt16LE(endAt + 10);
  if (buf.readUInt16LE(endAt + 8) !== count) throw new Error('inconsistent entry count');
  const cdSize = buf.readUInt32LE(endAt + 12);
  const cdAt = buf.readUInt32LE(endAt + 16);
  if (cdAt + cdSize !== endAt) throw new Error('central directory is not where the end record says');
  let p = cdAt;
  let expectLocal = 0;
  const names = new Set<string>();
  const out: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (p + 46 > endAt || buf.readUInt32LE(p) !== 0x02014b50) throw new Error('bad central directory');
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    const csize = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const localAt = buf.readUInt32LE(p + 42);
    const rawName = buf.subarray(p + 46, p + 46 + nameLen);
    const name = rawName.toString('utf8');
    if (flags & 0x0001) throw new Error(`entry ${name} is encrypted`);
    if (method !== 0 || csize !== size) throw new Error(`entry ${name} is compressed; only stored entries are supported`);
    if (!isSafeEntryName(name) || Buffer.compare(Buffer.from(name, 'utf8'), rawName) !== 0)
      throw new Error(`entry name not accepted: ${name}`);
    if (names.has(name)) throw new Error(`duplicate entry: ${name}`);
    names.add(name);
    // Entries tile the file in order: nothing hidden before or between them.
    if (localAt !== expectLocal) throw new Error(`entry ${name} is not where expected (unlisted bytes in the file)`);
    if (localAt + 30 > cdAt || buf.readUInt32LE(localAt) !== 0x04034b50) throw new Error(`entry ${name}: bad local header`);
    const localNameLen = buf.readUInt16LE(localAt + 26);
    const localExtraLen = buf.readUInt16LE(localAt + 28);
    const localName = buf.subarray(localAt + 30, localAt + 30 + localNameLen);
    if (Buffer.compare(localName, rawName) !== 0) throw new Error(`entry ${name}: local and central names differ`);
    if (buf.readUInt16LE(localAt + 8) !== 0 || buf.readUInt32LE(localAt + 22) !== size || buf.readUInt32LE(localAt + 14) !== crc)
      throw new Error(`entry ${name}: local and central headers differ`);
    const dataAt = localAt + 30 + localNameLen + localExtraLen;
    if (dataAt + size > cdAt) throw new Error(`entry ${name} runs past the central directory`);
    const data = buf.subarray(dataAt, dataAt + size);
    if (crc32(data) !== crc) throw new Error(`entry ${name} is corrupt (CRC mismatch)`);
    out.push({ name, data });
    expectLocal = dataAt + size;
    p += 46 + nameLen + extraLen + commentLen;
  }
  if (expectLocal !== cdAt) throw new Error('unlisted bytes before the central directory');
  if (p !== endAt) throw new Error('central directory holds more than its entries');
  return out;
}

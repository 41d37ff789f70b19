// Evidence files, stored content-addressed under DATA_DIR/evidence/ab/<sha256>. A file is fsynced and
// renamed into place before the case row that refers to it is committed, so an acknowledged case never
// points at a missing file. Identical files are stored once.
import { createHash, randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { inspectUpload } from './upload-check.ts';

export interface StoredFile {
  sha256: string;
  size: number;
  mime: string;
}

/**
 * A quick first look at the first bytes (the bot's media filter, staff PDF uploads). Citizens' files are
 * judged by inspectUpload (upload-check.ts): file-type plus structural checks.
 */
export function sniffMime(b: Uint8Array): string | null {
  const at = (i: number) => b[i] ?? -1;
  const ascii = (from: number, to: number) => Buffer.from(b.subarray(from, to)).toString('latin1');
  if (at(0) === 0xff && at(1) === 0xd8 && at(2) === 0xff) return 'image/jpeg';
  if (ascii(0, 8) === '\x89PNG\r\n\x1a\n') return 'image/png';
  if (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a') return 'image/gif';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  if (ascii(0, 5) === '%PDF-') return 'application/pdf';
  if (ascii(4, 8) === 'ftyp') {
    const brand = ascii(8, 12);
    if (['heic', 'heix', 'mif1', 'msf1', 'heif'].includes(brand)) return 'image/heic';
    if (brand === 'qt  ') return 'video/quicktime';
    return 'video/mp4';
  }
  return null;
}

export const ACCEPTED_TYPES_LABEL = '照片（JPG、PNG、GIF、WEBP、HEIC）、PDF 或短视频（MP4、MOV）';

export interface CheckedFile {
  bytes: Uint8Array;
  mime: string;
}

/** `unsafe`: claims an accepted type but is disguised (a polyglot) or a PDF with scripts/actions. */
export type FileProblem = { path: string; message: string; reason: 'count' | 'empty' | 'size' | 'type' | 'unsafe' };

/** The citizen's explanation of a refused file (the technical detail stays out of it). */
export function unsafeMessage(label: string, reason: 'disguised' | 'active_content'): string {
  return reason === 'active_content'
    ? `${label}含有脚本或打开时自动执行的动作，出于安全考虑不能接收。请将其另存为普通 PDF 或截图后再上传。`
    : `${label}的内容与其文件格式不符（可能夹带了网页或脚本代码），出于安全考虑不能接收。请上传手机或相机拍摄的原始照片、视频或 PDF。`;
}

/**
 * The evidence limits shared by the API and the web form (count, size, non-empty, type and structure by
 * content — see upload-check.ts),
 * collecting every problem so a form can show them all next to the file control.
 */
export async function checkEvidenceFiles(
  files: readonly File[],
  limits: { maxFiles: number; maxFileBytes: number },
): Promise<{ ok: CheckedFile[]; errors: FileProblem[] }> {
  const mb = Math.round(limits.maxFileBytes / 1024 / 1024);
  const errors: FileProblem[] = [];
  if (files.length > limits.maxFiles)
    errors.push({ path: 'files', message: `最多上传${limits.maxFiles}个文件，您选择了${files.length}个`, reason: 'count' });
  const ok: CheckedFile[] = [];
  for (const [i, f] of files.entries()) {
    const label = f.name ? `“${f.name}”` : `第${i + 1}个文件`;
    if (f.size === 0) {
      errors.push({ path: `files[${i}]`, message: `${label}是空的`, reason: 'empty' });
      continue;
    }
    if (f.size > limits.maxFileBytes) {
      errors.push({ path: `files[${i}]`, message: `${label}过大：每个文件不能超过${mb}MB`, reason: 'size' });
      continue;
    }
    const bytes = new Uint8Array(await f.arrayBuffer());
    const verdict = await inspectUpload(bytes);
    if (verdict.ok) ok.push({ bytes, mime: verdict.mime });
    else if (verdict.reason === 'type')
      errors.push({ path: `files[${i}]`, message: `${label}的类型不支持，只能上传${ACCEPTED_TYPES_LABEL}`, reason: 'type' });
    else errors.push({ path: `files[${i}]`, message: unsafeMessage(label, verdict.reason), reason: 'unsafe' });
  }
  return { ok, errors };
}

export class EvidenceStore {
  constructor(private readonly root: string) {}

  pathFor(sha256: string): string {
    return path.join(this.root, sha256.slice(0, 2), sha256);
  }

  async put(bytes: Uint8Array, mime: string): Promise<StoredFile> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const target = this.pathFor(sha256);
    const exists = await fs.stat(target).then(
      (s) => s.size === bytes.length,
      () => false,
    );
    if (!exists) {
      const dir = path.dirname(target);
      await fs.mkdir(dir, { recursive: true });
      const tmp = path.join(dir, `.${sha256}.${randomUUID()}.tmp`);
      const fh = await fs.open(tmp, 'w');
      try {
        try {
          await fh.writeFile(bytes);
          await fh.sync();
        } finally {
          await fh.close();
        }
        await fs.rename(tmp, target);
      } catch (e) {
        // A full disk (ENOSPC) or an I/O error: leave no partial temporary file behind.
        await fs.rm(tmp, { force: true });
        throw e;
      }
      const dh = await fs.open(dir, 'r');
      try {
        await dh.sync();
      } finally {
        await dh.close();
      }
    }
    return { sha256, size: bytes.length, mime };
  }

  async read(sha256: string): Promise<Buffer> {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('bad evidence hash');
    return fs.readFile(this.pathFor(sha256));
  }
}

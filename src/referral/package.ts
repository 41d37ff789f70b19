// The referral package (国务院令310 Art. 6): the letter with its annexes (investigation report built from the
// handler's records, exhibit list, test/appraisal reports, other materials with the citizen's tip), the
// evidence files and reports, a README in Chinese, SHA256SUMS and a JSON manifest signed by the server
// (Ed25519). It verifies with the public key alone (npm run referral:verify -- --public-key, or openssl).
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, sign, verify } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { appendAudit, auditEntry } from '../backoffice/audit.log.ts';
import type { Actor } from '../cases/case.machine.ts';
import type { Deps } from '../deps.ts';
import { buildDossier, chineseDateTime, type Dossier } from './dossier.ts';
import { letterPage } from './letter.tsx';
import { type ZipEntry, readZip, writeZip } from './zip.ts';

export interface ManifestFile {
  name: string;
  sha256: string;
  size: number;
}

export const MANIFEST_FORMATS = ['shiantong-referral-package/1', 'shiantong-referral-package/2'] as const;

export interface Manifest {
  format: (typeof MANIFEST_FORMATS)[number];
  referralId: string;
  caseNumber: string;
  /** 文号 of the letter (format 2). */
  docNumber?: string | null;
  offence: string;
  createdAt: string;
  identityIncluded: boolean;
  /** SHA-256 of the signing key's public key (DER SubjectPublicKeyInfo), hex (format 2). */
  keyFingerprint?: string;
  files: ManifestFile[];
}

const ManifestSchema = z.object({
  format: z.enum(MANIFEST_FORMATS),
  referralId: z.string(),
  caseNumber: z.string(),
  docNumber: z.string().nullable().optional(),
  offence: z.string(),
  createdAt: z.string(),
  identityIncluded: z.boolean(),
  keyFingerprint: z.string().optional(),
  files: z.array(z.object({ name: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/), size: z.number().int().nonnegative() })),
});

const KEY_FILE = 'referral-signing.pem';

/** The server's signing key, created under DATA_DIR on first use (the server only; verifiers never create one). */
export async function signingKey(dataDir: string): Promise<{ privateKey: KeyObject; publicKey: KeyObject }> {
  const file = path.join(dataDir, KEY_FILE);
  let pem: string;
  try {
    pem = await fs.readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    const { privateKey } = generateKeyPairSync('ed25519');
    await fs.mkdir(dataDir, { recursive: true });
    await fs
      .writeFile(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' })
      .catch((err: NodeJS.ErrnoException) => {
        if (err.code !== 'EEXIST') throw err;
      });
    pem = await fs.readFile(file, 'utf8');
  }
  const privateKey = createPrivateKey(pem);
  return { privateKey, publicKey: createPublicKey(privateKey) };
}

/** This installation's public key, or null when it has none (nothing is created). */
export async function existingPublicKey(dataDir: string): Promise<KeyObject | null> {
  try {
    return createPublicKey(createPrivateKey(await fs.readFile(path.join(dataDir, KEY_FILE), 'utf8')));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

export const publicKeyPem = (k: KeyObject) => String(k.export({ type: 'spki', format: 'pem' }));

/** SHA-256 of the DER public key, hex in groups of four: what the police compare with the portal's. */
export function keyFingerprint(k: KeyObject): string {
  const hex = createHash('sha256')
    .update(k.export({ type: 'spki', format: 'der' }))
    .digest('hex');
  return hex.match(/.{4}/g)!.join(':');
}

/** The public key for the police portal (created with the signing key if this is the first use). */
export async function referralPublicKey(dataDir: string): Promise<{ pem: string; fingerprint: string }> {
  const { publicKey } = await signingKey(dataDir);
  return { pem: publicKeyPem(publicKey), fingerprint: keyFingerprint(publicKey) };
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

export interface BuiltPackage {
  zip: Buffer;
  manifest: Manifest;
  manifestBytes: Buffer;
  signature: string;
  /** SHA-256 of the manifest bytes: what the referral row records at transfer. */
  manifestSha256: string;
  page: string;
  dossier: Dossier;
}

function readme(d: Dossier, fingerprint: string): string {
  return `涉嫌犯罪案件移送材料 — 核验说明
========================================

文号：${d.docNumber ?? '（未编定）'}
案件编号：${d.caseNumber}
移送机关：${d.regulator}
签名公钥指纹（SHA-256）：${fingerprint}

一、包内文件
  referral.html        移送书及附件（调查报告、涉案物品清单、检验报告、其他材料），可用浏览器打开、打印（A4）
  其他材料/举报材料.txt  群众举报原文（举报人身份依法保密）
  证据材料/            举报人提交的照片、视频等
  检验报告/            检验检测、鉴定报告（PDF）
  SHA256SUMS           上述文件的 SHA-256 校验值
  manifest.json        文件清单（含每个文件的 SHA-256），由移送机关签名
  manifest.sig         manifest.json 的 Ed25519 签名（Base64）

二、核验方法（任选其一）
请先从公安机关门户“移送案件”页面下载移送机关的公钥（referral-public-key.pem），并核对其指纹与上方一致。

1. 使用本系统的核验命令（无需数据目录）：
   npm run referral:verify -- --public-key referral-public-key.pem 本文件.zip

2. 使用 OpenSSL 3 与 coreutils：
   unzip 本文件.zip -d 移送材料 && cd 移送材料
   base64 -d manifest.sig > manifest.sig.bin
   openssl pkeyutl -verify -pubin -inkey ../referral-public-key.pem -rawin -in manifest.json -sigfile manifest.sig.bin
   （应显示 Signature Verified Successfully）
   sha256sum SHA256SUMS                      （与 manifest.json 中 SHA256SUMS 的值一致）
   sha256sum -c SHA256SUMS                   （每个文件均应显示“成功”或 OK）

任何一步不通过，说明材料在移送后被改动，请与移送机关联系。
`;
}

export async function buildPackage(deps: Deps, referralId: string): Promise<BuiltPackage> {
  const d = await buildDossier(deps, referralId);
  const { privateKey, publicKey } = await signingKey(deps.config.dataDir);
  const fingerprint = keyFingerprint(publicKey);
  const page = letterPage(d);
  const files: ZipEntry[] = [];
  for (const f of [...d.files, ...d.reportFiles.values()]) files.push({ name: f.path, data: await deps.evidence.read(f.sha256) });
  const content: ZipEntry[] = [
    { name: 'referral.html', data: Buffer.from(page, 'utf8') },
    {
      name: '其他材料/举报材料.txt',
      data: Buffer.from(`${chineseDateTime(d.tip.receivedAt)} 收到（${d.tip.channel}）\n\n${d.tip.text}\n`, 'utf8'),
    },
    ...files,
    { name: 'README-核验说明.txt', data: Buffer.from(readme(d, fingerprint), 'utf8') },
  ];
  const sums = Buffer.from(content.map((e) => `${sha256(e.data)}  ${e.name}\n`).join(''), 'utf8');
  const entries: ZipEntry[] = [...content, { name: 'SHA256SUMS', data: sums }];
  const manifest: Manifest = {
    format: 'shiantong-referral-package/2',
    referralId: d.referralId,
    caseNumber: d.caseNumber,
    docNumber: d.docNumber,
    offence: d.offence,
    createdAt: d.transferredAt ?? new Date(`${d.date}T00:00:00+08:00`).toISOString(),
    identityIncluded: d.identity !== null,
    keyFingerprint: fingerprint,
    files: entries.map((e) => ({ name: e.name, sha256: sha256(e.data), size: e.data.length })),
  };
  const manifestBytes = Buffer.from(JSON.stringify(manifest, null, 2), 'utf8');
  const signature = sign(null, manifestBytes, privateKey).toString('base64');
  const zip = writeZip([
    ...entries,
    { name: 'manifest.json', data: manifestBytes },
    { name: 'manifest.sig', data: Buffer.from(signature) },
  ]);
  return { zip, manifest, manifestBytes, signature, manifestSha256: sha256(manifestBytes), page, dossier: d };
}

export interface VerifyResult {
  ok: boolean;
  problems: string[];
  manifest: Manifest | null;
}

/**
 * Checks a package with the regulator's public key alone: the ZIP is well formed with every entry once,
 * the manifest's signature verifies, every listed file is present with its SHA-256 and size, and
 * nothing else is in the ZIP.
 */
export function verifyPackage(zip: Buffer, publicKey: KeyObject): VerifyResult {
  const problems: string[] = [];
  let entries: ZipEntry[];
  try {
    entries = readZip(zip);
  } catch (e) {
    return { ok: false, problems: [(e as Error).message], manifest: null };
  }
  const byName = new Map(entries.map((e) => [e.name, e.data]));
  const manifestBytes = byName.get('manifest.json');
  const sig = byName.get('manifest.sig');
  if (!manifestBytes || !sig) return { ok: false, problems: ['manifest.json or manifest.sig missing'], manifest: null };
  let signed = false;
  try {
    signed = verify(null, manifestBytes, publicKey, Buffer.from(Buffer.from(sig).toString('utf8'), 'base64'));
  } catch {
    signed = false;
  }
  if (!signed) return { ok: false, problems: ['manifest signature does not verify with this public key'], manifest: null };
  let manifest: Manifest;
  try {
    manifest = ManifestSchema.parse(JSON.parse(Buffer.from(manifestBytes).toString('utf8'))) as Manifest;
  } catch {
    return { ok: false, problems: ['manifest.json is not a referral manifest'], manifest: null };
  }
  const listed = new Set<string>();
  for (const f of manifest.files) {
    if (listed.has(f.name)) problems.push(`${f.name}: listed twice in the manifest`);
    listed.add(f.name);
    const data = byName.get(f.name);
    if (!data) problems.push(`${f.name}: missing from the ZIP`);
    else if (sha256(data) !== f.sha256 || data.length !== f.size) problems.push(`${f.name}: SHA-256 does not match the manifest`);
  }
  for (const name of byName.keys()) {
    if (name !== 'manifest.json' && name !== 'manifest.sig' && !listed.has(name)) problems.push(`${name}: not listed in the manifest`);
  }
  return { ok: problems.length === 0, problems, manifest };
}

/** The package as a download (staff or police): the export is an audit row, its own transaction (nothing else changes). */
export async function exportPackage(deps: Deps, referral: { id: string; caseId: string }, actor: Actor): Promise<BuiltPackage> {
  const pkg = await buildPackage(deps, referral.id);
  const entry = auditEntry(actor, 'export', {
    caseId: referral.caseId,
    detail: { what: 'referral_package', referralId: referral.id, manifestSha256: pkg.manifestSha256 },
  });
  await deps.db.transaction().execute((trx) => appendAudit(trx, entry, deps.clock.now()));
  return pkg;
}

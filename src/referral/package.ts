// The referral package (国务院令310 Art. 6): referral letter, investigation report, list of exhibits with
// each file's SHA-256, test/appraisal reports and other materials, as a printable page and a ZIP holding
// that page, the evidence files and a JSON manifest signed by the server (Ed25519). The reporter's
// identity is left out unless the regulator marked it necessary; the facts are run through the
// anonymiser so a name or phone typed into the description does not slip through either.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, sign, verify } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { html, raw } from 'hono/html';
import { appendAudit, auditEntry } from '../backoffice/audit.log.ts';
import type { Actor } from '../cases/case.machine.ts';
import type { Deps } from '../deps.ts';
import { formatCst } from '../lib/clock.ts';
import { anonymise } from '../publication/anonymiser.ts';
import { type ZipEntry, readZip, writeZip } from './zip.ts';

export interface ManifestFile {
  name: string;
  sha256: string;
  size: number;
}

export interface Manifest {
  format: 'shiantong-referral-package/1';
  referralId: string;
  caseNumber: string;
  offence: string;
  createdAt: string;
  identityIncluded: boolean;
  files: ManifestFile[];
}

/** The server's signing key, created under DATA_DIR on first use. */
export async function signingKey(dataDir: string): Promise<{ privateKey: KeyObject; publicKey: KeyObject }> {
  const file = path.join(dataDir, 'referral-signing.pem');
  let pem: string;
  try {
    pem = await fs.readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    const { privateKey } = generateKeyPairSync('ed25519');
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

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

export interface BuiltPackage {
  zip: Buffer;
  manifest: Manifest;
  manifestBytes: Buffer;
  signature: string;
  /** SHA-256 of the manifest bytes: what the referral row records at transfer. */
  manifestSha256: string;
  page: string;
}

export async function buildPackage(deps: Deps, referralId: string): Promise<BuiltPackage> {
  const { db } = deps;
  const r = await db.selectFrom('referral').selectAll().where('id', '=', referralId).executeTakeFirstOrThrow();
  const c = await db.selectFrom('intake_case').selectAll().where('id', '=', r.case_id).executeTakeFirstOrThrow();
  const unit = c.unit_id ? await db.selectFrom('unit').select('name').where('id', '=', c.unit_id).executeTakeFirst() : undefined;
  const police = r.police_unit_id
    ? await db.selectFrom('unit').select('name').where('id', '=', r.police_unit_id).executeTakeFirst()
    : undefined;
  const evidence = await db.selectFrom('evidence').selectAll().where('case_id', '=', c.id).orderBy('created_at').orderBy('id').execute();
  const testReports = new Set(JSON.parse(r.test_report_ids) as string[]);
  const officers = JSON.parse(r.officers) as string[];
  // Only what happened up to the transfer: a package rebuilt later is byte-for-byte the one sent.
  const events = await db
    .selectFrom('case_event')
    .select(['type', 'at', 'to_status'])
    .where('case_id', '=', c.id)
    .$if(r.transferred_at !== null, (q) => q.where('at', '<', r.transferred_at!))
    .orderBy('at')
    .orderBy('id')
    .execute();

  let identity: { name: string; phone: string; address: string | null } | null = null;
  if (r.identity_disclosed) {
    const party = await db.selectFrom('party').selectAll().where('case_id', '=', c.id).executeTakeFirst();
    if (party) identity = deps.cipher.open(party.identity_enc, `party:${party.id}`);
  }
  // The business under investigation keeps its name; anything else that looks personal is masked.
  const facts = identity ? c.description : anonymise(c.description, { keep: [c.business_name ?? ''].filter(Boolean) }).text;
  const ext = (mime: string) =>
    ({
      'image/jpeg': 'jpg',
      'image/png': 'png',
      'image/gif': 'gif',
      'image/webp': 'webp',
      'image/heic': 'heic',
      'application/pdf': 'pdf',
      'video/mp4': 'mp4',
      'video/quicktime': 'mov',
    })[mime] ?? 'bin';
  const files: ZipEntry[] = [];
  const exhibits: { no: number; name: string; kind: string; sha: string; size: number }[] = [];
  for (const [i, e] of evidence.entries()) {
    const data = await deps.evidence.read(e.sha256);
    const name = `${testReports.has(e.id) ? 'reports' : 'exhibits'}/${String(i + 1).padStart(2, '0')}-${e.sha256.slice(0, 12)}.${ext(e.mime)}`;
    files.push({ name, data });
    exhibits.push({
      no: i + 1,
      name,
      kind: testReports.has(e.id) ? '检验检测/鉴定报告' : '证据材料',
      sha: sha256(data),
      size: data.length,
    });
  }
  const date = formatCst(new Date(r.transferred_at ?? r.updated_at)).slice(0, 10);
  const page = String(html`<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>涉嫌犯罪案件移送书 ${c.number}</title></head>
<body>
<h1>涉嫌犯罪案件移送书</h1>
<p>${police?.name ?? '公安机关'}：</p>
<p>我局在办理${c.number}号案件过程中，发现当事人${c.business_name ?? '（待查明）'}涉嫌${r.offence}，依据《行政执法机关移送涉嫌犯罪案件的规定》（国务院令第310号）第三条、第六条，现将该案移送你单位审查，请于收到之日起依法作出是否立案的决定并书面告知我局。</p>
<p>移送机关：新郑市市场监督管理局${unit ? `（${unit.name}）` : ''}　移送日期：${date}　抄送：新郑市人民检察院${r.procuratorate_copy ? '（已抄送）' : ''}</p>
<h2>一、涉嫌犯罪案件调查报告</h2>
<p>移送理由：${r.reasons}</p>
<p>案件事实：${facts}</p>
<p>涉案单位：${c.business_name ?? '（待查明）'}　地址：${c.business_address ?? '（待查明）'}　乡镇（街道）：${c.township ?? '（待查明）'}</p>
<p>调查人员：${officers.join('、')}</p>
<p>举报人身份：${identity ? raw(`${html`${identity.name}，${identity.phone}${identity.address ? `，${identity.address}` : ''}`}（经审批提供，理由：${html`${r.identity_reason ?? ''}`}）`) : '依法保密，不随案移送'}</p>
<h2>二、涉案物品清单</h2>
<table><thead><tr><th>序号</th><th>文件</th><th>类别</th><th>SHA-256</th><th>字节</th></tr></thead><tbody>
${exhibits.map((x) => html`<tr><td>${x.no}</td><td>${x.name}</td><td>${x.kind}</td><td><code>${x.sha}</code></td><td>${x.size}</td></tr>`)}
</tbody></table>
<h2>三、检验报告或鉴定结论</h2>
<p>${
    exhibits
      .filter((x) => x.kind !== '证据材料')
      .map((x) => x.name)
      .join('、') || '（无）'
  }</p>
<h2>四、其他有关材料</h2>
<ul>${events.map((e) => html`<li>${formatCst(new Date(e.at))} ${e.type}${e.to_status ? ` → ${e.to_status}` : ''}</li>`)}</ul>
</body></html>`);
  const pageBytes = Buffer.from(page, 'utf8');
  const entries: ZipEntry[] = [{ name: 'referral.html', data: pageBytes }, ...files];
  const manifest: Manifest = {
    format: 'shiantong-referral-package/1',
    referralId: r.id,
    caseNumber: c.number,
    offence: r.offence,
    createdAt: r.transferred_at ?? r.updated_at,
    identityIncluded: identity !== null,
    files: entries.map((e) => ({ name: e.name, sha256: sha256(e.data), size: e.data.length })),
  };
  const manifestBytes = Buffer.from(JSON.stringify(manifest, null, 2), 'utf8');
  const { privateKey } = await signingKey(deps.config.dataDir);
  const signature = sign(null, manifestBytes, privateKey).toString('base64');
  const zip = writeZip([
    ...entries,
    { name: 'manifest.json', data: manifestBytes },
    { name: 'manifest.sig', data: Buffer.from(signature) },
  ]);
  return { zip, manifest, manifestBytes, signature, manifestSha256: sha256(manifestBytes), page };
}

export interface VerifyResult {
  ok: boolean;
  problems: string[];
  manifest: Manifest | null;
}

/** Checks a package: the manifest's signature with the public key, and every file against its hash. */
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
  if (!verify(null, manifestBytes, publicKey, Buffer.from(Buffer.from(sig).toString('utf8'), 'base64')))
    problems.push('manifest signature does not verify');
  const manifest = JSON.parse(Buffer.from(manifestBytes).toString('utf8')) as Manifest;
  for (const f of manifest.files) {
    const data = byName.get(f.name);
    if (!data) problems.push(`${f.name}: missing from the ZIP`);
    else if (sha256(data) !== f.sha256) problems.push(`${f.name}: SHA-256 does not match the manifest`);
  }
  for (const name of byName.keys()) {
    if (name !== 'manifest.json' && name !== 'manifest.sig' && !manifest.files.some((f) => f.name === name))
      problems.push(`${name}: not listed in the manifest`);
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

// The referral as a case file (issue 22): everything the letter, the package and the police portal show,
// read once from the records. The findings are the handler's inspection records; the citizen's tip is an
// attachment. Masking follows what the police may see: the reported business, its operator and third
// parties' identifiers (plates…) stay as written; only the reporter's own identity is withheld unless the
// regulator disclosed it with a recorded reason.
import { clockContext, dueOf } from '../deadlines/clock.service.ts';
import { cstDateOf } from '../deadlines/cst.ts';
import type { Deps } from '../deps.ts';
import { jpegCaptureTime } from './exif.ts';
import { type CaseRecords, caseRecords } from './records.service.ts';

export const REGULATOR = '新郑市市场监督管理局';
export const DOC_PREFIX = '新市监移';

/** 新市监移〔2026〕3号 */
export function docNumber(year: number | null, seq: number | null): string | null {
  return year && seq ? `${DOC_PREFIX}〔${year}〕${seq}号` : null;
}

/** 2026-11-02 → 2026年11月2日 */
export function chineseDate(isoDate: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

/** An instant as a CST date and time in Chinese: 2026年11月2日 09:30 */
export function chineseDateTime(instant: string): string {
  const d = new Date(instant);
  const local = new Date(d.getTime() + 8 * 3600_000).toISOString();
  return `${chineseDate(cstDateOf(d))} ${local.slice(11, 16)}`;
}

export const DEFAULT_LEGAL_BASIS =
  '《中华人民共和国刑法》第一百四十三条、第一百四十四条；《中华人民共和国食品安全法》第一百二十一条；《行政执法机关移送涉嫌犯罪案件的规定》第三条';

export interface DossierFile {
  no: number;
  /** Path inside the package ZIP. */
  path: string;
  description: string;
  /** The name it had when it reached us, where we know it. */
  originalName: string | null;
  receivedAt: string;
  /** When the photo was taken, as the camera recorded it (EXIF), where it says. */
  capturedAt: string | null;
  sha256: string;
  size: number;
  mime: string;
}

export interface Dossier {
  referralId: string;
  caseId: string;
  caseNumber: string;
  docNumber: string | null;
  /** CST date of the letter (the transfer, else today). */
  date: string;
  regulator: string;
  regulatorUnit: string | null;
  policeUnit: string | null;
  offence: string;
  legalBasis: string;
  reasons: string;
  officers: string[];
  business: { name: string | null; address: string | null; creditCode: string | null; operator: string | null; township: string | null };
  records: CaseRecords;
  amountYuan: string | null;
  /** Citizen's files (photos, video, PDFs) and the test reports, as in the package. */
  files: DossierFile[];
  reportFiles: Map<string, DossierFile>;
  tip: { receivedAt: string; text: string; channel: string };
  identity: { name: string; phone: string; address: string | null; reason: string } | null;
  contact: { name: string | null; phone: string | null };
  /** The police's reply is due (D8 from the transfer), as a CST date. */
  replyDue: string | null;
  transferredAt: string | null;
  procuratorateCopy: boolean;
}

const CHANNEL_ZH: Record<string, string> = {
  web: '网上举报',
  wechat: '微信举报',
  api: '网上举报',
  phone: '电话举报',
  police: '公安机关移交',
};

const EXT: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/heic': 'heic',
  'application/pdf': 'pdf',
  'video/mp4': 'mp4',
  'video/quicktime': 'mov',
};
const KIND_ZH: Record<string, string> = {
  'application/pdf': 'PDF文件',
  'video/mp4': '视频',
  'video/quicktime': '视频',
};

/** A file-name-safe version of a report number or name (no separators, no control characters). */
export function safeName(s: string): string {
  return (
    s
      .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')
      .replace(/\s+/g, '')
      .replace(/^\.+/, '')
      .slice(0, 60) || '文件'
  );
}

/** Replaces the reporter's own name, phone and address in a text (the only thing withheld from the police). */
export function withholdReporter(text: string, who: { name: string; phone: string; address: string | null } | null): string {
  // A phone number the reporter gives as their own ("举报人…电话…", "本人手机…"), even when it differs from the one on file.
  let out = text.replace(
    /((?:举报人|本人|我)[^。；;\n]{0,8}?(?:电话|手机|号码|联系方式)[:：是为]?\s*)(1[3-9]\d{9})/g,
    (_m, lead: string) => `${lead}【举报人电话已保密】`,
  );
  if (!who) return out;
  const phoneDigits = who.phone.replace(/\D/g, '');
  if (phoneDigits.length >= 5) out = out.replace(new RegExp(phoneDigits.split('').join('[\\s-]?'), 'g'), '【举报人电话已保密】');
  for (const [value, label] of [
    [who.address, '【举报人地址已保密】'],
    [who.name, '【举报人姓名已保密】'],
  ] as const) {
    if (value && value.trim().length >= 2) out = out.split(value.trim()).join(label);
  }
  return out;
}

export async function buildDossier(deps: Pick<Deps, 'db' | 'cipher' | 'evidence'>, referralId: string): Promise<Dossier> {
  const { db } = deps;
  const r = await db.selectFrom('referral').selectAll().where('id', '=', referralId).executeTakeFirstOrThrow();
  const c = await db.selectFrom('intake_case').selectAll().where('id', '=', r.case_id).executeTakeFirstOrThrow();
  const unitName = async (id: string | null) =>
    id ? ((await db.selectFrom('unit').select('name').where('id', '=', id).executeTakeFirst())?.name ?? null) : null;
  // Only what was on record at the transfer: a package rebuilt later is byte-for-byte the one sent.
  const upTo = r.transferred_at;
  const records = await caseRecords(db, c.id, upTo);
  const reportEvidence = new Set(records.reports.map((x) => x.evidenceId));
  const evidence = await db
    .selectFrom('evidence')
    .selectAll()
    .where('case_id', '=', c.id)
    .$if(upTo !== null, (q) => q.where('created_at', '<=', upTo!))
    .orderBy('created_at')
    .orderBy('id')
    .execute();

  const party = await db.selectFrom('party').selectAll().where('case_id', '=', c.id).executeTakeFirst();
  const reporter = party
    ? (deps.cipher.open(party.identity_enc, `party:${party.id}`) as { name: string; phone: string; address: string | null })
    : null;
  const identity = r.identity_disclosed && reporter ? { ...reporter, reason: r.identity_reason ?? '' } : null;

  const files: DossierFile[] = [];
  const reportFiles = new Map<string, DossierFile>();
  let n = 0;
  for (const e of evidence) {
    if (reportEvidence.has(e.id)) continue;
    n++;
    const capturedAt = e.mime === 'image/jpeg' ? jpegCaptureTime(await deps.evidence.read(e.sha256).catch(() => Buffer.alloc(0))) : null;
    files.push({
      no: n,
      path: `证据材料/${String(n).padStart(2, '0')}-举报人提交-${e.sha256.slice(0, 8)}.${EXT[e.mime] ?? 'bin'}`,
      description: `举报人随举报提交的${KIND_ZH[e.mime] ?? '照片'}`,
      originalName: null,
      receivedAt: e.created_at,
      capturedAt,
      sha256: e.sha256,
      size: e.size,
      mime: e.mime,
    });
  }
  for (const [i, rep] of records.reports.entries()) {
    const f: DossierFile = {
      no: i + 1,
      path: `检验报告/${String(i + 1).padStart(2, '0')}-${safeName(rep.reportNo)}.pdf`,
      description: `检验检测/鉴定报告 ${rep.reportNo}（${rep.issuer}）`,
      originalName: rep.originalName,
      receivedAt: rep.createdAt,
      capturedAt: null,
      sha256: rep.sha256,
      size: rep.size,
      mime: 'application/pdf',
    };
    reportFiles.set(rep.id, f);
  }

  // The business as the latest inspection identified it, else as reported.
  const latest = [...records.inspections].reverse();
  const pick = <K extends 'businessName' | 'businessAddress' | 'creditCode' | 'operatorName'>(k: K) =>
    latest.find((x) => x[k])?.[k] ?? null;
  const amounts = records.inspections.map((x) => x.amountYuan).filter((x): x is string => x !== null);
  const amountYuan = amounts.length ? amounts.at(-1)! : null;

  let replyDue: string | null = null;
  if (r.transferred_at) {
    const ctx = await clockContext(db);
    const due = dueOf(ctx, { rule_version: c.rule_version, clock: 'D8', started_at: r.transferred_at, pauses: '[]', extensions: 0 });
    if (due.dueAt) replyDue = cstDateOf(new Date(due.dueAt));
  }
  return {
    referralId: r.id,
    caseId: c.id,
    caseNumber: c.number,
    docNumber: docNumber(r.doc_year, r.doc_seq),
    date: cstDateOf(new Date(r.transferred_at ?? r.updated_at)),
    regulator: REGULATOR,
    regulatorUnit: await unitName(c.unit_id),
    policeUnit: await unitName(r.police_unit_id),
    offence: r.offence,
    legalBasis: r.legal_basis ?? DEFAULT_LEGAL_BASIS,
    reasons: r.reasons,
    officers: JSON.parse(r.officers) as string[],
    business: {
      name: pick('businessName') ?? c.business_name,
      address: pick('businessAddress') ?? c.business_address,
      creditCode: pick('creditCode'),
      operator: pick('operatorName'),
      township: c.township,
    },
    records,
    amountYuan,
    files,
    reportFiles,
    tip: {
      receivedAt: c.received_at,
      channel: CHANNEL_ZH[c.channel] ?? '举报',
      text: identity ? c.description : withholdReporter(c.description, reporter),
    },
    identity,
    contact: { name: r.contact_name, phone: r.contact_phone },
    replyDue,
    transferredAt: r.transferred_at,
    procuratorateCopy: r.procuratorate_copy === 1,
  };
}

// The handler's investigation records on a report (issue 22): the on-site inspection (现场检查笔录), the
// list of seized, sealed and sampled goods (扣押/查封/抽样清单) and the test and appraisal reports (uploaded
// PDFs with their report numbers). The referral letter and package are built from these records; the
// citizen's tip is only one attachment among them.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { type Audited, appendAuditOf } from '../backoffice/audit.log.ts';
import type { Actor } from '../cases/case.machine.ts';
import { sniffMime } from '../cases/evidence.store.ts';
import type { Db } from '../db/database.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../lib/errors.ts';
import type { ExhibitItemTable } from './referral.table.ts';

/** 统一社会信用代码: 18 characters (GB 32100-2015), letters without I, O, S, V, Z. */
export const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `不能超过${max}个字`)
    .optional()
    .transform((v) => (v ? v : null));

export const InspectionSchema = z.object({
  inspectedAt: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, '检查时间：请填写日期和时间，如 2026-11-02T10:30'),
  place: z.string().trim().min(2, '检查地点：请填写').max(200, '检查地点：不能超过200个字'),
  officers: z
    .array(z.string().trim())
    .transform((a) => a.filter(Boolean))
    .pipe(z.array(z.string().min(2, '执法人员：姓名至少2个字').max(20)).min(2, '执法人员：现场检查须有两名以上执法人员').max(10)),
  findings: z.string().trim().min(10, '检查情况：请写明现场发现的情况（至少10个字）').max(8000, '检查情况：不能超过8000个字'),
  businessName: optionalText(200),
  businessAddress: optionalText(300),
  creditCode: z
    .string()
    .trim()
    .toUpperCase()
    .optional()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || CREDIT_CODE.test(v), '统一社会信用代码：应为18位数字或大写字母'),
  operatorName: optionalText(50),
  amountYuan: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || /^\d{1,12}(\.\d{1,2})?$/.test(v), '涉案金额：请填写数字（元），最多两位小数'),
  amountNote: optionalText(500),
});
export type InspectionInput = z.input<typeof InspectionSchema>;

export const EXHIBIT_KINDS = { seized: '扣押', sealed: '查封', sampled: '抽样' } as const;

export const ExhibitSchema = z.object({
  kind: z.enum(['seized', 'sealed', 'sampled'], { message: '类别：请选择扣押、查封或抽样' }),
  item: z.string().trim().min(1, '物品名称：请填写').max(200, '物品名称：不能超过200个字'),
  quantity: z.string().trim().min(1, '数量：请填写（含单位）').max(100, '数量：不能超过100个字'),
  keptAt: z.string().trim().min(2, '存放地点：请填写').max(200, '存放地点：不能超过200个字'),
  note: optionalText(1000),
});
export type ExhibitInput = z.input<typeof ExhibitSchema>;

export const TestReportSchema = z.object({
  reportNo: z.string().trim().min(3, '报告编号：请填写').max(100, '报告编号：不能超过100个字'),
  issuer: z.string().trim().min(2, '出具机构：请填写').max(200, '出具机构：不能超过200个字'),
  conclusion: optionalText(2000),
});
export type TestReportInput = z.input<typeof TestReportSchema>;

/** Zod's issues as our VALIDATION error (each message names the field). */
export function validation(e: z.ZodError): AppError {
  return new AppError(
    'VALIDATION',
    e.issues[0]?.message ?? '内容有误',
    e.issues.map((i) => ({ path: i.path.join('.') || 'body', message: i.message })),
  );
}

function parse<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const r = schema.safeParse(input);
  if (!r.success) throw validation(r.error);
  return r.data;
}

/** Records are kept on reports being handled (not on closed cases, not on complaints). */
async function assertRecordable(db: Db, caseId: string): Promise<void> {
  const c = await db.selectFrom('intake_case').select(['kind', 'closed_at']).where('id', '=', caseId).executeTakeFirst();
  if (!c) throw new AppError('NOT_FOUND', '案件不存在');
  if (c.kind !== 'report') throw new AppError('INVALID_TRANSITION', '只有举报案件记录调查取证材料');
  if (c.closed_at) throw new AppError('INVALID_TRANSITION', '案件已办结，不能再添加记录');
}

export async function addInspection(deps: Deps, caseId: string, input: unknown, actor: Actor, opts: Audited = {}): Promise<string> {
  const p = parse(InspectionSchema, input);
  const now = deps.clock.now();
  if (Date.parse(`${p.inspectedAt}:00+08:00`) > now.getTime())
    throw new AppError('VALIDATION', '检查时间不能晚于现在', [{ path: 'inspectedAt', message: '检查时间：不能晚于现在' }]);
  await assertRecordable(deps.db, caseId);
  const id = randomUUID();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('inspection_record')
      .values({
        id,
        case_id: caseId,
        inspected_at: p.inspectedAt,
        place: p.place,
        officers: JSON.stringify(p.officers),
        findings: p.findings,
        business_name: p.businessName,
        business_address: p.businessAddress,
        credit_code: p.creditCode,
        operator_name: p.operatorName,
        amount_yuan: p.amountYuan,
        amount_note: p.amountNote,
        created_by: actor.id,
        created_at: now.toISOString(),
      })
      .execute();
    await appendAuditOf(trx, opts, now);
  });
  return id;
}

export async function addExhibit(deps: Deps, caseId: string, input: unknown, actor: Actor, opts: Audited = {}): Promise<string> {
  const p = parse(ExhibitSchema, input);
  const now = deps.clock.now();
  await assertRecordable(deps.db, caseId);
  const id = randomUUID();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('exhibit_item')
      .values({
        id,
        case_id: caseId,
        kind: p.kind,
        item: p.item,
        quantity: p.quantity,
        kept_at: p.keptAt,
        note: p.note,
        created_by: actor.id,
        created_at: now.toISOString(),
      })
      .execute();
    await appendAuditOf(trx, opts, now);
  });
  return id;
}

/** A test or appraisal report: a PDF (checked by its content), stored with the case's evidence. */
export async function addTestReport(
  deps: Deps,
  caseId: string,
  input: unknown,
  file: { bytes: Uint8Array; name: string } | null,
  actor: Actor,
  opts: Audited = {},
): Promise<string> {
  const p = parse(TestReportSchema, input);
  if (!file || file.bytes.length === 0)
    throw new AppError('VALIDATION', '报告文件：请选择检验报告的PDF文件', [{ path: 'file', message: '报告文件：请选择PDF文件' }]);
  const max = deps.config.uploads.maxFileBytes;
  if (file.bytes.length > max)
    throw new AppError('VALIDATION', '报告文件过大', [{ path: 'file', message: `报告文件：不能超过${Math.round(max / 1024 / 1024)}MB` }]);
  if (sniffMime(file.bytes) !== 'application/pdf')
    throw new AppError('VALIDATION', '报告文件不是PDF', [{ path: 'file', message: '报告文件：只能上传PDF文件' }]);
  await assertRecordable(deps.db, caseId);
  const stored = await deps.evidence.put(file.bytes, 'application/pdf');
  const now = deps.clock.now();
  const at = now.toISOString();
  const id = randomUUID();
  const evidenceId = randomUUID();
  const originalName =
    file.name
      .replace(/[\\/]/g, '_')
      .replace(/[\u0000-\u001f]/g, '')
      .trim()
      .slice(0, 120) || `${p.reportNo}.pdf`;
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('evidence')
      .values({ id: evidenceId, case_id: caseId, sha256: stored.sha256, mime: stored.mime, size: stored.size, created_at: at })
      .execute();
    await trx
      .insertInto('test_report')
      .values({
        id,
        case_id: caseId,
        evidence_id: evidenceId,
        report_no: p.reportNo,
        issuer: p.issuer,
        conclusion: p.conclusion,
        original_name: originalName,
        created_by: actor.id,
        created_at: at,
      })
      .execute();
    await appendAuditOf(trx, opts, now);
  });
  return id;
}

export interface InspectionView {
  id: string;
  inspectedAt: string;
  place: string;
  officers: string[];
  findings: string;
  businessName: string | null;
  businessAddress: string | null;
  creditCode: string | null;
  operatorName: string | null;
  amountYuan: string | null;
  amountNote: string | null;
  createdAt: string;
}

export interface ExhibitView {
  id: string;
  kind: ExhibitItemTable['kind'];
  kindZh: string;
  item: string;
  quantity: string;
  keptAt: string;
  note: string | null;
  createdAt: string;
}

export interface TestReportView {
  id: string;
  evidenceId: string;
  sha256: string;
  size: number;
  reportNo: string;
  issuer: string;
  conclusion: string | null;
  originalName: string;
  createdAt: string;
}

export interface CaseRecords {
  inspections: InspectionView[];
  exhibits: ExhibitView[];
  reports: TestReportView[];
}

/** The records of a case, in the order they were made; `upTo`: only those made before that time (a package as sent). */
export async function caseRecords(db: Db, caseId: string, upTo: string | null = null): Promise<CaseRecords> {
  const inspections = await db
    .selectFrom('inspection_record')
    .selectAll()
    .where('case_id', '=', caseId)
    .$if(upTo !== null, (q) => q.where('created_at', '<=', upTo!))
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const exhibits = await db
    .selectFrom('exhibit_item')
    .selectAll()
    .where('case_id', '=', caseId)
    .$if(upTo !== null, (q) => q.where('created_at', '<=', upTo!))
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const reports = await db
    .selectFrom('test_report')
    .innerJoin('evidence', 'evidence.id', 'test_report.evidence_id')
    .select([
      'test_report.id',
      'test_report.evidence_id',
      'test_report.report_no',
      'test_report.issuer',
      'test_report.conclusion',
      'test_report.original_name',
      'test_report.created_at',
      'evidence.sha256',
      'evidence.size',
    ])
    .where('test_report.case_id', '=', caseId)
    .$if(upTo !== null, (q) => q.where('test_report.created_at', '<=', upTo!))
    .orderBy('test_report.created_at')
    .orderBy('test_report.id')
    .execute();
  return {
    inspections: inspections.map((r) => ({
      id: r.id,
      inspectedAt: r.inspected_at,
      place: r.place,
      officers: JSON.parse(r.officers) as string[],
      findings: r.findings,
      businessName: r.business_name,
      businessAddress: r.business_address,
      creditCode: r.credit_code,
      operatorName: r.operator_name,
      amountYuan: r.amount_yuan,
      amountNote: r.amount_note,
      createdAt: r.created_at,
    })),
    exhibits: exhibits.map((r) => ({
      id: r.id,
      kind: r.kind,
      kindZh: EXHIBIT_KINDS[r.kind] ?? r.kind,
      item: r.item,
      quantity: r.quantity,
      keptAt: r.kept_at,
      note: r.note,
      createdAt: r.created_at,
    })),
    reports: reports.map((r) => ({
      id: r.id,
      evidenceId: r.evidence_id,
      sha256: r.sha256,
      size: r.size,
      reportNo: r.report_no,
      issuer: r.issuer,
      conclusion: r.conclusion,
      originalName: r.original_name,
      createdAt: r.created_at,
    })),
  };
}

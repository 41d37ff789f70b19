// Tip rewards (有奖举报, issue 15): a reward case is opened when a report with `wants_reward` is closed with
// a qualifying outcome; the reporter is told at once (WeChat notice, status page) and may claim within the
// D15 window with the query code and the claim password; the reward officer records the eligibility checks
// (the system proposes, a person decides), the level and amount, the finance bureau's co-approval where
// needed, the decision, the payment and any recovery. Every step writes its audit row in its own
// transaction. Confidentiality: nothing here is published or reaches the police; handlers learn only that
// a reward case exists (rewardCaseExists). The claim (identity, bank account, payment arrangement) is sealed.
import { z } from 'zod';
import { randomUUID } from 'node:crypto';
import type { Deps } from '../deps.ts';
import type { Db, Trx } from '../db/database.ts';
import type { CaseRow } from '../cases/case.table.ts';
import type { TransitionResult } from '../cases/case.machine.ts';
import { IdNumberSchema, PhoneSchema } from '../cases/submission.schema.ts';
import { appendAudit } from '../backoffice/audit.log.ts';
import type { AuditActorRole } from '../backoffice/staff.table.ts';
import { dummyHash, hashPassword, verifyPassword } from '../backoffice/password.ts';
import { clockContext, dueOf } from '../deadlines/clock.service.ts';
import { formatCst } from '../lib/clock.ts';
import { AppError } from '../lib/errors.ts';
import { queryCodeMatches } from '../lib/query-code.ts';
import { contactMac } from '../notices/wechat-contact.ts';
import { enqueueIn } from '../workflow/outbox.ts';
import { rewardAmount } from './amount.ts';
import { ClaimPasswordSchema } from './claim-password.ts';
import {
  CHECK_LABELS,
  type DecidedCheck,
  ELIGIBILITY_CHECKS,
  type EligibilityCheck,
  type ProposedCheck,
  approvalBlockers,
  inferPartyType,
  proposeEligibility,
  qualifies,
} from './eligibility.ts';
import { type RewardLevel, rewardRulesOn } from './reward.rules.ts';
import { REWARD_STATUS_LABELS, type RewardCaseRow, type RewardStatus } from './reward.table.ts';

export const claimAad = (id: string) => `reward_claim:${id}`;
/** After this many wrong claim passwords the claim is locked: the reporter calls the bureau. */
export const CLAIM_FAILURE_LIMIT = 10;

const NOT_FOUND = () => new AppError('CASE_NOT_FOUND', '未找到可申领的奖励：编号、查询码或领奖密码不正确');

// ---------------------------------------------------------------------------------------------------------
// The claim password

export async function hashClaimPassword(password: string): Promise<string> {
  return hashPassword(ClaimPasswordSchema.parse(password));
}

/**
 * `领奖密码 编号 密码` in the bot: the contact that submitted the report sets the claim password, once.
 * Not its case, not a report asking for a reward, or one with a password already: the same 404.
 */
export async function setClaimPasswordForContact(deps: Deps, contactId: string, number: string, password: string): Promise<void> {
  const p = ClaimPasswordSchema.safeParse(password);
  if (!p.success)
    throw new AppError('VALIDATION', p.error.issues[0]?.message ?? '领奖密码格式不正确', [
      { path: 'password', message: p.error.issues[0]?.message ?? '' },
    ]);
  const row = await deps.db
    .selectFrom('intake_case as c')
    .innerJoin('wechat_contact as w', 'w.case_id', 'c.id')
    .select(['c.id', 'c.kind', 'c.wants_reward', 'c.reward_password_hash'])
    .where('c.number', '=', number)
    .where('w.contact_hmac', '=', contactMac(deps.cipher, contactId))
    .executeTakeFirst();
  if (row?.kind !== 'report' || row.wants_reward !== 1) throw new AppError('CASE_NOT_FOUND', '未找到该编号的举报，或该举报未申请奖励');
  if (row.reward_password_hash) throw new AppError('CONFLICT', '领奖密码已经设置过，不能修改；忘记了请联系 12315');
  const hash = await hashPassword(p.data);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const u = await trx
      .updateTable('intake_case')
      .set({ reward_password_hash: hash })
      .where('id', '=', row.id)
      .where('reward_password_hash', 'is', null)
      .executeTakeFirst();
    if (Number(u.numUpdatedRows) !== 1) throw new AppError('CONFLICT', '领奖密码已经设置过，不能修改；忘记了请联系 12315');
    await appendAudit(
      trx,
      { actorId: null, actorRole: 'citizen', action: 'reward_password_set', caseId: row.id, detail: { channel: 'wechat' } },
      now,
    );
  });
}

// ---------------------------------------------------------------------------------------------------------
// Opening: inside the close transition (applyTransitionIn)

interface EventData {
  decision?: unknown;
  penalty?: unknown;
  fine?: unknown;
  confiscation?: unknown;
  outcomeKind?: unknown;
  partyType?: unknown;
}
const yuan = (v: unknown) => {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : 0;
  return Number.isFinite(n) && n > 0 ? n : 0;
};

/** Notice rows (plain text, no personal data) for the WeChat contacts of a case, with their delivery jobs. */
async function noticeContactsIn(trx: Trx, caseId: string, text: string, at: string): Promise<void> {
  const contacts = await trx.selectFrom('wechat_contact').select('id').where('case_id', '=', caseId).execute();
  for (const c of contacts) {
    const id = randomUUID();
    await trx
      .insertInto('citizen_notice')
      .values({
        id,
        case_id: caseId,
        wechat_contact_id: c.id,
        event_type: 'notify_reporter',
        text,
        status: 'pending',
        attempts: 0,
        last_error: null,
        created_at: at,
        delivered_at: null,
        failed_at: null,
      })
      .execute();
    await enqueueIn(trx, 'notice.deliver', { noticeId: id }, { caseId, at });
  }
}

export async function openRewardCaseIn(trx: Trx, row: CaseRow, result: TransitionResult, now: Date): Promise<void> {
  if (result.event.type !== 'close' || row.kind !== 'report' || row.wants_reward !== 1) return;
  const existing = await trx.selectFrom('reward_case').select('id').where('case_id', '=', row.id).executeTakeFirst();
  if (existing) return;
  const events = await trx
    .selectFrom('case_event')
    .select(['type', 'data', 'at'])
    .where('case_id', '=', row.id)
    .where('type', 'in', ['decide', 'police_feedback'])
    .orderBy('at', 'desc')
    .execute();
  const dataOf = (t: string) => {
    const e = events.find((x) => x.type === t);
    return e?.data ? (JSON.parse(e.data) as EventData) : null;
  };
  const decide = dataOf('decide');
  const feedback = dataOf('police_feedback');
  const rules = rewardRulesOn(now);
  const fine = yuan(decide?.fine);
  const confiscation = yuan(decide?.confiscation);
  const partyType =
    decide?.partyType === 'organisation' || decide?.partyType === 'natural_person' ? decide.partyType : inferPartyType(row.business_name);
  const q = qualifies(
    {
      fineYuan: fine,
      confiscationYuan: confiscation,
      decisionText: [decide?.decision, decide?.penalty].filter((x) => typeof x === 'string').join('；'),
      partyType,
      prosecuted: feedback?.outcomeKind === 'judgment',
    },
    rules.largeAmountYuan,
  );
  const at = now.toISOString();
  if (!q.ok || (!decide && !feedback)) {
    await appendAudit(
      trx,
      { actorId: null, actorRole: 'system', action: 'reward_opened', caseId: row.id, detail: { opened: false, basis: q.basis } },
      now,
    );
    return;
  }
  const proposals = proposeEligibility(await eligibilityFacts(trx, row, rules.firstReporterOnly));
  // D15: the claim window runs from the notice (now); past the calendar's horizon the date is provisional.
  const ctx = await clockContext(trx);
  const due = dueOf(ctx, { rule_version: row.rule_version, clock: 'D15', started_at: at, pauses: '[]', extensions: 0 });
  const id = randomUUID();
  await trx
    .insertInto('reward_case')
    .values({
      id,
      case_id: row.id,
      status: 'notified',
      rules: rules.id,
      basis: q.basis,
      base_yuan: fine + confiscation,
      closed_at: at,
      opened_at: at,
      proposals: JSON.stringify(proposals),
      checks: '[]',
      notified_at: at,
      claim_due_at: due.dueAt,
      claim_due_problem: due.problem,
      claim_failures: 0,
      claimed_at: null,
      claim_channel: null,
      claim_enc: null,
      level: null,
      insider: 0,
      amount_yuan: null,
      needs_finance: 0,
      finance_ref: null,
      finance_approved_at: null,
      decision: null,
      decision_reason: null,
      decided_by: null,
      decided_at: null,
      paid_on: null,
      paid_yuan: null,
      voucher_no: null,
      payment_method: null,
      recovered_at: null,
      recovery_reason: null,
      recovery_yuan: null,
      version: 0,
      updated_at: at,
    })
    .execute();
  await appendAudit(
    trx,
    {
      actorId: null,
      actorRole: 'system',
      action: 'reward_opened',
      caseId: row.id,
      detail: { opened: true, rewardId: id, basis: q.basis, notified: true },
    },
    now,
  );
  const dueText = due.dueAt ? `${formatCst(new Date(due.dueAt)).slice(0, 10)}${due.problem ? '（暂定）' : ''}前` : '在规定期限内';
  if (row.anonymous !== 1) await enqueueIn(trx, 'reward.sms', { rewardId: id, kind: 'offered' }, { caseId: row.id, at });
  await noticeContactsIn(
    trx,
    row.id,
    `【食安通】您的举报（编号 ${row.number}）已办结，符合举报奖励的申领条件。请${dueText}在食安通网站“领取举报奖励”页面凭编号、查询码和领奖密码申领（匿名举报也可以）；还没设置领奖密码的，请先发送“领奖密码 ${row.number} 您的密码”。`,
    at,
  );
}

async function eligibilityFacts(trx: Trx, row: CaseRow, firstReporterOnly: boolean) {
  const linked = await trx.selectFrom('case_link').select(['other_case_id', 'type']).where('case_id', '=', row.id).execute();
  const linkedBack = await trx
    .selectFrom('case_link')
    .select(['case_id as other_case_id', 'type'])
    .where('other_case_id', '=', row.id)
    .execute();
  const links = [...linked, ...linkedBack];
  const splitIds = links.filter((l) => l.type === 'split').map((l) => l.other_case_id);
  const leadIds = links.filter((l) => l.type !== 'split').map((l) => l.other_case_id);
  const split = splitIds.length
    ? await trx.selectFrom('intake_case').select('number').where('id', 'in', splitIds).where('kind', '=', 'complaint').executeTakeFirst()
    : undefined;
  // The same lead: linked reports, and reports about the same business (normalised name).
  const others = await trx
    .selectFrom('intake_case')
    .select(['id', 'number', 'received_at'])
    .where('kind', '=', 'report')
    .where('id', '!=', row.id)
    .where((eb) => {
      const ors = [];
      if (leadIds.length) ors.push(eb('id', 'in', leadIds));
      if (row.business_key) ors.push(eb('business_key', '=', row.business_key));
      return ors.length ? eb.or(ors) : eb.lit(false);
    })
    .orderBy('received_at')
    .limit(50)
    .execute();
  const earlier = others.filter((o) => o.received_at < row.received_at || (o.received_at === row.received_at && o.number < row.number));
  const later = others.filter((o) => !earlier.includes(o));
  return {
    channel: row.channel,
    anonymous: row.anonymous === 1,
    fromAgency: row.channel === 'police',
    splitComplaintNumber: split?.number ?? null,
    earlierReports: earlier.map((o) => ({ number: o.number, receivedAt: formatCst(new Date(o.received_at)) })),
    laterReports: later.map((o) => ({ number: o.number, receivedAt: formatCst(new Date(o.received_at)) })),
    firstReporterOnly,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Citizens: status, claim

export interface PublicReward {
  status: string;
  claimDue: string | null;
  claimDueProvisional: boolean;
  /** Told to the reporter: the decision, its reason when refused, the amount once approved. */
  decision: 'approved' | 'refused' | null;
  reason: string | null;
  amountYuan: number | null;
  paidOn: string | null;
}

function publicReward(r: RewardCaseRow): PublicReward {
  const shownAmount = r.status === 'approved' || r.status === 'paid';
  return {
    status: REWARD_STATUS_LABELS[r.status],
    claimDue: r.claim_due_at ? formatCst(new Date(r.claim_due_at)).slice(0, 10) : null,
    claimDueProvisional: r.claim_due_problem !== null,
    decision: r.decision,
    reason: r.decision === 'refused' ? r.decision_reason : null,
    amountYuan: shownAmount ? r.amount_yuan : null,
    paidOn: r.status === 'paid' ? r.paid_on : null,
  };
}

/** For the status page (number + query code already checked): whether a reward can be claimed. */
export async function rewardForStatus(db: Db, caseId: string): Promise<PublicReward | null> {
  const r = await db.selectFrom('reward_case').selectAll().where('case_id', '=', caseId).executeTakeFirst();
  return r ? publicReward(r) : null;
}

export interface ClaimCredentials {
  number: string;
  code: string;
  password: string;
}

/** Checks number + query code + claim password; a wrong one counts towards the lock. One 404 for every failure. */
async function checkCredentials(deps: Deps, creds: ClaimCredentials): Promise<{ caseRow: CaseRow; reward: RewardCaseRow }> {
  const caseRow = await deps.db.selectFrom('intake_case').selectAll().where('number', '=', creds.number).executeTakeFirst();
  const reward = caseRow
    ? await deps.db.selectFrom('reward_case').selectAll().where('case_id', '=', caseRow.id).executeTakeFirst()
    : undefined;
  const hash = caseRow?.reward_password_hash ?? null;
  // Always one argon2 verification, so timing does not tell which part was wrong.
  const passwordOk = await verifyPassword(hash ?? (await dummyHash()), creds.password);
  if (!caseRow || !reward || !hash || !queryCodeMatches(creds.code, caseRow.query_code_hash)) throw NOT_FOUND();
  if (reward.claim_failures >= CLAIM_FAILURE_LIMIT)
    throw new AppError('FORBIDDEN', '领奖密码错误次数过多，已锁定。请携带身份证件联系新郑市市场监督管理局（12315）');
  if (!passwordOk) {
    const now = deps.clock.now();
    await deps.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('reward_case')
        .set((eb) => ({ claim_failures: eb('claim_failures', '+', 1) }))
        .where('id', '=', reward.id)
        .execute();
      await appendAudit(
        trx,
        { actorId: null, actorRole: 'citizen', action: 'reward_claim_failed', caseId: caseRow.id, detail: { rewardId: reward.id } },
        now,
      );
    });
    throw NOT_FOUND();
  }
  return { caseRow, reward };
}

export async function rewardForClaimant(
  deps: Deps,
  creds: ClaimCredentials,
): Promise<PublicReward & { number: string; claimable: boolean; anonymous: boolean }> {
  const { caseRow, reward } = await checkCredentials(deps, creds);
  return { ...publicReward(reward), number: caseRow.number, claimable: reward.status === 'notified', anonymous: caseRow.anonymous === 1 };
}

export const PAYMENT_METHODS = { bank_transfer: '转账到本人银行账户', arrange: '与奖励专员另行约定（不发现金）' } as const;
export type PaymentMethod = keyof typeof PAYMENT_METHODS;

export const ClaimSchema = z
  .object({
    name: z.string({ error: '请填写姓名' }).trim().min(2, { error: '姓名：至少2个字' }).max(50, { error: '姓名：最多50个字' }),
    idNumber: IdNumberSchema,
    phone: PhoneSchema,
    method: z.enum(['bank_transfer', 'arrange'], { error: '领取方式：请选择' }),
    bankName: z.string().trim().max(100, { error: '开户银行：最多100个字' }).optional(),
    accountNo: z
      .string()
      .trim()
      .transform((s) => s.replace(/[\s-]/g, ''))
      .pipe(z.string().regex(/^(\d{12,30})?$/, { error: '银行账号：应为12到30位数字' }))
      .optional(),
    note: z.string().trim().max(500, { error: '说明：最多500字' }).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.method === 'bank_transfer') {
      if (!v.bankName) ctx.addIssue({ code: 'custom', path: ['bankName'], message: '开户银行：请填写' });
      if (!v.accountNo) ctx.addIssue({ code: 'custom', path: ['accountNo'], message: '银行账号：请填写本人名下的账号' });
    } else if (!v.note || v.note.length < 2)
      ctx.addIssue({ code: 'custom', path: ['note'], message: '说明：请写明希望如何领取（不发放现金）' });
  });
export type ClaimInput = z.input<typeof ClaimSchema>;

/**
 * The reporter claims: identity (sealed, for the reward officer only), how to be paid. A real-name reporter
 * confirms the identity they reported with; the bank account must be in their own name (stated on the form,
 * checked by the officer). Stops the D15 window.
 */
export async function submitClaim(deps: Deps, creds: ClaimCredentials, input: unknown, channel: 'web' | 'api'): Promise<void> {
  const { caseRow, reward } = await checkCredentials(deps, creds);
  const p = ClaimSchema.safeParse(input);
  if (!p.success)
    throw new AppError(
      'VALIDATION',
      p.error.issues.map((i) => i.message).join('；'),
      p.error.issues.map((i) => ({ path: String(i.path[0] ?? 'claim'), message: i.message })),
    );
  if (reward.status !== 'notified') throw new AppError('CONFLICT', '该奖励已经申领过，或不在申领阶段');
  const now = deps.clock.now();
  if (reward.claim_due_at && reward.claim_due_at < now.toISOString() && reward.claim_due_problem === null)
    throw new AppError('CONFLICT', '已超过申领期限。如有正当理由，请联系新郑市市场监督管理局（12315）');
  const identityMatches = caseRow.anonymous === 1 ? null : await realNameMatches(deps, caseRow.id, p.data.name, p.data.idNumber);
  if (identityMatches === false)
    throw new AppError('VALIDATION', '姓名或身份证号码与举报时登记的不一致', [
      { path: 'idNumber', message: '姓名或身份证号码与举报时登记的不一致' },
    ]);
  const at = now.toISOString();
  await deps.db.transaction().execute(async (trx) => {
    const u = await trx
      .updateTable('reward_case')
      .set({
        status: 'claimed',
        claimed_at: at,
        claim_channel: channel,
        claim_enc: deps.cipher.seal({ ...p.data, identityConfirmed: identityMatches }, claimAad(reward.id)),
        version: reward.version + 1,
        updated_at: at,
      })
      .where('id', '=', reward.id)
      .where('version', '=', reward.version)
      .executeTakeFirst();
    if (Number(u.numUpdatedRows) !== 1) throw new AppError('CONFLICT', '奖励状态已变化，请刷新后重试');
    await appendAudit(
      trx,
      {
        actorId: null,
        actorRole: 'citizen',
        action: 'reward_claimed',
        caseId: caseRow.id,
        detail: { rewardId: reward.id, channel, method: p.data.method },
      },
      now,
    );
  });
}

async function realNameMatches(deps: Deps, caseId: string, name: string, idNumber: string): Promise<boolean> {
  const parties = await deps.db
    .selectFrom('party')
    .select(['id', 'identity_enc'])
    .where('case_id', '=', caseId)
    .where('role', '=', 'reporter')
    .execute();
  for (const p of parties) {
    const who = deps.cipher.open<{ name?: string; idNumber?: string }>(p.identity_enc, `party:${p.id}`);
    if (who.name === name && (who.idNumber === undefined || who.idNumber === idNumber)) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------------------
// The reward officer

export interface OfficerActor {
  id: string;
  role: AuditActorRole;
}

export interface RewardListRow {
  id: string;
  number: string;
  status: RewardStatus;
  statusLabel: string;
  openedAt: string;
  claimDue: string | null;
  /** Told, not claimed, and the D15 window has passed (the officer decides: refuse, or accept a late claim by phone). */
  claimOverdue: boolean;
  amountYuan: number | null;
}

export async function listRewardCases(db: Db, status?: RewardStatus, now: Date = new Date()): Promise<RewardListRow[]> {
  let q = db
    .selectFrom('reward_case as r')
    .innerJoin('intake_case as c', 'c.id', 'r.case_id')
    .select(['r.id', 'c.number', 'r.status', 'r.opened_at', 'r.claim_due_at', 'r.amount_yuan'])
    .orderBy('r.opened_at', 'desc')
    .limit(200);
  if (status) q = q.where('r.status', '=', status);
  return (await q.execute()).map((r) => ({
    id: r.id,
    number: r.number,
    status: r.status,
    statusLabel: REWARD_STATUS_LABELS[r.status],
    openedAt: formatCst(new Date(r.opened_at)),
    claimDue: r.claim_due_at ? formatCst(new Date(r.claim_due_at)).slice(0, 10) : null,
    claimOverdue: r.status === 'notified' && r.claim_due_at !== null && r.claim_due_at < now.toISOString(),
    amountYuan: r.amount_yuan,
  }));
}

export interface RewardForOfficer {
  row: RewardCaseRow;
  number: string;
  caseId: string;
  anonymous: boolean;
  business: string | null;
  decisionText: string | null;
  proposals: ProposedCheck[];
  checks: DecidedCheck[];
  blockers: { missing: EligibilityCheck[]; failed: EligibilityCheck[] };
  statusLabel: string;
}

const rewardNotFound = () => new AppError('NOT_FOUND', '奖励案件不存在');

export async function rewardForOfficer(db: Db, id: string): Promise<RewardForOfficer> {
  if (!z.uuid().safeParse(id).success) throw rewardNotFound();
  const row = await db.selectFrom('reward_case').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw rewardNotFound();
  const c = await db
    .selectFrom('intake_case')
    .select(['id', 'number', 'anonymous', 'business_name'])
    .where('id', '=', row.case_id)
    .executeTakeFirstOrThrow();
  const decide = await db
    .selectFrom('case_event')
    .select('data')
    .where('case_id', '=', row.case_id)
    .where('type', '=', 'decide')
    .orderBy('at', 'desc')
    .executeTakeFirst();
  const d = decide?.data ? (JSON.parse(decide.data) as EventData) : null;
  const checks = JSON.parse(row.checks) as DecidedCheck[];
  return {
    row,
    number: c.number,
    caseId: c.id,
    anonymous: c.anonymous === 1,
    business: c.business_name,
    decisionText: typeof d?.decision === 'string' ? d.decision : null,
    proposals: JSON.parse(row.proposals) as ProposedCheck[],
    checks,
    blockers: approvalBlockers(checks),
    statusLabel: REWARD_STATUS_LABELS[row.status],
  };
}

/** One change of a reward case: version-checked update + audit row in one transaction. */
async function change(
  deps: Deps,
  actor: OfficerActor,
  id: string,
  expect: readonly RewardStatus[],
  build: (
    row: RewardCaseRow,
    at: string,
  ) => { set: Partial<RewardCaseRow>; action: Parameters<typeof appendAudit>[1]['action']; detail: Record<string, unknown> },
  after?: (trx: Trx, row: RewardCaseRow, at: string) => Promise<void>,
): Promise<void> {
  const now = deps.clock.now();
  const at = now.toISOString();
  const { row } = await rewardForOfficer(deps.db, id);
  if (!expect.includes(row.status)) throw new AppError('CONFLICT', `当前状态（${REWARD_STATUS_LABELS[row.status]}）不能进行此操作`);
  const b = build(row, at);
  await deps.db.transaction().execute(async (trx) => {
    const u = await trx
      .updateTable('reward_case')
      .set({ ...b.set, version: row.version + 1, updated_at: at })
      .where('id', '=', id)
      .where('version', '=', row.version)
      .executeTakeFirst();
    if (Number(u.numUpdatedRows) !== 1) throw new AppError('CONFLICT', '奖励案件已被他人修改，请刷新后重试');
    await appendAudit(
      trx,
      { actorId: actor.id, actorRole: actor.role, action: b.action, caseId: row.case_id, detail: { rewardId: id, ...b.detail } },
      now,
    );
    await after?.(trx, row, at);
  });
}

const bad = (path: string, message: string) => new AppError('VALIDATION', message, [{ path, message }]);
const reasonText = (label: string, v: unknown, min = 2, max = 1000) => {
  const s = typeof v === 'string' ? v.trim() : '';
  if (s.length < min || s.length > max) throw bad('reason', `${label}：请填写 ${min}–${max} 个字`);
  return s;
};
const OPEN_FOR_REVIEW: readonly RewardStatus[] = ['notified', 'claimed'];

/** The officer decides one eligibility check, with evidence. The latest decision of a check counts. */
export async function recordCheck(
  deps: Deps,
  actor: OfficerActor,
  id: string,
  input: { check: unknown; decision: unknown; evidence: unknown },
): Promise<void> {
  const check = ELIGIBILITY_CHECKS.find((c) => c === input.check);
  if (!check) throw bad('check', '核查项：请选择');
  if (input.decision !== 'pass' && input.decision !== 'fail') throw bad('decision', '核查结论：请选择符合或不符合');
  const evidence = reasonText('依据', input.evidence);
  const decision = input.decision;
  await change(deps, actor, id, OPEN_FOR_REVIEW, (row, at) => {
    const checks = [...(JSON.parse(row.checks) as DecidedCheck[]), { check, decision, evidence, by: actor.id, at }];
    return { set: { checks: JSON.stringify(checks) }, action: 'reward_check', detail: { check, decision } };
  });
}

/** Level (staff choose against Art. 11) and amount (computed), insider raise optional. */
export async function assessReward(
  deps: Deps,
  actor: OfficerActor,
  id: string,
  input: { level: unknown; insider?: unknown; raisedYuan?: unknown },
): Promise<void> {
  const level = Number(input.level);
  if (level !== 1 && level !== 2 && level !== 3) throw bad('level', '奖励等级：请选择一级、二级或三级');
  const insider = input.insider === true || input.insider === '1';
  const raisedRaw = typeof input.raisedYuan === 'string' ? input.raisedYuan.trim() : '';
  if (raisedRaw && !/^\d+(\.\d{1,2})?$/.test(raisedRaw)) throw bad('raisedYuan', '提高后的金额：应为金额（元）');
  if (raisedRaw && !insider) throw bad('raisedYuan', '只有内部知情人举报才可提高奖励');
  await change(deps, actor, id, OPEN_FOR_REVIEW, (row) => {
    const a = rewardAmount(
      { level: level as RewardLevel, finesYuan: row.base_yuan, insider, ...(raisedRaw ? { raisedYuan: Number(raisedRaw) } : {}) },
      rewardRulesOn(new Date(row.opened_at)),
    );
    return {
      set: {
        level,
        insider: insider ? 1 : 0,
        amount_yuan: a.amount,
        needs_finance: a.needsFinanceApproval ? 1 : 0,
        finance_ref: null,
        finance_approved_at: null,
      },
      action: 'reward_assessed',
      detail: { level, insider, amountYuan: a.amount, needsFinanceApproval: a.needsFinanceApproval },
    };
  });
}

/** The finance bureau's co-approval (≥ 500,000 yuan, or an insider raise): its document number and date. */
export async function recordFinanceApproval(
  deps: Deps,
  actor: OfficerActor,
  id: string,
  input: { ref: unknown; date: unknown },
): Promise<void> {
  const ref = reasonText('财政部门同意文号', input.ref, 2, 100);
  const date = typeof input.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(input.date.trim()) ? input.date.trim() : null;
  if (!date) throw bad('date', '同意日期：格式为 YYYY-MM-DD');
  await change(deps, actor, id, OPEN_FOR_REVIEW, (row) => {
    if (row.needs_finance !== 1) throw new AppError('CONFLICT', '该奖励不需要财政部门同意');
    return { set: { finance_ref: ref, finance_approved_at: date }, action: 'reward_finance_approved', detail: { date } };
  });
}

/** Approve (claimed, every check passed, assessed, finance where needed) or refuse (reason told to the reporter). */
export async function decideReward(
  deps: Deps,
  actor: OfficerActor,
  id: string,
  input: { decision: unknown; reason?: unknown },
): Promise<void> {
  if (input.decision === 'approve') {
    const v = await rewardForOfficer(deps.db, id);
    if (v.row.status !== 'claimed') throw new AppError('CONFLICT', '举报人尚未申领，不能批准');
    const { missing, failed } = v.blockers;
    if (failed.length) throw new AppError('CONFLICT', `不符合奖励条件：${failed.map((c) => CHECK_LABELS[c]).join('；')}`);
    if (missing.length) throw new AppError('CONFLICT', `尚有核查项未认定：${missing.map((c) => CHECK_LABELS[c]).join('；')}`);
    if (v.row.level === null || v.row.amount_yuan === null) throw new AppError('CONFLICT', '请先确定奖励等级和金额');
    if (v.row.needs_finance === 1 && !v.row.finance_ref) throw new AppError('CONFLICT', '奖励金额须先经同级财政部门同意');
    await change(
      deps,
      actor,
      id,
      ['claimed'],
      (_row, at) => ({
        set: { status: 'approved', decision: 'approved', decision_reason: null, decided_by: actor.id, decided_at: at },
        action: 'reward_approved',
        detail: { amountYuan: v.row.amount_yuan, level: v.row.level },
      }),
      (trx, row, at) =>
        noticeContactsIn(
          trx,
          row.case_id,
          `【食安通】您的举报（编号 ${v.number}）的奖励已批准，金额 ${v.row.amount_yuan} 元。工作人员将按您申领时选择的方式发放。`,
          at,
        ),
    );
    return;
  }
  if (input.decision !== 'refuse') throw bad('decision', '决定：请选择批准或不予奖励');
  const reason = reasonText('不予奖励的理由（将告知举报人）', input.reason, 4, 500);
  let number = '';
  await change(
    deps,
    actor,
    id,
    ['notified', 'claimed'],
    (_row, at) => ({
      set: { status: 'refused', decision: 'refused', decision_reason: reason, decided_by: actor.id, decided_at: at },
      action: 'reward_refused',
      detail: { reason },
    }),
    async (trx, row, at) => {
      const c = await trx.selectFrom('intake_case').select(['number', 'anonymous']).where('id', '=', row.case_id).executeTakeFirstOrThrow();
      number = c.number;
      if (c.anonymous !== 1) await enqueueIn(trx, 'reward.sms', { rewardId: row.id, kind: 'decided' }, { caseId: row.case_id, at });
      await noticeContactsIn(trx, row.case_id, `【食安通】您的举报（编号 ${number}）经审核不予奖励。理由：${reason}`, at);
    },
  );
}

/** Payment record: date, amount, voucher number; never cash. */
export async function recordPayment(
  deps: Deps,
  actor: OfficerActor,
  id: string,
  input: { paidOn: unknown; amountYuan: unknown; voucherNo: unknown; method: unknown },
): Promise<void> {
  const paidOn = typeof input.paidOn === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(input.paidOn.trim()) ? input.paidOn.trim() : null;
  if (!paidOn) throw bad('paidOn', '发放日期：格式为 YYYY-MM-DD');
  const amountText = typeof input.amountYuan === 'string' ? input.amountYuan.trim() : '';
  if (!/^\d+(\.\d{1,2})?$/.test(amountText)) throw bad('amountYuan', '发放金额：应为金额（元）');
  const voucherNo = reasonText('凭证号', input.voucherNo, 2, 60);
  if (input.method !== 'bank_transfer' && input.method !== 'other_non_cash') throw bad('method', '发放方式：请选择（不得发放现金）');
  const method = input.method;
  await change(deps, actor, id, ['approved'], (row) => {
    if (Number(amountText) !== row.amount_yuan) throw bad('amountYuan', `发放金额应与批准金额 ${row.amount_yuan} 元一致`);
    return {
      set: { status: 'paid', paid_on: paidOn, paid_yuan: Number(amountText), voucher_no: voucherNo, payment_method: method },
      action: 'reward_paid',
      detail: { paidOn, amountYuan: Number(amountText), voucherNo, method },
    };
  });
}

/** Fraud found later: the reward is recovered (reason, amount). */
export async function recordRecovery(
  deps: Deps,
  actor: OfficerActor,
  id: string,
  input: { reason: unknown; amountYuan: unknown },
): Promise<void> {
  const reason = reasonText('追回理由', input.reason);
  const amountText = typeof input.amountYuan === 'string' ? input.amountYuan.trim() : '';
  if (!/^\d+(\.\d{1,2})?$/.test(amountText)) throw bad('amountYuan', '追回金额：应为金额（元）');
  await change(deps, actor, id, ['paid'], (row, at) => {
    if (Number(amountText) > (row.paid_yuan ?? 0)) throw bad('amountYuan', '追回金额不能超过已发放金额');
    return {
      set: { status: 'recovered', recovered_at: at, recovery_reason: reason, recovery_yuan: Number(amountText) },
      action: 'reward_recovered',
      detail: { reason, amountYuan: Number(amountText) },
    };
  });
}

export interface SealedClaim {
  name: string;
  idNumber: string;
  phone: string;
  method: PaymentMethod;
  bankName?: string;
  accountNo?: string;
  note?: string;
  identityConfirmed: boolean | null;
}

/** The claimant's identity and account, for the reward officer only: the audit row commits before decryption. */
export async function revealClaim(deps: Deps, actor: OfficerActor, id: string, reason: unknown): Promise<SealedClaim> {
  const why = reasonText('查看理由', reason);
  const { row } = await rewardForOfficer(deps.db, id);
  if (!row.claim_enc) throw new AppError('CONFLICT', '举报人尚未申领');
  await deps.db.transaction().execute((trx) =>
    appendAudit(
      trx,
      {
        actorId: actor.id,
        actorRole: actor.role,
        action: 'reward_claim_viewed',
        caseId: row.case_id,
        detail: { rewardId: id, reason: why },
      },
      deps.clock.now(),
    ),
  );
  return deps.cipher.open<SealedClaim>(row.claim_enc, claimAad(id));
}

/** For the handler's case page: only whether a reward case exists. */
export async function rewardCaseExists(db: Db, caseId: string): Promise<boolean> {
  return (await db.selectFrom('reward_case').select('id').where('case_id', '=', caseId).executeTakeFirst()) !== undefined;
}

export interface RewardStatistics {
  proposed: number;
  byStatus: Record<RewardStatus, number>;
  paid: number;
  paidYuan: number;
  approvedYuan: number;
  recoveredYuan: number;
  /** Calendar days from closure to payment. */
  daysToPayment: { median: number | null; max: number | null };
}

/** Staff-only statistics of reward cases opened in [from, to) (CST dates). */
export async function rewardStatistics(db: Db, from: string, to: string): Promise<RewardStatistics> {
  const rows = await db
    .selectFrom('reward_case')
    .select(['status', 'closed_at', 'paid_on', 'paid_yuan', 'amount_yuan', 'recovery_yuan', 'decision'])
    .where('opened_at', '>=', new Date(`${from}T00:00:00+08:00`).toISOString())
    .where('opened_at', '<', new Date(`${to}T00:00:00+08:00`).toISOString())
    .execute();
  const byStatus = Object.fromEntries(Object.keys(REWARD_STATUS_LABELS).map((s) => [s, 0])) as Record<RewardStatus, number>;
  const days: number[] = [];
  let paidYuan = 0;
  let approvedYuan = 0;
  let recoveredYuan = 0;
  for (const r of rows) {
    byStatus[r.status] += 1;
    if (r.decision === 'approved') approvedYuan += r.amount_yuan ?? 0;
    if (r.paid_on) {
      paidYuan += r.paid_yuan ?? 0;
      days.push(Math.round((Date.parse(`${r.paid_on}T12:00:00+08:00`) - Date.parse(r.closed_at)) / 86_400_000));
    }
    recoveredYuan += r.recovery_yuan ?? 0;
  }
  days.sort((a, b) => a - b);
  const median = days.length ? (days[Math.floor((days.length - 1) / 2)]! + days[Math.ceil((days.length - 1) / 2)]!) / 2 : null;
  return {
    proposed: rows.length,
    byStatus,
    paid: days.length,
    paidYuan: Math.round(paidYuan * 100) / 100,
    approvedYuan: Math.round(approvedYuan * 100) / 100,
    recoveredYuan: Math.round(recoveredYuan * 100) / 100,
    daysToPayment: { median, max: days.length ? days[days.length - 1]! : null },
  };
}

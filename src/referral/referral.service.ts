// The referral of a suspected crime to the police (国务院令310; domain.md "Referral to the police").
// Every step is a case transition (so the timeline and the clocks D6–D10 follow) plus the referral row,
// in one transaction. Police users act only on referrals transferred to their own unit.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { type AuditEntry, type Audited, appendAuditOf } from '../backoffice/audit.log.ts';
import type { Actor } from '../cases/case.machine.ts';
import { applyTransitionIn } from '../cases/case.repository.ts';
import type { Db, Trx } from '../db/database.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../lib/errors.ts';
import { notifyStaff, policeOfficersOf, supervisorsOf } from '../notices/staff-notice.ts';
import { SubmissionSchema } from '../cases/submission.schema.ts';
import { buildPackage } from './package.ts';
import { POLICE_VISIBLE_STATUSES, type ReferralStatus, type ReferralStep, referralTransition } from './referral.machine.ts';

export const ProposalSchema = z.object({
  reasons: z.string().trim().min(10, '请写明移送理由（至少10个字）').max(4000),
  offence: z.string().trim().min(2, '请填写涉嫌罪名').max(200),
  officers: z.array(z.string().trim().min(2)).min(2, '移送须由至少两名执法人员提出').max(10),
  testReportIds: z.array(z.string()).default([]),
});
export type Proposal = z.input<typeof ProposalSchema>;

async function loadReferral(trx: Db, referralId: string) {
  const r = await trx.selectFrom('referral').selectAll().where('id', '=', referralId).executeTakeFirst();
  if (!r) throw new AppError('NOT_FOUND', '移送记录不存在');
  return r;
}

type ReferralRow = Awaited<ReturnType<typeof loadReferral>>;

/** The status a step leads to, by the referral's state machine (INVALID_TRANSITION if it refuses). */
function nextStatus(r: ReferralRow, name: ReferralStep): ReferralStatus {
  const next = referralTransition(r.status, name);
  if (!next.ok) throw new AppError('INVALID_TRANSITION', next.message);
  return next.to;
}

/** Takes a step on the referral row: the status its state machine gives, with the step's own columns. */
async function step(trx: Trx, r: ReferralRow, name: ReferralStep, at: string, extra: Record<string, unknown> = {}): Promise<void> {
  await trx
    .updateTable('referral')
    .set({ status: nextStatus(r, name), updated_at: at, ...extra })
    .where('id', '=', r.id)
    .execute();
}

/** A police actor may act only on referrals transferred to their unit. */
export async function assertPoliceScope(trx: Db, actor: Actor, policeUnitId: string | null): Promise<void> {
  if (actor.role !== 'police') return;
  const u = actor.id
    ? await trx.selectFrom('staff_user').select(['unit_id', 'role']).where('id', '=', actor.id).executeTakeFirst()
    : undefined;
  if (u?.role !== 'police' || !policeUnitId || u.unit_id !== policeUnitId) throw new AppError('FORBIDDEN', '无权查看或处理该移送案件');
}

export async function proposeReferral(deps: Deps, caseId: string, input: Proposal, actor: Actor, opts: Audited = {}): Promise<string> {
  const p = ProposalSchema.parse(input);
  const now = deps.clock.now();
  const at = now.toISOString();
  const id = randomUUID();
  const proposed = referralTransition(null, 'propose');
  if (!proposed.ok) throw new AppError('INVALID_TRANSITION', proposed.message);
  await deps.db.transaction().execute(async (trx) => {
    await applyTransitionIn(
      trx,
      caseId,
      { type: 'propose_referral', reason: p.reasons, data: { referralId: id, offence: p.offence, officers: p.officers } },
      actor,
      now,
    );
    await trx
      .insertInto('referral')
      .values({
        id,
        case_id: caseId,
        status: proposed.to,
        offence: p.offence,
        reasons: p.reasons,
        officers: JSON.stringify(p.officers),
        test_report_ids: JSON.stringify(p.testReportIds),
        proposed_by: actor.id,
        decided_by: null,
        refusal_reason: null,
        police_unit_id: null,
        transferred_at: null,
        procuratorate_copy: 0,
        identity_disclosed: 0,
        identity_reason: null,
        package_sha256: null,
        police_reason: null,
        exhibits_handed_over_at: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    const c = await trx.selectFrom('intake_case').select(['number', 'unit_id']).where('id', '=', caseId).executeTakeFirstOrThrow();
    if (c.unit_id)
      await notifyStaff(
        trx,
        await supervisorsOf(trx, c.unit_id),
        caseId,
        'referral_proposed',
        `${c.number} 拟移送公安机关（涉嫌${p.offence}），请在3日内审批`,
        at,
      );
    await appendAuditOf(trx, opts, now);
  });
  return id;
}

export async function approveReferral(deps: Deps, referralId: string, actor: Actor, opts: Audited = {}): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const r = await loadReferral(trx, referralId);
    await applyTransitionIn(trx, r.case_id, { type: 'approve_referral', data: { referralId } }, actor, now);
    await step(trx, r, 'approve', now.toISOString(), { decided_by: actor.id });
    if (r.proposed_by)
      await notifyStaff(trx, [r.proposed_by], r.case_id, 'referral_approved', '移送已批准，请在24小时内移送公安机关', now.toISOString());
    await appendAuditOf(trx, opts, now);
  });
}

export async function refuseReferral(deps: Deps, referralId: string, reason: string, actor: Actor, opts: Audited = {}): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const r = await loadReferral(trx, referralId);
    await applyTransitionIn(trx, r.case_id, { type: 'refuse_referral', reason, data: { referralId } }, actor, now);
    await step(trx, r, 'refuse', now.toISOString(), { decided_by: actor.id, refusal_reason: reason });
    await appendAuditOf(trx, opts, now);
  });
}

export interface TransferInput {
  policeUnitId: string;
  /** The reporter's identity goes into the package only when necessary, with the reason recorded. */
  discloseIdentity?: { reason: string } | undefined;
}

export async function transferReferral(
  deps: Deps,
  referralId: string,
  input: TransferInput,
  actor: Actor,
  opts: Audited = {},
): Promise<{ manifestSha256: string }> {
  const now = deps.clock.now();
  const at = now.toISOString();
  const unit = await deps.db.selectFrom('unit').select(['id', 'kind']).where('id', '=', input.policeUnitId).executeTakeFirst();
  if (unit?.kind !== 'police')
    throw new AppError('VALIDATION', '请选择接收的公安机关', [{ path: 'policeUnitId', message: '不是公安机关' }]);
  if (input.discloseIdentity && input.discloseIdentity.reason.trim().length < 4)
    throw new AppError('VALIDATION', '提供举报人身份须写明理由', [{ path: 'discloseIdentity.reason', message: '请写明理由' }]);
  await deps.db.transaction().execute(async (trx) => {
    const r = await loadReferral(trx, referralId);
    if (!referralTransition(r.status, 'transfer').ok) throw new AppError('INVALID_TRANSITION', '只有已批准的移送才能移交');
    // The receiving unit and the disclosure first: the package is built from the committed row.
    await trx
      .updateTable('referral')
      .set({
        updated_at: at,
        police_unit_id: input.policeUnitId,
        transferred_at: at,
        procuratorate_copy: 1,
        identity_disclosed: input.discloseIdentity ? 1 : 0,
        identity_reason: input.discloseIdentity?.reason.trim() ?? null,
      })
      .where('id', '=', referralId)
      .execute();
  });
  // Built from the committed referral row (the package reads through deps.db), then recorded with the transfer.
  const pkg = await buildPackage(deps, referralId);
  await deps.db.transaction().execute(async (trx) => {
    const r = await loadReferral(trx, referralId);
    await applyTransitionIn(
      trx,
      r.case_id,
      {
        type: 'transfer_to_police',
        data: {
          referralId,
          policeUnitId: input.policeUnitId,
          package: pkg.manifestSha256,
          procuratorateCopy: true,
          identityDisclosed: Boolean(input.discloseIdentity),
          identityReason: input.discloseIdentity?.reason ?? null,
        },
      },
      actor,
      now,
    );
    await step(trx, r, 'transfer', at, { package_sha256: pkg.manifestSha256 });
    await notifyStaff(
      trx,
      await policeOfficersOf(trx, input.policeUnitId),
      r.case_id,
      'referral_received',
      `收到涉嫌${r.offence}案件移送，请在规定期限内作出是否立案的决定`,
      at,
    );
    await appendAuditOf(trx, opts, now);
  });
  return { manifestSha256: pkg.manifestSha256 };
}

async function policeStep(
  deps: Deps,
  referralId: string,
  actor: Actor,
  opts: Audited,
  act: (trx: Trx, r: ReferralRow, now: Date) => Promise<void>,
): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const r = await loadReferral(trx, referralId);
    await assertPoliceScope(trx, actor, r.police_unit_id);
    await act(trx, r, now);
    await appendAuditOf(trx, opts, now);
  });
}

export function policeAccept(deps: Deps, referralId: string, actor: Actor, opts: Audited = {}): Promise<void> {
  return policeStep(deps, referralId, actor, opts, async (trx, r, now) => {
    await applyTransitionIn(trx, r.case_id, { type: 'police_accept', data: { referralId } }, actor, now);
    await step(trx, r, 'accept', now.toISOString());
    if (r.proposed_by)
      await notifyStaff(trx, [r.proposed_by], r.case_id, 'police_accepted', '公安机关已立案，请在3日内移交涉案物品', now.toISOString());
  });
}

export function policeDecline(deps: Deps, referralId: string, reason: string, actor: Actor, opts: Audited = {}): Promise<void> {
  return policeStep(deps, referralId, actor, opts, async (trx, r, now) => {
    await applyTransitionIn(trx, r.case_id, { type: 'police_decline', reason, data: { referralId } }, actor, now);
    await step(trx, r, 'decline', now.toISOString(), { police_reason: reason });
    const c = await trx.selectFrom('intake_case').select('unit_id').where('id', '=', r.case_id).executeTakeFirstOrThrow();
    if (c.unit_id)
      await notifyStaff(
        trx,
        await supervisorsOf(trx, c.unit_id),
        r.case_id,
        'police_declined',
        '公安机关不予立案：可在3日内提请复议，或转回行政处理',
        now.toISOString(),
      );
  });
}

export function policeFeedback(
  deps: Deps,
  referralId: string,
  input: { outcome: string; note?: string },
  actor: Actor,
  opts: Audited = {},
): Promise<void> {
  return policeStep(deps, referralId, actor, opts, async (trx, r, now) => {
    await applyTransitionIn(trx, r.case_id, { type: 'police_feedback', data: { referralId, outcome: input.outcome } }, actor, now);
    nextStatus(r, 'feedback'); // a feedback row only: the referral's status stays
    await trx
      .insertInto('referral_feedback')
      .values({
        id: randomUUID(),
        referral_id: referralId,
        outcome: input.outcome,
        note: input.note ?? null,
        actor_id: actor.id,
        at: now.toISOString(),
      })
      .execute();
  });
}

export async function requestReconsideration(
  deps: Deps,
  referralId: string,
  reason: string,
  actor: Actor,
  opts: Audited = {},
): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const r = await loadReferral(trx, referralId);
    await applyTransitionIn(trx, r.case_id, { type: 'request_reconsideration', reason, data: { referralId } }, actor, now);
    await step(trx, r, 'reconsider', now.toISOString());
    if (r.police_unit_id)
      await notifyStaff(
        trx,
        await policeOfficersOf(trx, r.police_unit_id),
        r.case_id,
        'reconsideration',
        '移送机关提请复议，请重新审查',
        now.toISOString(),
      );
    await appendAuditOf(trx, opts, now);
  });
}

export async function returnToAdministrative(deps: Deps, referralId: string, actor: Actor, opts: Audited = {}): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const r = await loadReferral(trx, referralId);
    await applyTransitionIn(trx, r.case_id, { type: 'return_to_admin', data: { referralId } }, actor, now);
    await step(trx, r, 'return', now.toISOString());
    await appendAuditOf(trx, opts, now);
  });
}

export async function handOverExhibits(deps: Deps, referralId: string, actor: Actor, opts: Audited = {}): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const r = await loadReferral(trx, referralId);
    await applyTransitionIn(trx, r.case_id, { type: 'hand_over_exhibits', data: { referralId } }, actor, now);
    await step(trx, r, 'exhibits', now.toISOString(), { exhibits_handed_over_at: now.toISOString() });
    await appendAuditOf(trx, opts, now);
  });
}

/** The police inbox: referrals transferred to the officer's unit, nothing else. */
export async function policeInbox(deps: Deps, actor: Actor) {
  const u = actor.id
    ? await deps.db.selectFrom('staff_user').select(['unit_id', 'role']).where('id', '=', actor.id).executeTakeFirst()
    : undefined;
  if (u?.role !== 'police' || !u.unit_id) throw new AppError('FORBIDDEN', '无权访问');
  return deps.db
    .selectFrom('referral')
    .innerJoin('intake_case', 'intake_case.id', 'referral.case_id')
    .select([
      'referral.id',
      'referral.case_id',
      'referral.status',
      'referral.offence',
      'referral.transferred_at',
      'intake_case.number',
      'intake_case.business_name',
      'intake_case.township',
    ])
    .where('referral.police_unit_id', '=', u.unit_id)
    .where('referral.status', 'in', [...POLICE_VISIBLE_STATUSES])
    .orderBy('referral.transferred_at', 'desc')
    .execute();
}

/**
 * The other direction (Food Safety Law Art. 121): the police found no crime but an administrative
 * violation and hand the matter to us. It enters intake as a report (channel `police`), with the
 * police's own reference; it carries no citizen identity.
 */
export async function receiveFromPolice(
  deps: Deps,
  input: { description: string; businessName?: string; businessAddress?: string; township?: string; policeRef: string },
  actor: Actor,
  opts: { audit?: (caseNumber: string) => AuditEntry } = {},
): Promise<string> {
  if (actor.role !== 'police') throw new AppError('FORBIDDEN', '只有公安机关可以移交');
  const parsed = SubmissionSchema.safeParse({
    kind: 'report',
    anonymous: true,
    description: `【公安机关移交，文号：${input.policeRef}】${input.description}`,
    ...(input.businessName
      ? { business: { name: input.businessName, ...(input.businessAddress ? { address: input.businessAddress } : {}) } }
      : {}),
    ...(input.township ? { township: input.township } : {}),
  });
  if (!parsed.success)
    throw new AppError(
      'VALIDATION',
      parsed.error.issues[0]?.message ?? '内容有误',
      parsed.error.issues.map((i) => ({ path: i.path.join('.') || 'body', message: i.message })),
    );
  // The audit row (which names the new case) commits in intake's transaction, with the case.
  const receipt = await deps.intake.submit({
    submission: parsed.data,
    files: [],
    channel: 'police',
    actor,
    idempotencyKey: null,
    ...(opts.audit ? { audit: opts.audit } : {}),
  });
  return receipt.cases[0]!.number;
}

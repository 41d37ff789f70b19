// What the back office shows of referrals: per case for the regulator, per police unit for the police,
// and which step each role may take now (the state machine and the services check again).
import { type Actor, type CaseKind, type CaseStatus, type Role, availableEvents } from '../cases/case.machine.ts';
import type { Db } from '../db/database.ts';
import { clockContext, ruleOf } from '../deadlines/clock.service.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../lib/errors.ts';
import { OPEN_REFERRAL_STATUSES, POLICE_VISIBLE_STATUSES, type ReferralStatus, staffReferralSteps } from './referral.machine.ts';
import { assertPoliceScope, policeInbox } from './referral.service.ts';

export interface ReferralRowView {
  id: string;
  caseId: string;
  status: ReferralStatus;
  offence: string;
  reasons: string;
  officers: string[];
  refusalReason: string | null;
  policeReason: string | null;
  transferredAt: string | null;
  identityDisclosed: boolean;
  exhibitsHandedOverAt: string | null;
  policeUnitId: string | null;
  feedback: { outcome: string; note: string | null; at: string }[];
}

export async function referralsOfCase(db: Db, caseId: string): Promise<ReferralRowView[]> {
  const rows = await db.selectFrom('referral').selectAll().where('case_id', '=', caseId).orderBy('created_at').execute();
  const feedback = rows.length
    ? await db
        .selectFrom('referral_feedback')
        .select(['referral_id', 'outcome', 'note', 'at'])
        .where(
          'referral_id',
          'in',
          rows.map((r) => r.id),
        )
        .orderBy('at')
        .execute()
    : [];
  return rows.map((r) => ({
    id: r.id,
    caseId: r.case_id,
    status: r.status,
    offence: r.offence,
    reasons: r.reasons,
    officers: JSON.parse(r.officers) as string[],
    refusalReason: r.refusal_reason,
    policeReason: r.police_reason,
    transferredAt: r.transferred_at,
    identityDisclosed: r.identity_disclosed === 1,
    exhibitsHandedOverAt: r.exhibits_handed_over_at,
    policeUnitId: r.police_unit_id,
    feedback: feedback.filter((f) => f.referral_id === r.id).map(({ outcome, note, at }) => ({ outcome, note, at })),
  }));
}

/** Staff steps on a referral, by its status and the user's role (the referral's state machine). */
export function staffSteps(role: string, r: Pick<ReferralRowView, 'status' | 'exhibitsHandedOverAt'>): string[] {
  return staffReferralSteps(role, r);
}

export function mayPropose(
  role: Role,
  c: { kind: CaseKind; status: CaseStatus; opened_at: string | null },
  referrals: ReferralRowView[],
): boolean {
  const open = referrals.some((r) => OPEN_REFERRAL_STATUSES.includes(r.status));
  return !open && availableEvents({ kind: c.kind, status: c.status, openedAt: c.opened_at }, role).includes('propose_referral');
}

export interface ClockLineView {
  name: string;
  dueAt: string | null;
  status: string;
  late: boolean;
}

/** The referral clocks of a case (D6–D10) with their due times, for both sides. */
export async function referralClocks(db: Db, caseId: string, now: Date): Promise<ClockLineView[]> {
  const ctx = await clockContext(db);
  const rows = await db
    .selectFrom('case_clock')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('clock', 'in', ['D6', 'D7', 'D8', 'D9', 'D10'])
    .where('status', 'in', ['running', 'paused'])
    .orderBy('created_at')
    .execute();
  return rows.map((r) => ({
    name: ruleOf(ctx, r).nameZh,
    dueAt: r.due_at,
    status: r.status,
    late: r.due_at !== null && r.due_at < now.toISOString(),
  }));
}

/** A referral of a given case (the regulator's side): NOT_FOUND when it is not that case's. */
export async function referralOfCase(db: Db, caseId: string, referralId: string) {
  const r = await db
    .selectFrom('referral')
    .select(['id', 'case_id', 'police_unit_id', 'status'])
    .where('id', '=', referralId)
    .executeTakeFirst();
  if (!r || r.case_id !== caseId) throw new AppError('NOT_FOUND', '移送记录不存在');
  return r;
}

/** A referral as a police officer may open it: transferred, and to the officer's own unit (else FORBIDDEN). */
export async function referralForPolice(db: Db, actor: Actor, referralId: string) {
  const r = await db
    .selectFrom('referral')
    .select(['id', 'case_id', 'police_unit_id', 'status'])
    .where('id', '=', referralId)
    .executeTakeFirst();
  if (!r || !POLICE_VISIBLE_STATUSES.includes(r.status)) throw new AppError('FORBIDDEN', '无权查看或处理该移送案件');
  await assertPoliceScope(db, actor, r.police_unit_id);
  return r;
}

export interface PoliceInboxItem {
  id: string;
  status: string;
  offence: string;
  number: string;
  businessName: string | null;
  transferredAt: string | null;
  clocks: ClockLineView[];
}

/** One line of the police inbox: the referral, its case number and business, its running clocks. */
export async function policeInboxItem(deps: Pick<Deps, 'db' | 'clock'>, referralId: string, caseId: string): Promise<PoliceInboxItem> {
  const row = await deps.db
    .selectFrom('referral')
    .innerJoin('intake_case', 'intake_case.id', 'referral.case_id')
    .select([
      'referral.id',
      'referral.status',
      'referral.offence',
      'referral.transferred_at',
      'intake_case.number',
      'intake_case.business_name',
    ])
    .where('referral.id', '=', referralId)
    .executeTakeFirstOrThrow();
  return {
    id: row.id,
    status: row.status,
    offence: row.offence,
    number: row.number,
    businessName: row.business_name,
    transferredAt: row.transferred_at,
    clocks: await referralClocks(deps.db, caseId, deps.clock.now()),
  };
}

/** The police inbox (referrals transferred to the officer's unit), each with its clocks. */
export async function policeInboxItems(deps: Deps, actor: Actor): Promise<PoliceInboxItem[]> {
  const list = await policeInbox(deps, actor);
  return Promise.all(list.map((x) => policeInboxItem(deps, x.id, x.case_id)));
}

/** What the police see of one referral: its inbox line and the referral itself. */
export async function policeReferralView(
  deps: Pick<Deps, 'db' | 'clock'>,
  r: { id: string; case_id: string },
): Promise<{ item: PoliceInboxItem; referral: ReferralRowView }> {
  const referral = (await referralsOfCase(deps.db, r.case_id)).find((x) => x.id === r.id);
  if (!referral) throw new AppError('NOT_FOUND', '移送记录不存在');
  return { item: await policeInboxItem(deps, r.id, r.case_id), referral };
}

// What the back office shows of referrals: per case for the regulator, per police unit for the police,
// and which step each role may take now (the state machine and the services check again).
import { type CaseKind, type CaseStatus, type Role, availableEvents } from '../cases/case.machine.ts';
import type { Db } from '../db/database.ts';
import { clockContext, ruleOf } from '../deadlines/clock.service.ts';

export interface ReferralRowView {
  id: string;
  caseId: string;
  status: string;
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
    ? await db.selectFrom('referral_feedback').select(['referral_id', 'outcome', 'note', 'at']).where('referral_id', 'in', rows.map((r) => r.id)).orderBy('at').execute()
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

/** Staff steps on a referral, by its status and the user's role. */
export function staffSteps(role: string, r: Pick<ReferralRowView, 'status' | 'exhibitsHandedOverAt'>): string[] {
  const handling = role === 'handler' || role === 'supervisor';
  switch (r.status) {
    case 'proposed':
      return role === 'supervisor' ? ['approve', 'refuse'] : [];
    case 'approved':
      return handling ? ['transfer'] : [];
    case 'declined':
      return [...(role === 'supervisor' ? ['reconsider'] : []), ...(handling ? ['return'] : [])];
    case 'accepted':
      return handling && !r.exhibitsHandedOverAt ? ['exhibits'] : [];
    default:
      return [];
  }
}

export function mayPropose(role: Role, c: { kind: string; status: string; opened_at: string | null }, referrals: ReferralRowView[]): boolean {
  const open = referrals.some((r) => ['proposed', 'approved', 'transferred', 'accepted', 'declined'].includes(r.status));
  return !open && availableEvents({ kind: c.kind as CaseKind, status: c.status as CaseStatus, openedAt: c.opened_at }, role).includes('propose_referral');
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
  const rows = await db.selectFrom('case_clock').selectAll().where('case_id', '=', caseId).where('clock', 'in', ['D6', 'D7', 'D8', 'D9', 'D10']).where('status', 'in', ['running', 'paused']).orderBy('created_at').execute();
  return rows.map((r) => ({ name: ruleOf(ctx, r).nameZh, dueAt: r.due_at, status: r.status, late: r.due_at !== null && r.due_at < now.toISOString() }));
}

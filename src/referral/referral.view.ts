// What the back office shows of referrals: per case for the regulator, per police unit for the police,
// and which step each role may take now (the state machine and the services check again).
import { type Actor, type CaseKind, type CaseStatus, type Role, availableEvents } from '../cases/case.machine.ts';
import { appendAudit, auditEntry } from '../backoffice/audit.log.ts';
import type { Db } from '../db/database.ts';
import { clockContext, ruleOf } from '../deadlines/clock.service.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../lib/errors.ts';
import { OPEN_REFERRAL_STATUSES, POLICE_VISIBLE_STATUSES, type ReferralStatus, staffReferralSteps } from './referral.machine.ts';
import { buildDossier, type Dossier, docNumber } from './dossier.ts';
import { EXHIBIT_KINDS } from './records.service.ts';
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
  /** The copy to the procuratorate as recorded (date, means, document number), or null. */
  procuratorateCopy: { on: string; means: string; docNumber: string } | null;
  identityDisclosed: boolean;
  exhibitsHandedOverAt: string | null;
  policeUnitId: string | null;
  feedback: { outcome: string; outcomeKind: string | null; note: string | null; at: string }[];
  docNumber: string | null;
  legalBasis: string | null;
  contactName: string | null;
  contactPhone: string | null;
  policeCaseNumber: string | null;
  policeAcceptedOn: string | null;
  policeOfficer: string | null;
  declineBasis: string | null;
  exhibitsConfirmedAt: string | null;
  /** The handover list: each item handed over and the police's answer. */
  handover: HandoverLine[];
}

export interface HandoverLine {
  exhibitId: string;
  kindZh: string;
  item: string;
  quantity: string;
  keptAt: string;
  status: 'handed' | 'confirmed' | 'disputed';
  policeNote: string | null;
  handedAt: string;
  answeredAt: string | null;
}

async function handoverOf(db: Db, referralIds: string[]): Promise<Map<string, HandoverLine[]>> {
  const out = new Map<string, HandoverLine[]>();
  if (referralIds.length === 0) return out;
  const rows = await db
    .selectFrom('exhibit_handover')
    .innerJoin('exhibit_item', 'exhibit_item.id', 'exhibit_handover.exhibit_id')
    .select([
      'exhibit_handover.referral_id',
      'exhibit_handover.exhibit_id',
      'exhibit_handover.status',
      'exhibit_handover.police_note',
      'exhibit_handover.handed_at',
      'exhibit_handover.answered_at',
      'exhibit_item.kind',
      'exhibit_item.item',
      'exhibit_item.quantity',
      'exhibit_item.kept_at',
      'exhibit_item.created_at',
    ])
    .where('exhibit_handover.referral_id', 'in', referralIds)
    .orderBy('exhibit_item.created_at')
    .orderBy('exhibit_item.id')
    .execute();
  for (const r of rows) {
    const list = out.get(r.referral_id) ?? [];
    list.push({
      exhibitId: r.exhibit_id,
      kindZh: EXHIBIT_KINDS[r.kind] ?? r.kind,
      item: r.item,
      quantity: r.quantity,
      keptAt: r.kept_at,
      status: r.status,
      policeNote: r.police_note,
      handedAt: r.handed_at,
      answeredAt: r.answered_at,
    });
    out.set(r.referral_id, list);
  }
  return out;
}

export async function referralsOfCase(db: Db, caseId: string): Promise<ReferralRowView[]> {
  const rows = await db.selectFrom('referral').selectAll().where('case_id', '=', caseId).orderBy('created_at').execute();
  const feedback = rows.length
    ? await db
        .selectFrom('referral_feedback')
        .select(['referral_id', 'outcome', 'outcome_kind', 'note', 'at'])
        .where(
          'referral_id',
          'in',
          rows.map((r) => r.id),
        )
        .orderBy('at')
        .execute()
    : [];
  const handover = await handoverOf(
    db,
    rows.map((r) => r.id),
  );
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
    procuratorateCopy:
      r.procuratorate_copy_on && r.procuratorate_copy_means && r.procuratorate_copy_doc
        ? { on: r.procuratorate_copy_on, means: r.procuratorate_copy_means, docNumber: r.procuratorate_copy_doc }
        : null,
    identityDisclosed: r.identity_disclosed === 1,
    exhibitsHandedOverAt: r.exhibits_handed_over_at,
    policeUnitId: r.police_unit_id,
    feedback: feedback
      .filter((f) => f.referral_id === r.id)
      .map(({ outcome, outcome_kind, note, at }) => ({ outcome, outcomeKind: outcome_kind, note, at })),
    docNumber: docNumber(r.doc_year, r.doc_seq),
    legalBasis: r.legal_basis,
    contactName: r.contact_name,
    contactPhone: r.contact_phone,
    policeCaseNumber: r.police_case_number,
    policeAcceptedOn: r.police_accepted_on,
    policeOfficer: r.police_officer,
    declineBasis: r.decline_basis,
    exhibitsConfirmedAt: r.exhibits_confirmed_at,
    handover: handover.get(r.id) ?? [],
  }));
}

/** Staff steps on a referral, by its status and the user's role (the referral's state machine). */
export function staffSteps(role: string, r: Pick<ReferralRowView, 'status' | 'exhibitsConfirmedAt'>): string[] {
  return staffReferralSteps(role, { status: r.status, exhibitsConfirmedAt: r.exhibitsConfirmedAt });
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

/**
 * The dossier as a police officer opens it (page or letter). When it carries the reporter's identity
 * (disclosed with a recorded reason) the viewing is an audit row, like a staff member's reveal.
 */
export async function dossierForPolice(
  deps: Pick<Deps, 'db' | 'cipher' | 'clock' | 'evidence'>,
  actor: Actor,
  referralId: string,
  caseId: string,
): Promise<Dossier> {
  const d = await buildDossier(deps, referralId);
  if (d.identity) {
    const entry = auditEntry(actor, 'identity_viewed', { caseId, detail: { referralId, via: 'police_referral' } });
    await deps.db.transaction().execute((trx) => appendAudit(trx, entry, deps.clock.now()));
  }
  return d;
}

/** What the police see of one referral: its inbox line and the referral itself. */
export async function policeReferralView(
  deps: Pick<Deps, 'db' | 'clock' | 'cipher' | 'evidence'>,
  actor: Actor,
  r: { id: string; case_id: string },
): Promise<{ item: PoliceInboxItem; referral: ReferralRowView; dossier: Dossier }> {
  const referral = (await referralsOfCase(deps.db, r.case_id)).find((x) => x.id === r.id);
  if (!referral) throw new AppError('NOT_FOUND', '移送记录不存在');
  return { item: await policeInboxItem(deps, r.id, r.case_id), referral, dossier: await dossierForPolice(deps, actor, r.id, r.case_id) };
}

// Everything the case page shows, read in one place: the submitted facts, the parties (identity still
// sealed), triage labels with their reasons, flags, the timeline, running clocks and evidence. Revealing
// an identity is a separate verb (revealIdentity) that writes the audit row first.
import { type DutyView, noticeDutiesOf } from '../notices/notice-duty.ts';
import type { Deps } from '../deps.ts';
import type { Db } from '../db/database.ts';
import type { CaseEventRow, CaseRow } from '../cases/case.table.ts';
import { clockContext, ruleOf } from '../deadlines/clock.service.ts';
import type { PartyIdentity } from '../cases/intake.service.ts';
import { AppError } from '../lib/errors.ts';
import { appendAudit } from './audit.log.ts';
import { type StaffQuestionView, questionsForStaff } from '../cases/questions.service.ts';
import { caseInScope } from './case.actions.ts';
import { canSeeCase, mayRevealIdentity } from './scope.ts';
import type { StaffUser } from './session.service.ts';

export interface TriageView {
  category: string | null;
  urgency: string | null;
  suspectedCrime: boolean;
  crimeBasis: string[];
  reasons: { field: string; rule: string; evidence: string }[];
}

export interface ClockView {
  clock: string;
  name: string;
  status: string;
  dueAt: string | null;
  problem: string | null;
  extensions: number;
  pausable: readonly string[];
  extendable: boolean;
}

export interface CaseView {
  row: CaseRow;
  parties: { id: string; role: string }[];
  triage: TriageView;
  flags: string[];
  events: CaseEventRow[];
  clocks: ClockView[];
  evidence: { id: string; mime: string; size: number }[];
  related: { id: string; number: string; type: string }[];
  unitName: string | null;
  assigneeName: string | null;
  /** Questions to the citizen with their decrypted answers (the user may see the case: caseInScope). */
  questions: StaffQuestionView[];
  /** What the citizen must be told, pending first, with how and when it was done (issue #14.1). */
  duties: DutyView[];
  /** Clocks that outlive the case (rule.duty) or wait for a notice: shown on the page as open duties. */
  dutyClocks: string[];
}

const parse = <T>(s: string | null, fallback: T): T => {
  if (!s) return fallback;
  try {
    return JSON.parse(s) as T;
  } catch {
    return fallback;
  }
};

export async function loadCaseView(deps: Deps, user: StaffUser, caseId: string): Promise<CaseView> {
  const row = await caseInScope(deps, user, caseId);
  const { db } = deps;
  const [parties, events, clocks, evidence, links, unit, assignee, ctx] = await Promise.all([
    db.selectFrom('party').select(['id', 'role']).where('case_id', '=', caseId).orderBy('created_at').execute(),
    db.selectFrom('case_event').selectAll().where('case_id', '=', caseId).orderBy('at').orderBy('id').execute(),
    db
      .selectFrom('case_clock')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('status', 'in', ['running', 'paused'])
      .orderBy('clock')
      .execute(),
    db.selectFrom('evidence').select(['id', 'mime', 'size']).where('case_id', '=', caseId).orderBy('created_at').execute(),
    db
      .selectFrom('case_link')
      .innerJoin('intake_case', 'intake_case.id', 'case_link.other_case_id')
      .select(['intake_case.id', 'intake_case.number', 'case_link.type'])
      .where('case_link.case_id', '=', caseId)
      .execute(),
    row.unit_id ? db.selectFrom('unit').select('name').where('id', '=', row.unit_id).executeTakeFirst() : Promise.resolve(undefined),
    row.assignee_id
      ? db.selectFrom('staff_user').select('display_name').where('id', '=', row.assignee_id).executeTakeFirst()
      : Promise.resolve(undefined),
    clockContext(db),
  ]);
  const t = parse<{ reasons?: { field: string; rule: string; evidence: string }[] }>(row.triage, {});
  return {
    row,
    parties,
    triage: {
      category: row.category,
      urgency: row.urgency,
      suspectedCrime: row.suspected_crime === 1,
      crimeBasis: parse<string[]>(row.crime_basis, []),
      reasons: Array.isArray(t.reasons) ? t.reasons : [],
    },
    flags: parse<unknown[]>(row.flags, [])
      .map((f) => (typeof f === 'string' ? f : typeof f === 'object' && f !== null && 'text' in f ? String(f.text) : ''))
      .filter(Boolean),
    events,
    clocks: clocks.map((c) => {
      const rule = ruleOf(ctx, c);
      return {
        clock: c.clock,
        name: rule.nameZh,
        status: c.status,
        dueAt: c.due_at,
        problem: c.problem,
        extensions: c.extensions,
        pausable: rule.pausable,
        extendable: !!rule.extension && c.extensions < (rule.extension.max ?? Infinity),
      };
    }),
    evidence,
    related: links.map((l) => ({ id: l.id, number: l.number, type: l.type })),
    unitName: unit?.name ?? null,
    assigneeName: assignee?.display_name ?? null,
    questions: await questionsForStaff(deps, caseId),
    duties: await noticeDutiesOf(db, caseId),
    dutyClocks: clocks.filter((c) => ruleOf(ctx, c).duty || ruleOf(ctx, c).noticeEvents).map((c) => c.clock),
  };
}

export const PARTY_ROLE_LABELS: Record<string, string> = { complainant: '投诉人', reporter: '举报人', agent: '委托代理人' };

/**
 * Decrypts the parties' identities for someone handling the case, after writing who, when and why to the
 * audit log (the row commits before anything is decrypted). Admins and anyone out of scope get FORBIDDEN.
 */
export async function revealIdentity(
  deps: Deps,
  user: StaffUser,
  caseId: string,
  reasonTyped: unknown,
): Promise<{ role: string; identity: PartyIdentity }[]> {
  const row = await caseInScope(deps, user, caseId);
  if (!mayRevealIdentity(user, row)) throw new AppError('FORBIDDEN', '只有承办该案件的人员可以查看当事人身份信息');
  const reason = typeof reasonTyped === 'string' ? reasonTyped.trim() : '';
  if (reason.length < 4 || reason.length > 500)
    throw new AppError('VALIDATION', '请说明查看身份信息的理由（4–500 字）', [
      { path: 'reason', message: '请说明查看身份信息的理由（4–500 字）' },
    ]);
  const parties = await deps.db
    .selectFrom('party')
    .select(['id', 'role', 'representative', 'identity_enc'])
    .where('case_id', '=', caseId)
    .orderBy('created_at')
    .execute();
  await deps.db.transaction().execute((trx) =>
    appendAudit(
      trx,
      {
        actorId: user.id,
        actorRole: user.role,
        action: 'identity_viewed',
        caseId,
        detail: { reason, parties: parties.map((p) => p.id) },
      },
      deps.clock.now(),
    ),
  );
  return parties.map((p) => ({
    role: p.role,
    representative: p.representative === 1,
    identity: deps.cipher.open<PartyIdentity>(p.identity_enc, `party:${p.id}`),
  }));
}

/**
 * The case a case-scoped route works on, when the user may see it. A missing case and one out of scope
 * give the same FORBIDDEN, so ids cannot be probed.
 */
export async function scopedCase(db: Db, user: StaffUser, caseId: string) {
  const row = await db
    .selectFrom('intake_case')
    .select(['id', 'unit_id', 'assignee_id', 'status', 'kind'])
    .where('id', '=', caseId)
    .executeTakeFirst();
  if (!row || !canSeeCase(user, row)) throw new AppError('FORBIDDEN', '无权查看此案件');
  return row;
}

/** An evidence file of a case (the caller checked the case's scope): its bytes and the type sniffed at upload. */
export async function evidenceOfCase(
  deps: Pick<Deps, 'db' | 'evidence'>,
  caseId: string,
  evidenceId: string,
): Promise<{ bytes: Buffer; mime: string }> {
  const e = await deps.db
    .selectFrom('evidence')
    .select(['sha256', 'mime'])
    .where('id', '=', evidenceId)
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  if (!e) throw new AppError('NOT_FOUND', '证据文件不存在');
  return { bytes: await deps.evidence.read(e.sha256), mime: e.mime };
}

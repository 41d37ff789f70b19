// "待我处理": for each role, what waits for this person now, in the order it should be done, each row with
// its next step and due date (next-step.ts). Every list is cut to what the user may see (scope.ts).
//   handler       my cases where the citizen replied; my cases whose next step is mine; my cases waiting
//                 for the supervisor or the police (so the handler knows who must act)
//   supervisor    approvals (立案/不予立案, decisions, referrals, reconsideration, publication drafts),
//                 extensions worth approving, the unit's unassigned cases, cluster alerts
//   director      referral proposals waiting for the bureau head's decision (国务院令310 Art. 5)
//   intake_clerk  cases waiting to be routed
//   admin         the holiday calendar's horizon, cases no unit has taken, overdue counts
import { sql } from 'kysely';
import type { CaseKind, CaseStatus } from '../cases/case.machine.ts';
import type { Db } from '../db/database.ts';
import { FINISHED_STATUSES, citizenReplyPending, clockQueue, summaryOf } from './case.queries.ts';
import { type NextStep, nextStep } from './next-step.ts';
import { scopeWhere } from './scope.ts';
import type { StaffUser } from './session.service.ts';

export interface WorkItem {
  caseId: string;
  number: string;
  kind: CaseKind;
  status: CaseStatus;
  business: string | null;
  township: string | null;
  summary: string;
  urgent: boolean;
  step: NextStep | null;
  /** Where the row leads (the case page, or its publication record). */
  href: string;
  /** What the row asks for, when it is not the case's next step (e.g. 「审核公开记录」). */
  note?: string;
  repliedAt?: string | null;
}

export interface WorkSection {
  key: 'replied' | 'mine' | 'waiting' | 'approvals' | 'publication' | 'extensions' | 'unassigned' | 'routing';
  title: string;
  hint: string;
  items: WorkItem[];
}

export interface Worklist {
  sections: WorkSection[];
  dueSoon: number;
  overdue: number;
}

const LIMIT = 100;

type CaseRowLite = {
  id: string;
  number: string;
  kind: CaseKind;
  status: CaseStatus;
  business_name: string | null;
  township: string | null;
  description: string;
  urgency: string | null;
};

function baseCases(db: Db, user: StaffUser, opts: { withDuties?: boolean } = {}) {
  return (
    db
      .selectFrom('intake_case')
      .where(scopeWhere(user))
      // With withDuties, a finished case stays on the list while a duty that outlives it still runs (issue
      // #14.2): once a case is finished, every clock still running is such a duty.
      .where((eb) =>
        eb.or([
          eb('intake_case.status', 'not in', [...FINISHED_STATUSES]),
          opts.withDuties
            ? eb.exists(
                eb
                  .selectFrom('case_clock')
                  .select('case_clock.id')
                  .whereRef('case_clock.case_id', '=', 'intake_case.id')
                  .where('case_clock.status', '=', 'running'),
              )
            : sql<boolean>`1 = 0`,
        ]),
      )
      .select([
        'intake_case.id',
        'intake_case.number',
        'intake_case.kind',
        'intake_case.status',
        'intake_case.business_name',
        'intake_case.township',
        'intake_case.description',
        'intake_case.urgency',
      ])
  );
}

async function toItems(db: Db, rows: CaseRowLite[]): Promise<WorkItem[]> {
  const ids = rows.map((r) => r.id);
  const clocks = ids.length
    ? await db
        .selectFrom('case_clock')
        .select(['case_id', 'clock', 'status', 'due_at', 'problem'])
        .where('case_id', 'in', ids)
        .where('status', '=', 'running')
        .execute()
    : [];
  const byCase = new Map<string, { clock: string; status: string; dueAt: string | null; problem: string | null }[]>();
  for (const c of clocks)
    byCase.set(c.case_id, [...(byCase.get(c.case_id) ?? []), { clock: c.clock, status: c.status, dueAt: c.due_at, problem: c.problem }]);
  return rows.map((r) => ({
    caseId: r.id,
    number: r.number,
    kind: r.kind,
    status: r.status,
    business: r.business_name,
    township: r.township,
    summary: summaryOf(r.description),
    urgent: r.urgency === 'urgent',
    step: nextStep(r.kind, r.status, byCase.get(r.id) ?? []),
    href: `/staff/cases/${r.id}`,
  }));
}

/** Soonest due first; rows without a due date last; urgent before the rest at equal dates. */
function byDue(a: WorkItem, b: WorkItem): number {
  const da = a.step?.dueAt ?? '9999';
  const dbb = b.step?.dueAt ?? '9999';
  if (da !== dbb) return da < dbb ? -1 : 1;
  return Number(b.urgent) - Number(a.urgent);
}

const SUPERVISOR_STATUSES = ['verifying', 'case_opened', 'decided', 'referral_proposed', 'police_declined'] as const;

export async function worklistFor(db: Db, user: StaffUser, now: Date): Promise<Worklist> {
  const sections: WorkSection[] = [];
  const role = user.role;
  if (role === 'handler') {
    const replied = await toItems(
      db,
      await baseCases(db, user).where('intake_case.assignee_id', '=', user.id).where(citizenReplyPending).limit(LIMIT).execute(),
    );
    sections.push({ key: 'replied', title: '群众已回复', hint: '群众回复了您提出的问题；查看后在案件中记录下一步。', items: replied });
    const mine = await toItems(
      db,
      await baseCases(db, user, { withDuties: true })
        .where('intake_case.assignee_id', '=', user.id)
        .orderBy('intake_case.received_at')
        .limit(500)
        .execute(),
    );
    sections.push({
      key: 'mine',
      title: '待我办理',
      hint: '分派给您、下一步由承办人完成的案件，按到期时间排序。',
      items: mine.filter((i) => i.step?.who === 'handler').sort(byDue),
    });
    sections.push({
      key: 'waiting',
      title: '等待所长或公安机关',
      hint: '您承办的案件，下一步须由所长审批或公安机关决定；如已逾期，请提醒。',
      items: mine
        .filter((i) => i.step && (i.step.who === 'supervisor' || i.step.who === 'director' || i.step.who === 'police'))
        .sort(byDue),
    });
  }
  if (role === 'supervisor') {
    const approvals = await toItems(
      db,
      await baseCases(db, user)
        .where('intake_case.status', 'in', [...SUPERVISOR_STATUSES])
        .orderBy('intake_case.received_at')
        .limit(LIMIT)
        .execute(),
    );
    sections.push({
      key: 'approvals',
      title: '待我审批',
      hint: '立案或不予立案、处理决定、移送公安审批、提请复议：须由所长（负责人）作出。',
      items: approvals.filter((i) => i.step?.who === 'supervisor').sort(byDue),
    });
    const drafts = await baseCases(db, user)
      .innerJoin('disposition', 'disposition.case_id', 'intake_case.id')
      .where('disposition.status', '=', 'draft')
      .orderBy('disposition.created_at')
      .limit(LIMIT)
      .execute();
    sections.push({
      key: 'publication',
      title: '待审核公开',
      hint: '处理结果公开记录的草稿：审核后公开（匿名化文本请逐条核对）。',
      items: (await toItems(db, drafts)).map((i) => ({ ...i, href: `/staff/cases/${i.caseId}/disposition`, note: '审核并公开处理结果' })),
    });
    const soon = new Date(now.getTime() + 5 * 86_400_000).toISOString();
    const extendable = await baseCases(db, user)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('case_clock')
            .select('case_clock.id')
            .whereRef('case_clock.case_id', '=', 'intake_case.id')
            .where('case_clock.status', '=', 'running')
            .where('case_clock.clock', 'in', ['D4', 'D5'])
            .where('case_clock.extensions', '=', 0)
            .where('case_clock.due_at', '<=', soon),
        ),
      )
      .limit(LIMIT)
      .execute();
    sections.push({
      key: 'extensions',
      title: '期限将届满（可批准延长）',
      hint: '核查（D4）或处理决定（D5）期限五日内届满、尚未延长：情况复杂的，可由负责人批准延长一次。',
      items: (await toItems(db, extendable)).map((i) => ({ ...i, note: '考虑批准延长期限' })).sort(byDue),
    });
  }
  if (role === 'supervisor' || role === 'admin') {
    const unassigned = await toItems(
      db,
      await baseCases(db, user)
        .where('intake_case.assignee_id', 'is', null)
        .where('intake_case.unit_id', 'is not', null)
        .orderBy(sql`case when intake_case.urgency_rank is null then 9 else intake_case.urgency_rank end`)
        .orderBy('intake_case.received_at')
        .limit(LIMIT)
        .execute(),
    );
    sections.push({
      key: 'unassigned',
      title: '待分派',
      hint: '已到本单位、尚无承办人的案件：请分派承办人。',
      items: unassigned.map((i) => ({ ...i, note: '分派承办人' })).sort(byDue),
    });
  }
  if (role === 'director') {
    const proposals = await toItems(
      db,
      await baseCases(db, user)
        .where('intake_case.status', '=', 'referral_proposed')
        .orderBy('intake_case.received_at')
        .limit(LIMIT)
        .execute(),
    );
    sections.push({
      key: 'approvals',
      title: '待我审批移送',
      hint: '执法人员提出的移送涉嫌犯罪案件：须在3日内批准或不批准（本人提出的移送不能由本人审批）。',
      items: proposals.sort(byDue),
    });
  }
  if (role === 'intake_clerk' || role === 'admin') {
    const routing = await toItems(
      db,
      await baseCases(db, user)
        .where('intake_case.status', 'in', ['received', 'triaged', 'awaiting_routing'])
        .orderBy(sql`case when intake_case.urgency_rank is null then 9 else intake_case.urgency_rank end`)
        .orderBy('intake_case.received_at')
        .limit(LIMIT)
        .execute(),
    );
    sections.push({
      key: 'routing',
      title: '待人工分派单位',
      hint: '系统无法自动确定承办单位的案件：请判断地点后分派。',
      items: routing.sort(byDue),
    });
  }
  const [soonQ, lateQ] = await Promise.all([clockQueue(db, user, 'due_soon', 1, now), clockQueue(db, user, 'overdue', 1, now)]);
  return { sections, dueSoon: soonQ.total, overdue: lateQ.total };
}

// The back office's lists of cases: my cases, my unit's unassigned queue, due soon, overdue, and a search
// with filters and sorting. Every list is cut to what the user may see (scope.ts) in SQL, paginated, and
// counted. The next running due time comes with each row so urgent and late cases can stand out.
import { type ExpressionBuilder, type RawBuilder, sql } from 'kysely';
import { z } from 'zod';
import { CASE_KINDS, STATUSES } from '../cases/case.machine.ts';
import type { Db } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { dueSoon, overdue } from '../deadlines/clock.queries.ts';
import { clockContext } from '../deadlines/clock.service.ts';
import { CATEGORIES, TOWNSHIPS, URGENCIES } from '../triage/triage.ts';
import { PROVISIONAL } from './next-step.ts';
import { canSeeCase, scopeWhere } from './scope.ts';
import type { StaffUser } from './session.service.ts';

export const PAGE_SIZE = 25;

/** Statuses that no longer need work (finished or folded into another case). */
export const FINISHED_STATUSES = [
  'closed',
  'duplicate',
  'merged',
  'published',
  'transferred_out',
  'refused',
  'not_opened',
  'answered',
] as const;

export const SORTS = ['due', 'urgency', 'received_desc', 'received_asc'] as const;
export type Sort = (typeof SORTS)[number];

const empty = (v: unknown) => (v === '' ? undefined : v);
const opt = <T extends z.ZodType>(s: T) => z.preprocess(empty, s.optional());

/** Query-string filters (everything optional; unknown values are a validation error, not ignored). */
export const SearchSchema = z.object({
  status: opt(z.enum(STATUSES)),
  kind: opt(z.enum(CASE_KINDS)),
  category: opt(z.enum(CATEGORIES)),
  urgency: opt(z.enum(URGENCIES)),
  township: opt(z.enum(TOWNSHIPS)),
  q: opt(z.string().trim().max(100)),
  open: opt(z.enum(['1', '0'])),
  sort: z.preprocess(empty, z.enum(SORTS).default('due')),
  page: z.preprocess(empty, z.coerce.number().int().min(1).max(100000).default(1)),
});
export type SearchFilter = z.infer<typeof SearchSchema>;

export interface CaseListItem {
  id: string;
  number: string;
  kind: string;
  status: string;
  category: string | null;
  urgency: string | null;
  township: string | null;
  unitId: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  receivedAt: string;
  nextDue: string | null;
  /** A clock passed its due time (flag on the case, or a running clock already late). */
  overdue: boolean;
  /** The business named in the submission, if any. */
  business: string | null;
  /** The first words of the description, on one line. */
  summary: string;
  suspectedCrime: boolean;
  /** The citizen answered a question and no staff step followed yet. */
  citizenReplied: boolean;
  /** Linked to other cases (duplicate, merged, same business) or part of a cluster alert. */
  related: boolean;
  /** The next due date is provisional (next year's holidays not entered yet). */
  dueProvisional: boolean;
}

/** The first words of a description on one line (queues, 待我处理). */
export function summaryOf(description: string, max = 40): string {
  const one = description.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max)}…` : one;
}

export interface CasePage {
  items: CaseListItem[];
  total: number;
  page: number;
  pages: number;
}

const STAFF_ACTOR_ROLES = ['intake_clerk', 'handler', 'supervisor', 'admin'] as const;

/** Exists: an answer of the citizen that no staff step on the case followed yet. */
export function citizenReplyPending(eb: ExpressionBuilder<Database, 'intake_case'>) {
  return eb.exists(
    eb
      .selectFrom('case_question as cq')
      .select('cq.id')
      .whereRef('cq.case_id', '=', 'intake_case.id')
      .where('cq.answered_at', 'is not', null)
      .where((e) =>
        e.not(
          e.exists(
            e
              .selectFrom('case_event as ce')
              .select('ce.id')
              .whereRef('ce.case_id', '=', 'cq.case_id')
              .where('ce.actor_role', 'in', [...STAFF_ACTOR_ROLES])
              .whereRef('ce.at', '>', 'cq.answered_at'),
          ),
        ),
      ),
  );
}

export type QueueName = 'mine' | 'unassigned' | 'search';

/**
 * The due-time sort key: intake_case.next_due_at (kept by the clock path, deadlines/next-due.ts) with no
 * running clock last. The same expression is indexed (migration 20261206_0901), so the queues read in order.
 */
const DUE_KEY = sql`coalesce(intake_case.next_due_at, '9999-12-31T23:59:59.999Z')`;

/** The filtered, scoped query behind a list (and its CSV export). */
function filtered(db: Db, user: StaffUser, queue: QueueName, f: SearchFilter) {
  let q = db.selectFrom('intake_case').where(scopeWhere(user));
  if (queue === 'mine') q = q.where('intake_case.assignee_id', '=', user.id);
  if (queue === 'unassigned') q = q.where('intake_case.assignee_id', 'is', null);
  if (queue !== 'search' || f.open === '1') q = q.where('intake_case.status', 'not in', [...FINISHED_STATUSES]);
  if (f.status) q = q.where('intake_case.status', '=', f.status);
  if (f.kind) q = q.where('intake_case.kind', '=', f.kind);
  if (f.category) q = q.where('intake_case.category', '=', f.category);
  if (f.urgency) q = q.where('intake_case.urgency', '=', f.urgency);
  if (f.township) q = q.where('intake_case.township', '=', f.township);
  if (f.q) {
    const text = f.q;
    // Case numbers match exactly; otherwise the description and business name (LIKE wildcards stripped).
    const like = `%${text.replace(/[%_\\]/g, '')}%`;
    q = q.where((eb) =>
      eb.or([
        eb('intake_case.number', '=', text.toUpperCase()),
        eb('intake_case.description', 'like', like),
        eb('intake_case.business_name', 'like', like),
      ]),
    );
  }
  return q;
}

/** The list's order, ties broken by newest first, then id (NULLs last on both databases: explicit expressions). */
const ORDER: Record<Sort, RawBuilder<unknown>[]> = {
  due: [DUE_KEY],
  urgency: [sql`case when intake_case.urgency_rank is null then 9 else intake_case.urgency_rank end`],
  received_asc: [sql`intake_case.received_at asc`],
  received_desc: [sql`intake_case.received_at desc`],
};
const TIES = [sql`intake_case.received_at desc`, sql`intake_case.id`];

function withColumns(q: ReturnType<typeof filtered>, sort: Sort) {
  let list = q.leftJoin('staff_user', 'staff_user.id', 'intake_case.assignee_id').select((eb) => [
    'intake_case.id',
    'intake_case.number',
    'intake_case.kind',
    'intake_case.status',
    'intake_case.category',
    'intake_case.urgency',
    'intake_case.township',
    'intake_case.unit_id',
    'intake_case.assignee_id',
    'intake_case.received_at',
    'intake_case.overdue',
    'staff_user.display_name as assignee_name',
    'intake_case.business_name',
    'intake_case.suspected_crime',
    sql<string>`substr(intake_case.description, 1, 80)`.as('description_head'),
    'intake_case.next_due_at as next_due',
    eb
      .selectFrom('case_clock')
      .select((e) => e.fn.count<string | number>('case_clock.id').as('p'))
      .whereRef('case_clock.case_id', '=', 'intake_case.id')
      .where('case_clock.status', '=', 'running')
      .where('case_clock.problem', '=', PROVISIONAL)
      .as('provisional_clocks'),
    eb.case().when(citizenReplyPending(eb)).then(1).else(0).end().as('citizen_replied'),
    eb
      .case()
      .when(
        eb.or([
          eb.exists(eb.selectFrom('case_link').select('case_link.case_id').whereRef('case_link.case_id', '=', 'intake_case.id')),
          eb.exists(
            eb
              .selectFrom('hotspot_alert_case')
              .select('hotspot_alert_case.case_id')
              .whereRef('hotspot_alert_case.case_id', '=', 'intake_case.id'),
          ),
        ]),
      )
      .then(1)
      .else(0)
      .end()
      .as('related'),
  ]);
  for (const o of [...ORDER[sort], ...TIES]) list = list.orderBy(o);
  return list;
}

type ListRow = Awaited<ReturnType<ReturnType<typeof withColumns>['execute']>>[number];

function toItem(r: ListRow, nowIso: string): CaseListItem {
  return {
    id: r.id,
    number: r.number,
    kind: r.kind,
    status: r.status,
    category: r.category,
    urgency: r.urgency,
    township: r.township,
    unitId: r.unit_id,
    assigneeId: r.assignee_id,
    assigneeName: r.assignee_name,
    receivedAt: r.received_at,
    nextDue: r.next_due ?? null,
    overdue: r.overdue === 1 || (r.next_due != null && r.next_due < nowIso),
    business: r.business_name,
    summary: summaryOf(r.description_head ?? ''),
    suspectedCrime: r.suspected_crime === 1,
    citizenReplied: Number(r.citizen_replied) === 1,
    related: Number(r.related) === 1,
    dueProvisional: Number(r.provisional_clocks ?? 0) > 0,
  };
}

/**
 * One page of a list: the page's ids first (an index walk, skipped rows cost no subqueries and no row
 * reads), then the columns of those rows only, returned in the same order.
 */
async function pageRows(q: ReturnType<typeof filtered>, sort: Sort, limit: number, offset: number): Promise<ListRow[]> {
  let idq = q.select('intake_case.id');
  for (const o of [...ORDER[sort], ...TIES]) idq = idq.orderBy(o);
  const ids = (await idq.limit(limit).offset(offset).execute()).map((r) => r.id);
  if (!ids.length) return [];
  const rows = await withColumns(q.where('intake_case.id', 'in', ids), sort).execute();
  const at = new Map(ids.map((id, i) => [id, i]));
  return rows.sort((a, b) => (at.get(a.id) ?? 0) - (at.get(b.id) ?? 0));
}

export async function listCases(db: Db, user: StaffUser, queue: QueueName, f: SearchFilter, now: Date): Promise<CasePage> {
  const q = filtered(db, user, queue, f);
  const countRow = await q.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirst();
  const total = Number(countRow?.n ?? 0);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(f.page, pages);

  const rows = await pageRows(q, f.sort, PAGE_SIZE, (page - 1) * PAGE_SIZE);
  const nowIso = now.toISOString();
  const items = rows.map((r) => toItem(r, nowIso));
  return { items, total, page, pages };
}

/** At most this many rows per export (a larger one should be narrowed by filters). */
export const EXPORT_MAX = 50_000;

/** Every matching case (up to EXPORT_MAX) for the CSV export, in the chosen order, read in pages. */
export async function* exportCases(db: Db, user: StaffUser, f: SearchFilter, now: Date): AsyncGenerator<CaseListItem> {
  const nowIso = now.toISOString();
  for (let offset = 0; offset < EXPORT_MAX; offset += 1000) {
    const rows = await pageRows(filtered(db, user, 'search', f), f.sort, Math.min(1000, EXPORT_MAX - offset), offset);
    for (const r of rows) yield toItem(r, nowIso);
    if (rows.length < 1000) return;
  }
}

export interface ClockQueueItem {
  caseId: string;
  number: string;
  clock: string;
  dueAt: string;
  urgency: string | null;
  assigneeId: string | null;
  business: string | null;
  township: string | null;
  summary: string;
  provisional: boolean;
}

/** Due soon (within 2 working days) or overdue running clocks, cut to the user's scope, paginated. */
export async function clockQueue(
  db: Db,
  user: StaffUser,
  which: 'due_soon' | 'overdue',
  pageNo: number,
  now: Date,
): Promise<{ items: ClockQueueItem[]; total: number; page: number; pages: number }> {
  const scope = user.role === 'admin' || user.role === 'intake_clerk' || !user.unit_id ? {} : { unitId: user.unit_id };
  const raw = which === 'due_soon' ? await dueSoon(db, await clockContext(db), now, scope) : await overdue(db, now, scope);
  // Only an intake clerk's scope depends on the case's status: read statuses for that role alone.
  const statuses = new Map<string, string>();
  if (user.role === 'intake_clerk') {
    const ids = [...new Set(raw.map((r) => r.caseId))];
    for (let i = 0; i < ids.length; i += 500)
      for (const r of await db
        .selectFrom('intake_case')
        .select(['id', 'status'])
        .where('id', 'in', ids.slice(i, i + 500))
        .execute())
        statuses.set(r.id, r.status);
  }
  const visible = raw.filter((r) =>
    canSeeCase(user, { unit_id: r.unitId, assignee_id: r.assigneeId, status: statuses.get(r.caseId) ?? '' }),
  );
  const total = visible.length;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(Math.max(1, pageNo), pages);
  const shown = visible.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  // Business, township and summary for the rows shown only.
  const subjects = new Map<string, { business: string | null; township: string | null; summary: string }>();
  const shownIds = [...new Set(shown.map((r) => r.caseId))];
  if (shownIds.length)
    for (const r of await db
      .selectFrom('intake_case')
      .select(['id', 'business_name', 'township', sql<string>`substr(description, 1, 80)`.as('head')])
      .where('id', 'in', shownIds)
      .execute())
      subjects.set(r.id, { business: r.business_name, township: r.township, summary: summaryOf(r.head ?? '') });
  const items = shown.map((r) => ({
    caseId: r.caseId,
    number: r.number,
    clock: r.clock,
    dueAt: r.dueAt,
    urgency: r.urgency,
    assigneeId: r.assigneeId,
    business: subjects.get(r.caseId)?.business ?? null,
    township: subjects.get(r.caseId)?.township ?? null,
    summary: subjects.get(r.caseId)?.summary ?? '',
    provisional: r.problem === PROVISIONAL,
  }));
  return { items, total, page, pages };
}

// What /metrics reads from the database at each scrape: the outbox backlog (rows not yet handed to
// BullMQ, and the age of the oldest), running and overdue statutory clocks, clocks with no due date
// (past the holiday calendar), and open cases per kind. Index-backed counts (outbox_pending_idx, the
// clock table's status index, intake_case status).
import type { Db } from '../db/database.ts';

export interface DbGauges {
  outboxPending: number;
  outboxOldestSeconds: number;
  clocksRunning: number;
  clocksOverdue: number;
  clocksWithoutDueDate: number;
  openCasesByKind: Record<string, number>;
  /** Overdue running clocks per unit ('' for clocks of cases not yet routed). */
  clocksOverdueByUnit: Record<string, number>;
  /** Cases received per channel since the database began (a counter). */
  casesByChannel: Record<string, number>;
  /** Citizen notices per status (pending, delivered, failed). */
  noticesByStatus: Record<string, number>;
  /** Edge outbox rows not delivered: waiting (edge not reached yet) and refused (by the edge, kept aside). */
  edgeOutbox: { waiting: number; refused: number };
}

const CLOSED = ['closed', 'duplicate', 'merged', 'published', 'transferred_out'] as const;

export async function dbGauges(db: Db, now: Date): Promise<DbGauges> {
  const at = now.toISOString();
  const outbox = await db
    .selectFrom('outbox')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('created_at').as('oldest')])
    .where('sent_at', 'is', null)
    .executeTakeFirst();
  const running = await db
    .selectFrom('case_clock')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'running')
    .executeTakeFirst();
  const overdue = await db
    .selectFrom('case_clock')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'running')
    .where('due_at', '<', at)
    .executeTakeFirst();
  const noDue = await db
    .selectFrom('case_clock')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'running')
    // Beyond the holiday calendar: no date, or a provisional one (weekends only, shown as 暂定).
    .where((eb) => eb.or([eb('due_at', 'is', null), eb('problem', '=', 'calendar_provisional')]))
    .executeTakeFirst();
  const byKind = await db
    .selectFrom('intake_case')
    .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', 'not in', CLOSED)
    .groupBy('kind')
    .execute();
  const overdueByUnit = await db
    .selectFrom('case_clock')
    .select(['unit_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', '=', 'running')
    .where('due_at', '<', at)
    .groupBy('unit_id')
    .execute();
  const byChannel = await db
    .selectFrom('intake_case')
    .select(['channel', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('channel')
    .execute();
  const notices = await db
    .selectFrom('citizen_notice')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute();
  const edge = await db
    .selectFrom('edge_outbox')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.count<number>('refused_at').as('refused')])
    .where('delivered_at', 'is', null)
    .executeTakeFirst();
  const oldest = outbox?.oldest ? Date.parse(String(outbox.oldest)) : Number.NaN;
  return {
    edgeOutbox: { waiting: Number(edge?.n ?? 0) - Number(edge?.refused ?? 0), refused: Number(edge?.refused ?? 0) },
    outboxPending: Number(outbox?.n ?? 0),
    outboxOldestSeconds: Number.isFinite(oldest) ? Math.max(0, (now.getTime() - oldest) / 1000) : 0,
    clocksRunning: Number(running?.n ?? 0),
    clocksOverdue: Number(overdue?.n ?? 0),
    clocksWithoutDueDate: Number(noDue?.n ?? 0),
    openCasesByKind: Object.fromEntries(byKind.map((r) => [r.kind, Number(r.n)])),
    clocksOverdueByUnit: Object.fromEntries(overdueByUnit.map((r) => [r.unit_id ?? '', Number(r.n)])),
    casesByChannel: Object.fromEntries(byChannel.map((r) => [r.channel, Number(r.n)])),
    noticesByStatus: Object.fromEntries(notices.map((r) => [r.status, Number(r.n)])),
  };
}

// Statutory clocks on cases. The database is the source of truth: each clock row holds its start, its
// pauses and extensions and the due time computed from them. Transitions start, stop, pause, extend and
// restart clocks (onCaseEvent, inside the transition's transaction). Alarms (reminders before the due
// time, an escalation when it passes) are delayed BullMQ jobs, made lazily (issue #21.2): a transition
// hands over through the outbox only the alarms due within ALARM_LEAD_MS; the reconcile job (every
// minute) makes the others' jobs as they come within that lead, fires any whose time passed without
// one, and re-creates any that went missing. Most alarms (days away) never become jobs: the clock stops
// first. A job is only an alarm clock — the alarm processor re-checks the row before it acts.
import { uuidv7 } from '../lib/ids.ts';
import type { CaseKind, CaseStatus, TransitionEvent } from '../cases/case.machine.ts';
import type { Db, Trx } from '../db/database.ts';
import { compiledOnce } from '../db/compiled-once.ts';
import type { CaseClockTable } from './clock.table.ts';
import { AppError } from '../lib/errors.ts';
import { type OutboxRowToWrite, enqueueRowsIn, outboxRow } from '../workflow/outbox.ts';
import { CalendarHorizonError, type CalendarDay, WorkingCalendar } from './calendar.ts';
import { syncNextDue } from './next-due.ts';
import { type Pause, computeDue, reminderTimes } from './compute.ts';
import { CLOCK_IDS, type ClockId, type ClockRule, NOTICE_GIVEN, RULES, type RuleSettings, type RuleVersion, getRule } from './rules.ts';

/** Which kind of case each clock belongs to. */
export const CLOCK_KIND: Record<ClockId, CaseKind> = {
  D1: 'complaint',
  D2: 'complaint',
  D3: 'complaint',
  D4: 'report',
  D5: 'report',
  D6: 'report',
  D7: 'report',
  D8: 'report',
  D9: 'report',
  D10: 'report',
  D11: 'report',
  D12: 'report',
  D13: 'report',
  D14: 'report',
  D15: 'report',
};

/**
 * Reaching one of these ends the handling clocks of the case, not its duties (issue #14.2): a duty clock
 * (rule.duty) and a clock waiting for its notice to the citizen keep running.
 */
const FINAL_STATUSES: readonly CaseStatus[] = ['closed', 'duplicate', 'merged', 'transferred_out'];

/** Events by which a case comes back from the police: the clocks paused for the referral run again. */
const POLICE_RETURN_EVENTS: readonly string[] = ['return_to_admin'];

/** Whether a clock ended by being met (its own stop event or its notice), as compliance counts it. */
export function clockMet(rule: ClockRule, stopEvent: string | null): boolean {
  return stopEvent !== null && rule.stopEvents.includes(stopEvent);
}

/**
 * Stops a running or paused clock of a case because its notice was delivered or recorded (NOTICE_GIVEN),
 * inside the caller's transaction. Returns whether a clock stopped.
 */
export async function stopClockOnNotice(trx: Trx, caseId: string, clock: ClockId, now: Date): Promise<boolean> {
  const at = now.toISOString();
  const r = await trx
    .updateTable('case_clock')
    .set({ status: 'stopped', stopped_at: at, stop_event: NOTICE_GIVEN, updated_at: at })
    .where('case_id', '=', caseId)
    .where('clock', '=', clock)
    .where('status', 'in', ['running', 'paused'])
    .executeTakeFirst();
  const stopped = Number(r.numUpdatedRows) > 0;
  if (stopped) await syncNextDue(trx, [caseId]);
  return stopped;
}

export interface ClockSettings {
  rules: RuleSettings;
  remindDaysBefore: number;
  remindAtHour: number;
}

export interface ClockContext {
  calendar: WorkingCalendar;
  settings: ClockSettings;
}

export type ClockRow = CaseClockTable;

export interface Alarm {
  clockId: string;
  kind: 'remind' | 'escalate';
  fireAt: string;
}

let cached: { until: number; ctx: ClockContext } | null = null;

/** Calendar and settings from the database, cached for 30 s (admins' edits reach every process within that). */
export async function clockContext(db: Db): Promise<ClockContext> {
  if (cached && cached.until > Date.now()) return cached.ctx;
  const [days, settings] = await Promise.all([
    db.selectFrom('calendar_day').selectAll().execute(),
    db.selectFrom('app_setting').selectAll().execute(),
  ]);
  const s = new Map(settings.map((r) => [r.key, r.value]));
  const num = (k: string, d: number) => {
    const v = Number(s.get(k));
    return Number.isFinite(v) ? v : d;
  };
  const ctx: ClockContext = {
    calendar: new WorkingCalendar(days as CalendarDay[], num('calendar.first_year', 2004), num('calendar.last_year', 2026)),
    settings: {
      rules: { d8Length: num('rules.d8_length', 3), d11Length: num('rules.d11_length', 20), d15Length: num('rules.d15_length', 30) },
      remindDaysBefore: num('reminders.days_before', 2),
      remindAtHour: num('reminders.at_hour', 9),
    },
  };
  cached = { until: Date.now() + 30_000, ctx };
  return ctx;
}

export function invalidateClockContext(): void {
  cached = null;
}

export function ruleOf(ctx: ClockContext, row: Pick<ClockRow, 'rule_version' | 'clock'>): ClockRule {
  return getRule(row.rule_version, row.clock, ctx.settings.rules);
}

function pausesOf(row: Pick<ClockRow, 'pauses'>): Pause[] {
  return (JSON.parse(row.pauses) as { from: string; to: string | null; reason?: string }[]).map((p) => ({
    from: new Date(p.from),
    to: p.to ? new Date(p.to) : null,
    ...(p.reason ? { reason: p.reason } : {}),
  }));
}

/** case_clock.problem of a due date computed without the next year's holidays (weekends only): shown as 暂定. */
export const PROVISIONAL_PROBLEM = 'calendar_provisional';

const provisionalCalendars = new WeakMap<WorkingCalendar, WorkingCalendar>();
/**
 * The calendar stretched two years past its last known year, counting only weekends as days off there.
 * Never used silently: a due date computed with it is marked provisional (domain.md, "Counting periods"),
 * and is recomputed once the State Council's notice for the year is entered (calendar.admin.ts).
 * A provisional date is never later than the real one (holidays only push a due date later).
 */
export function provisionalCalendar(calendar: WorkingCalendar): WorkingCalendar {
  let p = provisionalCalendars.get(calendar);
  if (!p) {
    p = new WorkingCalendar(calendar.days(), calendar.firstYear, calendar.lastYear + 2);
    provisionalCalendars.set(calendar, p);
  }
  return p;
}

/** Due time of a clock from its row; provisional past the calendar's horizon; null with a problem when it cannot be computed. */
export function dueOf(
  ctx: ClockContext,
  row: Pick<ClockRow, 'rule_version' | 'clock' | 'started_at' | 'pauses' | 'extensions'>,
): { dueAt: string | null; paused: boolean; problem: string | null } {
  const rule = ruleOf(ctx, row);
  try {
    const r = computeDue(rule, new Date(row.started_at), ctx.calendar, { pauses: pausesOf(row), extensions: row.extensions });
    return r.paused ? { dueAt: null, paused: true, problem: null } : { dueAt: r.due.toISOString(), paused: false, problem: null };
  } catch (e) {
    if (!(e instanceof CalendarHorizonError)) throw e;
  }
  try {
    const r = computeDue(rule, new Date(row.started_at), provisionalCalendar(ctx.calendar), {
      pauses: pausesOf(row),
      extensions: row.extensions,
    });
    return r.paused
      ? { dueAt: null, paused: true, problem: null }
      : { dueAt: r.due.toISOString(), paused: false, problem: PROVISIONAL_PROBLEM };
  } catch (e) {
    if (e instanceof CalendarHorizonError) return { dueAt: null, paused: false, problem: 'calendar_horizon' };
    throw e;
  }
}

/** The alarms of a running clock: reminders before the due time and the escalation at it. */
export function alarmsFor(
  ctx: ClockContext,
  row: Pick<ClockRow, 'id' | 'rule_version' | 'clock' | 'started_at' | 'due_at' | 'status'>,
): Alarm[] {
  if (row.status !== 'running' || !row.due_at) return [];
  const rule = ruleOf(ctx, row);
  const due = new Date(row.due_at);
  let reminders: Date[] = [];
  try {
    reminders = reminderTimes(rule, due, ctx.calendar, {
      daysBefore: ctx.settings.remindDaysBefore,
      atHour: ctx.settings.remindAtHour,
      startedAt: new Date(row.started_at),
    });
  } catch (e) {
    if (!(e instanceof CalendarHorizonError)) throw e;
  }
  return [
    ...reminders.map((t) => ({ clockId: row.id, kind: 'remind' as const, fireAt: t.toISOString() })),
    { clockId: row.id, kind: 'escalate', fireAt: row.due_at },
  ];
}

/**
 * How far ahead an alarm becomes a delayed BullMQ job. Further out it lives only in the clock row: the
 * reconcile job (every minute) makes its job once it comes within this lead, so a reconcile run late by
 * several minutes still leaves every alarm's job in Redis before its time.
 */
export const ALARM_LEAD_MS = 15 * 60_000;

/** The alarms due within the lead (or already due): those a transition hands over at once. */
export function nearAlarms(alarms: readonly Alarm[], now: Date): Alarm[] {
  const until = now.getTime() + ALARM_LEAD_MS;
  return alarms.filter((a) => Date.parse(a.fireAt) <= until);
}

/** Deterministic BullMQ job id of an alarm (no ':' allowed). */
export function alarmJobId(a: Alarm): string {
  return `alarm-${a.clockId}-${a.kind}-${Date.parse(a.fireAt)}`;
}

/** The outbox row of an alarm: a delayed clock.alarm job with its deterministic id. */
function alarmJob(a: Alarm, caseId: string, at: string): OutboxRowToWrite {
  return outboxRow(
    'clock.alarm',
    { clockId: a.clockId, kind: a.kind, fireAt: a.fireAt },
    { caseId, at, runAt: a.fireAt, jobId: alarmJobId(a) },
  );
}

const runningClocksOf = compiledOnce((db, p: { caseId: string }) =>
  db.selectFrom('case_clock').selectAll().where('case_id', '=', p.caseId).where('status', '=', 'running'),
);

/**
 * Writes outbox rows for the near alarms (nearAlarms) of a case's running clocks, once a new case is
 * picked up; returns how many.
 */
export async function scheduleCaseAlarms(trx: Trx, ctx: ClockContext, caseId: string, now: Date): Promise<number> {
  const running = await runningClocksOf.rows(trx, { caseId });
  const alarms = nearAlarms(
    running.flatMap((r) => alarmsFor(ctx, r)),
    now,
  );
  await enqueueRowsIn(
    trx,
    alarms.map((a) => alarmJob(a, caseId, now.toISOString())),
  );
  return alarms.length;
}

/** A new running clock row (not yet written). */
export function newClock(
  ctx: ClockContext,
  caseId: string,
  clock: ClockId,
  version: RuleVersion,
  startedAt: Date,
  unitId: string | null = null,
): ClockRow {
  const at = startedAt.toISOString();
  const base = { id: uuidv7(), case_id: caseId, clock, rule_version: version, started_at: at, pauses: '[]', extensions: 0 };
  const d = dueOf(ctx, base);
  return {
    ...base,
    due_at: d.dueAt,
    status: 'running',
    stopped_at: null,
    stop_event: null,
    overdue_at: null,
    problem: d.problem,
    unit_id: unitId,
    created_at: at,
    updated_at: at,
  };
}

/** Rules of a version that a given event starts (or restarts) for a case kind. */
export function rulesStartedBy(
  version: RuleVersion,
  kind: CaseKind,
  event: string,
  settings: RuleSettings,
): { rule: ClockRule; restart: boolean }[] {
  return RULES[version]
    .filter((r) => CLOCK_KIND[r.id] === kind)
    .flatMap((r): { rule: ClockRule; restart: boolean }[] => {
      if (r.startEvent === event) return [{ rule: getRule(version, r.id, settings), restart: false }];
      if (r.restartEvents?.includes(event)) return [{ rule: getRule(version, r.id, settings), restart: true }];
      return [];
    });
}

/** Events that change clocks by themselves: pause, resume and extensions, a return from the police. */
const CLOCK_EVENTS: ReadonlySet<string> = new Set([
  'pause_clock',
  'resume_clock',
  'extend_clock',
  'police_extend',
  ...POLICE_RETURN_EVENTS,
]);

/** Every event some rule of some version starts, restarts or stops a clock on. */
const RULE_EVENTS: ReadonlySet<string> = new Set(
  Object.values(RULES).flatMap((rules) => rules.flatMap((r) => [r.startEvent, ...(r.restartEvents ?? []), ...r.stopEvents])),
);

/**
 * Whether an event can touch a case's clocks at all: a clock event, an event named by a rule, or the
 * entry into a final status. Any other (triage, routing, assignment, a comment) leaves every clock as it
 * is, so onCaseEvent need not even read them.
 */
export function eventMovesClocks(event: { type: string; fromStatus?: CaseStatus | null; toStatus: CaseStatus }): boolean {
  return (
    CLOCK_EVENTS.has(event.type) ||
    RULE_EVENTS.has(event.type) ||
    (FINAL_STATUSES.includes(event.toStatus) && event.fromStatus !== event.toStatus)
  );
}

/**
 * Applies an event's effect on the clocks of a case, inside the transition's transaction.
 * Start/restart/stop follow the rule table; pause/resume/extend come from their own events.
 * Returns whether a clock row was written (the case's next_due_at was then recomputed).
 */
export async function onCaseEvent(
  trx: Trx,
  ctx: ClockContext,
  c: { id: string; kind: CaseKind; rule_version: RuleVersion; unit_id: string | null; anonymous?: boolean },
  event: { type: TransitionEvent; fromStatus?: CaseStatus | null; toStatus: CaseStatus; data: Record<string, unknown> | null },
  now: Date,
): Promise<boolean> {
  if (!eventMovesClocks(event)) return false;
  const at = now.toISOString();
  const version = c.rule_version;
  const active = await trx
    .selectFrom('case_clock')
    .selectAll()
    .where('case_id', '=', c.id)
    .where('status', 'in', ['running', 'paused'])
    .execute();
  const alarms: Alarm[] = [];
  let changed = false; // any clock written: the case's next_due_at follows in this transaction
  const stop = async (row: ClockRow, why: string) => {
    changed = true;
    await trx
      .updateTable('case_clock')
      .set({ status: 'stopped', stopped_at: at, stop_event: why, updated_at: at })
      .where('id', '=', row.id)
      .execute();
  };

  if (event.type === 'pause_clock' || event.type === 'resume_clock' || event.type === 'extend_clock' || event.type === 'police_extend') {
    const clockId = event.type === 'police_extend' ? 'D8' : String(event.data?.clock ?? '');
    const row = active.find((r) => r.clock === clockId);
    if (!row) throw new AppError('VALIDATION', `期限 ${clockId} 当前没有在计时`, [{ path: 'clock', message: '该期限没有在计时' }]);
    const rule = ruleOf(ctx, row);
    const pauses = JSON.parse(row.pauses) as { from: string; to: string | null; reason: string }[];
    const next: Pick<ClockRow, 'pauses' | 'extensions' | 'status'> = { pauses: row.pauses, extensions: row.extensions, status: row.status };
    if (event.type === 'pause_clock') {
      const reason = String(event.data?.pauseReason ?? '');
      if (row.status === 'paused') throw new AppError('VALIDATION', '该期限已暂停', [{ path: 'clock', message: '该期限已暂停' }]);
      if (!(rule.pausable as readonly string[]).includes(reason))
        throw new AppError('VALIDATION', `${rule.nameZh}不能因此暂停计时`, [
          { path: 'pauseReason', message: `可暂停的情形：${rule.pausable.join('、') || '无'}` },
        ]);
      pauses.push({ from: at, to: null, reason });
      next.status = 'paused';
    } else if (event.type === 'resume_clock') {
      const open = pauses.find((p) => p.to === null);
      if (!open) throw new AppError('VALIDATION', '该期限没有暂停', [{ path: 'clock', message: '该期限没有暂停' }]);
      open.to = at;
      next.status = 'running';
    } else {
      const max = rule.extension?.max ?? Infinity;
      if (!rule.extension || row.extensions >= max)
        throw new AppError('VALIDATION', `${rule.nameZh}不能再延长`, [{ path: 'clock', message: '不能再延长' }]);
      next.extensions = row.extensions + 1;
    }
    next.pauses = JSON.stringify(pauses);
    const d = dueOf(ctx, { ...row, ...next });
    const updated = { ...row, ...next, due_at: d.dueAt, problem: d.problem, updated_at: at };
    await trx
      .updateTable('case_clock')
      .set({
        status: updated.status,
        pauses: updated.pauses,
        extensions: updated.extensions,
        due_at: updated.due_at,
        problem: updated.problem,
        updated_at: at,
      })
      .where('id', '=', row.id)
      .execute();
    changed = true;
    alarms.push(...alarmsFor(ctx, updated));
  } else {
    // Only entering a final status ends clocks: an event recorded on a closed case (a comment, an
    // escalation, a duty met late) leaves the others alone.
    const ending = FINAL_STATUSES.includes(event.toStatus) && event.fromStatus !== event.toStatus;
    const waiting = ending ? await clocksAwaitingNotice(trx, c.id) : new Set<string>();
    for (const row of active) {
      const rule = ruleOf(ctx, row);
      if (rule.stopEvents.includes(event.type)) await stop(row, event.type);
      else if (ending && !rule.duty && !rule.noticeEvents?.includes(event.type) && !waiting.has(row.clock)) await stop(row, event.type);
    }
    if (POLICE_RETURN_EVENTS.includes(event.type)) {
      for (const row of active.filter((r) => r.status === 'paused')) {
        const pauses = JSON.parse(row.pauses) as { from: string; to: string | null; reason?: string }[];
        const open = pauses.find((p) => p.to === null);
        if (open?.reason !== 'police_referral') continue;
        open.to = at;
        const next = { ...row, pauses: JSON.stringify(pauses), status: 'running' as const };
        const d = dueOf(ctx, next);
        const updated = { ...next, due_at: d.dueAt, problem: d.problem, updated_at: at };
        await trx
          .updateTable('case_clock')
          .set({ status: 'running', pauses: updated.pauses, due_at: updated.due_at, problem: updated.problem, updated_at: at })
          .where('id', '=', row.id)
          .execute();
        changed = true;
        alarms.push(...alarmsFor(ctx, updated));
      }
    }
    // On a case in a final status, only a duty clock starts, and only by an event that keeps the status
    // (issue #14.2: D14 when a closed case's published decision is overturned).
    const final = FINAL_STATUSES.includes(event.toStatus);
    if (!final || !ending) {
      for (const { rule, restart } of rulesStartedBy(version, c.kind, event.type, ctx.settings.rules)) {
        if (final && !rule.duty) continue;
        // D12 is owed to real-name reporters only (Order 20 Art. 31).
        if (rule.id === 'D12' && c.anonymous !== false) continue;
        const existing = active.find((r) => r.clock === rule.id && r.status !== 'stopped');
        if (existing && !restart) continue; // already running: starting twice changes nothing
        if (existing) await stop(existing, `restart:${event.type}`);
        const row = newClock(ctx, c.id, rule.id, version, now, c.unit_id);
        await trx.insertInto('case_clock').values(row).execute();
        changed = true;
        alarms.push(...alarmsFor(ctx, row));
      }
    }
  }
  if (changed) await syncNextDue(trx, [c.id]);
  await enqueueRowsIn(
    trx,
    nearAlarms(alarms, now).map((a) => alarmJob(a, c.id, at)),
  );
  return changed;
}

/** Clocks of a case with a notice to the citizen still pending (they survive closing). */
async function clocksAwaitingNotice(trx: Trx, caseId: string): Promise<Set<string>> {
  const rows = await trx
    .selectFrom('notice_duty')
    .select('clock')
    .where('case_id', '=', caseId)
    .where('status', '=', 'pending')
    .where('clock', 'is not', null)
    .execute();
  return new Set(rows.map((r) => r.clock as string));
}

export { CLOCK_IDS };

/**
 * Running clocks whose due date could not be computed, or was computed provisionally, computed again with
 * the given context (after a year of holidays was entered). Returns how many rows changed.
 */
export async function recomputeHorizonClocks(db: Db, ctx: ClockContext, now: Date): Promise<number> {
  const rows = await db
    .selectFrom('case_clock')
    .selectAll()
    .where('status', '=', 'running')
    .where((eb) => eb.or([eb('due_at', 'is', null), eb('problem', '=', PROVISIONAL_PROBLEM)]))
    .execute();
  let n = 0;
  const cases: string[] = [];
  for (const row of rows) {
    const d = dueOf(ctx, row);
    if (d.paused || (d.dueAt === row.due_at && d.problem === row.problem)) continue;
    if (!d.dueAt && row.due_at) continue;
    await db
      .updateTable('case_clock')
      .set({ due_at: d.dueAt, problem: d.problem, updated_at: now.toISOString() })
      .where('id', '=', row.id)
      .execute();
    cases.push(row.case_id);
    n++;
  }
  await syncNextDue(db, cases);
  return n;
}

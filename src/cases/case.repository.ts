// Reads of cases and the one write path for changing one: applyTransition. It loads the case, asks the
// pure state machine, then writes the status, the timeline event and any outbox jobs in one transaction,
// guarded by the row's version so two concurrent changes cannot both win.
import { uuidv7 } from '../lib/ids.ts';
import type { Db, Trx } from '../db/database.ts';
import { type CompiledOnce, compiledOnce } from '../db/compiled-once.ts';
import type { CaseEventRow, CaseRow } from './case.table.ts';
import { clockContext, eventMovesClocks, onCaseEvent } from '../deadlines/clock.service.ts';
import { AppError } from '../lib/errors.ts';
import { queueCitizenNoticesIn } from '../notices/citizen-notice.ts';
import { openRewardCaseIn } from '../rewards/reward.service.ts';
import { enqueueIn } from '../workflow/outbox.ts';
import { caseReceivedJobId } from '../workflow/jobs.ts';
import { type Actor, type Command, type TransitionResult, transition } from './case.machine.ts';

// The statements every transition runs, compiled once (db/compiled-once.ts).
const caseById = compiledOnce((db, p: { id: string }) => db.selectFrom('intake_case').selectAll().where('id', '=', p.id));
const insertEvent = compiledOnce((db, p: CaseEventRow) =>
  db.insertInto('case_event').values({
    id: p.id,
    case_id: p.case_id,
    type: p.type,
    actor_role: p.actor_role,
    actor_id: p.actor_id,
    from_status: p.from_status,
    to_status: p.to_status,
    reason: p.reason,
    data: p.data,
    public: p.public,
    at: p.at,
  }),
);
const setClocksUnit = compiledOnce((db, p: { unit_id: string | null; case_id: string }) =>
  db.updateTable('case_clock').set({ unit_id: p.unit_id }).where('case_id', '=', p.case_id),
);

type CaseWriteValues = Record<string, string | number | null>;
/** The case row's version-guarded UPDATE, compiled once per set of columns it writes (a few dozen shapes at most). */
const caseUpdates = new Map<string, CompiledOnce<CaseWriteValues, unknown>>();
const MAX_CASE_UPDATE_SHAPES = 64;

/** Writes `write` to the case if its version is still `version`; returns whether it was. */
async function writeCaseRow(trx: Trx, caseId: string, version: number, write: Readonly<Partial<CaseRow>>): Promise<boolean> {
  // As Kysely's set() does, a column whose value is undefined is left out.
  const values: CaseWriteValues = {};
  for (const [k, v] of Object.entries(write)) if (v !== undefined) values[k] = v;
  const columns = Object.keys(values);
  const shape = columns.join(',');
  let update = caseUpdates.get(shape);
  if (!update && caseUpdates.size < MAX_CASE_UPDATE_SHAPES) {
    update = compiledOnce((db, p: CaseWriteValues) =>
      db
        .updateTable('intake_case')
        .set(Object.fromEntries(columns.map((c) => [c, p[c]])) as Partial<CaseRow>)
        .where('id', '=', p['#id'] as string)
        .where('version', '=', p['#version'] as number),
    );
    caseUpdates.set(shape, update);
  }
  if (!update) {
    const r = await trx.updateTable('intake_case').set(write).where('id', '=', caseId).where('version', '=', version).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }
  const r = await update.run(trx, { ...values, '#id': caseId, '#version': version });
  return Number(r.numAffectedRows ?? 0) === 1;
}

export async function findCaseById(db: Db, id: string): Promise<CaseRow | undefined> {
  return caseById.first(db, { id });
}

export async function findCaseByNumber(db: Db, number: string): Promise<CaseRow | undefined> {
  return db.selectFrom('intake_case').selectAll().where('number', '=', number).executeTakeFirst();
}

/** Columns a transition may set besides the status (assignment, for instance). */
export interface CasePatch {
  unit_id?: string | null;
  assignee_id?: string | null;
  category?: string | null;
  urgency?: string | null;
  urgency_rank?: number | null;
  suspected_crime?: number;
  crime_basis?: string | null;
  needs_details?: number;
  business_key?: string | null;
  township?: string | null;
  triage?: string | null;
  flags?: string | null;
  other_authority?: string | null;
  overdue?: number;
}

export interface AppliedTransition {
  caseId: string;
  result: TransitionResult;
  /** The case as this transition left it (what a following step in the same transaction starts from). */
  row: CaseRow;
  /** With `defer`: the write of the case row held back, for the next transition (`unwritten`). */
  pending?: PendingCaseWrite;
}

/**
 * The write of a case row that a transition (`defer`) left to the next transition of the same case in
 * the same transaction: the columns to set and the version the row had in the database.
 */
export interface PendingCaseWrite {
  readonly caseId: string;
  readonly baseVersion: number;
  readonly set: Readonly<Partial<CaseRow>>;
}

export interface ApplyOptions {
  /** Expected version (optimistic lock from a form); omitted = whatever was just read. */
  expectedVersion?: number;
  patch?: CasePatch;
  /** Called inside the same transaction, after the status write: for rows that belong with the change. */
  alsoWrite?: (trx: Trx, row: CaseRow, result: TransitionResult) => Promise<void>;
  /**
   * The case as read in this same transaction (or as the previous step's AppliedTransition.row left it),
   * so it is not read again. A stale row cannot do harm: the write is guarded by its version.
   */
  current?: CaseRow;
  /**
   * Hold the case row's write back and return it as `pending`, for a caller whose next step in this
   * transaction is certainly another transition of the case (the case.received pipeline: triage, then
   * routing or assignment): that transition writes both in one UPDATE. Everything else (the event, jobs,
   * notices) is written now. Ignored, and the row written, when the event moves a clock (the clocks'
   * next due time is kept on the row).
   */
  defer?: boolean;
  /** A write a previous transition of this case held back (`defer`); `current` is the row it left. */
  unwritten?: PendingCaseWrite;
}

export async function applyTransition(
  db: Db,
  caseId: string,
  cmd: Command,
  actor: Actor,
  now: Date,
  opts: ApplyOptions = {},
): Promise<AppliedTransition> {
  return db.transaction().execute((trx) => applyTransitionIn(trx, caseId, cmd, actor, now, opts));
}

/** The same, inside a transaction the caller owns (several steps that must commit together). */
export async function applyTransitionIn(
  trx: Trx,
  caseId: string,
  cmd: Command,
  actor: Actor,
  now: Date,
  opts: ApplyOptions = {},
): Promise<AppliedTransition> {
  {
    const row = opts.current?.id === caseId ? opts.current : await findCaseById(trx, caseId);
    if (!row) throw new AppError('CASE_NOT_FOUND', '案件不存在');
    if (opts.expectedVersion !== undefined && opts.expectedVersion !== row.version)
      throw new AppError('CONFLICT', '案件已被他人修改，请刷新后重试');
    const result = transition(
      { kind: row.kind, status: row.status, openedAt: row.opened_at, suspectedCrime: row.suspected_crime === 1 },
      cmd,
      actor,
      now,
    );
    if (!result.ok) {
      throw new AppError(result.code, result.message);
    }
    const at = result.event.at;
    const event = { type: result.event.type, fromStatus: result.event.fromStatus, toStatus: result.to, data: result.event.data };
    const set = {
      status: result.to,
      version: row.version + 1,
      updated_at: at,
      ...(result.patch.openedAt ? { opened_at: result.patch.openedAt } : {}),
      ...(result.patch.closedAt ? { closed_at: result.patch.closedAt } : {}),
      ...(opts.patch ?? {}),
    };
    // A held-back write of the previous transition goes out with this one, guarded by the version the
    // row had in the database (the in-memory row is one version ahead of it).
    const held = opts.unwritten?.caseId === caseId ? opts.unwritten : null;
    const write = held ? { ...held.set, ...set } : set;
    const baseVersion = held ? held.baseVersion : row.version;
    let pending: PendingCaseWrite | undefined;
    if (opts.defer && !eventMovesClocks(event)) pending = { caseId, baseVersion, set: write };
    else {
      if (!(await writeCaseRow(trx, caseId, baseVersion, write))) throw new AppError('CONFLICT', '案件已被他人修改，请刷新后重试');
    }
    await insertEvent.run(trx, {
      id: uuidv7(),
      case_id: caseId,
      type: result.event.type,
      actor_role: actor.role,
      actor_id: actor.id,
      from_status: result.event.fromStatus,
      to_status: result.event.toStatus,
      reason: result.event.reason,
      data: result.event.data ? JSON.stringify(result.event.data) : null,
      public: result.event.public ? 1 : 0,
      at,
    });
    // Statutory clocks follow the event (start, stop, restart, pause, extend) in the same transaction.
    const unitId = opts.patch && 'unit_id' in opts.patch ? (opts.patch.unit_id ?? null) : row.unit_id;
    // Most events (triage, routing, assignment, comments) touch no clock: their clocks are not even read.
    const clocksMoved =
      eventMovesClocks(event) &&
      (await onCaseEvent(
        trx,
        await clockContext(trx),
        { id: caseId, kind: row.kind, rule_version: row.rule_version, unit_id: unitId, anonymous: row.anonymous === 1 },
        event,
        now,
      ));
    // A decision the citizen must be told becomes a notice duty (carrying the clock it stops), delivered
    // through WeChat where the case has a contact; same transaction.
    await queueCitizenNoticesIn(trx, row, result);
    // Clocks carry the case's unit (per-unit deadline lists); keep them in step when it changes.
    if (unitId !== row.unit_id) await setClocksUnit.run(trx, { unit_id: unitId, case_id: caseId });
    // The machine's effects become jobs in the same transaction (their queue comes from the job map).
    for (const e of result.effects) await enqueueIn(trx, e.name, { caseId }, { caseId, at, jobId: caseReceivedJobId(caseId) });
    // A report asking for a reward, closed with a qualifying outcome: its reward case (issue 15), same transaction.
    await openRewardCaseIn(trx, row, result, now);
    await opts.alsoWrite?.(trx, row, result);
    // The row as written; next_due_at follows the clocks, so it is read back when they moved.
    const after: CaseRow = { ...row, ...set };
    if (clocksMoved) {
      const due = await trx.selectFrom('intake_case').select('next_due_at').where('id', '=', caseId).executeTakeFirst();
      after.next_due_at = due?.next_due_at ?? null;
    }
    return { caseId, result, row: after, ...(pending ? { pending } : {}) };
  }
}

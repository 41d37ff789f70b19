// Write transactions shared by concurrent jobs on SQLite (group commit for the workers).
//
// A commit on SQLite writes every page the transaction dirtied to the WAL, on the event loop: a
// case.received transaction dirties ~48 pages (a dozen indexes on intake_case, the event, outbox and
// clock tables), and its commit was a fifth of a worker's time. SQLite runs one transaction at a time on
// the process's one connection anyway, so jobs that reach their transaction together lose nothing by
// sharing one: each runs alone inside it, in turn, under its own savepoint, and one commit (and one WAL
// fsync, wal-sync.ts) covers them all; the pages they share (the tails of the event and outbox tables,
// the hot index pages) are written once.
//
// Invariants:
// - No caller is resolved before the transaction holding its writes has committed (and, in a worker
//   process, been fsynced): a job is marked completed only once its effects are durable, as before.
// - A unit of work that throws has its own writes rolled back (to its savepoint) and its caller gets the
//   error; the others commit. If the shared transaction itself fails (the commit, or an error that ended
//   the transaction, such as SQLITE_FULL), every unit is run again alone in its own transaction, so each
//   unit's outcome is exactly what it would have been without the batching. Units must therefore be
//   safe to run again from the start, as every job processor is.
// - A unit sees the committed state plus the writes of the units before it in the batch, as it would
//   have after their commits had they run one after another.
// On PostgreSQL each unit keeps a transaction of its own: there several connections (and several worker
// processes) run side by side under row locks, and a shared transaction would only hold locks longer.
import { sql } from 'kysely';
import { type BatchResult, GroupCommitter } from '../lib/group-commit.ts';
import { type Db, type Trx, isPostgres } from './database.ts';

type Unit = (trx: Trx) => Promise<unknown>;

/**
 * At most this many units share a transaction (the default worker concurrency): a case.received unit
 * holds SQLite's write lock for well under a millisecond of statements, so a shared transaction holds it
 * for a few milliseconds at most, and intake (the web process, or the same process with ROLE=all) waits
 * no longer than that for its own commit.
 */
const MAX_UNITS = 8;

const committers = new WeakMap<Db, GroupCommitter<Unit, unknown>>();

/** Counts of the shared transactions so far (for tests and the benchmark). */
export function batchedTransactionStats(db: Db): { batches: number; items: number; largest: number } | undefined {
  return committers.get(db)?.stats;
}

/**
 * Runs `work` in a write transaction: on SQLite possibly shared with other units submitted in the same
 * turn of the event loop (or while the previous shared transaction was running), each under its own
 * savepoint; on PostgreSQL in its own. Resolves with its result after the commit.
 */
export function inBatchedTransaction<R>(db: Db, work: (trx: Trx) => Promise<R>): Promise<R> {
  if (isPostgres(db)) return db.transaction().execute(work);
  let committer = committers.get(db);
  if (!committer) {
    committer = new GroupCommitter<Unit, unknown>((units) => runShared(db, units), MAX_UNITS);
    committers.set(db, committer);
  }
  return committer.submit(work) as Promise<R>;
}

async function runShared(db: Db, units: Unit[]): Promise<BatchResult<unknown>[]> {
  return db.transaction().execute(async (trx) => {
    // Alone: an error rolls the whole transaction back (the committer reports it to the caller).
    if (units.length === 1 && units[0]) return [{ ok: true, value: await units[0](trx) }];
    const results: BatchResult<unknown>[] = [];
    for (const unit of units) {
      await sql`savepoint batched_unit`.execute(trx);
      try {
        const value = await unit(trx);
        await sql`release savepoint batched_unit`.execute(trx);
        results.push({ ok: true, value });
      } catch (error) {
        // If this fails too (the transaction is gone), the batch fails and each unit runs again alone.
        await sql`rollback to savepoint batched_unit`.execute(trx);
        await sql`release savepoint batched_unit`.execute(trx);
        results.push({ ok: false, error });
      }
    }
    return results;
  });
}

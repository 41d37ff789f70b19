// The one writer of outbox rows. A job is written with the change that needs it, in the change's
// transaction; the relay (outbox-relay.ts) hands committed rows to BullMQ. Typed by the job schemas: the
// payload is the job's own (ids only: the text of a tip never goes to Redis) and the queue comes from
// OUTBOX_QUEUE_OF, never from the caller.
import type { Insertable } from 'kysely';
import type { Trx } from '../db/database.ts';
import type { OutboxTable } from './outbox.table.ts';
import { uuidv7 } from '../lib/ids.ts';
import { OUTBOX_QUEUE_OF, type OutboxJobName, type OutboxPayload } from './jobs.ts';

export interface EnqueueOptions {
  /** When the job was asked for (ISO): the time of the change that needs it. */
  at: string;
  /** The case the job is about, if any (for tracing; the payload carries what the processor needs). */
  caseId?: string | null;
  /** A delayed job: when it should run (the relay turns it into BullMQ's delay at hand-over). */
  runAt?: string | null;
  /** A deterministic job id (no ':') when the job must be findable, as alarms are; else the row id. */
  jobId?: string | null;
}

declare const built: unique symbol;
/** An outbox row made by outboxRow (type-only brand: rows cannot be hand-made and slipped in). */
export type OutboxRowToWrite = Insertable<OutboxTable> & { readonly [built]: true };

/** The row for one job, not yet written (for callers that insert many rows in one statement). */
export function outboxRow<N extends OutboxJobName>(job: N, payload: OutboxPayload<N>, opts: EnqueueOptions): OutboxRowToWrite {
  const row: Insertable<OutboxTable> = {
    id: uuidv7(),
    case_id: opts.caseId ?? null,
    queue: OUTBOX_QUEUE_OF[job],
    name: job,
    payload: JSON.stringify(payload),
    created_at: opts.at,
    sent_at: null,
    attempts: 0,
    last_error: null,
    run_at: opts.runAt ?? null,
    job_id: opts.jobId ?? null,
  };
  return row as OutboxRowToWrite;
}

/** Writes one job into the outbox, inside the caller's transaction. */
export async function enqueueIn<N extends OutboxJobName>(trx: Trx, job: N, payload: OutboxPayload<N>, opts: EnqueueOptions): Promise<void> {
  await trx
    .insertInto('outbox')
    .values(outboxRow(job, payload, opts))
    .execute();
}

/** Writes several rows built with outboxRow in one statement, inside the caller's transaction. */
export async function enqueueRowsIn(trx: Trx, rows: readonly OutboxRowToWrite[]): Promise<void> {
  if (rows.length)
    await trx
      .insertInto('outbox')
      .values([...rows])
      .execute();
}

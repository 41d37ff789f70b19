// The outbox (migration 0001): jobs written with the change that needs them, handed to BullMQ by the
// relay (outbox-relay.ts). Only workflow/outbox.ts writes rows.
import type { Selectable } from 'kysely';
import type { OutboxJobName, ProducerQueueName } from './jobs.ts';

export interface OutboxTable {
  id: string;
  case_id: string | null;
  queue: ProducerQueueName;
  name: OutboxJobName;
  /** JSON of the job's payload (ids only). */
  payload: string;
  created_at: string;
  sent_at: string | null;
  attempts: number;
  last_error: string | null;
  /** For delayed jobs: when the job should run (BullMQ delay is computed at hand-over). */
  run_at: string | null;
  /** Deterministic job id when the job must be findable (alarms); else the row id is used. */
  job_id: string | null;
}

export interface OutboxTables {
  outbox: OutboxTable;
}

export type OutboxRow = Selectable<OutboxTable>;

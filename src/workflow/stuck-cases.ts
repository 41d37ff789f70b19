// Cases that stayed `received` although their outbox row was handed to BullMQ: Redis restarted empty
// (the job was lost with it), the job used all its attempts on a transient error (database away, disk
// full), or it was removed by hand. The database says which cases still wait; this re-creates or retries
// their `case.received` job under its deterministic id, so a job that still exists is never doubled.
import type { Queue } from 'bullmq';
import type { Db } from '../db/database.ts';
import { DEFAULT_JOB_OPTIONS, caseReceivedJobId } from './jobs.ts';

/** A case younger than this is still on its way through the relay and the queue. */
export const STUCK_AFTER_MS = 2 * 60_000;
const BATCH = 500;

export interface StuckStats {
  /** Cases still `received` after STUCK_AFTER_MS. */
  stuck: number;
  /** Jobs re-created because Redis no longer had them. */
  recreated: number;
  /** Failed jobs (attempts exhausted) sent back to the queue. */
  retried: number;
}

export async function requeueStuckCases(db: Db, queue: Queue, now: Date): Promise<StuckStats> {
  const cutoff = new Date(now.getTime() - STUCK_AFTER_MS).toISOString();
  const rows = await db
    .selectFrom('intake_case')
    .select('id')
    .where('status', '=', 'received')
    .where('created_at', '<', cutoff)
    .orderBy('created_at')
    .limit(BATCH)
    .execute();
  const stats: StuckStats = { stuck: rows.length, recreated: 0, retried: 0 };
  for (const { id } of rows) {
    const jobId = caseReceivedJobId(id);
    const job = await queue.getJob(jobId);
    if (!job) {
      await queue.add('case.received', { caseId: id }, { ...DEFAULT_JOB_OPTIONS, jobId });
      stats.recreated++;
      continue;
    }
    const state = await job.getState();
    if (state === 'failed') {
      await job.retry('failed');
      stats.retried++;
    } else if (state === 'completed') {
      // Completed while the case stayed `received` (a processor that skipped it): run it once more.
      await job.remove();
      await queue.add('case.received', { caseId: id }, { ...DEFAULT_JOB_OPTIONS, jobId });
      stats.recreated++;
    }
  }
  return stats;
}

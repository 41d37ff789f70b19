// The repeatable jobs (BullMQ job schedulers). They live in Redis, so they are lost when Redis restarts
// empty, and registering them fails while Redis is away at start. Worker processes therefore check
// them at start and then every `intervalMs`, and register whatever is missing; one scheduler id each,
// so however many workers run, each job is scheduled once.
import type { Queue } from 'bullmq';
import type { Logger } from '../lib/logger.ts';
import { DEFAULT_JOB_OPTIONS, type JobName } from './jobs.ts';

export const SCHEDULES: readonly { id: string; name: JobName; everyMs: number }[] = [
  { id: 'clocks-reconcile', name: 'clocks.reconcile', everyMs: 60_000 },
  { id: 'hotspots-scan', name: 'hotspots.scan', everyMs: 300_000 },
  // A withdrawal leaves the edge within this interval (the job does nothing without EDGE_SYNC_URL).
  { id: 'edge-sync', name: 'edge.sync', everyMs: 15_000 },
];

/**
 * Registers the schedulers Redis does not have; returns how many were (re-)registered. Their jobs keep
 * the default retention (by age): a count limit here would trim the queue's whole completed set — the
 * set that lets a re-sent outbox row be recognised as a job that already ran.
 */
export async function ensureSchedulers(queue: Queue): Promise<number> {
  let registered = 0;
  for (const s of SCHEDULES) {
    if (await queue.getJobScheduler(s.id)) continue;
    await queue.upsertJobScheduler(
      s.id,
      { every: s.everyMs },
      {
        name: s.name,
        data: {},
        opts: { removeOnComplete: DEFAULT_JOB_OPTIONS.removeOnComplete, removeOnFail: DEFAULT_JOB_OPTIONS.removeOnFail },
      },
    );
    registered++;
  }
  return registered;
}

/** Checks now and every intervalMs; returns the function that stops it. */
export function keepSchedulers(queue: () => Queue, logger: Logger, intervalMs = 15_000): { first: Promise<void>; stop: () => void } {
  let stopped = false;
  let warned = false;
  const check = async (): Promise<void> => {
    if (stopped) return;
    try {
      const n = await ensureSchedulers(queue());
      if (n) logger.info({ registered: n }, 'job schedulers registered');
      warned = false;
    } catch (e) {
      if (!warned) logger.warn({ err: { message: (e as Error).message } }, 'could not register job schedulers (Redis away?); retrying');
      warned = true;
    }
  };
  const timer = setInterval(() => void check(), intervalMs);
  timer.unref();
  return {
    first: check(),
    stop: () => {
      stopped = true;
      clearInterval(timer);
    },
  };
}

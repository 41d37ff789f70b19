// Queue names and job payload schemas. Payloads carry ids only: the content of a tip never goes to Redis.
import { z } from 'zod';

export const QUEUES = ['case-workflow'] as const;
export type QueueName = (typeof QUEUES)[number];

export const JOB_SCHEMAS = {
  'case.received': z.object({ caseId: z.uuid() }),
  /** A reminder before a statutory due time, or the escalation when it passes. */
  'clock.alarm': z.object({ clockId: z.uuid(), kind: z.enum(['remind', 'escalate']), fireAt: z.iso.datetime() }),
  /** Repeatable: re-creates missing alarms, fires what became due while no worker ran, watches the calendar horizon. */
  'clocks.reconcile': z.object({}),
} as const;

export type JobName = keyof typeof JOB_SCHEMAS;
export type JobPayload<N extends JobName> = z.infer<(typeof JOB_SCHEMAS)[N]>;

export const QUEUE_OF: Record<JobName, QueueName> = {
  'case.received': 'case-workflow',
  'clock.alarm': 'case-workflow',
  'clocks.reconcile': 'case-workflow',
};

/** Completed jobs are kept a week so a re-sent outbox row with the same job id is recognised and ignored. */
export const DEFAULT_JOB_OPTIONS = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 7 * 24 * 3600 },
  removeOnFail: { age: 30 * 24 * 3600 },
} as const;

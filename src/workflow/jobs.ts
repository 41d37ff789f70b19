// Queue names and job payload schemas. Payloads carry ids only: the content of a tip never goes to Redis.
import { z } from 'zod';

/** Queues the server's workers consume (startWorkers runs one worker per name here). */
export const QUEUES = ['case-workflow'] as const;
export type QueueName = (typeof QUEUES)[number];

/** Queues the server only produces to: the WeChat bot process consumes them (bots/wechat). */
export const BOT_QUEUES = ['citizen-notices'] as const;
export type BotQueueName = (typeof BOT_QUEUES)[number];

/** Every queue the outbox relay may hand rows to. */
export const PRODUCER_QUEUES = [...QUEUES, ...BOT_QUEUES] as const;
export type ProducerQueueName = (typeof PRODUCER_QUEUES)[number];

/** Jobs on BOT_QUEUES, kept apart from JOB_SCHEMAS so no server processor is expected for them. */
export const BOT_JOB_SCHEMAS = {
  /** Deliver one citizen notice (the bot fetches text and contact through the bot API). */
  'notice.deliver': z.object({ noticeId: z.uuid() }),
} as const;
export type BotJobName = keyof typeof BOT_JOB_SCHEMAS;

export const JOB_SCHEMAS = {
  'case.received': z.object({ caseId: z.uuid() }),
  /** A reminder before a statutory due time, or the escalation when it passes. */
  'clock.alarm': z.object({ clockId: z.uuid(), kind: z.enum(['remind', 'escalate']), fireAt: z.iso.datetime() }),
  /** Repeatable: re-creates missing alarms, fires what became due while no worker ran, watches the calendar horizon. */
  'clocks.reconcile': z.object({}),
  /** Repeatable: illness clusters per business (src/publication/hotspots.service.ts). */
  'hotspots.scan': z.object({}),
  /** Send one notice duty by SMS through the city gateway (src/notices/sms-notice.ts); ids only. */
  'notice.sms': z.object({ dutyId: z.uuid() }),
  /** Repeatable: pushes the edge outbox to the public results worker (src/publication/edge-sync.ts). */
  'edge.sync': z.object({}),
  /** Tell a real-name reporter about their tip reward by SMS (src/rewards/sms.port.ts). */
  'reward.sms': z.object({ rewardId: z.uuid(), kind: z.enum(['offered', 'decided']) }),
} as const;

export type JobName = keyof typeof JOB_SCHEMAS;
export type JobPayload<N extends JobName> = z.infer<(typeof JOB_SCHEMAS)[N]>;

export const QUEUE_OF: Record<JobName, QueueName> = {
  'case.received': 'case-workflow',
  'clock.alarm': 'case-workflow',
  'clocks.reconcile': 'case-workflow',
  'hotspots.scan': 'case-workflow',
  'notice.sms': 'case-workflow',
  'edge.sync': 'case-workflow',
  'reward.sms': 'case-workflow',
};

/** Every job the outbox may carry: the server's own and the bot's. */
export const OUTBOX_JOB_SCHEMAS = { ...JOB_SCHEMAS, ...BOT_JOB_SCHEMAS } as const;
export type OutboxJobName = keyof typeof OUTBOX_JOB_SCHEMAS;
export type OutboxPayload<N extends OutboxJobName> = z.infer<(typeof OUTBOX_JOB_SCHEMAS)[N]>;

/** The queue of every job the outbox may carry (the relay hands each row to its queue). */
export const OUTBOX_QUEUE_OF: Record<OutboxJobName, ProducerQueueName> = {
  ...QUEUE_OF,
  'notice.deliver': 'citizen-notices',
};

/**
 * The job id of a case's `case.received` job: deterministic, so the reconcile job can find (or re-create)
 * the job of a case that is still `received`, and a re-sent outbox row becomes the same job.
 */
export function caseReceivedJobId(caseId: string): string {
  return `received-${caseId}`;
}

/** Completed jobs are kept a week so a re-sent outbox row with the same job id is recognised and ignored. */
export const DEFAULT_JOB_OPTIONS = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 7 * 24 * 3600 },
  removeOnFail: { age: 30 * 24 * 3600 },
} as const;

// Consumes `notice.deliver` jobs from the server's `citizen-notices` queue (the server never does):
// fetch the notice through the bot API, send it to the contact, report delivered. A failure throws, so
// BullMQ retries with back-off; on the last attempt the notice is reported failed first, so it is
// recorded on the server and never dropped silently.
import { type Job, UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from '../../src/lib/logger.ts';
import { BOT_JOB_SCHEMAS, type BotQueueName } from '../../src/workflow/jobs.ts';
import { ApiError, type ShiantongClient } from './api-client.ts';

export const NOTICE_QUEUE: BotQueueName = 'citizen-notices';

/** Sends a text to a WeChat contact; throws when it cannot. */
export type SendToContact = (contactId: string, text: string) => Promise<void>;

export type NoticeOutcome = 'delivered' | 'skipped';

export async function deliverNotice(job: Job, deps: { api: ShiantongClient; send: SendToContact; logger: Logger }): Promise<NoticeOutcome> {
  if (job.name !== 'notice.deliver') throw new UnrecoverableError(`unknown job ${job.name}`);
  const parsed = BOT_JOB_SCHEMAS['notice.deliver'].safeParse(job.data);
  if (!parsed.success) throw new UnrecoverableError('invalid notice.deliver payload');
  const { noticeId } = parsed.data;
  const attempts = job.opts.attempts ?? 1;
  const last = job.attemptsMade + 1 >= attempts;
  try {
    const notice = await deps.api.notice(noticeId);
    if (notice.status === 'delivered') return 'skipped';
    await deps.send(notice.contactId, notice.text);
    await deps.api.noticeDelivered(noticeId);
    deps.logger.info({ noticeId, jobId: job.id }, 'notice delivered');
    return 'delivered';
  } catch (err) {
    const permanent = err instanceof ApiError && err.status === 404;
    if (last || permanent) {
      const why = err instanceof ApiError ? err.message : `send failed: ${(err as Error).name}`;
      await deps.api
        .noticeFailed(noticeId, why)
        .catch((e: unknown) => deps.logger.error({ noticeId, err: { name: (e as Error).name } }, 'notice failure could not be recorded'));
      deps.logger.warn({ noticeId, jobId: job.id, attempts: job.attemptsMade + 1 }, 'notice given up');
      if (permanent) throw new UnrecoverableError('notice not found');
    }
    throw err;
  }
}

export function startNoticeConsumer(deps: {
  connection: Redis;
  prefix: string;
  api: ShiantongClient;
  send: SendToContact;
  logger: Logger;
  concurrency?: number;
}): Worker {
  const w = new Worker(NOTICE_QUEUE, (job) => deliverNotice(job, deps), {
    connection: deps.connection,
    prefix: deps.prefix,
    concurrency: deps.concurrency ?? 4,
  });
  w.on('failed', (job, err) =>
    deps.logger.warn({ jobId: job?.id, attempts: job?.attemptsMade, err: { name: err.name } }, 'notice attempt failed'),
  );
  w.on('error', (err) => deps.logger.warn({ err: { name: err.name, message: err.message } }, 'notice worker error'));
  return w;
}

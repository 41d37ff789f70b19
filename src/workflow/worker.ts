// The workers: one typed map from job name to processor. A job whose name has no processor, or whose
// payload does not parse, fails loudly (UnrecoverableError, logged as an error) instead of vanishing.
import { type Job, UnrecoverableError, Worker } from 'bullmq';
import type { Deps } from '../deps.ts';
import { JOB_SCHEMAS, type JobName, type JobPayload, QUEUES } from './jobs.ts';

export type ProcessorResult = { outcome: 'done' | 'skipped'; detail?: string };
export type Processor<N extends JobName> = (
  payload: JobPayload<N>,
  ctx: { deps: Deps; job: Job; token: string | undefined },
) => Promise<ProcessorResult>;
export type ProcessorMap = { [N in JobName]: Processor<N> };

function isJobName(name: string): name is JobName {
  return Object.hasOwn(JOB_SCHEMAS, name);
}

export function dispatcher(deps: Deps, processors: Partial<ProcessorMap>) {
  return async (job: Job, token?: string): Promise<ProcessorResult> => {
    const name = job.name;
    const processor = isJobName(name) ? (processors[name] as Processor<typeof name> | undefined) : undefined;
    if (!isJobName(name) || !processor) {
      deps.logger.error({ queue: job.queueName, job: name, jobId: job.id }, 'no processor for job');
      throw new UnrecoverableError(`no processor for job "${name}"`);
    }
    const parsed = JOB_SCHEMAS[name].safeParse(job.data);
    if (!parsed.success) {
      deps.logger.error({ job: name, jobId: job.id }, 'job payload does not match its schema');
      throw new UnrecoverableError(`invalid payload for job "${name}"`);
    }
    const result = await processor(parsed.data as never, { deps, job, token });
    deps.logger.info({ job: name, jobId: job.id, outcome: result.outcome }, 'job processed');
    return result;
  };
}

export function startWorkers(deps: Deps, processors: Partial<ProcessorMap>, connection: () => import('ioredis').Redis): Worker[] {
  return QUEUES.map((queue) => {
    const w = new Worker(queue, dispatcher(deps, processors), {
      connection: connection(),
      prefix: deps.config.queuePrefix,
      concurrency: deps.config.workerConcurrency,
      // A job whose worker died (SIGKILL, OOM) is taken up again within ~20 s instead of BullMQ's
      // default ~60 s: its lock lapses after 15 s and stalled jobs are looked for every 5 s. Every
      // processor is idempotent, so a job re-run after a false stall changes nothing.
      lockDuration: 15_000,
      stalledInterval: 5_000,
    });
    w.on('failed', (job, err) =>
      deps.logger.warn(
        { queue, job: job?.name, jobId: job?.id, attempts: job?.attemptsMade, err: { name: err.name, message: err.message } },
        'job failed',
      ),
    );
    w.on('error', (err) => deps.logger.warn({ queue, err: { name: err.name, message: err.message } }, 'worker error'));
    return w;
  });
}

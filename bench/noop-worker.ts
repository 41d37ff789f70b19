// The baseline of `npm run bench:workflow`: a BullMQ worker that does nothing with each job, at the
// concurrency the real worker uses, on the same Redis. Run as a child process (one per worker process).
// Environment: REDIS_URL, QUEUE_PREFIX, WORKER_CONCURRENCY, NOOP_QUEUE.
import { Worker } from 'bullmq';
import { Redis } from 'ioredis';

const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const worker = new Worker(process.env.NOOP_QUEUE ?? 'noop', async () => ({ outcome: 'done' }), {
  connection: new Redis(url, { maxRetriesPerRequest: null }),
  prefix: process.env.QUEUE_PREFIX ?? 'bench',
  concurrency: Number(process.env.WORKER_CONCURRENCY ?? 8),
});
process.on('SIGTERM', () => {
  void worker.close().then(() => process.exit(0));
});

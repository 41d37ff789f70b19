// The worker's job map on real Redis: a job with no processor fails loudly and is not retried.
import { Queue, QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROCESSORS } from '../../src/workflow/processors/index.ts';
import { startWorkers } from '../../src/workflow/worker.ts';
import { type TestDeps, REDIS_URL, testDeps } from '../helpers/env.ts';

let t: TestDeps;
beforeAll(async () => {
  t = await testDeps();
});
afterAll(async () => t.close());

describe('worker dispatch', () => {
  it('fails a job whose name has no processor, without retries', async () => {
    const prefix = t.env.config.queuePrefix;
    const connections: Redis[] = [];
    const workers = startWorkers(t.deps, PROCESSORS, () => {
      const c = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
      connections.push(c);
      return c;
    });
    const queue = new Queue('case-workflow', { connection: { url: REDIS_URL }, prefix });
    const events = new QueueEvents('case-workflow', { connection: { url: REDIS_URL }, prefix });
    try {
      await events.waitUntilReady();
      const failed = new Promise<{ jobId: string; failedReason: string }>((resolve) => events.on('failed', resolve));
      const job = await queue.add('case.vanished', { caseId: crypto.randomUUID() }, { attempts: 5, jobId: 'no-processor-1' });
      const f = await failed;
      expect(f.jobId).toBe(job.id);
      expect(f.failedReason).toContain('no processor for job "case.vanished"');
      const stored = await queue.getJob(job.id!);
      expect(stored?.attemptsMade).toBe(1);
    } finally {
      await Promise.all(workers.map((w) => w.close()));
      await events.close();
      await queue.obliterate({ force: true });
      await queue.close();
      for (const c of connections) c.disconnect();
    }
  });
});

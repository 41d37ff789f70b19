// Redis restarted empty (no persistence, as after a failover to a fresh replica): jobs already handed over
// vanish with it. The database is the source of truth: the worker re-registers its schedulers, and the
// reconcile job gives every case still `received` its case.received job back, so each is triaged once.
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUBMISSION_EXAMPLES } from '../../src/cases/submission.schema.ts';
import { loadConfig } from '../../src/config.ts';
import type { Clock } from '../../src/lib/clock.ts';
import { createLogger } from '../../src/lib/logger.ts';
import { type Runtime, startRuntime } from '../../src/runtime.ts';
import { OutboxRelay } from '../../src/workflow/outbox-relay.ts';
import { QueueSet } from '../../src/workflow/queue-set.ts';
import { STUCK_AFTER_MS } from '../../src/workflow/stuck-cases.ts';
import { type TestEnv, testEnv } from '../helpers/env.ts';
import { OwnRedis } from '../helpers/redis-server.ts';

/** Real time plus an offset the test moves forward (the clock is an edge). */
let offsetMs = 0;
const clock: Clock = { now: () => new Date(Date.now() + offsetMs) };
const logger = createLogger('silent');

let redis: OwnRedis;
let env: TestEnv;
let web: Runtime | undefined;
let worker: Runtime | undefined;

beforeAll(async () => {
  redis = await OwnRedis.start();
  env = await testEnv({ REDIS_URL: redis.url, ROLE: 'web' });
  web = await startRuntime(env.config, { clock, logger });
});

afterAll(async () => {
  await worker?.stop();
  await web?.stop();
  await redis?.dispose();
  await env?.cleanup();
});

async function until(cond: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await cond()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what}: not met within ${ms} ms`);
}

describe('Redis restarted empty', () => {
  it('every acknowledged case is still triaged, exactly once, and the schedules come back', async () => {
    if (!web?.url) throw new Error('web runtime did not start');
    const bodies = [SUBMISSION_EXAMPLES.complaint.value, SUBMISSION_EXAMPLES.anonymousReport.value, SUBMISSION_EXAMPLES.consultation.value];
    const answers = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        fetch(`${web?.url}/api/v1/submissions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(bodies[i % 3]),
        }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(24).fill(201));
    const db = web.deps.db;
    const cases = await db.selectFrom('intake_case').select(['id', 'status']).execute();
    expect(cases).toHaveLength(24);

    // The relay hands every row to Redis (marked sent), no worker runs yet ...
    const queues = new QueueSet(redis.url, env.config.queuePrefix);
    const relay = new OutboxRelay({ db, queues, logger, clock });
    await relay.flushOnce();
    const waiting = await queues.get('case-workflow').getJobCounts('waiting');
    expect(waiting.waiting).toBe(24);
    await queues.close();
    // ... and Redis restarts with nothing: the jobs are gone, the outbox says they were sent.
    await redis.stop();
    await redis.start();
    const unsent = await db.selectFrom('outbox').select('id').where('sent_at', 'is', null).execute();
    expect(unsent).toHaveLength(0);

    // Minutes later a worker starts: nothing in Redis tells it about these cases.
    offsetMs = STUCK_AFTER_MS + 60_000;
    worker = await startRuntime(loadConfig({ ...env.env, ROLE: 'worker', SCHEDULER_CHECK_MS: '200' }), { clock, logger });
    await until(
      async () => (await db.selectFrom('intake_case').select('id').where('status', '=', 'received').execute()).length === 0,
      45_000,
      'all cases left received',
    );
    // Triaged once each: exactly one `triage` event per case, however many times its job was offered.
    const triaged = await db
      .selectFrom('case_event')
      .select(['case_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('type', '=', 'triage')
      .groupBy('case_id')
      .execute();
    expect(triaged).toHaveLength(24);
    expect(triaged.every((r) => Number(r.n) === 1)).toBe(true);

    // Redis loses everything again while the worker runs: the repeatable jobs are registered again.
    await redis.stop();
    await redis.start();
    const q = new Queue('case-workflow', { connection: { url: redis.url }, prefix: env.config.queuePrefix });
    try {
      // Registered one after the other: wait for both.
      const both = async () => Boolean((await q.getJobScheduler('clocks-reconcile')) && (await q.getJobScheduler('hotspots-scan')));
      await until(() => both().catch(() => false), 20_000, 'schedulers re-registered');
    } finally {
      await q.close();
    }
  });
});

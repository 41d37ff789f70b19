// Redis outage: submissions keep succeeding while Redis is down; when it returns, every committed case
// reaches BullMQ as exactly one case.received job.
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUBMISSION_EXAMPLES } from '../../src/cases/submission.schema.ts';
import { type Runtime, startRuntime } from '../../src/runtime.ts';
import { type TestEnv, testEnv } from '../helpers/env.ts';
import { OwnRedis } from '../helpers/redis-server.ts';
import { createLogger } from '../../src/lib/logger.ts';

let redis: OwnRedis;
let env: TestEnv;
let rt: Runtime;

beforeAll(async () => {
  redis = await OwnRedis.start();
  // ROLE=all: HTTP, relay and workers in one process; jobs are counted in every state, completed included.
  env = await testEnv({ REDIS_URL: redis.url, ROLE: 'all', RELAY_INTERVAL_MS: '100' });
  rt = await startRuntime(env.config, { logger: createLogger('silent') });
});

afterAll(async () => {
  await rt?.stop();
  await redis?.dispose();
  await env?.cleanup();
});

async function until(cond: () => Promise<boolean>, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await cond()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('condition not met in time');
}

const pending = async () =>
  Number(
    (
      await rt.deps.db
        .selectFrom('outbox')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('sent_at', 'is', null)
        .where('name', '=', 'case.received')
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('outbox relay across a Redis outage', () => {
  it('delivers 100 submissions made while Redis was down, each exactly once', async () => {
    await redis.stop();
    const bodies = [SUBMISSION_EXAMPLES.complaint.value, SUBMISSION_EXAMPLES.anonymousReport.value, SUBMISSION_EXAMPLES.consultation.value];
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        fetch(`${rt.url}/api/v1/submissions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(bodies[i % 3]),
        }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(100).fill(201));
    const numbers = (await Promise.all(answers.map((a) => a.json() as Promise<{ cases: { number: string }[] }>))).map(
      (b) => b.cases[0]!.number,
    );
    expect(new Set(numbers).size).toBe(100);
    expect(await pending()).toBe(100);
    // Redis stays away while the relay tries and fails, round after round (a condition, not a sleep):
    // nothing is lost.
    const before = rt.relay.stats.failedRounds;
    await until(async () => rt.relay.stats.failedRounds >= before + 2, 30_000);
    expect(await pending()).toBe(100);

    await redis.start();
    await until(async () => (await pending()) === 0, 30_000);

    const queue = new Queue('case-workflow', { connection: { url: redis.url }, prefix: env.config.queuePrefix });
    try {
      const jobsOnce = async () =>
        (await queue.getJobs(['waiting', 'active', 'completed', 'failed', 'delayed', 'prioritized'])).filter(
          (j) => j.name === 'case.received',
        );
      const jobs = await jobsOnce();
      expect(jobs).toHaveLength(100);
      const caseIds = jobs.map((j) => (j.data as { caseId: string }).caseId);
      expect(new Set(caseIds).size).toBe(100);
      const stored = await rt.deps.db.selectFrom('intake_case').select('id').where('number', 'in', numbers).execute();
      expect(new Set(caseIds)).toEqual(new Set(stored.map((s) => s.id)));
      // Payloads carry ids only.
      for (const j of jobs) expect(Object.keys(j.data as object)).toEqual(['caseId']);

      // A relay that re-sends rows (crash between add and mark) still yields one job per row.
      await rt.deps.db.updateTable('outbox').set({ sent_at: null }).execute();
      await rt.relay.flushOnce();
      expect(await jobsOnce()).toHaveLength(100);
    } finally {
      await queue.close();
    }
  });
});

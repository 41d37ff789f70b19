// Worker faults, on a redis-server of the test's own and worker processes the test kills:
// - a worker SIGKILLed with jobs in flight: another worker takes the stalled jobs up, and every case's
//   effects happen once (one triage event, one clock of each kind);
// - an outbox row sent again (the relay died between handing it over and marking it sent): the job with
//   the same id does not run a second time;
// - a crash with unsent outbox rows while Redis was away, Redis back empty: the restarted worker delivers
//   the rows and registers the repeatable schedules.
import { type ChildProcess, spawn } from 'node:child_process';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUBMISSION_EXAMPLES } from '../../src/cases/submission.schema.ts';
import { createLogger } from '../../src/lib/logger.ts';
import { type Runtime, startRuntime } from '../../src/runtime.ts';
import { caseReceivedJobId } from '../../src/workflow/jobs.ts';
import { OutboxRelay } from '../../src/workflow/outbox-relay.ts';
import { QueueSet } from '../../src/workflow/queue-set.ts';
import { type TestEnv, testEnv } from '../helpers/env.ts';
import { OwnRedis } from '../helpers/redis-server.ts';

const logger = createLogger('silent');
let redis: OwnRedis;
let env: TestEnv;
let web: Runtime | undefined;
let queue: Queue | undefined;
const children: ChildProcess[] = [];
let workerErrors = '';

beforeAll(async () => {
  redis = await OwnRedis.start();
  env = await testEnv({ REDIS_URL: redis.url, ROLE: 'web' });
  web = await startRuntime(env.config, { logger });
  queue = new Queue('case-workflow', { connection: { url: redis.url }, prefix: env.config.queuePrefix });
  queue.on('error', () => {}); // the test's own view of the queue, while Redis is away
}, 60_000);

afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  await queue?.close();
  await web?.stop();
  await redis?.dispose();
  await env?.cleanup();
}, 60_000);

function spawnWorker(): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { ...process.env, ...env.env, ROLE: 'worker', WORKER_CONCURRENCY: '4', SCHEDULER_CHECK_MS: '500' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  // What a worker said on stderr, for the failure message when it did not do its work.
  child.stderr?.on('data', (d: Buffer) => {
    workerErrors += d.toString();
  });
  children.push(child);
  return child;
}

async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGKILL');
  });
}

async function until(cond: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await cond().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${what}: not met within ${ms} ms`);
}

async function submit(n: number): Promise<void> {
  const bodies = [SUBMISSION_EXAMPLES.complaint.value, SUBMISSION_EXAMPLES.consultation.value];
  for (let i = 0; i < n; i += 20) {
    const answers = await Promise.all(
      Array.from({ length: Math.min(20, n - i) }, (_, j) =>
        fetch(`${web?.url}/api/v1/submissions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(bodies[(i + j) % bodies.length]),
        }).then((r) => r.status),
      ),
    );
    expect(answers.filter((s) => s !== 201)).toEqual([]);
  }
}

async function stillReceived(): Promise<number> {
  const db = web?.deps.db;
  if (!db) throw new Error('no web runtime');
  return (await db.selectFrom('intake_case').select('id').where('status', '=', 'received').execute()).length;
}

/** Effects once: one triage event per case, and never two clocks of the same kind on a case. */
async function effectsOnce(): Promise<{ cases: number; triagedTwice: number; clocksTwice: number }> {
  const db = web?.deps.db;
  if (!db) throw new Error('no web runtime');
  const cases = (await db.selectFrom('intake_case').select('id').execute()).length;
  const triage = await db
    .selectFrom('case_event')
    .select(['case_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('type', '=', 'triage')
    .groupBy('case_id')
    .execute();
  const clocks = await db
    .selectFrom('case_clock')
    .select(['case_id', 'clock', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['case_id', 'clock'])
    .execute();
  expect(triage.length).toBe(cases);
  return {
    cases,
    triagedTwice: triage.filter((r) => Number(r.n) !== 1).length,
    clocksTwice: clocks.filter((r) => Number(r.n) !== 1).length,
  };
}

describe('worker faults', () => {
  it('a worker killed with jobs in flight: the stalled jobs are taken up again and take effect once', async () => {
    await submit(160);
    const first = spawnWorker();
    // Kill it while it is working: some cases done, some jobs active right now.
    let activeAtKill = 0;
    await until(
      async () => {
        const counts = await queue?.getJobCounts('active', 'completed');
        activeAtKill = counts?.active ?? 0;
        return activeAtKill > 0 && (counts?.completed ?? 0) >= 5 && (await stillReceived()) > 0;
      },
      60_000,
      'worker busy',
    );
    await kill(first);
    expect(activeAtKill).toBeGreaterThan(0);
    const leftAtKill = await stillReceived();
    expect(leftAtKill).toBeGreaterThan(0);

    spawnWorker();
    await until(async () => (await stillReceived()) === 0, 120_000, 'all cases triaged by the second worker');
    const once = await effectsOnce();
    expect(once).toMatchObject({ triagedTwice: 0, clocksTwice: 0 });
    console.log(`worker killed: ${activeAtKill} jobs active at the kill, ${leftAtKill} cases waiting; lost 0, twice 0`);
  }, 180_000);

  it('an outbox row sent again does not run its job a second time', async () => {
    const db = web?.deps.db;
    if (!db || !queue) throw new Error('no runtime');
    const rows = await db.selectFrom('outbox').select(['id', 'case_id']).where('name', '=', 'case.received').execute();
    expect(rows.length).toBeGreaterThan(0);
    const sample = rows.slice(0, 20).flatMap((r) => (r.case_id ? [r.case_id] : []));
    const before = new Map<string, number | undefined>();
    for (const id of sample) before.set(id, (await queue.getJob(caseReceivedJobId(id)))?.processedOn);
    expect([...before.values()].every((t) => typeof t === 'number')).toBe(true);

    // The relay died after handing the rows over and before marking them sent: they go again.
    await db
      .updateTable('outbox')
      .set({ sent_at: null })
      .where(
        'id',
        'in',
        rows.map((r) => r.id),
      )
      .execute();
    // A relay sends one batch at a time, and on PostgreSQL a running worker's relay may hold rows it has
    // claimed (FOR UPDATE SKIP LOCKED): batches are sent until every row has gone again, whichever relay took it.
    const unsentCount = async () => (await db.selectFrom('outbox').select('id').where('sent_at', 'is', null).execute()).length;
    const queues = new QueueSet(redis.url, env.config.queuePrefix);
    try {
      const relay = new OutboxRelay({ db, queues, logger, clock: { now: () => new Date() } });
      await until(
        async () => {
          await relay.flushOnce();
          return (await unsentCount()) === 0;
        },
        30_000,
        'every outbox row sent again',
      );
    } finally {
      await queues.close();
    }
    await until(async () => ((await queue?.getJobCounts('waiting', 'active'))?.waiting ?? 1) === 0, 30_000, 'queue drained');
    for (const id of sample) expect((await queue.getJob(caseReceivedJobId(id)))?.processedOn).toBe(before.get(id));
    expect(await effectsOnce()).toMatchObject({ triagedTwice: 0, clocksTwice: 0 });
  }, 60_000);

  it('after a crash with unsent outbox rows and Redis back empty, a new worker delivers them and registers its schedules', async () => {
    for (const c of children) await kill(c);
    await redis.stop();
    // Citizens keep filing while Redis is away (the web process only writes the outbox): unsent rows.
    await submit(20);
    expect(await stillReceived()).toBe(20);
    // Redis comes back with nothing in it, and the worker is started again (a process refuses to start
    // against an explicit REDIS_URL that does not answer at all: runtime.ts ensureRedis).
    await redis.start();
    spawnWorker();
    await until(async () => (await stillReceived()) === 0, 90_000, 'the waiting cases triaged').catch((err: Error) => {
      throw new Error(`${err.message}; worker stderr: ${workerErrors.slice(-3000)}`);
    });
    // Registered one after the other: wait for both.
    await until(
      async () => Boolean((await queue?.getJobScheduler('clocks-reconcile')) && (await queue?.getJobScheduler('hotspots-scan'))),
      30_000,
      'clocks-reconcile and hotspots-scan scheduled',
    );
    expect(await effectsOnce()).toMatchObject({ triagedTwice: 0, clocksTwice: 0 });
  }, 150_000);
});

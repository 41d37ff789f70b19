// PostgreSQL restarted under load, one web process and two workers on a PostgreSQL of the test's own:
// the processes survive (pool error handlers), clients see only 201 or the documented 503 `UNAVAILABLE`
// with Retry-After while the database is away, a retry succeeds once it is back, every acknowledged case
// is there once with its own number, and each case is triaged exactly once by the two workers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUBMISSION_EXAMPLES } from '../../src/cases/submission.schema.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/lib/logger.ts';
import { type Runtime, startRuntime } from '../../src/runtime.ts';
import { type TestEnv, testEnv } from '../helpers/env.ts';
import { OwnPostgres } from '../helpers/postgres-server.ts';

const why = OwnPostgres.unavailable();
const logger = createLogger('silent');
let pg: OwnPostgres | undefined;
let env: TestEnv | undefined;
const runtimes: Runtime[] = [];

beforeAll(async () => {
  if (why) return;
  pg = await OwnPostgres.start();
  env = await testEnv({ DATABASE_URL: pg.url, ROLE: 'web', SCHEDULER_CHECK_MS: '500' });
  runtimes.push(await startRuntime(env.config, { logger }));
  for (let i = 0; i < 2; i++) runtimes.push(await startRuntime(loadConfig({ ...env.env, ROLE: 'worker' }), { logger }));
}, 120_000);

afterAll(async () => {
  for (const r of runtimes.reverse()) await r.stop().catch(() => undefined);
  await pg?.dispose();
  await env?.cleanup();
}, 60_000);

async function until(cond: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await cond().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what}: not met within ${ms} ms`);
}

type Answer = { status: number; numbers: string[]; code?: string; retryAfter?: string | null } | { error: string };

async function submit(url: string, i: number): Promise<Answer> {
  const bodies = [SUBMISSION_EXAMPLES.complaint.value, SUBMISSION_EXAMPLES.consultation.value];
  try {
    const r = await fetch(`${url}/api/v1/submissions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(bodies[i % bodies.length]),
    });
    const j = (await r.json()) as { cases?: { number: string }[]; error?: { code?: string } };
    return {
      status: r.status,
      numbers: (j.cases ?? []).map((k) => k.number),
      code: j.error?.code,
      retryAfter: r.headers.get('retry-after'),
    };
  } catch (err) {
    return { error: String(err) };
  }
}

describe.skipIf(why)(`PostgreSQL restarted under load (${why ?? 'own server'})`, () => {
  it('loses nothing acknowledged, answers 503 UNAVAILABLE while away, and each case is triaged once', async () => {
    const web = runtimes[0];
    if (!web?.url || !pg) throw new Error('runtime did not start');
    const url = web.url;
    const answers: Answer[] = [];
    let stop = false;
    let n = 0;
    const load = async () => {
      while (!stop) answers.push(await submit(url, n++));
    };
    const clients = Array.from({ length: 6 }, load);
    // Load first, then the restart in the middle of it (fast shutdown kills the open connections).
    await until(async () => answers.filter((a) => 'status' in a && a.status === 201).length >= 30, 30_000, 'load running');
    await pg.ctl('restart');
    const afterRestart = answers.length;
    await until(
      async () => answers.slice(afterRestart).filter((a) => 'status' in a && a.status === 201).length >= 30,
      60_000,
      'load resumed',
    );
    stop = true;
    await Promise.all(clients);

    // The web process never went away (no connection errors), and only two answers were given.
    expect(answers.filter((a) => 'error' in a)).toEqual([]);
    const odd = answers.filter((a) => 'status' in a && a.status !== 201 && !(a.status === 503 && a.code === 'UNAVAILABLE' && a.retryAfter));
    expect(odd).toEqual([]);

    // While PostgreSQL is down the answer is the documented 503; once it is back the same request succeeds.
    await pg.ctl('stop');
    const away = await submit(url, 0);
    expect(away).toMatchObject({ status: 503, code: 'UNAVAILABLE', retryAfter: '5' });
    await pg.ctl('start');
    await until(
      async () => {
        const again = await submit(url, 0);
        if ('status' in again && again.status === 201 && again.numbers.length) {
          answers.push(again);
          return true;
        }
        return false;
      },
      30_000,
      'retry succeeded',
    );

    // Every acknowledged case is there, once, with its own number; each triaged exactly once.
    const acknowledged = answers.flatMap((a) => ('status' in a && a.status === 201 ? a.numbers : []));
    expect(new Set(acknowledged).size).toBe(acknowledged.length);
    const db = web.deps.db;
    const stored = await db.selectFrom('intake_case').select(['number']).execute();
    const storedNumbers = new Set(stored.map((r) => r.number));
    expect(acknowledged.filter((x) => !storedNumbers.has(x))).toEqual([]);
    expect(storedNumbers.size).toBe(stored.length);
    await until(
      async () => (await db.selectFrom('intake_case').select('id').where('status', '=', 'received').execute()).length === 0,
      90_000,
      'every case triaged by the workers after the restart',
    );
    const triaged = await db
      .selectFrom('case_event')
      .select(['case_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('type', '=', 'triage')
      .groupBy('case_id')
      .execute();
    expect(triaged.length).toBe(stored.length);
    expect(triaged.filter((r) => Number(r.n) !== 1)).toEqual([]);
    console.log(
      `postgres restart: ${answers.length} submissions, ${acknowledged.length} cases acknowledged, ${answers.filter((a) => 'status' in a && a.status === 503).length} answered 503, lost 0, twice 0`,
    );
  }, 240_000);
});

// `npx tsx bench/workflow-queries.ts [--cases N] [--concurrency N]`: where the `case.received` pipeline
// spends its time, in one process without Redis: N cases filed through intake (like bench/workflow.ts),
// then receiveCase run on each at the given concurrency. Prints the pipeline's rate and the SQL
// statements by total time (better-sqlite3's calls timed around each statement run; on PostgreSQL, with
// TEST_DATABASE_URL set, each pg query from send to answer), so the database share of a job can be told
// from its JavaScript share. --profile: a CPU profile of the pipeline phase alone. NO_AUTOCHECKPOINT=1
// (SQLite): checkpoints off, to count the WAL pages each case writes.
import { statSync, writeFileSync } from 'node:fs';
import inspector from 'node:inspector';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import pg from 'pg';
import { SubmissionSchema, SUBMISSION_EXAMPLES } from '../src/cases/submission.schema.ts';
import { receiveCase } from '../src/workflow/processors/case-received.processor.ts';
import { randomBytes } from 'node:crypto';
import { openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { createDeps } from '../src/deps.ts';
import { systemClock } from '../src/lib/clock.ts';
import { createLogger } from '../src/lib/logger.ts';
import { testEnv } from '../test/helpers/env.ts';
import { benchArgs } from './args.ts';
import { topFunctions } from './profile-top.ts';

const { cases, concurrency, profile } = benchArgs(
  'usage: npx tsx bench/workflow-queries.ts [--cases N] [--concurrency N] [--profile]',
  { cases: 2000, concurrency: 8 },
  ['profile'],
);
// --profile: a V8 CPU profile of the pipeline phase only (not intake), written to the temp directory.
const session = new inspector.Session();
const post = (method: string, params?: object) =>
  new Promise<unknown>((resolve, reject) => session.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res))));

type Stat = { n: number; ms: number };
const stats = new Map<string, Stat>();
const commits: number[] = [];
let timing = false;
const record = (source: string, dt: number) => {
  const s = stats.get(source) ?? { n: 0, ms: 0 };
  s.n++;
  s.ms += dt;
  stats.set(source, s);
  if (source === 'commit') commits.push(dt);
};
const probe = new Database(':memory:');
const Statement = Object.getPrototypeOf(probe.prepare('select 1')) as Record<string, unknown>;
probe.close();
for (const method of ['run', 'get', 'all', 'iterate'] as const) {
  const original = Statement[method] as (...a: unknown[]) => unknown;
  Statement[method] = function (this: { source: string }, ...args: unknown[]) {
    if (!timing) return original.apply(this, args);
    const t0 = performance.now();
    try {
      return original.apply(this, args);
    } finally {
      record(this.source, performance.now() - t0);
    }
  };
}
const pgQuery = pg.Client.prototype.query as (...a: unknown[]) => unknown;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const out = pgQuery.apply(this, args);
  const text = typeof args[0] === 'string' ? args[0] : ((args[0] as { text?: string } | undefined)?.text ?? '?');
  if (timing && out instanceof Promise) {
    const t0 = performance.now();
    out.then(
      () => record(text, performance.now() - t0),
      () => undefined,
    );
  }
  return out;
} as typeof pg.Client.prototype.query;

// As a worker process opens it (ROLE=worker: synchronous=NORMAL and the grouped WAL fsync).
const env = await testEnv();
const { db, dialect } = openDatabase(env.config.database, { groupSync: true });
await migrateToLatest(db);
if (process.env.NO_AUTOCHECKPOINT) await sql`pragma wal_autocheckpoint = 0`.execute(db);
const deps = createDeps({
  config: env.config,
  db,
  dialect,
  logger: createLogger('silent'),
  clock: systemClock,
  identityKey: randomBytes(32),
  redisReady: async () => false,
});
const t = { deps, db };
try {
  const examples = [SUBMISSION_EXAMPLES.complaint.value, SUBMISSION_EXAMPLES.complaintAndReport.value];
  const townships = ['新建路街道', '新华路街道', '龙湖镇', '薛店镇', '郭店镇', '和庄镇', '梨河镇', '辛店镇'];
  await Promise.all(
    Array.from({ length: cases }, (_, i) => {
      const ex = examples[i % examples.length] ?? SUBMISSION_EXAMPLES.complaint.value;
      const business = { name: `新郑市第${(i * 7919) % Math.max(10, Math.floor(cases / 4))}号饭店`, address: '新郑市' };
      const person = { ...ex.person, phone: `138${String(10_000_000 + i).slice(-8)}`, address: `新郑市人民路${i}号` };
      return t.deps.intake.submit({
        submission: SubmissionSchema.parse({ ...ex, business, person, township: townships[i % townships.length] }),
        files: [],
        channel: 'api',
        actor: { role: 'citizen', id: null },
        idempotencyKey: null,
      });
    }),
  );
  const ids = (await t.db.selectFrom('intake_case').select('id').where('status', '=', 'received').execute()).map((r) => r.id);
  const walSize = () => {
    try {
      return statSync(`${env.config.database.kind === 'sqlite' ? env.config.database.file : ''}-wal`).size;
    } catch {
      return 0;
    }
  };
  if (process.env.NO_AUTOCHECKPOINT) await sql`pragma wal_checkpoint(truncate)`.execute(db);
  const wal0 = walSize();
  timing = true;
  let next = 0;
  if (profile) {
    session.connect();
    await post('Profiler.enable');
    await post('Profiler.start');
  }
  const started = performance.now();
  const cpu0 = process.cpuUsage();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < ids.length) {
        const id = ids[next++];
        if (id) await receiveCase(t.deps, id);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpu0);
  if (process.env.NO_AUTOCHECKPOINT) console.log(`WAL grew ${((walSize() - wal0) / 4096 / ids.length).toFixed(1)} pages per case`);
  if (profile) {
    const { profile: p } = (await post('Profiler.stop')) as { profile: unknown };
    const file = path.join(os.tmpdir(), `workflow-pipeline-${Date.now()}.cpuprofile`);
    writeFileSync(file, JSON.stringify(p));
    console.log(`pipeline CPU profile: ${file}`);
    console.table(topFunctions(file, 12));
  }
  timing = false;
  const sqlMs = [...stats.values()].reduce((a, s) => a + s.ms, 0);
  console.log(
    `${ids.length} cases in ${seconds.toFixed(2)} s: ${Math.round(ids.length / seconds)} cases/s; CPU ${((cpu.user + cpu.system) / 1000 / ids.length).toFixed(2)} ms per case (user ${(cpu.user / 1000 / ids.length).toFixed(2)}); SQL ${(sqlMs / 1000).toFixed(2)} s (${((100 * sqlMs) / (seconds * 1000)).toFixed(0)}%), ${[...stats.values()].reduce((a, s) => a + s.n, 0) / ids.length} statements per case`,
  );
  commits.sort((a, b) => a - b);
  const q = (f: number) => (commits[Math.floor(f * (commits.length - 1))] ?? 0).toFixed(3);
  console.log(`commit ms: p50 ${q(0.5)} p90 ${q(0.9)} p99 ${q(0.99)} max ${q(1)}`);
  console.table(
    [...stats.entries()]
      .sort((a, b) => b[1].ms - a[1].ms)
      .slice(0, 20)
      .map(([sql, s]) => ({
        sql: sql.replace(/\s+/g, ' ').slice(0, 110),
        'per case': Number((s.n / ids.length).toFixed(2)),
        'ms total': Math.round(s.ms),
        'µs each': Math.round((1000 * s.ms) / s.n),
      })),
  );
} finally {
  await deps.intake.close();
  await deps.limits.close();
  await db.destroy();
  await env.cleanup();
}
process.exit(0);

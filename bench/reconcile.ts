// `npm run bench:reconcile [-- --clocks 100000 --changed 100]`: what one clocks.reconcile run costs with
// many open clocks (issue #21.3), on SQLite and the shared Redis (its own key prefix, removed at the end).
// Seeds N running clocks (due 1 hour to 60 days ahead), hands the alarms due within ALARM_LEAD_MS to Redis
// (lazy alarms: the others are made by the reconcile job as they come near), then times in the same run:
//   full pass    what every run did before #21.3: every running clock read, one Redis look-up per alarm
//                within the lead (before lazy alarms: per future alarm); now only on a process's first
//                run, hourly, or after Redis lost its data;
//   incremental  the minute's run: clocks written since the last run (`--changed` of them touched) get the
//                whole check; clocks whose alarm times fell since then are read from the database only.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Queue } from 'bullmq';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { alarmJobId, alarmsFor, clockContext, nearAlarms } from '../src/deadlines/clock.service.ts';
import { ManualClock } from '../src/lib/clock.ts';
import { progress } from '../src/lib/cli-args.ts';
import { createLogger } from '../src/lib/logger.ts';
import { DEFAULT_JOB_OPTIONS } from '../src/workflow/jobs.ts';
import { forgetReconcileState, reconcileClocks } from '../src/workflow/processors/clocks-reconcile.processor.ts';
import { benchArgs } from './args.ts';

const { clocks: N, changed: CHANGED } = benchArgs('usage: npm run bench:reconcile -- [--clocks N] [--changed N]', {
  clocks: 100_000,
  changed: 100,
});

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'shiantong-reconcile-bench-'));
const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', SQLITE_SYNCHRONOUS: 'NORMAL' });
if (config.database.kind !== 'sqlite') throw new Error('bench:reconcile seeds SQLite');
const { db: mdb } = openDatabase(config.database);
await migrateToLatest(mdb);
await mdb.destroy();

const now = new Date('2026-11-03T02:00:00Z');
const at = new Date(now.getTime() - 86_400_000).toISOString(); // cases and clocks written a day ago
const raw = new SQLite(config.database.file);
raw.pragma('journal_mode = WAL');
raw.pragma('synchronous = OFF');
const insertCase = raw.prepare(
  `insert into intake_case (id, number, submission_id, kind, status, channel, received_at, rule_version, description, query_code_hash, unit_id, next_due_at, version, created_at, updated_at)
   values (?, ?, ?, 'complaint', 'accepted', 'api', ?, 'order121', '描述', 'x', 'intake', ?, 1, ?, ?)`,
);
const insertClock = raw.prepare(
  `insert into case_clock (id, case_id, clock, rule_version, started_at, due_at, status, unit_id, created_at, updated_at) values (?, ?, 'D2', 'order121', ?, ?, 'running', 'intake', ?, ?)`,
);
let rnd = 7;
const rand = () => (rnd = (rnd * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
const seed = raw.transaction((from: number, to: number) => {
  for (let i = from; i < to; i++) {
    const id = randomUUID();
    const due = new Date(now.getTime() + 3_600_000 + Math.floor(rand() * 60 * 86_400_000)).toISOString();
    insertCase.run(id, `XZ-20261103-${String(i).padStart(7, '0')}`, id, at, due, at, at);
    insertClock.run(randomUUID(), id, at, due, at, at);
  }
});
const seeding = progress('seeding clocks', N);
for (let i = 0; i < N; i += 20_000) {
  seed(i, Math.min(N, i + 20_000));
  seeding.tick(Math.min(N, i + 20_000));
}
seeding.done();
raw.exec('analyze');

const { db } = openDatabase(config.database);
const prefix = `bench_reconcile_${randomUUID().slice(0, 8)}`;
const queue = new Queue('case-workflow', { connection: { url: config.redis.url }, prefix });
const clock = new ManualClock(now);
// reconcileClocks reads db, clock, queues and logger (fireAlarm: nothing fires here, every alarm is ahead).
const deps = { db, clock, queues: { 'case-workflow': queue }, logger: createLogger('silent') } as unknown as Parameters<
  typeof reconcileClocks
>[0];

// Hand the near alarms to Redis (as the outbox relay would have), in bulk; the others live in their rows.
const ctx = await clockContext(db);
const rows = await db.selectFrom('case_clock').selectAll().where('status', '=', 'running').execute();
const alarms = nearAlarms(
  rows.flatMap((r) => alarmsFor(ctx, r)),
  now,
);
console.log(`${rows.flatMap((r) => alarmsFor(ctx, r)).length} alarms in all, ${alarms.length} within the lead (in Redis)`);
const handing = progress('alarms to Redis', alarms.length);
for (let i = 0; i < alarms.length; i += 2000) {
  await queue.addBulk(
    alarms.slice(i, i + 2000).map((a) => ({
      name: 'clock.alarm',
      data: { clockId: a.clockId, kind: a.kind, fireAt: a.fireAt },
      opts: { ...DEFAULT_JOB_OPTIONS, jobId: alarmJobId(a), delay: Date.parse(a.fireAt) - now.getTime() },
    })),
  );
  handing.tick(Math.min(alarms.length, i + 2000));
}
handing.done();

const results: Record<string, string | number>[] = [];
const timed = async (name: string) => {
  const s = performance.now();
  const r = await reconcileClocks(deps);
  const ms = performance.now() - s;
  results.push({
    run: name,
    full: r.full ? 'yes' : 'no',
    'clocks read': r.full ? rows.length : r.checked,
    'Redis look-ups': r.redisLookups,
    're-created': r.rescheduled,
    ms: Number(ms.toFixed(1)),
  });
  return ms;
};

forgetReconcileState();
clock.set(new Date(now.getTime() + 60_000));
const full = await timed('full pass (every run before #21.3)');
// The next minute: a few clocks were written (a transition pauses, extends or restarts them).
const touched = rows.slice(0, CHANGED).map((r) => r.id);
const t2 = new Date(now.getTime() + 8 * 60_000);
await db.updateTable('case_clock').set({ updated_at: t2.toISOString() }).where('id', 'in', touched).execute();
clock.set(t2);
await timed(`incremental, ${CHANGED} clocks changed (overlap with the full pass)`);
clock.set(new Date(t2.getTime() + 60_000));
const inc = await timed('incremental, the next minute (nothing changed)');

console.log(`\nclocks.reconcile with ${N.toLocaleString()} running clocks, ${alarms.length.toLocaleString()} alarms in Redis`);
console.table(results);
console.log(`incremental / full: ${(inc / full).toFixed(3)}×`);

await queue.obliterate({ force: true });
await queue.close();
await db.destroy();
raw.close();
rmSync(dataDir, { recursive: true, force: true });
process.exit(0);

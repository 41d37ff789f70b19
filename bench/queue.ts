// `npm run bench:queue [-- --cases 1000000]`: the back-office queues with a million cases (SQLite).
// Seeds a fresh database (20% of cases still open, with running clocks), then times the real queue
// queries (listCases, clockQueue) for a handler, a supervisor and an admin, against a baseline measured
// in the same run: fetching one case by primary key. Prints p50/p95/p99 per query and p50 as a multiple
// of the baseline's. KEEP=1 keeps the seeded database (its path is printed) for EXPLAIN QUERY PLAN.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { SearchSchema, clockQueue, listCases } from '../src/backoffice/case.queries.ts';
import type { StaffUser } from '../src/backoffice/session.service.ts';
import { TOWNSHIPS } from '../src/cases/divisions.ts';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { progress } from '../src/lib/cli-args.ts';
import { benchArgs } from './args.ts';

const { cases: N, runs: RUNS } = benchArgs('usage: npm run bench:queue -- [--cases N] [--runs N]', { cases: 1_000_000, runs: 30 });

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'shiantong-queue-bench-'));
const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', SQLITE_SYNCHRONOUS: 'NORMAL' });
if (config.database.kind !== 'sqlite') throw new Error('bench:queue seeds SQLite');
const { db } = openDatabase(config.database);
await migrateToLatest(db);
await db.destroy();

// Seeding goes straight through better-sqlite3 in big transactions: it is set-up, not what is measured.
const raw = new SQLite(config.database.file);
raw.pragma('journal_mode = WAL');
raw.pragma('synchronous = OFF');
const units = (raw.prepare(`select id from unit where kind = 'station'`).all() as { id: string }[]).map((u) => u.id);
const now = new Date('2026-11-28T02:00:00Z');
const at = now.toISOString();
const handlers = new Map<string, string[]>();
const insertUser = raw.prepare(
  `insert into staff_user (id, username, display_name, role, unit_id, skills, capacity, active, created_at, updated_at) values (?, ?, ?, ?, ?, '[]', 1000000, 1, ?, ?)`,
);
for (const u of units) {
  const list: string[] = [];
  for (let i = 0; i < 8; i++) {
    const id = randomUUID();
    insertUser.run(id, `h-${u}-${i}`, `handler ${i}`, 'handler', u, at, at);
    list.push(id);
  }
  handlers.set(u, list);
  insertUser.run(randomUUID(), `s-${u}`, 'supervisor', 'supervisor', u, at, at);
}
const cols = [
  'id',
  'number',
  'submission_id',
  'kind',
  'status',
  'channel',
  'received_at',
  'rule_version',
  'business_name',
  'township',
  'description',
  'query_code_hash',
  'unit_id',
  'assignee_id',
  'category',
  'urgency',
  'urgency_rank',
  'business_key',
  'next_due_at',
  'version',
  'created_at',
  'updated_at',
];
const insertCase = raw.prepare(`insert into intake_case (${cols.join(', ')}) values (${cols.map(() => '?').join(', ')})`);
const insertClock = raw.prepare(
  `insert into case_clock (id, case_id, clock, rule_version, started_at, due_at, status, unit_id, created_at, updated_at) values (?, ?, ?, 'order121', ?, ?, 'running', ?, ?, ?)`,
);
const categories = [
  'catering',
  'school_canteen',
  'food_production',
  'food_retail',
  'online_food',
  'agricultural_products',
  'special_food',
  'other_non_food',
];
const urgencies = ['urgent', 'high', 'normal', 'low'];
const openStatuses = ['triaged', 'assigned', 'accepted', 'verifying', 'case_opened', 'mediating'];
let rnd = 42;
const rand = () => (rnd = (rnd * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
const pick = <T>(a: readonly T[]): T => a[Math.floor(rand() * a.length)]!;
const t0 = performance.now();
const seed = raw.transaction((from: number, to: number) => {
  for (let i = from; i < to; i++) {
    const id = randomUUID();
    const received = new Date(now.getTime() - Math.floor(rand() * 730) * 86_400_000 - Math.floor(rand() * 86_400_000));
    const open = rand() < 0.2;
    const unit = pick(units);
    const status = open ? pick(openStatuses) : 'closed';
    const assignee = status === 'triaged' ? null : pick(handlers.get(unit)!);
    const urgency = pick(urgencies);
    const day = received.toISOString().slice(0, 10).replaceAll('-', '');
    // Drawn in the order the seed always drew them (same data as earlier runs of this bench).
    const kind = rand() < 0.5 ? 'complaint' : 'report';
    const township = pick(TOWNSHIPS);
    const category = pick(categories);
    const clock = open ? (rand() < 0.5 ? 'D1' : 'D4') : null;
    const due = open ? new Date(now.getTime() + Math.floor((rand() - 0.2) * 20 * 86_400_000)).toISOString() : null;
    insertCase.run(
      id,
      `XZ-${day}-${String(i).padStart(7, '0')}`,
      id,
      kind,
      status,
      'api',
      received.toISOString(),
      'order121',
      `商户${i % 50_000}`,
      township,
      '一段描述文字，记录消费者反映的问题和诉求。',
      'x',
      unit,
      assignee,
      category,
      urgency,
      urgencies.indexOf(urgency),
      `商户${i % 50_000}`,
      due, // as the clock path keeps it (src/deadlines/next-due.ts)
      1,
      at,
      at,
    );
    if (clock && due) insertClock.run(randomUUID(), id, clock, received.toISOString(), due, unit, at, at);
  }
});
// Seeding a million cases takes minutes: count, rate and ETA on stderr.
const seeding = progress('seeding cases', N);
for (let i = 0; i < N; i += 20_000) {
  seed(i, Math.min(N, i + 20_000));
  seeding.tick(Math.min(N, i + 20_000));
}
seeding.done();
raw.exec('analyze');
raw.close();
console.log(`seeded ${N.toLocaleString()} cases in ${((performance.now() - t0) / 1000).toFixed(0)} s`);

const { db: kdb } = openDatabase(config.database);
const unit = units[0]!;
const handler: StaffUser = { id: handlers.get(unit)![0]!, username: 'h', display_name: 'h', role: 'handler', unit_id: unit };
const supervisor: StaffUser = { id: 'sup', username: 's', display_name: 's', role: 'supervisor', unit_id: unit };
const admin: StaffUser = { id: 'adm', username: 'a', display_name: 'a', role: 'admin', unit_id: null };
const someId = (
  await kdb
    .selectFrom('intake_case')
    .select('id')
    .limit(1)
    .offset(Math.floor(N / 2))
    .executeTakeFirstOrThrow()
).id;
const f = (o: Record<string, string>) => SearchSchema.parse(o);

const cases: [string, () => Promise<unknown>][] = [
  ['baseline: one case by primary key', () => kdb.selectFrom('intake_case').selectAll().where('id', '=', someId).executeTakeFirst()],
  ['handler: my cases (by next due)', () => listCases(kdb, handler, 'mine', f({}), now)],
  ['supervisor: unit unassigned', () => listCases(kdb, supervisor, 'unassigned', f({}), now)],
  ['supervisor: due soon', () => clockQueue(kdb, supervisor, 'due_soon', 1, now)],
  ['supervisor: overdue', () => clockQueue(kdb, supervisor, 'overdue', 1, now)],
  ['supervisor: search open, urgent, by due', () => listCases(kdb, supervisor, 'search', f({ open: '1', urgency: 'urgent' }), now)],
  ['admin: search newest first', () => listCases(kdb, admin, 'search', f({ sort: 'received_desc' }), now)],
  [
    'admin: search category + township',
    () => listCases(kdb, admin, 'search', f({ category: 'school_canteen', township: '龙湖镇', sort: 'received_desc' }), now),
  ],
  ['admin: search page 200', () => listCases(kdb, admin, 'search', f({ sort: 'received_desc', page: '200' }), now)],
];
const rows: Record<string, string | number>[] = [];
let baseP50 = 0;
for (const [name, run] of cases) {
  await run(); // warm
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const s = performance.now();
    await run();
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  const q = (p: number) => times[Math.min(RUNS - 1, Math.floor(RUNS * p))]!;
  if (!baseP50) baseP50 = q(0.5);
  rows.push({
    query: name,
    'p50 ms': Number(q(0.5).toFixed(2)),
    'p95 ms': Number(q(0.95).toFixed(2)),
    'p99 ms': Number(q(0.99).toFixed(2)),
    // How many primary-key look-ups of the same run one query costs (the machine is shared: compare ratios).
    'p50 / baseline': Number((q(0.5) / baseP50).toFixed(1)),
  });
}
console.log(`\nBack-office queues with ${N.toLocaleString()} cases (SQLite, ${RUNS} runs each)`);
console.table(rows);
await kdb.destroy();
if (!process.env.KEEP) rmSync(dataDir, { recursive: true, force: true });
else console.log(dataDir);
process.exit(0);

// `npm run bench:related [-- --cases 5000]`: N cases about one business in one township through
// case.received (triage, related-case linking, routing), one after another on SQLite (issue #21.3). The
// baseline, in the same run: cases about N different businesses. Prints the time per case early and late
// in the cluster and how many `related` links the cluster made (linking every pair made n(n−1)).
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { ManualClock } from '../src/lib/clock.ts';
import { progress } from '../src/lib/cli-args.ts';
import { receiveCase } from '../src/workflow/processors/case-received.processor.ts';
import { benchArgs } from './args.ts';

const { cases: N } = benchArgs('usage: npm run bench:related -- [--cases N]', { cases: 5000 });

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'shiantong-related-bench-'));
const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', SQLITE_SYNCHRONOUS: 'NORMAL' });
if (config.database.kind !== 'sqlite') throw new Error('bench:related seeds SQLite');
const { db } = openDatabase(config.database);
await migrateToLatest(db);

const now = new Date('2026-11-03T02:00:00Z');
const raw = new SQLite(config.database.file);
raw.pragma('journal_mode = WAL');
const insert = raw.prepare(
  `insert into intake_case (id, number, submission_id, kind, status, channel, received_at, rule_version, business_name, township, description, query_code_hash, version, created_at, updated_at)
   values (?, ?, ?, 'report', 'received', 'api', ?, 'order121', ?, '龙湖镇', ?, 'x', 1, ?, ?)`,
);
const DESCRIPTIONS = ['后厨卫生很差，碗筷不消毒', '菜里吃出头发', '用的油颜色发黑像地沟油', '服务员不戴口罩手套', '饭菜变质有异味'];
const seed = (prefix: string, business: (i: number) => string) => {
  const ids: string[] = [];
  raw.transaction(() => {
    for (let i = 0; i < N; i++) {
      const id = randomUUID();
      // A second apart, in order: the cluster grows one case at a time, as it would over a month.
      const at = new Date(now.getTime() - (N - i) * 1000).toISOString();
      const b = business(i);
      insert.run(
        id,
        `${prefix}-${String(i).padStart(7, '0')}`,
        id,
        at,
        b,
        `龙湖镇${b}${DESCRIPTIONS[i % DESCRIPTIONS.length]}，请查处`,
        at,
        at,
      );
      ids.push(id);
    }
  })();
  return ids;
};
const cluster = seed('XZ-20261103-C', () => '老街川菜馆');
const spread = seed('XZ-20261103-S', (i) => `川菜馆${i}号店`);
raw.close();

const deps = { db, clock: new ManualClock(now) };
const run = async (label: string, ids: string[]) => {
  const times: number[] = [];
  const p = progress(label, ids.length);
  for (const [i, id] of ids.entries()) {
    const s = performance.now();
    const r = await receiveCase(deps, id);
    times.push(performance.now() - s);
    if (!r.applied) throw new Error(`${id}: ${r.detail}`);
    if (i % 500 === 499) p.tick(i + 1);
  }
  p.done();
  return times;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)] ?? 0;
// The cluster first: warm-up (JIT, page cache) then favours the baseline, not the cluster.
const one = await run('one business', cluster);
const base = await run('different businesses', spread);
const tenth = Math.max(1, Math.floor(N / 10));
const links = await db
  .selectFrom('case_link')
  .select((eb) => eb.fn.countAll<number>().as('n'))
  .where('type', '=', 'related')
  .where('case_id', 'in', db.selectFrom('intake_case').select('id').where('number', 'like', 'XZ-20261103-C-%'))
  .executeTakeFirstOrThrow();
const b50 = median(base);
console.log(`\ncase.received for ${N.toLocaleString()} cases about one business vs ${N.toLocaleString()} about different ones (SQLite)`);
console.table([
  { cases: 'different businesses (baseline)', 'p50 ms': +b50.toFixed(2), 'p95 ms': +p95(base).toFixed(2), 'p50 / baseline': 1 },
  {
    cases: `one business, first ${tenth}`,
    'p50 ms': +median(one.slice(0, tenth)).toFixed(2),
    'p95 ms': +p95(one.slice(0, tenth)).toFixed(2),
    'p50 / baseline': +(median(one.slice(0, tenth)) / b50).toFixed(2),
  },
  {
    cases: `one business, last ${tenth}`,
    'p50 ms': +median(one.slice(-tenth)).toFixed(2),
    'p95 ms': +p95(one.slice(-tenth)).toFixed(2),
    'p50 / baseline': +(median(one.slice(-tenth)) / b50).toFixed(2),
  },
]);
console.log(`related links in the cluster: ${Number(links.n).toLocaleString()} (every pair: ${(N * (N - 1)).toLocaleString()})`);
await db.destroy();
rmSync(dataDir, { recursive: true, force: true });
process.exit(0);

// `npm run bench:workflow`: how fast cases go through the `case.received` pipeline (alarms, triage,
// related cases, routing, assignment) against a no-op BullMQ worker measured in the same run.
//   (a) baseline: N jobs that do nothing, taken by W worker processes at the same concurrency;
//   (b) the product: N cases filed through the web process (ROLE=web, which only writes the outbox),
//       then W worker processes (ROLE=worker) relay the outbox to BullMQ and work every case.
// Each rate is counted from the first job (case) done to the last, so process start-up is left out.
// Over the same window the CPU time of the worker processes and of redis-server is read (/proc), per job
// done: unlike the rates, CPU per job hardly moves with other load on a shared machine, so its ratio is
// the steadier figure of the two.
// Options: --cases N (default 2000), --workers N (default 1), --concurrency N (default 8), --pg.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import pg from 'pg';
import { SUBMISSION_EXAMPLES } from '../src/cases/submission.schema.ts';
import { QUEUES } from '../src/workflow/jobs.ts';
import { benchArgs } from './args.ts';
import { cpuMicrosOf, createPgSchema, dropPgSchema, freePort, mainThreadCpuMicrosOf } from './support.ts';
import { inclusiveFunctions, topFunctions } from './profile-top.ts';

const {
  cases,
  workers,
  concurrency,
  pg: usePg,
  profile,
} = benchArgs(
  'usage: npm run bench:workflow -- [--cases N] [--workers N] [--concurrency N] [--pg] [--profile]',
  { cases: 2000, workers: 1, concurrency: 8 },
  ['pg', 'profile'],
);

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function stopChild(c: ChildProcess): Promise<void> {
  if (c.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    c.once('exit', () => resolve());
    c.kill('SIGTERM');
  });
}

/** CPU so far (µs): worker processes (every thread), their main threads (event loops) alone, redis-server. */
type Cpu = { workers: number; loops: number; redis: number };
/**
 * Polls `remaining()` until it is 0; returns the rate from the first unit done to the last, and the CPU
 * `cpu()` read over that window per unit done in it (µs).
 */
async function timeDrain(
  total: number,
  remaining: () => Promise<number>,
  limitMs: number,
  cpu: () => Cpu,
): Promise<{ rate: number; seconds: number; cpuPerUnit: Cpu }> {
  const started = Date.now();
  let first: number | null = null;
  let atFirst: { left: number; cpu: Cpu } | null = null;
  let left = total;
  let shown = started;
  while (left > 0) {
    if (Date.now() - started > limitMs) throw new Error(`not finished after ${limitMs / 1000}s: ${left} of ${total} left`);
    await sleep(25);
    left = await remaining();
    if (first === null && left < total) {
      first = Date.now();
      atFirst = { left, cpu: cpu() };
    }
    if (Date.now() - shown > 1000) {
      shown = Date.now();
      process.stderr.write(`  ${total - left}/${total} done\n`);
    }
  }
  const seconds = (Date.now() - (first ?? started)) / 1000;
  const end = cpu();
  const units = Math.max(1, atFirst?.left ?? total);
  const cpuPerUnit = {
    workers: (end.workers - (atFirst?.cpu.workers ?? Number.NaN)) / units,
    loops: (end.loops - (atFirst?.cpu.loops ?? Number.NaN)) / units,
    redis: (end.redis - (atFirst?.cpu.redis ?? Number.NaN)) / units,
  };
  // The first poll that saw progress already missed some: count from the units done after it.
  return { rate: (total - 1) / Math.max(seconds, 0.001), seconds, cpuPerUnit };
}

async function main() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'shiantong-bench-wf-'));
  const prefix = `benchwf_${randomBytes(4).toString('hex')}`;
  const port = await freePort();
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    QUEUE_PREFIX: prefix,
    REDIS_URL,
    LOG_LEVEL: 'warn',
    WORKER_CONCURRENCY: String(concurrency),
    RATE_LIMIT_SUBMISSIONS_PER_MINUTE: '100000000',
  };
  let schema: string | null = null;
  if (usePg) {
    schema = prefix;
    env.DATABASE_URL = await createPgSchema(schema);
  }
  const children: ChildProcess[] = [];
  const profDir = path.join(dataDir, 'prof');
  const spawnTsx = (file: string, extra: Record<string, string>, prof = false) => {
    const args = prof ? ['--cpu-prof', '--cpu-prof-dir', profDir] : [];
    const c = spawn(process.execPath, [...args, '--import', 'tsx', file], {
      env: { ...env, ...extra },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    children.push(c);
    return c;
  };
  const noop = new Queue('noop', { connection: { url: REDIS_URL }, prefix });
  // redis-server's pid, when it runs on this machine (its CPU per job is part of each side's cost).
  const info = new Redis(REDIS_URL);
  const redisPid = Number(/process_id:(\d+)/.exec(await info.info('server'))?.[1]) || undefined;
  await info.quit();
  const cpuOf = (procs: ChildProcess[]) => (): Cpu => ({
    workers: procs.reduce((sum, c) => sum + cpuMicrosOf(c.pid), 0),
    loops: procs.reduce((sum, c) => sum + mainThreadCpuMicrosOf(c.pid), 0),
    redis: cpuMicrosOf(redisPid),
  });
  try {
    // (a) The baseline: N no-op jobs, then W processes take them.
    // At least 5,000 of them, so the baseline runs long enough to be measured.
    const noopJobs = Math.max(cases, 5000);
    await noop.addBulk(Array.from({ length: noopJobs }, (_, i) => ({ name: 'noop', data: { i }, opts: { jobId: `noop-${i}` } })));
    console.error('(a) no-op BullMQ workers');
    const noopWorkers = Array.from({ length: workers }, () => spawnTsx('bench/noop-worker.ts', { NOOP_QUEUE: 'noop' }));
    const a = await timeDrain(
      noopJobs,
      async () => noopJobs - ((await noop.getJobCounts('completed')).completed ?? 0),
      300_000,
      cpuOf(noopWorkers),
    );
    await Promise.all(noopWorkers.map(stopChild));

    // (b) File N cases through the web process (they wait in the outbox: ROLE=web does not relay).
    console.error(`(b) filing ${cases} cases`);
    const web = spawnTsx('src/main.ts', { ROLE: 'web' });
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 600; i++) {
      if (
        await fetch(`${base}/healthz`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      await sleep(100);
    }
    const examples = [SUBMISSION_EXAMPLES.complaint.value, SUBMISSION_EXAMPLES.complaintAndReport.value];
    const townships = ['新建路街道', '新华路街道', '龙湖镇', '薛店镇', '郭店镇', '和庄镇', '梨河镇', '辛店镇'];
    let n = 0;
    const filed = await autocannon({
      url: `${base}/api/v1/submissions`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      connections: 20,
      amount: cases,
      requests: [
        {
          setupRequest: (req) => {
            const i = n++;
            // Many businesses, a few of them busy, spread over townships: like a real week of cases.
            const ex = examples[i % examples.length] ?? SUBMISSION_EXAMPLES.complaint.value;
            const business = { name: `新郑市第${(i * 7919) % Math.max(10, Math.floor(cases / 4))}号饭店`, address: '新郑市' };
            // Each citizen a different person (one phone shared by every case would make the
            // serial-complainant lookups the whole cost).
            const person = { ...ex.person, phone: `138${String(10_000_000 + i).slice(-8)}`, address: `新郑市人民路${i}号` };
            const body = { ...ex, business, person, township: townships[i % townships.length] };
            return { ...req, body: JSON.stringify(body) };
          },
        },
      ],
    });
    if (filed['2xx'] !== cases) throw new Error(`filed ${filed['2xx']} of ${cases} (${filed.non2xx} refused, ${filed.errors} errors)`);
    await stopChild(web);

    // Count the cases still waiting for the pipeline, straight from the database.
    let received: () => Promise<number>;
    let closeDb: () => Promise<void>;
    if (usePg) {
      const c = new pg.Client(env.DATABASE_URL);
      await c.connect();
      received = async () => Number((await c.query(`select count(*) as n from intake_case where status = 'received'`)).rows[0].n);
      closeDb = () => c.end();
    } else {
      const db = new Database(path.join(dataDir, 'shiantong.sqlite'), { readonly: true });
      const stmt = db.prepare(`select count(*) as n from intake_case where status = 'received'`);
      received = async () => (stmt.get() as { n: number }).n;
      closeDb = async () => {
        db.close();
      };
    }
    // A complaint-and-report submission files two cases (its complaint and its report).
    const waiting = await received();
    if (waiting < cases) throw new Error(`expected at least ${cases} cases waiting, found ${waiting}`);
    console.error(`(b) ${workers} worker process(es) on case.received`);
    const realWorkers = Array.from({ length: workers }, (_, i) => spawnTsx('src/main.ts', { ROLE: 'worker' }, profile && i === 0));
    const b = await timeDrain(waiting, received, 900_000, cpuOf(realWorkers));
    await Promise.all(realWorkers.map(stopChild));
    await closeDb();

    console.log(
      `\nShiantong workflow benchmark — ${noopJobs} no-op jobs vs ${waiting} cases (${cases} submissions), ${workers} worker process(es) × concurrency ${concurrency}, database ${usePg ? 'PostgreSQL' : 'SQLite'}, Node ${process.version}`,
    );
    const row = (run: string, r: typeof a) => ({
      run,
      'jobs/s': Math.round(r.rate),
      seconds: Number(r.seconds.toFixed(2)),
      'worker CPU µs/job': Math.round(r.cpuPerUnit.workers),
      'event-loop CPU µs/job': Math.round(r.cpuPerUnit.loops),
      'redis CPU µs/job': Math.round(r.cpuPerUnit.redis),
    });
    console.table([row('(a) baseline: no-op BullMQ worker', a), row('(b) case.received pipeline', b)]);
    console.log(`ratio b/a: ${(b.rate / a.rate).toFixed(3)} (goal ≥ 0.30 on SQLite with one worker)`);
    const cpuA = a.cpuPerUnit.workers + a.cpuPerUnit.redis;
    const cpuB = b.cpuPerUnit.workers + b.cpuPerUnit.redis;
    console.log(
      `CPU per job, a/b: workers ${(a.cpuPerUnit.workers / b.cpuPerUnit.workers).toFixed(3)}, workers + redis ${(cpuA / cpuB).toFixed(3)} (steadier than the rates on a shared machine)`,
    );
    const file = profile ? readdirSync(profDir).find((f) => f.endsWith('.cpuprofile')) : undefined;
    if (file) {
      // Kept past the run (the data directory is removed), for a closer look in DevTools.
      const kept = path.join(os.tmpdir(), `workflow-worker-${Date.now()}.cpuprofile`);
      copyFileSync(path.join(profDir, file), kept);
      console.log(`first worker process CPU profile (start to stop): ${kept}, top self time:`);
      console.table(topFunctions(kept));
      console.log('top inclusive time:');
      console.table(inclusiveFunctions(kept));
    }
  } finally {
    await Promise.all(children.map(stopChild));
    for (const name of [...QUEUES, 'noop']) {
      const q = name === 'noop' ? noop : new Queue(name, { connection: { url: REDIS_URL }, prefix });
      await q.obliterate({ force: true }).catch(() => undefined);
      await q.close();
    }
    if (schema) await dropPgSchema(schema);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
process.exit(0);

// `npm run bench`: durable submissions against baselines measured in the same run.
//   (r) raw: a minimal Hono + zod echo of the same JSON (bench/echo-server.ts), no middleware, no storage;
//   (a) POST /api/v1/submissions/validate — the app's own stack (secure headers, request id, logging, the
//       real schema), stores nothing;
//   (b) POST /api/v1/submissions          — the same, then commits the case (synchronous=FULL) before answering.
// The server runs in its own process (ROLE=web, so no worker shares its core); autocannon runs here.
// Options: --seconds N (default 10), --connections N (default 50), --pg (use TEST_DATABASE_URL or local PostgreSQL).
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { Queue } from 'bullmq';
import { SUBMISSION_EXAMPLES } from '../src/cases/submission.schema.ts';
import { benchArgs } from './args.ts';
import { createPgSchema, dropPgSchema, freePort, mainThreadCpuMicrosOf } from './support.ts';
import { inclusiveFunctions, topFunctions } from './profile-top.ts';

const {
  seconds,
  connections,
  pg: usePg,
  normal,
  profile,
} = benchArgs(
  'usage: npm run bench:submissions -- [--seconds N] [--connections N] [--pg] [--normal] [--profile]',
  { seconds: 10, connections: 50 },
  ['pg', 'normal', 'profile'],
);

/** CPU time (user + system) a process has used, in microseconds (Linux: /proc/<pid>/stat, 100 ticks a second). */
function cpuMicros(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
}

function peakRssMb(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : NaN;
}

async function main() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'shiantong-bench-'));
  const port = await freePort();
  const prefix = `bench_${randomBytes(4).toString('hex')}`;
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    ROLE: 'web',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    QUEUE_PREFIX: prefix,
    LOG_LEVEL: 'warn',
    SQLITE_SYNCHRONOUS: normal ? 'NORMAL' : 'FULL',
    RATE_LIMIT_SUBMISSIONS_PER_MINUTE: '100000000',
  };
  let schema: string | null = null;
  if (usePg) {
    schema = prefix;
    env.DATABASE_URL = await createPgSchema(schema);
  }
  // --profile: the server writes a V8 CPU profile on exit; its top self-time functions are printed.
  const profArgs = profile ? ['--cpu-prof', '--cpu-prof-dir', path.join(dataDir, 'prof')] : [];
  const server: ChildProcess = spawn(process.execPath, [...profArgs, '--import', 'tsx', 'src/main.ts'], {
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const echoPort = await freePort();
  const echo: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'bench/echo-server.ts'], {
    env: { ...env, PORT: String(echoPort) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const echoBase = `http://127.0.0.1:${echoPort}`;
  for (const [probe, method] of [
    [`${base}/healthz`, 'GET'],
    [`${echoBase}/echo`, 'POST'],
  ] as const) {
    for (let i = 0; i < 300; i++) {
      if (
        await fetch(probe, { method, body: method === 'POST' ? '{}' : undefined }).then(
          (r) => r.status < 500,
          () => false,
        )
      )
        break;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const body = JSON.stringify(SUBMISSION_EXAMPLES.complaint.value);
  const run = async (p: string, duration: number, host = base) =>
    autocannon({
      url: `${host}${p}`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      connections,
      duration,
      pipelining: 1,
    });

  try {
    // Warm up both paths (JIT, SQLite page cache), then measure.
    await run('/echo', 2, echoBase);
    await run('/api/v1/submissions/validate', 2);
    await run('/api/v1/submissions', 2);
    // Each server's CPU per answered request as well: on a shared machine req/s swings with the neighbours'
    // load, the CPU a request costs much less.
    // The main thread's (event loop's) share as well: the understanding pool's threads take work off it.
    const cpu = new Map<autocannon.Result, number>();
    const loopCpu = new Map<autocannon.Result, number>();
    const measured = async (p: string, pid: number, host = base) => {
      const c0 = cpuMicros(pid);
      const l0 = mainThreadCpuMicrosOf(pid);
      const res = await run(p, seconds, host);
      cpu.set(res, (cpuMicros(pid) - c0) / Math.max(1, res['2xx']));
      loopCpu.set(res, (mainThreadCpuMicrosOf(pid) - l0) / Math.max(1, res['2xx']));
      return res;
    };
    const r = await measured('/echo', echo.pid!, echoBase);
    const a = await measured('/api/v1/submissions/validate', server.pid!);
    const b = await measured('/api/v1/submissions', server.pid!);
    const rss = peakRssMb(server.pid!);
    const row = (name: string, r: autocannon.Result) => ({
      route: name,
      'req/s': Math.round(r.requests.average),
      'p50 ms': r.latency.p50,
      'p99 ms': r.latency.p99,
      errors: r.errors + r.non2xx,
      '2xx': r['2xx'],
      'server CPU µs/req': Math.round(cpu.get(r) ?? NaN),
      'event-loop CPU µs/req': Math.round(loopCpu.get(r) ?? NaN),
    });
    console.log(
      `\nShiantong benchmark — ${connections} connections, ${seconds}s each, database ${usePg ? 'PostgreSQL' : `SQLite (synchronous=${env.SQLITE_SYNCHRONOUS}${normal ? '' : ': every 201 after the fsync of its commit, fsyncs grouped off the event loop'})`}, Node ${process.version}`,
    );
    console.table([
      row('(r) raw: minimal Hono + zod echo', r),
      row('(a) app stack: parse + zod validate', a),
      row('(b) durable POST /api/v1/submissions', b),
    ]);
    console.log(`server peak RSS: ${rss} MB (whole run)`);
    console.log(`ratio b/r (durable vs raw echo): ${(b.requests.average / r.requests.average).toFixed(2)} (goal ≥ 0.50)`);
    console.log(`ratio b/a (durable vs the app's validate route): ${(b.requests.average / a.requests.average).toFixed(2)}`);
    console.log(`ratio a/r (the app's middleware alone): ${(a.requests.average / r.requests.average).toFixed(2)}`);
    const cr = cpu.get(r) ?? NaN;
    console.log(
      `CPU per request, raw echo / durable: ${(cr / (cpu.get(b) ?? NaN)).toFixed(2)}; raw echo / validate: ${(cr / (cpu.get(a) ?? NaN)).toFixed(2)}`,
    );
  } finally {
    echo.kill('SIGTERM');
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    if (profile) {
      const dir = path.join(dataDir, 'prof');
      const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
      if (file) {
        // Kept past the run (the data directory is removed), for a closer look in DevTools.
        const kept = path.join(os.tmpdir(), `submissions-server-${Date.now()}.cpuprofile`);
        copyFileSync(path.join(dir, file), kept);
        console.log(`server CPU profile (whole run, both routes): ${kept}, top self time:`);
        console.table(topFunctions(kept));
        console.log('top inclusive time:');
        console.table(inclusiveFunctions(kept));
      }
    }
    const q = new Queue('case-workflow', { connection: { url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' }, prefix });
    await q.obliterate({ force: true }).catch(() => undefined);
    await q.close();
    if (schema) await dropPgSchema(schema);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
process.exit(0);

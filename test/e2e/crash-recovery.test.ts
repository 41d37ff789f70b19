// Durability: kill the server with SIGKILL while submissions are in flight (sent, not yet answered) and
// after some were acknowledged; after a restart, every acknowledged case (201) is there and answers its
// query code. Only connection errors are tolerated from the stream: any other answer fails the test.
// Runs on SQLite and, with TEST_DATABASE_URL, on PostgreSQL (the server gets the same DATABASE_URL).
import { type ChildProcess, spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUBMISSION_EXAMPLES } from '../../src/cases/submission.schema.ts';
import { type TestEnv, testEnv } from '../helpers/env.ts';
import { freePort } from '../helpers/redis-server.ts';

let env: TestEnv;
let port: number;

beforeAll(async () => {
  port = await freePort();
  env = await testEnv({ PORT: String(port), HOST: '127.0.0.1' });
});
afterAll(async () => env?.cleanup());

async function startServer(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { ...process.env, ...env.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  // Generous: two cores shared by the whole suite, and tsx compiles the server on first start.
  const end = Date.now() + 120_000;
  while (Date.now() < end) {
    if (child.exitCode !== null) throw new Error(`server exited: ${out}`);
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return child;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not start: ${out}`);
}

/** A connection error caused by the kill (reset, refused, closed socket): the only failure tolerated. */
function isConnectionError(e: unknown): boolean {
  const cause = (e as { cause?: { code?: string } } | null)?.cause;
  return e instanceof TypeError && ['ECONNRESET', 'ECONNREFUSED', 'UND_ERR_SOCKET', 'EPIPE'].includes(cause?.code ?? '');
}

describe('crash recovery', () => {
  it('finds every acknowledged case after SIGKILL with writes in flight, and restart', { timeout: 300_000 }, async () => {
    const server = await startServer();
    const acknowledged: { number: string; code: string }[] = [];
    const unexpected: string[] = [];
    const exited = new Promise((r) => server.once('exit', r));
    const body = JSON.stringify(SUBMISSION_EXAMPLES.complaintAndReport.value);
    let sent = 0;
    let answered = 0;
    let inFlightAtKill = -1;
    let killed = false;
    // Eight senders, each sending one submission after the other until the server is gone: whenever one
    // gets its answer, the others are waiting for theirs. The kill lands at the 30th acknowledged case.
    const sender = async () => {
      while (!killed) {
        sent++;
        try {
          const res = await fetch(`http://127.0.0.1:${port}/api/v1/submissions`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body,
          });
          answered++;
          if (res.status !== 201) {
            unexpected.push(`${res.status} ${await res.text()}`);
            continue;
          }
          const r = (await res.json()) as { cases: { number: string }[]; queryCode: string };
          for (const c of r.cases) acknowledged.push({ number: c.number, code: r.queryCode });
          if (acknowledged.length >= 30 && !killed) {
            inFlightAtKill = sent - answered;
            killed = true;
            server.kill('SIGKILL');
          }
        } catch (e) {
          if (!isConnectionError(e)) unexpected.push(String(e));
          if (!killed) unexpected.push(`connection error before the kill: ${String(e)}`);
          return;
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, sender));
    await exited;
    expect(unexpected).toEqual([]);
    expect(acknowledged.length).toBeGreaterThanOrEqual(30);
    // The kill landed while requests were sent and unanswered: writes were in flight.
    expect(inFlightAtKill).toBeGreaterThan(0);

    const again = await startServer();
    try {
      const missing: string[] = [];
      for (const a of acknowledged) {
        const res = await fetch(`http://127.0.0.1:${port}/api/v1/cases/${a.number}/status`, { headers: { 'x-query-code': a.code } });
        if (res.status !== 200) missing.push(`${a.number}: ${res.status}`);
      }
      expect(missing).toEqual([]);
    } finally {
      again.kill('SIGTERM');
      await new Promise((r) => again.once('exit', r));
    }
  });
});

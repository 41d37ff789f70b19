// Durability: kill the server with SIGKILL right after it acknowledged submissions; after a restart,
// every acknowledged case is there and answers its query code.
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
  const end = Date.now() + 30_000;
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

describe('crash recovery', () => {
  it('finds every acknowledged case after SIGKILL and restart', async () => {
    const server = await startServer();
    const acknowledged: { number: string; code: string }[] = [];
    const exited = new Promise((r) => server.once('exit', r));
    const body = JSON.stringify(SUBMISSION_EXAMPLES.complaintAndReport.value);
    // Fire a stream of submissions; kill the process as soon as 30 have been acknowledged.
    const inflight = Array.from({ length: 120 }, async (_, i) => {
      await new Promise((r) => setTimeout(r, i * 2));
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/v1/submissions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        });
        if (res.status !== 201) return;
        const r = (await res.json()) as { cases: { number: string }[]; queryCode: string };
        for (const c of r.cases) acknowledged.push({ number: c.number, code: r.queryCode });
        if (acknowledged.length >= 60 && server.exitCode === null) server.kill('SIGKILL');
      } catch {
        // connection reset by the kill: not acknowledged, so nothing is owed
      }
    });
    await Promise.all(inflight);
    if (server.exitCode === null) server.kill('SIGKILL');
    await exited;
    expect(acknowledged.length).toBeGreaterThanOrEqual(60);

    const again = await startServer();
    try {
      for (const a of acknowledged) {
        const res = await fetch(`http://127.0.0.1:${port}/api/v1/cases/${a.number}/status`, { headers: { 'x-query-code': a.code } });
        expect(res.status, a.number).toBe(200);
      }
    } finally {
      again.kill('SIGTERM');
      await new Promise((r) => again.once('exit', r));
    }
  });
});

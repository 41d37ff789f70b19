// Abusive clients against a real HTTP server: hundreds of idle connections, a client that sends its
// headers one byte at a time, and a JSON body nested hundreds of thousands deep. The server stays up,
// refuses the deep body with a clear 4xx, and a citizen's normal submission is still answered meanwhile.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUBMISSION_EXAMPLES } from '../../src/cases/submission.schema.ts';
import { createLogger } from '../../src/lib/logger.ts';
import { type Runtime, startRuntime } from '../../src/runtime.ts';
import { type TestEnv, testEnv } from '../helpers/env.ts';

let env: TestEnv;
let web: Runtime | undefined;
const sockets: net.Socket[] = [];

beforeAll(async () => {
  env = await testEnv({ ROLE: 'web', HOST: '127.0.0.1' });
  web = await startRuntime(env.config, { logger: createLogger('silent') });
}, 60_000);

afterAll(async () => {
  for (const s of sockets) s.destroy();
  await web?.stop();
  await env?.cleanup();
}, 60_000);

function connect(port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const s = net.connect(port, '127.0.0.1', () => resolve(s));
    s.on('error', reject);
    sockets.push(s);
  });
}

describe('abusive clients', () => {
  it('idle connections, slow headers and a deeply nested body do not stop a normal submission', async () => {
    if (!web?.url) throw new Error('web runtime did not start');
    const port = Number(new URL(web.url).port);

    // 300 connections that never send a byte, and one that sends its headers a byte at a time.
    for (let i = 0; i < 300; i++) await connect(port);
    const slow = await connect(port);
    const head = 'POST /api/v1/submissions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n';
    let sent = 0;
    const drip = setInterval(() => {
      if (sent < head.length && !slow.destroyed) slow.write(head[sent++] ?? '');
    }, 50);

    try {
      // A body nested 400,000 deep (under the 1 MB JSON limit): a clear refusal, not a crash.
      const deep = `${'['.repeat(400_000)}${']'.repeat(400_000)}`;
      const nested = await fetch(`${web.url}/api/v1/submissions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: deep,
      });
      expect(nested.status).toBeGreaterThanOrEqual(400);
      expect(nested.status).toBeLessThan(500);
      const err = (await nested.json()) as { error?: { code?: string; message?: string } };
      expect(err.error?.message).toBeTruthy();

      // Meanwhile a citizen files a complaint and is answered with a case number.
      const ok = await fetch(`${web.url}/api/v1/submissions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(SUBMISSION_EXAMPLES.complaint.value),
      });
      expect(ok.status).toBe(201);
      const receipt = (await ok.json()) as { cases: { number: string }[] };
      expect(receipt.cases[0]?.number).toMatch(/^XZ-/);
      expect((await fetch(`${web.url}/healthz`)).status).toBe(200);
      // The slow client was still sending when all this was answered.
      expect(sent).toBeLessThan(head.length);
      expect(slow.destroyed).toBe(false);
    } finally {
      clearInterval(drip);
    }
  }, 60_000);
});

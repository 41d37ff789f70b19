// Proxies and limits (issue #17.3): the client is the first untrusted hop from the right of
// X-Forwarded-For, so rotating the left part changes nothing; the counters live in Redis, so two app
// instances (two web processes) on the same Redis share one limit.
import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createApp } from '../../src/http/app.ts';
import { clientIp } from '../../src/http/rate-limit.ts';
import { type TestDeps, testDeps } from '../helpers/env.ts';

function ipApp(trustProxy: string) {
  const trust = loadConfig({ TRUST_PROXY: trustProxy }).trustProxy;
  const app = new Hono();
  app.get('/', (c) => c.text(clientIp(c, trust)));
  return async (xff?: string) => (await app.request('/', { headers: xff ? { 'x-forwarded-for': xff } : {} })).text();
}

describe('clientIp', () => {
  it('ignores X-Forwarded-For unless proxies are trusted', async () => {
    expect(await ipApp('0')('1.2.3.4')).toBe('unknown'); // app.request has no socket
    expect(await ipApp('false')('1.2.3.4')).toBe('unknown');
  });

  it('takes the first untrusted hop from the right with a number of hops', async () => {
    const one = ipApp('1');
    expect(await one('6.6.6.6, 203.0.113.7')).toBe('203.0.113.7');
    expect(await one('203.0.113.7')).toBe('203.0.113.7');
    const two = ipApp('2');
    expect(await two('6.6.6.6, 203.0.113.7, 10.0.0.2')).toBe('203.0.113.7');
    expect(await ipApp('true')('6.6.6.6, 203.0.113.7')).toBe('203.0.113.7');
  });

  it('skips listed proxy addresses and ranges', async () => {
    // The socket peer of app.request is "unknown": not a listed proxy, so it is the client.
    expect(await ipApp('10.0.0.0/8,192.0.2.1')('6.6.6.6, 203.0.113.7, 10.1.2.3')).toBe('unknown');
  });

  it('rejects a malformed TRUST_PROXY', () => {
    expect(() => loadConfig({ TRUST_PROXY: 'maybe' })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/99' })).toThrow(/TRUST_PROXY/);
  });
});

describe('rate limits', () => {
  const envs: TestDeps[] = [];
  afterAll(async () => {
    for (const t of envs) await t.close();
  });
  const lookup = (app: ReturnType<typeof createApp>, xff: string) =>
    app.request('/api/v1/cases/XZ-20261130-0001/status?code=ABCD-EFGH', { headers: { 'x-forwarded-for': xff } });

  it('still limits a client that rotates X-Forwarded-For behind one trusted proxy', async () => {
    const t = await testDeps({ overrides: { TRUST_PROXY: '1', RATE_LIMIT_LOOKUPS_PER_MINUTE: '3' } });
    envs.push(t);
    const app = createApp(t.deps);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await lookup(app, `10.9.${i}.${i}, 198.51.100.20`)).status);
    expect(statuses).toEqual([404, 404, 404, 429, 429]);
    const limited = await lookup(app, '1.1.1.1, 198.51.100.20');
    expect(limited.status).toBe(429);
    expect(await limited.json()).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    // Another client behind the same proxy has its own allowance.
    expect((await lookup(app, '198.51.100.21')).status).toBe(404);
  });

  it('shares one limit between two web processes on the same Redis', async () => {
    const prefix = `test_shared_${randomBytes(4).toString('hex')}`;
    const overrides = { TRUST_PROXY: '1', RATE_LIMIT_LOOKUPS_PER_MINUTE: '4', QUEUE_PREFIX: prefix };
    const a = await testDeps({ overrides });
    const b = await testDeps({ overrides: { ...overrides, IDENTITY_KEY: a.env.env.IDENTITY_KEY as string } });
    envs.push(a, b);
    const [appA, appB] = [createApp(a.deps), createApp(b.deps)];
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await lookup(i % 2 ? appB : appA, '203.0.113.9')).status);
    expect(statuses).toEqual([404, 404, 404, 404, 429, 429]);
  });
});

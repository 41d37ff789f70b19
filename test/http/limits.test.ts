// Direct tests of the two guards in front of every public endpoint: the rate limiter (counters in the
// real Redis, an in-memory insurance when Redis is away) and the body limit (refused on the declared
// length without reading the body; counted when the length is not declared).
import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { afterAll, describe, expect, it } from 'vitest';
import { limitBody } from '../../src/http/body-limit.ts';
import { RateLimits } from '../../src/http/rate-limit.ts';
import { REDIS_URL } from '../helpers/env.ts';

const open: RateLimits[] = [];
afterAll(async () => {
  for (const l of open) await l.close();
});
function limits(redisUrl = REDIS_URL) {
  const l = new RateLimits({ redisUrl, prefix: `test_rl_${randomBytes(4).toString('hex')}`, keyOf: (s) => `k:${s}` });
  open.push(l);
  return l;
}
async function until(cond: () => Promise<boolean>, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('rate limiter', () => {
  it('allows exactly its points per key, then refuses with a retry time; keys are independent', async () => {
    const l = limits().limiter('lookups', 3, 60);
    const got = [];
    for (let i = 0; i < 5; i++) got.push(await l.consume('198.51.100.1'));
    expect(got.slice(0, 3)).toEqual([{ ok: true }, { ok: true }, { ok: true }]);
    for (const r of got.slice(3)) {
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.retryAfterSec).toBeGreaterThanOrEqual(1);
      if (!r.ok) expect(r.retryAfterSec).toBeLessThanOrEqual(60);
    }
    expect(await l.over('198.51.100.1')).toBe(true);
    expect(await l.over('198.51.100.2')).toBe(false);
    expect(await l.consume('198.51.100.2')).toEqual({ ok: true });
  });

  it('reset gives the key its allowance back; a window that ends does too', async () => {
    const l = limits().limiter('signin', 2, 1);
    await l.consume('a');
    await l.consume('a');
    expect((await l.consume('a')).ok).toBe(false);
    await l.reset('a');
    expect(await l.consume('a')).toEqual({ ok: true });
    await l.consume('a');
    expect(await l.over('a')).toBe(true);
    await until(async () => !(await l.over('a')), 5000); // the one-second window ends
    expect(await l.consume('a')).toEqual({ ok: true });
  });

  it('two limiters with one prefix (two processes) share the count in Redis', async () => {
    const prefix = `test_rl_${randomBytes(4).toString('hex')}`;
    const a = new RateLimits({ redisUrl: REDIS_URL, prefix, keyOf: (s) => s });
    const b = new RateLimits({ redisUrl: REDIS_URL, prefix, keyOf: (s) => s });
    open.push(a, b);
    const la = a.limiter('x', 2, 60);
    const lb = b.limiter('x', 2, 60);
    expect(await la.consume('ip')).toEqual({ ok: true });
    expect(await lb.consume('ip')).toEqual({ ok: true });
    expect((await la.consume('ip')).ok).toBe(false);
    expect((await lb.consume('ip')).ok).toBe(false);
  });

  it('with Redis unreachable the in-memory insurance still limits', async () => {
    const l = limits('redis://127.0.0.1:1').limiter('lookups', 2, 60);
    expect(await l.consume('x')).toEqual({ ok: true });
    expect(await l.consume('x')).toEqual({ ok: true });
    expect((await l.consume('x')).ok).toBe(false);
  });
});

describe('body limit', () => {
  const app = new Hono();
  app.use(
    '*',
    limitBody({
      maxSize: (c) => ((c.req.header('content-type') ?? '').startsWith('multipart/') ? 100 : 10),
      onError: (c) => c.json({ error: { code: 'PAYLOAD_TOO_LARGE' } }, 413),
    }),
  );
  app.post('/', async (c) => c.text(`read ${(await c.req.text()).length}`));
  app.get('/', (c) => c.text('get'));

  /** A body that records whether anyone read it. */
  function watchedBody(text: string) {
    const seen = { pulled: false };
    const body = new ReadableStream<Uint8Array>(
      {
        pull(ctl) {
          seen.pulled = true;
          ctl.enqueue(new TextEncoder().encode(text));
          ctl.close();
        },
      },
      { highWaterMark: 0 },
    ); // nothing is pulled until someone reads
    return { body, seen };
  }
  const post = (body: string | ReadableStream<Uint8Array>, headers: Record<string, string>) =>
    app.request('/', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

  it('refuses a declared length over the limit without reading the body', async () => {
    const { body, seen } = watchedBody('x'.repeat(11));
    const res = await post(body, { 'content-type': 'application/json', 'content-length': '11' });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: { code: 'PAYLOAD_TOO_LARGE' } });
    expect(seen.pulled).toBe(false);
  });

  it('passes a body at the limit whole', async () => {
    const res = await post('x'.repeat(10), { 'content-type': 'application/json', 'content-length': '10' });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('read 10');
  });

  it('counts a body of undeclared length and refuses it past the limit', async () => {
    const small = watchedBody('x'.repeat(10));
    expect(await (await post(small.body, { 'content-type': 'application/json' })).text()).toBe('read 10');
    expect(small.seen.pulled).toBe(true); // the watch works: a read body is seen as read
    const big = watchedBody('x'.repeat(11));
    expect((await post(big.body, { 'content-type': 'application/json' })).status).toBe(413);
  });

  it('chooses the limit per request (multipart larger) and leaves GET alone', async () => {
    expect((await post('x'.repeat(50), { 'content-type': 'multipart/form-data; boundary=b', 'content-length': '50' })).status).toBe(200);
    expect((await post('x'.repeat(101), { 'content-type': 'multipart/form-data; boundary=b', 'content-length': '101' })).status).toBe(413);
    expect((await post('x'.repeat(50), { 'content-type': 'text/plain', 'content-length': '50' })).status).toBe(413);
    expect(await (await app.request('/')).text()).toBe('get');
  });
});

// GET /metrics for Prometheus (prom-client): behind its own bearer token (off without METRICS_TOKEN), bound
// to the admin network's addresses when METRICS_ALLOW_FROM is set, labelled by
// route pattern (a case number in a path never becomes a label), with the outbox backlog, the
// statutory clocks and open cases read from the real database, and BullMQ job counts from real Redis.
import { readFileSync } from 'node:fs';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUBMISSION_EXAMPLES } from '../../src/cases/submission.schema.ts';
import { createApp } from '../../src/http/app.ts';
import { REDIS_URL, type TestDeps, testDeps } from '../helpers/env.ts';

const TOKEN = 'metrics-token-0123456789abcdef';
let t: TestDeps;
let off: TestDeps;
let queue: Queue;

beforeAll(async () => {
  const prefix = `metrics_${Date.now()}`;
  queue = new Queue('case-workflow', { connection: { url: REDIS_URL }, prefix });
  t = await testDeps({ overrides: { METRICS_TOKEN: TOKEN, QUEUE_PREFIX: prefix }, queues: { 'case-workflow': queue } });
  off = await testDeps();
});
afterAll(async () => {
  await queue.obliterate({ force: true }).catch(() => {});
  await queue.close();
  await t.close();
  await off.close();
});

const scrape = (app: ReturnType<typeof createApp>, token?: string) =>
  app.request('/metrics', { headers: token ? { authorization: `Bearer ${token}` } : {} });

describe('/metrics', () => {
  it('is off without METRICS_TOKEN, and asks for the token when it is on', async () => {
    expect((await scrape(createApp(off.deps), TOKEN)).status).toBe(404);
    const app = createApp(t.deps);
    const none = await scrape(app);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toContain('Bearer');
    expect((await scrape(app, 'wrong-token-0123456789abcdef')).status).toBe(401);
  });

  it('with METRICS_ALLOW_FROM, answers only the admin addresses (the client read as for the rate limits)', async () => {
    const bound = await testDeps({ overrides: { METRICS_TOKEN: TOKEN, METRICS_ALLOW_FROM: '127.0.0.0/8, ::1', TRUST_PROXY: '1' } });
    try {
      const app = createApp(bound.deps);
      const from = (address: string) =>
        app.request('/metrics', { headers: { authorization: `Bearer ${TOKEN}`, 'x-forwarded-for': address } });
      expect((await from('127.0.0.1')).status).toBe(200);
      expect((await from('::1')).status).toBe(200);
      // Another address gets the same 404 as a server without metrics, token or not.
      expect((await from('192.0.2.7')).status).toBe(404);
      // A client cannot claim an admin address left of the proxy's entry.
      expect((await from('127.0.0.1, 192.0.2.7')).status).toBe(404);
    } finally {
      await bound.close();
    }
  });

  it('counts requests by route pattern, and reads the backlog, clocks, open cases and queue depth', async () => {
    const app = createApp(t.deps);
    const res = await app.request('/api/v1/submissions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(SUBMISSION_EXAMPLES.anonymousReport.value),
    });
    expect(res.status).toBe(201);
    const { cases } = (await res.json()) as { cases: { number: string }[] };
    await app.request(`/api/v1/cases/${cases[0]!.number}/status`, { headers: { 'x-query-code': 'AAAA-BBBB-CCCC-DDDD' } });
    await queue.add('case.received', { caseId: 'x' }, { delay: 60_000 });

    const m = await scrape(app, TOKEN);
    expect(m.status).toBe(200);
    expect(m.headers.get('content-type')).toContain('text/plain; version=0.0.4');
    const text = await m.text();
    expect(text).toMatch(/shiantong_http_request_duration_seconds_count\{method="POST",route="\/api\/v1\/submissions",status="2xx"\} 1/);
    expect(text).toMatch(/route="\/api\/v1\/cases\/:[a-z]+\/status"/);
    expect(text).not.toContain(cases[0]!.number);
    // The submission's job waits in the outbox (no relay runs here); its D4 clock runs.
    expect(text).toMatch(/^shiantong_outbox_pending [1-9]\d*$/m);
    expect(text).toMatch(/^shiantong_clocks_running [1-9]\d*$/m);
    expect(text).toMatch(/^shiantong_cases_open\{kind="report"\} 1$/m);
    expect(text).toMatch(/^shiantong_queue_jobs\{queue="case-workflow",state="delayed"\} 1$/m);
    expect(text).toMatch(/^shiantong_redis_up [01]$/m);
    expect(text).toMatch(/^# TYPE shiantong_cases_received_total counter$/m);
    expect(text).toMatch(/^process_resident_memory_bytes \d+/m);
    expect(text).toMatch(/^shiantong_cases_received_total\{channel="api"\} 1$/m);

    // A second submission moves the counters.
    await app.request('/api/v1/submissions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(SUBMISSION_EXAMPLES.anonymousReport.value),
    });
    const again = await (await scrape(app, TOKEN)).text();
    expect(again).toMatch(/shiantong_http_request_duration_seconds_count\{method="POST",route="\/api\/v1\/submissions",status="2xx"\} 2/);
    expect(again).toMatch(/^shiantong_cases_received_total\{channel="api"\} 2$/m);
  });
});

describe('the Grafana dashboard in the repository', () => {
  it('queries only metrics that /metrics serves', async () => {
    const dashboard = JSON.parse(readFileSync(new URL('../../src/ops/grafana-dashboard.json', import.meta.url), 'utf8')) as {
      panels: { targets: { expr: string }[] }[];
    };
    const used = new Set(dashboard.panels.flatMap((p) => p.targets.flatMap((t) => t.expr.match(/\b(shiantong|process)_[a-z_]+/g) ?? [])));
    expect(used.size).toBeGreaterThan(8);
    const text = await (await scrape(createApp(t.deps), TOKEN)).text();
    const served = new Set([...text.matchAll(/^# TYPE (\S+)/gm)].map((m) => m[1]!));
    const base = (n: string) => n.replace(/_(bucket|sum|count)$/, '');
    for (const name of used) expect(served.has(base(name)), name).toBe(true);
  });
});

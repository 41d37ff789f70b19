// The BullMQ dashboard at /staff/admin/queues: admins only (the shared security suite covers anonymous and
// other roles), its own CSP (scripts, styles and fonts from this origin only, nothing from elsewhere), actions
// only from our own pages and only those listed,
// and it follows the live producer queues (deps.queues).
import { randomUUID } from 'node:crypto';
import { Queue, Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/http/app.ts';
import { QUEUES_BASE_PATH } from '../../src/http/backoffice/queues.dashboard.ts';
import { REDIS_URL, type TestDeps, testDeps } from '../helpers/env.ts';
import { type Bo, Client, PASSWORD, makeUser } from './helpers.ts';

const prefix = `dash-${randomUUID().slice(0, 8)}`;
let queue: Queue;
const bo = {} as Bo;
let t: TestDeps;

beforeAll(async () => {
  queue = new Queue('case-workflow', { connection: { url: REDIS_URL }, prefix });
  t = await testDeps({ queues: { 'case-workflow': queue } });
  bo.t = t;
  bo.app = createApp(t.deps);
});
afterAll(async () => {
  await queue.obliterate({ force: true }).catch(() => undefined);
  await queue.close();
  await t.close();
});

let adminMade = false;
async function admin(): Promise<Client> {
  if (!adminMade) await makeUser(bo, 'dash.admin', 'admin', null);
  adminMade = true;
  const c = new Client(bo);
  await c.signIn('dash.admin', PASSWORD);
  return c;
}

describe('queue dashboard', () => {
  it('serves the dashboard to an admin under its own CSP, with its assets and the live queues', async () => {
    const c = await admin();
    await queue.add('case.received', { caseId: 'x' });
    const page = await c.get(QUEUES_BASE_PATH);
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/unsafe-eval|https?:/);
    expect(page.headers.get('cache-control')).toBe('no-store');
    const html = await page.text();
    expect(html).toContain(`<base href="${QUEUES_BASE_PATH}/"`);
    const scripts = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    for (const s of scripts) {
      const r = await c.get(`${QUEUES_BASE_PATH}/${s}`);
      expect(r.status, s).toBe(200);
      expect(r.headers.get('content-type')).toContain('javascript');
    }
    expect((await c.get(`${QUEUES_BASE_PATH}/`)).status).toBe(200);
    const api = await c.get(`${QUEUES_BASE_PATH}/api/queues`);
    expect(api.status).toBe(200);
    const body = (await api.json()) as { queues: { name: string; readOnlyMode: boolean; counts: Record<string, number> }[] };
    expect(body.queues.map((q) => q.name)).toEqual(['case-workflow']);
    expect(body.queues[0]!.readOnlyMode).toBe(false);
    // Unknown dashboard paths lead back to its start page; other back-office pages keep the strict CSP.
    const unknown = await c.get(`${QUEUES_BASE_PATH}/nothing/here`);
    expect(unknown.status).toBe(302);
    expect(unknown.headers.get('location')).toBe(QUEUES_BASE_PATH);
    const users = await c.get('/staff/admin/users');
    expect(users.headers.get('content-security-policy')).not.toContain('script-src');
  });

  it('lets an admin retry and clean from our own page, refuses other origins and actions not on the list, and audits', async () => {
    const c = await admin();
    const w0 = (await queue.getJobCounts('waiting')).waiting ?? 0;
    await queue.add('case.received', { caseId: 'y' });
    await queue.add('case.received', { caseId: 'z' });
    // Two jobs fail (taken by hand, as a worker would, and failed).
    const worker = new Worker(queue.name, null, { connection: { url: REDIS_URL }, prefix });
    const failed: string[] = [];
    for (let i = 0; i < 2; i++) {
      const job = await worker.getNextJob('token-x');
      await job!.moveToFailed(new Error('boom'), 'token-x', false);
      failed.push(job!.id!);
    }
    await worker.close();
    expect(await queue.getJobCounts('failed', 'waiting')).toEqual({ failed: 2, waiting: w0 });
    const put = (path: string, headers: Record<string, string>) =>
      bo.app.request(`${QUEUES_BASE_PATH}${path}`, { method: 'PUT', headers: { cookie: c.jar.header(), ...headers }, redirect: 'manual' });
    const retry = `/api/queues/case-workflow/${failed[0]}/retry`;

    // From another site (a forged form or fetch), or with no origin information at all: refused, nothing done.
    expect((await put(retry, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await put(retry, { 'sec-fetch-site': 'same-site' })).status).toBe(403);
    expect((await put(retry, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await put(retry, {})).status).toBe(403);
    expect(await queue.getJobCounts('failed')).toEqual({ failed: 2 });

    // From our own page (Fetch Metadata, or Origin from a browser without it): done.
    expect((await put(retry, { 'sec-fetch-site': 'same-origin' })).ok).toBe(true);
    expect(await queue.getJobCounts('failed', 'waiting')).toEqual({ failed: 1, waiting: w0 + 1 });
    expect((await put(`/api/queues/case-workflow/${failed[1]}/clean`, { origin: 'http://localhost' })).ok).toBe(true);
    expect(await queue.getJobCounts('failed', 'waiting')).toEqual({ failed: 0, waiting: w0 + 1 });

    // Actions not on the list are refused even from our own page.
    for (const path of ['/api/queues/case-workflow/obliterate', '/api/queues/case-workflow/empty', '/api/queues/case-workflow/concurrency'])
      expect((await put(path, { 'sec-fetch-site': 'same-origin' })).status, path).toBe(403);
    const add = await bo.app.request(`${QUEUES_BASE_PATH}/api/queues/case-workflow/add`, {
      method: 'POST',
      headers: { cookie: c.jar.header(), 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'x', data: {} }),
      redirect: 'manual',
    });
    expect(add.status).not.toBe(200);
    expect(await queue.getJobCounts('waiting')).toEqual({ waiting: w0 + 1 });

    const audited = await t.db.selectFrom('audit_log').select(['action', 'detail']).where('action', '=', 'queue_action').execute();
    expect(audited.map((a) => JSON.parse(a.detail ?? '{}').action)).toEqual([
      `case-workflow: retry job ${failed[0]}`,
      `case-workflow: clean job ${failed[1]}`,
    ]);
  });

  it('serves its fonts from this origin (the CSP allows nothing else)', async () => {
    const c = await admin();
    const html = await (await c.get(QUEUES_BASE_PATH)).text();
    expect(html).not.toMatch(/fonts\.googleapis|https?:\/\//);
    const css = [...html.matchAll(/<link[^>]*href="([^"]+\.css)"/g)].map((m) => m[1]!);
    const fonts = css.find((h) => h.includes('fonts'));
    expect(fonts).toBeDefined();
    const sheet = await c.get(fonts!.startsWith('/') ? fonts! : `${QUEUES_BASE_PATH}/${fonts}`);
    expect(sheet.status).toBe(200);
    const text = await sheet.text();
    expect(text).toContain("font-family: 'IBM Plex Sans'");
    const woff = /url\(([^)]+\.woff2)\)/.exec(text)?.[1];
    expect(woff).toBeDefined();
    const file = await c.get(woff!);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toContain('font/woff2');
  });
});

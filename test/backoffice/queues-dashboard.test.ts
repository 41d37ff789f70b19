// The BullMQ dashboard at /staff/admin/queues: admins only (the shared security suite covers anonymous and
// other roles), its own CSP (scripts and styles from this origin only, nothing from elsewhere), read-only,
// and it follows the live producer queues (deps.queues).
import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
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

async function admin(): Promise<Client> {
  await makeUser(bo, 'dash.admin', 'admin', null);
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
    expect(body.queues[0]!.readOnlyMode).toBe(true);
    // Unknown dashboard paths lead back to its start page; other back-office pages keep the strict CSP.
    const unknown = await c.get(`${QUEUES_BASE_PATH}/nothing/here`);
    expect(unknown.status).toBe(302);
    expect(unknown.headers.get('location')).toBe(QUEUES_BASE_PATH);
    const users = await c.get('/staff/admin/users');
    expect(users.headers.get('content-security-policy')).not.toContain('script-src');
  });

  it('does not accept actions (read-only; only GET reaches it)', async () => {
    const c = new Client(bo);
    await c.signIn('dash.admin', PASSWORD);
    const res = await bo.app.request(`${QUEUES_BASE_PATH}/api/queues/case-workflow/pause`, {
      method: 'PUT',
      headers: { cookie: c.jar.header() },
    });
    expect(res.status).toBe(404);
    expect(await queue.isPaused()).toBe(false);
  });
});

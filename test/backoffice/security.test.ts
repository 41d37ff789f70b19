// The shared security suite: every back-office route (BACKOFFICE_ROUTES, checked against what the router
// really registers) is tried anonymously (→ sign-in), by every role it does not allow (→ 403), and, for
// case routes, by allowed roles from the wrong unit or with someone else's case (→ 403).
import { describe, expect, it } from 'vitest';
import { BACKOFFICE_ROUTES, backofficeRoutes } from '../../src/http/backoffice/backoffice.routes.tsx';
import { type Client, UNIT_A, UNIT_B, makeCase, makeUser, signedIn, useBackoffice } from './helpers.ts';
import { PNG_1x1 } from '../helpers/files.ts';

const bo = useBackoffice();
const ROLES = ['intake_clerk', 'handler', 'supervisor', 'admin', 'police'] as const;
type R = (typeof ROLES)[number];

const users: Record<R, string> = {
  intake_clerk: 'sec.clerk',
  handler: 'sec.handler',
  supervisor: 'sec.super',
  admin: 'sec.admin',
  police: 'sec.police',
};
const unitOf: Record<R, string | null> = { intake_clerk: 'intake', handler: UNIT_A, supervisor: UNIT_A, admin: null, police: 'police-xz' };

let ids: { caseA: string; caseB: string; caseOther: string; caseRouting: string; referral: string; evidence: string };
let otherPolice: Client;
const routingEvidence = crypto.randomUUID();
const clients = {} as Record<R, Client>;

async function setup() {
  if (ids) return;
  const handlerId = await makeUser(bo, users.handler, 'handler', UNIT_A);
  for (const r of ROLES) if (r !== 'handler') await makeUser(bo, users[r], r, unitOf[r]);
  const colleague = await makeUser(bo, 'sec.colleague', 'handler', UNIT_A);
  const handlerB = await makeUser(bo, 'sec.handler.b', 'handler', UNIT_B);
  ids = {
    caseA: (await makeCase(bo, 'complaint', { unitId: UNIT_A, assigneeId: handlerId })).id,
    caseB: (await makeCase(bo, 'complaint', { unitId: UNIT_B, assigneeId: handlerB })).id,
    caseOther: (await makeCase(bo, 'complaint', { unitId: UNIT_A, assigneeId: colleague })).id,
    caseRouting: (await makeCase(bo, 'complaint')).id,
    referral: crypto.randomUUID(),
    evidence: crypto.randomUUID(),
  };
  const photo = await bo.t.deps.evidence.put(PNG_1x1, 'image/png');
  for (const [caseId, id] of [
    [ids.caseA, ids.evidence],
    [ids.caseRouting, routingEvidence],
  ] as const) {
    await bo.t.db
      .insertInto('evidence')
      .values({ id, case_id: caseId, sha256: photo.sha256, mime: photo.mime, size: photo.size, created_at: new Date().toISOString() })
      .execute();
  }
  // A referral of case A transferred to the police unit of sec.police (fixture data: the referral path
  // itself is tested in test/referral); a police officer of another unit must not see it.
  const at = new Date().toISOString();
  await bo.t.db.insertInto('unit').values({ id: 'police-other', name: '外县公安局', kind: 'police', active: 1, created_at: at }).execute();
  await bo.t.db
    .insertInto('referral')
    .values({
      id: ids.referral,
      case_id: ids.caseA,
      status: 'transferred',
      offence: '刑法第143条',
      reasons: '安全测试',
      officers: '["甲","乙"]',
      test_report_ids: '[]',
      proposed_by: null,
      decided_by: null,
      refusal_reason: null,
      police_unit_id: 'police-xz',
      transferred_at: at,
      procuratorate_copy: 1,
      identity_disclosed: 0,
      identity_reason: null,
      package_sha256: null,
      police_reason: null,
      exhibits_handed_over_at: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  await bo.t.db
    .insertInto('disposition')
    .values({
      id: crypto.randomUUID(),
      case_id: ids.caseA,
      public_ref: 'GK2026-SEC00001',
      case_kind: 'complaint',
      outcome: 'mediation_succeeded',
      category: null,
      township: null,
      business_name: null,
      business_key: null,
      findings_text: '安全测试',
      decision_text: '安全测试',
      complaint_text: null,
      fine_fen: null,
      confiscation_fen: null,
      decided_at: at,
      published_at: null,
      status: 'draft',
      review: '{"findings":[]}',
      correction_note: null,
      corrected_at: null,
      withdraw_reason: null,
      withdrawn_at: null,
      version: 1,
      created_at: at,
      updated_at: at,
    })
    .execute();
  await makeUser(bo, 'sec.police.other', 'police', 'police-other');
  otherPolice = await signedIn(bo, 'sec.police.other');
  for (const r of ROLES) clients[r] = await signedIn(bo, users[r]);
}

const fill = (path: string, caseId: string) =>
  path
    .replace(':id', caseId)
    .replace(':event', 'comment')
    .replace(':eid', caseId === ids.caseRouting ? routingEvidence : ids.evidence)
    .replace(':rid', ids.referral)
    .replace(':step', path.includes('disposition') ? 'edit' : 'feedback');
const url = (path: string) => `/staff${path === '/' ? '' : path}`;

async function call(c: Client, method: 'GET' | 'POST' | 'PUT', path: string): Promise<Response> {
  if (method === 'GET') return c.get(path);
  // The queue dashboard's actions: fetch() from our own page.
  if (method === 'PUT')
    return c.bo.app.request(path, {
      method: 'PUT',
      headers: { cookie: c.jar.header(), 'sec-fetch-site': 'same-origin' },
      redirect: 'manual',
    });
  await c.get('/staff/account/password'); // fresh token
  return c.post(path, { reason: '安全测试备注', version: '0' });
}

describe('shared back-office security suite', () => {
  it('covers every route the router registers', () => {
    const registered = backofficeRoutes(bo.t.deps)
      .routes.filter((r) => r.method !== 'ALL')
      .map((r) => `${r.method} ${r.path}`);
    const listed = BACKOFFICE_ROUTES.map((r) => `${r.method} ${r.path}`);
    expect(new Set(registered)).toEqual(new Set(listed));
  });

  for (const route of BACKOFFICE_ROUTES) {
    const label = `${route.method} ${route.path}`;
    if (route.access === 'public') {
      it(`${label}: open without signing in`, async () => {
        await setup();
        const res = await bo.app.request(url(route.path), { method: route.method, redirect: 'manual' });
        expect(res.status).not.toBe(302);
        expect(res.status).toBeLessThan(500);
      });
      continue;
    }
    it(`${label}: anonymous → sign-in`, async () => {
      await setup();
      const res = await bo.app.request(url(fill(route.path, ids.caseA)), {
        method: route.method,
        redirect: 'manual',
        ...(route.method === 'POST'
          ? { body: new URLSearchParams({ reason: 'x' }), headers: { 'content-type': 'application/x-www-form-urlencoded' } }
          : {}),
      });
      expect(res.status).toBe(route.method === 'GET' ? 302 : 303);
      expect(res.headers.get('location')).toMatch(/^\/staff\/login/);
    });
    if (route.access === 'signed_in') continue;
    const allowed = route.access as readonly string[];
    for (const role of ROLES.filter((r) => !allowed.includes(r))) {
      it(`${label}: ${role} → 403`, async () => {
        await setup();
        const res = await call(clients[role], route.method, url(fill(route.path, ids.caseA)));
        expect(res.status).toBe(403);
      });
    }
    if ('caseScoped' in route && route.caseScoped) {
      for (const role of ROLES.filter((r) => allowed.includes(r) && r !== 'admin')) {
        it(`${label}: ${role} of another unit → 403`, async () => {
          await setup();
          const res = await call(clients[role], route.method, url(fill(route.path, ids.caseB)));
          expect(res.status).toBe(403);
          expect(await res.text()).not.toContain('张伟');
        });
      }
      if (allowed.includes('handler')) {
        it(`${label}: handler with a colleague's case → 403`, async () => {
          await setup();
          expect((await call(clients.handler, route.method, url(fill(route.path, ids.caseOther)))).status).toBe(403);
        });
      }
    }
    if ('referralScoped' in route && route.referralScoped) {
      it(`${label}: police of another unit → 403`, async () => {
        await setup();
        const res = await call(otherPolice, route.method, url(fill(route.path, ids.caseA)));
        expect(res.status).toBe(403);
        expect(await res.text()).not.toContain('安全测试');
      });
    }
    if (route.method === 'GET') {
      for (const role of ROLES.filter((r) => allowed.includes(r))) {
        it(`${label}: ${role} allowed`, async () => {
          await setup();
          // Each role's own kind of case: the intake centre works cases still being routed.
          const res = await clients[role].get(url(fill(route.path, role === 'intake_clerk' ? ids.caseRouting : ids.caseA)));
          expect([200, 302]).toContain(res.status);
          if (res.status === 302) expect(res.headers.get('location')).not.toMatch(/login/);
        });
      }
    }
  }

  it('a POST with a forged CSRF token is refused even when signed in', async () => {
    await setup();
    const res = await clients.handler.post(url(`/cases/${ids.caseA}/actions/comment`), { reason: '备注', version: '2', _csrf: 'forged' });
    expect(res.status).toBe(403);
  });

  it('pages carry the strict CSP and are not cached', async () => {
    await setup();
    const res = await clients.handler.get(`/staff/cases/${ids.caseA}`);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('content-security-policy')).not.toContain('script-src');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});

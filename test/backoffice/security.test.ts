// The shared security suite: every back-office route (BACKOFFICE_ROUTES, checked against what the router
// really registers) × every principal has ONE exact expected answer in route-table.expected.ts
// ('200', '403', '404', '302 /staff/login', '303 /staff/cases/:id' …: status, and for redirects where to,
// with ids written as their placeholders), and the suite asserts equality cell by cell. The expectations
// are data written apart from the route rules: changing one route's `access` fails the suite.
// Principals: anon (not signed in), clerk (intake centre, with a case still being routed), handler and
// supervisor of unit A (with case A, the handler's own), admin, police (the unit the referral went to),
// handler_b (unit B, with case A: not theirs), police_b (another police unit), reward_officer, director
// (局负责人: approves referrals).
//
// ADDING A ROUTE: the suite fails with "no expected row for GET /x". To get the observed row, run
//   ROUTE_TABLE_WRITE=/tmp/rows.ts npx vitest run test/backoffice/security.test.ts
// which writes one line per missing route to /tmp/rows.ts; READ each cell (is a 200 for that principal
// right?) before pasting the lines into route-table.expected.ts. Existing rows are never rewritten.
import { appendFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BACKOFFICE_ROUTES, backofficeRoutes } from '../../src/http/backoffice/backoffice.routes.tsx';
import { type Client, UNIT_A, UNIT_B, makeCase, makeUser, signedIn, useBackoffice } from './helpers.ts';
import { PNG_1x1 } from '../helpers/files.ts';
import { EXPECTED, PRINCIPALS, type Principal } from './route-table.expected.ts';

const bo = useBackoffice();
const ROLES = ['intake_clerk', 'handler', 'supervisor', 'admin', 'police', 'reward_officer', 'director'] as const;
type R = (typeof ROLES)[number];

const users: Record<R, string> = {
  intake_clerk: 'sec.clerk',
  handler: 'sec.handler',
  supervisor: 'sec.super',
  admin: 'sec.admin',
  police: 'sec.police',
  reward_officer: 'sec.reward',
  director: 'sec.director',
};
const unitOf: Record<R, string | null> = {
  intake_clerk: 'intake',
  handler: UNIT_A,
  supervisor: UNIT_A,
  admin: null,
  police: 'police-xz',
  reward_officer: null,
  director: null,
};

let ids: {
  caseA: string;
  caseB: string;
  caseOther: string;
  caseRouting: string;
  referral: string;
  evidence: string;
  reward: string;
  targetUser: string;
};
const routingEvidence = crypto.randomUUID();

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
    reward: crypto.randomUUID(),
    // The admin routes act on a user and a unit made for this suite only.
    targetUser: await makeUser(bo, 'sec.target', 'handler', UNIT_B),
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
  // A reward case of case A (fixture data: the reward path itself is tested in test/rewards).
  await bo.t.db
    .insertInto('reward_case')
    .values({
      id: ids.reward,
      case_id: ids.caseA,
      status: 'notified',
      rules: 'samr2021',
      basis: '安全测试',
      base_yuan: 0,
      closed_at: at,
      opened_at: at,
      proposals: '[]',
      checks: '[]',
      notified_at: at,
      claim_due_at: null,
      claim_due_problem: null,
      claim_failures: 0,
      claimed_at: null,
      claim_channel: null,
      claim_enc: null,
      level: null,
      insider: 0,
      amount_yuan: null,
      needs_finance: 0,
      finance_ref: null,
      finance_approved_at: null,
      decision: null,
      decision_reason: null,
      decided_by: null,
      decided_at: null,
      paid_on: null,
      paid_yuan: null,
      voucher_no: null,
      payment_method: null,
      recovered_at: null,
      recovery_reason: null,
      recovery_yuan: null,
      version: 0,
      updated_at: at,
    })
    .execute();
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
  await bo.t.db.insertInto('unit').values({ id: 'sec-unit', name: '安全测试所', kind: 'station', active: 1, created_at: at }).execute();
  await makeUser(bo, 'sec.police.other', 'police', 'police-other');
}

const fill = (path: string, caseId: string) =>
  path
    .replace(':id', caseId)
    .replace(':event', 'comment')
    .replace(':eid', caseId === ids.caseRouting ? routingEvidence : ids.evidence)
    .replace(':rid', ids.referral)
    .replace(':rwid', ids.reward)
    .replace(':step', path.includes('disposition') ? 'edit' : 'feedback')
    .replace(':uid', path.startsWith('/admin/units') ? 'sec-unit' : ids.targetUser)
    .replace(':kind', 'inspection')
    // The queue dashboard's API: pause the suite's own workflow queue (a real action, allowed to admins).
    .replace('/api/*', '/api/queues/case-workflow/pause');
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

const principalUser: Record<Exclude<Principal, 'anon'>, string> = {
  clerk: users.intake_clerk,
  handler: users.handler,
  supervisor: users.supervisor,
  admin: users.admin,
  police: users.police,
  reward_officer: users.reward_officer,
  director: users.director,
  handler_b: 'sec.handler.b',
  police_b: 'sec.police.other',
};

/** Ids back to their placeholders, so an expected redirect reads like the route table. */
function placeholders(location: string): string {
  let l = location.split('?')[0] ?? '';
  for (const [name, v] of Object.entries(ids)) l = l.split(v).join(`:${name}`);
  return l.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, ':uuid');
}

/** What one principal gets from one route: "200", "403", "302 /staff/login"… */
async function observe(method: 'GET' | 'POST' | 'PUT', path: string, p: Principal): Promise<string> {
  const caseId = p === 'clerk' ? ids.caseRouting : ids.caseA;
  const target = url(fill(path, caseId));
  let res: Response;
  if (p === 'anon') {
    res = await bo.app.request(target, {
      method,
      redirect: 'manual',
      ...(method === 'POST'
        ? { body: new URLSearchParams({ reason: '安全测试备注' }), headers: { 'content-type': 'application/x-www-form-urlencoded' } }
        : {}),
    });
  } else {
    // A session of its own for routes that end it; the shared one otherwise.
    const c = path.startsWith('/logout') ? await signedIn(bo, principalUser[p]) : await session(p);
    res = await call(c, method, target);
  }
  const loc = res.headers.get('location');
  // A refusal shows nothing of the case or the referral (the complainant's name, the referral's reasons).
  const text = await res.text();
  if ((res.status === 403 || res.status === 404) && (text.includes('张伟') || text.includes('安全测试')))
    leaks.push(`${method} ${path} ${p}`);
  return loc ? `${res.status} ${placeholders(loc)}` : String(res.status);
}

const leaks: string[] = [];
const sessions = new Map<Principal, Client>();
async function session(p: Exclude<Principal, 'anon'>): Promise<Client> {
  let c = sessions.get(p);
  if (!c) {
    c = await signedIn(bo, principalUser[p]);
    sessions.set(p, c);
  }
  return c;
}

describe('shared back-office security suite', () => {
  it('covers every route the router registers', () => {
    const registered = backofficeRoutes(bo.t.deps)
      .routes.filter((r) => r.method !== 'ALL')
      .map((r) => `${r.method} ${r.path}`);
    const listed = BACKOFFICE_ROUTES.map((r) => `${r.method} ${r.path}`);
    expect(new Set(registered)).toEqual(new Set(listed));
  });

  it('the expected table has a row for every route and no row for a route that is gone', () => {
    const listed = new Set(BACKOFFICE_ROUTES.map((r) => `${r.method} ${r.path}`));
    expect(Object.keys(EXPECTED).filter((k) => !listed.has(k))).toEqual([]);
    const missing = [...listed].filter((k) => !(k in EXPECTED));
    expect(missing, 'run with ROUTE_TABLE_WRITE=<file> to write the observed rows (see the header)').toEqual([]);
  });

  // Routes that end the session go last (and sign the principal in afresh): /logout-all ends every session.
  const ordered = [...BACKOFFICE_ROUTES].sort((a, b) => Number(a.path.startsWith('/logout')) - Number(b.path.startsWith('/logout')));
  for (const route of ordered) {
    const key = `${route.method} ${route.path}`;
    it(`${key}: every principal gets exactly its expected answer`, async () => {
      await setup();
      const row = {} as Record<Principal, string>;
      for (const p of PRINCIPALS) row[p] = await observe(route.method, route.path, p);
      const want = EXPECTED[key];
      if (!want && process.env.ROUTE_TABLE_WRITE) {
        appendFileSync(process.env.ROUTE_TABLE_WRITE, `  '${key}': ${JSON.stringify(row).replace(/"/g, "'")},\n`);
      }
      expect(row).toEqual(want);
    });
  }
  it('no refusal showed anything of the case or the referral', () => {
    expect(leaks).toEqual([]);
  });

  it('a POST with a forged CSRF token is refused even when signed in', async () => {
    await setup();
    const handler = await signedIn(bo, users.handler);
    const res = await handler.post(url(`/cases/${ids.caseA}/actions/comment`), { reason: '备注', version: '2', _csrf: 'forged' });
    expect(res.status).toBe(403);
  });

  it('pages carry the strict CSP and are not cached', async () => {
    await setup();
    const res = await (await signedIn(bo, users.handler)).get(`/staff/cases/${ids.caseA}`);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('content-security-policy')).not.toContain('script-src');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});

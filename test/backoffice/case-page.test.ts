// The case page and its actions, through HTTP on a real database: accept, refusal validation, stale forms,
// identity reveal (logged), reassignment limits, queues with urgent/overdue marks, clock pause/extend.
import { describe, expect, it } from 'vitest';
import { csvCell } from '../../src/backoffice/case.export.ts';
import { applyTransition } from '../../src/cases/case.repository.ts';
import { ManualClock } from '../../src/lib/clock.ts';
import { UNIT_A, UNIT_B, makeCase, makeUser, signedIn, useBackoffice } from './helpers.ts';
import type { AuditAction } from '../../src/backoffice/staff.table.ts';

const clock = new ManualClock(new Date('2026-11-30T02:00:00Z'));
const bo = useBackoffice({ clock });
let handler: string;
let supervisor: string;
let handlerB: string;

async function ready() {
  if (handler) return;
  handler = await makeUser(bo, 'case.handler', 'handler', UNIT_A);
  supervisor = await makeUser(bo, 'case.super', 'supervisor', UNIT_A);
  handlerB = await makeUser(bo, 'case.handler.b', 'handler', UNIT_B);
  await makeUser(bo, 'case.clerk', 'intake_clerk', 'intake');
}
const caseRow = (id: string) => bo.t.db.selectFrom('intake_case').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const audit = (action: AuditAction) => bo.t.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('seq').execute();

describe('case page', () => {
  it('shows the facts, hides the identity, and lets the handler accept the complaint', async () => {
    await ready();
    const k = await makeCase(bo, 'complaint', { unitId: UNIT_A, assigneeId: handler });
    const c = await signedIn(bo, 'case.handler');
    const page = await c.get(`/staff/cases/${k.id}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('新郑市好又多便利店');
    expect(html).toContain('D1 投诉受理决定并告知');
    expect(html).toContain('受理投诉');
    expect(html).toContain('不予受理');
    expect(html).not.toContain('张伟');
    expect(html).not.toContain('13812345678');
    const v = (await caseRow(k.id)).version;
    const res = await c.post(`/staff/cases/${k.id}/actions/accept`, { version: String(v) });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/staff/cases/${k.id}?done=accept`);
    expect((await caseRow(k.id)).status).toBe('accepted');
    const ev = await bo.t.db
      .selectFrom('case_event')
      .selectAll()
      .where('case_id', '=', k.id)
      .where('type', '=', 'accept')
      .executeTakeFirstOrThrow();
    expect(ev).toMatchObject({ actor_role: 'handler', actor_id: handler });
    expect(
      (await audit('case_action')).some((a) => a.case_id === k.id && a.actor_id === handler && JSON.parse(a.detail!).event === 'accept'),
    ).toBe(true);
    const after = await (await c.get(`/staff/cases/${k.id}?done=accept`)).text();
    expect(after).toContain('操作已完成');
    expect(after).toContain('开始调解');
  });

  it('refuses a refusal without the Art. 16 ground, keeps what was typed, changes nothing', async () => {
    await ready();
    const k = await makeCase(bo, 'complaint', { unitId: UNIT_A, assigneeId: handler });
    const c = await signedIn(bo, 'case.handler');
    await c.get(`/staff/cases/${k.id}`);
    const v = (await caseRow(k.id)).version;
    const res = await c.post(`/staff/cases/${k.id}/actions/refuse`, { version: String(v), reason: '已由消费者协会受理' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('请选择第十六条规定的理由');
    expect(html).toContain('已由消费者协会受理');
    expect((await caseRow(k.id)).status).toBe('assigned');
    const ok = await c.post(`/staff/cases/${k.id}/actions/refuse`, {
      version: String(v),
      ground: 'already_handled',
      reason: '已由消费者协会受理',
    });
    expect(ok.status).toBe(303);
    expect((await caseRow(k.id)).status).toBe('refused');
  });

  it('refuses a form made for an older version of the case', async () => {
    await ready();
    const k = await makeCase(bo, 'complaint', { unitId: UNIT_A, assigneeId: handler });
    const c = await signedIn(bo, 'case.handler');
    await c.get(`/staff/cases/${k.id}`);
    const v = (await caseRow(k.id)).version;
    await applyTransition(bo.t.db, k.id, { type: 'comment', reason: '同时有人备注' }, { role: 'supervisor', id: supervisor }, clock.now());
    const res = await c.post(`/staff/cases/${k.id}/actions/accept`, { version: String(v) });
    expect(res.status).toBe(409);
    expect(await res.text()).toContain('已被他人修改');
    expect((await caseRow(k.id)).status).toBe('assigned');
  });

  it('reveals the identity only on a POST with a reason, and logs who, when and why', async () => {
    await ready();
    const k = await makeCase(bo, 'complaint', { unitId: UNIT_A, assigneeId: handler });
    const c = await signedIn(bo, 'case.handler');
    await c.get(`/staff/cases/${k.id}`);
    const before = (await audit('identity_viewed')).length;
    const noReason = await c.post(`/staff/cases/${k.id}/identity`, { reason: '' });
    expect(noReason.status).toBe(422);
    expect(await noReason.text()).not.toContain('张伟');
    expect((await audit('identity_viewed')).length).toBe(before);
    const res = await c.post(`/staff/cases/${k.id}/identity`, { reason: '电话联系投诉人核实购买凭证' });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('张伟');
    expect(html).toContain('13812345678');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const rows = await audit('identity_viewed');
    const last = rows[rows.length - 1]!;
    expect(last).toMatchObject({ actor_id: handler, actor_role: 'handler', case_id: k.id, at: clock.now().toISOString() });
    expect(JSON.parse(last.detail!).reason).toBe('电话联系投诉人核实购买凭证');
    // The audit row holds the reason, never the identity.
    expect(last.detail).not.toContain('张伟');
    // Not in the URL and not on a plain GET afterwards.
    expect(await (await c.get(`/staff/cases/${k.id}`)).text()).not.toContain('13812345678');
  });

  it('lets a supervisor reassign within the unit only', async () => {
    await ready();
    const other = await makeUser(bo, 'case.handler2', 'handler', UNIT_A);
    const k = await makeCase(bo, 'complaint', { unitId: UNIT_A, assigneeId: handler });
    const s = await signedIn(bo, 'case.super');
    const page = await (await s.get(`/staff/cases/${k.id}`)).text();
    expect(page).toContain('改派承办人');
    expect(page).not.toContain('case.handler.b');
    const v = String((await caseRow(k.id)).version);
    const bad = await s.post(`/staff/cases/${k.id}/actions/reassign`, { version: v, assigneeId: handlerB, reason: '工作量调整' });
    expect(bad.status).toBe(422);
    expect((await caseRow(k.id)).assignee_id).toBe(handler);
    const ok = await s.post(`/staff/cases/${k.id}/actions/reassign`, { version: v, assigneeId: other, reason: '工作量调整' });
    expect(ok.status).toBe(303);
    expect((await caseRow(k.id)).assignee_id).toBe(other);
    // The first handler no longer sees it.
    const h = await signedIn(bo, 'case.handler');
    expect((await h.get(`/staff/cases/${k.id}`)).status).toBe(403);
  });

  it('pauses and resumes a report clock (handler) and extends it (supervisor)', async () => {
    await ready();
    const k = await makeCase(bo, 'anonymousReport', { unitId: UNIT_A, assigneeId: handler });
    const h = await signedIn(bo, 'case.handler');
    await h.get(`/staff/cases/${k.id}`);
    expect(
      (await h.post(`/staff/cases/${k.id}/actions/start_verification`, { version: String((await caseRow(k.id)).version) })).status,
    ).toBe(303);
    await h.get(`/staff/cases/${k.id}`);
    expect(
      (
        await h.post(`/staff/cases/${k.id}/actions/pause_clock`, {
          version: String((await caseRow(k.id)).version),
          clock: 'D4',
          pauseReason: 'testing',
        })
      ).status,
    ).toBe(303);
    expect(await (await h.get(`/staff/cases/${k.id}`)).text()).toContain('已暂停');
    expect(
      (await h.post(`/staff/cases/${k.id}/actions/resume_clock`, { version: String((await caseRow(k.id)).version), clock: 'D4' })).status,
    ).toBe(303);
    // Handlers cannot extend: the machine offers it to supervisors only.
    expect(
      (
        await h.post(`/staff/cases/${k.id}/actions/extend_clock`, {
          version: String((await caseRow(k.id)).version),
          clock: 'D4',
          reason: '案情复杂',
        })
      ).status,
    ).toBe(409);
    const s = await signedIn(bo, 'case.super');
    await s.get(`/staff/cases/${k.id}`);
    expect(
      (
        await s.post(`/staff/cases/${k.id}/actions/extend_clock`, {
          version: String((await caseRow(k.id)).version),
          clock: 'D4',
          reason: '案情复杂，经负责人批准',
        })
      ).status,
    ).toBe(303);
    const d4 = await bo.t.db
      .selectFrom('case_clock')
      .selectAll()
      .where('case_id', '=', k.id)
      .where('clock', '=', 'D4')
      .where('status', '=', 'running')
      .executeTakeFirstOrThrow();
    expect(d4.extensions).toBe(1);
  });
});

describe('routing by the intake centre', () => {
  it('an intake clerk assigns a case waiting for routing; it leaves their scope and reaches the handler', async () => {
    await ready();
    const k = await makeCase(bo, 'complaint');
    await applyTransition(bo.t.db, k.id, { type: 'route_to_intake' }, { role: 'system', id: null }, clock.now());
    const clerk = await signedIn(bo, 'case.clerk');
    const waiting = await (await clerk.get('/staff/cases/unassigned')).text();
    expect(waiting).toContain(k.number);
    const page = await (await clerk.get(`/staff/cases/${k.id}`)).text();
    expect(page).toContain('分派承办人');
    expect(page).toContain('case.handler.b'); // every station's handlers
    const res = await clerk.post(`/staff/cases/${k.id}/actions/assign`, {
      version: String((await caseRow(k.id)).version),
      assigneeId: handler,
      reason: '按经营地址分派',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/staff/todo?handedOver=1');
    expect(await caseRow(k.id)).toMatchObject({ status: 'assigned', unit_id: UNIT_A, assignee_id: handler });
    expect((await clerk.get(`/staff/cases/${k.id}`)).status).toBe(403);
    const h = await signedIn(bo, 'case.handler');
    expect(await (await h.get('/staff/cases/mine')).text()).toContain(k.number);
  });
});

describe('triage correction', () => {
  it('lets the handler correct the urgency, with a reason, and refuses a value of another label', async () => {
    await ready();
    const k = await makeCase(bo, 'complaint', { unitId: UNIT_A, assigneeId: handler });
    const h = await signedIn(bo, 'case.handler');
    expect(await (await h.get(`/staff/cases/${k.id}`)).text()).toContain('修改分类标签');
    const v = String((await caseRow(k.id)).version);
    const bad = await h.post(`/staff/cases/${k.id}/actions/relabel`, { version: v, field: 'urgency', value: 'catering', reason: '误选' });
    expect(bad.status).toBe(422);
    const ok = await h.post(`/staff/cases/${k.id}/actions/relabel`, {
      version: v,
      field: 'urgency',
      value: 'urgent',
      reason: '投诉人已就医，多人不适',
    });
    expect(ok.status).toBe(303);
    expect(await caseRow(k.id)).toMatchObject({ urgency: 'urgent', urgency_rank: 0 });
    const page = await (await h.get(`/staff/cases/${k.id}`)).text();
    expect(page).toContain('紧急程度：一般 → 紧急');
    expect(page).toContain('tag-urgent');
  });
});

describe('queues', () => {
  it('lists my cases and the unit queue, with counts, and marks urgent and overdue cases', async () => {
    await ready();
    const mine = await makeCase(bo, 'complaint', { unitId: UNIT_A, assigneeId: handler });
    await bo.t.db.updateTable('intake_case').set({ urgency: 'urgent', urgency_rank: 0 }).where('id', '=', mine.id).execute();
    const queued = await makeCase(bo, 'complaint', { unitId: UNIT_A });
    const elsewhere = await makeCase(bo, 'complaint', { unitId: UNIT_B, assigneeId: handlerB });
    const h = await signedIn(bo, 'case.handler');
    const myPage = await (await h.get('/staff/cases/mine?sort=urgency')).text();
    expect(myPage).toContain(mine.number);
    expect(myPage).toMatch(/我的案件（\d+）/);
    expect(myPage).toContain('tag-urgent');
    expect(myPage).not.toContain(queued.number);
    const unassigned = await (await h.get('/staff/cases/unassigned')).text();
    expect(unassigned).toContain(queued.number);
    expect(unassigned).not.toContain(elsewhere.number);
    expect(unassigned).not.toContain(mine.number);
    const search = await (await h.get(`/staff/cases/search?q=${mine.number}`)).text();
    expect(search).toContain('案件查询（1）');
    expect((await h.get('/staff/cases/search?kind=nonsense')).status).toBe(422);
    const reports = await (await h.get('/staff/cases/search?kind=report')).text();
    expect(reports).not.toContain(mine.number);

    // The search exports as CSV: the user's scope only, no personal data, and the export is logged.
    const csvRes = await h.get('/staff/cases/export.csv?kind=complaint&sort=received_asc');
    expect(csvRes.status).toBe(200);
    expect(csvRes.headers.get('content-type')).toContain('text/csv');
    expect(csvRes.headers.get('content-disposition')).toMatch(/^attachment; filename="cases-\d{4}-\d{2}-\d{2}\.csv"$/);
    const bytes = new Uint8Array(await csvRes.clone().arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // BOM, for Excel
    const csv = await csvRes.text();
    expect(csv).toContain('案件编号,类型,状态');
    expect(csv).toContain(mine.number);
    expect(csv).toContain(queued.number);
    expect(csv).not.toContain(elsewhere.number);
    expect(csv).not.toContain('张伟');
    expect(csv).not.toContain('牛奶');
    const exp = await audit('export');
    expect(JSON.parse(exp[exp.length - 1]!.detail!)).toMatchObject({
      what: 'cases.csv',
      filters: { kind: 'complaint', sort: 'received_asc' },
    });
    expect(exp[exp.length - 1]!.actor_id).toBe(handler);
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);

    // Twelve calendar days later the D1 clock (7 working days) of `mine` has passed its due time.
    const later = new ManualClock(new Date(clock.now().getTime() + 12 * 86400_000));
    const before = clock.now();
    clock.set(later.now());
    const h2 = await signedIn(bo, 'case.handler'); // the earlier session has long been idle
    const overdue = await (await h2.get('/staff/cases/overdue')).text();
    expect(overdue).toContain(mine.number);
    expect(overdue).toContain('tag-overdue');
    expect(overdue).not.toContain(elsewhere.number);
    const s = await signedIn(bo, 'case.super');
    expect(await (await s.get('/staff/cases/overdue')).text()).toContain(queued.number);
    clock.set(before);
  });

  it('paginates', async () => {
    await ready();
    for (let i = 0; i < 26; i++) await makeCase(bo, 'consultation', { unitId: UNIT_B });
    const b = await makeUser(bo, 'case.super.b', 'supervisor', UNIT_B);
    expect(b).toBeTruthy();
    const s = await signedIn(bo, 'case.super.b');
    const p1 = await (await s.get('/staff/cases/unassigned?kind=consultation')).text();
    expect(p1).toContain('共 26 件，第 1 / 2 页');
    expect(p1).toContain('下一页');
    const p2 = await (await s.get('/staff/cases/unassigned?kind=consultation&page=2')).text();
    expect(p2).toContain('第 2 / 2 页');
    expect((p2.match(/\/staff\/cases\/[0-9a-f-]{36}"/g) ?? []).length).toBe(1);
  });
});

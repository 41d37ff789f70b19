// Issue #14.1/#14.2 in the back office: the case page lists what the citizen must be told; a handler
// records a notice given by phone (who, when, how; audited) and D1 stops at that time; the statistics page
// staff see shows a unit that met every clock at 100% on time, with its pending clocks apart.
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/lib/clock.ts';
import { UNIT_A, makeCase, makeUser, signedIn, useBackoffice } from './helpers.ts';

const cst = (s: string) => new Date(`${s}+08:00`);
const clock = new ManualClock(cst('2026-11-02T10:00:00'));
const bo = useBackoffice({ clock });

const caseRow = (id: string) => bo.t.db.selectFrom('intake_case').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('notice duties in the back office', () => {
  it('a notice given by phone is recorded on the case page; the statistics page shows 100% on time and pending apart', async () => {
    const handler = await makeUser(bo, 'nd.handler', 'handler', UNIT_A);
    await makeUser(bo, 'nd.super', 'supervisor', UNIT_A);
    const k = await makeCase(bo, 'complaint', { unitId: UNIT_A, assigneeId: handler });
    const c = await signedIn(bo, 'nd.handler');
    await c.get(`/staff/cases/${k.id}`);
    expect((await c.post(`/staff/cases/${k.id}/actions/accept`, { version: String((await caseRow(k.id)).version) })).status).toBe(303);

    // The page lists the pending notice and offers to record it.
    const page = await (await c.get(`/staff/cases/${k.id}`)).text();
    expect(page).toContain('告知事项');
    expect(page).toContain('尚未告知（D1 在计时）');
    expect(page).toContain('登记告知情况');
    const duty = await bo.t.db.selectFrom('notice_duty').selectAll().where('case_id', '=', k.id).executeTakeFirstOrThrow();

    // Validation names the field, in Chinese; nothing changes.
    clock.set(cst('2026-11-03T16:00:00'));
    const c2 = await signedIn(bo, 'nd.handler'); // a day later: a new session
    await c2.get(`/staff/cases/${k.id}`);
    const bad = await c2.post(`/staff/cases/${k.id}/actions/record_notice`, {
      version: String((await caseRow(k.id)).version),
      dutyId: duty.id,
      channel: 'phone',
      toldTo: '投诉人本人',
      givenAt: '2026-11-04 09:00',
    });
    expect(bad.status).toBe(422);
    expect(c2.lastHtml).toContain('告知时间不能晚于现在');
    expect((await bo.t.db.selectFrom('notice_duty').select('status').where('id', '=', duty.id).executeTakeFirstOrThrow()).status).toBe(
      'pending',
    );

    const ok = await c2.post(`/staff/cases/${k.id}/actions/record_notice`, {
      version: String((await caseRow(k.id)).version),
      dutyId: duty.id,
      channel: 'phone',
      toldTo: '投诉人本人',
      givenAt: '2026-11-03 15:30',
      note: '电话告知已受理',
    });
    expect(ok.status).toBe(303);
    const d1 = await bo.t.db
      .selectFrom('case_clock')
      .select(['status', 'stop_event', 'stopped_at'])
      .where('case_id', '=', k.id)
      .where('clock', '=', 'D1')
      .executeTakeFirstOrThrow();
    expect(d1).toEqual({ status: 'stopped', stop_event: 'notice_given', stopped_at: cst('2026-11-03T15:30:00').toISOString() });
    const audit = await bo.t.db.selectFrom('audit_log').select(['detail', 'case_id']).where('action', '=', 'case_action').execute();
    expect(audit.some((a) => a.case_id === k.id && (a.detail ?? '').includes('record_notice'))).toBe(true);
    const after = await (await c2.get(`/staff/cases/${k.id}`)).text();
    expect(after).toContain('通过电话告知投诉人本人');

    // The supervisor's statistics: D1 met in time → 100%; D2 (mediation) still running → pending, apart.
    const s = await signedIn(bo, 'nd.super');
    const stats = await s.get('/staff/statistics?from=2026-11&to=2026-11');
    expect(stats.status).toBe(200);
    expect(s.lastHtml).toContain('100.0%');
    expect(s.lastHtml).toMatch(/id="compliance-pending"[\s\S]*尚在计时 1 项/);
    const csv = await (await s.get('/staff/statistics.csv?from=2026-11&to=2026-11')).text();
    expect(csv).toContain('尚在计时（不计入比例）,1');
    expect(csv).toMatch(/按时办结,[^,]+,已完成（比例为按时完成的比例）,1,1\.0000/);
  });

  it('a closed case whose citizen is not yet told stays on the handler’s 待我处理 with that step', async () => {
    clock.set(cst('2026-11-16T10:00:00'));
    const handler = await makeUser(bo, 'nd.handler2', 'handler', UNIT_A);
    const k = await makeCase(bo, 'complaint', { unitId: UNIT_A, assigneeId: handler });
    const c = await signedIn(bo, 'nd.handler2');
    await c.get(`/staff/cases/${k.id}`);
    const refuse = await c.post(`/staff/cases/${k.id}/actions/refuse`, {
      version: String((await caseRow(k.id)).version),
      ground: 'not_competent',
      reason: '不属于本局管辖',
    });
    expect(refuse.status).toBe(303);
    await c.get(`/staff/cases/${k.id}`);
    expect((await c.post(`/staff/cases/${k.id}/actions/close`, { version: String((await caseRow(k.id)).version) })).status).toBe(303);
    expect((await caseRow(k.id)).status).toBe('closed');
    const todo = await (await c.get('/staff/todo')).text();
    expect(todo).toContain(k.number);
    expect(todo).toContain('告知投诉人处理决定');
    // Once told (the complainant opens the status page is tested elsewhere; here staff record a letter), it leaves.
    await c.get(`/staff/cases/${k.id}`);
    const duty = await bo.t.db.selectFrom('notice_duty').select('id').where('case_id', '=', k.id).executeTakeFirstOrThrow();
    const ok = await c.post(`/staff/cases/${k.id}/actions/record_notice`, {
      version: String((await caseRow(k.id)).version),
      dutyId: duty.id,
      channel: 'letter',
      toldTo: '投诉人本人',
      givenAt: '2026-11-16 10:00',
    });
    expect(ok.status).toBe(303);
    expect(await (await c.get('/staff/todo')).text()).not.toContain(k.number);
  });
});

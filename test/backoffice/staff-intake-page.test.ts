// Issue #14.7 through the back office: an intake clerk enters a phone call received the day before, with an
// agent; the case's receipt and clocks start at the real time; a time in the future is refused on the form
// with the field named; other roles may not use the page.
import { describe, expect, it } from 'vitest';
import type { PartyIdentity } from '../../src/cases/intake.service.ts';
import { ManualClock } from '../../src/lib/clock.ts';
import { UNIT_A, makeUser, signedIn, useBackoffice } from './helpers.ts';

const cst = (s: string) => new Date(`${s}+08:00`);
const clock = new ManualClock(cst('2026-11-10T11:00:00'));
const bo = useBackoffice({ clock });

const FORM = {
  way: 'phone',
  receivedAt: '2026-11-09 17:20',
  kind: 'complaint',
  description: '昨天在超市买的饺子里吃出一根头发，要求退款并道歉。',
  businessName: '新郑市好又多便利店',
  businessAddress: '新郑市新建路128号',
  township: '新建路街道',
  request: '退款并道歉',
  name: '张伟',
  phone: '13812345678',
  address: '新郑市人民路8号院',
  agentName: '刘律师',
  agentPhone: '13900002222',
  authorisation: '2026-11-08 授权委托书，委托投诉及调解',
};

describe('staff intake page', () => {
  it('an intake clerk enters a call with its real receipt time and an agent; the query code is shown once', async () => {
    await makeUser(bo, 'in.clerk', 'intake_clerk', 'intake');
    const c = await signedIn(bo, 'in.clerk');
    expect(c.lastHtml).toContain('href="/staff/intake"');
    expect((await c.get('/staff/intake')).status).toBe(200);

    const bad = await c.post('/staff/intake', { ...FORM, receivedAt: '2026-11-10 12:00' });
    expect(bad.status).toBe(422);
    expect(c.lastHtml).toContain('收到时间不能晚于现在');
    expect(c.lastHtml).toContain('刘律师'); // what was typed is kept
    expect(await bo.t.db.selectFrom('intake_case').select('id').execute()).toEqual([]);

    const ok = await c.post('/staff/intake', FORM);
    expect(ok.status).toBe(201);
    const number = /案件编号 (XZ-\d{8}-\d{6})/.exec(c.lastHtml)?.[1];
    expect(number).toBeDefined();
    expect(c.lastHtml).toMatch(/查询码 <strong class="mono">[^<]+<\/strong>/);
    const row = await bo.t.db.selectFrom('intake_case').selectAll().where('number', '=', number!).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ channel: 'phone', received_at: cst('2026-11-09T17:20:00').toISOString() });
    const d1 = await bo.t.db
      .selectFrom('case_clock')
      .select('started_at')
      .where('case_id', '=', row.id)
      .where('clock', '=', 'D1')
      .executeTakeFirstOrThrow();
    expect(d1.started_at).toBe(cst('2026-11-09T17:20:00').toISOString());
    const parties = await bo.t.db.selectFrom('party').selectAll().where('case_id', '=', row.id).execute();
    const agent = parties.find((p) => p.role === 'agent');
    expect(bo.t.deps.cipher.open<PartyIdentity>(agent!.identity_enc, `party:${agent!.id}`)).toMatchObject({
      name: '刘律师',
      authorisation: '2026-11-08 授权委托书，委托投诉及调解',
    });
    const audit = await bo.t.db.selectFrom('audit_log').selectAll().where('action', '=', 'staff_intake').execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.detail!)).toMatchObject({ caseNumber: number, way: 'phone', agent: true });
  });

  it('is the intake clerk’s only', async () => {
    await makeUser(bo, 'in.handler', 'handler', UNIT_A);
    const h = await signedIn(bo, 'in.handler');
    expect(h.lastHtml).not.toContain('href="/staff/intake"');
    expect((await h.get('/staff/intake')).status).toBe(403);
  });
});

// Issue 9 item 5 for staff: /staff/statistics with finer filters, the public page's SVG charts, real
// counts (no small-cell suppression), scoped to the supervisor's unit (admins see all), and a CSV export
// that is written to the audit log.
import { describe, expect, it } from 'vitest';
import { UNIT_A, UNIT_B, makeCase, makeUser, signedIn, useBackoffice } from './helpers.ts';

const bo = useBackoffice();

const totalOf = (csv: string) =>
  csv
    .split('\r\n')
    .filter((l) => l.startsWith('每月合计,'))
    .reduce((sum, l) => sum + Number(l.split(',')[3] || 0), 0);

describe('staff statistics', () => {
  it('supervisor: own unit only, real counts, charts, filters; admin: all units; CSV audited', async () => {
    const hA = await makeUser(bo, 'st.handler.a', 'handler', UNIT_A);
    const hB = await makeUser(bo, 'st.handler.b', 'handler', UNIT_B);
    await makeUser(bo, 'st.super', 'supervisor', UNIT_A);
    await makeUser(bo, 'st.admin', 'admin', null);
    await makeCase(bo, 'complaint', { unitId: UNIT_A, assigneeId: hA });
    await makeCase(bo, 'complaint', { unitId: UNIT_A, assigneeId: hA });
    for (let i = 0; i < 3; i++) await makeCase(bo, 'anonymousReport', { unitId: UNIT_B, assigneeId: hB });
    const supervisor = await signedIn(bo, 'st.super');
    const admin = await signedIn(bo, 'st.admin');

    // The nav link, the page, the same SVG charts, and no "<5" for staff.
    expect(supervisor.lastHtml).toContain('href="/staff/statistics"');
    const page = await supervisor.get('/staff/statistics');
    expect(page.status).toBe(200);
    expect(supervisor.lastHtml).toContain('<svg');
    expect(supervisor.lastHtml).not.toContain('&lt;5');
    expect(supervisor.lastHtml).not.toContain('name="unitId"'); // the unit is fixed for a supervisor

    // Supervisor: only unit A's 2 cases, even when asking for unit B.
    const own = await supervisor.get(`/staff/statistics.csv?unitId=${UNIT_B}`);
    expect(own.status).toBe(200);
    expect(own.headers.get('content-type')).toContain('text/csv');
    const bytes = new Uint8Array(await own.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM for Excel
    const ownCsv = new TextDecoder().decode(bytes);
    expect(totalOf(ownCsv)).toBe(2);

    // Admin: everything, or one unit, or a filter.
    expect(totalOf(await (await admin.get('/staff/statistics.csv')).text())).toBe(5);
    expect(totalOf(await (await admin.get(`/staff/statistics.csv?unitId=${UNIT_B}`)).text())).toBe(3);
    expect(totalOf(await (await admin.get('/staff/statistics.csv?kind=report')).text())).toBe(3);
    expect(totalOf(await (await admin.get('/staff/statistics.csv?category=catering')).text())).toBe(0);
    expect((await admin.get('/staff/statistics?unitId=' + UNIT_B)).status).toBe(200);
    expect(admin.lastHtml).toContain('name="unitId"');

    // A bad period is refused.
    expect((await admin.get('/staff/statistics?from=2026-13&to=2026-01')).status).toBe(422);
    expect((await admin.get('/staff/statistics?from=2026-10&to=2026-01')).status).toBe(422);

    // Every CSV export is in the audit log.
    const exports = await bo.t.db
      .selectFrom('audit_log')
      .select(['action', 'detail', 'actor_role'])
      .where('action', '=', 'export')
      .execute();
    const stats = exports.filter((e) => (e.detail ?? '').includes('statistics_csv'));
    expect(stats.length).toBe(5);
    expect(stats.filter((e) => e.actor_role === 'supervisor').every((e) => (e.detail ?? '').includes(UNIT_A))).toBe(true);
  });

  it('handlers and clerks may not see it', async () => {
    await makeUser(bo, 'st.handler.x', 'handler', UNIT_A);
    const handler = await signedIn(bo, 'st.handler.x');
    expect(handler.lastHtml).not.toContain('href="/staff/statistics"');
    expect((await handler.get('/staff/statistics')).status).toBe(403);
    expect((await handler.get('/staff/statistics.csv')).status).toBe(403);
  });
});

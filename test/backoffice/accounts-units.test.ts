// Issue #16, accounts, units, the admin CLI and the holiday calendar's horizon, over the real app and a
// real database (December 2026 on a manual clock; the calendar ends with 2026):
// - a one-time password must be changed before anything else; admins disable accounts and reset
//   passwords (both end the user's sessions and are audited);
// - moving a township to another unit routes new cases there and carries its unassigned open cases;
// - `npm run admin` refuses a DATA_DIR without a database unless --init;
// - with 2027 unknown, a D2 clock (60 days from acceptance in December) shows a 暂定 date; entering 2027
//   through the admin form replaces it with the date the entered holidays give.
import { execFile } from 'node:child_process';
import { mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { applyTransition } from '../../src/cases/case.repository.ts';
import { invalidateClockContext } from '../../src/deadlines/clock.service.ts';
import { ManualClock } from '../../src/lib/clock.ts';
import { Client, UNIT_A, makeCase, makeUser, signedIn, useBackoffice } from './helpers.ts';

const clock = new ManualClock(new Date('2026-12-10T02:00:00Z'));
const bo = useBackoffice({ clock });
const run = promisify(execFile);

const passwordOf = (html: string) => /<p class="mono">([^<]+)<\/p>/.exec(html)?.[1]?.replace(/&amp;/g, '&');

describe('accounts', () => {
  it('a one-time password must be changed first; then the user lands on 待我处理', async () => {
    await makeUser(bo, 'acc.admin', 'admin', null);
    const a = await signedIn(bo, 'acc.admin');
    await a.get('/staff/admin/users');
    const created = await a.post('/staff/admin/users', { username: 'acc.new', displayName: '李娜', role: 'handler', unitId: UNIT_A });
    expect(created.status).toBe(201);
    const otp = passwordOf(await created.text())!;

    const u = new Client(bo);
    const res = await u.signIn('acc.new', otp);
    expect(res.headers.get('location')).toBe('/staff/account/password?first=1');
    // Every other page leads back to the password page, GET or POST.
    for (const p of ['/staff/todo', '/staff/cases/mine', '/staff/inbox']) {
      const r = await u.get(p);
      expect(r.status, p).toBe(302);
      expect(r.headers.get('location')).toBe('/staff/account/password?first=1');
    }
    const page = await (await u.get('/staff/account/password?first=1')).text();
    expect(page).toContain('一次性密码');
    const changed = await u.post('/staff/account/password', {
      current: otp,
      next: 'Plum-Orchard-42-River',
      confirm: 'Plum-Orchard-42-River',
    });
    expect(changed.status).toBe(303);
    expect(changed.headers.get('location')).toMatch(/^\/staff\/todo/);
    expect((await u.get('/staff/todo')).status).toBe(200);
  });

  it('an admin disables an account and resets a password: sessions end, both are audited', async () => {
    const target = await makeUser(bo, 'acc.target', 'handler', UNIT_A);
    const victim = await signedIn(bo, 'acc.target');
    expect((await victim.get('/staff/todo')).status).toBe(200);
    const a = await signedIn(bo, 'acc.admin');
    await a.get('/staff/admin/users');
    const reset = await a.post(`/staff/admin/users/${target}/reset-password`, {});
    expect(reset.status).toBe(200);
    const otp = passwordOf(await reset.text())!;
    expect((await victim.get('/staff/todo')).status).toBe(302); // signed out everywhere
    const again = new Client(bo);
    expect((await again.signIn('acc.target', otp)).headers.get('location')).toBe('/staff/account/password?first=1');

    await a.get('/staff/admin/users');
    expect((await a.post(`/staff/admin/users/${target}/active`, { active: '0' })).status).toBe(303);
    expect((await again.get('/staff/account/password')).status).toBe(302);
    expect((await new Client(bo).signIn('acc.target', otp)).status).toBe(401);
    // Nobody disables themselves.
    await a.get('/staff/admin/users');
    const self = (await bo.t.db.selectFrom('staff_user').select('id').where('username', '=', 'acc.admin').executeTakeFirstOrThrow()).id;
    expect((await a.post(`/staff/admin/users/${self}/active`, { active: '0' })).status).toBe(422);
    const audit = await bo.t.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('action', 'in', ['password_reset', 'user_disabled'])
      .orderBy('seq')
      .execute();
    expect(audit.map((r) => r.action)).toEqual(['password_reset', 'user_disabled']);
    expect(audit.every((r) => (r.detail ?? '').includes(target))).toBe(true);
  });
});

describe('units', () => {
  it('moving a township carries its unassigned open cases; cases a handler holds stay; new cases follow', async () => {
    const held = await makeUser(bo, 'unit.handler', 'handler', UNIT_A);
    const a = await signedIn(bo, 'acc.admin');
    const township = '新建路街道';
    // UNIT_A owns the township before the move.
    await bo.t.db.updateTable('unit_township').set({ unit_id: UNIT_A }).where('township', '=', township).execute();
    const waiting = await makeCase(bo, 'complaint', { unitId: UNIT_A });
    const taken = await makeCase(bo, 'complaint', { unitId: UNIT_A, assigneeId: held });
    await bo.t.db.updateTable('intake_case').set({ township }).where('id', 'in', [waiting.id, taken.id]).execute();

    await a.get('/staff/admin/units');
    const bad = await a.post('/staff/admin/townships', { township: '不存在乡', unitId: 'station-lhu' });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('请选择乡镇街道');
    const res = await a.post('/staff/admin/townships', { township, unitId: 'station-lhu' });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('1 件未办结案件随之转入');
    const rows = await bo.t.db.selectFrom('intake_case').select(['id', 'unit_id']).where('id', 'in', [waiting.id, taken.id]).execute();
    expect(Object.fromEntries(rows.map((r) => [r.id, r.unit_id]))).toEqual({ [waiting.id]: 'station-lhu', [taken.id]: UNIT_A });
    const route = await bo.t.db.selectFrom('unit_township').select('unit_id').where('township', '=', township).executeTakeFirstOrThrow();
    expect(route.unit_id).toBe('station-lhu');

    // Renaming works; stopping a unit that still has townships does not.
    await a.get('/staff/admin/units');
    expect((await a.post('/staff/admin/units/station-lhu', { name: '龙湖市场监管所（新）', active: '1' })).status).toBe(200);
    await a.get('/staff/admin/units');
    const stop = await a.post('/staff/admin/units/station-lhu', { name: '龙湖市场监管所（新）', active: '0' });
    expect(stop.status).toBe(422);
    expect(await stop.text()).toContain('划给其他单位');
    const audit = await bo.t.db.selectFrom('audit_log').select('detail').where('action', '=', 'unit_updated').execute();
    expect(audit.some((r) => (r.detail ?? '').includes('"movedCases":1'))).toBe(true);
  });
});

describe('npm run admin', () => {
  it('refuses a DATA_DIR without a database unless --init', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'st-admin-'));
    const env = { ...process.env, DATA_DIR: dir, DATABASE_URL: '' };
    delete (env as Record<string, string | undefined>).DATABASE_URL;
    const r = await run('npx', ['tsx', 'src/backoffice/admin.cli.ts', 'units'], { env }).then(
      () => ({ code: 0, out: '' }),
      (e: { code: number; stderr: string }) => ({ code: e.code, out: e.stderr }),
    );
    expect(r.code).toBe(1);
    expect(r.out).toContain('--init');
    expect(existsSync(path.join(dir, 'shiantong.sqlite'))).toBe(false);
    const ok = await run('npx', ['tsx', 'src/backoffice/admin.cli.ts', 'units', '--init'], { env });
    expect(ok.stdout).toContain('station-');
    expect(existsSync(path.join(dir, 'shiantong.sqlite'))).toBe(true);
  });
});

describe('the calendar horizon', () => {
  it('a D2 clock past the calendar shows a 暂定 date; entering 2027 replaces it', async () => {
    invalidateClockContext();
    const handler = await makeUser(bo, 'cal.handler', 'handler', UNIT_A);
    const k = await makeCase(bo, 'complaint', { unitId: UNIT_A, assigneeId: handler });
    await applyTransition(bo.t.db, k.id, { type: 'accept' }, { role: 'handler', id: handler }, clock.now());
    const d2 = () =>
      bo.t.db
        .selectFrom('case_clock')
        .select(['due_at', 'problem'])
        .where('case_id', '=', k.id)
        .where('clock', '=', 'D2')
        .executeTakeFirstOrThrow();
    // Accepted 2026-12-10: 60 days later is Monday 2027-02-08, counted with weekends only.
    const before = await d2();
    expect(before.problem).toBe('calendar_provisional');
    expect(before.due_at?.slice(0, 10)).toBe('2027-02-08');
    const h = await signedIn(bo, 'cal.handler');
    const page = await (await h.get(`/staff/cases/${k.id}`)).text();
    expect(page).toMatch(/D2 投诉调解<\/strong>：[^<]*2027-02-08[^<]*到期<span class="tag tag-provisional">暂定<\/span>/);
    const queue = await (await h.get('/staff/cases/mine')).text();
    expect(queue).toContain('暂定');

    // The admin sees the horizon, and enters 2027 (a test year: a holiday block over 8 February).
    const a = await signedIn(bo, 'acc.admin');
    const todo = await (await a.get('/staff/todo')).text();
    expect(todo).toContain('节假日表只到 2026 年12月31日');
    const form = await (await a.get('/staff/admin/calendar')).text();
    expect(form).toContain('录入 2027 年节假日安排');
    const wrong = await a.post('/staff/admin/calendar', { year: '2027', days: '2027-02-05 休 春节\n2027-13-01 休 错误\n2027-02-13 班' });
    expect(wrong.status).toBe(422);
    const wrongText = await wrong.text();
    expect(wrongText).toContain('第 2 行');
    expect(await d2()).toEqual(before);
    const lines = [
      '2027-01-01 休 元旦',
      ...['05', '06', '07', '08', '09', '10', '11'].map((d) => `2027-02-${d} 休 春节`),
      '2027-02-13 班 春节调休上班',
    ];
    const done = await a.post('/staff/admin/calendar', { year: '2027', days: lines.join('\n') });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('已录入 2027 年 9 个日期');
    // The last day falls in the holiday: it moves to the first working day after it (Art. 45).
    const after = await d2();
    expect(after.problem).toBeNull();
    expect(after.due_at?.slice(0, 10)).toBe('2027-02-12');
    const page2 = await (await h.get(`/staff/cases/${k.id}`)).text();
    expect(page2).not.toContain('tag-provisional');
    const audit = await bo.t.db.selectFrom('audit_log').select('detail').where('action', '=', 'calendar_entered').execute();
    expect(audit).toHaveLength(1);
    invalidateClockContext();
  });
});

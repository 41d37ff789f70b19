// Sign-in, session cookie attributes, lock-out with back-off, password rules, sign-out everywhere.
import { describe, expect, it } from 'vitest';
import { lockDuration } from '../../src/backoffice/signin.service.ts';
import { passwordProblems } from '../../src/backoffice/password.ts';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from '../../src/backoffice/session.service.ts';
import { bootstrapAdmin } from '../../src/backoffice/staff.service.ts';
import { ManualClock } from '../../src/lib/clock.ts';
import { Client, PASSWORD, UNIT_A, makeUser, signedIn, useBackoffice } from './helpers.ts';

const clock = new ManualClock(new Date('2026-11-30T02:00:00Z'));
const bo = useBackoffice({ clock });

describe('sign-in', () => {
  it('stores an argon2id hash and signs in with an HttpOnly, SameSite=Strict session cookie', async () => {
    await makeUser(bo, 'wang.handler', 'handler', UNIT_A);
    const row = await bo.t.db
      .selectFrom('staff_user')
      .select('password_hash')
      .where('username', '=', 'wang.handler')
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const c = new Client(bo);
    const res = await c.signIn('Wang.Handler');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/staff/todo'); // 待我处理 is where everyone starts
    const cookie = res.headers.getSetCookie().find((l) => l.startsWith('st_staff='));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\/staff/);
    expect(cookie).not.toMatch(/Secure/);
    expect((await c.get('/staff/cases/mine')).status).toBe(200);
    const audit = await bo.t.db.selectFrom('audit_log').select(['action', 'actor_id']).where('action', '=', 'sign_in').execute();
    expect(audit).toHaveLength(1);
  });

  it('marks the cookie Secure over https', async () => {
    const c = new Client(bo);
    const page = await bo.app.request('https://bo.example/staff/login');
    c.jar.take(page);
    c.lastHtml = await page.text();
    const res = await bo.app.request('https://bo.example/staff/login', {
      method: 'POST',
      body: new URLSearchParams({ username: 'wang.handler', password: PASSWORD, _csrf: c.token() }),
      headers: { cookie: c.jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(303);
    expect(res.headers.getSetCookie().find((l) => l.startsWith('st_staff='))).toMatch(/Secure/);
  });

  it('refuses a sign-in without the CSRF token', async () => {
    const c = new Client(bo);
    await c.get('/staff/login');
    const res = await c.post('/staff/login', { username: 'wang.handler', password: PASSWORD, _csrf: 'forged' });
    expect(res.status).toBe(403);
    expect(c.jar.get('st_staff')).toBeUndefined();
  });

  it('gives the same answer for an unknown user and a wrong password', async () => {
    const a = await new Client(bo).signIn('nobody', 'Wrong-Password-123');
    const b = await new Client(bo).signIn('wang.handler', 'Wrong-Password-123');
    expect(a.status).toBe(401);
    expect(b.status).toBe(401);
    expect(await a.text()).toContain('用户名或密码不正确');
  });

  it('locks an account after repeated failures, with a growing lock, even against the right password', async () => {
    await makeUser(bo, 'li.locked', 'handler', UNIT_A);
    const c = new Client(bo);
    for (let i = 0; i < 4; i++) expect((await c.signIn('li.locked', 'Wrong-Password-123')).status).toBe(401);
    expect((await c.signIn('li.locked', 'Wrong-Password-123')).status).toBe(429); // 5th: locked 1 min
    expect((await c.signIn('li.locked')).status).toBe(429); // right password, still locked
    clock.advance(61_000);
    expect((await c.signIn('li.locked', 'Wrong-Password-123')).status).toBe(429); // 6th failure: 2 min
    const t = await bo.t.db.selectFrom('staff_signin_throttle').selectAll().where('username', '=', 'li.locked').executeTakeFirstOrThrow();
    expect(Date.parse(t.locked_until!) - clock.now().getTime()).toBe(120_000);
    clock.advance(121_000);
    expect((await c.signIn('li.locked')).status).toBe(303);
    expect(
      await bo.t.db.selectFrom('staff_signin_throttle').selectAll().where('username', '=', 'li.locked').executeTakeFirst(),
    ).toBeUndefined();
    expect([lockDuration(4), lockDuration(5), lockDuration(6), lockDuration(7), lockDuration(50)]).toEqual([
      0, 60_000, 120_000, 240_000, 3_600_000,
    ]);
    const actions = await bo.t.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'in', ['sign_in_failed', 'sign_in_locked'])
      .execute();
    expect(actions.length).toBeGreaterThanOrEqual(7);
  });

  it('ends a session after the idle limit and after the absolute limit', async () => {
    const c = await signedIn(bo, 'wang.handler');
    clock.advance(SESSION_IDLE_MS - 1000);
    expect((await c.get('/staff/cases/mine')).status).toBe(200);
    clock.advance(SESSION_IDLE_MS + 1000);
    const idle = await c.get('/staff/cases/mine');
    expect(idle.status).toBe(302);
    expect(idle.headers.get('location')).toBe('/staff/login?next=%2Fstaff%2Fcases%2Fmine');

    const d = await signedIn(bo, 'wang.handler');
    for (let used = 0; used < SESSION_ABSOLUTE_MS; used += SESSION_IDLE_MS / 2) {
      clock.advance(SESSION_IDLE_MS / 2);
      await d.get('/staff/cases/mine');
    }
    expect((await d.get('/staff/cases/mine')).status).toBe(302);
  });

  it('signs out everywhere', async () => {
    const a = await signedIn(bo, 'wang.handler');
    const b = await signedIn(bo, 'wang.handler');
    const res = await a.post('/staff/logout-all', {});
    expect(res.status).toBe(303);
    expect((await a.get('/staff/cases/mine')).status).toBe(302);
    expect((await b.get('/staff/cases/mine')).status).toBe(302);
  });

  it('enforces the password rules and ends other sessions on a change', async () => {
    expect(passwordProblems('short', 'x')).not.toEqual([]);
    expect(passwordProblems('alllowercaseletters', 'x')).not.toEqual([]);
    expect(passwordProblems('Wang.Handler-2026x', 'wang.handler')).toContain('密码不能包含用户名');
    expect(passwordProblems('Tea-Pot-Lantern-42', 'x')).toEqual([]);
    await makeUser(bo, 'zhao.pw', 'handler', UNIT_A);
    const a = await signedIn(bo, 'zhao.pw');
    const other = await signedIn(bo, 'zhao.pw');
    const bad = await a.post('/staff/account/password', { current: PASSWORD, next: 'weak', confirm: 'weak' });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('密码至少 12 个字符');
    const ok = await a.post('/staff/account/password', { current: PASSWORD, next: 'Tea-Pot-Lantern-42', confirm: 'Tea-Pot-Lantern-42' });
    expect(ok.status).toBe(303);
    expect((await a.get('/staff/cases/mine')).status).toBe(200);
    expect((await other.get('/staff/cases/mine')).status).toBe(302);
    expect((await new Client(bo).signIn('zhao.pw', 'Tea-Pot-Lantern-42')).status).toBe(303);
  });

  it('bootstraps one admin with a one-time password when none exists', async () => {
    const first = await bootstrapAdmin(bo.t.db, clock.now());
    expect(first?.username).toBe('admin');
    expect(await bootstrapAdmin(bo.t.db, clock.now())).toBeNull();
    const c = new Client(bo);
    const res = await c.signIn('admin', first!.password);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/staff/account/password?first=1'); // one-time: change it first
  });
});

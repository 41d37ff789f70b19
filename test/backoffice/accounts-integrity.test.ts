// Accounts (issue #17.6): the CSRF token is bound to the staff session and retired at sign-in; wrong
// current passwords on the change-password page are limited and audited; police accounts only in police
// units; the first admin's password goes to a 0600 file; an out-of-scope case and an unknown one answer
// the same.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createUser } from '../../src/backoffice/staff.service.ts';
import { writeFirstAdminPassword } from '../../src/runtime.ts';
import { Client, PASSWORD, UNIT_A, UNIT_B, makeCase, makeUser, signedIn, useBackoffice } from './helpers.ts';

const bo = useBackoffice({ overrides: { RATE_LIMIT_PASSWORD_CHANGES_PER_HOUR: '3' } });

describe('CSRF bound to the session', () => {
  it("refuses a token rendered for another session, and retires a session's tokens when signing in again", async () => {
    await makeUser(bo, 'csrf.one', 'handler', UNIT_A);
    await makeUser(bo, 'csrf.two', 'handler', UNIT_A);
    const one = await signedIn(bo, 'csrf.one');
    const two = await signedIn(bo, 'csrf.two');
    // two's own cookies, one's token: refused.
    expect((await two.post('/staff/logout', { _csrf: one.token() })).status).toBe(403);
    // Tokens of an ended session are dead in the next one, in the same browser.
    const old = one.token();
    expect((await one.post('/staff/logout', { _csrf: old })).status).toBe(303);
    expect((await one.signIn('csrf.one')).status).toBe(303);
    expect((await one.post('/staff/logout', { _csrf: old })).status).toBe(403);
    // The sign-in page's own token does not outlive the sign-in: the cookie it was bound to is rotated.
    const c = new Client(bo);
    await c.get('/staff/login');
    const pre = c.token();
    const res = await c.post('/staff/login', { username: 'csrf.two', password: PASSWORD });
    expect(res.status).toBe(303);
    expect(res.headers.getSetCookie().some((l) => l.startsWith('st_csrf='))).toBe(true);
    expect((await c.post('/staff/logout', { _csrf: pre })).status).toBe(403);
    await c.get('/staff/account/password');
    expect((await c.post('/staff/logout', {})).status).toBe(303);
  });
});

describe('changing the password', () => {
  it('limits wrong current passwords per user and hour, and audits each', async () => {
    const id = await makeUser(bo, 'pw.guess', 'handler', UNIT_A);
    const c = await signedIn(bo, 'pw.guess');
    const change = (current: string) =>
      c.post('/staff/account/password', { current, next: 'Brand-New-Pass-42', confirm: 'Brand-New-Pass-42' });
    for (let i = 0; i < 3; i++) expect((await change(`Wrong-${i}-Password`)).status).toBe(422);
    const limited = await change(PASSWORD); // even the right one, for the rest of the hour
    expect(limited.status).toBe(429);
    expect(await limited.text()).toContain('请一小时后再试');
    const audit = await bo.t.db.selectFrom('audit_log').select('action').where('actor_id', '=', id).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual([
      'sign_in',
      'password_change_failed',
      'password_change_failed',
      'password_change_failed',
      'password_change_limited',
    ]);
  });
});

describe('police accounts', () => {
  const make = (role: 'police' | 'handler', unitId: string | null) =>
    createUser(bo.t.db, { username: `p.${randomUUID().slice(0, 8)}`, displayName: '测试', role, unitId }, new Date());

  it('exist only in police units, and only police are in them', async () => {
    await expect(make('police', null)).rejects.toMatchObject({ code: 'VALIDATION', fields: [{ path: 'unitId' }] });
    await expect(make('police', UNIT_A)).rejects.toMatchObject({ code: 'VALIDATION', message: '公安账号只能属于公安机关' });
    await expect(make('handler', 'police-xz')).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(make('police', 'police-xz')).resolves.toMatchObject({ generatedPassword: expect.any(String) });
  });
});

describe('cases out of scope', () => {
  it('answer exactly like unknown cases', async () => {
    const hid = await makeUser(bo, 'scope.handler', 'handler', UNIT_A);
    const other = await makeCase(bo, 'complaint', { unitId: UNIT_B });
    await makeCase(bo, 'complaint', { unitId: UNIT_A, assigneeId: hid });
    const c = await signedIn(bo, 'scope.handler');
    const token = c.token();
    for (const [method, suffix] of [
      ['GET', ''],
      ['POST', '/actions/accept'],
    ] as const) {
      const answer = async (id: string) => {
        const res =
          method === 'GET'
            ? await c.get(`/staff/cases/${id}${suffix}`)
            : await c.post(`/staff/cases/${id}${suffix}`, { _csrf: token, version: '1' });
        const text = (await res.text()).replace(/[0-9a-f-]{36}/g, 'ID');
        return { status: res.status, text };
      };
      const out = await answer(other.id);
      expect(out.status).toBe(403);
      expect(await answer(randomUUID())).toEqual(out);
    }
  });
});

describe('the first admin', () => {
  it('gets a one-time password in a 0600 file under DATA_DIR, never on the console', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'shiantong-first-admin-'));
    const file = await writeFirstAdminPassword(dir, { username: 'admin', password: 'Secret-One-Time-123' });
    expect(file).toBe(path.join(dir, 'first-admin-password.txt'));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toContain('password: Secret-One-Time-123');
    // runtime.ts prints only the path: the source holds no console line with the password.
    const runtime = readFileSync(new URL('../../src/runtime.ts', import.meta.url), 'utf8');
    expect(runtime).not.toMatch(/console\.\w+\([^)]*firstAdmin\.password/);
  });
});

// `npm run admin -- create-user` prints a one-time password that signs in; bad input exits non-zero.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { Client, useBackoffice } from './helpers.ts';

const run = promisify(execFile);
const bo = useBackoffice();

async function admin(...args: string[]): Promise<{ code: number; out: string }> {
  try {
    const r = await run('npx', ['tsx', 'src/backoffice/admin.cli.ts', ...args], { env: { ...process.env, ...bo.t.env.env } });
    return { code: 0, out: r.stdout + r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, out: err.stdout + err.stderr };
  }
}

describe('npm run admin', () => {
  it('creates a handler whose printed password signs in', async () => {
    const r = await admin('create-user', '--username', 'cli.handler', '--role', 'handler', '--unit', 'station-xjl', '--name', '王伟');
    expect(r.code).toBe(0);
    const password = /One-time password \(shown only now\): (\S+)/.exec(r.out)?.[1];
    expect(password).toBeDefined();
    const res = await new Client(bo).signIn('cli.handler', password!);
    expect(res.status).toBe(303);
    const row = await bo.t.db
      .selectFrom('staff_user')
      .select(['display_name', 'role', 'unit_id'])
      .where('username', '=', 'cli.handler')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ display_name: '王伟', role: 'handler', unit_id: 'station-xjl' });
  });

  it('refuses a handler without a unit, a duplicate name and an unknown role', async () => {
    expect((await admin('create-user', '--username', 'cli.nounit', '--role', 'handler')).code).toBe(1);
    expect((await admin('create-user', '--username', 'cli.handler', '--role', 'handler', '--unit', 'station-xjl')).code).toBe(1);
    const bad = await admin('create-user', '--username', 'cli.x', '--role', 'boss', '--unit', 'station-xjl');
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('请选择角色');
  });
});

describe('admin pages', () => {
  it('an admin creates a unit that takes over a township, then a handler for it', async () => {
    const { makeUser, signedIn } = await import('./helpers.ts');
    await makeUser(bo, 'pages.admin', 'admin', null);
    const a = await signedIn(bo, 'pages.admin');
    await a.get('/staff/admin/units');
    const bad = await a.post('/staff/admin/units', { id: 'Bad Id', name: '新单位' });
    expect(bad.status).toBe(422);
    const body = new URLSearchParams({ id: 'station-gqy', name: '港区市场监管所', _csrf: a.token() });
    body.append('townships', '八千乡');
    body.append('townships', '龙王乡');
    const res = await bo.app.request('/staff/admin/units', {
      method: 'POST',
      body,
      headers: { cookie: a.jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(201);
    const map = await bo.t.db
      .selectFrom('unit_township')
      .select(['township', 'unit_id'])
      .where('unit_id', '=', 'station-gqy')
      .orderBy('township')
      .execute();
    expect(map.map((m) => m.township).sort()).toEqual(['八千乡', '龙王乡'].sort());
    await a.get('/staff/admin/users');
    const u = await a.post('/staff/admin/users', { username: 'gqy.handler', displayName: '刘洋', role: 'handler', unitId: 'station-gqy' });
    expect(u.status).toBe(201);
    const html = await u.text();
    const pw = /<p class="mono">([^<]+)<\/p>/.exec(html)?.[1];
    expect(pw).toBeDefined();
    expect((await new Client(bo).signIn('gqy.handler', pw!.replace(/&amp;/g, '&'))).status).toBe(303);
    const audit = await bo.t.db
      .selectFrom('audit_log')
      .select('action')
      .where('actor_id', 'is not', null)
      .where('action', 'in', ['unit_created', 'user_created'])
      .execute();
    expect(audit.map((r) => r.action).sort()).toEqual(['unit_created', 'user_created']);
  });
});

// Sign-in lock-out is per account AND client address (issue #17.3): an attacker who hammers the admin's
// name from one address locks only that address out; the admin signs in from anywhere else. Behind one
// trusted proxy, rotating X-Forwarded-For does not reset the attacker's lock.
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/lib/clock.ts';
import { Client, makeUser, useBackoffice } from './helpers.ts';

const clock = new ManualClock(new Date('2026-11-30T02:00:00Z'));
const bo = useBackoffice({ clock, overrides: { TRUST_PROXY: '1' } });
const from = (address: string, spoofed = '') => new Client(bo, { 'x-forwarded-for': spoofed ? `${spoofed}, ${address}` : address });

describe('sign-in lock-out per account and address', () => {
  it('cannot lock the admin out from another address', async () => {
    await makeUser(bo, 'root.admin', 'admin', null);
    for (let i = 0; i < 10; i++) {
      const res = await from('198.51.100.66', `10.0.${i}.1`).signIn('root.admin', 'Guess-Password-000');
      expect(res.status).toBe(i < 4 ? 401 : 429);
    }
    // The attacker's address stays locked, even with the right password and a fresh spoofed hop.
    expect((await from('198.51.100.66', '203.0.113.1').signIn('root.admin')).status).toBe(429);
    // The admin, at the office, signs in at once.
    const office = from('203.0.113.10');
    const res = await office.signIn('root.admin');
    expect(res.status).toBe(303);
    expect((await office.get('/staff/account/password')).status).toBe(200);
    // The failures are on record, with the lock, and without the address.
    const audit = await bo.t.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('action', 'in', ['sign_in', 'sign_in_failed', 'sign_in_locked'])
      .orderBy('seq')
      .execute();
    expect(audit.filter((a) => a.action === 'sign_in_failed')).toHaveLength(5);
    expect(audit.filter((a) => a.action === 'sign_in_locked')).toHaveLength(6);
    expect(audit.at(-1)?.action).toBe('sign_in');
    expect(JSON.stringify(audit)).not.toContain('198.51.100.66');
    const throttle = await bo.t.db.selectFrom('staff_signin_throttle').selectAll().execute();
    expect(throttle).toHaveLength(1);
    expect(throttle[0]?.address).not.toContain('198.51');
  });

  it('grows the delay with each further failure from the same address', async () => {
    await makeUser(bo, 'li.handler', 'handler', 'station-xjl');
    const c = () => from('198.51.100.77');
    for (let i = 0; i < 5; i++) await c().signIn('li.handler', 'Wrong-Password-123');
    const lock1 = await bo.t.db
      .selectFrom('staff_signin_throttle')
      .select('locked_until')
      .where('username', '=', 'li.handler')
      .executeTakeFirstOrThrow();
    expect(Date.parse(lock1.locked_until!) - clock.now().getTime()).toBe(60_000);
    clock.advance(61_000);
    expect((await c().signIn('li.handler', 'Wrong-Password-123')).status).toBe(429);
    const lock2 = await bo.t.db
      .selectFrom('staff_signin_throttle')
      .select('locked_until')
      .where('username', '=', 'li.handler')
      .executeTakeFirstOrThrow();
    expect(Date.parse(lock2.locked_until!) - clock.now().getTime()).toBe(120_000);
  });
});

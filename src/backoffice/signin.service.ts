// Sign-in with lock-out and back-off. Failures are counted per username as typed (unknown names too, so
// the answer never tells whether an account exists) AND client address (a keyed MAC of it): from the 5th
// failure in a row the name is locked for that address for 1 minute, doubling with each further failure
// up to 1 hour. A lock refuses even the right password from that address until it ends; the same account
// signs in from any other address as usual, so nobody can lock the admin out from elsewhere. (The
// per-address request limit in front of the route bounds guessing from one address.) Every attempt is in
// the audit log; the password never is.
import type { Db } from '../db/database.ts';
import { appendAudit } from './audit.log.ts';
import { dummyHash, verifyPassword } from './password.ts';
import { type SessionUser, createSession, endAllSessions, endSession, type StaffUser } from './session.service.ts';

export const FREE_FAILURES = 4;
const BASE_LOCK_MS = 60 * 1000;
const MAX_LOCK_MS = 3600 * 1000;

export type SignInResult =
  | { ok: true; token: string; expiresAt: Date; user: StaffUser }
  | { ok: false; reason: 'bad_credentials' }
  | { ok: false; reason: 'locked'; until: Date };

export function lockDuration(failures: number): number {
  if (failures <= FREE_FAILURES) return 0;
  return Math.min(MAX_LOCK_MS, BASE_LOCK_MS * 2 ** (failures - FREE_FAILURES - 1));
}

export const normaliseUsername = (u: string) => u.trim().toLowerCase().slice(0, 64);

/** `address` is the caller's keyed MAC of the client address (clientIp), never the address itself. */
export async function signIn(db: Db, usernameTyped: string, password: string, now: Date, address: string): Promise<SignInResult> {
  const username = normaliseUsername(usernameTyped);
  const throttle = await db
    .selectFrom('staff_signin_throttle')
    .selectAll()
    .where('username', '=', username)
    .where('address', '=', address)
    .executeTakeFirst();
  if (throttle?.locked_until && Date.parse(throttle.locked_until) > now.getTime()) {
    // Nothing changes but the record of the attempt: a transaction holding only the audit row.
    await db
      .transaction()
      .execute((trx) => appendAudit(trx, { actorId: null, actorRole: null, action: 'sign_in_locked', detail: { username } }, now));
    return { ok: false, reason: 'locked', until: new Date(throttle.locked_until) };
  }
  const user = await db
    .selectFrom('staff_user')
    .select(['id', 'username', 'display_name', 'role', 'unit_id', 'active', 'password_hash', 'must_change_password'])
    .where('username', '=', username)
    .executeTakeFirst();
  const usable = user && user.active === 1 && user.password_hash;
  const good = await verifyPassword(usable ? (user.password_hash as string) : await dummyHash(), password);
  if (!usable || !good) {
    const failures = (throttle?.failures ?? 0) + 1;
    const lockMs = lockDuration(failures);
    const at = now.toISOString();
    const lockedUntil = lockMs ? new Date(now.getTime() + lockMs).toISOString() : null;
    await db.transaction().execute(async (trx) => {
      if (throttle)
        await trx
          .updateTable('staff_signin_throttle')
          .set({ failures, locked_until: lockedUntil, updated_at: at })
          .where('username', '=', username)
          .where('address', '=', address)
          .execute();
      else
        await trx
          .insertInto('staff_signin_throttle')
          .values({ username, address, failures, locked_until: lockedUntil, updated_at: at })
          .execute();
      await appendAudit(
        trx,
        {
          actorId: user?.id ?? null,
          actorRole: null,
          action: 'sign_in_failed',
          detail: { username, failures, ...(lockedUntil ? { lockedUntil } : {}) },
        },
        now,
      );
    });
    return lockedUntil ? { ok: false, reason: 'locked', until: new Date(lockedUntil) } : { ok: false, reason: 'bad_credentials' };
  }
  const session = await createSession(db, user.id, now);
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('staff_signin_throttle').where('username', '=', username).where('address', '=', address).execute();
    await appendAudit(trx, { actorId: user.id, actorRole: user.role, action: 'sign_in' }, now);
  });
  return {
    ok: true,
    ...session,
    user: {
      id: user.id,
      username: user.username,
      display_name: user.display_name,
      role: user.role,
      unit_id: user.unit_id,
      mustChangePassword: user.must_change_password === 1,
    },
  };
}

export async function signOut(db: Db, s: SessionUser, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await endSession(trx, s.sessionId);
    await appendAudit(trx, { actorId: s.user.id, actorRole: s.user.role, action: 'sign_out' }, now);
  });
}

export async function signOutEverywhere(db: Db, user: StaffUser, now: Date): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const n = await endAllSessions(trx, user.id);
    await appendAudit(trx, { actorId: user.id, actorRole: user.role, action: 'sign_out_everywhere', detail: { sessions: n } }, now);
    return n;
  });
}

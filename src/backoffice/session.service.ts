// Staff sessions. The cookie holds a random 256-bit token; the table holds only its sha256, so reading the
// table does not let anyone sign in. A session ends after IDLE_MS without a request or ABSOLUTE_MS after
// sign-in, whichever comes first; signing out everywhere deletes every session of the user.
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/database.ts';
import type { StaffUserTable } from './staff.table.ts';

export const SESSION_IDLE_MS = 30 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 10 * 3600 * 1000;
/** last_seen_at is written at most this often (a page view is not a write each time). */
const TOUCH_EVERY_MS = 60 * 1000;

const TOKEN_RE = /^[A-Za-z0-9_-]{43}$/;

export type StaffUser = Pick<StaffUserTable, 'id' | 'username' | 'display_name' | 'role' | 'unit_id'> & {
  /** Unread notices (the header's inbox count); filled in by loadSession. */
  unread?: number;
  /** A one-time password is still in use: every page but changing it is refused. */
  mustChangePassword?: boolean;
};

export interface SessionUser {
  sessionId: string;
  user: StaffUser;
}

const idOf = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(db: Db, userId: string, now: Date): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MS);
  // Housekeeping: this user's sessions that can no longer be used.
  await db.deleteFrom('staff_session').where('user_id', '=', userId).where('expires_at', '<=', now.toISOString()).execute();
  await db
    .insertInto('staff_session')
    .values({
      id: idOf(token),
      user_id: userId,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: expiresAt.toISOString(),
    })
    .execute();
  return { token, expiresAt };
}

/** The signed-in user for a cookie value, or null (unknown, expired, idle too long, or account disabled). */
export async function loadSession(db: Db, token: string | undefined, now: Date): Promise<SessionUser | null> {
  if (!token || !TOKEN_RE.test(token)) return null;
  const id = idOf(token);
  const row = await db
    .selectFrom('staff_session')
    .innerJoin('staff_user', 'staff_user.id', 'staff_session.user_id')
    .select([
      'staff_session.last_seen_at',
      'staff_session.expires_at',
      'staff_user.id',
      'staff_user.username',
      'staff_user.display_name',
      'staff_user.role',
      'staff_user.unit_id',
      'staff_user.active',
      'staff_user.must_change_password',
    ])
    .where('staff_session.id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  const t = now.getTime();
  if (row.active !== 1 || t >= Date.parse(row.expires_at) || t - Date.parse(row.last_seen_at) >= SESSION_IDLE_MS) {
    await db.deleteFrom('staff_session').where('id', '=', id).execute();
    return null;
  }
  if (t - Date.parse(row.last_seen_at) >= TOUCH_EVERY_MS) {
    await db.updateTable('staff_session').set({ last_seen_at: now.toISOString() }).where('id', '=', id).execute();
  }
  const unread = await db
    .selectFrom('staff_notification')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('user_id', '=', row.id)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return {
    sessionId: id,
    user: {
      id: row.id,
      username: row.username,
      display_name: row.display_name,
      role: row.role,
      unit_id: row.unit_id,
      unread: Number(unread?.n ?? 0),
      mustChangePassword: row.must_change_password === 1,
    },
  };
}

export async function endSession(db: Db, sessionId: string): Promise<void> {
  await db.deleteFrom('staff_session').where('id', '=', sessionId).execute();
}

/** Signs the user out on every device (and cleans up their expired rows). Returns how many sessions ended. */
export async function endAllSessions(db: Db, userId: string, exceptSessionId?: string): Promise<number> {
  let q = db.deleteFrom('staff_session').where('user_id', '=', userId);
  if (exceptSessionId) q = q.where('id', '!=', exceptSessionId);
  const r = await q.executeTakeFirst();
  return Number(r.numDeletedRows);
}

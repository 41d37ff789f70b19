// A staff member changes their own password: the current one is checked, the rules apply, and every other
// session of the user ends (a stolen session does not survive a password change). Changing it also ends
// the one-time state of a generated password. Admins disable and enable accounts and reset a password to
// a new one-time one (each audited in the change's transaction; disabling or resetting ends the user's
// sessions).
import type { Db } from '../db/database.ts';
import { AppError } from '../lib/errors.ts';
import { appendAudit } from './audit.log.ts';
import { generatePassword, hashPassword, passwordProblems, verifyPassword } from './password.ts';
import { endAllSessions, type SessionUser } from './session.service.ts';

export const WRONG_CURRENT_PASSWORD = '当前密码不正确';

/** Records, in the audit chain, that a user hit the limit on password-change attempts. */
export async function recordPasswordChangeLimited(db: Db, s: SessionUser, now: Date): Promise<void> {
  await db
    .transaction()
    .execute((trx) => appendAudit(trx, { actorId: s.user.id, actorRole: s.user.role, action: 'password_change_limited' }, now));
}

/** Changes the password; a wrong current password is audited (the caller limits attempts, see auth.routes). */
export async function changePassword(db: Db, s: SessionUser, current: string, next: string, confirm: string, now: Date): Promise<string[]> {
  const row = await db.selectFrom('staff_user').select(['password_hash']).where('id', '=', s.user.id).executeTakeFirst();
  if (!row?.password_hash || !(await verifyPassword(row.password_hash, current))) {
    await db
      .transaction()
      .execute((trx) => appendAudit(trx, { actorId: s.user.id, actorRole: s.user.role, action: 'password_change_failed' }, now));
    return [WRONG_CURRENT_PASSWORD];
  }
  const problems = passwordProblems(next, s.user.username);
  if (next !== confirm) problems.push('两次输入的新密码不一致');
  if (next === current) problems.push('新密码不能与当前密码相同');
  if (problems.length) return problems;
  const hash = await hashPassword(next);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('staff_user')
      .set({ password_hash: hash, must_change_password: 0, updated_at: now.toISOString() })
      .where('id', '=', s.user.id)
      .execute();
    await endAllSessions(trx, s.user.id, s.sessionId);
    await appendAudit(trx, { actorId: s.user.id, actorRole: s.user.role, action: 'password_changed' }, now);
  });
  return [];
}

type AdminActor = { id: string; role: 'admin' };

async function targetOf(db: Db, userId: string, actor: AdminActor) {
  const u = await db.selectFrom('staff_user').select(['id', 'username', 'role', 'active']).where('id', '=', userId).executeTakeFirst();
  if (!u) throw new AppError('NOT_FOUND', '用户不存在');
  if (u.id === actor.id)
    throw new AppError('VALIDATION', '不能对自己的账号进行此操作', [{ path: 'userId', message: '不能对自己的账号进行此操作' }]);
  return u;
}

/** Disables (active=false) or re-enables an account; disabling ends every session at once. */
export async function setUserActive(db: Db, userId: string, active: boolean, actor: AdminActor, now: Date): Promise<void> {
  const u = await targetOf(db, userId, actor);
  if ((u.active === 1) === active) return;
  if (!active && u.role === 'admin') {
    const admins = await db
      .selectFrom('staff_user')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('role', '=', 'admin')
      .where('active', '=', 1)
      .executeTakeFirst();
    if (Number(admins?.n ?? 0) <= 1)
      throw new AppError('VALIDATION', '至少保留一名在岗的系统管理员', [{ path: 'userId', message: '至少保留一名在岗的系统管理员' }]);
  }
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('staff_user')
      .set({ active: active ? 1 : 0, updated_at: now.toISOString() })
      .where('id', '=', u.id)
      .execute();
    if (!active) await endAllSessions(trx, u.id);
    await appendAudit(
      trx,
      { actorId: actor.id, actorRole: actor.role, action: active ? 'user_enabled' : 'user_disabled', detail: { userId: u.id } },
      now,
    );
  });
}

/** Sets a new generated one-time password (returned once, to be handed over) and ends the user's sessions. */
export async function resetPassword(db: Db, userId: string, actor: AdminActor, now: Date): Promise<{ username: string; password: string }> {
  const u = await targetOf(db, userId, actor);
  const password = generatePassword();
  const hash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('staff_user')
      .set({ password_hash: hash, must_change_password: 1, updated_at: now.toISOString() })
      .where('id', '=', u.id)
      .execute();
    await endAllSessions(trx, u.id);
    await trx.deleteFrom('staff_signin_throttle').where('username', '=', u.username).execute();
    await appendAudit(trx, { actorId: actor.id, actorRole: actor.role, action: 'password_reset', detail: { userId: u.id } }, now);
  });
  return { username: u.username, password };
}

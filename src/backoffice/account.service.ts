// A staff member changes their own password: the current one is checked, the rules apply, and every other
// session of the user ends (a stolen session does not survive a password change).
import type { Db } from '../db/database.ts';
import { appendAudit } from './audit.log.ts';
import { hashPassword, passwordProblems, verifyPassword } from './password.ts';
import { endAllSessions, type SessionUser } from './session.service.ts';

export async function changePassword(db: Db, s: SessionUser, current: string, next: string, confirm: string, now: Date): Promise<string[]> {
  const row = await db.selectFrom('staff_user').select(['password_hash']).where('id', '=', s.user.id).executeTakeFirst();
  if (!row?.password_hash || !(await verifyPassword(row.password_hash, current))) return ['当前密码不正确'];
  const problems = passwordProblems(next, s.user.username);
  if (next !== confirm) problems.push('两次输入的新密码不一致');
  if (next === current) problems.push('新密码不能与当前密码相同');
  if (problems.length) return problems;
  const hash = await hashPassword(next);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('staff_user').set({ password_hash: hash, updated_at: now.toISOString() }).where('id', '=', s.user.id).execute();
    await endAllSessions(trx, s.user.id, s.sessionId);
    await appendAudit(trx, { actorId: s.user.id, actorRole: s.user.role, action: 'password_changed' }, now);
  });
  return [];
}

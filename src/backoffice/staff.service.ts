// Staff accounts: creation (the admin CLI, the admin page, the first-start bootstrap) with validated
// role and unit. Roles that work inside a unit need one; admins have none; police accounts belong to a
// police unit (and only they do).
import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import { z } from 'zod';
import type { Db } from '../db/database.ts';
import { type AuditActorRole, STAFF_ROLES, type StaffRole, type StaffUserTable } from './staff.table.ts';
import { AppError } from '../lib/errors.ts';
import { INTAKE_UNIT_ID } from '../routing/routing.rules.ts';
import { appendAudit } from './audit.log.ts';
import { generatePassword, hashPassword, passwordProblems } from './password.ts';

export const ROLE_LABELS: Record<StaffRole, string> = {
  intake_clerk: '投诉举报中心受理员',
  handler: '承办人',
  supervisor: '所长（审批）',
  admin: '系统管理员',
  police: '公安机关（预留）',
  reward_officer: '举报奖励专员',
  director: '局负责人（审批移送）',
};

export const NewUserSchema = z.object({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z][a-z0-9._-]{2,31}$/, '用户名为 3–32 位小写字母、数字、点、下划线或短横线，以字母开头'),
  displayName: z.string().trim().min(1, '请填写姓名').max(40, '姓名最多 40 个字符'),
  role: z.enum(STAFF_ROLES, { message: '请选择角色' }),
  unitId: z.string().trim().min(1).nullable(),
  skills: z.array(z.string()).default([]),
});
export type NewUser = z.input<typeof NewUserSchema>;

export interface CreatedUser {
  id: string;
  username: string;
  /** The password, shown once; null when the caller chose one. */
  generatedPassword: string | null;
}

export async function createUser(
  db: Db,
  input: NewUser,
  now: Date,
  opts: { password?: string; actor?: { id: string | null; role: AuditActorRole | null } } = {},
): Promise<CreatedUser> {
  const parsed = NewUserSchema.safeParse(input);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => ({ path: String(i.path[0] ?? 'user'), message: i.message }));
    throw new AppError('VALIDATION', fields.map((f) => f.message).join('；'), fields);
  }
  const u = parsed.data;
  if (u.role === 'admin' || u.role === 'reward_officer' || u.role === 'director') {
    // They work city-wide: the reward officer handles every reward case of the bureau (issue 15), the
    // director approves referrals for the whole bureau.
    if (u.unitId !== null)
      throw new AppError('VALIDATION', `${ROLE_LABELS[u.role]}不属于任何监管所`, [
        { path: 'unitId', message: `${ROLE_LABELS[u.role]}不属于任何监管所` },
      ]);
  } else if (u.role === 'police') {
    if (!u.unitId) throw new AppError('VALIDATION', '公安账号必须属于一个公安机关', [{ path: 'unitId', message: '请选择公安机关' }]);
  } else if (!u.unitId) {
    throw new AppError('VALIDATION', '该角色必须属于一个单位', [{ path: 'unitId', message: '请选择单位' }]);
  }
  if (u.role === 'intake_clerk' && u.unitId !== INTAKE_UNIT_ID)
    throw new AppError('VALIDATION', '受理员属于投诉举报中心', [{ path: 'unitId', message: '受理员属于投诉举报中心' }]);
  if ((u.role === 'handler' || u.role === 'supervisor') && u.unitId === INTAKE_UNIT_ID)
    throw new AppError('VALIDATION', '承办人和所长属于市场监管所', [{ path: 'unitId', message: '请选择市场监管所' }]);
  if (u.unitId) {
    const unit = await db.selectFrom('unit').select(['id', 'kind', 'active']).where('id', '=', u.unitId).executeTakeFirst();
    if (unit?.active !== 1) throw new AppError('VALIDATION', '单位不存在', [{ path: 'unitId', message: '单位不存在或已停用' }]);
    // Police accounts only in police units, and nobody else in one (they would see referrals only).
    if (u.role === 'police' && unit.kind !== 'police')
      throw new AppError('VALIDATION', '公安账号只能属于公安机关', [{ path: 'unitId', message: '请选择公安机关' }]);
    if (u.role !== 'police' && unit.kind === 'police')
      throw new AppError('VALIDATION', '公安机关单位只能建立公安账号', [{ path: 'unitId', message: '请选择监管所或投诉举报中心' }]);
  }
  const password = opts.password ?? generatePassword();
  const problems = passwordProblems(password, u.username);
  if (problems.length) throw new AppError('VALIDATION', problems.join('；'), [{ path: 'password', message: problems.join('；') }]);
  const taken = await db.selectFrom('staff_user').select('id').where('username', '=', u.username).executeTakeFirst();
  if (taken) throw new AppError('CONFLICT', '用户名已被使用', [{ path: 'username', message: '用户名已被使用' }]);
  const at = now.toISOString();
  const row: Insertable<StaffUserTable> = {
    id: randomUUID(),
    username: u.username,
    display_name: u.displayName,
    role: u.role,
    unit_id: u.unitId,
    skills: JSON.stringify(u.skills),
    capacity: 40,
    active: 1,
    last_assigned_at: null,
    password_hash: await hashPassword(password),
    // A generated password is one-time: whoever received it must set their own at the first sign-in.
    must_change_password: opts.password ? 0 : 1,
    created_at: at,
    updated_at: at,
  };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('staff_user').values(row).execute();
    await appendAudit(
      trx,
      {
        actorId: opts.actor?.id ?? null,
        actorRole: opts.actor?.role ?? 'system',
        action: 'user_created',
        detail: { userId: row.id, role: row.role, unitId: row.unit_id },
      },
      now,
    );
  });
  return { id: row.id, username: row.username, generatedPassword: opts.password ? null : password };
}

/**
 * First start: when no active admin exists, create `admin` with a generated password and return it (to be
 * printed once on the console). Returns null when an admin exists or another process created it first.
 */
export async function bootstrapAdmin(db: Db, now: Date): Promise<{ username: string; password: string } | null> {
  const existing = await db.selectFrom('staff_user').select('id').where('role', '=', 'admin').where('active', '=', 1).executeTakeFirst();
  if (existing) return null;
  let username = 'admin';
  const clash = await db.selectFrom('staff_user').select('id').where('username', '=', username).executeTakeFirst();
  if (clash) username = `admin-${randomUUID().slice(0, 6)}`;
  try {
    const created = await createUser(db, { username, displayName: '系统管理员', role: 'admin', unitId: null }, now);
    return created.generatedPassword ? { username: created.username, password: created.generatedPassword } : null;
  } catch (e) {
    // Another web process bootstrapped at the same moment (unique username): its password was printed there.
    const now2 = await db.selectFrom('staff_user').select('id').where('role', '=', 'admin').where('active', '=', 1).executeTakeFirst();
    if (now2) return null;
    throw e;
  }
}

/** The users page's list (no password hashes). */
export function listStaffUsers(db: Db) {
  return db.selectFrom('staff_user').select(['id', 'username', 'display_name', 'role', 'unit_id', 'active']).orderBy('username').execute();
}

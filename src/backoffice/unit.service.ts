// Units (市场监管所) created by an admin, optionally taking over townships for routing (unit_township is
// the routing table: a township belongs to exactly one unit).
import { z } from 'zod';
import type { Db } from '../db/database.ts';
import { AppError } from '../lib/errors.ts';
import { TOWNSHIPS } from '../triage/triage.ts';
import { appendAudit } from './audit.log.ts';
import type { AuditActorRole } from './staff.table.ts';

export const NewUnitSchema = z.object({
  id: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^station-[a-z0-9-]{2,30}$/, '单位代码形如 station-xxx（小写字母、数字、短横线）'),
  name: z.string().trim().min(2, '请填写单位名称').max(60, '单位名称最多 60 个字'),
  townships: z.array(z.enum(TOWNSHIPS, { message: '未知的乡镇街道' })).default([]),
});
export type NewUnit = z.input<typeof NewUnitSchema>;

export async function createUnit(db: Db, input: NewUnit, actor: { id: string; role: AuditActorRole }, now: Date): Promise<string> {
  const parsed = NewUnitSchema.safeParse(input);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => ({ path: String(i.path[0] ?? 'unit'), message: i.message }));
    throw new AppError('VALIDATION', fields.map((f) => f.message).join('；'), fields);
  }
  const u = parsed.data;
  const clash = await db
    .selectFrom('unit')
    .select('id')
    .where((eb) => eb.or([eb('id', '=', u.id), eb('name', '=', u.name)]))
    .executeTakeFirst();
  if (clash) throw new AppError('CONFLICT', '单位代码或名称已存在', [{ path: 'id', message: '单位代码或名称已存在' }]);
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('unit').values({ id: u.id, name: u.name, kind: 'station', active: 1, created_at: now.toISOString() }).execute();
    for (const t of u.townships) {
      const moved = await trx.updateTable('unit_township').set({ unit_id: u.id }).where('township', '=', t).executeTakeFirst();
      if (Number(moved.numUpdatedRows) === 0) await trx.insertInto('unit_township').values({ township: t, unit_id: u.id }).execute();
    }
    await appendAudit(
      trx,
      { actorId: actor.id, actorRole: actor.role, action: 'unit_created', detail: { unitId: u.id, townships: u.townships } },
      now,
    );
  });
  return u.id;
}

/** Every unit's name by id (queues and exports show names). */
export async function unitNames(db: Db): Promise<Map<string, string>> {
  return new Map((await db.selectFrom('unit').select(['id', 'name']).execute()).map((u) => [u.id, u.name]));
}

/** The police units a referral can be transferred to. */
export function policeUnits(db: Db): Promise<{ id: string; name: string }[]> {
  return db.selectFrom('unit').select(['id', 'name']).where('kind', '=', 'police').where('active', '=', 1).orderBy('name').execute();
}

/** Units a new user may belong to. */
export function activeUnits(db: Db): Promise<{ id: string; name: string }[]> {
  return db.selectFrom('unit').select(['id', 'name']).where('active', '=', 1).orderBy('kind').orderBy('name').execute();
}

/** The units page: every unit and which unit each township is routed to. */
export async function unitsOverview(db: Db) {
  const [units, townships] = await Promise.all([
    db.selectFrom('unit').select(['id', 'name', 'kind', 'active']).orderBy('kind').orderBy('name').execute(),
    db.selectFrom('unit_township').select(['township', 'unit_id']).execute(),
  ]);
  return { units, townships };
}

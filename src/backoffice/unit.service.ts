// Units (市场监管所) created and edited by an admin, with the townships routed to them (unit_township is
// the routing table: a township belongs to exactly one unit). Moving a township carries its open,
// not-yet-taken cases along (moveTownship).
import { z } from 'zod';
import type { Db } from '../db/database.ts';
import { AppError } from '../lib/errors.ts';
import { TOWNSHIPS } from '../triage/triage.ts';
import { appendAudit } from './audit.log.ts';
import { FINISHED_STATUSES } from './case.queries.ts';
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

export const UnitEditSchema = z.object({
  name: z.string().trim().min(2, '请填写单位名称').max(60, '单位名称最多 60 个字'),
  active: z.enum(['1', '0'], { message: '请选择单位状态' }),
});

function validation(e: z.ZodError): AppError {
  const fields = e.issues.map((i) => ({ path: String(i.path[0] ?? 'unit'), message: i.message }));
  return new AppError('VALIDATION', fields.map((f) => f.message).join('；'), fields);
}

/**
 * Renames a unit or takes it out of service. A unit still routed townships or holding open cases cannot
 * be stopped: move its townships first (moveTownship), so no case is stranded in a unit nobody works in.
 */
export async function updateUnit(
  db: Db,
  unitId: string,
  input: unknown,
  actor: { id: string; role: AuditActorRole },
  now: Date,
): Promise<void> {
  const parsed = UnitEditSchema.safeParse(input);
  if (!parsed.success) throw validation(parsed.error);
  const u = parsed.data;
  const unit = await db.selectFrom('unit').select(['id', 'name', 'kind', 'active']).where('id', '=', unitId).executeTakeFirst();
  if (!unit) throw new AppError('NOT_FOUND', '单位不存在');
  if (unit.kind === 'intake_centre' && u.active === '0')
    throw new AppError('VALIDATION', '投诉举报中心不能停用', [{ path: 'active', message: '投诉举报中心不能停用' }]);
  const clash = await db.selectFrom('unit').select('id').where('name', '=', u.name).where('id', '!=', unitId).executeTakeFirst();
  if (clash) throw new AppError('CONFLICT', '单位名称已存在', [{ path: 'name', message: '单位名称已存在' }]);
  if (u.active === '0' && unit.active === 1) {
    const owned = await db.selectFrom('unit_township').select('township').where('unit_id', '=', unitId).execute();
    if (owned.length)
      throw new AppError('VALIDATION', `请先把 ${owned.map((o) => o.township).join('、')} 划给其他单位，再停用`, [
        { path: 'active', message: `请先把 ${owned.map((o) => o.township).join('、')} 划给其他单位，再停用` },
      ]);
    const open = await db
      .selectFrom('intake_case')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('unit_id', '=', unitId)
      .where('status', 'not in', [...FINISHED_STATUSES])
      .executeTakeFirst();
    if (Number(open?.n ?? 0) > 0)
      throw new AppError('VALIDATION', `该单位还有 ${Number(open?.n)} 件未办结案件，不能停用`, [
        { path: 'active', message: `该单位还有 ${Number(open?.n)} 件未办结案件，不能停用` },
      ]);
  }
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('unit')
      .set({ name: u.name, active: Number(u.active) })
      .where('id', '=', unitId)
      .execute();
    await appendAudit(
      trx,
      { actorId: actor.id, actorRole: actor.role, action: 'unit_updated', detail: { unitId, name: u.name, active: Number(u.active) } },
      now,
    );
  });
}

export const MoveTownshipSchema = z.object({
  township: z.enum(TOWNSHIPS, { message: '请选择乡镇街道' }),
  unitId: z.string().trim().min(1, '请选择接收的单位'),
});

/**
 * Routes a township to another unit. New cases follow the routing table at once; the township's open
 * cases that nobody has taken yet (no handler) move with it, so they stay in a queue that someone works;
 * cases a handler already holds stay with that handler and unit. Audited in the same transaction.
 * Returns the number of cases moved.
 */
export async function moveTownship(db: Db, input: unknown, actor: { id: string; role: AuditActorRole }, now: Date): Promise<number> {
  const parsed = MoveTownshipSchema.safeParse(input);
  if (!parsed.success) throw validation(parsed.error);
  const { township, unitId } = parsed.data;
  const target = await db.selectFrom('unit').select(['id', 'kind', 'active']).where('id', '=', unitId).executeTakeFirst();
  if (target?.active !== 1 || target.kind !== 'station')
    throw new AppError('VALIDATION', '接收的单位须为在用的市场监管所', [{ path: 'unitId', message: '接收的单位须为在用的市场监管所' }]);
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom('unit_township').select('unit_id').where('township', '=', township).executeTakeFirst();
    const from = current?.unit_id ?? null;
    if (from === unitId) return 0;
    if (current) await trx.updateTable('unit_township').set({ unit_id: unitId }).where('township', '=', township).execute();
    else await trx.insertInto('unit_township').values({ township, unit_id: unitId }).execute();
    let moved: string[] = [];
    if (from) {
      moved = (
        await trx
          .selectFrom('intake_case')
          .select('id')
          .where('township', '=', township)
          .where('unit_id', '=', from)
          .where('assignee_id', 'is', null)
          .where('status', 'not in', [...FINISHED_STATUSES])
          .execute()
      ).map((r) => r.id);
      for (let i = 0; i < moved.length; i += 500) {
        const chunk = moved.slice(i, i + 500);
        await trx
          .updateTable('intake_case')
          .set((eb) => ({ unit_id: unitId, version: eb('version', '+', 1), updated_at: at }))
          .where('id', 'in', chunk)
          .execute();
        // The clocks' copy of the unit (per-unit due-soon and overdue lists) follows the case.
        await trx.updateTable('case_clock').set({ unit_id: unitId, updated_at: at }).where('case_id', 'in', chunk).execute();
      }
    }
    await appendAudit(
      trx,
      {
        actorId: actor.id,
        actorRole: actor.role,
        action: 'unit_updated',
        detail: { township, from, to: unitId, movedCases: moved.length },
      },
      now,
    );
    return moved.length;
  });
}

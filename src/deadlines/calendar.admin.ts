// Admin edits of the working-day calendar (each November the State Council publishes next year's
// holidays and make-up workdays). Every change invalidates the cached calendar; clocks that could not be
// computed past the old horizon are recomputed by the next clocks.reconcile run.
import { z } from 'zod';
import { appendAudit } from '../backoffice/audit.log.ts';
import type { AuditActorRole } from '../backoffice/staff.table.ts';
import type { Db } from '../db/database.ts';
import { clockContext, invalidateClockContext, recomputeHorizonClocks } from './clock.service.ts';
import { isWeekendDate } from './cst.ts';

export const CalendarEntrySchema = z.object({
  date: z.iso.date(),
  kind: z.enum(['holiday', 'workday']),
  name: z.string().trim().min(1).max(60),
});
export type CalendarEntry = z.infer<typeof CalendarEntrySchema>;

/**
 * Adds or replaces entries and extends the known range to `lastYear` (which must cover them). Clocks whose
 * due date was provisional (or unknown) for that year are computed again at once; returns how many.
 */
export async function publishCalendarYear(
  db: Db,
  year: number,
  entries: CalendarEntry[],
  now: Date,
  actor: { id: string | null; role: AuditActorRole } = { id: null, role: 'cli' },
): Promise<number> {
  const parsed = entries.map((e) => CalendarEntrySchema.parse(e));
  if (parsed.some((e) => Number(e.date.slice(0, 4)) !== year)) throw new Error(`every entry must fall in ${year}`);
  await db.transaction().execute(async (trx) => {
    await appendAudit(
      trx,
      { actorId: actor.id, actorRole: actor.role, action: 'calendar_entered', detail: { year, days: parsed.length } },
      now,
    );
    await trx.deleteFrom('calendar_day').where('date', '>=', `${year}-01-01`).where('date', '<=', `${year}-12-31`).execute();
    if (parsed.length) await trx.insertInto('calendar_day').values(parsed).execute();
    const last = await trx.selectFrom('app_setting').select('value').where('key', '=', 'calendar.last_year').executeTakeFirst();
    if (!last || Number(last.value) < year) {
      if (Number(last?.value ?? 0) < year - 1) throw new Error(`enter ${Number(last?.value ?? 0) + 1} first: years must be contiguous`);
      await trx
        .updateTable('app_setting')
        .set({ value: String(year), updated_at: now.toISOString() })
        .where('key', '=', 'calendar.last_year')
        .execute();
    }
  });
  invalidateClockContext();
  return recomputeHorizonClocks(db, await clockContext(db), now);
}

/** Warn this many days before the calendar's last day (issue #16: admins see a banner 60 days ahead). */
export const HORIZON_BANNER_DAYS = 60;

/** The calendar's last known year and the days left in it, when that is within the warning window (else null). */
export async function calendarHorizon(db: Db, now: Date): Promise<{ lastYear: number; daysLeft: number } | null> {
  const row = await db.selectFrom('app_setting').select('value').where('key', '=', 'calendar.last_year').executeTakeFirst();
  const lastYear = Number(row?.value ?? 2026);
  // Days until the end of 31 December of the last year, China Standard Time.
  const end = Date.parse(`${lastYear + 1}-01-01T00:00:00+08:00`);
  const daysLeft = Math.ceil((end - now.getTime()) / 86_400_000) - 1;
  return daysLeft <= HORIZON_BANNER_DAYS ? { lastYear, daysLeft } : null;
}

const KIND_WORDS: Record<string, 'holiday' | 'workday'> = {
  休: 'holiday',
  放假: 'holiday',
  holiday: 'holiday',
  班: 'workday',
  上班: 'workday',
  workday: 'workday',
};

/**
 * The admin form's text: one day a line, 「2027-01-01 休 元旦」 or 「2027-02-07 班 春节调休上班」. Every
 * problem names its line; nothing is entered unless every line is right.
 */
export function parseCalendarText(year: number, text: string): { entries: CalendarEntry[]; errors: string[] } {
  const entries: CalendarEntry[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const [date = '', kindWord = '', ...rest] = line.split(/\s+/);
    const kind = KIND_WORDS[kindWord];
    const name = rest.join(' ') || (kind === 'workday' ? '调休上班' : '');
    const p = CalendarEntrySchema.safeParse({ date, kind, name });
    if (!kind) errors.push(`第 ${i + 1} 行：第二项须为「休」或「班」`);
    else if (!p.success)
      errors.push(`第 ${i + 1} 行：${!/^\d{4}-\d{2}-\d{2}$/.test(date) ? '日期须写成 2027-01-01 的形式' : '请写明节日名称'}`);
    else if (Number(date.slice(0, 4)) !== year) errors.push(`第 ${i + 1} 行：日期不在 ${year} 年`);
    else if (seen.has(date)) errors.push(`第 ${i + 1} 行：${date} 重复`);
    else if (kind === 'workday' && !isWeekendDate(date)) errors.push(`第 ${i + 1} 行：${date} 不是周末，无需列为调休上班`);
    else {
      seen.add(date);
      entries.push(p.data);
    }
  });
  if (!errors.length && !entries.some((e) => e.kind === 'holiday')) errors.push('请至少填写一个放假日期');
  return { entries, errors };
}

/** The calendar's known range and the entries of a year (the admin page). */
export async function calendarOverview(db: Db, year: number) {
  const settings = await db.selectFrom('app_setting').select(['key', 'value']).where('key', 'like', 'calendar.%').execute();
  const s = new Map(settings.map((r) => [r.key, r.value]));
  const days = await db
    .selectFrom('calendar_day')
    .select(['date', 'kind', 'name'])
    .where('date', '>=', `${year}-01-01`)
    .where('date', '<=', `${year}-12-31`)
    .orderBy('date')
    .execute();
  return { firstYear: Number(s.get('calendar.first_year') ?? 2004), lastYear: Number(s.get('calendar.last_year') ?? 2026), days };
}

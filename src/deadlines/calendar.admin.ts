// Admin edits of the working-day calendar (each November the State Council publishes next year's
// holidays and make-up workdays). Every change invalidates the cached calendar; clocks that could not be
// computed past the old horizon are recomputed by the next clocks.reconcile run.
import { z } from 'zod';
import type { Db } from '../db/database.ts';
import { invalidateClockContext } from './clock.service.ts';

export const CalendarEntrySchema = z.object({
  date: z.iso.date(),
  kind: z.enum(['holiday', 'workday']),
  name: z.string().trim().min(1).max(60),
});
export type CalendarEntry = z.infer<typeof CalendarEntrySchema>;

/** Adds or replaces entries and extends the known range to `lastYear` (which must cover them). */
export async function publishCalendarYear(db: Db, year: number, entries: CalendarEntry[], now: Date): Promise<void> {
  const parsed = entries.map((e) => CalendarEntrySchema.parse(e));
  if (parsed.some((e) => Number(e.date.slice(0, 4)) !== year)) throw new Error(`every entry must fall in ${year}`);
  await db.transaction().execute(async (trx) => {
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
}

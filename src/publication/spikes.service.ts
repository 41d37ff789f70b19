// Hot-spot alerts (分析研判), rule `spike_weekly`: a spike in one category/township above its usual weekly
// level. For every (category, township), the submissions received in the last 7 days are compared with
// the mean weekly count of the 8 weeks before; a spike is count ≥ max(5, 2 × mean + 2). It alerts the
// supervisors of the township's unit (else the intake centre's) with the linked case numbers.
//
// Invariants:
// - one alert per (category, township, CST calendar week of the scan): stored in hotspot_alert like the
//   illness clusters, with business_key = `category|township` and anchor_case_id = the week's Monday
//   (YYYY-MM-DD); the unique (rule, business_key, anchor_case_id) makes two racing scans alert once, and
//   the insert and the notifications commit together;
// - the cases of the last 7 days are linked in hotspot_alert_case (a case is linked to at most one spike
//   alert: a spike lasting into the next week keeps its earlier cases with the earlier alert);
// - counts are of distinct submissions (the two cases of a "both" submission count once), duplicates and
//   merged cases excluded;
// - notifications carry the category, township and case numbers only, never citizens' text or identity.
import { randomUUID } from 'node:crypto';
import { addDays, cstDateOf, weekdayOf } from '../deadlines/cst.ts';
import type { Deps } from '../deps.ts';
import { notifyStaff, supervisorsOf } from '../notices/staff-notice.ts';
import { INTAKE_UNIT_ID, unitForTownship } from '../routing/routing.rules.ts';
import { categoryLabel } from './labels.ts';

export const SPIKE_RULE = 'spike_weekly';
export const SPIKE_BASELINE_WEEKS = 8;
export const SPIKE_MIN_COUNT = 5;
const DAY_MS = 24 * 3_600_000;
const WEEK_MS = 7 * DAY_MS;
/** The most case numbers quoted in one notification. */
const MAX_NUMBERS = 30;

/** The threshold for a (category, township) whose previous weeks averaged `mean` submissions. */
export const spikeThreshold = (mean: number): number => Math.max(SPIKE_MIN_COUNT, 2 * mean + 2);

/** The CST Monday (YYYY-MM-DD) of the week containing `now`. */
export function cstWeekOf(now: Date): string {
  const d = cstDateOf(now);
  return addDays(d, -((weekdayOf(d) + 6) % 7));
}

export interface SpikeResult {
  spikes: number;
}

export async function scanSpikes(deps: Pick<Deps, 'db' | 'clock' | 'logger'>, now: Date = deps.clock.now()): Promise<SpikeResult> {
  const { db } = deps;
  const weekStart = new Date(now.getTime() - WEEK_MS).toISOString();
  const baseStart = new Date(now.getTime() - WEEK_MS * (SPIKE_BASELINE_WEEKS + 1)).toISOString();
  const counted = (from: string, to: string) =>
    db
      .selectFrom('intake_case')
      .select(['category', 'township', (eb) => eb.fn.count<number | string>('submission_id').distinct().as('n')])
      .where('category', 'is not', null)
      .where('township', 'is not', null)
      .where('kind', 'in', ['complaint', 'report'])
      .where('status', 'not in', ['duplicate', 'merged'])
      .where('received_at', '>=', from)
      .where('received_at', '<', to)
      .groupBy(['category', 'township'])
      .execute();
  // The last 7 days up to and including `now`.
  const current = await counted(weekStart, new Date(now.getTime() + 1).toISOString());
  const candidates = current.filter((r) => Number(r.n) >= SPIKE_MIN_COUNT);
  if (candidates.length === 0) return { spikes: 0 };
  const base = new Map((await counted(baseStart, weekStart)).map((r) => [`${r.category}|${r.township}`, Number(r.n)]));
  const week = cstWeekOf(now);
  const at = now.toISOString();
  let spikes = 0;
  for (const r of candidates) {
    const key = `${r.category}|${r.township}`;
    const count = Number(r.n);
    const mean = (base.get(key) ?? 0) / SPIKE_BASELINE_WEEKS;
    if (count < spikeThreshold(mean)) continue;
    const seen = await db
      .selectFrom('hotspot_alert')
      .select('id')
      .where('rule', '=', SPIKE_RULE)
      .where('business_key', '=', key)
      .where('anchor_case_id', '=', week)
      .executeTakeFirst();
    if (seen) continue;
    if (
      await raiseSpike(deps, {
        category: r.category as string,
        township: r.township as string,
        key,
        week,
        count,
        mean,
        from: weekStart,
        now,
        at,
      })
    )
      spikes++;
  }
  return { spikes };
}

async function raiseSpike(
  deps: Pick<Deps, 'db' | 'logger'>,
  s: { category: string; township: string; key: string; week: string; count: number; mean: number; from: string; now: Date; at: string },
): Promise<boolean> {
  const cases = await deps.db
    .selectFrom('intake_case')
    .select(['id', 'number', 'received_at'])
    .where('category', '=', s.category)
    .where('township', '=', s.township)
    .where('kind', 'in', ['complaint', 'report'])
    .where('status', 'not in', ['duplicate', 'merged'])
    .where('received_at', '>=', s.from)
    .where('received_at', '<=', s.now.toISOString())
    .orderBy('received_at')
    .orderBy('id')
    .execute();
  const first = cases[0];
  const last = cases[cases.length - 1];
  if (!first || !last) return false;
  const unitId = (await unitForTownship(deps.db, s.township)) ?? INTAKE_UNIT_ID;
  const numbers = cases.map((c) => c.number);
  const quoted = numbers.length > MAX_NUMBERS ? `${numbers.slice(0, MAX_NUMBERS).join('、')}等${numbers.length}件` : numbers.join('、');
  const message = `投诉举报异常增多：${s.township}“${categoryLabel(s.category)}”类近7天收到${s.count}起，前${SPIKE_BASELINE_WEEKS}周平均每周${s.mean.toFixed(1)}起，请研判处置。关联案件：${quoted}`;
  const alertId = randomUUID();
  try {
    await deps.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('hotspot_alert')
        .values({
          id: alertId,
          rule: SPIKE_RULE,
          business_key: s.key,
          unit_id: unitId,
          anchor_case_id: s.week,
          first_at: first.received_at,
          last_at: last.received_at,
          created_at: s.at,
          updated_at: s.at,
        })
        .execute();
      for (const c of cases) {
        await trx
          .insertInto('hotspot_alert_case')
          .values({ alert_id: alertId, case_id: c.id, rule: SPIKE_RULE, added_at: s.at })
          .onConflict((oc) => oc.doNothing())
          .execute();
      }
      let supervisors = await supervisorsOf(trx, unitId);
      if (supervisors.length === 0 && unitId !== INTAKE_UNIT_ID) supervisors = await supervisorsOf(trx, INTAKE_UNIT_ID);
      await notifyStaff(trx, supervisors, first.id, 'hotspot_spike', message, s.at);
    });
  } catch (e) {
    // Another scan raised this week's alert first (unique key): that alert stands.
    const taken = await deps.db
      .selectFrom('hotspot_alert')
      .select('id')
      .where('rule', '=', SPIKE_RULE)
      .where('business_key', '=', s.key)
      .where('anchor_case_id', '=', s.week)
      .executeTakeFirst();
    if (taken) return false;
    throw e;
  }
  deps.logger.info({ alertId, unitId, cases: cases.length }, 'spike alert raised');
  return true;
}

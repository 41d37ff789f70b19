// Seed data for the working calendar, taken from the `chinese-days` package (State Council notices,
// 2004–2026). The app later keeps its own editable table seeded from chineseDaysSeed(); this module is
// only the source of that seed and of a default in-memory calendar.
//
// Why the package's bundled JSON and not its functions (cd.getDayDetail & co.): the functions build
// their tables with local-time Date getters, so on a host west of UTC (TZ=America/…) every date comes
// out one day early (2026-10-10 reads as an ordinary Saturday). The JSON (dist/chinese-days.json, the
// same data, generated at publish time) is plain date strings and does not depend on the host's zone;
// under UTC/CST it equals what the functions return.
// chinese-days answers any date, silently calling Monday–Friday a workday outside the years it knows
// (shared/stack.md gotcha 2); chineseDaysSeed() therefore refuses years without holiday data.

import { createRequire } from 'node:module';
import { WorkingCalendar, type CalendarDay } from './calendar.ts';
import { isWeekendDate, yearOf } from './cst.ts';

export const CHINESE_DAYS_FIRST_YEAR = 2004;
export const CHINESE_DAYS_LAST_YEAR = 2026;

interface ChineseDaysData {
  /** date → 'English name,中文名,days' */
  holidays: Record<string, string>;
  /** make-up workdays: date → 'English name,中文名,days' */
  workdays: Record<string, string>;
}

function isStringRecord(v: unknown): v is Record<string, string> {
  return typeof v === 'object' && v !== null && Object.values(v).every((x) => typeof x === 'string');
}

let data: ChineseDaysData | undefined;
function loadData(): ChineseDaysData {
  if (data) return data;
  const raw: unknown = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json');
  if (typeof raw !== 'object' || raw === null) throw new Error('chinese-days: unexpected JSON');
  const { holidays, workdays } = raw as Record<string, unknown>;
  if (!isStringRecord(holidays) || !isStringRecord(workdays)) throw new Error('chinese-days: unexpected JSON shape');
  data = { holidays, workdays };
  return data;
}

/** 'National Day,国庆节,3' → { en: 'National Day', zh: '国庆节' }. */
function splitName(raw: string): { en: string; zh: string } {
  const [en = raw, zh = raw] = raw.split(',');
  return { en, zh };
}

export function chineseDaysSeed(from = CHINESE_DAYS_FIRST_YEAR, to = CHINESE_DAYS_LAST_YEAR): CalendarDay[] {
  if (!Number.isInteger(from) || !Number.isInteger(to) || from > to) throw new RangeError(`bad year range ${from}–${to}`);
  const { holidays, workdays } = loadData();
  const inRange = (d: string) => {
    const y = yearOf(d);
    return y >= from && y <= to;
  };
  const years = new Set(Object.keys(holidays).filter(inRange).map(yearOf));
  for (let y = from; y <= to; y++) {
    if (!years.has(y)) {
      throw new RangeError(`chinese-days has no holiday data for ${y} (it covers ${CHINESE_DAYS_FIRST_YEAR}–${CHINESE_DAYS_LAST_YEAR})`);
    }
  }
  const out: CalendarDay[] = [];
  for (const [date, raw] of Object.entries(holidays)) {
    if (!inRange(date)) continue;
    if (date in workdays) throw new Error(`chinese-days lists ${date} both as holiday and workday`);
    const { en, zh } = splitName(raw);
    out.push({ date, kind: 'holiday', name: `${zh} ${en}` });
  }
  for (const [date, raw] of Object.entries(workdays)) {
    // A listed workday on Mon–Fri would change nothing; only weekend make-up days matter.
    if (!inRange(date) || !isWeekendDate(date)) continue;
    const { en, zh } = splitName(raw);
    out.push({ date, kind: 'workday', name: `${zh}调休上班 ${en} make-up workday` });
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

let cached: WorkingCalendar | undefined;

/** The calendar seeded from chinese-days for 2004–2026 (built once, immutable). */
export function defaultCalendar(): WorkingCalendar {
  cached ??= new WorkingCalendar(chineseDaysSeed(), CHINESE_DAYS_FIRST_YEAR, CHINESE_DAYS_LAST_YEAR);
  return cached;
}

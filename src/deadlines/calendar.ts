// The working-day calendar: statutory holidays and make-up workdays (调休) for a closed range of years.
//
// Invariants:
// - every question is about a civil date in China Standard Time ('YYYY-MM-DD');
// - a date outside [firstYear, lastYear] is never answered by guessing Monday–Friday: it throws
//   CalendarHorizonError (domain.md, "Counting periods");
// - 'holiday' = a statutory day off as the State Council's notice lists it, including the weekend days
//   bridged into a holiday block (as the seed data lists them). An ordinary weekend is not a holiday:
//   Order 121 Art. 45 moves a period's last day only off a statutory holiday (see compute.ts).
// - 'workday' = a make-up workday (调休上班) falling on a Saturday or Sunday.

import { addDays, dayNumber, isWeekendDate, yearOf } from './cst.ts';

export interface CalendarDay {
  /** Civil date, YYYY-MM-DD (CST). */
  date: string;
  /** holiday = statutory day off; workday = make-up workday (调休) on a weekend. */
  kind: 'holiday' | 'workday';
  name: string;
}

export class CalendarHorizonError extends Error {
  readonly code = 'CALENDAR_HORIZON';
  constructor(
    readonly date: string,
    readonly firstYear: number,
    readonly lastYear: number,
  ) {
    const where = yearOf(date) > lastYear ? `after the last known year ${lastYear}` : `before the first known year ${firstYear}`;
    super(
      `No holiday data for ${date} (${where}; the working calendar covers ${firstYear}–${lastYear}); ` +
        `refusing to compute a deadline. 日历未收录 ${date}（已知年份 ${firstYear}–${lastYear} 年），无法计算期限，请先录入该年度节假日安排。`,
    );
    this.name = 'CalendarHorizonError';
  }
}

export class WorkingCalendar {
  readonly firstYear: number;
  readonly lastYear: number;
  private readonly byDate: ReadonlyMap<string, CalendarDay>;

  constructor(days: readonly CalendarDay[], firstYear: number, lastYear: number) {
    if (!Number.isInteger(firstYear) || !Number.isInteger(lastYear) || firstYear > lastYear) {
      throw new RangeError(`bad calendar range ${firstYear}–${lastYear}`);
    }
    this.firstYear = firstYear;
    this.lastYear = lastYear;
    const map = new Map<string, CalendarDay>();
    for (const d of days) {
      const y = yearOf(d.date); // validates the format
      if (y < firstYear || y > lastYear) {
        throw new RangeError(`calendar day ${d.date} is outside the declared range ${firstYear}–${lastYear}`);
      }
      if (d.kind !== 'holiday' && d.kind !== 'workday') throw new RangeError(`bad kind for ${d.date}`);
      if (map.has(d.date)) throw new RangeError(`calendar day ${d.date} listed twice`);
      map.set(d.date, { date: d.date, kind: d.kind, name: d.name });
    }
    this.byDate = map;
  }

  /** True when the date's year is one the calendar knows. */
  covers(date: string): boolean {
    const y = yearOf(date);
    return y >= this.firstYear && y <= this.lastYear;
  }

  /** Throws CalendarHorizonError unless the date is covered. */
  assertCovered(date: string): void {
    if (!this.covers(date)) throw new CalendarHorizonError(date, this.firstYear, this.lastYear);
  }

  /** The listed entry for the date (holiday or make-up workday), if any. */
  dayInfo(date: string): CalendarDay | undefined {
    this.assertCovered(date);
    return this.byDate.get(date);
  }

  /** A day on which offices work: Mon–Fri not a holiday, or a make-up workday. */
  isWorkday(date: string): boolean {
    const entry = this.dayInfo(date);
    if (entry) return entry.kind === 'workday';
    return !isWeekendDate(date);
  }

  /** A statutory holiday day off (not an ordinary weekend). */
  isHoliday(date: string): boolean {
    return this.dayInfo(date)?.kind === 'holiday';
  }

  /** An ordinary Saturday/Sunday: neither a make-up workday nor a listed holiday. */
  isOrdinaryWeekend(date: string): boolean {
    return this.dayInfo(date) === undefined && isWeekendDate(date);
  }

  /**
   * The n-th working day after startDate; the start day itself is never counted (Art. 45), whatever
   * kind of day it is. n = 0 returns startDate; n < 0 counts backwards (the n-th working day before).
   * Every date visited must be covered.
   */
  addWorkingDays(startDate: string, n: number): string {
    if (!Number.isInteger(n)) throw new RangeError(`working days must be an integer, got ${n}`);
    this.assertCovered(startDate);
    const step = n < 0 ? -1 : 1;
    let left = Math.abs(n);
    let d = startDate;
    while (left > 0) {
      d = addDays(d, step);
      if (this.isWorkday(d)) left--;
    }
    return d;
  }

  /** startDate + n calendar days; both ends must be covered. */
  addCalendarDays(startDate: string, n: number): string {
    if (!Number.isInteger(n)) throw new RangeError(`calendar days must be an integer, got ${n}`);
    this.assertCovered(startDate);
    const d = addDays(startDate, n);
    this.assertCovered(d);
    return d;
  }

  /** The first working day strictly after the date. */
  nextWorkday(date: string): string {
    return this.addWorkingDays(date, 1);
  }

  /** Number of working days in the inclusive range [from, to] (0 when to < from). */
  countWorkdays(from: string, to: string): number {
    let count = 0;
    const last = dayNumber(to);
    for (let d = from; dayNumber(d) <= last; d = addDays(d, 1)) {
      if (this.isWorkday(d)) count++;
    }
    return count;
  }

  /** All listed days, sorted by date (e.g. to seed a database table). */
  days(): CalendarDay[] {
    return [...this.byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  }
}

// Expected dates below were counted by hand from the State Council notices for 2025/2026
// (2026: 元旦 1/1–1/3, 1/4 Sun work; 春节 2/15–2/23, 2/14 Sat + 2/28 Sat work; 清明 4/4–4/6;
// 劳动节 5/1–5/5, 5/9 Sat work; 端午 6/19–6/21; 中秋 9/25–9/27; 国庆 10/1–10/7, 9/20 Sun + 10/10 Sat work).
import cd from 'chinese-days';
import { describe, expect, it, vi } from 'vitest';
import { CalendarHorizonError, WorkingCalendar } from '../../src/deadlines/calendar.ts';
import { addDays, isWeekendDate } from '../../src/deadlines/cst.ts';
import { chineseDaysSeed, defaultCalendar } from '../../src/deadlines/holidays.ts';

// The whole file runs under China's time zone, whatever the host's (set before any module is loaded:
// chinese-days reads the zone when it loads). Each test file runs in its own worker process.
vi.hoisted(() => {
  process.env.TZ = 'Asia/Shanghai';
});

const cal = defaultCalendar();

describe('seed from chinese-days', () => {
  it('covers 2004–2026', () => {
    expect(cal.firstYear).toBe(2004);
    expect(cal.lastYear).toBe(2026);
  });

  it('lists the 2026 make-up workdays as workdays', () => {
    for (const d of ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']) {
      expect(cal.dayInfo(d)?.kind, d).toBe('workday');
      expect(cal.isWorkday(d), d).toBe(true);
      expect(cal.isHoliday(d), d).toBe(false);
    }
    expect(cal.dayInfo('2026-10-10')?.name).toContain('国庆节');
  });

  it('lists National Day 2026 as 10-01..10-07; 10-08 (Thu) is an ordinary workday', () => {
    for (let day = 1; day <= 7; day++) {
      const d = `2026-10-0${day}`;
      expect(cal.isHoliday(d), d).toBe(true);
      expect(cal.isWorkday(d), d).toBe(false);
    }
    expect(cal.dayInfo('2026-10-08')).toBeUndefined();
    expect(cal.isWorkday('2026-10-08')).toBe(true);
  });

  it('keeps ordinary weekends distinct from holidays', () => {
    expect(cal.isOrdinaryWeekend('2026-10-17')).toBe(true);
    expect(cal.isHoliday('2026-10-17')).toBe(false);
    expect(cal.isWorkday('2026-10-17')).toBe(false);
    expect(cal.isOrdinaryWeekend('2026-10-03')).toBe(false); // Saturday inside the National Day block
  });

  // chinese-days' functions are only right on hosts at or east of UTC (see holidays.ts): the comparison
  // runs under a fixed TZ (China's), whatever the host's, so it runs — and means the same — everywhere.
  it('agrees with the chinese-days functions day by day (under TZ=Asia/Shanghai)', () => {
    expect(new Date('2026-01-01T00:00:00Z').getTimezoneOffset()).toBe(-480);
    agreesDayByDay();
  });

  function agreesDayByDay() {
    let mismatches = 0;
    for (let d = '2004-01-01'; d <= '2026-12-31'; d = addDays(d, 1)) {
      const detail = cd.getDayDetail(d);
      const ours = cal.dayInfo(d);
      // listed holidays carry 'English,中文,n' names; ordinary weekends are just 'Saturday'/'Sunday'
      const holiday = !detail.work && detail.name.includes(',');
      if (cal.isWorkday(d) !== detail.work) mismatches++;
      if ((ours?.kind === 'holiday') !== holiday) mismatches++;
      if (ours?.kind === 'workday' && !isWeekendDate(d)) mismatches++;
    }
    expect(mismatches).toBe(0);
  }

  it('refuses years chinese-days does not know', () => {
    expect(() => chineseDaysSeed(2026, 2027)).toThrow(/2027/);
    expect(() => chineseDaysSeed(2003, 2004)).toThrow(/2003/);
  });
});

describe('addWorkingDays', () => {
  it('National Day 2026: 7 working days after 09-28 is 10-13 (make-up Saturday 10-10 counts)', () => {
    // 9/29 1, 9/30 2, [10/1–10/7 holiday], 10/8 3, 10/9 4, 10/10 (Sat, make-up) 5, 10/12 6, 10/13 7
    expect(cal.addWorkingDays('2026-09-28', 7)).toBe('2026-10-13');
  });

  it('Spring Festival 2026', () => {
    // 2/12 1, 2/13 2, 2/14 (Sat, make-up) 3, [2/15–2/23], 2/24 4, 2/25 5, 2/26 6, 2/27 7
    expect(cal.addWorkingDays('2026-02-11', 7)).toBe('2026-02-27');
    // …, 2/27 8, 2/28 (Sat, make-up) 9, 3/2 10 … 3/6 14, 3/9 15
    expect(cal.addWorkingDays('2026-02-10', 15)).toBe('2026-03-09');
  });

  it('a period running into Mid-autumn and National Day', () => {
    // 9/18 1, 9/20 (Sun, make-up) 2, 9/21–9/24 3–6, [9/25–9/27], 9/28 7
    expect(cal.addWorkingDays('2026-09-17', 7)).toBe('2026-09-28');
    // 9/23 1, 9/24 2, [9/25–27], 9/28 3, 9/29 4, 9/30 5, [10/1–7], 10/8 6, 10/9 7
    expect(cal.addWorkingDays('2026-09-22', 7)).toBe('2026-10-09');
  });

  it('across the year boundary 2025 → 2026 with New Year holiday and make-up Sunday 01-04', () => {
    // 12/29 1, 12/30 2, 12/31 3, [1/1–1/3], 1/4 (Sun, make-up) 4, 1/5 5, 1/6 6, 1/7 7
    expect(cal.addWorkingDays('2025-12-26', 7)).toBe('2026-01-07');
    // … 1/7 7, 1/8 8, 1/9 9, 1/12 10 … 1/16 14, 1/19 15
    expect(cal.addWorkingDays('2025-12-26', 15)).toBe('2026-01-19');
  });

  it('does not count the start day even when it is a workday; 0 returns the start day', () => {
    expect(cal.addWorkingDays('2026-10-09', 1)).toBe('2026-10-10');
    expect(cal.addWorkingDays('2026-10-09', 0)).toBe('2026-10-09');
  });

  it('counts backwards with a negative n', () => {
    // before 10/13: 10/12 (-1), 10/10 Sat make-up (-2), 10/9 (-3), 10/8 (-4), 9/30 (-5)
    expect(cal.addWorkingDays('2026-10-13', -2)).toBe('2026-10-10');
    expect(cal.addWorkingDays('2026-10-13', -5)).toBe('2026-09-30');
  });

  it('counts working days in a range', () => {
    expect(cal.countWorkdays('2026-09-28', '2026-10-13')).toBe(3 + 3 + 2); // 9/28–30, 10/8–10, 10/12–13 (= the start day + the 7 above)
  });
});

describe('horizon', () => {
  it('throws CalendarHorizonError past the last year instead of assuming Mon–Fri', () => {
    // 12/21–25 = 5, 12/28–31 = 9, then 2027-01-01 is unknown
    let err: unknown;
    try {
      cal.addWorkingDays('2026-12-20', 15);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CalendarHorizonError);
    const h = err as CalendarHorizonError;
    expect(h.code).toBe('CALENDAR_HORIZON');
    expect(h.date).toBe('2027-01-01');
    expect(h.message).toContain('2027-01-01');
    expect(h.message).toContain('2026');
    expect(() => cal.isWorkday('2027-01-04')).toThrow(CalendarHorizonError);
  });

  it('throws before the first year', () => {
    expect(() => cal.isWorkday('2003-12-31')).toThrow(CalendarHorizonError);
    expect(() => cal.addWorkingDays('2004-01-05', -5)).toThrow(/2003-12-31/);
  });

  it('addCalendarDays checks both ends', () => {
    expect(cal.addCalendarDays('2026-12-01', 30)).toBe('2026-12-31');
    expect(() => cal.addCalendarDays('2026-12-01', 31)).toThrow(CalendarHorizonError);
  });
});

describe('WorkingCalendar construction', () => {
  it('rejects bad data', () => {
    expect(() => new WorkingCalendar([{ date: '2030-01-01', kind: 'holiday', name: 'x' }], 2031, 2031)).toThrow(RangeError);
    expect(
      () =>
        new WorkingCalendar(
          [
            { date: '2030-01-01', kind: 'holiday', name: 'x' },
            { date: '2030-01-01', kind: 'workday', name: 'y' },
          ],
          2030,
          2030,
        ),
    ).toThrow(/twice/);
    expect(() => new WorkingCalendar([{ date: '2030-02-30', kind: 'holiday', name: 'x' }], 2030, 2030)).toThrow(RangeError);
    expect(() => new WorkingCalendar([], 2031, 2030)).toThrow(RangeError);
  });

  it('an admin-entered year extends the horizon', () => {
    // A hypothetical 2027 table: 1/1 (Fri) holiday only. 12/21–25 5, 12/28–31 9, 1/4–1/8 14, 1/11 15.
    const days = [...cal.days(), { date: '2027-01-01', kind: 'holiday' as const, name: '元旦' }];
    const extended = new WorkingCalendar(days, 2004, 2027);
    expect(extended.addWorkingDays('2026-12-20', 15)).toBe('2027-01-11');
  });
});

// Every expected date is counted by hand in the comment beside it (2026 arrangement: see calendar.test.ts).
import { describe, expect, it } from 'vitest';
import { CalendarHorizonError } from '../../src/deadlines/calendar.ts';
import { type DueResult, type DueRunning, computeDue, formatCst, reminderTimes, renderPublicText } from '../../src/deadlines/compute.ts';
import { parseCstInstant } from '../../src/deadlines/cst.ts';
import { defaultCalendar } from '../../src/deadlines/holidays.ts';
import { type ClockRule, getRule } from '../../src/deadlines/rules.ts';

const cal = defaultCalendar();
const at = parseCstInstant;
const D = (id: string, version: 'order20' | 'order121' = 'order121') => getRule(version, id);

function running(r: DueResult): DueRunning {
  if (r.paused) throw new Error('expected a running clock');
  return r;
}
const dueIso = (r: DueResult) => running(r).dueIso;

describe('formatCst / parseCstInstant', () => {
  it('round-trips in +08:00 to the second', () => {
    expect(formatCst(new Date('2026-10-13T15:59:59.999Z'))).toBe('2026-10-13T23:59:59+08:00');
    expect(at('2026-09-30').toISOString()).toBe('2026-09-29T16:00:00.000Z');
    expect(at('2026-09-30T10:00').toISOString()).toBe('2026-09-30T02:00:00.000Z');
    expect(at('2026-09-30T02:00:00Z').toISOString()).toBe('2026-09-30T02:00:00.000Z');
    expect(at('2026-09-30T04:00:00+10:00').toISOString()).toBe('2026-09-29T18:00:00.000Z');
    expect(() => at('2026-02-30')).toThrow(RangeError);
    expect(() => at('30/09/2026')).toThrow(RangeError);
  });
});

describe('working-day clocks', () => {
  it('D1 across National Day 2026: received 09-28 → due end of 10-13', () => {
    const r = running(computeDue(D('D1'), at('2026-09-28T10:00:00+08:00'), cal));
    expect(r.dueIso).toBe('2026-10-13T23:59:59+08:00');
    expect(r.due.toISOString()).toBe('2026-10-13T15:59:59.999Z');
    expect(r.lastDay).toBe('2026-10-13');
  });

  it('uses the CST civil date of the start instant', () => {
    // 2026-09-27T17:00Z = 09-28 01:00 CST → same as above
    expect(dueIso(computeDue(D('D1'), new Date('2026-09-27T17:00:00Z'), cal))).toBe('2026-10-13T23:59:59+08:00');
    // 2026-09-27T15:59Z = 09-27 23:59 CST (Sun, Mid-autumn): 9/28 1, 9/29 2, 9/30 3, 10/8 4, 10/9 5, 10/10 6, 10/12 7
    expect(dueIso(computeDue(D('D1'), new Date('2026-09-27T15:59:00Z'), cal))).toBe('2026-10-12T23:59:59+08:00');
  });

  it('D1 across Spring Festival 2026: 02-11 → 02-27', () => {
    expect(dueIso(computeDue(D('D1'), at('2026-02-11T15:00'), cal))).toBe('2026-02-27T23:59:59+08:00');
  });

  it('D4 across Spring Festival 2026: 02-10 → 03-09 (both make-up Saturdays count)', () => {
    expect(dueIso(computeDue(D('D4'), at('2026-02-10T09:00'), cal))).toBe('2026-03-09T23:59:59+08:00');
  });

  it('D1 across the 2025/2026 year boundary: 2025-12-26 → 2026-01-07', () => {
    expect(dueIso(computeDue(D('D1'), at('2025-12-26T16:30'), cal))).toBe('2026-01-07T23:59:59+08:00');
  });

  it('a working-day period that would end inside a holiday ends on the next working day', () => {
    // 9/18 1, 9/20 (Sun make-up) 2, 9/21–24 3–6, [9/25–27 Mid-autumn], 9/28 7
    expect(dueIso(computeDue(D('D3'), at('2026-09-17T11:00'), cal))).toBe('2026-09-28T23:59:59+08:00');
  });

  it('D2 under Order 20 is 45 working days: accepted 2026-03-05 → 05-12', () => {
    // 3/6 1; 3/9–13 6; 3/16–20 11; 3/23–27 16; 3/30–31 18; 4/1–3 21; [4/4–6]; 4/7–10 25; 4/13–17 30;
    // 4/20–24 35; 4/27–30 39; [5/1–5]; 5/6–8 42; 5/9 (Sat make-up) 43; 5/11 44; 5/12 45
    expect(dueIso(computeDue(D('D2', 'order20'), at('2026-03-05T10:00'), cal))).toBe('2026-05-12T23:59:59+08:00');
  });
});

describe('calendar-day clocks and Art. 45', () => {
  it('last day on a statutory holiday moves to the first working day after the block', () => {
    // D2: 08-03 + 60 = 10-02 (National Day) → 10-08
    const r = running(computeDue(D('D2'), at('2026-08-03T10:00'), cal));
    expect(r.dueIso).toBe('2026-10-08T23:59:59+08:00');
    expect(r.movedFrom).toBe('2026-10-02');
    // D5: 07-03 + 90 = 10-01 → 10-08
    expect(dueIso(computeDue(D('D5'), at('2026-07-03T10:00'), cal))).toBe('2026-10-08T23:59:59+08:00');
    // D2: 04-20 + 60 = 06-19 (Fri, Dragon Boat 6/19–21) → Mon 06-22
    expect(dueIso(computeDue(D('D2'), at('2026-04-20T10:00'), cal))).toBe('2026-06-22T23:59:59+08:00');
  });

  it('the first working day after the holiday may be a make-up workday', () => {
    // D5: 2025-10-03 + 90 = 2026-01-01 (元旦 1/1–1/3) → 01-04, a make-up Sunday
    expect(dueIso(computeDue(D('D5'), at('2025-10-03T10:00'), cal))).toBe('2026-01-04T23:59:59+08:00');
  });

  it('steps over an ordinary weekend glued to the holiday (our reading of 法定节假日后的第一日)', () => {
    // 2015-10-03 + 90 = 2016-01-01 (Fri, 元旦 listed alone; 1/2–1/3 ordinary weekend) → Mon 2016-01-04
    expect(cal.isHoliday('2016-01-01')).toBe(true);
    expect(cal.isOrdinaryWeekend('2016-01-02') && cal.isOrdinaryWeekend('2016-01-03')).toBe(true);
    expect(dueIso(computeDue(D('D5'), at('2015-10-03T10:00'), cal))).toBe('2016-01-04T23:59:59+08:00');
  });

  it('an ordinary weekend last day stays by default, moves with weekendLastDay: "moves"', () => {
    // D2: 08-18 + 60 = 10-17, an ordinary Saturday
    const stays = running(computeDue(D('D2'), at('2026-08-18T10:00'), cal));
    expect(stays.dueIso).toBe('2026-10-17T23:59:59+08:00');
    expect(stays.movedFrom).toBeNull();
    expect(dueIso(computeDue(D('D2'), at('2026-08-18T10:00'), cal, { weekendLastDay: 'moves' }))).toBe('2026-10-19T23:59:59+08:00');
    // a make-up Saturday is a workday and never moves: 08-11 + 60 = 10-10
    expect(dueIso(computeDue(D('D2'), at('2026-08-11T10:00'), cal, { weekendLastDay: 'moves' }))).toBe('2026-10-10T23:59:59+08:00');
  });

  it('D8 as a setting: 3 days or 10 days', () => {
    // 09-24 + 3 = 09-27 (Mid-autumn) → 09-28; 09-24 + 10 = 10-04 (National Day) → 10-08
    expect(dueIso(computeDue(D('D8'), at('2026-09-24T10:00'), cal))).toBe('2026-09-28T23:59:59+08:00');
    expect(dueIso(computeDue(getRule('order121', 'D8', { d8Length: 10 }), at('2026-09-24T10:00'), cal))).toBe('2026-10-08T23:59:59+08:00');
  });
});

describe('hours clocks', () => {
  it('D7 runs 24 wall-clock hours through a holiday', () => {
    const r = running(computeDue(D('D7'), at('2026-10-01T10:00:00+08:00'), cal));
    expect(r.dueIso).toBe('2026-10-02T10:00:00+08:00');
    expect(r.lastDay).toBeNull();
  });

  it('adds paused hours (rule made pausable for the test)', () => {
    const rule: ClockRule = { ...D('D7'), pausable: ['testing'] };
    const start = at('2026-10-01T10:00');
    expect(dueIso(computeDue(rule, start, cal, { pauses: [{ from: at('2026-10-01T12:00'), to: at('2026-10-01T15:00') }] }))).toBe(
      '2026-10-02T13:00:00+08:00',
    );
    // overlapping pauses are merged: 12:00–15:00 ∪ 14:00–16:30 = 4.5 h
    const overlapping = [
      { from: at('2026-10-01T12:00'), to: at('2026-10-01T15:00') },
      { from: at('2026-10-01T14:00'), to: at('2026-10-01T16:30') },
    ];
    expect(dueIso(computeDue(rule, start, cal, { pauses: overlapping }))).toBe('2026-10-02T14:30:00+08:00');
    // a pause after the clock ran out changes nothing
    expect(dueIso(computeDue(rule, start, cal, { pauses: [{ from: at('2026-10-02T11:00'), to: null }] }))).toBe(
      '2026-10-02T10:00:00+08:00',
    );
    const paused = computeDue(rule, start, cal, { pauses: [{ from: at('2026-10-01T12:00'), to: null }], now: at('2026-10-01T20:00') });
    expect(paused).toMatchObject({ paused: true, remaining: 22, pausedSinceIso: '2026-10-01T12:00:00+08:00' });
    expect(paused.paused && paused.ifResumedNow?.dueIso).toBe('2026-10-02T18:00:00+08:00');
  });
});

describe('extensions', () => {
  it('D4: 15 + 15 working days', () => {
    // from Mon 03-02: 3/3–6 4, 3/9–13 9, 3/16–20 14, 3/23 15
    expect(dueIso(computeDue(D('D4'), at('2026-03-02T09:00'), cal))).toBe('2026-03-23T23:59:59+08:00');
    // … 3/23–27 19, 3/30–4/3 24, [4/4–4/6 清明], 4/7–10 28, 4/13 29, 4/14 30
    expect(dueIso(computeDue(D('D4'), at('2026-03-02T09:00'), cal, { extensions: 1 }))).toBe('2026-04-14T23:59:59+08:00');
    expect(() => computeDue(D('D4'), at('2026-03-02T09:00'), cal, { extensions: 2 })).toThrow(/at most 1/);
    expect(() => computeDue(D('D1'), at('2026-03-02T09:00'), cal, { extensions: 1 })).toThrow(/cannot be extended/);
  });

  it('D5: 90 + 30 calendar days, then a collective further extension', () => {
    // from 05-11: 5/12–31 20, June 50, July 81, 8/9 90 (an ordinary Sunday: stays)
    expect(dueIso(computeDue(D('D5'), at('2026-05-11T10:00'), cal))).toBe('2026-08-09T23:59:59+08:00');
    // August 112, 9/8 120
    expect(dueIso(computeDue(D('D5'), at('2026-05-11T10:00'), cal, { extensions: 1 }))).toBe('2026-09-08T23:59:59+08:00');
    // + 19 = 9/27 (Mid-autumn) → 9/28
    const r = running(computeDue(D('D5'), at('2026-05-11T10:00'), cal, { extensions: 1, furtherExtension: 19 }));
    expect([r.dueIso, r.movedFrom, r.length]).toEqual(['2026-09-28T23:59:59+08:00', '2026-09-27', 139]);
    expect(() => computeDue(D('D5'), at('2026-05-11T10:00'), cal, { furtherExtension: 10 })).toThrow(/after the ordinary extension/);
  });
});

describe('pauses (testing, appraisal…)', () => {
  it('D4 with a testing pause: the paused working days are not counted', () => {
    // pause Tue 3/10 14:00 → Mon 3/16 10:00 touches 3/10–3/16: 5 working days (3/10–13, 3/16)
    // 3/3–6 4, 3/9 5, [3/10–16], 3/17–20 9, 3/23–27 14, 3/30 15
    const pauses = [{ from: at('2026-03-10T14:00'), to: at('2026-03-16T10:00'), reason: 'testing' }];
    expect(dueIso(computeDue(D('D4'), at('2026-03-02T09:00'), cal, { pauses }))).toBe('2026-03-30T23:59:59+08:00');
  });

  it('a pause over a weekend only does not move a working-day clock; an end at midnight is exclusive', () => {
    const pauses = [{ from: at('2026-03-07T00:00'), to: at('2026-03-09T00:00') }];
    expect(dueIso(computeDue(D('D4'), at('2026-03-02T09:00'), cal, { pauses }))).toBe('2026-03-23T23:59:59+08:00');
  });

  it('pause time on the (uncounted) start day is ignored', () => {
    const pauses = [{ from: at('2026-03-02T09:30'), to: at('2026-03-03T00:00') }];
    expect(dueIso(computeDue(D('D4'), at('2026-03-02T09:00'), cal, { pauses }))).toBe('2026-03-23T23:59:59+08:00');
  });

  it('D2 (calendar days) with a 10-day testing pause', () => {
    // no pause: 04-20 + 60 = 06-19 (holiday) → 06-22. Pause 5/6 09:00 → 5/15 17:00 = 10 days → 06-29 (Mon)
    const pauses = [{ from: at('2026-05-06T09:00'), to: at('2026-05-15T17:00'), reason: 'testing' }];
    const r = running(computeDue(D('D2'), at('2026-04-20T10:00'), cal, { pauses }));
    expect(r.dueIso).toBe('2026-06-29T23:59:59+08:00');
    expect(r.movedFrom).toBeNull();
  });

  it('an open pause leaves the clock paused with what remains', () => {
    // counted before 5/6: 4/21–30 (10) + 5/1–5 (5) = 15 of 60
    const r = computeDue(D('D2'), at('2026-04-20T10:00'), cal, {
      pauses: [{ from: at('2026-05-06T09:00'), to: null, reason: 'appraisal' }],
      now: at('2026-05-15T17:00'),
    });
    expect(r.paused).toBe(true);
    if (!r.paused) return;
    expect(r.remaining).toBe(45);
    expect(r.unit).toBe('calendar_days');
    expect(r.pausedSinceIso).toBe('2026-05-06T09:00:00+08:00');
    expect(r.ifResumedNow?.dueIso).toBe('2026-06-29T23:59:59+08:00'); // same as the closed 10-day pause
  });

  it('an open pause that begins after the clock ran out does not revive it', () => {
    const r = computeDue(D('D4'), at('2026-03-02T09:00'), cal, { pauses: [{ from: at('2026-03-24T09:00'), to: null }] });
    expect(dueIso(r)).toBe('2026-03-23T23:59:59+08:00');
  });

  it('rejects pauses the rule does not allow', () => {
    expect(() => computeDue(D('D1'), at('2026-03-02T09:00'), cal, { pauses: [{ from: at('2026-03-03'), to: at('2026-03-04') }] })).toThrow(
      /cannot be paused/,
    );
    expect(() =>
      computeDue(D('D2'), at('2026-04-20T10:00'), cal, { pauses: [{ from: at('2026-05-06'), to: at('2026-05-07'), reason: 'hearing' }] }),
    ).toThrow(/hearing/);
    expect(() => computeDue(D('D2'), at('2026-04-20T10:00'), cal, { pauses: [{ from: at('2026-05-07'), to: at('2026-05-06') }] })).toThrow(
      /before it starts/,
    );
  });
});

describe('horizon', () => {
  it('D4 started 2026-12-20 would end in 2027 → CalendarHorizonError', () => {
    expect(() => computeDue(D('D4'), at('2026-12-20T10:00'), cal)).toThrow(CalendarHorizonError);
    expect(() => computeDue(D('D4'), at('2026-12-20T10:00'), cal)).toThrow(/2027-01-01/);
  });

  it('a calendar-day clock whose last day is in 2027 is refused too (it could be a holiday)', () => {
    // 11-01 + 90 = 2027-01-30
    expect(() => computeDue(D('D5'), at('2026-11-01T10:00'), cal)).toThrow(CalendarHorizonError);
  });

  it('a start before 2004 is refused', () => {
    expect(() => computeDue(D('D1'), at('2003-12-30T10:00'), cal)).toThrow(/2003-12-30.*before the first known year 2004/);
  });

  it('a pause can push a clock past the horizon', () => {
    // D4 from 12-01: 12/2–4 3, 12/7–11 8, 12/14–18 13, 12/21–22 15; a 10-working-day pause pushes it to 2027
    const pauses = [{ from: at('2026-12-07T09:00'), to: at('2026-12-18T17:00') }];
    expect(dueIso(computeDue(D('D4'), at('2026-12-01T10:00'), cal))).toBe('2026-12-22T23:59:59+08:00');
    expect(() => computeDue(D('D4'), at('2026-12-01T10:00'), cal, { pauses })).toThrow(CalendarHorizonError);
  });
});

describe('reminderTimes', () => {
  it('09:00 two working days before the due day and 09:00 on the due day', () => {
    const rule = D('D1');
    const start = at('2026-09-28T10:00');
    const r = running(computeDue(rule, start, cal));
    // 2 working days before Tue 10-13: 10-12 (1), Sat 10-10 make-up (2)
    expect(reminderTimes(rule, r.due, cal, { startedAt: start }).map(formatCst)).toEqual([
      '2026-10-10T09:00:00+08:00',
      '2026-10-13T09:00:00+08:00',
    ]);
  });

  it('drops reminders before the start and after the due instant', () => {
    const rule = D('D7');
    const start = at('2026-10-01T10:00');
    const r = running(computeDue(rule, start, cal));
    // due 10-02 10:00: early reminder would be 9/29 09:00 (before start) → only 10-02 09:00
    expect(reminderTimes(rule, r.due, cal, { startedAt: start }).map(formatCst)).toEqual(['2026-10-02T09:00:00+08:00']);
    const early = running(computeDue(rule, at('2026-10-01T06:00'), cal)); // due 10-02 06:00, 09:00 is after it
    expect(reminderTimes(rule, early.due, cal, { startedAt: at('2026-10-01T06:00') })).toEqual([]);
  });
});

describe('renderPublicText', () => {
  it('fills in the due date for citizens', () => {
    const r = running(computeDue(D('D1'), at('2026-09-28T10:00'), cal));
    expect(renderPublicText(D('D1'), r.due)).toBe('市场监管部门应于 2026年10月13日 前作出是否受理的决定并告知您');
    const h = running(computeDue(D('D7'), at('2026-10-01T10:00'), cal));
    expect(renderPublicText(D('D7'), h.due)).toBe('批准移送后应于 2026年10月2日 10:00 前移送公安机关');
  });
});

// Due-date arithmetic (pure). Counting decisions, following Order 121 Art. 45 and shared/domain.md:
//
// 1. The start day is never counted: counting begins the next (working or calendar) day, in CST.
// 2. working_days: skip ordinary weekends and statutory holidays; make-up workdays (调休) count.
// 3. calendar_days: every day counts. If the LAST day is a statutory holiday, the period ends on the
//    first WORKING day after it (our reading of "法定节假日后的第一日"): this steps over the rest of the
//    holiday block and any ordinary weekend glued to it, so the answer does not depend on whether the
//    seed data lists the bridged weekend days of a block (chinese-days does for some years, not others).
//    A last day on an ordinary weekend does NOT move by default (Art. 45 names only 法定节假日);
//    `weekendLastDay: 'moves'` switches to the civil-law reading (weekends count as 休假日).
// 4. hours: wall-clock time, no calendar (D7: 24 hours from approval, holidays included).
// 5. Day-based due instant = end of the last day, 23:59:59.999 CST; dueIso is to the second.
// 6. Pauses (time not counted, e.g. testing): a pause is the half-open interval [from, to). For a
//    day-based clock every civil day the interval touches, even partly, is a paused day and does not
//    count (the unit decides whether it would have counted: a paused Saturday costs a working-day clock
//    nothing). Overlapping pauses are merged; pause days on or before the start day are ignored; a pause
//    that begins after the clock ran out changes nothing (an expired clock is not revived). For an
//    hours clock the paused milliseconds are added. An open pause (to = null) that begins before the
//    clock ran out leaves the clock paused: no due date, only what remains (DuePaused).
// 7. Extensions: each approved extension adds rule.extension.length (same unit), up to extension.max;
//    D5's further extension by collective decision adds the length that decision fixed. The extended
//    period is one period: Art. 45 applies to its final last day only.
// 8. Any day the computation needs outside the calendar's years throws CalendarHorizonError.

import { CalendarHorizonError, type WorkingCalendar } from './calendar.ts';
import { addDays, assertValidInstant, cstAt, cstDateOf, cstEndOfDay, dayNumber, formatCst, isWeekendDate } from './cst.ts';
import type { ClockRule, ClockUnit } from './rules.ts';

export { formatCst } from './cst.ts';

export interface Pause {
  from: Date;
  /** null = still paused. */
  to: Date | null;
  /** When given it must be one of rule.pausable. */
  reason?: string;
}

export interface ComputeOptions {
  pauses?: readonly Pause[];
  /** Count of approved extensions; each adds rule.extension.length. */
  extensions?: number;
  /** Length (in rule.furtherExtension.unit) fixed by the collective decision (D5 only, after the first extension). */
  furtherExtension?: number;
  /** Calendar-day clocks whose last day is an ordinary Saturday/Sunday: 'stays' (default) or 'moves' to the next working day. */
  weekendLastDay?: 'stays' | 'moves';
  /** Only used while paused: also report the due date if the open pause ended at `now`. */
  now?: Date;
}

export interface DueRunning {
  paused: false;
  due: Date;
  dueIso: string;
  /** Civil date of the last day (day-based clocks), null for hours clocks. */
  lastDay: string | null;
  /** The last day before the Art. 45 move, when it moved; otherwise null. */
  movedFrom: string | null;
  /** Total length counted, extensions included, in `unit`. */
  length: number;
  unit: ClockUnit;
}

export interface DuePaused {
  paused: true;
  pausedSince: Date;
  pausedSinceIso: string;
  /** What is left of the period when the pause began, in `unit` (hours may be fractional). */
  remaining: number;
  length: number;
  unit: ClockUnit;
  /** With opts.now: the due date if the open pause(s) ended at `now`. */
  ifResumedNow?: { at: Date; due: Date; dueIso: string };
}

export type DueResult = DueRunning | DuePaused;

const HOUR_MS = 3_600_000;

function totalLength(rule: ClockRule, opts: ComputeOptions): number {
  const ext = opts.extensions ?? 0;
  if (!Number.isInteger(ext) || ext < 0) throw new RangeError(`extensions must be a non-negative integer, got ${ext}`);
  let total = rule.length;
  if (ext > 0) {
    if (!rule.extension) throw new RangeError(`${rule.id} cannot be extended`);
    if (rule.extension.unit !== rule.unit) throw new RangeError(`${rule.id}: extension unit differs from the clock's unit`);
    if (rule.extension.max !== undefined && ext > rule.extension.max) {
      throw new RangeError(`${rule.id} can be extended at most ${rule.extension.max} time(s), got ${ext}`);
    }
    total += ext * rule.extension.length;
  }
  const further = opts.furtherExtension ?? 0;
  if (!Number.isInteger(further) || further < 0) throw new RangeError(`furtherExtension must be a non-negative integer, got ${further}`);
  if (further > 0) {
    const fe = rule.furtherExtension;
    if (!fe) throw new RangeError(`${rule.id} has no further extension`);
    if (fe.unit !== rule.unit) throw new RangeError(`${rule.id}: further extension unit differs from the clock's unit`);
    if (rule.extension?.max !== undefined && ext < rule.extension.max) {
      throw new RangeError(`${rule.id}: a further extension comes only after the ordinary extension`);
    }
    total += further;
  }
  return total;
}

function checkPauses(rule: ClockRule, pauses: readonly Pause[]): void {
  for (const p of pauses) {
    assertValidInstant(p.from);
    if (p.to !== null) {
      assertValidInstant(p.to);
      if (p.to.getTime() < p.from.getTime())
        throw new RangeError(`pause ends (${formatCst(p.to)}) before it starts (${formatCst(p.from)})`);
    }
    if (rule.pausable.length === 0) throw new RangeError(`${rule.id} cannot be paused`);
    if (p.reason !== undefined && !(rule.pausable as readonly string[]).includes(p.reason)) {
      throw new RangeError(`${rule.id} cannot be paused for ${p.reason} (allowed: ${rule.pausable.join(', ')})`);
    }
  }
}

/** Civil days touched by [from, to): from's day through the day of the last millisecond before to. */
function pausedDays(p: { from: Date; to: Date }, out: Set<string>): void {
  if (p.to.getTime() <= p.from.getTime()) return; // empty interval
  const first = cstDateOf(p.from);
  const last = cstDateOf(new Date(p.to.getTime() - 1));
  for (let d = first; dayNumber(d) <= dayNumber(last); d = addDays(d, 1)) out.add(d);
}

function computeDays(
  rule: ClockRule,
  startedAt: Date,
  cal: WorkingCalendar,
  total: number,
  pauses: readonly Pause[],
  openFrom: Date | null,
  opts: ComputeOptions,
): DueResult {
  const startDay = cstDateOf(startedAt);
  cal.assertCovered(startDay);
  const paused = new Set<string>();
  for (const p of pauses) if (p.to !== null) pausedDays({ from: p.from, to: p.to }, paused);
  const openDay = openFrom === null ? null : dayNumber(cstDateOf(openFrom));
  const counts =
    rule.unit === 'working_days'
      ? (d: string) => cal.isWorkday(d)
      : (d: string) => {
          cal.assertCovered(d);
          return true;
        };

  let d = startDay;
  let counted = 0;
  while (counted < total) {
    d = addDays(d, 1);
    if (openFrom !== null && openDay !== null && dayNumber(d) >= openDay) {
      return pausedResult(rule, startedAt, cal, total, total - counted, openFrom, pauses, opts);
    }
    if (counts(d) && !paused.has(d)) counted++;
  }

  let last = d;
  let movedFrom: string | null = null;
  if (rule.unit === 'calendar_days') {
    const weekendMoves = opts.weekendLastDay === 'moves' && isWeekendDate(last) && !cal.isWorkday(last);
    if (cal.isHoliday(last) || weekendMoves) {
      movedFrom = last;
      last = cal.nextWorkday(last);
    }
  }
  const due = cstEndOfDay(last);
  return { paused: false, due, dueIso: formatCst(due), lastDay: last, movedFrom, length: total, unit: rule.unit };
}

function computeHours(
  rule: ClockRule,
  startedAt: Date,
  cal: WorkingCalendar,
  total: number,
  pauses: readonly Pause[],
  openFrom: Date | null,
  opts: ComputeOptions,
): DueResult {
  const start = startedAt.getTime();
  // Clip to the start, drop empty intervals, sort and merge; an open pause runs to +Infinity.
  const ivs = pauses
    .map((p) => ({ from: Math.max(p.from.getTime(), start), to: p.to === null ? Infinity : p.to.getTime() }))
    .filter((iv) => iv.to > iv.from)
    .sort((a, b) => a.from - b.from);
  const merged: { from: number; to: number }[] = [];
  for (const iv of ivs) {
    const prev = merged[merged.length - 1];
    if (prev && iv.from <= prev.to) prev.to = Math.max(prev.to, iv.to);
    else merged.push({ from: iv.from, to: iv.to });
  }
  let due = start + total * HOUR_MS;
  for (const iv of merged) {
    if (iv.from >= due) break; // the clock ran out before this pause
    if (iv.to === Infinity && openFrom !== null) {
      // iv.from is where counting stopped (a closed pause merged into the open one stops it earlier).
      return pausedResult(rule, startedAt, cal, total, (due - iv.from) / HOUR_MS, openFrom, pauses, opts);
    }
    due += iv.to - iv.from;
  }
  const dueDate = new Date(due);
  return { paused: false, due: dueDate, dueIso: formatCst(dueDate), lastDay: null, movedFrom: null, length: total, unit: rule.unit };
}

function pausedResult(
  rule: ClockRule,
  startedAt: Date,
  cal: WorkingCalendar,
  total: number,
  remaining: number,
  openFrom: Date,
  pauses: readonly Pause[],
  opts: ComputeOptions,
): DuePaused {
  const since = openFrom.getTime() < startedAt.getTime() ? startedAt : openFrom;
  const result: DuePaused = {
    paused: true,
    pausedSince: since,
    pausedSinceIso: formatCst(since),
    remaining,
    length: total,
    unit: rule.unit,
  };
  const now = opts.now;
  if (now !== undefined && now.getTime() > openFrom.getTime()) {
    const closed = pauses.map((p) => (p.to === null ? { ...p, to: now } : p));
    try {
      const r = computeDue(rule, startedAt, cal, { ...opts, pauses: closed, now: undefined });
      if (!r.paused) result.ifResumedNow = { at: now, due: r.due, dueIso: r.dueIso };
    } catch (e) {
      // The projection is a convenience: past the calendar it is simply left out.
      if (!(e instanceof CalendarHorizonError)) throw e;
    }
  }
  return result;
}

/**
 * The due instant of a clock started at `startedAt` (see the counting decisions at the top of this file).
 * Returns DuePaused while an open pause holds the clock. Throws CalendarHorizonError past the calendar,
 * RangeError on bad options (too many extensions, a pause reason the rule does not allow, …).
 */
export function computeDue(rule: ClockRule, startedAt: Date, cal: WorkingCalendar, opts: ComputeOptions = {}): DueResult {
  assertValidInstant(startedAt);
  const total = totalLength(rule, opts);
  const pauses = opts.pauses ?? [];
  checkPauses(rule, pauses);
  let openFrom: Date | null = null;
  for (const p of pauses) if (p.to === null && (openFrom === null || p.from.getTime() < openFrom.getTime())) openFrom = p.from;
  return rule.unit === 'hours'
    ? computeHours(rule, startedAt, cal, total, pauses, openFrom, opts)
    : computeDays(rule, startedAt, cal, total, pauses, openFrom, opts);
}

export interface ReminderOptions {
  /** Working days before the due day for the early reminder (default 2). */
  daysBefore?: number;
  /** Hour of day, CST (default 9). */
  atHour?: number;
  /** Reminders at or before this instant are dropped (normally the clock's start). */
  startedAt?: Date;
}

/**
 * Reminder instants: atHour CST `daysBefore` working days before the due day, and atHour CST on the due
 * day; only those after `startedAt` and before `due`, sorted, without duplicates. `rule` is taken for
 * a per-rule policy later; today every unit uses the same two reminders.
 */
export function reminderTimes(rule: ClockRule, due: Date, cal: WorkingCalendar, opts: ReminderOptions = {}): Date[] {
  void rule;
  assertValidInstant(due);
  const daysBefore = opts.daysBefore ?? 2;
  const atHour = opts.atHour ?? 9;
  if (!Number.isInteger(daysBefore) || daysBefore < 0) throw new RangeError(`bad daysBefore ${daysBefore}`);
  if (!Number.isInteger(atHour) || atHour < 0 || atHour > 23) throw new RangeError(`bad atHour ${atHour}`);
  const dueDay = cstDateOf(due);
  const candidates = [cstAt(cal.addWorkingDays(dueDay, -daysBefore), atHour), cstAt(dueDay, atHour)];
  const after = opts.startedAt?.getTime() ?? -Infinity;
  const times = [...new Set(candidates.map((t) => t.getTime()))].filter((t) => t > after && t < due.getTime()).sort((a, b) => a - b);
  return times.map((t) => new Date(t));
}

/** The citizen-facing sentence with {due} filled in: '2026年10月13日' (day-based) or '2026年10月2日 10:00' (hours). */
export function renderPublicText(rule: ClockRule, due: Date): string {
  const day = cstDateOf(due);
  const [y, m, d] = day.split('-').map(Number);
  let text = `${y}年${m}月${d}日`;
  if (rule.unit === 'hours') {
    const hhmm = formatCst(due).slice(11, 16);
    text += ` ${hhmm}`;
  }
  return rule.publicText.replaceAll('{due}', text);
}

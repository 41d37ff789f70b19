// Civil dates and instants in China Standard Time (UTC+8, no DST since 1991).
//
// A civil date is a 'YYYY-MM-DD' string; arithmetic on it goes through a day number (days since
// 1970-01-01) so the host's time zone never matters. An instant is a JS Date.

const DAY_MS = 86_400_000;
const CST_OFFSET_MS = 8 * 3_600_000;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number (days since 1970-01-01) of a civil date; throws RangeError on a malformed or impossible date. */
export function dayNumber(date: string): number {
  const m = DATE_RE.exec(date);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new RangeError(`no such date: ${date}`);
  }
  return t / DAY_MS;
}

/** Civil date of a day number. */
export function fromDayNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, n: number): string {
  return fromDayNumber(dayNumber(date) + n);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: string): number {
  // 1970-01-01 was a Thursday (4).
  return (((dayNumber(date) + 4) % 7) + 7) % 7;
}

export function isWeekendDate(date: string): boolean {
  const w = weekdayOf(date);
  return w === 0 || w === 6;
}

export function yearOf(date: string): number {
  dayNumber(date); // validates
  return Number(date.slice(0, 4));
}

/** The civil date (CST) on which an instant falls. */
export function cstDateOf(instant: Date): string {
  assertValidInstant(instant);
  return new Date(instant.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
}

/** 00:00:00.000 CST of a civil date. */
export function cstStartOfDay(date: string): Date {
  return new Date(dayNumber(date) * DAY_MS - CST_OFFSET_MS);
}

/** 23:59:59.999 CST of a civil date: the due instant of a day-based period ending that day. */
export function cstEndOfDay(date: string): Date {
  return new Date(dayNumber(date) * DAY_MS - CST_OFFSET_MS + DAY_MS - 1);
}

/** hh:mm CST on a civil date. */
export function cstAt(date: string, hour: number, minute = 0): Date {
  return new Date(cstStartOfDay(date).getTime() + hour * 3_600_000 + minute * 60_000);
}

/**
 * An instant as 'YYYY-MM-DDTHH:mm:ss+08:00'. Precision is the second, truncated (a day-based due
 * instant 23:59:59.999 prints as 23:59:59), everywhere in this module.
 */
export function formatCst(instant: Date): string {
  assertValidInstant(instant);
  return `${new Date(instant.getTime() + CST_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

const INSTANT_RE = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Parses 'YYYY-MM-DD' (00:00 CST that day), 'YYYY-MM-DDTHH:mm[:ss[.sss]]' (CST wall time) or the same
 * with 'Z' / '±HH:MM'. Throws RangeError otherwise.
 */
export function parseCstInstant(s: string): Date {
  const m = INSTANT_RE.exec(s.trim());
  if (!m) throw new RangeError(`not a date or date-time: ${JSON.stringify(s)}`);
  const [, date, hh, mm, ss, ms, zone] = m;
  if (date === undefined) throw new RangeError(`not a date: ${JSON.stringify(s)}`);
  const base = cstStartOfDay(date).getTime(); // validates the date part
  if (hh === undefined || mm === undefined) return new Date(base);
  const h = Number(hh);
  const mi = Number(mm);
  const sec = ss === undefined ? 0 : Number(ss);
  if (h > 23 || mi > 59 || sec > 59) throw new RangeError(`bad time of day: ${JSON.stringify(s)}`);
  const millis = ms === undefined ? 0 : Number(ms.padEnd(3, '0'));
  let offsetMs = CST_OFFSET_MS;
  if (zone === 'Z') offsetMs = 0;
  else if (zone !== undefined) {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    offsetMs = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4))) * 60_000;
  }
  // base is midnight CST; shift to midnight at the given offset, then add the wall time.
  return new Date(base + CST_OFFSET_MS - offsetMs + ((h * 60 + mi) * 60 + sec) * 1000 + millis);
}

export function assertValidInstant(d: Date): void {
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) throw new RangeError('invalid Date');
}

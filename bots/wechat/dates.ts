// Colloquial Chinese dates → 'YYYY-MM-DD' (China Standard Time), relative to `now`. Pure.
// Understands 今天/昨天/前天/大前天, N天前, 上周五/上星期五/上礼拜五, 这周三/周三, 上个月20号,
// 11月20号, 2026年11月20日, 2026-11-20, 11.20, 11/20, and ignores the time of day (中午, 晚上7点).
// A month/day without a year that would be in the future means last year. Returns null when unsure.

const CST_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 … 三十一, 十二, 二十五; plain digits pass through. */
export function chineseNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if (!/^[零〇一二两三四五六七八九十]+$/.test(s)) return null;
  if (s.includes('十')) {
    const [a, b] = s.split('十') as [string, string];
    const tens = a === '' ? 1 : (CN_DIGITS[a] ?? NaN);
    const ones = b === '' ? 0 : (CN_DIGITS[b] ?? NaN);
    const n = tens * 10 + ones;
    return Number.isNaN(n) ? null : n;
  }
  let n = 0;
  for (const ch of s) n = n * 10 + (CN_DIGITS[ch] ?? NaN);
  return Number.isNaN(n) ? null : n;
}

const WEEKDAY: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7, '1': 1, '2': 2, '3': 3, '4': 4, '5': 5, '6': 6, '7': 7 };

function cstParts(now: Date): { y: number; m: number; d: number; dayNo: number; weekday: number } {
  const t = new Date(now.getTime() + CST_MS);
  const dayNo = Math.floor((now.getTime() + CST_MS) / DAY_MS);
  const wd = t.getUTCDay();
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate(), dayNo, weekday: wd === 0 ? 7 : wd };
}

const iso = (dayNo: number) => new Date(dayNo * DAY_MS).toISOString().slice(0, 10);

function ymd(y: number, m: number, d: number): number | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  if (back.getUTCMonth() !== m - 1) return null;
  return t / DAY_MS;
}

const NUM = '(\\d{1,4}|[零〇一二两三四五六七八九十]{1,3})';

export function parseIncidentDate(input: string, now: Date): string | null {
  const s = input
    .replace(/[\uFF10-\uFF19]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '')
    .replace(/礼拜|星期/g, '周');
  const today = cstParts(now);
  const notFuture = (n: number | null) => (n !== null && n <= today.dayNo ? iso(n) : null);

  // Full dates: 2026年11月20日 / 2026-11-20 / 2026.11.20 / 2026/11/20
  let m = /(\d{4})[年\-./](\d{1,2})[月\-./](\d{1,2})/.exec(s);
  if (m) return notFuture(ymd(Number(m[1]), Number(m[2]), Number(m[3])));

  // Relative days
  if (/大前天/.test(s)) return iso(today.dayNo - 3);
  if (/前天/.test(s)) return iso(today.dayNo - 2);
  if (/昨[天日晚]|昨儿/.test(s)) return iso(today.dayNo - 1);
  if (/今[天日早晚]|今儿|刚才|刚刚|早上|上午|中午|下午|晚上/.test(s) && !/[月号日周]/.test(s.replace(/今日/, ''))) return iso(today.dayNo);
  m = new RegExp(`${NUM}天(以)?前`).exec(s);
  if (m) {
    const n = chineseNumber(m[1]!);
    if (n !== null && n <= 3650) return iso(today.dayNo - n);
  }

  // Weeks: 上上周五, 上周五, 这周三 / 本周三 / 周三 (the most recent one, today included)
  m = /(上上|上|这|本|)周([一二三四五六日天1-7])/.exec(s);
  if (m) {
    const wd = WEEKDAY[m[2]!]!;
    const mondayThisWeek = today.dayNo - (today.weekday - 1);
    if (m[1] === '上上') return iso(mondayThisWeek - 14 + wd - 1);
    if (m[1] === '上') return iso(mondayThisWeek - 7 + wd - 1);
    const d = mondayThisWeek + wd - 1;
    if (m[1] === '这' || m[1] === '本') return notFuture(d);
    return iso(d <= today.dayNo ? d : d - 7);
  }

  // 上个月20号
  m = new RegExp(`上个?月${NUM}[号日]`).exec(s);
  if (m) {
    const d = chineseNumber(m[1]!);
    const y = today.m === 1 ? today.y - 1 : today.y;
    const mo = today.m === 1 ? 12 : today.m - 1;
    return d === null ? null : notFuture(ymd(y, mo, d));
  }

  // 11月20号 / 十一月二十日 / 11.20 / 11/20 (year omitted: the latest such date not in the future)
  m = new RegExp(`${NUM}月${NUM}[号日]?`).exec(s) ?? /(?<![\d.])(\d{1,2})[./](\d{1,2})(?![\d./])/.exec(s);
  if (m) {
    const mo = chineseNumber(m[1]!);
    const d = chineseNumber(m[2]!);
    if (mo === null || d === null) return null;
    const thisYear = ymd(today.y, mo, d);
    if (thisYear === null) return null;
    return iso(thisYear <= today.dayNo ? thisYear : (ymd(today.y - 1, mo, d) ?? thisYear));
  }

  // 20号 (this month, or last month if that is still to come)
  m = new RegExp(`(?<![月\\d])${NUM}[号日]`).exec(s);
  if (m) {
    const d = chineseNumber(m[1]!);
    if (d === null) return null;
    const here = ymd(today.y, today.m, d);
    if (here !== null && here <= today.dayNo) return iso(here);
    const y = today.m === 1 ? today.y - 1 : today.y;
    const mo = today.m === 1 ? 12 : today.m - 1;
    return notFuture(ymd(y, mo, d));
  }
  return null;
}

/** "不记得", "不清楚", "忘了": the citizen does not know the date. */
export function saysUnknownDate(input: string): boolean {
  return /不记得|记不清|不清楚|忘了|不知道|想不起|说不准|跳过/.test(input);
}

// When it happened: the time phrase a citizen wrote (its span) and the calendar date it means
// (China Standard Time), relative to `now`. Pure. Reads 今天/昨天/前天/大前天, the Henan 今儿(个)/夜儿个/
// 夜个/前儿个/大前儿个, N天前, 上周五/上星期五/上礼拜五, 这周三/周三, 月初/月中/月底 (this or last month),
// 上个月20号, 11月20号, 2026年11月20日, 2026-11-20, 11.20, 11/20, lunar dates (腊月二十三, 正月十五, 农历八月十五)
// and festivals (除夕, 春节, 元宵节, 端午, 中秋, 国庆, 元旦), ignoring the time of day (中午, 晚上7点).
// A date without a year that would be in the future means last year. Returns null when unsure.
import chineseDays from 'chinese-days';

const CST_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 … 三十一, 十二, 二十五, 廿三; plain digits pass through. */
export function chineseNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  const t = s.replace(/^廿/, '二十').replace(/^卅/, '三十').replace(/^初/, '');
  if (!/^[零〇一二两三四五六七八九十]+$/.test(t)) return null;
  if (t.includes('十')) {
    const [a, b] = t.split('十') as [string, string];
    const tens = a === '' ? 1 : (CN_DIGITS[a] ?? Number.NaN);
    const ones = b === '' ? 0 : (CN_DIGITS[b] ?? Number.NaN);
    const n = tens * 10 + ones;
    return Number.isNaN(n) ? null : n;
  }
  // "三四天前", "两三天前": two neighbouring digits are a rough count, not 34; the larger is taken.
  if (t.length === 2) {
    const a = CN_DIGITS[t[0]!];
    const b = CN_DIGITS[t[1]!];
    if (a !== undefined && b === a + 1 && a > 0) return b;
  }
  let n = 0;
  for (const ch of t) n = n * 10 + (CN_DIGITS[ch] ?? Number.NaN);
  return Number.isNaN(n) ? null : n;
}

const WEEKDAY: Record<string, number> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  日: 7,
  天: 7,
  '1': 1,
  '2': 2,
  '3': 3,
  '4': 4,
  '5': 5,
  '6': 6,
  '7': 7,
};

function cstParts(now: Date): { y: number; m: number; d: number; dayNo: number; weekday: number } {
  const t = new Date(now.getTime() + CST_MS);
  const dayNo = Math.floor((now.getTime() + CST_MS) / DAY_MS);
  const wd = t.getUTCDay();
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate(), dayNo, weekday: wd === 0 ? 7 : wd };
}

const iso = (dayNo: number): string => new Date(dayNo * DAY_MS).toISOString().slice(0, 10);
const dayNoOf = (isoDate: string): number => Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS;

function ymd(y: number, m: number, d: number): number | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const t = Date.UTC(y, m - 1, d);
  if (new Date(t).getUTCMonth() !== m - 1) return null;
  return t / DAY_MS;
}

const NUM = '(\\d{1,4}|[零〇一二两三四五六七八九十]{1,3})';
const LUNAR_MONTHS: Record<string, number> = {
  正: 1,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
  冬: 11,
  十一: 11,
  腊: 12,
  十二: 12,
};
const LUNAR_FESTIVALS: readonly [RegExp, number, number][] = [
  [/除夕|大年三十|年三十/, 12, 30],
  [/小年/, 12, 23],
  [/大年初一|春节|过年那天/, 1, 1],
  [/元宵节?|正月十五/, 1, 15],
  [/端午节?/, 5, 5],
  [/七夕/, 7, 7],
  [/中秋节?|八月十五/, 8, 15],
  [/重阳节?/, 9, 9],
];
const SOLAR_FESTIVALS: readonly [RegExp, number, number][] = [
  // "双十一那天": the shopping day (11-11), not the National Day holiday.
  [/双(十一|11)/, 11, 11],
  [/双(十二|12)/, 12, 12],
  [/元旦/, 1, 1],
  [/五一|劳动节/, 5, 1],
  [/国庆节?|(?<!双)十一(假期|长假|那天)/, 10, 1],
  [/六一|儿童节/, 6, 1],
  [/平安夜/, 12, 24],
  [/圣诞节?/, 12, 25],
];

/** The most recent solar date (≤ today) of lunar month/day; null outside the library's range. */
function lunarToSolar(month: number, day: number, today: number): number | null {
  const lunarYearNow = (() => {
    try {
      return chineseDays.getLunarDate(iso(today)).lunarYear;
    } catch {
      return null;
    }
  })();
  if (lunarYearNow === null) return null;
  for (const ly of [lunarYearNow, lunarYearNow - 1]) {
    // 除夕 is the last day of the 12th month: 29 in a short month.
    for (const d of day === 30 && month === 12 ? [30, 29] : [day]) {
      try {
        const r = chineseDays.getSolarDateFromLunar(`${ly}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
        const n = dayNoOf(r.date);
        if (Number.isFinite(n) && n <= today) return n;
        break;
      } catch {
        // not a date of that lunar month (a short month): try the next candidate
      }
    }
  }
  return null;
}

function latest(month: number, day: number, today: { y: number; dayNo: number }): number | null {
  const thisYear = ymd(today.y, month, day);
  if (thisYear === null) return null;
  return thisYear <= today.dayNo ? thisYear : ymd(today.y - 1, month, day);
}

/** The date a time phrase means, as YYYY-MM-DD (CST), or null. */
export function parseIncidentDate(input: string, now: Date): string | null {
  const s = input
    .replace(/[\uFF10-\uFF19]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '')
    .replace(/礼拜|星期/g, '周')
    // 反正 ("anyway") holds no lunar 正月.
    .replace(/反正/g, '反之')
    // 上个礼拜三 = 上周三, 上上个星期五 = 上上周五, 这个周末 = 这周末 (个 is only a measure word here)
    .replace(/(上上|上|这)个周/g, '$1周')
    // "八千乡周六集": the Saturday market is a place, not a day.
    .replace(/(?<![上这本个])周[一二三四五六日天](?=[集会])/g, '集市');
  const today = cstParts(now);
  const notFuture = (n: number | null): string | null => (n !== null && n <= today.dayNo ? iso(n) : null);

  // English: "last Friday", "2 days ago", "December 3rd", "the day before yesterday".
  if (/[a-z]{3}/i.test(input)) {
    const en = englishDate(input, today);
    if (en !== null) return en;
  }

  // Full dates: 2026年11月20日 / 2026-11-20 / 2026.11.20 / 2026/11/20
  let m = /(\d{4})[年\-./](\d{1,2})[月\-./](\d{1,2})/.exec(s);
  if (m) return notFuture(ymd(Number(m[1]), Number(m[2]), Number(m[3])));

  // Relative days, standard and Henan (夜儿个 = yesterday, 前儿个 = the day before).
  if (/大前天|大前儿/.test(s)) return iso(today.dayNo - 3);
  if (/前天|前儿个|前儿|(?<![天周月])前晚/.test(s)) return iso(today.dayNo - 2);
  if (/昨[天日晚儿个夜]|夜儿个?|夜个|夜里个|yesterday/.test(s)) return iso(today.dayNo - 1);
  // "刚才说错了" is about the chat, not the incident.
  if (
    /今[日早晚]|今天(?![^，。,]{0,3}(说|讲|反映|问问|投诉|举报|找你|打电话|好点|好多|好些|好了|没事|不拉|不吐|缓过来))|今儿|(刚才|刚刚)(?!说|讲|发|打|写|问|那|的话|是我|在(开会|忙|上班|开车|吃饭|做饭|睡觉|接孩子|送孩子))|today|this morning|tonight/.test(
      s,
    )
  )
    return iso(today.dayNo);
  m = new RegExp(`${NUM}天(以)?前`).exec(s);
  if (m) {
    const n = chineseNumber(m[1]!);
    if (n !== null && n <= 3650) return iso(today.dayNo - n);
  }

  // N周前 / 一个礼拜前 / 半个月前 / 两个月前 (礼拜 and 星期 read as 周 above)
  m = new RegExp(`(半|${NUM})个?(周|月)(以)?前`).exec(s);
  if (m) {
    const unit = m[3]; // m[2] is NUM's own group
    if (m[1] === '半') return unit === '月' ? iso(today.dayNo - 15) : null;
    const n = chineseNumber(m[1]!);
    if (n === null || n < 1 || n > 120) return null;
    if (unit === '周') return iso(today.dayNo - 7 * n);
    const back = today.y * 12 + (today.m - 1) - n;
    const y = Math.floor(back / 12);
    const mo = (back % 12) + 1;
    for (let d = today.d; d >= 28; d--) {
      const hit = ymd(y, mo, d);
      if (hit !== null) return iso(hit);
    }
    return iso(ymd(y, mo, Math.min(today.d, 28))!);
  }

  // Weekends: 上周末, 上上周末, 这周末, 周末 (the Saturday; a bare 周末 is the latest one begun)
  m = /(上上|上|这|本|)周末/.exec(s);
  if (m) {
    const saturdayThisWeek = today.dayNo - (today.weekday - 1) + 5;
    if (m[1] === '上上') return iso(saturdayThisWeek - 14);
    if (m[1] === '上') return iso(saturdayThisWeek - 7);
    if (m[1] === '这' || m[1] === '本') return notFuture(saturdayThisWeek);
    return iso(saturdayThisWeek <= today.dayNo ? saturdayThisWeek : saturdayThisWeek - 7);
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

  // Lunar dates: 腊月二十三, 正月十五, 农历八月十五, 冬月初八
  m =
    /(农历|阴历)?(正|冬|腊|十一|十二|[一二三四五六七八九十])月(初[一二三四五六七八九十]|廿[一二三四五六七八九]?|[一二三四五六七八九十]{1,3})/.exec(
      s,
    );
  if (m && (m[1] !== undefined || /^(正|冬|腊)$/.test(m[2]!) || m[3]!.startsWith('初') || m[3]!.startsWith('廿'))) {
    const mo = LUNAR_MONTHS[m[2]!];
    const d = chineseNumber(m[3]!);
    if (mo !== undefined && d !== null && d >= 1 && d <= 30) return notFuture(lunarToSolar(mo, d, today.dayNo));
  }
  // "中秋节前一天": the festival's date moved by a day.
  const shift = /(前一天|前一日|前夕|头一天)/.test(s) ? -1 : /(后一天|第二天|次日)/.test(s) ? 1 : 0;
  const moved = (n: number | null): number | null => (n === null ? null : n + shift);
  for (const [re, mo, d] of LUNAR_FESTIVALS) if (re.test(s)) return notFuture(moved(lunarToSolar(mo, d, today.dayNo)));
  for (const [re, mo, d] of SOLAR_FESTIVALS) if (re.test(s)) return notFuture(moved(latest(mo, d, today)));

  // 11月底 / 十一月中旬 / 10月初 (year omitted: the latest such time not in the future)
  m = new RegExp(`${NUM}月(月初|初|上旬|月中|中旬|中|下旬|底|末)`).exec(s);
  if (m) {
    const mo = chineseNumber(m[1]!);
    const part = m[2]!;
    const day = /初|上旬/.test(part) ? 3 : /中/.test(part) ? 15 : 28;
    if (mo === null) return null;
    const thisYear = ymd(today.y, mo, day);
    if (thisYear === null) return null;
    const first = ymd(today.y, mo, 1)!;
    // The part of the current month already begun: its day, or today if that is still to come.
    if (first <= today.dayNo) return iso(Math.min(thisYear, today.dayNo));
    return notFuture(ymd(today.y - 1, mo, day));
  }

  // 这个月一号 / 本月3号: this month's day (none if it is still to come).
  m = new RegExp(`(?:这个?月|本月)${NUM}[号日]`).exec(s);
  if (m) {
    const d = chineseNumber(m[1]!);
    const here = d === null ? null : ymd(today.y, today.m, d);
    return here !== null && here <= today.dayNo ? iso(here) : null;
  }
  // 上个月20号 / 上个月初 / 月初 / 月底 (this month unless it would be in the future)
  m = new RegExp(`上个?月${NUM}[号日]`).exec(s);
  if (m) {
    const d = chineseNumber(m[1]!);
    const y = today.m === 1 ? today.y - 1 : today.y;
    const mo = today.m === 1 ? 12 : today.m - 1;
    return d === null ? null : notFuture(ymd(y, mo, d));
  }
  m = /(上个?月|这个?月|本月|)(月初|初|月中|中旬|月底|月末|底|下旬|上旬)/.exec(s);
  // "月底我就不干了": a plan for the month's end, not when something happened.
  const planned = m !== null && m[1] === '' && /^(我|俺)?(就|就要|要|会|准备|打算)/.test(s.slice(m.index + m[0].length));
  if (m && (m[1] !== '' || /^月/.test(m[2]!)) && !planned) {
    const part0 = m[2]!;
    const day0 = /初|上旬/.test(part0) ? 3 : /中/.test(part0) ? 15 : 28;
    // A bare "月底" before this month's end has come is the last month's.
    const last = m[1]!.startsWith('上') || (m[1] === '' && day0 > today.d);
    const y = last && today.m === 1 ? today.y - 1 : today.y;
    const mo = last ? (today.m === 1 ? 12 : today.m - 1) : today.m;
    const part = m[2]!;
    const day = /初|上旬/.test(part) ? 3 : /中/.test(part) ? 15 : 28;
    const n = ymd(y, mo, day);
    if (n !== null) return iso(Math.min(n, today.dayNo));
  }

  // 11月20号 / 十一月二十日 / 11.20 / 11/20 (year omitted: the latest such date not in the future)
  m =
    new RegExp(`${NUM}月${NUM}[号日]?`).exec(s) ??
    /(?<![\d.])(\d{1,2})[./](\d{1,2})(?![\d./])(?!(元|块|斤|两|公斤|克|千克|kg|g\b|倍|折|万|米|%|个|瓶|盒|袋|包|分|角|毛|度|升|l\b|ml|岁|小时|天|寸))/i.exec(
      s,
    );
  if (m) {
    const mo = chineseNumber(m[1]!);
    const d = chineseNumber(m[2]!);
    if (mo === null || d === null) return null;
    const n = latest(mo, d, today);
    return n === null ? null : iso(n);
  }

  // 20号 (this month, or last month if that is still to come)
  m = new RegExp(`(?<![月\\d])${NUM}[号日]${NOT_A_DAY}`).exec(s);
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

const EN_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const EN_WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const EN_NUMBERS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/**
 * English dates: "December 3rd", "3 Dec", "the day before yesterday", "yesterday", "last night", "today",
 * "2 days ago", "a week ago", "last Friday" (last week's), "on Friday"/"Friday" (the latest, today
 * included), "last weekend" (its Saturday). Null when none.
 */
function englishDate(input: string, today: ReturnType<typeof cstParts>): string | null {
  const t = input.toLowerCase();
  const md = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b/.exec(t);
  const dm = /\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/.exec(t);
  const hit = md ? { m: md[1]!, d: Number(md[2]) } : dm ? { m: dm[2]!, d: Number(dm[1]) } : null;
  if (hit) {
    const n = latest(EN_MONTHS.indexOf(hit.m) + 1, hit.d, today);
    return n === null ? null : iso(n);
  }
  if (/day before yesterday/.test(t)) return iso(today.dayNo - 2);
  if (/yesterday|last night/.test(t)) return iso(today.dayNo - 1);
  if (/\btoday\b|this morning|tonight|this afternoon|this evening|just now/.test(t)) return iso(today.dayNo);
  const ago = /\b(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+(day|week|month)s?\s+ago\b/.exec(t);
  if (ago) {
    const w = ago[1]!;
    const n = /^\d+$/.test(w) ? Number(w) : w === 'a' || w === 'an' ? 1 : EN_NUMBERS.indexOf(w);
    if (n < 1 || n > 3650) return null;
    if (ago[2] === 'day') return iso(today.dayNo - n);
    if (ago[2] === 'week') return iso(today.dayNo - 7 * n);
    return parseIncidentDate(`${n}个月前`, new Date(today.dayNo * DAY_MS - CST_MS + 12 * 3_600_000));
  }
  // "the day before the National Day holiday": the festival, as in Chinese, moved by a day.
  const festival = (
    [
      [/national day/, '国庆节'],
      [/mid-?autumn/, '中秋节'],
      [/spring festival|chinese new year|lunar new year/, '春节'],
      [/dragon boat/, '端午节'],
      [/lantern festival/, '元宵节'],
      [/new year'?s day/, '元旦'],
      [/labou?r day|may day/, '五一'],
    ] as const
  ).find(([re]) => re.test(t));
  if (festival) {
    const shift = /day before/.test(t) ? '前一天' : /day after/.test(t) ? '后一天' : '';
    return parseIncidentDate(`${festival[1]}${shift}`, new Date(today.dayNo * DAY_MS - CST_MS + 12 * 3_600_000));
  }
  const monday = today.dayNo - (today.weekday - 1);
  if (/last weekend/.test(t)) return iso(monday - 7 + 5);
  if (/this weekend/.test(t)) return notAfter(monday + 5, today.dayNo);
  const wd = EN_WEEKDAYS.findIndex((w) => new RegExp(`\\b${w}\\b`).test(t));
  if (wd >= 0) {
    if (/\blast\s+(week\s+)?\w*day\b/.test(t) || /\blast week\b/.test(t)) return iso(monday - 7 + wd);
    const d = monday + wd;
    return iso(d <= today.dayNo ? d : d - 7);
  }
  return null;
}

function notAfter(n: number, today: number): string | null {
  return n <= today ? iso(n) : null;
}

/** "不记得", "不清楚", "忘了": the citizen does not know the date. */
export function saysUnknownDate(input: string): boolean {
  return /不记得|记不清|不清楚|忘了|不知道|想不起|说不准|跳过|不晓得|记不住|don'?t (remember|know)|not sure/i.test(input);
}

// ---------------------------------------------------------------------------------------------------
// Finding the phrase in running text

/** "6号宿舍楼", "2号门", "3号窗口": a number of a building, a gate or a stall, not a day. */
const NOT_A_DAY = '(?![\\d楼宿院门房室单铺摊窗线公店车床柜档位桥街路巷厅馆口烘超商仓厂坊餐冷作蛋棚])';

const DAY_WORD =
  '大前天|大前儿个?|前天|(?<![天周月])前晚|昨天|昨日|昨晚|昨夜|昨儿个?|昨个|今天(?![^，。,]{0,3}(?:说|讲|反映|问问|投诉|举报|找你|打电话|好点|好多|好些|好了|没事|不拉|不吐|缓过来))|今日|今早|今晚|今儿个?|夜儿个?|夜个|前儿个?|(?:刚才|刚刚)(?!说|讲|发|打|写|问|那|的话|是我|在(?:开会|忙|上班|开车|吃饭|做饭|睡觉|接孩子|送孩子))|前几天|这几天|' +
  '上上个?(周|星期|礼拜)[一二三四五六日天末]|上个?(周|星期|礼拜)[一二三四五六日天末]|上个?(周末|星期|礼拜)|上周|这个?(周|星期|礼拜)[一二三四五六日天末]|本周[一二三四五六日天末]|' +
  // "两周天天这样": 周天 after a number of weeks is no Sunday.
  // ("八千乡周六集": the Saturday market is a place, not a day.)
  '(?<![一二三四五六七八九十两几\\d个])周[一二三四五六日天末](?![集会])|(?<![一二三四五六七八九十两几\\d个])星期[一二三四五六日天](?![集会])|(?<![一二三四五六七八九十两几\\d个])礼拜[一二三四五六日天](?![集会])|' +
  '双(?:十一|11|十二|12)|' +
  '(\\d{1,2}|[一二三四五六七八九十]{1,3})月(初|上旬|中旬|下旬|底|末)|' +
  '(这个?月|本月)(\\d{1,2}|[一二三四五六七八九十]{1,3})[号日]|上个?月(\\d{1,2}|[一二三四五六七八九十]{1,3})[号日]|上个?月(初|底|末|中旬|中)?|这个?月(初|底)|月初|月底|月中|去年|前年|年前|年后|' +
  '(农历|阴历)(正|冬|腊|十一|十二|[一二三四五六七八九十])月(初[一二三四五六七八九十]|廿[一二三四五六七八九]?|[一二三四五六七八九十]{1,3})?|' +
  '(?<!反)(正|冬|腊)月(初[一二三四五六七八九十]|廿[一二三四五六七八九]?|[一二三四五六七八九十]{1,3})?|' +
  // ("中秋节前一天", "国庆节后一天": a festival and a day on either side of it.)
  '(?:除夕|大年三十|大年初[一二三四五六]|春节|元宵节?|端午节?|中秋节?|国庆节?|元旦|五一|小年)(?:前一天|前一日|前夕|头一天|后一天|第二天|次日)?|' +
  '\\d{4}[年\\-./]\\d{1,2}[月\\-./]\\d{1,2}[日号]?|\\d{1,2}月\\d{1,2}[日号]?|[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}[日号]|' +
  // ("新区8排3号", "5栋2号": an address's number, not a day.)
  `(?<![\\d.排栋幢组巷院区室])\\d{1,2}[号日]${NOT_A_DAY}|` +
  // "12.2号早上": month and day with a dot, only when a day or time word follows (not "3.5元", "2.5斤").
  '(?<![\\d.])(?:1[0-2]|0?[1-9])[./](?:[12]\\d|3[01]|0?[1-9])(?=[号日]|早|晚|中午|上午|下午|凌晨|那天|当天)[号日]?|' +
  '[一二三四五六七八九十两几\\d]{1,3}(天|个星期|个礼拜|礼拜|星期|个周|周|个月)(以)?前|半个月前|' +
  "(the day (before|after) (the )?)?(national day|mid-?autumn|spring festival|chinese new year|dragon boat|new year's day)|" +
  '(the )?day before yesterday|yesterday|today|last (week|weekend|night|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|this morning|tonight|' +
  '(on )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)|' +
  '(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.? \\d{1,2}(st|nd|rd|th)?|\\d{1,2}(st|nd|rd|th)? (of )?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|' +
  '(a few|a|an|one|two|three|four|five|six|seven|\\d+) (days?|weeks?|months?) ago';
const TIME_OF_DAY =
  '(的)?(早上|早晨|清早|清早起|上午|中午|晌午|下午|傍晚|晚上|黑价|黑了|半夜|夜里|凌晨|饭点)?((\\d{1,2}|[一二三四五六七八九十两]{1,3})(点|时)(半|多|钟|左右)?)?';
const TIME_RE = new RegExp(`(${DAY_WORD})${TIME_OF_DAY}`, 'g');

export interface TimePhrase {
  start: number;
  end: number;
  text: string;
  /** YYYY-MM-DD when `now` was given and the phrase names a day; null otherwise. */
  date: string | null;
}

/** The first time phrase of a (normalised) text: where the event happened. */
export function findTimePhrase(norm: string, now: Date | null): TimePhrase | null {
  TIME_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  let rough: TimePhrase | null = null;
  while ((m = TIME_RE.exec(norm)) !== null) {
    const text = m[0];
    // 五一 inside a number, 周末 alone as "weekends" in a habit ("每个周末") — skip habits.
    const before = norm.slice(Math.max(0, m.index - 2), m.index);
    if (/每个?$|^每/.test(before)) continue;
    if (text === '五一' && /[\d一二三四五六七八九十]$/.test(before)) continue;
    // "我刚才不是说了吗", "刚才语音转的字": when something was said in this chat, not when it happened.
    if (
      /^(刚才|刚刚|刚)$/.test(text) &&
      /^(不是|都|已经|就|忘了?)?(说|讲|问|发|告诉|提|写|打|语音|转|那条|那句|输入)/.test(norm.slice(m.index + text.length))
    )
      continue;
    // "跟窗口说 他说今天早上现包的": a time in what the business said is its claim, not when it happened.
    if (
      /(他|她|老板|店员|服务员|窗口|人家|他们|店里|商家)(还|就|却|非)?(说|讲|讲的是|说是)[:：]?\s*$/.test(
        norm.slice(Math.max(0, m.index - 8), m.index),
      )
    )
      continue;
    // "保质期到11月25号", "生产日期是10月3号": a date printed on the goods, not when it happened.
    if (
      /(保质期|有效期|过期日期|到期日|生产日期|生产日|出厂日期|日期)(是|为|到|至|写的|写着|印的|标的)?[:：]?\s*$/.test(
        norm.slice(Math.max(0, m.index - 8), m.index),
      )
    )
      continue;
    // "月底我就不干了", "下个月初我要搬走": a plan, not when it happened.
    if (/^(月底|月末|月初|月中)$/.test(text) && /^(我|俺)?(就|就要|要|会|准备|打算)/.test(norm.slice(m.index + text.length))) continue;
    // "这个月初，就这礼拜三上午": a rough time narrowed down at once — the day named after it counts.
    if (
      /(月初|月底|月末|月中|上旬|中旬|下旬|前几天|前一阵|最近)$/.test(text) &&
      /^[，,、\s]*(就是?|也就是|具体(是|说)|准确(说|地说)?是?)[，,\s]*(这|上|本|那|今|昨|前|周|星期|礼拜|\d|[一二三四五六七八九十])(?!样|么|些)/.test(
        norm.slice(m.index + text.length),
      )
    ) {
      rough ??= { start: m.index, end: m.index + text.length, text, date: now === null ? null : parseIncidentDate(text, now) };
      continue;
    }
    // A correction names the wrong time first: "不是昨天是前天", "不是上周五，是上周四" — the one after 是 counts.
    if (/不是$/.test(before)) {
      const rest = norm.slice(m.index + text.length);
      const corrected = /^[，,、\s]*(而)?是/.exec(rest);
      if (corrected !== null) continue;
    }
    // Corrected in the same breath: "我昨天 哦不 是大前天晚上", "昨天，不对，前天" — the time after it counts.
    const selfCorrected =
      /^[，,、\s]*(哦|噢|喔|呃|啊|额)?[，,、\s]*(不对|不不|不是|说错了|记错了|哦不|噢不|不)[，,、\s!！]*(应该)?(是)?/.exec(
        norm.slice(m.index + text.length),
      );
    if (selfCorrected !== null && selfCorrected[0].trim().length > 0) {
      const at = m.index + text.length + selfCorrected[0].length;
      const next = new RegExp(TIME_RE.source, 'y');
      next.lastIndex = at;
      if (next.exec(norm) !== null) continue;
    }
    const found = { start: m.index, end: m.index + text.length, text, date: now === null ? null : parseIncidentDate(text, now) };
    // The day named after a rough time that cannot be read (in the future): the rough time stands.
    return found.date === null && rough?.date ? rough : found;
  }
  return rough;
}

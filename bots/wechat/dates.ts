// The bot reads dates through the understanding engine (src/understanding/dates.ts).
import { parseIncidentDate } from '../../src/understanding/dates.ts';

export { chineseNumber, parseIncidentDate, saysUnknownDate } from '../../src/understanding/dates.ts';

/**
 * The day a correction means: "出殡是周五 周四是守灵 吃席是周五中午" names several, the one with the meal (or the
 * buying) is it, else the first; a bare weekday ("周五") corrects within the week of the day it replaces ("上周四"
 * → 上周五), as the citizen means.
 */
export function correctedDay(value: string, was: string | null, now: Date): string | null {
  const dated = value
    .split(/[，,。；;\s]+/)
    .map((c) => ({ c, date: parseIncidentDate(c, now) }))
    .filter((x): x is { c: string; date: string } => x.date !== null);
  if (dated.length === 0) return null;
  const pick =
    dated.find((x) => /吃|席|买|点|喝|去|看见|发现/.test(x.c) && !/没|不是|不在/.test(x.c)) ??
    dated.find((x) => !/没|不是|不在/.test(x.c)) ??
    dated[0]!;
  const bare = /(周|星期|礼拜)([一二三四五六日天])/.exec(pick.c);
  if (!bare || !was || /(上|这|本|下|今|昨|前|后)(个)?(周|星期|礼拜)/.test(pick.c)) return pick.date;
  const WD = '一二三四五六';
  const wdOf = (ch: string) => (WD.includes(ch) ? WD.indexOf(ch) + 1 : 7);
  const old = new Date(`${was}T00:00:00Z`);
  const oldWd = old.getUTCDay() === 0 ? 7 : old.getUTCDay();
  const shifted = new Date(old.getTime() + (wdOf(bare[2]!) - oldWd) * 86_400_000);
  const iso = shifted.toISOString().slice(0, 10);
  // (Never a day still to come.)
  return iso <= parseIncidentDate('今天', now)! ? iso : pick.date;
}

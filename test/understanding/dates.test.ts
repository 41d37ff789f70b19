// Time expressions citizens write (issue #13: "上个礼拜三", "上周末" were misread or missed), resolved
// against Saturday 2026-12-05 10:00 CST, in a phrase alone and inside running text.
import { describe, expect, it } from 'vitest';
import { findTimePhrase, parseIncidentDate } from '../../src/understanding/dates.ts';
import { normaliseKeepingOffsets as normalise } from '../../src/understanding/normalise.ts';

const NOW = new Date('2026-12-05T02:00:00Z');

describe('parseIncidentDate', () => {
  it.each([
    ['住学校6号宿舍楼，今天早上买的', '2026-12-05'],
    ['从2号门进去那家', null],
    ['三四天前吧 记不太清', '2026-12-01'],
    ['两三天前', '2026-12-02'],
    ['刚才说错了 不是烩面馆是面包店', null],
    ['刚才在超市买的', '2026-12-05'],
    ['上个礼拜三', '2026-11-25'],
    ['上个周五', '2026-11-27'],
    ['上上个礼拜五', '2026-11-20'],
    ['上个星期天', '2026-11-29'],
    ['上周末', '2026-11-28'],
    ['上个周末', '2026-11-28'],
    ['这周末', '2026-12-05'],
    ['周末', '2026-12-05'],
    ['一个礼拜前', '2026-11-28'],
    ['两周前', '2026-11-21'],
    ['半个月前', '2026-11-20'],
    ['两个月前', '2026-10-05'],
    ['昨个晚上', '2026-12-04'],
    ['昨夜', '2026-12-04'],
    ['前晚', '2026-12-03'],
    ['三天前晚上', '2026-12-02'],
    ['11月底', '2026-11-28'],
    ['十一月中旬', '2026-11-15'],
    ['12月初', '2026-12-03'],
    ['12月底', '2026-12-05'],
    ['last Friday', '2026-11-27'],
    ['on Tuesday', '2026-12-01'],
    ['two days ago', '2026-12-03'],
    ['a week ago', '2026-11-28'],
    ['last weekend', '2026-11-28'],
    ['the day before yesterday', '2026-12-03'],
    ['November 20', '2026-11-20'],
    ['Wednesday, December 2nd', '2026-12-02'],
    // unchanged readings
    ['上周五', '2026-11-27'],
    ['这周一早上', '2026-11-30'],
    ['夜儿个晌午', '2026-12-04'],
  ])('%s → %s', (text, date) => {
    expect(parseIncidentDate(text, NOW)).toBe(date);
  });

  it('a habit or a vague time is no date', () => {
    expect(parseIncidentDate('上个星期', NOW)).toBeNull();
    expect(parseIncidentDate('前几天', NOW)).toBeNull();
  });
});

describe('findTimePhrase in running text', () => {
  it.each([
    ['我上个礼拜三在华联超市买的牛奶过期了', '2026-11-25'],
    ['上周末在老杨家吃饭拉肚子', '2026-11-28'],
    ['一个礼拜前买的月饼发霉了', '2026-11-28'],
    ['11月底买的酸奶，一股酸臭味', '2026-11-28'],
    ['前晚在烧烤摊吃的羊肉串', '2026-12-03'],
    ['I bought it last Friday at the supermarket', '2026-11-27'],
    ['Two days ago I ate there', '2026-12-03'],
  ])('%s → %s', (text, date) => {
    expect(findTimePhrase(normalise(text), NOW)?.date).toBe(date);
  });

  it('每个周末 is a habit, not the day it happened', () => {
    expect(findTimePhrase(normalise('他家每个周末都卖'), NOW)).toBeNull();
  });
});

describe('plans and 反正 are no incident time (issue #13, eighth pass)', () => {
  it('"反正月底我就不干了" names no time; a bare 月底 before this month ends is the last month’s', () => {
    expect(parseIncidentDate('反正月底我就不干了', NOW)).toBeNull();
    expect(findTimePhrase(normalise('算了 实名吧 反正月底我就不干了'), NOW)).toBeNull();
    expect(parseIncidentDate('月底那会儿买的', NOW)).toBe('2026-11-28');
    expect(parseIncidentDate('正月十五那天', NOW)).toBe('2026-03-03');
  });
});

describe('a rough time narrowed down at once (issue #13, nineteenth round)', () => {
  const now = new Date('2026-12-05T02:00:00Z');
  it.each([
    ['这个月初，就这礼拜三上午买的', '2026-12-02'],
    ['月初，就是那几天', '2026-12-03'],
  ])('%s → %s', (text, want) => expect(findTimePhrase(text, now)?.date).toBe(want));
});

describe('a time mended in the same breath (issue #13, tenth pass)', () => {
  const now = new Date('2026-12-05T02:00:00Z');
  it.each([
    ['我昨天 哦不 是大前天晚上看见他们在院里干的', '2026-12-02'],
    ['昨天，不对，前天', '2026-12-03'],
    ['昨天不是很冷', '2026-12-04'],
    ['昨天不舒服', '2026-12-04'],
  ])('%s → %s', (text, want) => expect(findTimePhrase(text, now)?.date).toBe(want));
});

// The understanding engine on the words citizens actually type: the openings quoted in the bot issue
// (#13), dialect, English, corrections, and the guarantees callers rely on (spans point at the words,
// the engine never throws, triage keeps its keys). Figures on the corpus are printed by
// `npm run eval:triage`; these tests pin behaviour a person would expect, not scores.
import { describe, expect, it } from 'vitest';
import { triage, triageByRules } from '../../src/triage/triage.ts';
import { MODEL_ONLY_BASIS, understand } from '../../src/understanding/understand.ts';

const NOW = new Date('2026-12-05T02:00:00Z'); // Saturday 10:00 in 新郑

function read(text: string, opts: Parameters<typeof understand>[1] = {}) {
  return understand(text, { now: NOW, ...opts });
}

describe('the openings quoted in the bot issue', () => {
  it('an insider tip: report, business, township, re-dating as a crime, anonymous, asks about a reward', () => {
    const u = read('我在薛店镇华鑫食品厂上班，厂里把过期的面粉重新装袋，生产日期改成新的，我要匿名举报，有奖励吗');
    expect(u.kind.value).toBe('report');
    expect(u.business.value).toBe('华鑫食品厂');
    expect(u.township.value).toBe('薛店镇');
    expect(u.suspected_crime.value).toBe(true);
    expect(u.crime_basis.value).toContain('篡改日期');
    expect(u.anonymous.value).toBe(true);
    expect(u.wants_reward.value).toBe(true);
  });

  it('"yes, but I do not want the factory to know it was me" is a wish to stay anonymous', () => {
    expect(read('要。但是我不想让厂里知道是我').anonymous.value).toBe(true);
  });

  it('a change of mind to an anonymous report carries its allegation (gutter oil) as a crime', () => {
    const u = read('算了 不投诉了 我要匿名举报他们用地沟油');
    expect(u.kind.value).toBe('report');
    expect(u.anonymous.value).toBe(true);
    expect(u.suspected_crime.value).toBe(true);
    expect(u.crime_basis.value).toContain('地沟油');
  });

  it('"I think they use gutter oil" is a suspicion, which is what a tip is; "maybe it was gutter oil" is a doubt', () => {
    expect(read("Hey, I got sick after eating at a food stall, and I think they're using gutter oil too").suspected_crime.value).toBe(true);
    expect(read('the soup tasted odd, maybe gutter oil').suspected_crime.value).toBe(false);
  });

  it('frustration and a bare demand carry no business, place or time', () => {
    const u = read('怎么又问一遍？？我要投诉！');
    expect(u.business.value).toBeNull();
    expect(u.township.value).toBeNull();
    expect(u.incident_time.value).toBeNull();
    expect(u.needs_details.value).toBe(true);
  });

  it('"I said it already, 华鑫食品厂" gives the business, not the sentence', () => {
    expect(read('我刚不是说了吗，华鑫食品厂').business.value).toBe('华鑫食品厂');
  });

  it('a correction of the place in plain words names the right township', () => {
    expect(read('地址错了，是郭店镇不是新郑镇').township.value).toBe('郭店镇');
    expect(read('不是新村镇，是郭店镇').township.value).toBe('郭店镇');
  });

  it('a correction of the time takes the corrected day', () => {
    const u = read('不是昨天是前天');
    expect(u.incident_time.value?.phrase).toBe('前天');
    expect(u.incident_time.value?.date).toBe('2026-12-03');
  });

  it('status questions and greetings are not matters to act on', () => {
    for (const t of ['我的案子怎么样了', '在吗', '我的案子怎么样了 XZ-20261201-000123 查询码 ABCD-EFGH-JKLM-NPQR']) {
      const u = read(t);
      expect(u.kind.value, t).toBe('consultation');
      expect(u.needs_details.value, t).toBe(true);
      expect(u.business.value, t).toBeNull();
    }
  });

  it('English: a complaint with its refund, yesterday and a place spelled in pinyin', () => {
    const u = read('I bought a box of expired milk at a supermarket in Longhu town yesterday and I want a refund');
    expect(u.kind.value).toBe('complaint');
    expect(u.request.value).toContain('refund');
    expect(u.incident_time.value?.date).toBe('2026-12-04');
    expect(u.township.value).toBe('龙湖镇');
  });

  it('Henan dialect: 俺 … 恁管不管 is a report of gutter oil; 夜儿个 is yesterday; 中不中给俺退钱 is a refund', () => {
    const a = read('俺村东头有个小作坊用地沟油炸油条，恁管不管');
    expect(a.kind.value).toBe('report');
    expect(a.suspected_crime.value).toBe(true);
    const b = read('俺夜儿个在孟庄一家烩面馆吃了碗烩面，回来就拉肚子，中不中给俺退钱');
    expect(b.kind.value).toBe('complaint');
    expect(b.incident_time.value?.date).toBe('2026-12-04');
    expect(b.township.value).toBe('孟庄镇');
    expect(b.request.value).toContain('refund');
    expect(b.harm.value.ill).not.toBe('none');
  });
});

describe('guarantees callers rely on', () => {
  it('every span points at the words it was read from', () => {
    const text = '昨天中午在龙湖镇泰山村口的老马家烩面馆吃饭，烩面里吃出一根铁丝。我叫王文涛，电话 155-3716-0283，要求退钱赔偿。';
    const u = read(text);
    for (const f of [u.kind, u.township, u.business, u.incident_time, u.identity, u.request, u.harm]) {
      if (f.span === null) continue;
      expect(text.slice(f.span.start, f.span.end)).toBe(f.span.text);
    }
    expect(u.business.span?.text).toBe('老马家烩面馆');
    expect(u.identity.value.phone).toBe('15537160283');
    expect(u.identity.value.name).toBe('王文涛');
  });

  it('never throws, whatever arrives', () => {
    const hostile = ['', ' ', '\u0000\u0008', '😀😀😀', 'a'.repeat(20_000), '退'.repeat(5000), '<script>alert(1)</script>', '\uD800'];
    for (const t of hostile) expect(() => read(t)).not.toThrow();
    // Not a string at all (a caller's bug) still gives a result.
    expect(() => understand(undefined as unknown as string)).not.toThrow();
  });

  it('a complaint that also asks for an investigation is read as both, even when filed as a complaint', () => {
    const text = '在老街烩面馆吃出苍蝇，要求退钱赔偿，另外他们后厨太脏了，希望你们严查，罚他们';
    expect(read(text).kind.value).toBe('both');
    expect(read(text, { kind: 'complaint' }).kind.value).toBe('both');
    expect(read('在超市买的牛奶过期了，要求退款', { kind: 'complaint' }).kind.value).toBe('complaint');
  });

  it('a crime the model finds without a crime word is named for a person to check', () => {
    // The basis for model-only crimes is fixed; whichever texts reach it, the basis says so.
    const u = read('那个厂子半夜往猪肉里打东西，打完一头猪能多出二十斤，卖给附近的饭店');
    if (u.suspected_crime.value && u.rules.crimeBasis.length === 0) expect(u.crime_basis.value).toEqual(MODEL_ONLY_BASIS);
    else expect(u.crime_basis.value.length > 0).toBe(u.suspected_crime.value);
  });

  it('triage keeps its keys and decides with the model; the rules alone stay available', () => {
    const input = { text: '龙湖镇一个小作坊在用地沟油炸油条，卖给学校门口的早点摊，希望你们查处' };
    const t = triage(input);
    expect(Object.keys(t).sort()).toEqual(Object.keys(triageByRules(input)).sort());
    expect(t.suspectedCrime).toBe(true);
    expect(t.crimeBasis).toContain('地沟油');
    expect(t.township).toBe('龙湖镇');
    expect(t.reasons.some((r) => r.rule.startsWith('model:'))).toBe(true);
  });
});

describe('thirteenth round (issue #13)', () => {
  it('an industrial substance said the other way round ("用的色素是工业的") is a suspected crime', () => {
    const u = understand('犁河镇有个小作坊做辣条 用的色素是工业的', { now: new Date('2026-12-05T02:00:00Z') });
    expect(u.suspected_crime.value).toBe(true);
    expect(u.crime_basis.value[0]).toBe('非法添加非食用物质');
  });

  it('a kind declared outright is no consultation, whatever else is asked', () => {
    const u = understand('我在薛店镇华鑫食品厂上班，厂里把过期的面粉重新装袋，生产日期改成新的，我要匿名举报，有奖励吗');
    expect(u.kind.value).toBe('report');
  });
});

describe('thirteenth round, second part (issue #13)', () => {
  it('crime words the rules set aside are not raised again by the model alone; a new label over an old date and 注了水 are crimes', () => {
    expect(understand('检测报告上写着未检出瘦肉精').suspected_crime.value).toBe(false);
    const a = understand('去后厨看见冰箱里一盒盒牛肉上的日期标签是新贴的，旧标签还贴在底下，日期早过了');
    expect(a.suspected_crime.value).toBe(true);
    expect(a.crime_basis.value[0]).toBe('篡改日期');
    expect(understand('在肉摊买了五斤羊肉，回家一放盆里全是水，明显是注了水的').crime_basis.value[0]).toBe('注水肉');
    expect(understand('举报龙湖镇一家作坊用地沟油，有奖励吗').kind.value).toBe('report');
    // "举报人…", "投诉电话…" name the act, they do not declare one.
    expect(understand('举报人能领多少奖励').kind.value).toBe('consultation');
    expect(understand('投诉电话是多少').kind.value).toBe('consultation');
  });
});

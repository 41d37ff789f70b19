import { describe, it, expect } from 'vitest';
import { triage, normaliseBusinessName, KINDS, CATEGORIES, URGENCIES, type TriageResult } from '../../src/triage/triage.ts';

const t = (text: string): TriageResult => triage({ text });
const evidenceOf = (r: TriageResult, field: string): string =>
  r.reasons
    .filter((x) => x.field === field)
    .map((x) => x.evidence)
    .join(' ');

describe('kind', () => {
  it('own purchase asking for a refund is a complaint', () => {
    const r = t('在孟庄一家小超市买的面包发霉了，要退货老板不给退');
    expect(r.kind).toBe('complaint');
    expect(evidenceOf(r, 'kind')).toMatch(/不给退|要退/);
  });
  it('a lead about someone else is a report', () => {
    expect(t('举报新建路一家小吃店没有营业执照，后厨老鼠乱跑').kind).toBe('report');
    expect(t('郭店镇有人收购死鸡死鸭做成鸭脖卖').kind).toBe('report');
  });
  it('remedy plus a request to punish is both', () => {
    expect(t('在超市买了过期牛奶，要求退一赔十，并且举报他们长期卖过期食品').kind).toBe('both');
  });
  it('a question is a consultation, even when it mentions a remedy', () => {
    expect(t('请问在新郑开一家小吃店需要办哪些证？').kind).toBe('consultation');
    expect(t('网上买的进口零食没有中文标签，可以要求十倍赔偿吗？').kind).toBe('consultation');
  });
  it('a business owner asking what to do is a consultation', () => {
    expect(t('我开的饭店被人投诉了好几次，说菜里有头发要求赔偿，这种情况怎么处理').kind).toBe('consultation');
  });
  it('keeps the kind the citizen chose unless the text clearly asks for both', () => {
    const kept = triage({ text: '外卖里有头发', kind: 'report' });
    expect(kept.kind).toBe('report');
    expect(kept.reasons.some((x) => x.rule === 'input:kind')).toBe(true);
    const both = triage({ text: '饭店菜里有蟑螂，要求赔偿，请执法部门查处', kind: 'complaint' });
    expect(both.kind).toBe('both');
    expect(both.reasons.some((x) => x.rule === 'input:kind-overridden-both')).toBe(true);
  });
});

describe('category', () => {
  const cases: Array<[string, string]> = [
    ['郭店一家饭店吃的鱼不新鲜，有股臭味，退菜不给退', 'catering'],
    ['孩子说幼儿园午睡后的点心是过期的饼干', 'school_canteen'],
    ['学校门口的流动摊贩卖的炸串，油黑乎乎的', 'school_canteen'],
    ['薛店镇一家食品厂晚上偷偷生产，没见过有生产许可证', 'food_production'],
    ['在和庄镇一家便利店买的火腿肠里有铁屑', 'food_retail'],
    ['美团外卖点的黄焖鸡里有只苍蝇，商家拒绝退款', 'online_food'],
    ['超市称重的猪肉少了二两，要求补足', 'agricultural_products'],
    ['直播间买的进口奶粉没有中文标签', 'special_food'],
    ['美容院卖的面膜用了脸烂了，要求退款', 'other_non_food'],
  ];
  it.each(cases)('%s → %s', (text, category) => {
    expect(t(text).category).toBe(category);
  });
  it('routes non-food matters to the competent body', () => {
    expect(t('村里有人往麦地里打除草剂，飘到我家菜地').otherAuthority).toBe('农业农村局');
    expect(t('郭店一家私人诊所给我孩子输错药了').otherAuthority).toBe('卫生健康委员会');
    expect(t('小区楼下的饭店排油烟管道对着我家窗户，油烟扰民').category).toBe('other_non_food');
  });
});

describe('urgency', () => {
  it('many people ill now is urgent, and the reason names the symptoms', () => {
    const r = t('龙湖镇小乔村办酒席，好几十口人上吐下泻，现在还在卫生院打吊针');
    expect(r.urgency).toBe('urgent');
    expect(evidenceOf(r, 'urgency')).toMatch(/打吊针|上吐下泻|卫生院/);
  });
  it('one person who has recovered is not urgent', () => {
    expect(t('在烧烤摊吃的烤串，回家拉了一晚上，现在好了，想让他赔点医药费').urgency).toBe('normal');
  });
  it('a suspected crime, a school or an infant is high', () => {
    expect(t('城关乡西贾庄有人私屠滥宰，晚上杀猪不检疫').urgency).toBe('high');
    expect(t('郭店镇一所小学的食堂，厨师不戴口罩').urgency).toBe('high');
    expect(t('在母婴店买的婴儿配方奶粉有结块，要求退货').urgency).toBe('high');
  });
  it('consultations are low unless someone is ill', () => {
    expect(t('学校食堂可以承包给个人吗？').urgency).toBe('low');
    expect(t('请问食物中毒了应该先去医院还是先报警？我们一家人吃了卤菜都吐了').urgency).toBe('urgent');
  });
});

describe('suspected crime', () => {
  it('flags 刑法 143/144 leads with their basis and the matched words', () => {
    const dead = t('举报沙窝李村有个院子天天晚上拉病死猪进去');
    expect(dead.suspectedCrime).toBe(true);
    expect(dead.crimeBasis).toEqual(['病死肉', '刑法第143条']);
    expect(evidenceOf(dead, 'suspected_crime')).toContain('病死猪');
    expect(t('一家小作坊用地沟油炸麻花').crimeBasis).toEqual(['地沟油', '刑法第144条']);
    expect(t('养猪场喂瘦肉精').crimeBasis).toContain('瘦肉精');
    expect(t('保健品店卖的胶囊，检测出里面加了西地那非').crimeBasis).toContain('保健食品非法添加药物');
    expect(t('郭店镇一家饭店把客人吃剩的火锅油捞出来过滤了再用').crimeBasis).toContain('地沟油');
  });
  it('does not flag negations, questions, idioms or non-food uses', () => {
    for (const text of [
      '不是病死猪吧？刚在集上买的猪肉颜色有点暗',
      '请问在饭店吃饭怎么判断他家用的是不是地沟油啊？',
      '检测报告上写着未检出瘦肉精',
      '这个人死猪不怕开水烫，天天在门口占道摆摊',
      '新房装修完甲醛超标，装修公司不管',
      '买了瓶双氧水给孩子伤口消毒',
      '我们饭店被人举报说用地沟油，我们该怎么证明',
      '俺村小卖部卖的假冒康师傅方便面，牌子写的是康帅傅',
      '八千乡一家养殖户把病死的猪扔到河里',
    ]) {
      expect(t(text).suspectedCrime, text).toBe(false);
    }
  });
  it('treats a rhetorical question as an assertion', () => {
    expect(t('这家麻辣烫回收客人剩下的汤底和油重复用，这不就是地沟油吗').suspectedCrime).toBe(true);
  });
});

describe('township, business, reward, quantity', () => {
  it('finds the division from a village or landmark', () => {
    const r = t('城关乡东郭寺村有人卖的活鱼用孔雀石绿');
    expect(r.township).toBe('城关乡');
    expect(evidenceOf(r, 'township')).toContain('东郭寺');
    expect(t('在华南城买的牛肉干里有塑料').township).toBe('龙湖镇');
  });
  it('marks places spanning divisions as ambiguous', () => {
    const r = t('新郑机场附近一家快餐店，吃了盒饭后好几个司机都住院了');
    expect(r.township).toBeNull();
    expect(r.townshipAmbiguous).toBe(true);
  });
  it('prefers the form township, then the business address', () => {
    expect(triage({ text: '龙湖一家饭店', township: '郭店镇' }).township).toBe('郭店镇');
    expect(triage({ text: '一家饭店菜里有虫', businessAddress: '新郑市薛店镇XX路' }).township).toBe('薛店镇');
  });
  it('extracts a named business, and keeps the given one', () => {
    expect(t('在一家叫“老街坊”的饭店吃饭，菜里有沙子').business).toBe('老街坊');
    expect(t('在郭店镇丹尼斯超市买的酸奶过期了').business).toBe('丹尼斯超市');
    expect(triage({ text: '菜里有虫', businessName: '老王烩面馆' }).business).toBe('老王烩面馆');
    expect(t('一家超市卖过期面包').business).toBeNull();
  });
  it('flags reward wishes unless declined', () => {
    expect(t('举报龙湖一家作坊用地沟油，有奖励吗').wantsReward).toBe(true);
    expect(t('举报龙湖一家作坊用地沟油，我不要奖励').wantsReward).toBe(false);
  });
  it('flags purchase quantities out of line with personal use (Order 121 Art. 17)', () => {
    expect(t('我买了200瓶酱油，发现过期了，要求十倍赔偿').quantityFlag).toBe('购买数量：200瓶');
    expect(t('买了两百盒牛奶都过期了，要求赔偿').quantityFlag).toBe('购买数量：200盒');
    expect(t('买了两瓶酱油，发现过期了').quantityFlag).toBeNull();
  });
  it('normalises business names for matching related cases', () => {
    expect(normaliseBusinessName('蜜雪冰城（新郑人民路店）')).toBe('蜜雪冰城');
    expect(normaliseBusinessName('新郑市 ＡＢＣ食品有限公司')).toBe('abc食品');
    expect(normaliseBusinessName('张记烩面店')).toBe('张记烩面');
    expect(normaliseBusinessName('老王饭店')).toBe('老王饭店');
  });
});

describe('hostile and empty input', () => {
  const hostile = [
    '',
    '   ',
    '😡😡😡😡',
    "<script>alert('xss')</script>",
    "'; DROP TABLE cases; --",
    'asdfghjkl qwerty',
    '在吗',
    '1234567890',
    '\ud800',
    '\u0000',
    'a'.repeat(1_000_000),
    '<'.repeat(50_000),
    '&#x110000;&#99999999;',
  ];
  it.each(hostile.map((h) => [h.slice(0, 20), h]))('%j does not throw and needs details', (_label, text) => {
    const r = t(text);
    expect(r.needsDetails).toBe(true);
    expect(r.kind).toBe('consultation');
    expect(r.urgency).toBe('low');
    expect(r.reasons.some((x) => x.rule === 'error:internal')).toBe(false);
  });
  it('always returns values from the closed sets', () => {
    for (const text of [...hostile, '饭'.repeat(100_000), '病死猪'.repeat(3000), 'I ate at a restaurant and got food poisoning']) {
      const r = t(text);
      expect(KINDS).toContain(r.kind);
      expect(CATEGORIES).toContain(r.category);
      expect(URGENCIES).toContain(r.urgency);
      expect(r.confidence).toBeGreaterThanOrEqual(0);
      expect(r.confidence).toBeLessThanOrEqual(1);
    }
  });
  it('survives non-object input from untyped callers', () => {
    // @ts-expect-error deliberately wrong input shape
    expect(() => triage(null)).not.toThrow();
    expect(triage({ text: 42 as unknown as string }).needsDetails).toBe(true);
  });
  it('still reads a report wrapped in HTML', () => {
    const r = t('<b>举报</b><img src=x onerror=alert(1)>新建路<i>烧烤店</i>用地沟油');
    expect(r.kind).toBe('report');
    expect(r.suspectedCrime).toBe(true);
    expect(r.township).toBe('新建路街道');
  });
  it('reads full-width characters', () => {
    expect(t('ＫＴＶ隔壁的饭店用地沟油').suspectedCrime).toBe(true);
  });
});

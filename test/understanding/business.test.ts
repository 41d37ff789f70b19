import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { businessExact, businessMatches, parseBusinessRows, scoreBusiness } from '../../src/understanding/evaluate-business.ts';
import { understand } from '../../src/understanding/understand.ts';

const NOW = new Date('2026-12-05T10:00:00+08:00');
const biz = (text: string): string | null => understand(text, { now: NOW }).business.value;
const fixture = (name: string): string => readFileSync(new URL(`../fixtures/understanding/${name}`, import.meta.url), 'utf8');

describe('business names in citizens’ words', () => {
  it.each([
    ['在华南城那个叫老张家的胡辣汤店喝了碗汤', '老张家的胡辣汤店'],
    ['在一家叫老张家的胡辣汤店喝了碗汤', '老张家的胡辣汤店'],
    ['那个叫老王家的卤肉店卖的卤肉', '老王家的卤肉店'],
    ['抖音直播间小芳零食铺买的辣条', '小芳零食铺'],
    ['新郑市龙湖镇王二卤肉的老板用亚硝酸盐', '王二卤肉'],
    ['在华南城老张家胡辣汤店喝了碗汤', '老张家胡辣汤店'],
    ['招牌上写着刘记凉皮，凉皮吃了拉肚子', '刘记凉皮'],
    ['招牌上写着‘小城故事’，卖的奶茶有苍蝇', '小城故事'],
    ['饿了么上一家叫好味道的外卖，饭是馊的', '好味道'],
    ['淘宝店铺甜心烘焙卖的蛋糕过期', '甜心烘焙'],
    ['在老李家吃的饺子，吃完全家都吐了', '老李家'],
    ['在沙窝李村东头老黄家的豆腐坊买的豆腐酸了', '老黄家的豆腐坊'],
    ['龙湖一中食堂的饭里有虫', '龙湖一中'],
    ['郭店镇中心小学的食堂用过期油', '郭店镇中心小学'],
    ['肯得基的鸡翅没熟', '肯得基'],
    ['正新机排的鸡排是臭的', '正新机排'],
    ['At KFC in Xinzheng my kid got sick', 'KFC'],
    ['外卖店名字叫黄焖鸡米饭大王，里面吃出蟑螂', '黄焖鸡米饭大王'],
    ['今天早上在我们学校二食堂的李姐包子铺买了三个包子', '李姐包子铺'],
    ['在华南城农贸市场的老王卤肉买的', '老王卤肉'],
    ['前天中午在唐户村口的老马家羊肉烩面吃了一碗烩面', '老马家羊肉烩面'],
    ['我在抖音枣乡情直播间买了5斤灰枣', '枣乡情'],
    ['在快手上一个叫小王零食的直播间买的辣条', '小王零食'],
    ['我前天在村口惠民超市买了一包挂面', '惠民超市'],
    ['俺们唐户村东头老赵家鸡场，鸡一病死了他不埋，听说是卖给城里哩小饭店做黄焖鸡', '老赵家鸡场'],
    ['On Sunday the 29th I bought a milk tea at Tianlala (甜啦啦) on the ground floor of Huanan City', '甜啦啦'],
    ['前天在饿了么点了果茶研究所（华南城店）的杨枝甘露，喝出来一块塑料片', '果茶研究所（华南城店）'],
    ['12月2号我在美团点了湘里湘亲小炒，饭菜里有头发', '湘里湘亲小炒'],
    ['At the Xuedian town farmers market (薛店镇), the meat stall called 王记鲜肉 is injecting water into pork', '王记鲜肉'],
  ])('%s → %s', (text, want) => {
    expect(biz(text)).toBe(want);
  });

  it.each([
    '在美团点了一份麻辣烫，吃出头发',
    '饿了么点了麻辣烫，吃出头发',
    '村里老王家办白事，请的厨子做了八大碗，吃了都拉肚子',
    '那家超市的老板叫王建国，卖过期酒',
    '某某面粉厂往面粉里加滑石粉',
    '河南工程学院三食堂的黄焖鸡没熟',
    '老板娘卤肉卖了十几年了',
    '我买了二斤卤肉，回家发现是臭的',
    '俺村哩那个小卖部卖假酒',
    '美团上买的，商家叫啥忘了',
    '和庄镇中心小学门口的炸串摊用地沟油',
  ])('names nothing: %s', (text) => {
    expect(biz(text)).toBeNull();
  });
});

describe('business scorer', () => {
  it('matches exactly or by containment, at most 4 characters longer, and null only with null', () => {
    expect(businessMatches(['老张家胡辣汤店'], '华南城老张家胡辣汤店')).toBe(true);
    expect(businessMatches(['小芳零食铺'], '抖音直播间小芳零食铺')).toBe(false);
    expect(businessMatches(['老张家的胡辣汤店', '老张家胡辣汤店'], '老张家胡辣汤店')).toBe(true);
    expect(businessMatches(['老张家的胡辣汤店'], '老张家')).toBe(true);
    expect(businessMatches(['老张家的胡辣汤店'], '老')).toBe(false);
    expect(businessMatches(null, null)).toBe(true);
    expect(businessMatches(null, '这家店')).toBe(false);
    expect(businessMatches(['蜜雪冰城'], null)).toBe(false);
    expect(businessMatches(['小城故事'], '‘小城故事’')).toBe(true);
    expect(businessExact(['老张家的胡辣汤店'], '老张家')).toBe(false);
  });

  it('the dev half reads at least 90% of the names and invents none', () => {
    const r = scoreBusiness(parseBusinessRows(fixture('business-dev.jsonl'), 'business-dev.jsonl'), NOW);
    expect(r.rows).toBeGreaterThanOrEqual(90);
    expect(r.matched / r.rows).toBeGreaterThanOrEqual(0.9);
    expect(r.invented).toBe(0);
  });

  it('both halves are well formed and together hold at least 160 sentences, about a fifth naming nothing', () => {
    const rows = [...parseBusinessRows(fixture('business-dev.jsonl'), 'dev'), ...parseBusinessRows(fixture('business-test.jsonl'), 'test')];
    expect(rows.length).toBeGreaterThanOrEqual(160);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    for (const r of rows) if (r.business !== null) expect(r.text, r.id).toContain(r.business);
    expect(rows.filter((r) => r.business === null).length).toBeGreaterThanOrEqual(30);
  });
});

describe('landmarks and drinks are not the business (issue #13, eighth pass)', () => {
  it.each([
    ['昨天晚上在新郑卷烟厂对面的鑫隆超市买了一袋牛肉干', '鑫隆超市'],
    ['想投诉一下新郑烟厂对面的柠檬工坊奶茶店。上周五下午买了一杯柠檬水', '柠檬工坊'],
    ['昨天买的珍珠奶茶喝到一半吸管吸上来一只苍蝇', null],
    ['我实名举报龙王乡老祁烧鸡作坊收病死鸡做烧鸡', '老祁烧鸡作坊'],
    ['我要投诉薛店贝贝母婴店卖过期奶粉', '贝贝母婴店'],
    ['就是集上那个开白面包车卖油哩，车上贴哩「老杜家小磨香油」', '老杜家小磨香油'],
  ])('%s → %s', (text, want) => expect(biz(text)).toBe(want));
});

describe('where goods go and what is sold are not the business (issue #13, sixteenth round)', () => {
  it.each([
    ['拉到和庄镇南边老公路边一个没挂牌的屠宰点，在那褪毛分割，说第二天一早送饭店。', null],
    ['郭店镇五里堡那个鸿运超市卖假酒', '鸿运超市'],
  ])('%s → %s', (text, want) => expect(biz(text)).toBe(want));
});

describe('more trade words (issue #13, sixteenth round)', () => {
  it.each([
    ['匿名举报：新烟街道烟厂家属院对面的盛世名酒行卖假茅台假五粮液。', '盛世名酒行'],
    ['前天俺侄女出嫁摆的流水席，请的老李家宴席班，吃完一家子都拉肚子', '老李家宴席班'],
  ])('%s → %s', (text, want) => expect(biz(text)).toBe(want));
});

describe('a keeper and the meat sold (issue #13, sixteenth round)', () => {
  it.each([
    ['上礼拜天在雪店集上老杨羊肉割了三斤羊肉 回来一炖一股鸭子味', '老杨羊肉'],
    ['俺是薛店镇哩 叫张翠萍 电话15903845127', null],
    ['在集上买的羊肉有问题', null],
  ])('%s → %s', (text, want) => expect(biz(text)).toBe(want));
});

describe('names at a place, caterers, small shops and wholesalers (issue #13, nineteenth round)', () => {
  it.each([
    ["匿名举报：新村镇王垌村的'老周卤肉'往卤肉锅里放罂粟壳", '老周卤肉'],
    ['高皮匠村上周五办席 吃完二十多口子人拉肚子 做席的是李记大席 你们管不管', '李记大席'],
    ['梨河镇前吕村小学旁边的开心小卖铺 卖三无辣条', '开心小卖铺'],
    ['华南城冻品市场的鑫源冻品批发，把过期的冻鸡爪重新装箱', '鑫源冻品批发'],
    ['他家搞批发的，进货都没票', null],
  ])('%s → %s', (text, want) => expect(biz(text)).toBe(want));
});

describe('a name between the place and the purchase (issue #13, nineteenth round)', () => {
  it.each([
    ['我昨天在学校门口茶语时光买的奶茶 喝完拉了一晚上', '茶语时光'],
    ['在学校门口小摊买的烤肠', null],
    ['在超市门口一个老太太那买的', null],
    ['在学校门口水果捞买的 吃了拉肚子', null],
  ])('%s → %s', (text, want) => expect(biz(text)).toBe(want));
});

describe('摊 as a verb (issue #13, nineteenth round)', () => {
  it.each([
    ['唐户村西头有个小作坊做豆腐皮 没牌子没证 做好的豆腐皮直接摊地上晾', null],
    ['郭店北街口王姐煎饼摊卖的煎饼有头发', '王姐煎饼摊'],
  ])('%s → %s', (text, want) => expect(biz(text)).toBe(want));
});

describe('no business in a conjunction or the writer’s address (issue #13, twentieth round)', () => {
  it.each([
    ['而且这家店好像没证', null],
    ['我叫周雨桐 电话13937180425 地址升达经贸管理学院北区3号楼', null],
  ])('%s → %s', (text, want) => expect(biz(text)).toBe(want));
});

describe('street snacks and food makers (issue #13, twentieth round)', () => {
  it.each([
    ['举报：黄帝故里景区门口一排小吃摊，其中老街烤肠用的烤肠是三无产品', '老街烤肠'],
    ['龙王乡金穗面业往面条里加硼砂', '金穗面业'],
    ['王姐鸡蛋灌饼的油黑乎乎的 肯定是地沟油', '王姐鸡蛋灌饼'],
    ['在学校门口买的烤肠是酸的', null],
    ['买的豆腐是酸的', null],
  ])('%s → %s', (text, want) => expect(biz(text)).toBe(want));
});

describe('names framed by where a meal was had, and slips mended (issue #13, tenth pass)', () => {
  it.each([
    ['就是我昨天晚上下班在华南城那个蜀香麻辣烫吃的麻辣烫 然后吃完回家吧就开始拉肚子', '蜀香麻辣烫'],
    ['在川香烧烤买的羊肉串', '川香烧烤'],
    ['在家吃的火锅', null],
    ['在学校吃的麻辣烫', null],
    ['我在黄帝故里旁边那个邻里优鲜买的鸡蛋', '邻里优鲜'],
    ['我要投诉和庄镇的金色年华宴会厅', '金色年华宴会厅'],
    ['龙湖镇泰山村那个饭店 叫聚贤楼 不对 聚贤阁 上周五晚上我们单位在那聚餐', '聚贤阁'],
    ['在老王烩面馆 不对 老李烩面馆吃的', '老李烩面馆'],
    ['在老王烩面馆吃的 不是很好吃', '老王烩面馆'],
  ])('%s → %s', (text, want) => expect(biz(text)).toBe(want));
});

describe('Latin-lettered brands and lectures (issue #13, eleventh pass)', () => {
  it.each([
    ['匿名举报一下哈 升达门口那家DoDo茶 后厨的奶浆过期了还在用', 'DoDo茶'],
    ['在CoCo都可买的奶茶喝了拉肚子', 'CoCo都可'],
    ['我在Mr.Bread买的面包发霉了', 'Mr.Bread'],
    ['他微信号是 bianjing_dongpin，卖走私冻肉', null],
    ['Emm我想投诉', null],
    ['上个月28号我在孟庄镇福寿康的健康讲座买了三盒灵芝孢子粉', '福寿康'],
    ['最近有人在活动室里开‘营养讲座’，卖一种营养粉', null],
  ])('%s → %s', (text, want) => expect(biz(text)).toBe(want));
});

describe('shops named by keeper and dish before 那, cake and bun shops, farm restaurants (issue #13, eleventh pass)', () => {
  it.each([
    ['大前天在龙王乡集上老孙卤肉那买了二斤卤肉', '老孙卤肉'],
    ['那个卤肉那么红', null],
    ['在新华路街道的福喜饼屋订了两百盒喜饼', '福喜饼屋'],
    ['上周六在鑫源蛋糕房订的生日蛋糕', '鑫源蛋糕房'],
    ['中午在半山腰那个山野人家农家饭吃饭', '山野人家农家饭'],
  ])('%s → %s', (text, want) => expect(biz(text)).toBe(want));
});

describe('warehouses, suppliers, campus shops in English (issue #13, eleventh pass, third part)', () => {
  it.each([
    ['我在薛店镇鑫源冷链仓库上班', '鑫源冷链仓库'],
    ['东西放在仓库里', null],
    ['再拉回厂里重新冻上接着卖', null],
    ['郭店镇五里堡那个鸿运超市卖假酒', '鸿运超市'],
    ['Last Friday I bought chicken at Campus Fresh Mart on the Henan University of Engineering campus.', 'Campus Fresh Mart'],
  ])('%s → %s', (text, want) => expect(biz(text)).toBe(want));
});

describe('lunch boxes by subscription (issue #13, eleventh pass, third part)', () => {
  it.each([
    ['我们公司在微信群里跟张姐家常盒饭包月订的午饭', '张姐家常盒饭'],
    ['订的盒饭里有虫', null],
  ])('%s → %s', (text, want) => expect(biz(text)).toBe(want));
});

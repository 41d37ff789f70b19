// The product a message is about (as written) and the kind of business (restaurant, workshop, shop …).
// Products come from a list of foods and food-adjacent goods, longest first; the first one bought,
// eaten or sold wins over a passing mention. Pure.
import { escapeRegExp } from './text.ts';

const PRODUCTS = [
  // staples and cooked food
  '烩面', '胡辣汤', '羊肉汤', '牛肉汤', '羊肉烩面', '牛肉面', '拉面', '刀削面', '凉皮', '米线', '螺蛳粉', '酸辣粉', '麻辣烫', '麻辣香锅', '冒菜',
  '火锅', '串串', '烧烤', '烤串', '羊肉串', '烤肉', '炸鸡', '鸡排', '汉堡', '披萨', '薯条', '盒饭', '快餐', '饺子', '水饺', '馄饨', '包子', '馒头',
  '花卷', '油条', '烧饼', '煎饼', '煎饼果子', '肉夹馍', '菜盒', '手抓饼', '粽子', '月饼', '汤圆', '元宵', '年糕', '粥', '米饭', '炒饭', '盖浇饭',
  '卤肉', '卤菜', '熟食', '凉菜', '扒鸡', '烧鸡', '道口烧鸡', '卤猪蹄', '猪头肉', '酱牛肉', '烤鸭', '鸭脖', '鸭货', '小龙虾', '酸菜鱼', '烤鱼', '水煮鱼',
  '黄焖鸡', '大盘鸡', '红烧肉', '回锅肉', '宫保鸡丁', '外卖', '套餐', '蛋糕', '面包', '生日蛋糕', '糕点', '点心', '饼干', '蛋挞',
  // raw and agricultural
  '猪肉', '牛肉', '羊肉', '鸡肉', '鸭肉', '驴肉', '狗肉', '肉', '排骨', '五花肉', '里脊', '猪蹄', '猪肝', '猪下水', '下水', '冻肉', '冻品', '冷冻肉',
  '鸡蛋', '鸭蛋', '咸鸭蛋', '皮蛋', '松花蛋', '鱼', '活鱼', '草鱼', '鲤鱼', '鲫鱼', '虾', '海鲜', '螃蟹', '大闸蟹', '蔬菜', '青菜', '韭菜', '芹菜',
  '豆芽', '黄豆芽', '绿豆芽', '豆角', '白菜', '西红柿', '黄瓜', '土豆', '蘑菇', '香菇', '木耳', '水果', '苹果', '西瓜', '葡萄', '草莓', '香蕉',
  '橘子', '大枣', '红枣', '核桃', '花生', '瓜子', '大米', '面粉', '小麦', '玉米', '豆腐', '腐竹', '豆皮', '粉条', '粉丝', '红薯粉', '凉粉', '米粉',
  // packaged
  '牛奶', '酸奶', '纯牛奶', '奶粉', '婴儿奶粉', '配方奶粉', '羊奶粉', '辅食', '米粉', '饮料', '矿泉水', '纯净水', '果汁', '可乐', '雪碧', '奶茶',
  '咖啡', '茶叶', '白酒', '啤酒', '红酒', '黄酒', '茅台', '五粮液', '酒', '食用油', '花生油', '菜籽油', '调和油', '芝麻油', '香油', '酱油', '醋',
  '味精', '鸡精', '调料', '火锅底料', '辣椒面', '辣椒油', '花椒', '盐', '糖', '蜂蜜', '零食', '辣条', '薯片', '方便面', '火腿肠', '香肠', '腊肉',
  '罐头', '糖果', '巧克力', '果冻', '冰淇淋', '雪糕', '冰棍', '速冻水饺', '速冻食品', '预制菜', '保健品', '保健食品', '胶囊', '减肥茶', '代餐',
  '蛋白粉', '钙片', '鱼油', '酵素', '口服液', '特医食品', '营养餐', '学生餐', '月子餐',
  // English
  'milk', 'formula', 'noodles', 'rice', 'chicken', 'pork', 'beef', 'bread', 'cake', 'fish', 'eggs', 'oil', 'coffee', 'tea', 'juice', 'yogurt',
  'takeaway', 'dumplings', 'hotpot', 'burger', 'pizza', 'snacks', 'sausage',
];
const PRODUCT_RE = new RegExp([...new Set(PRODUCTS)].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|'), 'g');
/** Verbs that make the next word the product: 买的X, 吃了X, 点了X, 卖X. */
const OBJECT_OF = /(买了?的?|买回来的?|吃了?的?|喝了?的?|点了?的?|订了?的?|叫了?的?|拿了?的?|卖的?|售卖|生产的?|做的?|加工的?|进的?|bought|ate|ordered|drank)[^,。;!?\n]{0,6}$/;

export interface ProductFound {
  text: string;
  start: number;
  end: number;
}

export function readProduct(norm: string): ProductFound | null {
  PRODUCT_RE.lastIndex = 0;
  let first: ProductFound | null = null;
  let m: RegExpExecArray | null;
  while ((m = PRODUCT_RE.exec(norm)) !== null) {
    // 肉 alone is often part of a longer word we lack (肉松, 肉末): keep it only as a last resort.
    const found = { text: m[0], start: m.index, end: m.index + m[0].length };
    if (m[0] === '肉' || m[0] === '酒' || m[0] === '鱼' || m[0] === '虾' || m[0] === '盐' || m[0] === '糖') {
      if (first === null) first = found;
      continue;
    }
    if (OBJECT_OF.test(norm.slice(Math.max(0, m.index - 12), m.index))) return found;
    if (first === null || first.text.length === 1) first = found;
  }
  return first;
}

export const BUSINESS_TYPES = [
  'restaurant', 'takeaway', 'canteen', 'school_canteen', 'factory', 'workshop', 'supermarket', 'shop', 'stall', 'market', 'online_shop', 'livestream',
  'farm', 'slaughterhouse', 'banquet', 'other',
] as const;
export type BusinessType = (typeof BUSINESS_TYPES)[number];

/** Ordered: the first matching family names the type. Read from the business name first, then the text. */
const TYPE_RES: readonly [BusinessType, RegExp][] = [
  ['school_canteen', /(学校|小学|中学|初中|高中|幼儿园|一中|二中|三中|托管班?)[^,。;!?\n]{0,6}(食堂|餐厅|饭)|学生餐|营养餐|配餐公司|送餐公司|school canteen|kindergarten/],
  ['livestream', /直播间|直播带货|主播|快手|抖音|livestream/],
  ['takeaway', /外卖|美团|饿了么|骑手|takeaway|delivery/],
  ['online_shop', /网店|淘宝|天猫|京东|拼多多|微店|朋友圈(卖|买)|微商|online shop|taobao/],
  ['banquet', /酒席|宴席|婚宴|喜宴|流水席|坐席|白事|红白喜事|banquet|wedding/],
  ['slaughterhouse', /屠宰场|屠宰点|屠宰厂|杀猪场|宰牛|宰羊|私宰|屠宰|slaughter/],
  ['farm', /养殖场|养猪场|养鸡场|养牛场|鱼塘|养殖户|种植|菜地|大棚|果园|farm/],
  ['canteen', /食堂|员工餐厅|职工餐厅|工地(的)?饭|canteen/],
  ['workshop', /作坊|黑窝点|窝点|家庭加工|小加工点|加工点|workshop/],
  ['factory', /食品厂|加工厂|厂子|工厂|厂里|[^工]厂(?![家商])|食品公司|factory|plant/],
  ['supermarket', /超市|商场|便利店|大润发|沃尔玛|永辉|丹尼斯|美宜佳|supermarket|convenience store/],
  ['market', /菜市场|农贸市场|批发市场|市场|集市|赶集|集上|早市|夜市|market/],
  ['stall', /摊|小推车|流动|三轮车上|路边卖|stall|street vendor/],
  ['restaurant', /饭店|饭馆|餐馆|餐厅|酒店|酒楼|面馆|烩面馆|汤馆|火锅店|烧烤店|小吃店|快餐店|早餐店|炸鸡店|奶茶店|农家乐|大排档|肯德基|麦当劳|华莱士|德克士|海底捞|restaurant|diner|cafe/],
  ['shop', /小卖部|商店|门市|商行|批发部|店|铺|shop|store/],
];

export function readBusinessType(business: string | null, norm: string): { type: BusinessType; start: number; end: number } | null {
  if (business !== null) {
    for (const [type, re] of TYPE_RES) {
      const m = re.exec(business);
      if (m !== null) {
        const at = norm.indexOf(business);
        return at >= 0 ? { type, start: at, end: at + business.length } : { type, start: -1, end: -1 };
      }
    }
  }
  for (const [type, re] of TYPE_RES) {
    const m = re.exec(norm);
    if (m !== null) return { type, start: m.index, end: m.index + m[0].length };
  }
  return null;
}

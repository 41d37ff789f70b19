// Business names: pulling one out of free text, and a normal form for finding related cases
// ("蜜雪冰城（人民路店）" and "蜜雪冰城" are the same business for that purpose).

import { SINGLE_SURNAMES } from './pii.lexicon.ts';
import { normaliseText } from './text.ts';
import { normaliseKeepingOffsets } from './normalise.ts';

/**
 * Legal-form and branch suffixes removed when comparing names. Order matters: longest first.
 * 店 alone is only removed after a word that still names the trade (烩面店 → 烩面), never from
 * 饭店/酒店/商店 where the remainder would stop being a business word.
 */
const LEGAL_SUFFIXES = [
  '股份有限公司',
  '有限责任公司',
  '有限公司',
  '分公司',
  '公司',
  '旗舰店',
  '专卖店',
  '连锁店',
  '加盟店',
  '直营店',
  '分店',
  '门店',
  '总店',
];
const KEEP_DIAN_AFTER = new Set(['饭', '酒', '商', '书', '药', '花', '粮', '小', '分', '门', '总', '本', '新', '老', '网', '客', '旅']);
const PLACE_PREFIX = /^(河南省|郑州市|新郑市|新郑)+/;

export function normaliseBusinessName(name: string): string {
  let s = normaliseText(name);
  // Branch notes in brackets: "（人民路店）", "(新郑店)".
  s = s.replace(/[([{【〔][^)\]}】〕]{0,20}[)\]}】〕]/g, '');
  s = s.replace(/[\s\p{P}\p{S}]/gu, '');
  s = s.replace(PLACE_PREFIX, '');
  let changed = true;
  while (changed) {
    changed = false;
    for (const suf of LEGAL_SUFFIXES) {
      if (s.length > suf.length + 1 && s.endsWith(suf)) {
        s = s.slice(0, -suf.length);
        changed = true;
      }
    }
  }
  if (s.length > 3 && s.endsWith('店')) {
    const prev = s[s.length - 2];
    if (prev !== undefined && !KEEP_DIAN_AFTER.has(prev)) s = s.slice(0, -1);
  }
  return s;
}

const TRADE_SUFFIXES = [
  '有限公司',
  '食品厂',
  '加工厂',
  '加工点',
  '屠宰场',
  '屠宰点',
  '养殖场',
  '养鸡场',
  '养猪场',
  '批发部',
  '冻品批发',
  '蔬菜批发',
  '水产批发',
  '调料批发',
  '副食批发',
  '食品批发',
  '经营部',
  '门市部',
  '商行',
  '酒行',
  '茶行',
  '粮行',
  '宴席班',
  // "张记宴席": a banquet cooks' business (after 宴席班, which is read whole).
  '宴席',
  '家宴(?!席)',
  '大席',
  '面业',
  '肉业',
  '米业',
  '粮油',
  '酒席班',
  '宴会厅',
  '宴会中心',
  '配送中心',
  '消毒中心',
  '洗消中心',
  '家常菜',
  '私房菜',
  '烩面馆',
  '羊肉汤馆',
  '牛肉汤馆',
  '汤馆',
  '面馆',
  '饺子馆',
  '饭馆',
  '饭店',
  '餐馆',
  '餐厅',
  '酒店',
  '酒楼',
  '酒家',
  '大排档',
  '农家乐',
  '农家院',
  '火锅店',
  '烧烤店',
  '小吃店',
  '快餐店',
  '早餐店',
  '奶茶店',
  '蛋糕店',
  '面包店',
  '熟食店',
  '卤肉店',
  '炸鸡店',
  '母婴店',
  '烟酒店',
  '烟酒',
  '烧饼店',
  '零食店',
  '零食屋',
  '蛋糕屋',
  '蛋糕房',
  '盒饭',
  '冷链仓库',
  '仓库',
  '饼屋',
  '农家饭',
  '农家菜',
  '面包房',
  '馒头房',
  '烘焙房',
  '西点房',
  '面包屋',
  '小吃屋',
  '水果店',
  '保健品店',
  '便利店',
  '小卖部',
  '小卖铺',
  '小卖店',
  '超市',
  '商店',
  '药店',
  '大药房',
  '幼儿园',
  '小学',
  '中学',
  '学院',
  '食堂',
  '会所',
  '之家',
  '会馆',
  '饭庄',
  '食府',
  '大院',
  '小院',
  '小馆',
  '小厨',
  '冷库',
  '养鸡场',
  '养猪场',
  '养殖场',
  '屠宰场',
  '鸡场',
  '猪场',
  '牛场',
  '羊场',
  '配餐',
  '生鲜',
  '优鲜',
  '冻品',
  '作坊',
  '公司',
  '店',
  '馆',
  '堂',
  '坊',
  '铺',
  '厂',
];
const TRADE_RE = new RegExp(`(${TRADE_SUFFIXES.join('|')})`, 'g');
const TRADE_END = new RegExp(
  `(${TRADE_SUFFIXES.join('|')}|火锅|烧烤|烩面|胡辣汤|羊肉汤|拉面|快餐|炸鸡|奶茶|麻辣烫|串串香?|烤鱼|小吃|便利|优选|严选|鲜生|生鲜|优鲜|冻品|零食|超市|烘焙|餐饮|月子餐|食品)$`,
);

/** Characters that cannot be inside a name read leftwards from a trade word. */
const STOP_CHARS = new Set([
  ...'在去到从了的哩我俺恁搁买吃喝是这那个家叫一说给和跟对把被里上边镇乡村路街区市县省有卖开位所些每该其与及或就都也还又很太收直看见问让找打种订住送近着像批堆',
]);
/** Whole names that are only descriptions ("工地食堂", "学校食堂", "连锁超市"). */
// ("老黑牛肉": 老 and a nickname's word, each generic alone, make a name.)
const GENERIC =
  /^(?!老(黑|胖|瘦|憨|蔫|歪)$)(下孩子|孩子|小孩|孩儿|闺女|儿子|孙子|孙女|外孙|工地|单位|学校|学生|员工|职工|公司|医院|小区|村里|街上|路边|集上|楼下|附近|网红|私人|个体|黑|某|快餐|早餐|养老|当地|本地|二|三|一|四|五|老|小|大|这|那|隔壁|对面|旁边|连锁|黑心|这种|那种|他们|他家|她家|你们|我们|俺们|新开|私立|中心|病员|长者|废弃|化工|修车|农资|普通|正规|网上|外地|国营|个人|家庭|路口|门口|村口|街边|流动|无证|小型|大型|本村|外卖|外面|送餐|配送|邻家|邻居家|俺邻家|我邻居家|养猪|养鸡|而且|并且|况且|另外|还有|再说|微信小店|微信店|微店|网店|小店)+$/;

/** A quoted name: quotes citizens put around shop names (and also around products and claims). */
const QUOTED = /[“"「『【《‘']([^”"」』】》’'\n]{2,24})[”"」』】》’']/g;
/** Before a quote: it names a shop (在“X”, 叫“X”, 直播间“X”, 饿了么“X”…). */
const BIZ_BEFORE =
  /(在|到|去|从|于|叫|名叫|叫做|名为|店名|店名叫|招牌|招牌上?写着|招牌上?写的是|店铺|网店|直播间|主播|商家|卖家|平台上的?|美团上?的?|饿了么上?的?|淘宝上?的?|抖音上?的?|快手上?的?|拼多多上?的?|京东上?的?|小红书上?的?|微店|门口的|那家|这家|一家|有家|有个|旁边的|附近的|对面的|楼下的|隔壁的|后门的?|北门的?|南门的?|西门的?|东门的?|外面的|里面的|街上的?|镇上的?|村里的?|村口的?|路上的?|城里的?|投诉|举报|反映|(?:车|车身|车门|车厢|三轮|摊|摊子|棚|棚子|门头|门脸|牌子|牌匾|横幅|灯箱|箱子)上?(?:贴|写|印|挂|喷)(?:着|的|哩|了)?(?:是)?)$/;
/** Before a quote: a place and 的 ("王垌村的'老周卤肉'"): a name of something standing there. */
const PLACE_BEFORE_QUOTE = /(村|镇|乡|街|路|集|集上|市场|小区|门口|对面|对过|旁边|附近|楼下|隔壁|东头|西头|南头|北头)(的|哩|那家|那个)$/;
/** Weak cues: a name may follow, but so may a product ("买的“羊排”"). */
const WEAK_BEFORE = /(的|是|，|,|:|：|\s|^)$/;
/** Before a quote: a claim or a label, not a name (说是“保鲜的”, 印着“富硒”). */
/** Townships whose names end in 店 (薛店, 辛店, 郭店): places, never the end of a shop's name. */
export const TOWNSHIPS_WITH_DIAN = /(薛店|辛店|郭店)镇?/g;
/** Before 店: the start of such a township ("薛店贝贝母婴店"). */
export const DIAN_OF_TOWNSHIP = /[薛辛郭]$/;
/** Before 摊: a stall's hours or a street stall (收摊, 出摊, 摆摊, 地摊), not the end of a name. */
export const STALL_VERB_BEFORE = /[收出摆地练守看小]$/;
/** After 摊: spreading something out (直接摊地上晾, 摊开, 摊煎饼), a verb, not a stall. */
export const STALL_VERB_AFTER = /^(在|地上|开|平|着|晒|晾|凉|一|成|煎饼|鸡蛋)/;
/** Before a quoted name: a measure word ("买了一袋“福满仓”"), so the quote is the product's brand. */
export const MEASURE_BEFORE = /[一两二三四五六七八九十几\d](袋|盒|瓶|包|箱|桶|罐|份|杯|听|提|件)(的)?$/;

const CLAIM_BEFORE =
  /(说是|说|称|称为|写着|写的|标着|标的|印着|印的|号称|所谓|宣传|宣称|叫什么|所谓的|打着|冒充|假冒|当成|以为是|做|卖|卖的|生产|加工|买的|买了|一种|叫作|用|喂|倒|撒|放|加|掺|吃|喝了|这种|那种|号|牌|牌子)$/;
/** After a quote: a trade word or something done there. */
const BIZ_AFTER =
  /^(的)?(店|饭店|餐馆|餐厅|饭馆|超市|火锅|烧烤|小吃|面馆|酒店|公司|厂|作坊|外卖|直播间|门店|分店|家|里|门口|老板|店员|档口|摊|吃|喝|买|点|订|就餐|吃饭|消费|用餐|的老板|的店员|卖的|做的|送的|生产的|奶茶|烤鱼|蛋糕|炸鸡|鸡排|拌饭|冒菜|麻辣|月饼|牛奶|吐司|芋圆|羊肉汤|胡辣汤|烩面|串串|配送|配餐|农庄|上班|干活|打工|工作|\s)/;

const CHAINS = [
  '蜜雪冰城',
  '肯德基',
  '麦当劳',
  '德克士',
  '华莱士',
  '塔斯汀',
  '瑞幸',
  '库迪',
  '星巴克',
  '正新鸡排',
  '丹尼斯',
  '大润发',
  '沃尔玛',
  '永辉',
  '美宜佳',
  '零食很忙',
  '赵一鸣',
  '好想来',
  '海底捞',
  '巴奴',
  '杨国福',
  '张亮麻辣烫',
  '茶百道',
  '霸王茶姬',
  '喜茶',
  '奈雪',
  '古茗',
  '沪上阿姨',
  '书亦烧仙草',
  '鲜芋仙',
  '好利来',
  '85度C',
  '米旗',
  '孩子王',
  '大张超市',
  '锅圈食汇',
  '沙县小吃',
  '兰州拉面',
  '老乡鸡',
  '必胜客',
  '汉堡王',
  '胖东来',
  '盒马',
  '朴朴',
  '叮咚买菜',
  '多多买菜',
  '美团优选',
  'coco',
  'coco都可',
  '1点点',
  'kfc',
  '益禾堂',
  '甜啦啦',
  '好想你',
  '三只松鼠',
  '良品铺子',
  '周黑鸭',
  '绝味',
  '煌上煌',
  '世纪联华',
  '华联',
  '家乐福',
  '物美',
  '京客隆',
  '苏宁小店',
  '罗森',
  '7-11',
];
const CHAIN_RE = new RegExp(
  CHAINS.sort((a, b) => b.length - a.length)
    .map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|'),
  'gi',
);

/** Verbs and fillers that end a name when reading leftwards ("要求超市", "如果饭店"). */
const STOP_WORDS = /(要求|如果|反映|好多|正规|孩子|学生|举报|投诉|觉得|发现|听说|请问|咨询|让|找|希望|亲眼|知道|管不管|看见|请你们|到底)$/;

/** Cues naming a shop: "叫", "名字叫", "招牌上写着", "店叫", "商家是" … (the name follows). */
const NAMED =
  /(招牌[^,。!?;\s]{0,6}?写(?:着|的是|的)|招牌上?是|店名(?:字叫|字是|叫|是|为)?|名字叫|名叫|叫做|店叫|店铺叫|商家是|商家叫|主播叫|叫)([ 　:：]{0,2})([\p{Script=Han}A-Za-z0-9·&]{2,16})/gu;
const STRONG_NAMED_CUE = /^(招牌|店名|店叫|店铺叫|商家|主播叫)/;
/** Before 叫: the one named is a person. */
const PERSON_BEFORE =
  /(老板|老板娘|店长|店员|经理|主管|负责人|法人|老总|员工|服务员|收银员|保安|户主|厨子|厨师|师傅|摊主|店主|男的|女的|人|我|俺|他|她|娃|孩子|儿子|闺女|媳妇|老公|老伴|同事|邻居|朋友|名字|小名)$/;
/** Words that end a name read after a cue ("叫老街坊反正…" is rare; "叫好再来饭店吃饭" keeps 饭店). */
const NAME_TAIL = /(吃饭|吃的|买的|卖的|点的|送的|做的|那家|那个|这家)+$/;
/** After a name: a trade phrase ("的胡辣汤店", "哩卤肉摊", "的托管班", "的外卖"). */
const TRADE_AFTER =
  /^(的|哩)?((?:那个|那家)?[\p{Script=Han}]{0,5}?(?:店|馆|铺|摊|超市|厂|坊|楼|部|园|班|屋|外卖|食堂|餐厅|酒家|公司|作坊|档口|配餐|饭庄|门市|主播|直播间|网店|店铺|商家|屠宰场|养殖场|养鸡场|养猪场|加工点|加工场))/u;

/** Dishes that end a shop name when a name-like head stands before them (王二卤肉, 大刘牛肉面). */
const DISHES = [
  '黄焖鸡米饭',
  '羊肉',
  '牛肉',
  '猪肉',
  '鲜肉',
  '早点',
  '羊肉烩面',
  '牛肉烩面',
  '三鲜烩面',
  '羊肉串',
  '酸辣粉',
  '螺蛳粉',
  '手抓饼',
  '擀面皮',
  '大盘鸡',
  '驴肉火烧',
  '水煎包',
  '卤面',
  '卤肉',
  '卤味',
  '卤菜',
  '烧鸡',
  '扒鸡',
  '凉皮',
  '凉面',
  '米线',
  '米粉',
  '麻辣烫',
  '麻辣香锅',
  '冒菜',
  '热干面',
  '牛肉面',
  '拉面',
  '烩面',
  '刀削面',
  '胡辣汤',
  '羊肉汤',
  '牛肉汤',
  '豆腐脑',
  '烧饼',
  '酱香饼',
  '煎饼',
  '肉夹馍',
  '生煎',
  '包子',
  '饺子',
  '馄饨',
  '炒饭',
  '盖饭',
  '黄焖鸡',
  '炸鸡',
  '鸡排',
  '汉堡',
  '烤鸭',
  '烤鱼',
  '烧烤',
  '火锅',
  '串串',
  '炸串',
  '肉蟹煲',
  '小龙虾',
  '大虾',
  '蛋糕',
  '烘焙',
  '熟食',
  '凉菜',
  '小炒',
  '私房菜',
  '奶茶',
  '豆花',
  '烤肠',
  '烤串',
  '烤冷面',
  '鸡蛋灌饼',
  '臭豆腐',
  '油条',
  '豆腐',
  '蒸面条',
  '焖面',
];
const DISH_RE = new RegExp(DISHES.sort((a, b) => b.length - a.length).join('|'), 'g');
/** After a dish that ends a name: a particle, a place word, a verb of eating or buying, or the end. */
const DISH_AFTER =
  /^([的哩里吃喝卖买用做后门对店家割称摊铺订,。!?;\s]|点(?![心儿])|天天|每天|一直|经常|老是|总是|专门|偷偷|竟然|居然|那(?:儿|里)?(?:买|吃|割|称|拿|订|喝)|$)/u;
/** A head that reads as a name: 老X, 小X, 大X, 阿X, X记, X家, X二, X姐, 胖子, 哥俩 … */
const NAME_HEAD =
  /^([老小大阿][\p{Script=Han}]{1,3}|[\p{Script=Han}]{1,3}(记|家|氏|姐|哥|嫂|叔|婶|妈|婆|爷|胖子|哥俩|兄弟|大王)|[\p{Script=Han}]{1,2}[二三四五六七八九]|[二三四五六七八九][\p{Script=Han}]{1,2}|胖子|胖哥|[\p{Script=Han}]{1,2}胖子)$/u;
const QUANTITY = /^[一二两三四五六七八九十几半好多\d]+[斤两个块份碗盒袋箱串只次顿天回]/u;
/** Heads that are words, not names (小区, 大家, 老人, 小孩…). */
const DISH_HEAD_NOT =
  /^(老板娘|老婆婆|老太太|老头|老大爷|小伙子|大伙|小朋友|小区|大家|老人|小孩|小孩子|大人|老家|人家|自家|国家|大街|小吃|大排档|老式|大份|小份|大碗|小碗|老婆|老公|小伙|大爷|大妈|大娘|小姐|老师|小妹|老板|大众|小型|大型|老牌|老字号|正宗|特色|秘制|大盘|小盘|老汤|小笼)$/;
/** After a family's name: eaten or bought there ("老李家吃的", "老陈家的凉菜"). */
const FAMILY_AFTER = /^[的哩]?(吃|买|喝|点|卖|饭|菜|凉菜|熟食|卤|肉|饺子|包子|面|汤|东西|店|馆|铺|摊|老板)/;
/** 老李家, 张家: a family's shop named by the family alone. */
const FAMILY_RE = new RegExp(
  `老?[${'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常牛申樊葛'}]家`,
  'g',
);

/** Chains written in Chinese, three characters or more: the ones a homophone typo can be read back to. */
const HAN_CHAINS = CHAINS.filter((c) => c.length >= 3 && /^[\p{Script=Han}]+$/u.test(c));
/** Characters a pinyin keyboard swaps for one another (得/德, 机/鸡, 成/城, 连/联 …). */
const HOMOPHONES = [
  '德得的地',
  '鸡机基几积击',
  '城成程诚乘',
  '联连莲廉',
  '冰兵',
  '雪学血',
  '蜜密',
  '劳老',
  '士市是式事',
  '克可客刻',
  '斯司丝思',
  '莱来',
  '汀亭庭停',
  '福付富',
  '乡香相',
  '东冬',
  '胖旁',
  '捞劳',
  '排牌派',
  '新心欣',
  '华化话',
  '想响',
  '忙芒盲',
  '味未位',
];
function soundsAlike(a: string, b: string): boolean {
  return a !== b && HOMOPHONES.some((g) => g.includes(a) && g.includes(b));
}

/** A position word, a name, then buying or eating there (门口茶语时光买的). */
const AT_PLACE_BOUGHT =
  /(?:门口|对面|对过|旁边|隔壁|楼下|东头|西头|南头|北头|路口|街上|集上)(\p{Script=Han}{2,6}?)(?=(?:买|吃|点|喝|订)(?:的|了|哩))/gu;

export interface ExtractOptions {
  /** Vetoes candidates that are really place names (林锦店, 三十里铺). */
  isPlace?: (s: string) => boolean;
  /** Common nouns (products, trades, places): a name made only of these is a description, not a name. */
  genericWords?: readonly string[];
}

function isDescription(name: string, generic: readonly string[]): boolean {
  let rest = name;
  for (const g of generic) if (g.length >= 2 && rest.includes(g)) rest = rest.split(g).join('');
  // 老马家, 张家: a surname before 家 makes a name even when only one character is left.
  if (/^老?[\p{Script=Han}]家$/u.test(rest) && !/^老?[小大新好这那某一个的]家$/.test(rest)) return false;
  // 老祁烧鸡作坊, 张记卤肉: 老 or 记 with a surname heads a name even when the rest is a product and a trade.
  const head = /^老(\p{Script=Han})$|^(\p{Script=Han})记$/u.exec(rest);
  if (head && SINGLE_SURNAMES.has(head[1] ?? head[2] ?? '')) return false;
  // "家家乐", "家家福": a doubled 家 is a name's own word.
  rest = rest.replace(/家家/g, '叠').replace(/[小大老新好这那某一个家的]/g, '');
  return rest.length < 2;
}

/** The name read leftwards from `end` up to a stop character or word (at most `max` characters). */
function readLeft(s: string, end: number, max: number, allow = ''): string {
  let i = end;
  let name = '';
  while (i > 0 && name.length < max) {
    const ch = s[i - 1];
    if (ch === undefined || !/[\p{Script=Han}a-z0-9·&]/u.test(ch)) break;
    // "某汽配厂", "某某面粉厂": a name kept back, not a name.
    if (ch === '某') return '';
    // 家 after a surname or nickname belongs to the name (老马家烩面馆, 张家羊肉汤); after 一/这/有… it does not.
    const familyName =
      ch === '家' &&
      /^[\p{Script=Han}]$/u.test(s[i - 2] ?? '') &&
      !STOP_CHARS.has(s[i - 2] ?? '') &&
      !/[一这那哪每某几两店商厂住回老]/.test(s[i - 2] ?? '');
    // "家家乐超市", "家家福": a doubled 家 is part of the name.
    const doubled = ch === '家' && (s[i - 2] === '家' || name.startsWith('家'));
    // 一中, 一小: an ordinal inside a school's name.
    const ordinal = /[一二三四五六七八九十]/.test(ch) && /^(中|小|高)/.test(name);
    // 开心, 开元, 好又多: a stop character that starts a common name word is kept.
    // 邻里优鲜, 万家福: 里 and 家 inside a common name word.
    // 茶里茶气, 湘里湘亲: 里 between a doubled character is the name's own pattern.
    const nameWord =
      (ch === '开' && /^(心|元|封|福|泰|源|来)/.test(name)) ||
      // "家乐惠超市", "家佳福": 家 starting a shop's name (not "一家", "这家", "有家").
      (ch === '家' && /^(乐|佳|润|世界)/.test(name) && !/[一这那哪每某几两有]/.test(s[i - 2] ?? '')) ||
      (ch === '街' && /^坊/.test(name)) ||
      // "老乡村土菜馆", "乡村大锅菜": 乡村 (the countryside) inside a restaurant's name, not a village.
      (ch === '村' && s[i - 2] === '乡' && /^(土菜|家常|农家|大锅|菜|饭|味)/.test(name)) ||
      (ch === '乡' && name.startsWith('村') && /^村(土菜|家常|农家|大锅|菜|饭|味)/.test(name)) ||
      // "老乡炸鸡王": 老乡 (a fellow villager) begins many shop names.
      (ch === '乡' && s[i - 2] === '老') ||
      (ch === '里' && (s[i - 2] === '邻' || (s[i - 2] !== undefined && s[i - 2] === name[0] && /\p{Script=Han}/u.test(name[0] ?? ''))));
    if (STOP_CHARS.has(ch) && !familyName && !doubled && !ordinal && !nameWord && !allow.includes(ch)) break;
    name = ch + name;
    i--;
    const stop = STOP_WORDS.exec(name);
    if (stop !== null && stop.index === 0) return '';
  }
  return (
    name
      // "上周五匿名举报过华南城鑫源冻品批发": what was done about it before is no part of its name.
      .replace(/^.*(举报|投诉|反映|曝光)(过|了)?(?=\p{Script=Han}{2})/u, '')
      .replace(/^(要|想|实名|匿名|要求|如果|反映|好多|正规|孩子|学生|举报|投诉|觉得|发现|听说|请问|咨询|让|找|希望|亲眼|看见|知道)+/, '')
  );
}

/** Platform and channel words glued before a shop name ("抖音直播间小芳零食铺", "淘宝店铺甜心烘焙"). */
const PLATFORM_LEAD =
  /^(?:抖音|快手|淘宝|天猫|拼多多|美团|饿了么|京东|小红书|微信|视频号)?(?:直播间|播间|直播|店铺|网店|外卖|商家|主播|小程序|平台|上的?)|^(?:供货商|供应商|批发商|上家|下家|厂家|合作方)/;
/** A school's name ends so ("实验小学", "二中", "阳光幼儿园"). */
const SCHOOL_END = /([一二三四五六七八九十]+[中小]|小学|中学|幼儿园)$/;
/** After a school: its meals are the matter. */
const SCHOOL_MEAL_AFTER = /^[的哩]?(食堂|饭|午饭|午餐|营养餐|伙食|饭菜|配餐|学生餐)/;
/** Institutions are named after their place (龙湖一中食堂, 河南工程学院二食堂): the place stays. */
const INSTITUTION_END = /(小学|中学|学院|大学|学校|幼儿园|食堂|[一二三四五六七八九十]中|医院|敬老院|养老院|卫生院)$/;

/**
 * How many leading characters of a name read leftwards are a place or a platform glued before it
 * ("华南城老张家胡辣汤店", "新郑市龙湖镇王二卤肉", "抖音直播间小芳零食铺"). At least two name
 * characters are always left.
 */
function leadLength(name: string, suffix: string, isPlace: (s: string) => boolean): number {
  let drop = 0;
  const institution = INSTITUTION_END.test(name + suffix);
  for (let guard = 0; guard < 4; guard++) {
    const rest = name.slice(drop);
    let n = PLATFORM_LEAD.exec(rest)?.[0].length ?? 0;
    if (n === 0 && !institution) {
      n = PLACE_PREFIX.exec(rest)?.[0].length ?? 0;
      for (let k = Math.min(8, rest.length - 2); n === 0 && k >= 2; k--) if (isPlace(rest.slice(0, k))) n = k;
    }
    if (n === 0 || rest.length - n < 2) break;
    // "老乡村土菜馆": when only a kind of food would be left (土菜馆, 家常菜馆), the "place" is the shop's own name.
    if (/^(土菜|家常菜|农家菜|农家饭|农家|小吃|快餐|早餐|早点|烩面|面|饭|菜|卤菜|熟食)$/.test(rest.slice(n))) break;
    drop += n;
  }
  return drop;
}

/** After a name: it is where something else is ("…对面的", "…旁边那家"). */
const LANDMARK_AFTER = /^(的)?(斜对面|对面|对过|旁边|隔壁|附近|门口|边上|后面|前面|楼下|东边|西边|南边|北边|往[东西南北])/;

interface Candidate {
  start: number;
  end: number;
  score: number;
}

const HAN = /\p{Script=Han}/u;

/**
 * "人和寨惠民超市": `s[at]` is the last character of a village's name (寨, 庄, 屯, 堡, 营) written right before a
 * shop's name, so it is no part of that name. `isPlace` says what a place is (the gazetteer).
 */
export function endsVillageName(s: string, at: number, isPlace: (text: string) => boolean): boolean {
  return /[寨庄屯堡营]/.test(s[at] ?? '') && [1, 2, 3].some((k) => at >= k && isPlace(s.slice(at - k, at + 1)));
}

/**
 * The business a text names, exactly as written (a substring of `rawText`), or null. Candidates: quoted
 * names with a shop cue; names after a naming cue ("一家叫X的超市", "招牌上写着刘记凉皮", "店名叫…",
 * "叫老张家的胡辣汤店" whole); names read leftwards off a trade word (张记胡辣汤, 华鑫食品厂) with places
 * and platform words glued before them dropped ("华南城老张家胡辣汤店", "直播间小芳零食铺"); a name-like
 * head before a dish (王二卤肉, 周记凉皮); a family's place where food is bought (在老李家吃的); schools
 * whose canteen is the matter; known chains, also typed with a homophone (肯得基); and English shop names
 * ("at FreshGo Mart", "called 'Sweet Moments'"). The best one wins; among equals the earliest.
 */
export function extractBusiness(rawText: string, opts: ExtractOptions = {}): string | null {
  const raw = typeof rawText === 'string' ? rawText.slice(0, 5000) : '';
  const s = normaliseKeepingOffsets(raw);
  const isPlace = opts.isPlace ?? ((): boolean => false);
  const generic = opts.genericWords ?? [];
  const cands: Candidate[] = [];
  const ok = (name: string): boolean =>
    name.length >= 2 &&
    !GENERIC.test(name) &&
    !/什么什么|啥啥|某某|叫什么来着|叫啥来着/.test(name) &&
    !isPlace(name) &&
    !/^[\d\s]+$/.test(name) &&
    !/[,。!?;，！？；]/.test(name);

  // 1. Quoted names.
  QUOTED.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = QUOTED.exec(s)) !== null) {
    const inner = (m[1] ?? '').trim();
    const innerStart = m.index + 1 + (m[1] ?? '').indexOf(inner);
    const before = s.slice(Math.max(0, m.index - 8), m.index);
    const after = s.slice(m.index + m[0].length, m.index + m[0].length + 6);
    if (!ok(inner) || inner.length > 20) continue;
    // "厨师都管这叫“老油”", "行话叫“回锅料”": a word for a thing or a practice, not the shop.
    if (
      /(管|把)(这|那|它|这个|那个|这种|那种)(东西)?叫(做|作)?$|(行话|俗称|土话|厨师|厨房里|他们)(都)?(叫|叫做|称为)$|所谓的?$/.test(before)
    )
      continue;
    // "直播卖“自家熬的土猪油”": what is sold, in quotes, is the product.
    if (/(卖|卖的|推销|叫卖|售卖|出售)$/.test(before)) continue;
    // "组织老人去“专家义诊”": an event in quotes is no shop.
    if (/义诊|讲座|活动|会议|课堂|体检|抽奖|促销|健康课|专家/.test(inner) && !TRADE_END.test(inner)) continue;
    const trade = TRADE_END.test(inner);
    // A sign on a van, a stall or a door ("车上贴哩「老杜家小磨香油」") names the seller, not a label.
    if (MEASURE_BEFORE.test(before)) continue;
    const claim =
      CLAIM_BEFORE.test(before) &&
      !/(招牌|店名)[^,。!?;]{0,5}$/.test(before) &&
      !/(车|车身|车门|车厢|三轮|摊|摊子|棚|棚子|门头|门脸|牌子|牌匾|横幅|灯箱)上?(贴|写|印|挂|喷)(着|的|哩|了)?$/.test(before);
    // "王垌村的'老周卤肉'": a quoted name at a place (村的, 集上的, 门口的) is what stands there.
    const cueBefore = BIZ_BEFORE.test(before) || PLACE_BEFORE_QUOTE.test(before);
    const weakBefore = WEAK_BEFORE.test(before);
    // Latin-only quotes ('sugar-free', 'organic') are English words unless a shop cue stands by them.
    if (/^[\x20-\x7e]+$/.test(inner) && !cueBefore && !/[A-Z]/.test(raw.slice(innerStart, innerStart + inner.length))) continue;
    const cueAfter = BIZ_AFTER.test(after);
    const descriptive = isDescription(inner, generic) && !trade;
    if (claim && !cueAfter && !trade) continue;
    if (descriptive && !cueBefore) continue;
    let score = 0;
    if (trade) score += 3;
    if (cueAfter) score += 2;
    if (cueBefore) score += 2;
    else if (weakBefore && (cueAfter || trade)) score += 1;
    if (/^(叫|名叫|叫做|店名|招牌|直播间|主播|店铺|网店)/.test(before.slice(-3)) || /(叫|名叫|叫做|店名|直播间|主播|店铺)$/.test(before))
      score += 2;
    // "【小梅私房辣酱】微信小店": a name in 【】 heads an order or a listing — the shop's own name.
    const listing = m[0].startsWith('【') && !descriptive && /^(微信小店|微店|小店|旗舰店|店铺|网店|官方|\s*\n|$)/.test(after);
    if (listing) cands.push({ start: innerStart, end: innerStart + inner.length, score: 6 });
    else if (score >= 2 && (cueBefore || cueAfter || trade))
      cands.push({ start: innerStart, end: innerStart + inner.length, score: score + 2 });
  }

  // 2. "一家叫X的超市", "叫香香快餐", "招牌上写着刘记凉皮", "店名叫…", "主播叫…" (unquoted). A shop cue
  // (店名, 招牌, 店叫, 商家是) names a shop by itself; a bare 叫 needs a shop word before or after.
  NAMED.lastIndex = 0;
  while ((m = NAMED.exec(s)) !== null) {
    const cue = m[1] ?? '';
    const before = s.slice(Math.max(0, m.index - 10), m.index);
    // "店名挺长的", "名字很怪": what the name is like, not the name.
    if (/^(挺|很|太|比较|有点)(长|短|怪|奇怪|难记|土|洋气|好听|难听)/.test(m[3] ?? '')) continue;
    // "老板叫戚永福", "我叫潘淑珍": a person. A shop is named after a shop word ("一家叫百姓优选的超市").
    if (PERSON_BEFORE.test(before)) continue;
    const strong =
      STRONG_NAMED_CUE.test(cue) || /(店|店铺|商家|饭店|超市|网店|外卖|主播|直播间|一家|有家|那家|这家|牌子|招牌|牌匾|门头)$/.test(before);
    // "店名叫 鱼你相遇酸菜鱼", "店名：…": a space or colon after the cue is no part of the name.
    const start = m.index + cue.length + (m[2] ?? '').length;
    let name = m[3] ?? '';
    const cut = name.search(/[的哩]/);
    if (cut >= 0) name = name.slice(0, cut);
    name = name.replace(NAME_TAIL, '');
    let end = start + name.length;
    const after = s.slice(end, end + 10);
    const phrase = TRADE_AFTER.exec(after);
    // (薛店, 辛店, 郭店 are places: "俺是薛店镇哩 叫张翠萍" names a person.)
    const shopBefore = /(家|店|铺|馆|超市|档口|公司|厂|作坊|摊|直播间|网店|店铺|饭店|餐厅|商家)[^,。!?;]{0,6}$/.test(
      before.replace(TOWNSHIPS_WITH_DIAN, ''),
    );
    if (!(strong || shopBefore || phrase !== null || TRADE_END.test(name))) continue;
    if (!ok(name) || /^(啥|什么|这个|那个|他|她|我|谁|哪|称|为|是|叫|字|卖|买|就|也|都|有|在|不|没)/.test(name)) continue;
    if (!strong && isDescription(name, generic)) continue;
    // "叫老张家的胡辣汤店": a family name alone is not the shop; the trade phrase after it belongs to it.
    if (phrase !== null && /家$/.test(name) && !GENERIC.test(phrase[2] ?? '')) end += phrase[0].length;
    // "直播间叫X，店铺名叫Y": the shop's registered name beats the stream's.
    cands.push({ start, end, score: strong ? (/^店(铺)?名/.test(cue) || /店铺$/.test(before) ? 5.5 : 5) : 4 });
  }

  // 3. Names read leftwards off a trade word.
  TRADE_RE.lastIndex = 0;
  while ((m = TRADE_RE.exec(s)) !== null) {
    const suffix = m[1] ?? '';
    const next = s[m.index + suffix.length];
    // 店家/店员/店长/店主/厂家/厂里人 are people, not the end of a name; 店村 is a village.
    if (next !== undefined && '家员长主商方区址名'.includes(next) && /[店厂铺坊馆园]$/.test(suffix)) continue;
    if (next !== undefined && '村镇乡寨庄'.includes(next)) continue;
    // "本人系新郑市第三中学退休教师": where the writer works or studies, not what they complain about.
    if (
      /学校|中学|小学|学院|大学|幼儿园|医院|公司/.test(suffix) &&
      /(系|本人是|我是|俺是|我在|俺在)[^,。!?;]{0,14}$/.test(s.slice(Math.max(0, m.index - 20), m.index)) &&
      /^(的|哩)?(退休|在职)?(教师|老师|职工|员工|干部|校长|医生|护士|工作人员|毕业)/.test(s.slice(m.index + suffix.length))
    )
      continue;
    // "华南城冻品市场C区8号": a market named by its trade is where the stalls are, not a business.
    if (/^(批发)?(市场|广场|一条街)/.test(s.slice(m.index + suffix.length))) continue;
    // "直接搬进冷库", "放到食堂": a place things were moved into, not a name.
    if (/[进入到往]$/.test(s.slice(0, m.index)) && /冷库|仓库|食堂|厂/.test(suffix)) continue;
    // 薛店, 辛店, 郭店: a township's name ("薛店贝贝母婴店"), not the end of a shop's.
    if (suffix === '店' && DIAN_OF_TOWNSHIP.test(s.slice(0, m.index))) continue;
    // 收摊, 出摊, 摆摊, 地摊: a stall's hours or a street stall, not the end of a name.
    if (suffix === '摊' && (STALL_VERB_BEFORE.test(s.slice(0, m.index)) || STALL_VERB_AFTER.test(s.slice(m.index + 1)))) continue;
    // "工程学院南门那家": a campus named by its gate is where the shop is, not the shop.
    // "工程学院门口那家奶茶店": the campus is the landmark, the shop the one by it.
    if (
      /学院|大学|中学|小学|学校|医院/.test(suffix) &&
      (/^[东西南北]门/.test(s.slice(m.index + suffix.length)) || LANDMARK_AFTER.test(s.slice(m.index + suffix.length)))
    )
      continue;
    // "村委会大院", "政府大院": the yard of an office, not a shop.
    if (/^(大院|小院)$/.test(suffix) && /(委会|政府|学校|医院|家属|部队|单位)$/.test(s.slice(0, m.index))) continue;
    // "五口之家" is a family of five, not a shop.
    if (suffix === '之家' && /口$/.test(s.slice(0, m.index))) continue;
    // 堂 ends 康寿堂 and 同仁堂, not 礼堂, 课堂 or 天堂.
    if (suffix === '堂' && /[食礼课教学澡讲天大祠满一佛喜会]$/.test(s.slice(0, m.index))) continue;
    // "我们学校二食堂": 们 is the end of a pronoun, not the start of a name.
    let name = readLeft(s, m.index, 12)
      .replace(/^们/, '')
      // "唐户村东头老赵家鸡场": a position word before the name is where it is, not what it is called.
      .replace(/^(东头|西头|南头|北头|东边|西边|南边|北边|路口|村口|门口|对面|旁边|隔壁)(?=\p{Script=Han}{2})/u, '');
    // "C区8号鑫旺冻品", "12号摊位老李卤肉": a stall's number is where it is, not its name.
    // "再拉回厂里重新冻上": goods taken back to "the factory" name none.
    if (/(拉|送|运|退|搬|拿)(回|到|进|去)$/.test(name)) continue;
    // "实验小学门口小卖部", "村委对面超市": a shop known only by what it stands beside has no name yet.
    if (/(门口|对面|对过|旁边|隔壁|附近|边上|楼下|后面|前面)$/.test(name) && name.length > 2) continue;
    // "走私冻品", "三无食品厂": what is wrong with the goods, not a name.
    if (/^(走私|假冒|伪劣|病死|过期|三无|无证|非法|黑心|地沟|私宰|注水)/.test(name)) continue;
    // "8号烘焙坊": when nothing but the trade is left, the number is the name.
    const unnumbered = name.replace(/^([a-z]?区)?[a-z]?\d+号(摊位?|档口|门面)?(?=\p{Script=Han}{2})/u, '');
    if (
      unnumbered !== name &&
      !isDescription(unnumbered, generic) &&
      !/^(烘焙|面包|蛋糕|甜品|卤肉|卤菜|熟食|水果|蔬菜|烧烤|奶茶|早点|早餐|包子|馒头|豆腐|面条|凉皮|炸鸡|火锅|饺子|小吃|快餐|冻品|海鲜|粮油|调料|干货)$/.test(
        unnumbered,
      )
    )
      name = unnumbered;
    // "村口惠民超市", "门口老王超市": the rest of a position word is no part of the name.
    if (/^[口头边旁外里]/.test(name) && /[村门路街集镇]/.test(s[m.index - name.length - 1] ?? '')) name = name.slice(1);
    // "俺庄南头养猪场": a position in the village before the trade word is where it is, not its name.
    const position = /^.*(东头|西头|南头|北头|村口|路口|街口|庄头|后头|前头)/.exec(name);
    if (position) name = name.slice(position[0].length);
    // "人和寨惠民超市": the last character of a village's name is no part of the shop's.
    const nameAt = m.index - name.length;
    if (name.length >= 3 && endsVillageName(s, nameAt, isPlace)) name = name.slice(1);
    // A school's canteen is filed under the school ("龙湖镇二中食堂" → 龙湖镇二中); a campus canteen
    // ("河南工程学院三食堂") stays a description.
    const canteenOfSchool = suffix === '食堂' && SCHOOL_END.test(name);
    // A school named by its place ("冯寺村小学", "龙湖镇二中"), when its meals are the matter.
    const school =
      canteenOfSchool ||
      (/^(小学|中学|幼儿园)$/.test(suffix) &&
        (SCHOOL_MEAL_AFTER.test(s.slice(m.index + suffix.length, m.index + suffix.length + 4)) ||
          // "于寨村小学上学回来说学校食堂那菜是馊哩": the school's canteen told a few words on.
          /学校(的|哩|里)?(食堂|伙上|伙房|饭)/.test(s.slice(m.index + suffix.length, m.index + suffix.length + 16))));
    if (
      school &&
      (name.length < 2 || /^第?[一二三四五六七八九十]+[中小]?$/.test(name) || GENERIC.test(name) || isDescription(name, generic))
    ) {
      const longer = readLeft(s, m.index, 12, '镇乡村区市县');
      // "冯寺村小学": the school is named by its place (a village name alone is still a place, not a school).
      if (longer.length > name.length && /[\p{Script=Han}]{2}[镇乡村区市县]/u.test(longer)) name = longer;
    }
    const lead = leadLength(name, suffix, isPlace);
    // On a platform ("直播间小芳零食铺") the shop's own name follows, nickname or not.
    const onPlatform = lead > 0 && PLATFORM_LEAD.test(name);
    name = name.slice(lead);
    const start = m.index - name.length;
    // "香辣坊火锅", "华联万家超市": the name goes on with a trade word.
    const more = /^(火锅|烧烤|餐厅|饭店|超市|食品厂|加工厂|酒楼|面馆|小吃|快餐|便利店)/.exec(s.slice(m.index + suffix.length));
    const full = canteenOfSchool ? name : name + suffix + (more?.[0] ?? '');
    const end = canteenOfSchool ? m.index : m.index + suffix.length + (more?.[0].length ?? 0);
    const described =
      isDescription(name, generic) &&
      !(school && /[一二三四五六七八九十]+[中小]$/.test(name)) &&
      !(school && /\p{Script=Han}{2}[镇乡村寨庄]$/u.test(name)) &&
      !(onPlatform && /[\p{Script=Han}]{2}/u.test(name) && !generic.includes(name));
    // "地址升达经贸管理学院北区3号楼": the writer's own address, not a business.
    const ownAddress = /^(地址|住址)/.test(name) || /(地址|住址|家住|住在|住)(是|[:：])?\s*$/.test(s.slice(Math.max(0, start - 4), start));
    if (name.length >= 2 && ok(full) && !GENERIC.test(name) && !isPlace(full) && !described && !ownAddress) {
      cands.push({ start, end, score: 3 + (name.length >= 3 ? 0.5 : 0) });
    } else if (/[的哩]/.test(s[start - 1] ?? '') && (described || name.length < 2)) {
      // "老黄家的豆腐坊": a family's name before a described trade is the shop's name.
      const fam = /老?[\p{Script=Han}]家$/u.exec(s.slice(Math.max(0, start - 4), start - 1));
      const famStart = start - 1 - (fam?.[0].length ?? 0);
      if (fam !== null && FAMILY_RE.test(fam[0]) && !STOP_CHARS.has(fam[0][fam[0].length - 2] ?? ''))
        cands.push({ start: famStart, end, score: 3.2 });
      FAMILY_RE.lastIndex = 0;
    }
  }

  // 3b. Names made of a person-like head and a dish, with no trade suffix (王二卤肉, 周记凉皮, 老孙家牛肉汤,
  // 胖哥俩肉蟹煲): only with a name marker in the head and not in the middle of a longer word.
  DISH_RE.lastIndex = 0;
  while ((m = DISH_RE.exec(s)) !== null) {
    const dish = m[0];
    // "老乡炸鸡王", "饺子大王": a dish crowned is a shop's name.
    const crown = /^(大王|王)(?=[,，。!?;\s]|$)/u.exec(s.slice(m.index + dish.length))?.[0] ?? '';
    const endAt = m.index + dish.length + crown.length;
    if (!DISH_AFTER.test(s.slice(endAt, endAt + 3))) continue;
    let head = readLeft(s, m.index, 8);
    // "老街黄焖鸡米饭": 街 stops a name read leftwards, but 老街/老巷/老城 begin many shop names.
    if (head.length < 2 && /^([老东西南北]街|老巷|老城)$/.test(s.slice(m.index - 2, m.index))) head = s.slice(m.index - 2, m.index);
    // "一份胖哥俩肉蟹煲": the measure word after a numeral is not part of the name.
    if (/[一二两三四五六七八九十几]/.test(s[m.index - head.length - 1] ?? '')) head = head.replace(/^[份个碗盒斤袋串只块杯瓶桶锅]/, '');
    // "北街口王姐煎饼摊": the rest of a position word (街口, 村头) is no part of the name.
    if (/^[口头边]/.test(head) && /[村门路街集]/.test(s[m.index - head.length - 1] ?? '')) head = head.slice(1);
    // "和庄集上卤味王 拿双氧水泡鸡爪": a dish crowned, standing alone, is a shop's name too.
    if (crown && head === '' && m.index > 0 && /[上的里在\s,。!?;]/.test(s[m.index - 1] ?? '')) {
      cands.push({ start: m.index, end: endAt, score: 2.8 });
      continue;
    }
    const lead = leadLength(head, dish, isPlace);
    // On a platform ("淘宝店铺甜心烘焙", "直播间…") any head is the shop's name.
    const onPlatform = lead > 0 && PLATFORM_LEAD.test(head);
    head = head.slice(lead);
    // "在华南城那个蜀香麻辣烫吃的", "去川香烧烤买的": a head and a dish where a meal was eaten or bought is a shop,
    // name marker or not.
    // "有家秦味凉皮，没营业执照": a shop counted and named ("有家", "一家", "那家") — no name marker needed.
    const counted = /(有家|有一家|有个|一家|那家|这家)$/.test(s.slice(Math.max(0, m.index - head.length - 4), m.index - head.length));
    const framed =
      counted ||
      (/(^|[在去到从])([^,。!?;\s]{0,8}(那个|那家|这家|的|哩))?$/.test(
        s.slice(Math.max(0, m.index - head.length - 12), m.index - head.length),
      ) &&
        /[在去到从]/.test(s.slice(Math.max(0, m.index - head.length - 12), m.index - head.length)) &&
        /^(吃|买|点|订|喝|打包|消费)/.test(s.slice(endAt)));
    if (
      head.length < 2 ||
      head.length > 4 ||
      !(NAME_HEAD.test(head) || onPlatform || framed || /^[东西南北]街$/.test(head)) ||
      QUANTITY.test(head)
    )
      continue;
    // "小饭店做黄焖鸡": a shop word or a deed in the head is a sentence, not a name.
    if (/[店馆厂铺做卖买吃用给拿]/.test(head)) continue;
    // 老街, 老巷, 老城 read as places but begin many shop names ("老街黄焖鸡米饭").
    if (GENERIC.test(head) || (isPlace(head) && !/^([老东西南北]街|老巷|老城|老胡同)$/.test(head)) || DISH_HEAD_NOT.test(head)) continue;
    // "王姐煎饼摊": a stall or a shop word right after the dish ends the name.
    const stall = /^[摊铺]/.test(s.slice(endAt)) && !STALL_VERB_AFTER.test(s.slice(endAt + 1)) ? 1 : 0;
    cands.push({ start: m.index - head.length, end: endAt + stall, score: 3 });
  }

  // 3c. A family's place with nothing after it ("在老李家吃的饺子", "老陈家的凉菜").
  FAMILY_RE.lastIndex = 0;
  while ((m = FAMILY_RE.exec(s)) !== null) {
    const prev = s[m.index - 1];
    if (prev !== undefined && HAN.test(prev) && !STOP_CHARS.has(prev) && !'城镇乡村头'.includes(prev)) continue;
    // A family's shop when food is bought or eaten there; "村里老王家办白事" is a family, not a shop.
    // ("老周家在自家后院弄了个小作坊": the family's own workshop, set up where they live.)
    const after = s.slice(m.index + m[0].length, m.index + m[0].length + 16);
    if (
      !FAMILY_AFTER.test(after.slice(0, 4)) &&
      !/^在[^,。!?;]{0,8}(弄|开|搞|办|支)了?(个|一个)?[^,。!?;]{0,3}(作坊|加工点|窝点|厂|锅)/.test(after)
    )
      continue;
    cands.push({ start: m.index, end: m.index + m[0].length, score: 2.8 });
  }

  // 3c'. A restaurant named …楼 where a meal was had ("在唐户村的福满楼吃喜宴", "福满楼订了三桌"): 楼 alone
  // ends too many things (6号楼, 办公楼) to be a trade word, but not before eating.
  const LOU = /([\p{Script=Han}]{2,3}楼)(?=吃|喝|办|摆|订|请|聚餐|用餐|的(饭|菜|酒席))/gu;
  while ((m = LOU.exec(s)) !== null) {
    const whole = m[1] ?? '';
    const name = whole.replace(/^[在到去里的上村镇]+/, '');
    if (
      name.length < 3 ||
      !ok(name) ||
      isPlace(name) ||
      /^(宿舍|教学|办公|住宅|居民|家属|大|小|高|酒|饭|[一二三四五六七八九十\d]+号?)/.test(name)
    )
      continue;
    const start = m.index + whole.length - name.length;
    cands.push({ start, end: start + name.length, score: 3 });
  }

  // 3e. A name written with its branch ("点了果茶研究所（华南城店）的杨枝甘露"): the name and its branch.
  const BRANCH =
    /(?:点了|买了|点的|买的|在|去|到|叫|(?:美团|饿了么|淘宝|抖音|拼多多|京东)上?(?:的)?\s)([\p{Script=Han}A-Za-z0-9]{2,12}?)\s?[(（][^()（）]{1,10}店[)）]/gu;
  /** The branches in brackets after a name: never the business by themselves ("（龙湖大学城店）"). */
  const branches: { start: number; end: number }[] = [];
  while ((m = BRANCH.exec(s)) !== null) {
    const whole = m[1] ?? '';
    const name = whole.replace(/^.*(点了|买了|点的|买的)/, '').replace(/^(美团|饿了么|淘宝|抖音|拼多多|京东)(上)?/, '');
    if (name.length < 2 || !ok(name) || isPlace(name) || GENERIC.test(name)) continue;
    const start = m.index + m[0].indexOf(whole) + whole.length - name.length;
    // The branch is kept with the name, as written: it tells which shop of the chain.
    cands.push({ start, end: m.index + m[0].length, score: 3.3 });
    branches.push({ start: start + name.length, end: m.index + m[0].length });
  }

  // 3f. A takeaway shop named right after the order ("在美团点了湘里湘亲小炒，饭菜里有头发").
  const ORDER = /(?:美团|饿了么)(?:上)?(?:点了?|订了?)(?:的|一家)?([\p{Script=Han}A-Za-z0-9]{3,10}?)(?=[,，。!！]|的|家的)/gu;
  while ((m = ORDER.exec(s)) !== null) {
    const name = m[1] ?? '';
    if (QUANTITY.test(name) || /^[一两几份个碗盒哩的]/.test(name) || !ok(name) || isPlace(name) || GENERIC.test(name)) continue;
    if (DISHES.includes(name) || new RegExp(`^(${DISHES.join('|')})+$`).test(name)) continue;
    if (/外卖|东西|饭菜|吃的|餐/.test(name)) continue;
    const start = m.index + m[0].indexOf(name);
    cands.push({ start, end: start + name.length, score: 2.9 });
  }

  // 3d. A livestream room named on its platform ("抖音枣乡情直播间", "快手上一个叫小王零食的直播间").
  const ROOM =
    /(?:抖音|快手|淘宝|视频号|小红书|拼多多)(?:上)?(?:的)?(?:一个|一家)?(?:叫)?([\p{Script=Han}A-Za-z0-9]{2,10}?)(?:的)?直播间/gu;
  while ((m = ROOM.exec(s)) !== null) {
    const name = m[1] ?? '';
    if (!ok(name) || isPlace(name) || /^(一个|一家|那个|这个|他们|她|他|某个)/.test(name)) continue;
    const start = m.index + m[0].indexOf(name);
    cands.push({ start, end: start + name.length, score: 3.4 });
  }

  // 4. Chains.
  CHAIN_RE.lastIndex = 0;
  while ((m = CHAIN_RE.exec(s)) !== null) {
    const before = s[m.index - 1];
    const after = s[m.index + m[0].length];
    if (/[a-z]/i.test(m[0]) && ((before !== undefined && /[a-z]/i.test(before)) || (after !== undefined && /[a-z]/i.test(after)))) continue;
    // "好又多超市", "华联生鲜": the chain with its trade word is the name written.
    const tail = /^(超市|便利店|生鲜|商场|购物中心|量贩|分店|店)/.exec(s.slice(m.index + m[0].length));
    cands.push({ start: m.index, end: m.index + m[0].length + (tail?.[0].length ?? 0), score: 2.5 });
  }

  // 4b. Chains typed with a homophone (肯得基, 正新机排, 蜜雪冰成): one character off, by sound.
  for (const chain of HAN_CHAINS) {
    for (let i = 0; i + chain.length <= s.length; i++) {
      const w = s.slice(i, i + chain.length);
      if (w === chain) continue;
      let off = -1;
      let count = 0;
      for (let k = 0; k < chain.length && count < 2; k++) {
        if (w[k] !== chain[k]) {
          off = k;
          count++;
        }
      }
      if (count === 1 && soundsAlike(w[off] ?? '', chain[off] ?? '')) cands.push({ start: i, end: i + chain.length, score: 2.4 });
    }
  }

  // 5. English shop names: "at FreshGo Mart", "from Sweet Nest on Taobao", "called 'Burger Hub'".
  const EN =
    /\b(?:[Aa]t|[Ff]rom|[Cc]alled|[Nn]amed|[Ss]hop name|[Ss]tore is|[Rr]estaurant|[Bb]akery|[Ss]hop|[Ss]tore|[Ss]tall|canteen (?:of|at))\s+(?:the\s+)?['"“‘]?((?:[A-Z][\w&'.-]*|\d+)(?:\s+(?:[A-Z][\w&'.-]*|of|and|&)){0,4})['"”’]?/g;
  const nfkc = raw.slice(0, s.length);
  EN.lastIndex = 0;
  while ((m = EN.exec(nfkc)) !== null) {
    const name = (m[1] ?? '').replace(/\s+(of|and|&)$/, '').trim();
    if (
      name.length < 3 ||
      /^(I|The|A|An|My|We|It|This|That|Meituan|Eleme|Taobao|Pinduoduo|Douyin|Kuaishou|JD|China|Chinese|Xinzheng|Henan|Zhengzhou|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Yesterday|Today)$/.test(
        name,
      ) ||
      // A township or village in pinyin is a place ("at the Xuedian town market"), not the shop.
      /^(Longhu|Guodian|Xuedian|Mengzhuang|Xindian|Xincun|Guanyinsi|Lihe|Hezhuang|Chengguan|Baqian|Longwang|Xinyan|Xinjian|Xinhua)\b/.test(
        name,
      ) ||
      /^\s+(town|township|village|county|city|district|zhen|xiang|cun)\b/i.test(nfkc.slice(m.index + m[0].length)) ||
      // "a student at Henan University of Engineering": a campus or a town is where, not who ("University
      // canteen" is named with its canteen below).
      (/\b(University|College|Institute|Campus|School|Town|Village|City|District|Airport|Station|Hospital|Park|Square)\b/.test(name) &&
        // "Campus Fresh Mart": a shop named with such a word ends in its trade.
        !/\b(Mart|Market|Shop|Store|Supermarket|Cafe|Café|Bakery|Restaurant|Kitchen|Deli|Grocery|Foods?)$/.test(name) &&
        !/^\s+(canteen|cafeteria|dining hall)/i.test(nfkc.slice(m.index + m[0].length)) &&
        !/^canteen/i.test(m[0]))
    )
      continue;
    const start = m.index + m[0].indexOf(m[1] ?? '');
    // "at Tianlala (甜啦啦)": the Chinese name written beside is the shop's own.
    const han = /^\s*[（(](\p{Script=Han}{2,12})[）)]/u.exec(nfkc.slice(start + name.length));
    if (han) {
      const hs = start + name.length + han[0].indexOf(han[1] ?? '');
      cands.push({ start: hs, end: hs + (han[1] ?? '').length, score: 3.6 });
      continue;
    }
    cands.push({ start, end: start + name.length, score: /['"“‘]/.test(m[0]) ? 4 : 3 });
  }
  // A Chinese name right after an English cue ("called 川味小厨", "about 好又多 supermarket").
  const ENZH = /\b(called|named|at|from|about)\s+([\p{Script=Han}]{2,10})/gu;
  ENZH.lastIndex = 0;
  while ((m = ENZH.exec(s)) !== null) {
    const name = m[2] ?? '';
    const start = m.index + m[0].indexOf(name);
    // "called 王记鲜肉" names the shop outright; "at 好又多" may still be a place.
    if (ok(name) && !isPlace(name) && !isDescription(name, generic) && !HAN.test(s[start + name.length] ?? ''))
      cands.push({ start, end: start + name.length, score: /^(called|named)$/.test(m[1] ?? '') ? 3.5 : 2.6 });
  }

  // 5c. A Latin-lettered name in a Chinese story ("升达门口那家DoDo茶 后厨…", "在Mr.Bread买的"): the letters and
  // the Han characters glued after them up to a stop character.
  if (HAN.test(s)) {
    const MIXED = /(?:^|在|去|到|那家|这家|一家|有家|叫|是|家的?)\s?([A-Za-z][A-Za-z0-9&'’.-]{1,14})/g;
    MIXED.lastIndex = 0;
    while ((m = MIXED.exec(nfkc)) !== null) {
      const latin = m[1] ?? '';
      const start = m.index + m[0].length - latin.length;
      if (/^(ok|okay|app|vip|id|xz|qq|wifi|diy|pos|ktv|kfc|atm|cbd|ps|pdf|jpg|png|sos)$/i.test(latin)) continue;
      if (/^[A-Z]{4}-/.test(nfkc.slice(start, start + 5))) continue;
      // "他微信号是 bianjing_dongpin": an account, not a shop.
      if (
        /微信|号|账号|id|ID|网名|昵称|邮箱/.test(nfkc.slice(Math.max(0, m.index - 6), m.index + 1)) ||
        /^[_@\d]/.test(nfkc[start + latin.length] ?? '')
      )
        continue;
      let end = start + latin.length;
      while (end < s.length && end - start - latin.length < 4 && HAN.test(s[end] ?? '') && !STOP_CHARS.has(s[end] ?? '')) end++;
      // A Latin word inside an English sentence is no shop name here (the English rules read those).
      if (/^\s?[a-z]/i.test(nfkc.slice(end, end + 2)) || /[a-z]\s$/i.test(nfkc.slice(Math.max(0, m.index - 2), m.index))) continue;
      const name = raw.slice(start, end);
      // At the very start only with Han glued on ("DoDo茶的奶浆…"; not "Emm我想投诉").
      if (m.index === 0 && !/^\p{Script=Han}/u.test(m[0]) && end === start + latin.length) continue;
      if (/^(hi|hello|hey|emm*|hmm*|hh+|haha|lol|yes|no|thx|thanks|sorry|omg|wtf|ps)$/i.test(latin)) continue;
      // Brands are written with a capital (KFC, DoDo, Mr.Bread) or with Han glued on; lower-case pinyin is not.
      if (!/[A-Z]/.test(latin) && end === start + latin.length) continue;
      if (ok(name)) cands.push({ start, end, score: end > start + latin.length ? 2.7 : 2.3 });
    }
  }

  // 5d. "在孟庄镇福寿康的健康讲座买了…": a health-product lecture is named after who runs it.
  const LECTURE = /的?(?:健康|养生|保健品?|免费)?(?:讲座|讲课|会销|体验馆)/g;
  LECTURE.lastIndex = 0;
  while ((m = LECTURE.exec(s)) !== null) {
    const left = readLeft(s, m.index, 8);
    const lead = leadLength(left, '', isPlace);
    const name = left.slice(lead);
    const start = m.index - name.length;
    if (
      name.length >= 2 &&
      ok(name) &&
      !isDescription(name, generic) &&
      !/[我俺你他她]|听|去|参加|开|办|搞|营养|健康|养生|保健|科普|知识|免费|公益|义诊|专家|老年|社区/.test(name) &&
      // ("租了个院子天天讲课": where and how often the lectures are, not who runs them.)
      !/^(院子|屋里|家里|村里|大院|礼堂|会议室|活动室)|(天天|每天|经常|常常|一直|整天)$/.test(name)
    )
      cands.push({ start, end: m.index, score: 2.6 });
  }

  // 8. "薛店聚福楼这个黑心饭店": the name, then what kind of shop it is.
  const THIS_SHOP = /(\p{Script=Han}{2,8}?)这(?:个|家)(?:黑心|破|垃圾)?(?:饭店|饭馆|餐馆|酒楼|超市|店|小卖部|作坊|厂)/gu;
  THIS_SHOP.lastIndex = 0;
  while ((m = THIS_SHOP.exec(s)) !== null) {
    let name = m[1] ?? '';
    const lead = leadLength(name, '', isPlace);
    name = name.slice(lead).replace(/^(的|在|是|去|到)/, '');
    const start = m.index + (m[1] ?? '').length - name.length;
    if (
      name.length >= 2 &&
      ok(name) &&
      !isPlace(name) &&
      !GENERIC.test(name) &&
      !/[我俺你他她]|没|根本|地址|那个|这个|一个|就是|还是|说/.test(name)
    )
      cands.push({ start, end: start + name.length, score: 3 });
  }

  // 7. A shop named right after its platform ("饿了么上辣小妞麻辣烫（华信学院店）").
  const ON_PLATFORM = new RegExp(
    `(?:美团|饿了么|抖音|快手|淘宝|拼多多|京东)(?:外卖)?(?:上|里)(?:的|那家|一家)?([\\p{Script=Han}A-Za-z0-9·]{2,12}?${TRADE_END.source.replace(/\$$/, '')})(?=[（(，,。\\s点买订的]|$)`,
    'gu',
  );
  ON_PLATFORM.lastIndex = 0;
  while ((m = ON_PLATFORM.exec(s)) !== null) {
    const name = m[1] ?? '';
    const start = m.index + m[0].length - name.length;
    // ("饿了么上点哩炸鸡": what was ordered there, not the shop.)
    if (/^(点|买|订|叫)(的|哩|了)/.test(name)) continue;
    if (ok(name) && !isDescription(name.replace(TRADE_END, ''), generic)) cands.push({ start, end: start + name.length, score: 3.2 });
  }

  // 7a. The shop apposed to the order ("昨晚上点的外卖 蜀香麻辣烫 吃出来一根长头发").
  const AFTER_ORDER = new RegExp(
    `(?:点的|点了|叫的|订的|买的)外卖[,，\\s]+([\\p{Script=Han}A-Za-z0-9·]{2,12}?${TRADE_END.source.replace(/\$$/, '')})(?=[,，。!！\\s]|$)`,
    'gu',
  );
  while ((m = AFTER_ORDER.exec(s)) !== null) {
    const name = m[1] ?? '';
    const start = m.index + m[0].length - name.length;
    if (ok(name) && !isDescription(name.replace(TRADE_END, ''), generic)) cands.push({ start, end: start + name.length, score: 3.2 });
  }

  // 7b. A shop named by its keeper and a dish, right after its platform ("饿了么上的张姐卤肉饭，店在西街社区").
  const ON_PLATFORM_KEEPER =
    /(?:美团|饿了么|抖音|快手|淘宝|拼多多|京东)(?:外卖)?(?:上|里)(?:的|那家|一家)((?:\p{Script=Han}{1,2}(?:记|家|姐|哥|嫂|妈|婶|叔)|老\p{Script=Han}{1,2})\p{Script=Han}{2,5})(?=[（(，,。\s]|$)/gu;
  ON_PLATFORM_KEEPER.lastIndex = 0;
  while ((m = ON_PLATFORM_KEEPER.exec(s)) !== null) {
    const name = m[1] ?? '';
    const start = m.index + m[0].length - name.length;
    if (ok(name) && !/[我俺你他她]|的|了|点|买/.test(name)) cands.push({ start, end: start + name.length, score: 3 });
  }

  // 6. A village banquet cook known by surname ("红白事都叫那个马师傅做酒席"): the cook is the business.
  const COOK =
    /(?:那个|一个|有个|请的|找的|叫的)(\p{Script=Han})(?:师傅|大厨|厨子)(?=[^，。,!?！？]{0,3}(?:做|办|包|掌勺)[^，。,!?！？]{0,2}(?:酒席|宴席|大席|席面|红白事|流水席))/gu;
  COOK.lastIndex = 0;
  while ((m = COOK.exec(s)) !== null) {
    const surname = m[1] ?? '';
    if (!SINGLE_SURNAMES.has(surname)) continue;
    const start = m.index + m[0].indexOf(surname, m[0].length - 3);
    cands.push({ start, end: m.index + m[0].length, score: 2.2 });
  }

  // 9. "在学校门口茶语时光买的奶茶": a name between where the shop stands and what was bought there, with no
  // trade word. Weak, and only a word that is neither a product, a trade nor a description.
  if (cands.length === 0) {
    AT_PLACE_BOUGHT.lastIndex = 0;
    while ((m = AT_PLACE_BOUGHT.exec(s)) !== null) {
      const name = m[1] ?? '';
      const start = m.index + m[0].length - name.length;
      if (!/(在|到|去|从)[^，。,!?！？]{0,10}$/.test(s.slice(Math.max(0, m.index - 12), m.index + 1))) continue;
      if (!ok(name) || /[的了在我你他她们个这那些点吃买喝卖家摊小老大]/.test(name)) continue;
      if (isDescription(name, generic) || isPlace(name)) continue;
      DISH_RE.lastIndex = 0;
      if (name.replace(DISH_RE, '').length < 2) continue;
      cands.push({ start, end: start + name.length, score: 2 });
    }
  }

  if (branches.length) {
    const inBranch = (c: Candidate) => branches.some((b) => c.start >= b.start && c.end <= b.end);
    for (let i = cands.length - 1; i >= 0; i--) if (inBranch(cands[i]!)) cands.splice(i, 1);
  }
  if (cands.length === 0) return null;
  // A long story names its business again and again: a name said twice or more outweighs a cue.
  for (const c of cands) {
    const said = s.split(s.slice(c.start, c.end)).length - 1;
    if (said >= 2 && c.end - c.start >= 3) c.score += said >= 3 ? 2 : 1.5;
  }
  // "新郑卷烟厂对面的鑫隆超市": a name used as a landmark for another is not the business.
  for (const c of cands) {
    if (!LANDMARK_AFTER.test(s.slice(c.end, c.end + 6))) continue;
    if (cands.some((o) => o.start >= c.end && o.end - o.start >= 2)) c.score -= 3;
  }
  // Best score; among equals the earliest (the business is usually named first).
  cands.sort((a, b) => b.score - a.score || a.start - b.start);
  let best = cands[0]!;
  // "二食堂的李姐包子铺", "华南城市场的老王卤肉": a stall inside a canteen or market is the business.
  if (/(食堂|市场|商场|美食城|美食广场|农贸市场)$/.test(raw.slice(best.start, best.end)) && /[的哩里]/.test(s[best.end] ?? '')) {
    const inner = cands.find((c) => c.start === best.end + 1 && c.score >= best.score - 0.5);
    if (inner) best = inner;
  }
  // "叫聚贤楼 不对 聚贤阁", "蜀香 哦不 川香麻辣烫": a name corrected in the same breath — the second one, when it
  // is a name of the same kind (the same first character or the same last one).
  const first = raw.slice(best.start, best.end).trim();
  const fix =
    /^[，,、\s]*(哦|噢|呃|啊)?[，,、\s]*(不对|不是|说错了|记错了|哦不|噢不)[，,、\s!！]*(应该)?(是|叫)?[，,\s]*([\p{Script=Han}A-Za-z0-9]{2,12})/u.exec(
      s.slice(best.end),
    );
  const second = (fix?.[5] ?? '').replace(/(吃|喝|买|点|订)(的|了|哩)?.*$/u, '');
  if (
    second &&
    second !== first &&
    Math.abs(second.length - first.length) <= 3 &&
    (second[0] === first[0] || second.slice(-1) === first.slice(-1) || TRADE_END.test(second)) &&
    !isPlace(second) &&
    !GENERIC.test(second)
  ) {
    const at = best.end + (fix?.index ?? 0) + (fix?.[0].length ?? 0) - (fix?.[5]?.length ?? 0);
    return raw.slice(at, at + second.length).trim() || first;
  }
  return first || null;
}

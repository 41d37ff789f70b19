// Suspected-crime detection (行刑衔接 trigger): 刑法 Art. 143 (病死肉 and other food below safety
// standards), Art. 144 (地沟油, 瘦肉精, non-food substances, banned pesticides/veterinary drugs, drugs
// in "health" food) and the neighbouring offences a regulator refers too (假冒, 注水肉, 私屠滥宰,
// 走私冻品, 野生动物). A word only counts when it is asserted: negated words ("不是地沟油"), words
// inside a question ("是不是地沟油？"), rumours being checked ("听说…真的假的"), accusations
// against the writer ("被人举报说用地沟油") and non-food uses ("甲醛超标的新房") do not.

import { TermMatcher, clauseAt, type Clause, type Term } from './text.ts';

export const CRIME_BASES = {
  病死肉: '刑法第143条',
  地沟油: '刑法第144条',
  瘦肉精: '刑法第144条',
  非法添加非食用物质: '刑法第144条',
  禁用农药兽药: '刑法第144条',
  保健食品非法添加药物: '刑法第144条',
  假冒: '刑法第140条',
  注水肉: '刑法第140条',
  私屠滥宰: '刑法第225条',
  走私冻品: '刑法第153条',
  野生动物: '刑法第341条',
  投毒: '刑法第114条',
  篡改日期: '刑法第140条',
  滥用食品添加剂: '刑法第143条',
} as const;
export type CrimeBasis = keyof typeof CRIME_BASES;

/**
 * - `action`: the word must come with a verb of adding/soaking/spraying (硼砂 is also a toy chemical,
 *   双氧水 a disinfectant): 加|放|掺|用|泡|熏|打|喂|兑|含|有… right before, or 泡|熏|腌… right after.
 * - `context`: another word that must appear somewhere in the text (a regex).
 */
interface CrimeTerm extends Term {
  basis: CrimeBasis;
  action?: boolean;
  context?: RegExp;
}

function c(basis: CrimeBasis, words: readonly string[], extra: Partial<CrimeTerm> = {}): CrimeTerm[] {
  return words.map((x) => ({ w: x, basis, ...extra }));
}

const MEAT = /(肉|猪|牛|羊|鸡|鸭|鹅|驴|甲鱼|虾|海参|鱼|蟹|贝|鱿)/;
const SLAUGHTER = /(杀|宰|屠)/;
const HEALTH_FOOD = /(保健|胶囊|茶|代餐|减肥|壮阳|降糖|降压|糖果|压片|含片|固体饮料|咖啡|药酒|酒)/;
const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

const TERMS: readonly CrimeTerm[] = [
  ...c(
    '病死肉',
    [
      '病死猪',
      '病死鸡',
      '病死鸭',
      '病死牛',
      '病死羊',
      '病死驴',
      '病死畜',
      '病死禽',
      '病死的猪',
      '病死的鸡',
      '病死的牛',
      '病死的羊',
      '病死肉',
      '病害肉',
      '病猪',
      '病牛',
      '病羊',
      '病鸡',
      '瘟猪',
      '瘟鸡',
      '猪瘟',
      '死因不明',
      '死猪',
      '死鸡',
      '死鸭',
      '死牛',
      '死羊',
      '死驴',
      '死鹅',
      '死畜',
      '死禽',
    ],
    { notBefore: ['不怕', '子嘴'], notAfter: ['杀', '打', '饿', '淹', '毒'] },
  ),
  ...c('地沟油', ['地沟油', '地勾油', '潲水油', '泔水油', '泔水里捞', '口水油', '回收油', '老油回收', '煎炸废油', 'gutter oil']),
  ...c('瘦肉精', ['瘦肉精', '盐酸克伦特罗', '克伦特罗', '克仑特罗', '莱克多巴胺', '沙丁胺醇']),
  ...c('非法添加非食用物质', [
    '苏丹红',
    '工业明胶',
    '工业用明胶',
    '吊白块',
    '掉白块',
    '罂粟壳',
    '罂粟籽',
    '罂粟粉',
    '婴粟壳',
    '大烟壳',
    '大烟籽',
    '加罂粟',
    '放罂粟',
    '福尔马林',
    '三聚氰胺',
    '碱性橙',
    '碱性嫩黄',
    '荧光增白剂',
    '乌洛托品',
    '皮革蛋白',
    '皮革奶',
    '塑化剂',
    '无根剂',
    '工业酒精',
    '甲醇中毒',
    '工业盐',
    '工业用盐',
    '工业碱',
    '工业火碱',
    '毒豆芽',
    '一滴香',
  ]),
  ...c('非法添加非食用物质', ['甲醛', '双氧水', '硼砂', '敌敌畏', '硫磺', '硫黄', '石蜡', '洗衣粉', '漂白粉', '火碱', '地西泮', '甲醇'], {
    action: true,
  }),
  ...c('禁用农药兽药', [
    '甲拌磷',
    '克百威',
    '呋喃丹',
    '涕灭威',
    '甲胺磷',
    '对硫磷',
    '久效磷',
    '氧乐果',
    '水胺硫磷',
    '灭多威',
    '毒死蜱',
    '六六六',
    '滴滴涕',
    '氯霉素',
    '孔雀石绿',
    '硝基呋喃',
    '呋喃唑酮',
    '呋喃西林',
    '喹乙醇',
    '己烯雌酚',
    '禁用农药',
    '禁用兽药',
    '禁用的农药',
    '剧毒农药',
    '高毒农药',
    '违禁农药',
    '违禁兽药',
  ]),
  ...c('禁用农药兽药', ['3911', '1605'], { notBefore: DIGITS, notAfter: DIGITS }),
  ...c(
    '保健食品非法添加药物',
    [
      '西地那非',
      '他达拉非',
      '伐地那非',
      '西布曲明',
      '酚酞',
      '格列本脲',
      '格列齐特',
      '格列美脲',
      '二甲双胍',
      '苯乙双胍',
      '罗格列酮',
      '伟哥',
    ],
    { action: true },
  ),
  ...c('保健食品非法添加药物', ['降糖药', '降压药', '西药', '激素', '安眠药'], { action: true, context: HEALTH_FOOD }),
  ...c('假冒', [
    '假冒',
    '假奶粉',
    '假酒',
    '假茅台',
    '假五粮液',
    '冒牌',
    '仿冒',
    '假商标',
    '假冒商标',
    '假冒注册商标',
    '卖假货',
    '假农药',
    '假药',
    '高仿',
    'counterfeit',
    'fake',
  ]),
  ...c('注水肉', ['注水肉', '注水', '注胶', '打过水', '打了水', '注了水', '注过水'], {
    notBefore: ['口', '井', '管', '器'],
    context: MEAT,
  }),
  ...c('注水肉', ['灌水'], { context: MEAT }),
  ...c('私屠滥宰', ['私屠滥宰', '私宰', '私屠', '私自屠宰', '私人屠宰', '非法屠宰', '假检疫', '伪造检疫', '检疫章是假', '自己刻的章']),
  ...c('私屠滥宰', ['不检疫', '未经检疫', '没检疫', '没有检疫', '未检疫'], { context: SLAUGHTER }),
  ...c('走私冻品', ['走私']),
  ...c('野生动物', ['穿山甲', '果子狸', '国家保护动物', '保护动物', '熊掌']),
  ...c('野生动物', ['野生动物'], { context: /(卖|吃|做|预定|收购|菜)/ }),
  ...c('投毒', ['投毒', '下毒', '毒鼠强']),
  ...c('瘦肉精', ['瘦肉粉', '瘦肉剂', '喂瘦肉', '吃瘦肉精']),
  ...c('非法添加非食用物质', ['硫酸铜', '柠檬黄', '日落黄', '碱性品红', '罗丹明', '美术绿', '工业色素', '工业松香', '吗啡', '大烟'], {
    action: true,
  }),
  // Gross abuse of a permitted additive: the amount words are the evidence, so no adding verb is needed.
  ...c(
    '滥用食品添加剂',
    ['亚硝酸盐', '亚硝酸钠', '工业硝', '甜蜜素', '糖精钠', '明矾', '漂白剂', '防腐剂', '膨松剂', '色素', '增稠剂', '护色剂', '焦亚硫酸钠'],
    {
      context:
        /(大量|一大勺|一大把|一把|好几勺|超量|过量|超标|使劲|狂|很多|不少|随便|成袋|整袋|半袋|没数|不按量|超范围|乱加|猛加|多放|超出|上瘾|太多|一大瓶|一大袋|用碗|一碗|一瓶|一缸)/,
    },
  ),
  ...c('篡改日期', [
    '篡改日期',
    '篡改生产日期',
    '改生产日期',
    '改日期',
    '重新打日期',
    '重打日期',
    '换日期',
    '改保质期',
    '重贴标签',
    '换标签',
    '重新贴标签',
  ]),
  ...c('假冒', ['套牌', '假货', '仿冒品', '山寨货', 'a货', '假名牌', '假包装', '冒牌货']),
  ...c(
    '野生动物',
    [
      '野味',
      '娃娃鱼',
      '大鲵',
      '猫头鹰',
      '刺猬',
      '獾子',
      '天鹅',
      '大雁',
      '斑鸠',
      '野生鸟',
      '候鸟',
      '麻雀',
      '野鸡',
      '野兔',
      '野生甲鱼',
      '蛇肉',
      '龟肉',
    ],
    { context: /(卖|吃|做|菜|店|收购|端上|菜单|预订|预定|炖|烤|红烧|上桌|下锅|宰|杀|饭店|馆)/ },
  ),
  ...c(
    '非法添加非食用物质',
    [
      '保险粉',
      '墨汁',
      '工业胶',
      '建筑用',
      '刷墙用',
      '草酸',
      '洗虾粉',
      '无根素',
      '无根水',
      '漂白粉',
      '敌百虫',
      '老鼠药',
      '避孕药',
      '吊白快',
      'formaldehyde',
      'borax',
      'diaobaikuai',
      'industrial dye',
      'industrial salt',
      'industrial alcohol',
      'malachite',
    ],
    { action: true },
  ),
  ...c('禁用农药兽药', ['孔雀绿', '孔雀石', '硝基夫喃']),
  ...c('非法添加非食用物质', ['工业级', '工业用的', '非食用', '油溶红', '化工店买']),
  ...c('滥用食品添加剂', ['亚硝', '亚硝酸言', '硝酸盐', 'nitrite'], {
    context:
      /(大量|一大勺|大勺|一大把|一把|好几勺|碗|超量|过量|超标|使劲|狂|很多|不少|随便|成袋|整袋|半袋|没数|不按量|乱加|猛加|多放|太多|中毒|spoon|handful|lot)/,
  }),
  ...c('走私冻品', [
    '不走海关',
    '没过海关',
    '没走海关',
    '没报关',
    '没有报关',
    '海关外面',
    '水货冻',
    '僵尸肉',
    '偷运',
    'smuggled',
    'no customs',
  ]),
  ...c('投毒', ['泻药', '灭鼠药', '耗子药'], { context: /(往|偷偷|趁|倒了|挤了|放了|下了|投)/ }),
  ...c('瘦肉精', [
    '克论特罗',
    '克仑特罗',
    '收肉精',
    '瘦肉晶',
    '受肉精',
    '兽肉精',
    '廋肉精',
    'clenbuterol',
    'ractopamine',
    'lean meat powder',
  ]),
  ...c('保健食品非法添加药物', ['sibutramine', 'sildenafil', 'phenolphthalein', 'tadalafil', 'glibenclamide']),
  ...c('禁用农药兽药', ['禁用的药', '禁用药', '违禁药', 'banned pesticide', 'banned drug']),
  ...c('病死肉', [
    'died of disease',
    'sick pigs',
    'dead pigs',
    'diseased',
    'pig carcasses',
    'died by itself',
    'died on its own',
    'died of illness',
    'dead sheep',
    'dead chickens',
    'sick sheep',
  ]),
  ...c('地沟油', ['swill oil', 'waste oil', 'grease traps', 'recycled oil', 'reused oil']),
  ...c('假冒', ['knock-off', 'knockoff', 'not genuine', 'counterfeit']),
];

interface CrimePattern {
  re: RegExp;
  basis: CrimeBasis;
  label: string;
}

/** Phrasings with no single keyword (the regulator's description of the act). */
const PATTERNS: readonly CrimePattern[] = [
  // "日期标签是新贴的，旧标签还贴在底下": a new date stuck over the old one.
  {
    re: /(日期|标签|日期标签)[^。;!?\n，,]{0,4}(是)?(新贴|重新贴|后贴|另贴)的?|旧(的)?(标签|日期)[^。;!?\n]{0,6}(底下|下面|下边|里面)/,
    basis: '篡改日期',
    label: '覆盖原日期',
  },
  // "用的色素是工业的", "那盐是工业用的": an industrial substance in food, said the other way round.
  {
    re: /(色素|颜料|染料|盐|明胶|胶|碱|酒精|松香|蜡)[^。;!?\n，,]{0,4}(是|都是|全是|用的是)工业(用)?的/,
    basis: '非法添加非食用物质',
    label: '工业用物质',
  },
  { re: /(猪|鸡|鸭|牛|羊|鹅|驴)(病)?死了[^。;!?\n]{0,10}(卖|收|加工|做成|煮|拉到|送到|低价)/, basis: '病死肉', label: '死畜禽流入食品' },
  {
    re: /(剩|泔水|潲水|锅底)[^。;!?\n]{0,10}油[^。;!?\n]{0,12}(回收|再用|重复用|再炼|过滤|再卖|接着用|重新用)/,
    basis: '地沟油',
    label: '回收餐厨废油',
  },
  { re: /(回收|捞|收集)[^。;!?\n]{0,10}(剩|泔水|潲水|锅底)[^。;!?\n]{0,10}(油|汤底)/, basis: '地沟油', label: '回收餐厨废油' },
  { re: /(回收|收集|收来|收)的?(老油|旧油|废油|剩油|锅底油|泔水油)/, basis: '地沟油', label: '回收餐厨废油' },
  {
    re: /假(的|冒的?)?(茅台|五粮液|剑南春|汾酒|洋河|泸州老窖|郎酒|西凤|杜康|宋河|红酒|白酒|洋酒|飞鹤|伊利|美赞臣|雅培|惠氏|爱他美|君乐宝|贝因美|合生元|蒙牛|双汇|红牛)/,
    basis: '假冒',
    label: '假冒品牌',
  },
  { re: /(酒|奶粉|茅台|五粮液|红酒|白酒)(是|都是|全是|竟然是)假的/, basis: '假冒', label: '假冒品牌' },
  { re: /(扫码|鉴定|查询|验证|防伪码?)(结果)?(是|显示|为)?假/, basis: '假冒', label: '鉴定为假' },
  { re: /(商标|包装|瓶子|牌子)[^。;!?\n]{0,8}(一模一样|完全一样|都一样)/, basis: '假冒', label: '假冒注册商标' },
  // "工业辣椒", "工业石膏", "工业色素": an industrial-grade substance in food (工业园/工业区 are places).
  {
    re: /工业(用|级)?(辣椒|石膏|色素|染料|碱|盐|明胶|酒精|用油|松香|香精|硫磺|双氧水|原料)/,
    basis: '非法添加非食用物质',
    label: '工业原料用于食品',
  },
  {
    re: /(家里|院子里|院里|自己|私自|偷偷|私人)[^,。;!?\n]{0,4}(杀|宰)[^,。;!?\n]{0,2}(猪|牛|羊|驴)[^,。;!?\n]{0,8}(卖|肉)/,
    basis: '私屠滥宰',
    label: '私自屠宰销售',
  },
  { re: /(不去|不进|没进|没去|不经过)屠宰场/, basis: '私屠滥宰', label: '未经定点屠宰' },
  { re: /贴(上|了)?[^,。;!?\n]{1,8}的?(标|商标|牌子|标签|防伪)/, basis: '假冒', label: '冒用他人标识' },
  { re: /(空瓶|旧瓶|回收的?酒瓶)[^,。;!?\n]{0,4}(里|中)?[^,。;!?\n]{0,2}(灌|装|兑)/, basis: '假冒', label: '回收酒瓶灌装' },
  {
    re: /(加|掺|放|添)[^。;!?\n]{0,8}蛋白(质)?(含量)?(才)?(达标|合格)|蛋白(质)?(含量)?(达标|合格)[^。;!?\n]{0,6}(加|掺|放)/,
    basis: '非法添加非食用物质',
    label: '为蛋白达标添加物质',
  },
  { re: /(检疫章|检疫证明?)[^。;!?\n]{0,4}(是假的|假的|伪造|自己刻)/, basis: '私屠滥宰', label: '伪造检疫' },
  // Expired food re-dated or re-packed for sale (篡改生产日期): the act in plain words.
  {
    re: /(改|换|篡改|涂改|重新打|重打|重新印|重印|重新贴|另贴|撕掉|撕了|撕下|抹掉|刮掉|擦掉|盖住|覆盖|遮住|贴上新的?)[^。;!?\n]{0,8}(生产日期|日期|保质期|批号|喷码|日期标签|到期日)/,
    basis: '篡改日期',
    label: '篡改生产日期',
  },
  {
    re: /(生产日期|日期|保质期|批号|喷码|到期日)[^。;!?\n]{0,8}(改成|改为|改了|改到|换成|换了|篡改|涂改|重新打|重打|重新印|重新贴|撕|抹掉|刮掉|擦掉|往后|延后|推后)/,
    basis: '篡改日期',
    label: '篡改生产日期',
  },
  {
    re: /(过期|临期|到期|发霉|变质|退回来)的?[^。;!?\n]{0,14}(重新包装|重新装袋|重新装|换包装|换个包装|改包装|换袋|翻新|回炉|重新上架|重新贴|重新打包|分装)/,
    basis: '篡改日期',
    label: '过期食品翻新',
  },
  { re: /(月饼|食品|零食|面粉|奶粉|肉|蛋糕|面包|饮料|牛奶)[^。;!?\n]{0,6}(回炉|翻新)/, basis: '篡改日期', label: '过期食品翻新' },
  // Gutter oil in plain words: oil taken from sewers, grease traps or swill.
  {
    re: /(下水道|下水井|阴沟|地沟|隔油池|污水井|泔水桶|泔水缸|泔水池|潲水桶|化粪池)[^。;!?\n]{0,10}(捞|舀|撇|提炼|炼|熬|收|抽)/,
    basis: '地沟油',
    label: '下水道捞油',
  },
  { re: /(捞|舀|撇|提炼|熬|炼)[^。;!?\n]{0,8}(下水道|阴沟|地沟|隔油池|泔水|潲水)/, basis: '地沟油', label: '下水道捞油' },
  {
    re: /(火锅)?(底料|老油|锅底|红油|汤底)[^。;!?\n]{0,10}(回收|重复用|重复使用|再用|给下一桌|下一桌接着|倒回|倒进大锅|循环用)/,
    basis: '地沟油',
    label: '回收火锅老油',
  },
  {
    re: /(顾客|客人)(吃剩|剩下|喝剩)的?[^。;!?\n]{0,8}(油|汤|底料)[^。;!?\n]{0,10}(倒回|回收|再用|接着用|过滤)/,
    basis: '地沟油',
    label: '回收顾客剩油',
  },
  // Clenbuterol in plain words.
  {
    re: /(喂|吃|拌|掺|打)[^。;!?\n]{0,8}(长瘦肉|瘦肉|让肉变瘦|让猪长得|催肥|催长)[^。;!?\n]{0,6}(药|的东西|粉|针)/,
    basis: '瘦肉精',
    label: '饲喂违禁药物',
  },
  // Addictive substances in hotpot and noodles without the word 罂粟.
  {
    re: /(加|放|掺)[^。;!?\n]{0,10}(上瘾|成瘾)的?(东西|料|粉|药|玩意)|吃了(会|就)?上瘾[^。;!?\n]{0,8}(加|放)了/,
    basis: '非法添加非食用物质',
    label: '添加成瘾物质',
  },
  // Counterfeit goods: another maker's mark or a fake brand.
  {
    re: /(冒用|套用|盗用|假冒|仿冒|仿造)[^。;!?\n]{0,10}(商标|品牌|牌子|厂家|厂名|名义|包装|标签|防伪)/,
    basis: '假冒',
    label: '假冒他人标识',
  },
  { re: /(不是|并非)(正品|真货|原装|正宗的?(茅台|五粮液))|假(的)?(货|包装|标签|商标|品牌|防伪码)/, basis: '假冒', label: '假冒商品' },
  {
    re: /假(的)?(海天|老干妈|金龙鱼|鲁花|福临门|五常大米|阳澄湖|牛栏山|二锅头|剑南春|康师傅|娃哈哈|农夫山泉|怡宝|可口可乐|王老吉|加多宝|六个核桃|光明|雀巢|金典|特仑苏|德芙|奥利奥|好丽友)/,
    basis: '假冒',
    label: '假冒品牌',
  },
  // Re-dating in more words: a new date printed, stamped or stuck over the old one.
  {
    re: /(打|印|喷|贴|标|盖|换|写)(上|了|成)?(新|当天|今天|今天的|新的|当天的)的?(日期|生产日期|喷码|日期签|标签|保质期|码)/,
    basis: '篡改日期',
    label: '打印新日期',
  },
  { re: /(擦|刮|磨|洗|撕|揭|打磨)[^。;!?\n]{0,10}(日期|喷码|日期签)/, basis: '篡改日期', label: '擦除原日期' },
  {
    re: /(日期|日期签|标签|喷码)[^。;!?\n]{0,6}(两层|贴了两层|有两层|底下是|下面是)[^。;!?\n]{0,12}(去年|过期|以前|之前)?/,
    basis: '篡改日期',
    label: '日期覆盖',
  },
  {
    re: /(过期|卖不完|卖剩|退回来|过了保质期|去年)的?[^。;!?\n]{0,30}(换(个|成|了)?新?的?(箱子|盒子|袋子|包装|标签|盒)|重新(卖|上架|称重|包|做|炒|打|装)|接着卖|再卖|改做|做成|打新日期|新日期)/,
    basis: '篡改日期',
    label: '过期食品翻新',
  },
  {
    re: /(去年|过期|陈)的?(月饼|糕点|奶粉|食品|零食|饮料)[^。;!?\n]{0,10}换(个|了)?(盒子|包装|新盒)/,
    basis: '篡改日期',
    label: '过期食品换包装',
  },
  {
    re: /(expiry|expiration|best[- ]before|production) date[^.]{0,40}(covered|changed|altered|re-?printed|re-?labell?ed|new sticker|sticker)|(sticker|label)[^.]{0,30}covers? the (original )?(expiry )?date|relabell?(ed|ing) expired/,
    basis: '篡改日期',
    label: 'relabelled date',
  },
  // Water injected into meat.
  {
    re: /(往|给|朝)[^。;!?\n]{0,12}(肉|猪|牛|羊|鸡|鸭|里脊|鸡胸)[^。;!?\n]{0,8}(打水|注水|灌水|推水|打针|推)/,
    basis: '注水肉',
    label: '往肉里注水',
  },
  {
    re: /(肉|猪|牛|羊|鸡|里脊)[^。;!?\n]{0,10}(注过水|打过水|注了水|打了水|灌过水|是注水|明显注水)|注过水的/,
    basis: '注水肉',
    label: '注水肉',
  },
  { re: /inject(ed|ing|s)? water|water[- ]inject/, basis: '注水肉', label: 'water-injected meat' },
  // Sick or dead animals as meat, in the words people use.
  {
    re: /(闹病|得病|有病|病|瘟)[^。;!?\n]{0,4}死了?[^。;!?\n]{0,30}(卖|拉到|送到|收|做成|剥|饭店|集上)/,
    basis: '病死肉',
    label: '病死畜禽销售',
  },
  {
    re: /(死了的|死掉的|病死的|死了哩|死了嘞)(猪|鸡|鸭|羊|牛|驴)[^。;!?\n]{0,20}(卖|拉到|送到|做|收)|(收|专收|低价收)[^。;!?\n]{0,10}(死了的|死猪|死鸡|病猪)/,
    basis: '病死肉',
    label: '病死畜禽销售',
  },
  {
    re: /(没有?检疫|未见检疫|检疫章都?木有|没盖章|没有任何检疫)[^。;!?\n]{0,30}(发紫|出血点|发黑|血点|脓包)|(发紫|出血点|脓包)[^。;!?\n]{0,40}(没有?检疫|未见检疫|没有任何检疫章|死了的猪|死猪)/,
    basis: '病死肉',
    label: '病害肉特征',
  },
  { re: /(猪|鸡|羊|牛)有(点)?病[^。;!?\n]{0,10}(杀|卖)/, basis: '病死肉', label: '病畜屠宰销售' },
  // Private slaughter.
  {
    re: /(自家|自己家|家里|后院|院子里|院里|家中|私人院)[^,。;!?\n]{0,6}(杀|宰)[^。;!?\n]{0,30}(检疫|卖|肉|饭店|集上|拉到|送到)/,
    basis: '私屠滥宰',
    label: '私自屠宰销售',
  },
  {
    re: /(画|描|盖|涂|刻)[^。;!?\n]{0,10}(检疫章|检疫印章|检疫印|蓝章)|(章|印章)[^。;!?\n]{0,4}(是)?自己(刻|画|盖)的/,
    basis: '私屠滥宰',
    label: '伪造检疫',
  },
  {
    re: /slaughter(ed)? (in|at) (a |his |her |their )?(private|backyard|courtyard|home)|killed in (his|her|their|a) (backyard|courtyard|yard)|(draws?|fakes?) (the )?(blue )?(quarantine|inspection) stamp/,
    basis: '私屠滥宰',
    label: 'private slaughter',
  },
  // Clenbuterol in slang: "喂了'精'", animals that cannot stand.
  {
    re: /(喂|料|拌|掺|吃)[^。;!?\n]{0,12}[“"'「]精[”"'」]|[“"'「]精[”"'」][^。;!?\n]{0,10}(喂|羊|牛|猪|瘦)/,
    basis: '瘦肉精',
    label: '饲喂瘦肉精',
  },
  {
    re: /(喂|饲料|料里|料)[^。;!?\n]{0,50}(站不稳|站都站不稳|腿直哆嗦|腿打颤|一赶就趴|趴窝)|(站不稳|站都站不稳|腿直哆嗦)[^。;!?\n]{0,30}(喂|饲料|瘦肉|出栏)/,
    basis: '瘦肉精',
    label: '瘦肉精中毒症状',
  },
  // Gutter oil: fried oil filtered and poured back, oil fished out of swill.
  {
    re: /油[^。;!?\n]{0,24}(过滤|滤一滤|滤一下|过过滤|滤滤)[^。;!?\n]{0,24}(倒回|再用|接着炸|接着用|第二天|接着卖|装成|卖给)/,
    basis: '地沟油',
    label: '回收废油再用',
  },
  {
    re: /(泔水|潲水)[^。;!?\n]{0,20}(熬|炼|烙|捞|提炼)|(熬|炼|烙|捞)[^。;!?\n]{0,10}(泔水|潲水)|(收|收回来)[^。;!?\n]{0,8}泔水[^。;!?\n]{0,20}(熬|油)/,
    basis: '地沟油',
    label: '泔水提油',
  },
  {
    re: /(drain|sewer|grease trap|swill)[^.]{0,40}(oil|grease)[^.]{0,40}(fry|cook|reuse|sell)|(collect|scoop)s? (the )?(grease|oil) from/,
    basis: '地沟油',
    label: 'gutter oil',
  },
  // Counterfeits: checks that say fake, another maker's bottles or boxes.
  {
    re: /(扫|查|验)[^。;!?\n]{0,6}(防伪码?|码|二维码)[^。;!?\n]{0,14}(不存在|查询过|别的东西|对不上|是假|无效|被查询|扫不出|查不到)|扫码[^。;!?\n]{0,6}扫不出/,
    basis: '假冒',
    label: '防伪查询为假',
  },
  {
    re: /(验|鉴定|专柜|专卖店|客服|厂家|代理商|品牌方|找人看)[^。;!?\n]{0,14}(说是假的|是假的|说不是他们|不是他们的|没生产过|根本没生产|不是正品|说是假货)/,
    basis: '假冒',
    label: '鉴定为假',
  },
  { re: /(批次|批号|批次号)[^。;!?\n]{0,12}(没生产过|不存在|对不上|是假的|根本没有)/, basis: '假冒', label: '批号为假' },
  {
    re: /(装进|灌进|灌到|装到|装在|倒进|换进|灌入|装入)[^。;!?\n]{0,10}[“"「'][^”"」']{1,8}[”"」'][^。;!?\n]{0,4}(的)?(空)?(瓶|礼盒|盒|包装|袋|箱|罐|桶)/,
    basis: '假冒',
    label: '装入他人品牌包装',
  },
  {
    re: /(印的是|印着|贴的是|打的是|印上|贴上)[^。;!?\n]{0,4}[“"「'][^”"」']{1,8}[”"」']的?(牌子|商标|标|logo|字样|瓶)|(别的|其他|别家|知名)[^。;!?\n]{0,6}(酒厂|厂家|品牌|厂)的?(商标|牌子|标签)/,
    basis: '假冒',
    label: '冒用他人商标',
  },
  {
    re: /[“"「'][^”"」']{1,8}[”"」'][^。;!?\n]{0,10}(瓶子|标签|纸箱|罐子|包装|盒子)[^。;!?\n]{0,10}(都是仿的|是仿的|是假的|是印的|是回收的)/,
    basis: '假冒',
    label: '仿冒包装',
  },
  {
    re: /(茅台|五粮液|剑南春|奶粉|特仑苏|金龙鱼|飞鹤|雅培|爱他美|美赞臣|大米|调和油|薯片|蜂蜜|燕窝|阿胶|海参|茶叶|白酒|红酒|洋酒)[^。;!?\n]{0,24}(说是假的|是假的|肯定是假的|明显是假的|鉴定为假|是假货|假酒)/,
    basis: '假冒',
    label: '假冒商品',
  },
  { re: /(冒充|假冒|当成?)[^。;!?\n]{0,8}(特医|特殊医学|医院同款|婴儿配方)/, basis: '假冒', label: '冒充特医食品' },
  // Sweeteners or dyes injected into fruit (超范围使用).
  {
    re: /(给|往)[^。;!?\n]{0,6}(西瓜|哈密瓜|水果|甜瓜|橙子|葡萄)[^。;!?\n]{0,6}(打针|注射|打甜|打色素|打糖精)|(西瓜|哈密瓜|水果)[^。;!?\n]{0,8}(打了?针|注射了?)/,
    basis: '滥用食品添加剂',
    label: '水果注射添加剂',
  },
  {
    re: /(猪|牛|羊)[^。;!?\n]{0,24}(走路打晃|走路打颤|走路不稳|站不住)|(喂|用)[^。;!?\n]{0,10}(肉精)/,
    basis: '瘦肉精',
    label: '瘦肉精中毒症状',
  },
  // Drugs found in or added to food and "health" food (检出氢氯噻嗪, 含吲哚美辛).
  {
    re: /(检出|检测出|查出|测出|含有|含|加了|掺了|添加了?|有)[^。;!?\n]{0,12}(氢氯噻嗪|吲哚美辛|地塞米松|硝苯地平|卡托普利|双氯芬酸|泼尼松|安乃近|曲马多|西布曲明|西地那非|他达拉非|格列本脲|格列美脲|苯乙双胍|二甲双胍|酚酞|罗格列酮|布洛芬|对乙酰氨基酚|利血平|氨氯地平)/,
    basis: '保健食品非法添加药物',
    label: '检出药物成分',
  },
  // Genuine containers refilled: "桶是真的，油是他自己灌的", empty formula tins bought back.
  {
    re: /(桶|瓶|罐|箱|盒)是真[的哩嘞]?[^。;!?\n]{0,10}(油|酒|奶粉|奶|水)是[^。;!?\n]{0,4}(自己)?(灌|装|兑)/,
    basis: '假冒',
    label: '回收真品包装灌装',
  },
  {
    re: /(收|回收|收购)[^。;!?\n]{0,8}(空奶粉罐|奶粉罐|空罐|空瓶|酒瓶|空桶)[^。;!?\n]{0,30}(灌|装|封)/,
    basis: '假冒',
    label: '回收包装灌装',
  },
  {
    re: /stick(s|ing)? (new )?['"‘“]?[A-Za-z0-9 ]{2,20}['"’”]? labels|batch (code|number)[^.]{0,30}(does not exist|doesn't exist|never produced)|counterfeit|fake (formula|milk powder|wine|liquor|label)/i,
    basis: '假冒',
    label: 'counterfeit',
  },
  // Re-dating with tools: sandpaper, a coding machine, two layers of date labels.
  { re: /(打码机|喷码机|砂纸|酒精棉|洗甲水)[^。;!?\n]{0,14}(日期|印上|打上|喷上|新的?|擦|磨)/, basis: '篡改日期', label: '篡改生产日期' },
  { re: /(两层|好几层|双层)[^。;!?\n]{0,4}(日期|标签|日期签)/, basis: '篡改日期', label: '日期覆盖' },
  // Frozen goods with only foreign labels: the mark of smuggled frozen meat.
  {
    re: /(冻|冷冻|冷库|冷藏)[^。;!?\n]{0,24}(全是外文|都是外文|只有外文|没有中文标签|没中文标签)|(全是外文|都是外文|没有中文标签)[^。;!?\n]{0,16}(冻|冷库|冷藏)/,
    basis: '走私冻品',
    label: '无中文标签进口冻品',
  },
  // Tampering with someone else's food: poison or laxatives slipped in.
  {
    re: /(趁|偷偷|偷摸)[^。;!?\n]{0,16}(往|在)[^。;!?\n]{0,14}(撒|倒|放|抹|挤|下)[^。;!?\n]{0,10}(粉|药|白面|泻药)/,
    basis: '投毒',
    label: '投放有害物质',
  },
  {
    re: /(往|在)[^。;!?\n]{0,10}(鱼塘|水塘|池塘|井里|水缸)[^。;!?\n]{0,6}(撒药|投药|下药|倒药)[^。;!?\n]{0,40}(卖|集上|捞)/,
    basis: '投毒',
    label: '毒鱼销售',
  },
];

const matcher = new TermMatcher<CrimeTerm>(TERMS);

const ACTION_BEFORE =
  /(加|放|掺|添|用|泡|熏|打|喂|兑|撒|抹|刷|含|有|灌|喷|浸|挖|倒|拌|舀|揉|涂|洒|检测出|检出|查出|测出|验出)[^,。;!?\n]{0,6}$/;
/** An adding verb within the 24 characters before, across clause breaks. */
const ACTION_NEAR =
  /(往|向|朝)[^。;!?\n]{0,10}(加|放|掺|添|倒|撒|兑|拌|泡|喷|灌|抹|刷|舀|挖)|(加|放|掺|添|倒|撒|兑|拌|泡|喷|灌|挖|舀)(了|进|入|一种|的是|点|些)|\b(add|adds|added|adding|mix|mixes|mixed|put|puts|spray|sprays|sprayed|soak|soaks|soaked|uses|using|used)\b/i;
const ACTION_AFTER = /^[^,。;!?\n]{0,2}(泡|熏|浸|做|腌|漂|兑|炸|喷|打|和|勾兑)/;
const NEGATED_BEFORE =
  /(不是|并非|没有|没|无|未|不含|不存在|排除|不会是|不像|未检出|没检出|未发现|没发现|不可能是|绝对不是|并不是)(是|用|的|加|放|含|了|过|有|什么|啥){0,2}$/;
const RHETORICAL_BEFORE = /(不就是|难道不是|可不就是|这不就是)(用|的|在)?$/;
const QUESTION_CLAUSE =
  /(\?|吗[吧呀啊]?$|吧\?|请问|犯法吗|违法吗|能查出来|咋查|怎么查|是不是|是否|会不会|算不算|能不能|有没有|怎么判断|怎么鉴别|如何判断|如何鉴别|怎么辨别|怎么识别|怎么分辨|真的假的)/;
const RHETORICAL_CLAUSE = /(不是|不就是|难道)[^,。;!?\n]{0,30}吗/;
const RUMOUR_CHECK = /(真的假的|是真的吗|是不是真的|有没有查过|是否属实|真的吗|不知道真假|不知真假|是别人传的|道听途说|谣言)/;
/** The writer says they have no evidence: a worry, not an assertion — unless they saw it themselves. */
const DISCLAIMER = /(没有证据|没证据|只是觉得|只是怀疑|不确定|说不准|也不知道真假|不知道真假|no proof|not sure)/i;
const WITNESSED =
  /(亲眼|我看见|我看到|俺看见|俺见|亲自|我在那|我在里面|我在他家|干过|上过班|打过工|是员工|员工|帮工|工人|我拍|拍了视频|视频|照片|检测|化验|鉴定|i saw|i watched|filmed)/i;
/** A hypothetical: "如果买到了假冒的奶粉", "要是地沟油". */
const HYPOTHETICAL_BEFORE = /(如果|要是|假如|万一|若是|假设|if)[^。;!?\n]{0,16}$/i;
/** An accident, not a crime: nitrite taken for salt. */
const ACCIDENT = /(当成|误当|误放|误用|不小心|以为是盐|错当|搞错)/;
/** A claim that a product replaces medicine is not adding the medicine ("喝了不用吃降压药"). */
const REPLACES_DRUG_BEFORE = /(不用|不用再|不必|停|停了|停掉|替代|代替|取代|能停|可以停|顶)(吃)?[^,。;!?\n]{0,1}$/;
const HEARSAY = /(听说|据说|网上说|有人说|传言)/;
/** A hedge right before the word: "好像是私宰的" is a doubt, not an assertion. "I think they use gutter oil" is
 * what a tip says (我觉得他们用地沟油): a suspicion, which is what a suspected crime is. */
const HEDGED_BEFORE =
  /((好像是?|可能是|估计是|大概是|不知道是不是|说不定是|怕是|疑似是?|是不是)[^,。;!?\n]{0,2}|\b(maybe|might be|may be|probably|i wonder)\b[^.!?\n]{0,16})$/i;
const ACCUSED = /(被人举报|被举报|诬告|冤枉|恶意举报|被人投诉)/;
/** Non-food settings in the same clause void an ambiguous substance (甲醛 in a new flat). */
const NON_FOOD_CLAUSE = /(洗发水|化妆品|面膜|装修|新房|家具|史莱姆|玩具|伤口|消毒伤|游泳池|眼药水|牙膏|衣服|鞋|甲醛超标|空气)/;
/** Look-alike counterfeits (康帅傅-style near-names) are administrative matters, not 假冒注册商标. */
const NEAR_NAME = /(山寨|傍名牌|写的是|差不多|相似|类似|一字之差|差一个字)/;
const TRUE_FAKE = /(一模一样|完全一样|都一样|鉴定|扫码|防伪|客服说不是|不是他们的货)/;
/** Disposal rather than sale (dumping dead pigs in a river is for 农业农村 / 生态环境). */
const DISPOSAL = /(扔|丢|倒在|埋|掩埋|无害化|焚烧|漂在)/;
const SALE = /(卖|收购|收的|加工|做成|煮|饭店|拉到|送到|出售|销售|市场|集上)/;

export interface CrimeHit {
  basis: CrimeBasis;
  evidence: string;
  index: number;
}
export interface CrimeVoid {
  evidence: string;
  why: string;
}
export interface CrimeFinding {
  hits: CrimeHit[];
  voided: CrimeVoid[];
  /** Dead-animal words about disposal, not sale: a lead for 农业农村局, not a food crime. */
  disposal: boolean;
}

/** The crime words in a text, whatever surrounds them ("管不管往卤肉里放大烟壳的？" names 非法添加). */
export function crimeWordsIn(s: string): CrimeBasis[] {
  return [...new Set(matcher.match(s).map((h) => h.term.basis))];
}

export function detectCrime(s: string, clauses: readonly Clause[]): CrimeFinding {
  const hits: CrimeHit[] = [];
  const voided: CrimeVoid[] = [];
  let disposal = false;
  const rumourCheck = RUMOUR_CHECK.test(s);
  const nearName = NEAR_NAME.test(s) && !TRUE_FAKE.test(s);
  const doubted = DISCLAIMER.test(s) && !WITNESSED.test(s);

  const assess = (index: number, len: number, evidence: string, basis: CrimeBasis, term?: CrimeTerm): void => {
    const clause = clauseAt(clauses, index);
    const ctext = (clause?.text ?? s).trim();
    const cstart = (clause?.start ?? 0) + ((clause?.text ?? s).length - (clause?.text ?? s).trimStart().length);
    const before = ctext.slice(0, index - cstart);
    const after = ctext.slice(index - cstart + len);
    const why = ((): string | null => {
      // The adding verb may sit a clause earlier ("往池子里倒一种白粉，老板说叫“保险粉”").
      const wideBefore = s.slice(Math.max(0, index - 24), index);
      if (term?.action === true && !ACTION_BEFORE.test(before) && !ACTION_AFTER.test(after) && !ACTION_NEAR.test(wideBefore))
        return 'no-action';
      if (term?.context !== undefined && !term.context.test(s)) return 'no-context';
      if (term?.action === true && NON_FOOD_CLAUSE.test(ctext)) return 'non-food';
      const rhetorical = RHETORICAL_BEFORE.test(before) || RHETORICAL_CLAUSE.test(ctext);
      const rhetoricalAfter = /^[^,。;!?\n]{0,3}(是啥|是什么|还能是啥|又是啥|是啥子|又是什么)/.test(after);
      if (!rhetorical && !rhetoricalAfter && NEGATED_BEFORE.test(before)) return 'negated';
      if (HEDGED_BEFORE.test(before)) return 'hedged';
      if (HYPOTHETICAL_BEFORE.test(before)) return 'hypothetical';
      if (basis === '保健食品非法添加药物' && REPLACES_DRUG_BEFORE.test(before)) return 'claim';
      if (basis === '滥用食品添加剂' && ACCIDENT.test(ctext)) return 'accident';
      if (doubted) return 'doubted';
      if (rhetoricalAfter) return null;
      if (!rhetorical && QUESTION_CLAUSE.test(ctext)) return 'question';
      if (rumourCheck && HEARSAY.test(ctext)) return 'rumour';
      if (ACCUSED.test(ctext)) return 'accused';
      if (basis === '假冒' && nearName) return 'near-name';
      if (basis === '病死肉' && DISPOSAL.test(s) && !SALE.test(s)) {
        disposal = true;
        return 'disposal';
      }
      return null;
    })();
    if (why === null) hits.push({ basis, evidence, index });
    else voided.push({ evidence, why });
  };

  for (const h of matcher.match(s)) assess(h.index, h.text.length, h.text, h.term.basis, h.term);
  for (const p of PATTERNS) {
    const m = p.re.exec(s);
    if (m !== null) assess(m.index, m[0].length, m[0], p.basis);
  }
  return { hits, voided, disposal };
}

/** `['病死肉', '刑法第143条', …]`: each basis once, followed by its article(s). */
export function crimeBasisList(hits: readonly CrimeHit[], s: string): string[] {
  const out: string[] = [];
  for (const h of hits) {
    if (out.includes(h.basis)) continue;
    out.push(h.basis, CRIME_BASES[h.basis]);
    if (h.basis === '假冒' && /商标/.test(s) && !out.includes('刑法第213条')) out.push('刑法第213条');
  }
  return out;
}

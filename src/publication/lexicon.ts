// Word lists used by the anonymiser (src/publication/anonymiser.ts).
// They are general Chinese lexicon, not tuned to any one text: surnames, characters that commonly
// appear in given names, titles, context cues and stop words (common words that start with a
// surname character). Keep additions general; every entry here affects unseen texts.

const chars = (s: string): Set<string> => new Set(Array.from(s.replace(/\s+/g, '')));
const words = (s: string): Set<string> => new Set(s.split(/\s+/).filter((w) => w.length > 0));

/** Two-character surnames (复姓). Risky ones such as 第五 / 南门 are deliberately left out. */
export const COMPOUND_SURNAMES: readonly string[] = [
  '欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '慕容', '尉迟', '长孙', '宇文', '司徒', '夏侯', '轩辕',
  '公孙', '端木', '独孤', '南宫', '西门', '闻人', '澹台', '太史', '申屠', '万俟', '呼延', '钟离', '赫连',
  '百里', '东郭', '拓跋', '令狐', '公冶', '宗政', '濮阳', '淳于', '单于', '左丘', '梁丘', '谷梁', '仲孙',
  '叔孙', '乐正', '司空', '司寇', '亓官', '巫马', '公西', '漆雕', '羊舌', '微生', '颛孙', '公羊', '闾丘',
];

/**
 * Single-character surnames: the ~300 most common ones. Characters that are mainly function words
 * (和, 那, 都, 来, 但, 由, 平, 明, 新, 多, 长 …) are left out on purpose: they would cost more
 * precision than the rare surname is worth.
 */
export const SURNAMES: ReadonlySet<string> = chars(`
王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖萧田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢
姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施
文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲
翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗
瞿桂全佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕
楚鄢劳谌奚皮粟冼蔺楼满闻厉伊仝郜阚权帅屠禹祖漆巴丰卿狄计宣晋初敬扈晁芮阙浦戈鹿邸雍辜亓裘邰赫杭况宿逯茹战慕亢
嵇湛戎茅揭尉冶檀昝衡尧鄂滑褚虎诸佘宦郦邴瞿扶芦竺
`);

/**
 * Characters common in given names (incl. rural/folk names such as 狗蛋, 二妮). Used to decide
 * whether the characters after a surname can be a given name when the context cue is weak.
 */
export const NAME_CHARS: ReadonlySet<string> = chars(`
伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英霞平刚桂兰华玉萍红娥玲芬飞鹏辉斌波宇浩凯健俊帆帅旭宁龙林欢阳建国志文
亮宏峰海鑫晨晓雪梅琳婷颖慧莉倩燕佳琪蕾薇楠瑶怡欣悦月彤萱涵妍雅梓子轩睿博泽铭昊然豪宸航皓嘉瑞新成德福贵生荣祥
才发喜春秋冬夏兵全仁义礼智信忠孝山川江云风雨雷光耀金银钢石珍珠宝凤鸿鹤莺桃杏竹菊松柏杨柳青清晶丹彩虹霖露霜冰
洁纯美艺诗书琴韵乐歌梦思念恩惠爱心安康和顺利达通胜威武雄伦彬宾滨炳灿昌朝辰诚承驰崇传聪翠道登迪东栋端敦朵尔菲
斐丰锋富根耕功恭冠广含寒汉翰好禾河贺恒弘厚虎桦焕吉季锦进晋京经精景敬婧靖君峻楷可克坤昆岚澜朗黎力立连莲良霖凌
铃隆璐茂萌孟淼民鸣茗妮凝诺朋奇祺启谦乾勤晴庆泉群冉容蓉榕锐润森善少绍深升盛世仕淑双爽硕松颂素韬腾天甜庭挺桐童
拓婉万旺维卫雯希熙曦仙贤娴翔笑星兴璇学勋亚岩言彦扬伊仪宜奕毅逸翼懿茵音寅莹盈映永咏优友佑羽语钰育煜元园远源媛
岳越芸增展章彰昭照哲振征正政之芝中钟舟洲柱卓紫宗祖尊二三大小狗蛋妞娃栓锁丫香妹娇姣蝶莎琼瑾璟瑜琦珊璐玮琛瑶
多令设草花凡修曼蔓莹莺鹃燕雁鹰彪豹骏驹铁钧锐铮键宪彤炜烨煊焱鑫淇溪沁湘漫潇浪涌澄滢灵霏霁宵霄丛苗蕊萃茜芷芙蓓葳蔚薇藤
卉菡荷芹蕙兰馨伶俐俭倩偲仲伯叔季孟汀沛沐洪浦润淑清渊源溢沂汐泓洛津浚淳湛滔漪澈熙耿泰岱峥嵘崧岚巍峻嵩昕晗
晟暄晖暖曜旻昱晏晔昀晓晞晴景智暮朗望朔期朦胧磊砚碧磐祥禄福禧秉秦程稳穗立竞章端笛筠简籍粲纪纬纹绮绯绣维绵
缘罡群羽翔翠耀聪肖胤舜艾芊芮苒若茹荔莉菁萍蓁蔚蕴薰虞蛟西谊谨豫贞贤赫超跃轩辉辰迎运进远迪逸遥邦郁醇金钦钰
铭锋锦镜长闯阔阳陶隽雄雅雍雯霆霓露青靓静韦韩顺颢颜飘飙馥驰骁骥高魁鹏鹤麟黎鼎龄
`);

/**
 * Characters that cannot continue a given name when reading the name after an explicit cue such
 * as 联系人 / 我叫 (function words, verbs that typically follow a name, gender/age words).
 */
export const BREAK_CHARS: ReadonlySet<string> = chars(`
的了着过在是和与及跟同向对给让被把从于也都又还就才已没不要会能去来到等说讲称电手反表告打联微住今昨前后上下先女
男性身年岁现该此这那其他她它我你您们个吃买卖拿用看问找叫请帮做开带送发认签投举报诉因为所但而或即并号经曾很
太最更只却再将以之地啊吗呢吧呀哦嗯约共第每各某几自本家店说称拨致打负在到场介绍
`);

/**
 * Titles / forms of address after a surname. 王先生, 刘女士 and 王建国先生 are all names; the
 * surname-only forms are masked together with the title (see anonymiser.ts).
 * Longest first so that 老板娘 wins over 老板, 总经理 over 总.
 */
export const TITLES: readonly string[] = [
  '老太太', '董事长', '总经理', '厨师长', '老板娘',
  '先生', '女士', '小姐', '老板', '师傅', '师父', '经理', '阿姨', '大爷', '大妈', '大娘', '大姐', '大哥', '大叔', '大婶',
  '老师', '医生', '大夫', '主任', '总监', '科长', '所长', '队长', '局长', '站长', '处长', '部长', '组长', '班长', '院长',
  '校长', '园长', '村长', '镇长', '乡长', '书记', '支书', '主管', '厂长', '会计', '律师', '警官', '同志', '同学', '护士',
  '店长', '老太', '老汉', '奶奶', '爷爷', '叔叔', '婶子', '嫂子', '老总',
  '总', '姐', '哥', '叔', '婶', '嫂', '姨',
];

/** When the title is 总 (王总), these next characters show that 总 starts another word (总局, 总共 …). */
export const ZONG_NOT_TITLE_NEXT: ReadonlySet<string> = chars('共计是算局部店体量额和数之结裁厨价重要站队');

/**
 * Strong left cues: the text right after them names a person. Role nouns (举报人, 店主, 执法人员 …)
 * and explicit naming verbs. Longest first.
 */
export const ROLE_CUES: readonly string[] = [
  '被投诉人', '被举报人', '法定代表人', '法人代表', '被询问人', '受送达人', '个体工商户', '执法人员', '办案人员',
  '工作人员', '检查人员', '调查人员', '实际控制人', '当事人代理人',
  '联系人', '举报人', '投诉人', '申请人', '反映人', '来电人', '来访人', '当事人', '负责人', '经营者', '经营户', '个体户',
  '业户', '摊主', '店主', '老板娘', '老板', '业主', '户主', '经办人', '承办人', '记录人', '检查人', '询问人', '见证人',
  '签收人', '收件人', '收货人', '送达人', '委托人', '代理人', '监护人', '承包人', '患者', '病人', '受害人', '消费者',
  '顾客', '员工', '店员', '厨师', '服务员', '营业员', '收银员', '配送员', '骑手', '外卖员', '快递员', '司机', '保安',
  '老公', '老婆', '爱人', '丈夫', '妻子', '儿子', '女儿', '孩子', '母亲', '父亲', '妈妈', '爸爸', '同事', '邻居',
  '朋友', '同学', '厂长', '经理', '主任', '家长', '学生', '校长', '园长', '店长', '律师', '法人', '股东', '职工', '帮工',
  '学徒', '村民', '网友', '户名', '我是', '持卡人', '开户人', '收款人', '付款人', '本人', '岳父', '岳母', '公公', '婆婆',
  '姐姐', '哥哥', '弟弟', '妹妹', '我妈', '我爸', '会计', '出纳', '医生', '护士', '老师', '班主任', '科长', '所长', '队长',
  '局长', '站长', '处长', '部长', '组长', '班长', '院长', '村长', '镇长', '乡长', '书记', '支书', '主管', '总监', '董事长',
  '总经理', '厨师长', '警官', '大夫', '市民', '群众', '居民', '村民', '婆婆', '公公', '奶奶', '爷爷', '姥姥', '姥爷', '外婆',
];

/** Role cues too vague to take any Han characters after them: the name must look typical and end there (我是贺兰芳，…). */
export const WEAK_ROLE_CUES: ReadonlySet<string> = new Set([
  '我是', '本人', '市民', '群众', '居民', '村民', '顾客', '消费者', '学生', '孩子', '患者', '病人', '受害人', '员工', '职工', '帮工',
  '学徒', '网友', '老公', '老婆', '爱人', '丈夫', '妻子', '儿子', '女儿', '母亲', '父亲', '妈妈', '爸爸', '岳父', '岳母', '公公',
  '婆婆', '姐姐', '哥哥', '弟弟', '妹妹', '我妈', '我爸', '奶奶', '爷爷', '姥姥', '姥爷', '外婆', '同事', '邻居', '朋友', '同学',
  '家长', '股东', '司机', '保安', '厨师', '骑手',
]);

/** Explicit naming cues: after these the next word is a name even if it is also a common word (叫夏天). */
export const NAMING_CUES: readonly string[] = ['名字叫', '名字是', '姓名', '名叫', '叫做', '我叫', '叫'];

/**
 * Right cues: a name is often directly followed by one of these (孔令辉说…, 王磊的电话…). Strong
 * ones are enough for a two-character name anywhere; weak ones (跟我, 一起 …) need a
 * three-character name, a sentence boundary or a left cue.
 */
export const STRONG_RIGHT_CUES: readonly string[] = [
  '说', '讲', '称', '告诉', '表示', '承认', '反映', '介绍', '回复', '答应', '同意', '拒绝', '确认', '签字', '签名', '打电话',
  '的电话', '电话', '手机', '的手机', '微信', '的微信', '家住', '住在', '本人', '同志', '夫妇', '两口子', '的老公', '的老婆',
  '的丈夫', '的妻子', '的爱人', '的儿子', '的女儿', '的孩子', '的妈妈', '的爸爸', '的母亲', '的父亲', '的身份证', '的银行卡',
  '的账户', '的账号', '的车', '的家', '家里', '接的电话', '接电话', '投诉', '举报', '来电', '来访', '报案',
];

/** 张强三个人…, 王磊等五人…: a count of people right after a name. */
export const COUNT_PEOPLE_RE = /^(?:等)?[一二三四五六七八九十两几\d]+(?:个|名|位)?人/;
export const RIGHT_CUES: readonly string[] = [
  ...STRONG_RIGHT_CUES,
  '母女', '父子', '母子', '等人', '让我', '跟我', '和我', '叫我', '带我', '给我', '开的', '经营的', '负责', '在场', '到场',
  '到店', '，他', '，她', ',他', ',她', '（他', '(他', '也吃', '也在', '也去', '也买', '一起', '和他', '和她', '跟他', '跟她', '与他',
  '与她', '及其', '夫妻', '两人', '二人', '三人', '昨天', '今天', '前天', '上午', '下午', '晚上', '中午', '早上', '刚才', '曾经',
  '于1', '于2', '都', '也', '在',
];

/** "<name>是(这家店的)老板": a role noun within a few characters after 是. */
export const ROLE_AFTER_SHI_RE = /^(?:是|系|为)(?:这家|那家|该|我们|他们|这个|那个|店里|店|厂里|这里|那里|本店)?[^，。,;；!！?？\s]{0,6}?(?:老板|老板娘|店长|负责人|经理|厨师|员工|店员|服务员|经营者|法人|股东|会计|老师|校长|园长|医生|司机|业主|房东|承包人|厂长)/;

/**
 * Verbs that take a person as object: 请转交马晓丽, 麻烦转告一下吴秀珍. Enough, together with a
 * typical three-character name that ends at a boundary.
 */
export const OBJECT_VERB_CUES: readonly string[] = [
  '转交', '转告', '交给', '告诉', '通知', '告知', '联系', '回复', '委托', '麻烦', '谢谢', '感谢', '找', '问', '请', '打给', '发给',
  '转给', '交由', '由',
];

/** Weak left cues (verbs/prepositions that often take a person). Only add weight, never enough alone. */
export const LEFT_CUES: readonly string[] = [
  '问问', '问了', '找了', '联系', '通知', '告诉', '是', '找', '问', '和', '跟', '与', '让', '被', '给', '叫上', '昨天', '今天', '前天',
  '当时', '后来', '然后', '刚才', '上午', '下午', '晚上', '中午', '早上',
];

/** Connectors in a list of names: 张伟、李强和王磊. */
export const NAME_CONNECTORS: readonly string[] = ['以及', '还有', '还是', '或者', '、', '和', '与', '及', '跟', '或', '/'];

/**
 * Words after a name-looking string that show it is a shop, brand or place, not a person:
 * 张飞牛肉, 诸葛亮烤鱼店, 东方红饭店, 欧阳路.
 */
export const SHOP_OR_PLACE_SUFFIXES: readonly string[] = [
  '烧烤', '面馆', '饭店', '超市', '餐馆', '餐厅', '酒楼', '酒店', '饭馆', '小吃', '食品', '商行', '批发', '菜馆', '肉店',
  '便利店', '牛肉', '羊肉', '猪肉', '胡辣汤', '烩面', '包子', '饺子', '副食', '蔬菜', '水果', '炸鸡', '火锅', '卤肉', '卤菜',
  '熟食', '药房', '诊所', '鸡排', '奶茶', '快餐', '蛋糕', '烘焙', '面包', '麻辣烫', '米线', '凉皮', '豆腐', '粮油', '冷饮',
  '黄焖鸡', '烤鱼', '烤肉', '烤鸭', '板面', '拉面', '羊肉汤', '牛肉汤', '汤馆', '早餐', '早点', '小卖部', '商店', '门市',
  '百货', '家常菜', '私房菜', '食府', '大院', '大酒店', '鱼庄', '饭庄', '茶楼', '酒家', '酒坊', '作坊', '加工', '养殖',
  '屠宰', '冷库', '冷链', '生鲜', '商贸', '贸易', '公司', '集团', '有限', '商场', '市场', '广场', '花园', '小区', '社区',
  '公寓', '大厦', '中学', '小学', '学校', '幼儿园', '医院', '卫生院', '宾馆', '大道', '大街', '胡同',
  '店', '馆', '铺', '坊', '厂', '斋', '府', '牌', '路', '街', '巷', '村', '镇', '乡', '市', '县', '区', '省', '庄',
  '屯', '寨', '园', '苑', '城', '楼',
];

/**
 * The ~110 most frequent surnames. A surname + bare title (王师傅) right after another Han character
 * that is not a typical left context (厨房师傅, 出租车师傅) is accepted only for these.
 */
export const TOP_SURNAMES: ReadonlySet<string> = chars(`
王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟
谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤常温康施文牛樊葛邢
`);

/** Characters that typically stand right before a person reference (的王师傅, 找李经理, 我们张老师). */
export const NAME_LEFT_OK: ReadonlySet<string> = chars('的是叫找问跟和与给让被请位个那这说了对把由替谢姓到见等及们向同称');

/** Characters before a surname that mean it is a nickname or a non-name (老王, 小李, 阿芳). */
export const NICKNAME_PREFIX: ReadonlySet<string> = chars('老小阿');

/** Prepositions/verbs that are also (rare) surnames: never read as surname before a bare title (我向老板反映). */
export const PREPOSITION_SURNAMES: ReadonlySet<string> = chars('向和同与跟对给把被让叫问找等从将由替为比连陪帮请求是');

/** Masked-name markers: 王某, 李某某, 张×, 陈** are already anonymised. */
export const MASK_MARKERS: ReadonlySet<string> = chars('某×xX*＊○〇□△ⅹ');

/** Adverbs, conjunctions and other function words starting with a surname char: never a name, even after 叫. */
export const FUNCTION_STOP: ReadonlySet<string> = words(`
马上 万一 常常 于是 许多 方便 高兴 应该 应当 全部 连续 连忙 毕竟 尚未 宁可 简直 经常 时候 时间 何时 何况 任何 如何 余下
陆续 曾经 向来 全都 全是 原来 原本 关于 终于 至于 由于 仍然 单独 幸亏 幸好 尤其 况且 诸位 诸如 包括 麻烦 满意 解决 查看
申请 关门 马路 路边 路上 路口 车上 冷藏 冷冻 卫生 顾客 全家 安全 石头 司机 师傅
`);

/**
 * Common words starting with a surname character (高兴, 周末, 黄瓜, 夏天 …), incl. brands and
 * places. Not a name unless an explicit naming cue (我叫/名叫/叫) says so.
 */
export const STOP_WORDS: ReadonlySet<string> = words(`
马上 万一 常常 于是 许多 方便 高兴 周末 应该 应当 全部 连续 连忙 毕竟 尚未 宁可 简直 经常 时候 时间 何时 何况 任何
如何 余下 陆续 曾经 向来 全都 全是 全然 常年 常见 曾是 原来 原本 刚刚 关于 于今 终于 至于 由于 仍然 单独 单是 幸亏
幸好  石头 高温 周围 钟点 许可 许久 毛病 安全 安排 安装 安心 安静 时时 万分 万元 万块 千万 钱款 成本 成分 成为
成功 成立 成品 全体 全家 全国 全市 全面 华为 曲奇 宁愿 宁肯 米饭 米线 米粉 温度 温馨 康复 易拉罐 简单 简易 明明
包括 包装 包子 包间 包好 包装袋 连锁 连夜 白天 白色 白酒 白糖 白菜 白米 白送 白吃 白跑 黄色 黄瓜 黄豆 黄油 黄牛
金额 金钱 钱包 文件 文明 文化 文字 马路 马桶 牛奶 牛肉 羊肉 齐全 符合 舒服 纪律 童年 毕业 单位 单据 季度 霍乱 苗头
谷物 蓝色 蓝莓 路边 路上 路口 游戏 游客 辛苦 管理 管道 柴油 阳光 阳台 时代 司机 司法 古代 简直 车辆 车上 车子 项目
费用 冷冻 冷藏 冷库 冷饮 冷菜 卫生 宗旨 应该 边上 师傅 商家 商户 商品 商场 商店 商标 沙拉 荣誉 官方 封口 谈判 乐意
南方 班长 原料 原因 原则 燕麦 皮蛋 楼上 楼下 楼道 满意 权利 权益 帅哥 祖国 丰富 计划 计量 宣传 敬请 初中 初步 宿舍
班主任 战争 衡量 欧洲 关系 关门 兰州 焦糖 左右 陈述 陈列 陈旧 陈醋 杨梅 杨树 罗列 范围 夏天 江苏 江西 沈阳 郑州 郑重 周一
周二 周三 周四 周五 周六 周日 周边 周年 周期 周到 孙子 胡说 胡乱 胡椒 林业 何必 谢谢 韩国 唐朝  董事 程序 程度
曹操  许多    苏醒     丁香   叶子 余额  杜绝 戴着 夏季 钟头 汪汪 田地
姜汤 范本 方法 方面 方式 方案 方向 方便面 金属 陆地  孔雀   秦朝 江湖 史上 顾客    龙虾 龙井
雷同 汤圆  黎明 易于 武汉 乔迁 贺卡 鲁莽 岳父 岳母 柳树 甘肃 祝福 宁夏 梅花 凌晨 成都 盛情 曲线  骆驼 路过
申请 申报 申明 欧美 耿直 关注 关心 关键 兰花  左边 柳州 包装盒 尚且 毕竟 季节  涂抹 苗条 谷子 盛开 冉冉 蓝天
游泳 辛辣  管控 蒙牛 伊利 卫龙 古茗 鲍鱼 华莱士   蒲公英 房子 房间 房东 房租 房屋  屈服 饶恕 解决
解释 解放 解除 艾草 尤其 阳性 穆斯林 卓越 古城 吉祥  简称 车间 车站 项目 连接 芦荟 麦当劳 麦片   
景区 景点 党员 宫保鸡丁   冷水  席位 卫龙 米面 柏油  桂花 桂圆 全程 应急 边境  师父 仇人 
商量 沙发    桑葚  甄别 丛林 仲裁   巩固 池塘 查看 查询 查处 查封 查明 麻烦 麻辣  迟到
迟迟 官网 封存 谈话  鞠躬 惠民 荆芥 乐观  郁闷  南瓜 南京 班级 储存 储藏 原价 栗子 燕窝   劳动
劳务  皮肤    楼层 满足 满满 闻到 闻闻 厉害     权限 帅气 屠宰 禹州 祖传 漆黑 巴不得
丰收   计算 宣布 晋升 初次 敬老院     浦东 戈壁 鹿茸   辜负    赫然 杭州
况且 宿迁   战士 慕斯 亢奋  湛江  茅台 揭露 揭发  冶炼 檀香  衡水  鄂尔多斯 滑倒 虎皮 诸位
诸如    扶贫  康师傅 王老吉 周黑鸭 马大哈 张飞 东方红 黄焖鸡 刘老根 杨国福 曾三仙 徐福记 全聚德 华夏
安井 思念 三全 金龙鱼 鲁花 白象 海天 李锦记 旺旺 娃哈哈 农夫 汇源 雪碧 可乐 百事 东方 西方 南门 北方 东西 高铁 高速
高中 高档 高级 高压 高新 高价 高端 高兴地 高血压 石油 石家庄 黄金 黄河 金华 金黄 江南 常规 明天 平安 平时 平常 平台
成品 龙头 汤面  付款 付钱 付费 傅里叶 肖像 萧条 田野 田间 董事长 袁大头 潘多拉 于是乎 吕梁 丁点 任务 任意 任性
  钟表  陆续 汪洋 石膏 石榴   夏令营 韦伯 方圆 白领 白开水  孟浪 熊猫 秦岭 邱庄 江山 
薛店 段落 雷电 侯鸟 龙王 史料 陶瓷 黎族 贺词 顾及 毛巾 毛钱 毛孩    万能 钱财 严格 严重 严禁 严查 严肃
 武器 戴口罩 莫名 莫非 孔子 向阳 汤汁 常州 温州 康乐 施工 施肥 文章 牛排 牛羊  葛根 邢台 安徽 齐心 易燃
乔木  庞大 颜色  庄稼  章节 鲁山 岳阳  殷勤  申诉 欧元 耿耿 关键 兰考 焦作 焦虑  左手 柳叶
甘甜 祝贺 包装纸 宁波 尚可 符号 舒适   纪念 纪要 梅雨 童装 凌乱  单价 单子  裴李岗  涂料 成年
苗木 谷雨 盛放 曲阜 翁婿   蓝天白云 路段 游乐 辛店  管城 柴胡 蒙古  华北 华南 华中 华东 喻体 祁县
蒲扇 房产 滕州 屈指  解放路 牟利 艾滋 尤为 阳春 时尚 时期 时令 时段 时效 时长   古董 吉利 缪斯 简介
车厢 项链 连夜 芦苇 麦子  娄底 窦娥 戚风  景德镇 党委 宫廷 费心 卜卦 冷漠 晏子 席子 卫星 米粒 柏树 宗教
 桂林 全新  应付  闵行 苟且  边角   师范 仇恨 栾川 隋朝 商丘 刁难 沙子 沙县 荣幸 巫师 
桑拿 郎中   仲夏 虞城  巩义  池子 查验 麻将 苑陵 迟缓  官员 封面 谈论 匡扶  惠济 荆州 乐园
冀州 郁金香  南阳 南街 班车 储物 原汁原味  燕子 楚河 鄢陵 劳累  奚落 皮革 粟米   楼梯 满地 闻名
 伊川    权威  屠夫  祖籍 漆器 巴西 丰田 卿卿  计时 宣告 晋城 初一 初二 初三 敬业 
 芮城  浦发  鹿邑  雍正        宿州  茹素 战略 慕名   湛蓝
马虎 贺喜 许诺 甘心 甘愿 方可 方才 冷静 冷笑 冷淡 付清 付完 万万 万幸 包含 包揽 包办 包庇 关注 关心 关联 应对 应用 应付 应届 查办 查获 查实 查证 查找 查收 查扣 查阅 施行 施用 施加 计入 连同 连带 安置 安抚 严厉 严把 付出 全力 全额 曲解 钟情 席卷
戴上 祝愿 殷切 党建 党政 蒙受 权衡 雷厉风行 万家 万众 万分之 金融 石化 文字 文书 文号 文本 文件夹 孟庄 郭店 龙湖 和庄 观音寺 梨河 辛店 薛店 龙王 新郑 戎装 茅草 揭开 尉氏 冶金 檀木  衡阳 尧都 鄂州 滑县 诸城 宦官   扶沟  郑韩 郑东 郑汴 新郑 郑大
`);

/**
 * Two-character words ending in a surname character. If the character before a surname-looking
 * character forms one of these with it, that character is not a surname here (当时老板 → 时 is
 * not a surname; 监管局长 → 管 is not).
 */
export const ENDS_WITH_SURNAME_WORDS: ReadonlySet<string> = words(`
音乐 快乐 娱乐 历史 厨房 书房 药房 机房 库房 平房 楼房 病房 住房 门房 账房 租房 买房 炉房 租车 队伍 入伍 退伍 行伍 当时 同时 及时 平时 有时 那时 这时 临时 按时 准时 随时 暂时 小时 届时 此时 顿时 一时 过时 超时 定时 到时 彼时 旧时 历时
经常 非常 正常 异常 日常 常常 通常 往常 照常 家常 反常 无常 平常 寻常 由于 对于 关于 属于 等于 位于 终于 处于 用于 至于
基于 鉴于 急于 善于 敢于 在于 便于 易于 过于 陷于 忠于 限于 归于 如何 任何 为何 几何 奈何 方向 一向 面向 指向 转向 朝向
走向 倾向 意向 去向 动向 偏向 单向 导向 志向 提高 最高 很高 过高 偏高 太高 较高 身高 增高 升高 崇高 调高 抬高 特高
超高 地方 对方 双方 官方 警方 厂方 店方 甲方 乙方 我方 一方 各方 后方 前方 配方 处方 药方 大方 南方 北方 西方 远方 平方
立方 商方 校方 院方 资方 诉方 报方 卖方 买方 告方 局方 所方 店方 厂方 家方 事方 请方 中文 英文 语文 原文 公文 全文 发文 正文 下文 上文 说明 证明 表明 声明 标明 注明 透明 聪明 文明
光明 照明 清明 发明 查明 阐明 指明 分明 树林 森林 园林 现金 资金 罚金 定金 订金 押金 租金 奖金 薪金 基金 黄金 美金
合金 价钱 本钱 零钱 赔钱 花钱 给钱 收钱 退钱 要钱 还钱 挣钱 付钱 省钱 有钱 没钱 赚钱 罚钱 明白 空白 坦白 蛋白 洁白
表白 雪白 苍白 立马 人马 上马 下马 出马 骑马 斑马 河马 木马 有关 相关 海关 机关 公关 开关 把关 难关 攸关 打包 面包
红包 书包 背包 钱包 外包 承包 豆包 肉包 菜包 汤包 一周 上周 下周 本周 每周 四周 两周 这周 国王 帝王 霸王 龙王 紧张
主张 开张 夸张 扩张 慌张 嚣张 伸张 一张 两张 纸张 行李 桃李 白杨 蛋黄 金黄 焦黄 发黄 枯黄 子孙 外孙 儿孙 二胡 张罗
包罗 网罗 搜罗 桥梁 脊梁 栋梁 大梁 鼻梁 感谢 多谢 致谢 答谢 凋谢 代谢 谢谢 古董 工程 过程 流程 课程 规程 章程 日程
路程 行程 全程 进程 疗程 航程 专程 启程 远程 议程 也许 或许 允许 准许 特许 些许 少许 期许 默许 赞许 师傅 何曾 未曾
不曾 也曾 复苏 江苏 紫苏 流苏 园丁 肉丁 鸡丁 白丁 家丁 人丁 补丁 树叶 茶叶 菜叶 中叶 末叶 其余 多余 业余 剩余 盈余
残余 课余 有余 爱戴 穿戴 佩戴 拥戴 华夏 初夏 盛夏 立夏 分钟 秒钟 时钟 闹钟 点钟 农田 稻田 油田 麦田 种田 良田 责任
主任 信任 担任 上任 前任 现任 历任 继任 放任 聘任 监管 主管 保管 不管 尽管 只管 托管 接管 分管 掌管 城管 血管 水管
吸管 看管 代管 门卫 保安 平安 治安 公安 晚安 早安 值班 上班 下班 加班 跟班 早班 晚班 夜班 航班 领班 一般 都会 不会
开会 机会 社会 宴会 约会 协会 工会 学会 部分 管理 饭店 高温 以上 以下 红烧 麻辣 香辣 汉堡 江湖 长江 大江 黄河 母鸡
公鸡 生鸡 野鸡 肉鸡 宝石 钻石 岩石 化石 结石 打石 矿石 大石 青石 原石 全部 健全 完全 安全 齐全 成全 周全 保全 平和
温和 缓和 共和 附和 暖和 总和 同和 蛋羹 小康 健康 安康 卫生 防卫 保卫 护卫 警卫 自卫 前卫 后卫 常温 气温 体温 水温
高温 低温 保温 恒温 升温 降温 室温 加温 火车 汽车 马车 货车 轿车 客车 卡车 单车 开车 停车 坐车 上车 下车 骑车 修车
洗车 倒车 装车 卸车 餐车 推车 拖车 吊车 班车 专车 列车 动车 快车 慢车 名单 菜单 订单 账单 帐单 清单 保单 传单
买单 下单 简单 单单 床单 罚单 缴费 花费 收费 免费 付费 运费 话费 电费 水费 经费 浪费 消费 自费 公费 工费 税费
`);

/** A third character that forms a word with the next one, so the name is only two characters (张伟明天…). */
export const AFTER_NAME_WORDS: ReadonlySet<string> = words(`
明天 明白 明显 明确 天天 平时 同时 同意 同事 和我 和他 和她 家里 家住 家人 家属 家中 家门 夫妇 夫妻 今天 昨天 前天
后天 当时 当天 正在 正好 刚才 刚刚 刚到 得知 得了 得到 晓得 成了 安排 全是 全部 生气 生病 发现 发烧 发烧了 发了 春节 新年 立即 立刻 马上 文件 金额
贵了 好了 好的 好吃 心里 心想 东西 都是 实在 实际 海鲜 海带 红烧 红色 清楚 美团 利用 达到 通过 通知 胜利 华为
`);

/** Admin-division suffixes: the detailed (masked) part of an address starts after the last of them. */
export const ADMIN_SUFFIXES: readonly string[] = ['村委会', '居委会', '管委会', '办事处', '街道', '自治州', '地区', '省', '市', '县', '镇', '乡', '区'];

/** 区 that belongs to a residential name, not to an admin division (小区, 社区 …). */
export const NON_ADMIN_QU_PREFIX: ReadonlySet<string> = chars('小社园校景片营厂矿院');

/** Words that end a landmark description before the residential name (…交叉口帝湖花园…). */
export const ADDRESS_LEFT_CUTS: readonly string[] = [
  '交叉口', '十字路口', '路口', '附近', '旁边', '对面', '隔壁', '以东', '以西', '以南', '以北', '东侧', '西侧', '南侧', '北侧',
  '往东', '往西', '往南', '往北', '向东', '向西', '向南', '向北', '米处', '米',
];

/** Words before an address (within the Han run) after which the address proper begins. */
export const ADDRESS_LEFT_CUES: readonly string[] = [
  '家庭住址', '家庭地址', '现住址', '居住地址', '户籍地址', '收货地址', '收件地址', '邮寄地址', '送达地址', '通讯地址',
  '联系地址', '家住', '住在', '住址', '地址', '我家', '他家', '她家', '家在', '现住', '居住', '送到', '送至', '寄到', '位于',
  '我们', '咱们', '他们', '她们', '你们', '我', '他', '她', '住', '在', '是', '到', '的', '址',
];

/** Labels showing that the address that follows is a home address. */
export const HOME_ADDRESS_LABELS: readonly string[] = [
  '家庭住址', '家庭地址', '现住址', '居住地址', '户籍地址', '户籍所在地', '户籍地', '收货地址', '收件地址', '邮寄地址',
  '送达地址', '通讯地址', '联系地址', '家住在', '家住', '住在', '住址', '我家在', '家在', '现住', '居住在', '暂住', '住',
];

/** Labels showing that the address that follows belongs to a business (not masked unless it has a room). */
export const BUSINESS_ADDRESS_LABELS: readonly string[] = [
  '经营地址', '营业地址', '注册地址', '生产地址', '店址', '门店地址', '店铺地址', '厂址', '经营场所', '办公地址', '公司地址',
];

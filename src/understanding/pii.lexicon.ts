// Word lists for person-name detection (pii.ts). General knowledge of Chinese names and of how case texts
// are written; tuned on test/fixtures/anonymise/train.jsonl and checked on dev.jsonl, never on test.jsonl.

const chars = (s: string): ReadonlySet<string> => new Set(Array.from(s.replace(/\s+/g, '')));
const words = (s: string): ReadonlySet<string> => new Set(s.trim().split(/\s+/));

/** Single-character surnames: the Hundred Family Surnames and modern frequent ones (≈ 480). */
export const SINGLE_SURNAMES: ReadonlySet<string> = chars(`
赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹喻柏水窦章云苏潘葛奚范彭郎鲁韦昌马苗凤花方
俞任袁柳酆鲍史唐费廉岑薛雷贺倪汤滕殷罗毕郝邬安常乐傅皮卞齐康伍余元卜顾孟平黄穆萧尹姚邵湛汪祁毛禹狄米贝明臧计
伏成戴谈宋茅庞熊纪舒屈项祝董梁杜阮蓝闵席季麻强贾路娄危江童颜郭梅盛林刁钟徐邱骆高夏蔡田樊胡凌霍虞万支柯昝管卢
莫经房裘缪干解应宗丁宣贲邓郁单杭洪包诸左石崔吉钮龚程嵇邢滑裴陆荣翁荀羊於惠甄曲家封芮羿储靳汲邴糜松井段富巫乌焦
巴弓牧隗山谷车侯宓蓬全郗班仰秋仲伊宫宁仇栾暴甘钭厉戎祖武符刘景詹束龙叶幸司韶郜黎蓟薄印宿白怀蒲邰从鄂索咸籍赖卓
蔺屠蒙池乔阴鬱胥能苍双闻莘党翟谭贡劳逄姬申扶堵冉宰郦雍卻璩桑桂濮牛寿通边扈燕冀郏浦尚农温别庄晏柴瞿阎充慕连茹习
宦艾鱼容向古易慎戈廖庾终暨居衡步都耿满弘匡国文寇广禄阙东欧殳沃利蔚越夔隆师巩厍聂晁勾敖融冷訾辛阚简饶空曾毋沙
乜养鞠须丰巢关蒯相查后荆红游竺权逯盖益桓公仉督岳帅缑亢况郈有琴归海晋楚闫法汝鄢涂钦商牟佘佴伯赏墨哈谯笪年爱阳佟
言福付肖闫亓仝么员谌佀战檀苑郇尉迟琴和于时揭覃冼邝麦禤芦綦郄蹇粘种呙母练
`);

/** Compound surnames. */
export const COMPOUND_SURNAMES: readonly string[] =
  `欧阳 司马 诸葛 上官 东方 皇甫 慕容 尉迟 长孙 宇文 司徒 夏侯 轩辕 公孙 端木 独孤 南宫 西门 闻人
澹台 太史 申屠 万俟 呼延 钟离 赫连 百里 东郭 拓跋 令狐 公冶 宗政 濮阳 淳于 单于 左丘 梁丘 谷梁 仲孙 司空 司寇 太叔 鲜于 闾丘
亓官 段干 第五 乐正 壤驷 公良 漆雕 巫马 西门 谷梁 南门 东门`
    .trim()
    .split(/\s+/);

/**
 * Surnames that are also very frequent words (和, 于, 时, 那, 向, 成, 能, 都, 从, 有…): a name starting with
 * them is accepted only after a naming cue (经营者：于谦和).
 */
export const CUE_ONLY_SURNAMES: ReadonlySet<string> = chars(
  '鱼别苍幸查解富管米墨寿屠归印空粘宣班和于时向成能都从有经通全后相明文国车山家水平方云花红福万应',
);

/** Never part of a given name: particles, pronouns, frequent verbs and nouns of case texts. */
export const NOT_GIVEN: ReadonlySet<string> = chars(`
的了在是说讲称也都还就又把被给到去这那个们等让叫要不没对从往将以而但或却吗呢吧啊呀啦嘛哦么其与跟及
我你他她它谁啥咋怎么什哪几每各该此某
买卖吃喝做送拉住用拿骑打开关找问告诉反映投举报拒绝承诺偷私非坚持想会能可应着过起上下里外内中前后左右间边
店馆厂铺市镇乡村县区省路街巷号楼栋室单元组院
电话手机号码微信身份证件卡钱块斤箱袋瓶盒件份次岁年日分秒点员客于考完血压烧本亲局人必须站两
色味道肉菜面饭酒茶水油盐糖米汤粥蛋奶鱼鸡鸭猪羊虾蟹退
病死假冒过期变质霉腐烂臭酸苦辣咸甜冷热旧坏多低短炎症癌疮痛式庄寨屯堡
今昨前后早周
`);

/** Two- and three-character words that start with a surname but are not names (seen in case texts). */
export const NOT_NAMES: ReadonlySet<string> = words(`
张飞 钱退 麻辣 麻花 员工 京东 庄一 全额 发黑 商标 张口 麦子 元宵 元宵节 农家 牛百叶 牛出栏 凤爪 皮冻 干煸 红薯 红薯皮 水直接 和来玩 苏丹红 农药 农药桶 鱼片 蓝帽子
石膏 关节 师长 连健 华信 班子 公安 干活 连夜 封口 海淘 羊快 哩头 那样 苍蝇 幸亏 幸好 别再 别人 别管 别家 别的 别说 查查 查出 查处 羊排 羊皮 羊肉串 毛肚 毛血旺 解冻 解决 富硒 平台 管局 班子 米粒 墨汁 茅台 海天
卫龙 华莱士 麦香 贝贝 孔雀 孔雀绿 寿司 屠宰 屠宰场 黄鹂 归恁 印章 母亲 孙子 空腹 粘成 宣传 钱得 钱必 山野 牛快 羊站 哈哈 嘿嘿 利润 商量
熊孩子 熊孩 祝福 高考 高中 高血压 高血糖 高烧 高压 钱包 应当 应该 应急 麻烦 顾客 满意 黄瓜 年龄 夏天 冬天 白天 秋天 怀疑 罗列 康师傅 王老吉 包工头 包工 白玉 金龙 经查 经营 经调 经过 经现场 经协商 经检查
沈阳 江苏 江西 浙江 山东 山西 湖南 湖北 广东 广西 安徽 福建 四川 贵州 云南 陕西 甘肃 吉林 辽宁 黑龙江 上海 北京 天津 重庆 洛阳 开封
许昌 周口 商丘 南阳 信阳 安阳 新乡 焦作 濮阳 漯河 驻马店 平顶山 鹤壁 三门峡 长葛 禹州 中牟 荥阳 巩义 登封 新密 尉氏 武汉 广州 深圳
公民 人员 申请 谢谢 方式 双方 对方 各方 郑州 新郑 河南 龙湖 孟庄 郭店 辛店 薛店 梨河 和庄 城关 八千 观音 华南 黄金 黄帝 轩辕 中华 人民 文化 解放 金城 炎黄 学院 车站 工业
新华 新建 东大 西大 紫荆 阳光 金色 绿地 正商 康桥 碧桂 建业 华联 好又 百味 天天 同心 十八 明德 金谷 禾丰 鑫源 蜜雪 福满
黄色 白色 红色 金黄 高温 方便 明天 江湖 高兴 安全 安排 平时 平常 万一 常常 程序 管理 管理局 强制 严重 严格 严禁 于是 当时 当天
周末 周围 周边 周一 周二 周三 周四 周五 周六 周日 马上 马路 毛病 毛巾 包装 包子 包括 包间 叶子 叶菜 谷物 米饭 米线 白酒 白条
曾经 任何 任意 许多 许可 许可证 何时 何况 余额 余下 杜绝 范围 付款 付费 付钱 付了 齐全 章程 贾某 柯某 石头 金额 钱款 林地
宋氏 甄味 冯家 彭家 李记 老王 宋记 柴记 滕家 尤氏 芮家 谌记 甄记 佟掌柜 孩子 孙女 孙子 厨子 贩子 摊子 腰子 张嘴 毕竟 单价 东西 牛腱 牛主 巴西 古茗 万客 邓家 苗头 田地 田间 向前 向上 成本 成品 成分
单位 单据 单号 单独 段时间 项目 席位 池塘 车牌 车主 车辆 路边 路口 路上 路过 江边 海鲜 云南 花生 花椒 龙虾 红烧 红肠 万元
牛奶 牛肉 羊肉 羊汤 鱼肉 马铃薯 鲍鱼 苏打 秦岭 雷同 凌晨 乔迁 邵阳 汤圆 汤料 汤锅 温度 温馨 康师傅 卫生 卫生院 章鱼 冷库 冷冻
冷藏 冷链 冷饮 简单 简直 饶了 沙拉 沙县 商品 商家 商户 商场 商量 查看 查处 查获 查封 查询 查到 查一下 查了 关于 关门 关系 游客
后厨 后来 后面 荆芥 权益 盖章 晋江 楚天 法律 法规 法定 涂抹 商铺 年前 年后 爱心 阳台 福利 言语 归还 海报 习惯 艾草 容器
易拉罐 古法 广告 广场 文件 文明 国家 国庆 聂某 师傅 巩固 敖包 融化 冷菜 辛苦 辛辣 空调 空间 曾某 乜某 养殖 须知 丰富
巢湖 关门 蒯某 相关 相信 盖子 益生 桓某 公司 公告 公斤 公开 督促 岳父 岳母 帅哥 况且 有关 有人 有的 有些 琴行 海带 晋升 汝州
商丘 牟利 墨水 哈密 年轻 爱人 阳性 福建 言论 和解 和好 于此 时间 时候 那边 那里 那个 那家 那天 那些 那种 和我 和他 和她
`);

/** Words right after which a person's name is expected (role, relation, form label). */
export const NAME_CUES: readonly string[] = `
经营者 负责人 法定代表人 法人代表 老板娘 老板 店主 摊主 厂长 户名 姓名 名字 本人 具结人 收件人 收货人 寄件人 联系人 申请人
被申请人 举报人 投诉人 反映人 来电人 当事人 车主 司机 厨师 骑手 送餐员 配送员 快递员 家长 老伴 老公 老婆 丈夫 妻子 媳妇 奶奶
爷爷 外婆 外公 姥姥 姥爷 妈妈 爸爸 母亲 父亲 儿子 女儿 孙子 孙女 同事 朋友 邻居 室友 同学 亲戚 陪同检查人 陪同人 签收人
见证人 记录人 检查人 被检查人 证人 知情人 落款 签名 署名 委托人 受托人 代理人 房东 租户 店员 员工 服务员 收银员 营业员 业主 老乡 村民 网友 我叫 名叫
叫做 我是 本人是 他叫 她叫 俺是 俺叫 俺姓 闺女 女儿 家母 家父 我娘 我爹 学委 班长 操作工 阿姨 经理 园长 校长 院长 厨工 厨子 帮厨 业务员 承包人 养殖户 屠宰户 户主 掌柜 领头的 月嫂 保姆 叫 转告 告诉 通知 找 联系 问问 还有 以及 和 跟 与 同 及 给 让 替 帮 、
`
  .trim()
  .split(/\s+/);

/** After these a name needs no right-side confirmation (labels ending in a colon are handled apart). */
export const STRONG_NAME_CUES: ReadonlySet<string> = words(`
经营者 负责人 法定代表人 法人代表 老板娘 店主 摊主 户名 姓名 具结人 收件人 收货人 寄件人 联系人 申请人 被申请人 举报人 投诉人
反映人 来电人 俺叫 承包人 户主 陪同检查人 陪同人 签收人 见证人 记录人 检查人 被检查人 委托人 受托人 代理人 我叫 名叫 叫做 他叫 她叫
`);

/** What may follow a name (words checked by prefix; single characters as a set). */
export const AFTER_NAME: readonly string[] = `
在 说 讲 称 跟 和 与 及 、 是 的 家 也 还 都 就 又 送 开 卖 买 吃 喝 去 来 到 等 这 他 她 两 三 一 经 每 天 昨 今 前 当 已 不 没
拒 承 坚 偷 私 非 发 让 要 想 会 反 投 举 告 从 往 把 被 给 对 向 住 用 拿 骑 打 找 问 带 陪 帮 替 同 先 女 （ ( ， 。 ； ！ ？
: ： , . ; ! ? ） ) 」 》 “ ” 老人 老太 今年 签 自 领 转 撤 向 赔 退 称 讲 看 叫 带 出 做 将 因 负 系 为 作 所 处 现 后 身 电 手 微 Q 1
`
  .trim()
  .split(/\s+/);

/** Nickname given names after a surname (彭二毛, 李狗蛋, 王小胖) and bare nicknames after a cue (黑蛋). */
export const NICK_FIRST: ReadonlySet<string> = chars('大二三四五六七八九小老狗铁黑胖');
export const NICK_LAST: ReadonlySet<string> = chars('毛蛋娃丫妞胖头嘴狗黑愣炮孬憨牛三四五六七八九子儿柱妮宝根锁驴猴');

/** Forms of address after a surname: 訾师傅, 甄女士, 冯老师. */
export const ADDRESS_TITLES: readonly string[] =
  `先生 女士 小姐 师傅 阿姨 大姐 大哥 大爷 大妈 大娘 大叔 大婶 老师 经理 老板 总 姐 哥 叔 婶 伯 奶奶 爷爷 医生 护士 同志 警官`
    .trim()
    .split(/\s+/);

/** Given-name characters that are also function words (于谦和): only after a cue that is not a connector. */
export const SOFT_GIVEN: ReadonlySet<string> = chars('和有');

/** What follows a name so surely that no left cue is needed: 卜凡这个人, 暴建军的银行卡. */
export const STRONG_AFTER_NAME: readonly string[] =
  `这个人 这人 此人 本人 的银行卡 的卡 的账户 的帐户 的电话 的手机 的微信 的身份证 同志 两口子 夫妇 两人 三人 等人`.trim().split(/\s+/);

/** Typical given-name characters: a name after 的/是 (单位的贝志刚，) needs two of them. */
export const TYPICAL_GIVEN: ReadonlySet<string> = chars(`
伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英霞平刚桂兰华玉萍红娥玲芬飞鹏辉斌波宇浩凯健俊帆帅旭宁龙林欢阳建国志文
亮宏峰海鑫晨晓雪梅琳婷颖慧莉倩燕佳琪蕾薇楠瑶怡欣悦彤萱涵妍雅梓子轩睿博泽铭昊然豪宸航皓嘉瑞新成德福贵生荣祥
才发喜春秋冬兵全仁义礼智信忠孝山川江云风雨雷光耀金银钢石珍珠宝凤鸿鹤莺桃杏竹菊松柏杨柳青清晶丹彩虹霖露霜冰
卫东南北中庆胜利民安康永长远立正道德树森楠枫柱根栋梁满堂富有余庭玉琴芝香莲菲蓉蓓琼瑾璐璇瑜珊娅婕嫣婉媛娴
淑贞惠慧巧翠凤霞月桂英秀兰梅竹菊春红艳云萍芳丽娟敏静雯晶琳雪冬阳辉波涛浩军伟强刚毅坤乾振兴家宗祖世继承传花
`);

/** Words that are not given names even though their characters could be (连健康证, 叫孩子). */
export const NOT_GIVEN_WORDS: ReadonlySet<string> = words(
  `健康 孩子 名字 厨师 工人 员工 服务 卫生 食品 安全 质量 问题 情况 东西 事情 东家 大家 人家 自家`,
);

// Matters of other authorities inside a message (物业, 工资, 油烟, 噪音, 医疗 …), with the body to point
// the citizen to — also when the same message carries a food matter we handle (the food part stays
// ours; the other part is answered with where it goes). Domain: shared/domain.md "What citizens often
// ask". Pure.
import type { Found } from './wishes.ts';

export interface OtherMatter {
  authority: string;
  /** Short Chinese name of the matter, e.g. '物业纠纷'. */
  matter: string;
  /** Where to go, in a sentence a citizen can act on. */
  hint: string;
}

interface Rule {
  re: RegExp;
  m: OtherMatter;
}

const R = (re: RegExp, authority: string, matter: string, hint: string): Rule => ({ re, m: { authority, matter, hint } });

/** Ordered: the first rule that matches names the matter (more specific rules first). */
const RULES: readonly Rule[] = [
  R(
    /拖欠工资|欠(我|俺|我们|俺们)?的?工资|不发工资|工资(不给|没发|拖着|欠着|被扣)|扣(我|俺)?工资|克扣|(不|没|没有)给?(我|俺|我们|俺们|咱们?|大家|工人们?)?(发)?工资|社保|加班费|辞退|工钱|unpaid wages|wages? (not|unpaid)|salary/i,
    '人力资源和社会保障局',
    '劳动工资',
    '拖欠工资、社保等劳动问题请找人社部门（劳动保障监察，电话12333）。',
  ),
  R(
    /物业|业主群|小区(管理|电梯|停车)|装修(污染|质量|公司)|房子(漏水|质量)|甲醛超标的?(房|新房)|property management/i,
    '住房和城乡建设局',
    '物业或房屋',
    '物业、装修、房屋质量问题请找住建部门或所在街道（社区）。',
  ),
  R(
    /(露天|路边|马路|人行道)[^,。;!?\n]{0,6}(烧烤|摆摊|占道)|占道(经营)?|出店经营|城管/,
    '城市管理局',
    '占道经营',
    '占道经营、露天烧烤请找城市管理部门（城管）。',
  ),
  R(
    /油烟[^,。;!?\n]{0,3}(扰民|大|熏|呛|直排)|油烟[^,。;!?\n]{0,6}(钻|飘|灌|冒|进|往[^,。;!?\n]{0,4}(家|屋|窗))|排油烟|噪音|太吵|吵得|吵到|扰民|排污|臭气|异味扰民|焚烧|(脏水|废水|污水)[^,。;!?\n]{0,8}(排|倒|流)[^,。;!?\n]{0,6}(沟|河|渠|坑|地)|往[^,。;!?\n]{0,6}(沟|河|渠)里(排|倒|放)|机器[^,。;!?\n]{0,4}(响|吵|轰)|(成夜|整夜|一夜|半夜)[^,。;!?\n]{0,3}(响|吵|轰)|smoke from|noise|noisy/i,
    '生态环境局',
    '油烟噪音污染',
    '油烟、噪音、排污扰民请找生态环境部门（12369）；露天烧烤找城市管理部门（城管）。',
  ),
  R(
    /(医院|诊所|卫生院|医生)[^,。;!?\n]{0,10}(误诊|打错针|输错|乱收费|态度|医疗事故|治坏|不负责)|医疗事故|非法行医|自来水|水质(浑|黄|有问题)|medical (malpractice|treatment)|tap water/i,
    '卫生健康委员会',
    '医疗或饮用水',
    '医疗服务、自来水水质问题请找卫生健康部门（12320）。',
  ),
  R(
    /(打|喷|用)[^,。;!?\n]{0,6}(农药|除草剂)[^,。;!?\n]{0,10}(地里|麦地|庄稼|菜地|果园)|(病死|死)(猪|鸡|鸭|牛|羊)[^,。;!?\n]{0,10}(扔|丢|倒|埋|漂)[^,。;!?\n]{0,6}(河|沟|路边|地里)|动物疫病|猪瘟疫情|饲料|兽药店|种子|化肥/,
    '农业农村局',
    '农业投入品或动物防疫',
    '农药、兽药、饲料、种子、病死畜禽处置和动物防疫请找农业农村部门。',
  ),
  R(
    /打人|打架|威胁|恐吓|诈骗|骗了我|盗窃|偷东西|砸店|fight|fraud|threat/i,
    '公安机关',
    '治安或诈骗',
    '打架、威胁、诈骗等治安刑事问题请直接拨打110。',
  ),
  R(
    /化妆品|面膜|护肤品|(?<![门路村街校园巷道河桥])口红|染发剂|药品|处方药|感冒药|假药|医疗器械|药店卖|cosmetic|medicine|drugs? (sold|store)/i,
    '药品监督管理部门',
    '药品或化妆品',
    '药品、医疗器械、化妆品问题请找药品监管部门（也可拨12315）。',
  ),
  // ("the Cigarette Factory branch", "新郑烟厂": a landmark, not a matter about tobacco.)
  R(/卖烟|香烟|假烟|电子烟|cigarettes?(?! factory)/i, '烟草专卖局', '烟草', '卷烟、电子烟问题请找烟草专卖部门（12313）。'),
  R(/学校(收费|管理|老师|乱收)|老师(打|体罚|态度)|补课|校车/, '教育局', '学校管理', '学校收费、教学管理问题请找教育部门。'),
  R(
    /(山上|野外|林子|林区)[^,。;!?\n]{0,8}(抓|捕|打|套)[^,。;!?\n]{0,6}(野生|鸟|兔|獾|蛇)|捕鸟|网鸟/,
    '林业部门',
    '野生动物捕猎',
    '野外捕猎野生动物请找林业部门（森林公安）。',
  ),
];

/**
 * Food crimes that stay with the market regulator (and go on to the police), never to 农业农村局 or
 * another department, whatever farm words the text carries (issue 22): 地沟油, 病死猪肉 sold as food,
 * non-food substances or drugs added to food, additive abuse, re-dating, counterfeit food.
 */
export const MARKET_FOOD_CRIMES: readonly string[] = [
  '病死肉',
  '地沟油',
  '非法添加非食用物质',
  '保健食品非法添加药物',
  '滥用食品添加剂',
  '篡改日期',
  '假冒',
];

export function readOtherMatters(norm: string): Found<OtherMatter>[] {
  const out: Found<OtherMatter>[] = [];
  for (const r of RULES) {
    const m = r.re.exec(norm);
    if (m === null) continue;
    if (out.some((o) => o.value.authority === r.m.authority)) continue;
    out.push({ value: r.m, start: m.index, end: m.index + m[0].length });
  }
  return out.sort((a, b) => a.start - b.start);
}

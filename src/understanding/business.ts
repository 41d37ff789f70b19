// Business names: pulling one out of free text, and a normal form for finding related cases
// ("蜜雪冰城（人民路店）" and "蜜雪冰城" are the same business for that purpose).

import { normaliseText } from './text.ts';

/**
 * Legal-form and branch suffixes removed when comparing names. Order matters: longest first.
 * 店 alone is only removed after a word that still names the trade (烩面店 → 烩面), never from
 * 饭店/酒店/商店 where the remainder would stop being a business word.
 */
const LEGAL_SUFFIXES = [
  '股份有限公司', '有限责任公司', '有限公司', '分公司', '公司', '旗舰店', '专卖店', '连锁店', '加盟店', '直营店', '分店', '门店', '总店',
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
  '有限公司', '食品厂', '加工厂', '加工点', '屠宰场', '屠宰点', '养殖场', '养鸡场', '养猪场', '批发部', '经营部', '门市部', '商行',
  '烩面馆', '羊肉汤馆', '牛肉汤馆', '汤馆', '面馆', '饺子馆', '饭馆', '饭店', '餐馆', '餐厅', '酒店', '酒楼', '酒家', '大排档', '农家乐', '农家院',
  '火锅店', '烧烤店', '小吃店', '快餐店', '早餐店', '奶茶店', '蛋糕店', '面包店', '熟食店', '卤肉店', '炸鸡店', '母婴店', '烟酒店',
  '零食店', '水果店', '保健品店', '便利店', '小卖部', '超市', '商店', '药店', '幼儿园', '小学', '中学', '学院', '食堂',
  '作坊', '公司', '店', '馆', '坊', '铺', '厂',
];
const TRADE_RE = new RegExp(`(${TRADE_SUFFIXES.join('|')})`, 'g');

/** Characters that cannot be inside a name read leftwards from a trade word. */
const STOP_CHARS = new Set([...'在去到从了的我俺买吃喝是这那个家叫一说给和跟对把被里上边镇乡村路街区市县省有卖开位所些每该其与及或就都也还又很太收直']);
/** Whole names that are only descriptions ("工地食堂", "学校食堂"). */
const GENERIC = /^(工地|单位|学校|学生|员工|职工|公司|医院|小区|村里|街上|路边|集上|楼下|附近|网红|私人|个体|黑|某|快餐|早餐|养老|当地|本地|二|三|一|四|五|老|小|大|这|那)+$/;

const QUOTED = /[“"「『【《]([^”"」』】》]{2,20})[”"」』】》]/g;
const CHAINS = ['蜜雪冰城', '肯德基', '麦当劳', '德克士', '华莱士', '瑞幸', '正新鸡排', '丹尼斯', '大润发', '沃尔玛', '永辉', '美宜佳', '零食很忙', '赵一鸣', '海底捞', '巴奴', '杨国福', '张亮麻辣烫'];

/** Verbs and fillers that end a name when reading leftwards ("要求超市", "如果饭店"). */
const STOP_WORDS = /(要求|如果|反映|好多|正规|孩子|学生|举报|投诉|觉得|发现|听说|请问|咨询|让|找)$/;

export interface ExtractOptions {
  /** Vetoes candidates that are really place names (林锦店, 三十里铺). */
  isPlace?: (s: string) => boolean;
  /** Common nouns (products, trades, places): a name made only of these is a description, not a name. */
  genericWords?: readonly string[];
}

function isDescription(name: string, generic: readonly string[]): boolean {
  let rest = name;
  for (const g of generic) if (g.length >= 2 && rest.includes(g)) rest = rest.split(g).join('');
  rest = rest.replace(/[小大老新好这那某一个家的]/g, '');
  return rest.length < 2;
}

/** The business a text names, or null. Quoted names beat names read off a trade word. */
export function extractBusiness(rawText: string, opts: ExtractOptions = {}): string | null {
  const isPlace = opts.isPlace ?? ((): boolean => false);
  const generic = opts.genericWords ?? [];
  const s = normaliseText(rawText);
  QUOTED.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = QUOTED.exec(s)) !== null) {
    const inner = (m[1] ?? '').trim();
    const before = s.slice(Math.max(0, m.index - 4), m.index);
    const after = s.slice(m.index + m[0].length, m.index + m[0].length + 4);
    const named = /(叫|名叫|名为|店名|招牌|名字是)$/.test(before);
    const followedByTrade = /^(的)?(店|饭店|餐馆|餐厅|饭馆|超市|火锅|烧烤|小吃|面馆|酒店|公司|厂|作坊)/.test(after);
    const isTrade = new RegExp(`(${TRADE_SUFFIXES.join('|')})$`).test(inner);
    if (named || followedByTrade || isTrade) return inner;
  }
  TRADE_RE.lastIndex = 0;
  while ((m = TRADE_RE.exec(s)) !== null) {
    const suffix = m[1] ?? '';
    let i = m.index;
    let name = '';
    while (i > 0 && name.length < 12) {
      const ch = s[i - 1];
      if (ch === undefined || !/[\p{Script=Han}a-z0-9·&]/u.test(ch) || STOP_CHARS.has(ch)) break;
      name = ch + name;
      i--;
      const stop = STOP_WORDS.exec(name);
      if (stop !== null && stop.index === 0) { name = ''; break; }
    }
    name = name.replace(/^(要求|如果|反映|好多|正规|孩子|学生|举报|投诉|觉得|发现|听说|请问|咨询|让|找)+/, '');
    const next = s[m.index + suffix.length];
    if (next !== undefined && '村镇乡寨庄'.includes(next)) continue;
    if (name.length >= 2 && !GENERIC.test(name) && !isPlace(name + suffix) && !isDescription(name, generic)) return name + suffix;
  }
  for (const c of CHAINS) if (s.includes(c)) return c;
  return null;
}

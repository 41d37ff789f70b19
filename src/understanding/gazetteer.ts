// 新郑市 divisions and the places citizens name instead of them (villages, markets, campuses,
// roads, landmarks, shorthand). Only places whose division we are reasonably sure of are listed;
// an unknown place yields no township and the case goes to the city intake centre for routing.
// Sources checked: the division list in shared/domain.md; village lists of 龙湖镇 and 郭店镇;
// the 2023 郑许高速 land notice (新郑市人民政府) naming villages of 龙湖、郭店、新村、观音寺、梨河、城关;
// official village pages for 城关乡、观音寺镇、新村镇、辛店镇 (人和寨); the 华南城 naming notice
// (龙湖镇东部). Places spanning several divisions are listed with all of them and come back ambiguous.

import { TermMatcher, normaliseText, type Term } from './text.ts';
import { normaliseKeepingOffsets } from './normalise.ts';
import { normaliseBusinessName } from './business.ts';
import { TOWNSHIPS, type Township } from '../cases/divisions.ts';

export { normaliseBusinessName };

// The division list has one home (src/cases/divisions.ts); the gazetteer re-exports it.
export { TOWNSHIPS, type Township };

export function isTownship(s: unknown): s is Township {
  return typeof s === 'string' && (TOWNSHIPS as readonly string[]).includes(s);
}

export type PlaceKind = 'division' | 'shorthand' | 'village' | 'landmark' | 'campus' | 'market' | 'road' | 'typo';

export interface Place extends Term {
  townships: readonly Township[];
  kind: PlaceKind;
}

const KIND_WEIGHT: Readonly<Record<PlaceKind, number>> = {
  division: 3,
  village: 2.5,
  campus: 2.5,
  landmark: 2.5,
  market: 2.5,
  shorthand: 2,
  road: 1.5,
  typo: 1,
};

function p(w: string, t: Township | readonly Township[], kind: PlaceKind, extra: Partial<Term> = {}): Place {
  return { w, townships: typeof t === 'string' ? [t] : t, kind, ...extra };
}

/** A pinyin name counts only as a whole word. */
const LATIN_LETTERS: readonly string[] = [...'abcdefghijklmnopqrstuvwxyz'];

const CITY_STREETS: readonly Township[] = ['新建路街道', '新华路街道', '新烟街道'];
const AIRPORT: readonly Township[] = ['八千乡', '龙王乡', '薛店镇'];

/** Every division, its short name, and places we are confident about. */
export const GAZETTEER: readonly Place[] = [
  // divisions and their shorthand
  ...TOWNSHIPS.map((t) => p(t, t, 'division')),
  p('新建路街道办', '新建路街道', 'division'),
  p('新华路街道办', '新华路街道', 'division'),
  p('新建路', '新建路街道', 'shorthand'),
  p('新华路', '新华路街道', 'shorthand'),
  p('新烟', '新烟街道', 'shorthand', { notBefore: ['草', '酒'] }),
  p('新郑烟厂', '新烟街道', 'landmark'),
  p('新郑卷烟厂', '新烟街道', 'landmark'),
  // 八千 and 龙王 alone are a sum of money and a dragon king: only 八千乡 / 龙王乡 count.
  // 新村 alone is a common name for housing estates ("工人新村"): only the township forms count.
  // Pinyin, as English-writing citizens spell places ("Longhu town", "Xuedian", "Guodian zhen").
  ...(
    [
      ['xinjianlu', '新建路街道'],
      ['xinjian road', '新建路街道'],
      ['xinhualu', '新华路街道'],
      ['xinhua road', '新华路街道'],
      ['xinyan', '新烟街道'],
      ['xincun', '新村镇'],
      ['xindian', '辛店镇'],
      ['guanyinsi', '观音寺镇'],
      ['lihe', '梨河镇'],
      ['hezhuang', '和庄镇'],
      ['xuedian', '薛店镇'],
      ['mengzhuang', '孟庄镇'],
      ['guodian', '郭店镇'],
      ['longhu', '龙湖镇'],
      ['chengguan', '城关乡'],
      ['baqian', '八千乡'],
      ['longwang', '龙王乡'],
      // campuses and markets by their English names
      ['henan university of engineering', '龙湖镇'],
      ['henan institute of engineering', '龙湖镇'],
      ['shengda', '龙湖镇'],
      ['huaxin college', '龙湖镇'],
      ['china south city', '龙湖镇'],
      ['huanan city', '龙湖镇'],
      ['xinzheng cigarette factory', '新烟街道'],
    ] as const
  ).map(([w, t]) => p(w, t, 'shorthand', { notAfter: LATIN_LETTERS, notBefore: LATIN_LETTERS })),
  p('新村乡', '新村镇', 'shorthand'),
  p('辛店', '辛店镇', 'shorthand'),
  p('观音寺', '观音寺镇', 'shorthand'),
  p('梨河', '梨河镇', 'shorthand'),
  p('和庄', '和庄镇', 'shorthand', { notAfter: ['温', '暖'], notBefore: ['稼', '重'] }),
  p('薛店', '薛店镇', 'shorthand'),
  p('孟庄', '孟庄镇', 'shorthand'),
  p('郭店', '郭店镇', 'shorthand'),
  p('龙湖', '龙湖镇', 'shorthand', { notAfter: ['郑东', '郑东新区', '东区'] }),
  // phone-keyboard homophones seen in typed text
  p('雪店', '薛店镇', 'typo'),
  p('梦庄', '孟庄镇', 'typo'),
  p('黎河', '梨河镇', 'typo'),
  p('犁河', '梨河镇', 'typo'),
  p('郭店真', '郭店镇', 'typo'),
  p('龙湖真', '龙湖镇', 'typo'),
  // 龙湖镇: villages (28 administrative villages), 华南城 (east of the town), campuses
  ...[
    '魏庄村',
    '李垌村',
    '东张寨',
    '西张寨',
    '林锦店',
    '郑老庄',
    '郑堡村',
    '崔垌村',
    '沙窝李',
    '荆垌村',
    '荆垌',
    '小乔村',
    '小乔沟',
    '柏树刘',
    '山后杜',
    '荆王村',
    '刘口村',
    '王口村',
    '太山村',
    '泰山村',
    '张沟村',
    '梅山村',
    '菜园沟',
    '于寨村',
    '山西乔',
    '古城村',
    '王许村',
    '东徐村',
    '侯庄村',
  ].map((w) => p(w, '龙湖镇', 'village')),
  p('华南城', '龙湖镇', 'market'),
  p('龙湖大学城', '龙湖镇', 'campus'),
  p('新郑市教育园区', '龙湖镇', 'campus'),
  p('河南工程学院', '龙湖镇', 'campus'),
  p('升达经贸管理学院', '龙湖镇', 'campus'),
  p('升达', '龙湖镇', 'campus', { notAfter: ['上', '飞'] }),
  p('华信学院', '龙湖镇', 'campus'),
  // 郭店镇
  ...[
    '五里堡',
    '郭店南街',
    '郭店北街',
    '华阳寨',
    '陵后村',
    '陵岗村',
    '洪沟村',
    '小洪沟',
    '东李庄',
    '小司村',
    '武岗村',
    '铜佛赵',
    '高孟村',
    '冯寺村',
    '司洼村',
    '前时村',
    '岗时村',
    '三十里铺',
    '小杨庄',
    '河范村',
    '鄢陵府',
    '八府村',
    '北小李庄',
    '张辛庄',
    '石羊寨',
    '大范庄',
    '高寺村',
    '常家庄',
    '海寨村',
    '新李营',
    '双岭村',
    '山根村',
  ].map((w) => p(w, '郭店镇', 'village')),
  // 郭庄 is a village of both 郭店镇 and 龙湖镇 (郭家庄): ambiguous by itself.
  p('郭庄村', ['郭店镇', '龙湖镇'], 'village'),
  // 新村镇
  ...['裴李岗', '王垌村', '孙庄村', '水泉村', '王毕庄', '鲍家村', '屯孙村', '前洼王', '焦沟村', '北吴庄'].map((w) =>
    p(w, '新村镇', 'village'),
  ),
  // 辛店镇
  ...['人和寨', '欧阳寺'].map((w) => p(w, '辛店镇', 'village')),
  p('欧阳修陵园', '辛店镇', 'landmark'),
  p('欧阳修墓', '辛店镇', 'landmark'),
  // 观音寺镇
  ...['唐户', '潩水寨', '王行庄', '石固堆', '大董村', '菜王村', '太清村', '楼李村', '前河刘', '南场村', '岳口村'].map((w) =>
    p(w, '观音寺镇', 'village'),
  ),
  // 梨河镇
  ...['老观李', '黄桥村', '绰刘村', '前吕村'].map((w) => p(w, '梨河镇', 'village')),
  // 城关乡
  ...['东郭寺', '高皮匠', '王刘庄', '官刘庄', '西贾庄', '薛庄村', '端庄村', '小占庄', '敬楼村', '大周庄'].map((w) =>
    p(w, '城关乡', 'village'),
  ),
  // 新建路街道 (西街社区 and its 阁老路 branch)
  p('西街社区', '新建路街道', 'village'),
  p('阁老路', '新建路街道', 'road'),
  // 新华路街道: 黄帝故里
  p('黄帝故里', '新华路街道', 'landmark'),
  // the airport and the airport economy zone straddle several divisions
  p('新郑国际机场', AIRPORT, 'landmark'),
  p('新郑机场', AIRPORT, 'landmark'),
  p('郑州机场', AIRPORT, 'landmark'),
  p('航空港', AIRPORT, 'landmark'),
  p('空港', AIRPORT, 'landmark', { notAfter: ['航'] }),
  // long urban roads run through more than one street office
  ...['人民路', '中华路', '轩辕路', '金城路', '文化路', '郑韩路', '黄水路'].map((w) => p(w, CITY_STREETS, 'road')),
  p('新郑市区', CITY_STREETS, 'road'),
  p('新郑城里', CITY_STREETS, 'road'),
  p('新郑火车站', CITY_STREETS, 'road'),
].map((pl) => ({ ...pl, weight: pl.weight ?? KIND_WEIGHT[pl.kind] }));

/**
 * Strings that contain a listed name but mean a place outside 新郑 (郑东新区's 龙湖, for one).
 * A match inside one of these is ignored.
 */
const LOOKALIKES: readonly string[] = [
  '龙湖外环',
  '龙湖内环',
  '龙湖中环',
  '龙湖金融岛',
  '龙湖办事处',
  '郑东新区龙湖',
  '郑东龙湖',
  '龙湖地产',
  '龙湖天街',
  '龙湖街道',
  '如意湖',
];

/** Other counties and districts: a place right after one of these is theirs, not 新郑's. */
const ELSEWHERE =
  /(新密|中牟|荥阳|登封|巩义|长葛|尉氏|许昌|开封|郑东|金水区|二七区|管城|惠济|中原区|上街区|禹州|鄢陵县)[市县区]?[^,。;!?\n]{0,4}$/;

const placeMatcher = new TermMatcher<Place>(GAZETTEER);
const lookalikeMatcher = new TermMatcher<Term>(LOOKALIKES.map((w) => ({ w })));

const RESIDENCE_BEFORE = /(我住在|住在|我家在|家住|家在|老家|户口在|我是|俺是|俺家在|住)[^,。;!?\n]{0,3}$/;
const DOWNSTREAM_BEFORE = /(卖到|拉到|送到|运到|销往|发往|卖给|供给|供应给|送往|流向|运往|拉去|卖去)[^,。;!?\n]{0,6}$/;
const BUSINESS_AFTER =
  /^[^,。;!?\n]{0,14}(饭店|餐馆|餐厅|饭馆|酒店|超市|便利店|小卖部|店|市场|集|食堂|学校|小学|中学|幼儿园|作坊|厂|摊|馆|坊|养殖|屠宰|加工|窝点|有人|有家|有个|一家|那家|这家|村)/;

export interface PlaceMention {
  name: string;
  townships: readonly Township[];
  index: number;
  score: number;
}

export interface TownshipFinding {
  township: Township | null;
  ambiguous: boolean;
  /** The place words that decided it (or that made it ambiguous), joined by '、'. */
  evidence: string | null;
  mentions: PlaceMention[];
}

/** Every gazetteer place in the text, with a score saying how likely it is the business's location. */
export function findPlaces(text: string): PlaceMention[] {
  // Offsets of the mentions index the text as typed (the engine's spans rely on it).
  const s = normaliseKeepingOffsets(text);
  const blocked: Array<[number, number]> = lookalikeMatcher.match(s).map((h) => [h.index, h.index + h.text.length]);
  const out: PlaceMention[] = [];
  for (const h of placeMatcher.match(s)) {
    const end = h.index + h.text.length;
    if (blocked.some(([a, b]) => h.index < b && end > a)) continue;
    const before = s.slice(Math.max(0, h.index - 12), h.index);
    if (ELSEWHERE.test(before)) continue;
    let score = h.term.weight ?? 1;
    if (RESIDENCE_BEFORE.test(before)) score *= 0.3;
    // A correction names the wrong place first: "不是新村镇，是郭店镇".
    if (/(不是|并非|而不是)$/.test(before) && /^[，,、\s]*(而)?是/.test(s.slice(end, end + 4))) score *= 0.1;
    // Corrected in the same breath ("在龙王乡 不是 … 俺是在辛店街上"), or only where family lives ("龙王是俺姥娘家").
    const after = s.slice(end, end + 12);
    if (/^[，,、\s]*(哦|噢|呃|啊)?[，,、\s]*(不对|不是|说错了|记错了|哦不|噢不)(?=[，,、\s!！]|是|$)/.test(after)) score *= 0.1;
    if (/^(乡|镇)?(是|那是)(俺|我)(的)?(姥娘|姥姥|外婆|奶奶|老家|娘家|婆家|亲戚)/.test(after)) score *= 0.3;
    if (DOWNSTREAM_BEFORE.test(s.slice(Math.max(0, h.index - 16), h.index))) score *= 0.3;
    if (BUSINESS_AFTER.test(s.slice(end, end + 16))) score *= 1.3;
    out.push({ name: h.text, townships: h.term.townships, index: h.index, score });
  }
  return out;
}

/**
 * The division a text points to. A place that belongs to several divisions, or two places in
 * different divisions with no clear winner, gives `ambiguous: true` and no township.
 */
export function findTownship(text: string): TownshipFinding {
  const mentions = findPlaces(text);
  if (mentions.length === 0) return { township: null, ambiguous: false, evidence: null, mentions };
  const scores = new Map<Township, number>();
  const names = new Map<Township, string[]>();
  const ambiguousNames: string[] = [];
  for (const m of mentions) {
    if (m.townships.length === 1) {
      const t = m.townships[0];
      if (t === undefined) continue;
      scores.set(t, (scores.get(t) ?? 0) + m.score);
      const list = names.get(t) ?? [];
      if (!list.includes(m.name)) list.push(m.name);
      names.set(t, list);
    } else if (!ambiguousNames.includes(m.name)) {
      ambiguousNames.push(m.name);
    }
  }
  const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1]);
  const top = ranked[0];
  if (top === undefined) {
    return { township: null, ambiguous: true, evidence: ambiguousNames.join('、') || null, mentions };
  }
  const second = ranked[1];
  if (second !== undefined && top[1] < second[1] * 1.5) {
    const ev = ranked.flatMap(([t]) => names.get(t) ?? []);
    return { township: null, ambiguous: true, evidence: ev.join('、'), mentions };
  }
  return { township: top[0], ambiguous: false, evidence: (names.get(top[0]) ?? []).join('、'), mentions };
}

/** A township given by a form field: an exact division name, or a place that resolves to one. */
export function resolveTownship(value: string | null | undefined): Township | null {
  if (value == null) return null;
  const v = normaliseText(value);
  if (isTownship(v)) return v;
  const f = findTownship(v);
  return f.ambiguous ? null : f.township;
}

/**
 * Anonymiser for Chinese free text (complaints, tips, handling notes) before publication.
 * Pure: no I/O, no clock, no randomness. Rule-based; the decisions below are documented in
 * src/publication/README.md (keep both in sync).
 *
 * Pipeline: normalise (full-width → ASCII, dashes, long Chinese-numeral digit strings; one code
 * unit per code unit so offsets are unchanged) → detectors (e-mail, WeChat, number runs, bracketed
 * landlines, plates, addresses, names) → keep-list trimming → overlap resolution (priority, then
 * length) → replacement of the ORIGINAL spans.
 */
import {
  ADDRESS_LEFT_CUES,
  ADDRESS_LEFT_CUTS,
  ADMIN_SUFFIXES,
  AFTER_NAME_WORDS,
  BREAK_CHARS,
  BUSINESS_ADDRESS_LABELS,
  COMPOUND_SURNAMES,
  ENDS_WITH_SURNAME_WORDS,
  FUNCTION_STOP,
  HOME_ADDRESS_LABELS,
  LEFT_CUES,
  MASK_MARKERS,
  NAME_CHARS,
  NAME_CONNECTORS,
  NAMING_CUES,
  NICKNAME_PREFIX,
  NON_ADMIN_QU_PREFIX,
  OBJECT_VERB_CUES,
  PREPOSITION_SURNAMES,
  RIGHT_CUES,
  ROLE_AFTER_SHI_RE,
  COUNT_PEOPLE_RE,
  STRONG_RIGHT_CUES,
  ROLE_CUES,
  SHOP_OR_PLACE_SUFFIXES,
  STOP_WORDS,
  SURNAMES,
  TITLES,
  TOP_SURNAMES,
  NAME_LEFT_OK,
  WEAK_ROLE_CUES,
  ZONG_NOT_TITLE_NEXT,
} from './lexicon.ts';
import { findPersonNames, looksLikeNonName } from '../understanding/pii.ts';
import { HAN_DIGIT } from '../lib/han-digits.ts';

export const PII_TYPES = ['name', 'mobile', 'landline', 'id_number', 'bank_card', 'plate', 'address', 'wechat', 'qq', 'email'] as const;
export type PiiType = (typeof PII_TYPES)[number];

export const PLACEHOLDERS: Record<PiiType, string> = {
  name: '[姓名]',
  mobile: '[手机号]',
  landline: '[电话]',
  id_number: '[身份证号]',
  bank_card: '[银行卡号]',
  plate: '[车牌号]',
  address: '[住址]',
  wechat: '[微信号]',
  qq: '[QQ号]',
  email: '[邮箱]',
};

export interface Finding {
  type: PiiType;
  value: string;
  start: number;
  end: number;
}

/** A person the case itself records (reporter, complainant), decrypted in memory by the caller. */
export interface KnownPerson {
  name?: string | null;
  phone?: string | null;
  address?: string | null;
  idNumber?: string | null;
}

export interface AnonymiseOptions {
  /** Strings never to mask, e.g. the penalised business's name and its published phone. */
  keep?: string[];
  /**
   * The case's own parties: their names, phones, addresses and ID numbers are masked first, wherever
   * they occur and whatever the extractor would say (they win over `keep` too).
   */
  known?: KnownPerson[];
}

interface Span {
  type: PiiType;
  start: number;
  end: number;
}

/** Higher wins when spans overlap (then the longer span, then the earlier one). */
const PRIORITY: Record<PiiType, number> = {
  email: 100,
  wechat: 90,
  qq: 90,
  id_number: 85,
  bank_card: 85,
  mobile: 85,
  landline: 85,
  plate: 70,
  address: 60,
  name: 50,
};

// ---------------------------------------------------------------------------------------------
// Normalisation
// ---------------------------------------------------------------------------------------------

const DASHES = new Set([0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xfe58, 0xfe63, 0x2500, 0x30fc]);

/**
 * Same-length normalisation (offsets stay valid): full-width ASCII → ASCII, ideographic/nbsp/tab
 * → space, dash variants → '-', and runs of ≥7 Chinese numerals (一三八…, a number read out) → digits.
 */
export function normalise(text: string): string {
  const out: string[] = new Array<string>(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let ch = text.charAt(i);
    if (c >= 0xff01 && c <= 0xff5e) ch = String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000 || c === 0xa0 || c === 0x09) ch = ' ';
    else if (DASHES.has(c)) ch = '-';
    out[i] = ch;
  }
  return out
    .join('')
    .replace(/[〇零一二三四五六七八九幺](?:[ -]?[〇零一二三四五六七八九幺]){6,}/g, (m) => Array.from(m, (c) => HAN_DIGIT[c] ?? c).join(''));
}

const isHan = (ch: string): boolean => /^[\u3400-\u9fff]$/.test(ch);
const isDigit = (ch: string): boolean => ch >= '0' && ch <= '9';
const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternation = (list: readonly string[]): string =>
  [...list]
    .sort((a, b) => b.length - a.length)
    .map(escapeRe)
    .join('|');

// ---------------------------------------------------------------------------------------------
// Check digits
// ---------------------------------------------------------------------------------------------

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';
const PROVINCE_CODES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
  '83',
  '91',
]);

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const dim = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;
  return d <= dim;
}

/** 18-digit resident ID check digit (GB 11643). */
export function idChecksumOk(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id.charAt(i)) * (ID_WEIGHTS[i] ?? 0);
  return ID_CHECK.charAt(sum % 11) === id.charAt(17).toUpperCase();
}

/** Region and birth date plausible (the check digit is tested separately). */
function idStructureOk(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id) || !PROVINCE_CODES.has(id.slice(0, 2))) return false;
  const y = Number(id.slice(6, 10));
  return y >= 1900 && y <= 2099 && validDate(y, Number(id.slice(10, 12)), Number(id.slice(12, 14)));
}

function oldIdStructureOk(id: string): boolean {
  if (!/^\d{15}$/.test(id) || !PROVINCE_CODES.has(id.slice(0, 2))) return false;
  return validDate(1900 + Number(id.slice(6, 8)), Number(id.slice(8, 10)), Number(id.slice(10, 12)));
}

/** Luhn (mod 10) check used by bank cards. */
export function luhnOk(num: string): boolean {
  if (!/^\d+$/.test(num)) return false;
  let sum = 0;
  for (let i = 0; i < num.length; i++) {
    let d = Number(num.charAt(num.length - 1 - i));
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

// ---------------------------------------------------------------------------------------------
// Number runs: phones, ID numbers, bank cards, QQ, numeric WeChat IDs
// ---------------------------------------------------------------------------------------------

type Label = 'order' | 'phone' | 'id' | 'bank' | 'qq' | 'wechat';

/** Words before a number telling what it is. 'order' means "not personal, never mask". */
const LABEL_WORDS: Record<Label, readonly string[]> = {
  order: [
    '订单号',
    '订单编号',
    '订单',
    '单号',
    '运单',
    '快递单',
    '物流单',
    '流水号',
    '流水',
    '交易号',
    '交易单号',
    '编号',
    '编码',
    '工单',
    '案号',
    '批号',
    '批次',
    '条码',
    '条形码',
    '发票号码',
    '发票号',
    '发票代码',
    '税号',
    '货号',
    '序列号',
    '序号',
    '追溯码',
    '溯源码',
    '许可证号',
    '许可证',
    '证号',
    '执照号',
    '注册号',
    '信用代码',
    '代码',
    '登记号',
    '受理号',
    '回执',
    '查询码',
    '取件码',
    '取餐号',
    '取餐码',
    '桌号',
    '床号',
    '房号',
    '小票',
    '凭证号',
    '券码',
    '验证码',
    '会员号',
    '会员卡号',
    '积分卡',
    '工号',
    '学号',
    '型号',
    '规格',
    '文号',
    '标准号',
    '执业证号',
    '执业证',
    '车次',
    '航班',
    '快递',
    'qq群',
    '群号',
    '群',
    '邮编',
    '邮政编码',
    '批准文号',
    '生产日期',
    '日期',
    '保质期',
    '会员卡',
    '积分卡',
    '购物卡',
    '储值卡',
    '饭卡',
    '加油卡',
    '健身卡',
    '金额',
    '罚款',
    '罚没',
    '价格',
    '合计',
    '共计',
    'sn',
    'no.',
    '尾号',
    '后四位',
    '后六位',
    '后4位',
  ],
  phone: [
    '电话',
    '手机',
    '手机号',
    '号码',
    '座机',
    '固话',
    '联系方式',
    '来电',
    '致电',
    '热线',
    'tel',
    'phone',
    'mobile',
    '传真',
    '小号',
    '大号',
    '拨打',
    '打',
    '短信',
    '呼叫',
    '来电显示',
    '拨',
    '联系',
  ],
  id: ['身份证', '身份证号', '身份证号码', '证件号', '证件号码', '身份号码', '公民身份号码', '身份证件', '身份证明', 'id'],
  bank: [
    '银行卡',
    '卡号',
    '账号',
    '帐号',
    '银行账户',
    '银行帐户',
    '账户',
    '帐户',
    '收款账号',
    '开户',
    '银行',
    '储蓄卡',
    '借记卡',
    '信用卡',
    '建行卡',
    '工行卡',
    '农行卡',
    '卡上',
    '卡',
  ],
  qq: ['qq', '扣扣', '企鹅号', '企鹅', 'q号'],
  wechat: ['微信', '微信号', '威信', '薇信', 'v信', 'vx', 'wx', 'weixin', 'wechat', '加v'],
};
const LABEL_OF = new Map<string, Label>();
for (const [label, list] of Object.entries(LABEL_WORDS) as [Label, readonly string[]][]) {
  for (const w of list) LABEL_OF.set(w, label);
}
const LABEL_RE = new RegExp(alternation([...LABEL_OF.keys()]), 'g');
const TIGHT_GAP = /^[\s:=#()[\]【】"“”'‘’<>《》\-是为号码]{0,6}$/;
const LOOSE_GAP = /^[^\d,，。;；!！?？]{0,6}$/;

function labelBefore(norm: string, pos: number): Label | null {
  const win = norm.slice(Math.max(0, pos - 20), pos).toLowerCase();
  let bestEnd = -1;
  let best: Label | null = null;
  let bestWord = '';
  for (const m of win.matchAll(LABEL_RE)) {
    const end = (m.index ?? 0) + m[0].length;
    if (end >= bestEnd) {
      bestEnd = end;
      bestWord = m[0];
      best = LABEL_OF.get(m[0]) ?? null;
    }
  }
  if (best === null) return null;
  const gap = win.slice(bestEnd);
  if (TIGHT_GAP.test(gap)) return best;
  if (bestWord.length === 1 || bestWord === '联系') return null; // 打/拨/卡 only right before the number
  if ((best === 'phone' || best === 'id' || best === 'bank') && LOOSE_GAP.test(gap)) return best;
  return null;
}

const MOBILE_RE = /^(?:0086|86)?1[3-9]\d{9}$/;
/** Area code (010, 02x, 0[3-9]xx) + 7–8 digit local number starting 2–9. */
const LANDLINE_RE = /^0(?:10|2\d|[3-9]\d{2})[2-9]\d{6,7}$/;
const LOCAL_LANDLINE_RE = /^[2-9]\d{6,7}$/;
/** Issuer prefixes of cards seen in China (UnionPay 62/60, Visa 4, Mastercard 51–55, JCB 35, old domestic 9). */
const CARD_BIN_RE = /^(?:6[02]|4|5[1-5]|35|9)/;

/** 20261128, 19990101: a compact date, not a local phone number. */
function looksLikeDate(d: string): boolean {
  const m = /^(19|20)(\d\d)(\d\d)(\d\d)$/.exec(d);
  return m !== null && validDate(Number((m[1] ?? '') + (m[2] ?? '')), Number(m[3]), Number(m[4]));
}

/** `wholeRun`: d is the entire digit run (a 7–8 digit local number must not be cut out of a longer one). */
function classifyNumber(d: string, label: Label | null, wholeRun: boolean): PiiType | null {
  if (/[Xx]$/.test(d)) return d.length === 18 && idStructureOk(d) && (idChecksumOk(d) || label === 'id') ? 'id_number' : null;
  if (MOBILE_RE.test(d)) return 'mobile';
  if (d.length === 18 && idStructureOk(d) && (idChecksumOk(d) || label === 'id')) return 'id_number';
  if (d.length === 15 && label === 'id' && oldIdStructureOk(d)) return 'id_number';
  // A 16–18 digit number right after an ID label with a plausible region and birth date: an ID
  // with a typo or a missing digit still identifies the person.
  if (label === 'id' && d.length >= 16 && d.length <= 18 && idStructureOk(d.padEnd(18, '0'))) return 'id_number';
  if (label === 'qq' && /^[1-9]\d{4,10}$/.test(d)) return 'qq';
  if (label === 'wechat' && /^\d{5,11}$/.test(d)) return 'wechat';
  if (LANDLINE_RE.test(d)) return 'landline';
  if (d.length >= 16 && d.length <= 19 && label !== 'id') {
    if (label === 'bank' && /^[3-69]/.test(d)) return 'bank_card';
    if (luhnOk(d) && CARD_BIN_RE.test(d)) return 'bank_card';
  }
  if (label === 'phone' && wholeRun && LOCAL_LANDLINE_RE.test(d) && !looksLikeDate(d)) return 'landline';
  return null;
}

/** Letters allowed right before a number (TEL13812345678, QQ38271654). Any other letter prefix = a code (SC…, XZ-…). */
const LETTER_LABELS = new Set(['tel', 'phone', 'mobile', 'mob', 'call', 'cell', 'fax', 'qq', 'wx', 'vx', 'v', 'no', 'id', 'm', 't']);
/** A number directly followed by a unit is an amount/quantity/date, not personal data. */
const UNIT_AFTER_RE = /^(?:[元块万亿角毛%斤克吨升箱袋瓶盒件份次岁米年月日℃度]|kg|mg|ml|g\b|l\b|cm|mm|km)/i;
const RUN_RE = /\+?\d+(?:[Xx](?![A-Za-z0-9]))?(?:(?: ?- ?| {1,2})\d+(?:[Xx](?![A-Za-z0-9]))?)*/g;

function findNumbers(norm: string): Span[] {
  const out: Span[] = [];
  for (const m of norm.matchAll(RUN_RE)) {
    const base = m.index ?? 0;
    const runEnd = base + m[0].length;
    const plus = m[0].startsWith('+');
    // Context that makes the whole run a code, an amount or a decimal.
    const before = norm.charAt(base - 1);
    if (/[A-Za-z]/.test(before) || ((before === '-' || before === '_') && /[A-Za-z]/.test(norm.charAt(base - 2)))) {
      const wEnd = before === '-' || before === '_' ? base - 1 : base;
      const word = /[A-Za-z]+$/.exec(norm.slice(Math.max(0, wEnd - 10), wEnd))?.[0].toLowerCase() ?? '';
      if (!LETTER_LABELS.has(word)) continue;
    }
    if ('@*＊/\\'.includes(before) && before !== '') continue;
    if (before === '.' && isDigit(norm.charAt(base - 2))) continue;
    const after = norm.charAt(runEnd);
    if (/[A-Za-z@*_]/.test(after)) continue;
    if (after === '.' && isDigit(norm.charAt(runEnd + 1))) continue;
    if (/[¥￥$]\s?$/.test(norm.slice(Math.max(0, base - 2), base))) continue;
    const label = labelBefore(norm, base);
    if (label === 'order') continue;

    const toks = [...m[0].matchAll(/\d+[Xx]?/g)].map((t) => ({
      s: base + (t.index ?? 0),
      e: base + (t.index ?? 0) + t[0].length,
      d: t[0],
    }));
    const n = toks.length;
    const total = toks.reduce((a, t) => a + t.d.length, 0);
    const whole = classifyNumber(toks.map((t) => t.d).join(''), label, true);
    // A long number shown in small groups (6222 0254 5818 …) is one number: don't look for
    // phones or cards inside it unless the whole thing is a list of mobiles.
    const grouped = whole === null && total >= 15 && n >= 3 && toks.every((t) => t.d.length <= 6);

    interface Best {
      score: number;
      segs: number;
      j: number;
      type: PiiType | null;
    }
    const best: Best[] = new Array<Best>(n + 1);
    best[n] = { score: 0, segs: 0, j: -1, type: null };
    for (let i = n - 1; i >= 0; i--) {
      const next = best[i + 1] as Best;
      let cand: Best = { score: next.score, segs: next.segs, j: -1, type: null };
      let digits = '';
      for (let j = i; j < n; j++) {
        const tj = toks[j];
        if (!tj) break;
        if (j > i && /[Xx]$/.test(digits)) break;
        digits += tj.d;
        if (digits.length > 20) break;
        const type = classifyNumber(digits, label, i === 0 && j === n - 1);
        if (type === null) continue;
        if (grouped && type !== 'mobile') continue;
        if (UNIT_AFTER_RE.test(norm.slice(tj.e, tj.e + 4)) && type !== 'id_number') continue;
        const rest = best[j + 1] as Best;
        const score = digits.length + rest.score;
        const segs = 1 + rest.segs;
        if (score > cand.score || (score === cand.score && segs < cand.segs)) cand = { score, segs, j, type };
      }
      best[i] = cand;
    }
    for (let i = 0; i < n; ) {
      const b = best[i] as Best;
      const ti = toks[i];
      const tj = toks[b.j];
      if (b.j < 0 || b.type === null || !ti || !tj) {
        i++;
        continue;
      }
      out.push({ type: b.type, start: i === 0 && plus ? base : ti.s, end: tj.e });
      i = b.j + 1;
    }
  }
  // Dotted mobile: 138.3712.9900.
  for (const m of norm.matchAll(/(?<![\d.])1[3-9]\d\.\d{4}\.\d{4}(?![\d.])/g)) {
    const start = m.index ?? 0;
    if (labelBefore(norm, start) !== 'order') out.push({ type: 'mobile', start, end: start + m[0].length });
  }
  // Bracketed area code: (0371)69951234, （0371）6995 1234.
  for (const m of norm.matchAll(/\(\s?0\d{2,3}\s?\)\s?-?\s?\d(?:[ -]?\d){6,7}(?![\d])/g)) {
    const digits = m[0].replace(/\D/g, '');
    const start = m.index ?? 0;
    if (LANDLINE_RE.test(digits) && labelBefore(norm, start) !== 'order') out.push({ type: 'landline', start, end: start + m[0].length });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// E-mail, WeChat (alphanumeric IDs), plates
// ---------------------------------------------------------------------------------------------

const EMAIL_RE = /[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const WECHAT_RE =
  /(?<![A-Za-z])(?:(?:微信号?|威信号?|薇信号?|v信号?|vx号?|wx号?|weixin|wechat|加v)(?:id|号)?\s*(?:是|为)?\s*[:=]?\s*|v\s*[:=]\s*)([A-Za-z][A-Za-z0-9_-]{4,19})(?![A-Za-z0-9_@.-])/dgi;
const PLATE_RE =
  /(?<![A-Za-z0-9])[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼] ?[A-HJ-NP-Z] ?[·•・. -]? ?([A-HJ-NP-Z0-9]{5,6}|[A-HJ-NP-Z0-9]{4}[挂学警港澳领试超])(?![A-Za-z0-9])/gi;

function findEmailsWechatPlates(norm: string): Span[] {
  const out: Span[] = [];
  for (const m of norm.matchAll(EMAIL_RE)) {
    const start = m.index ?? 0;
    out.push({ type: 'email', start, end: start + m[0].length });
  }
  for (const m of norm.matchAll(WECHAT_RE)) {
    const g = m.indices?.[1];
    if (!g) continue;
    out.push({ type: 'wechat', start: g[0], end: g[1] });
  }
  for (const m of norm.matchAll(PLATE_RE)) {
    const tail = (m[1] ?? '').toUpperCase();
    const digitCount = tail.replace(/\D/g, '').length;
    if (digitCount < 2) continue;
    if (tail.length === 6 && !/^[DF][A-HJ-NP-Z0-9]\d{4}$|^\d{5}[DF]$/.test(tail)) continue;
    const start = m.index ?? 0;
    out.push({ type: 'plate', start, end: start + m[0].length });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Addresses
// ---------------------------------------------------------------------------------------------

const NUMC = '0-9一二三四五六七八九十百零〇两';
/** Building / unit / room, a-b-c room triples, village group, village house number, long room numbers. */
const ADDRESS_ANCHOR_RE = new RegExp(
  [
    `第?[${NUMC}]+(?:号楼|栋|幢|单元)`,
    `(?<=[\\u3400-\\u9fff])\\d{1,3}-\\d{1,2}-\\d{1,5}(?![\\d-])`,
    `(?<=[村庄寨屯营湾])第?[${NUMC}]+(?:组|队)`,
    `(?<=[村庄寨屯])\\d{1,4}号(?!楼|院(?!子|里|内))`,
    `(?<=[村庄寨屯][东西南北中前后]?[街巷路])\\d{1,4}号(?!楼|院(?!子|里|内))`,
    `(?<![\\d-])\\d{3,5}室`,
  ].join('|'),
  'g',
);
const RIGHT_TOKEN_RE = new RegExp(
  `第?[${NUMC}]+(?:号楼|号院|栋|幢|座|单元|室|户|层|楼|号|组|队|排|门)|[东西南北中](?:单元|边户|户|门)|(?<=[楼层元])[东西南北中](?![\\u3400-\\u9fff])|[A-Za-z](?:座|栋|区|幢|单元)|-\\d{1,5}(?!\\d)|\\d{1,5}(?![\\d])|[零〇一二三四五六七八九]{3,4}(?![\\u3400-\\u9fff])`,
  'y',
);
/** Han/letters, and digits only when a unit follows (36号院, 3期): the text before an anchor that can belong to the address. */
const ADDRESS_TAIL_RE = /(?:[\u3400-\u9fffA-Za-z]|\d+(?=[号期区组队排院楼层街巷弄座栋幢]))+$/;
const ROOM_LEVEL_RE = /单元|室|户|\d-\d/;
const RESIDENTIAL_END_RE =
  /(?:路|街|道|巷|胡同|村|庄|寨|屯|营|小区|花园|园|苑|院|城|府|湾|庭|里|区|弄|社区|家园|公寓|大厦|广场|世家|名门|国际|公馆|首府)$/;
const NON_RESIDENTIAL_END_RE =
  /(?:学校|中学|小学|大学|学院|幼儿园|医院|卫生院|食堂|公司|工厂|厂|市场|商场|超市|办公楼|教学楼|实验楼|综合楼|政府|派出所|监管所|局)$/;
const BUSINESS_AFTER_RE = /^(?:的)?(?:商铺|门面|门市|底商|店铺|店面|商店|食堂|餐厅|饭店|超市|营业厅|网点|办公室|档口|摊位)/;
const HOME_LABEL_RE = new RegExp(alternation(HOME_ADDRESS_LABELS), 'g');
const BUSINESS_LABEL_RE = new RegExp(alternation(BUSINESS_ADDRESS_LABELS), 'g');
const HOME_ADDRESS_AFTER_LABEL_RE = new RegExp(`^[\\s:]*(?:是|为|在)?[\\s:]*([\\u3400-\\u9fff]{2,20}?)(第?[${NUMC}]+(?:号院|号|组|队|排))`);

function lastIndexOfAny(s: string, re: RegExp): number {
  let last = -1;
  for (const m of s.matchAll(re)) last = Math.max(last, (m.index ?? 0) + m[0].length);
  return last;
}

/** Start index (within `run`) of the residential part after admin divisions, landmarks and cues. */
function residentialStart(run: string): number {
  let cut = 0;
  for (const suf of ADMIN_SUFFIXES) {
    let from = 0;
    for (;;) {
      const k = run.indexOf(suf, from);
      if (k < 0) break;
      from = k + 1;
      if (
        suf === '区' &&
        (NON_ADMIN_QU_PREFIX.has(run.charAt(k - 1)) || /[A-Za-z0-9一二三四五六七八九十东西南北中]/.test(run.charAt(k - 1)))
      )
        continue;
      if (k + suf.length === run.length) continue; // the run ends with it: that is the residential name itself
      cut = Math.max(cut, k + suf.length);
    }
  }
  for (const w of [...ADDRESS_LEFT_CUTS, ...ADDRESS_LEFT_CUES]) {
    const k = run.lastIndexOf(w);
    if (k >= 0) cut = Math.max(cut, k + w.length);
  }
  return cut;
}

function findAddresses(norm: string): Span[] {
  const anchors: { s: number; e: number }[] = [];
  for (const m of norm.matchAll(ADDRESS_ANCHOR_RE)) {
    const s = m.index ?? 0;
    const dash = /^(\d+)-/.exec(m[0]);
    if (dash && /^(19|20)\d\d$/.test(dash[1] ?? '')) continue;
    anchors.push({ s, e: s + m[0].length });
  }
  // Home-labelled road/village + house number: 家住人民路12号.
  for (const m of norm.matchAll(HOME_LABEL_RE)) {
    const after = (m.index ?? 0) + m[0].length;
    const am = HOME_ADDRESS_AFTER_LABEL_RE.exec(norm.slice(after, after + 40));
    if (!am || !RESIDENTIAL_END_RE.test(am[1] ?? '')) continue;
    const s = after + am[0].length - (am[2] ?? '').length;
    anchors.push({ s, e: after + am[0].length });
  }
  const out: Span[] = [];
  for (const a of anchors) {
    // Expand right over further address tokens.
    let end = a.e;
    let rightTokens = 0;
    for (;;) {
      RIGHT_TOKEN_RE.lastIndex = end;
      const t = RIGHT_TOKEN_RE.exec(norm);
      if (!t) break;
      if (
        /^(?:\d+|[零〇一二三四五六七八九]+)$/.test(t[0]) &&
        !/(?:单元|栋|幢|号楼|楼|座|层|门|-\d+|\d)$/.test(norm.slice(Math.max(0, end - 3), end))
      )
        break;
      end += t[0].length;
      rightTokens++;
    }
    // Expand left over the residential name and number parts (人民路36号院, 阳光花园, B区), then
    // keep only what follows the last admin division / landmark / cue word.
    const tail = ADDRESS_TAIL_RE.exec(norm.slice(Math.max(0, a.s - 40), a.s))?.[0] ?? '';
    const named = tail.slice(residentialStart(tail));
    const start = a.s - named.length;
    if (named.length === 0 && rightTokens === 0) continue;
    const spanText = norm.slice(start, end);
    // Floor + room alone (三楼302室) with no building or residential name: an office, not a home.
    if (!/号楼|栋|幢|单元|号院|座|\d-\d|组|排|号/.test(spanText) && !RESIDENTIAL_END_RE.test(named)) continue;
    // Non-residential buildings (学校3号楼) unless a unit/room is given.
    if (NON_RESIDENTIAL_END_RE.test(named) && !ROOM_LEVEL_RE.test(spanText)) continue;
    if (BUSINESS_AFTER_RE.test(norm.slice(end, end + 4))) continue;
    // Business address label nearer than any home label → a business's address: not masked.
    const ctx = norm.slice(Math.max(0, start - 30), start);
    const biz = lastIndexOfAny(ctx, BUSINESS_LABEL_RE);
    const home = lastIndexOfAny(ctx, HOME_LABEL_RE);
    if (biz >= 0 && biz > home) continue;
    out.push({ type: 'address', start, end });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Person names
// ---------------------------------------------------------------------------------------------

const ROLE_CUE_RE = new RegExp(`${alternation(ROLE_CUES)}|[\u3400-\u9fff](?:员)`, 'g');
const OBJECT_VERB_RE = new RegExp(`(?:${alternation(OBJECT_VERB_CUES)})(?:一下|下)?$`);
const PHONE_AFTER_NAME_RE = /^[\s:,、(]*(?:的)?(?:电话|手机|联系电话|手机号)?[\s:,(]*$/;
const NAMING_CUE_RE = new RegExp(alternation(NAMING_CUES), 'g');
const CUE_FILLER_RE = /^[\s:]*(?:是|为|叫做|名叫|叫)?[\s:]*/;

function surnamesAt(s: string, i: number): string[] {
  const out: string[] = [];
  const two = s.slice(i, i + 2);
  if (COMPOUND_SURNAMES.includes(two)) out.push(two);
  if (SURNAMES.has(s.charAt(i))) out.push(s.charAt(i));
  return out;
}

function titleAt(s: string, p: number): string | null {
  for (const t of TITLES) {
    if (!s.startsWith(t, p)) continue;
    const next = s.charAt(p + t.length);
    if (t === '总' && (ZONG_NOT_TITLE_NEXT.has(next) || s.startsWith('经理', p + 1))) continue;
    if (t.length === 1 && t !== '总' && '妹们弟夫'.includes(next) && next !== '') continue;
    return t;
  }
  return null;
}

const isStop = (w: string, namingCue: boolean): boolean => FUNCTION_STOP.has(w) || (!namingCue && STOP_WORDS.has(w));

function hasShopSuffix(s: string, e: number): boolean {
  return SHOP_OR_PLACE_SUFFIXES.some((suf) => s.startsWith(suf, e));
}

/** The character before `i` makes it a nickname (老王), or belongs to a word ending in it (当时). */
function badLeft(s: string, i: number, sur: string): boolean {
  const prev = s.charAt(i - 1);
  if (NICKNAME_PREFIX.has(prev)) return true;
  if (sur.length === 1 && (ENDS_WITH_SURNAME_WORDS.has(prev + sur) || STOP_WORDS.has(prev + sur))) return true;
  return false;
}

/**
 * Possible ends of a full name (surname + 1–2 given chars) at i, longest first. `strict` = given
 * chars must be typical name characters; otherwise any Han char that is not a break char.
 */
function nameEnds(s: string, i: number, sur: string, strict: boolean, namingCue: boolean): number[] {
  const j = i + sur.length;
  const c1 = s.charAt(j);
  const c2 = s.charAt(j + 1);
  const ok = (c: string): boolean => isHan(c) && !BREAK_CHARS.has(c) && !MASK_MARKERS.has(c) && (!strict || NAME_CHARS.has(c));
  if (!ok(c1)) return [];
  const ends: number[] = [];
  if (ok(c2) && NAME_CHARS.has(c2) && !AFTER_NAME_WORDS.has(c2 + s.charAt(j + 2))) {
    const name = s.slice(i, j + 2);
    if (!isStop(name, namingCue) && !isStop(name.slice(0, 2), namingCue) && (namingCue || !isStop(s.slice(j, j + 2), false))) {
      if (namingCue || !hasShopSuffix(s, j + 2)) ends.push(j + 2);
    }
  }
  const short = s.slice(i, j + 1);
  if (!isStop(short, namingCue) && (namingCue || !hasShopSuffix(s, j + 1))) ends.push(j + 1);
  return ends;
}

function readName(s: string, i: number, sur: string, strict: boolean, namingCue: boolean): number {
  return nameEnds(s, i, sur, strict, namingCue)[0] ?? -1;
}

/** The text before i ends with a role cue or a title (班主任杨老师, 联系人贾经理). */
function endsWithRoleCue(s: string, i: number): boolean {
  const before = s.slice(Math.max(0, i - 6), i);
  return ROLE_CUES.some((c) => before.endsWith(c)) || TITLES.some((t) => t.length > 1 && before.endsWith(t)) || /[员人]$/.test(before);
}

function findNames(norm: string, taken: (s: number, e: number) => boolean, phoneStarts: number[]): Span[] {
  /** A phone number follows within a few filler chars: 赵敏 15837125566. */
  const phoneAfter = (e: number): boolean => phoneStarts.some((p) => p >= e && p - e <= 8 && PHONE_AFTER_NAME_RE.test(norm.slice(e, p)));
  const found: Span[] = [];
  const overlapsFound = (s: number, e: number): boolean => found.some((f) => f.start < e && s < f.end);
  const add = (start: number, end: number): boolean => {
    if (end <= start || overlapsFound(start, end) || taken(start, end)) return false;
    found.push({ type: 'name', start, end });
    return true;
  };

  // 1. Surname (+ given name) + title: 王先生, 孙大姐, 李娜女士, 王建国先生.
  for (let i = 0; i < norm.length; i++) {
    for (const sur of surnamesAt(norm, i)) {
      const j = i + sur.length;
      if (MASK_MARKERS.has(norm.charAt(j))) continue;
      if (badLeft(norm, i, sur)) continue;
      const t = titleAt(norm, j);
      if (t) {
        if (PREPOSITION_SURNAMES.has(sur)) continue;
        const w = sur + t;
        if (STOP_WORDS.has(w) || FUNCTION_STOP.has(w) || STOP_WORDS.has(norm.slice(i, j + 1))) continue;
        if (hasShopSuffix(norm, j + t.length)) continue; // 张姐家常菜, 李哥烧烤: a shop
        const prev = norm.charAt(i - 1);
        if (isHan(prev) && !NAME_LEFT_OK.has(prev) && !TOP_SURNAMES.has(sur) && !endsWithRoleCue(norm, i)) continue;
        if (add(i, j + t.length)) break;
        continue;
      }
      const e = nameEnds(norm, i, sur, true, false).find((x) => {
        const t2 = titleAt(norm, x);
        return t2 !== null && !hasShopSuffix(norm, x + t2.length);
      });
      if (e !== undefined && add(i, e)) break;
    }
  }

  // 2. Strong left cues: 联系人：刘芳, 老板叫王大海, 我叫杨晓梅.
  const cueHits: { end: number; naming: boolean; weak: boolean }[] = [];
  for (const m of norm.matchAll(ROLE_CUE_RE)) {
    // Listed weak cues and the generic "…员" (送餐员, 检测员) take only typical name characters.
    const weak = WEAK_ROLE_CUES.has(m[0]) || !ROLE_CUES.includes(m[0]);
    cueHits.push({ end: (m.index ?? 0) + m[0].length, naming: false, weak });
  }
  for (const m of norm.matchAll(NAMING_CUE_RE)) cueHits.push({ end: (m.index ?? 0) + m[0].length, naming: true, weak: false });
  for (const cue of cueHits) {
    const filler = CUE_FILLER_RE.exec(norm.slice(cue.end))?.[0] ?? '';
    const naming = cue.naming || /叫|名/.test(filler);
    const p = cue.end + filler.length;
    for (const sur of surnamesAt(norm, p)) {
      const j = p + sur.length;
      if (MASK_MARKERS.has(norm.charAt(j))) break;
      const t = titleAt(norm, j);
      if (t && !PREPOSITION_SURNAMES.has(sur)) {
        if (!hasShopSuffix(norm, j + t.length) && add(p, j + t.length)) break;
        continue;
      }
      const weak = cue.weak && !naming;
      // After a role noun the first given character must still look like a name (工作人员常驻… is not).
      if (!naming && !/:/.test(filler) && !NAME_CHARS.has(norm.charAt(j))) continue;
      const e = nameEnds(norm, p, sur, weak, naming)[0];
      if (e !== undefined && add(p, e)) break;
    }
  }

  // 2b. 我姓周，周晓东 / 姓杜，叫杜鹏: the surname is announced, then the full name follows.
  for (let i = norm.indexOf('姓'); i >= 0; i = norm.indexOf('姓', i + 1)) {
    for (const sur of surnamesAt(norm, i + 1)) {
      const q = i + 1 + sur.length;
      const p = q + (/^[,、:\s]*(?:叫做|名叫|名字叫|叫)?[:\s]*/.exec(norm.slice(q))?.[0].length ?? 0);
      if (p === q || !norm.startsWith(sur, p)) continue;
      const e = readName(norm, p, sur, false, true);
      if (e > 0 && add(p, e)) break;
    }
  }

  // 3. Weak cues: a typical-looking name directly followed by 说/告诉/跟我/开的 …, in a form field,
  //    or after a verb taking a person (转告…).
  const weakAccept = (i: number, sur: string, e: number): boolean => {
    const given = e - i - sur.length;
    const boundary = i === 0 || !isHan(norm.charAt(i - 1));
    const leftCue = LEFT_CUES.some((c) => norm.slice(Math.max(0, i - c.length), i) === c);
    const after = norm.slice(e, e + 16);
    const strongRight =
      STRONG_RIGHT_CUES.some((c) => after.startsWith(c)) || phoneAfter(e) || ROLE_AFTER_SHI_RE.test(after) || COUNT_PEOPLE_RE.test(after);
    const rightCue = strongRight || RIGHT_CUES.some((c) => after.startsWith(c));
    const next = norm.charAt(e);
    const endsHere = next === '' || !isHan(next) || BREAK_CHARS.has(next);
    const objectOfVerb = (given === 2 || endsHere) && OBJECT_VERB_RE.test(norm.slice(Math.max(0, i - 6), i));
    // A form field: 审核：李强 / 负责人（签字）: 张伟 (label, colon, a name that ends there).
    const field = endsHere && /[\u3400-\u9fff)][:][ ]*$/.test(norm.slice(Math.max(0, i - 4), i));
    return strongRight || field || objectOfVerb || (rightCue && (given === 2 || leftCue || boundary));
  };
  for (let i = 0; i < norm.length; i++) {
    for (const sur of surnamesAt(norm, i)) {
      if (badLeft(norm, i, sur)) continue;
      const e = nameEnds(norm, i, sur, true, false).find((x) => weakAccept(i, sur, x));
      if (e !== undefined && add(i, e)) break;
    }
  }

  // 4. Lists of names: 张伟、李强和王磊 (spread from an accepted name in both directions).
  const connectorRe = new RegExp(`^(?:${alternation(NAME_CONNECTORS)})`);
  for (let changed = true; changed; ) {
    changed = false;
    for (const f of [...found]) {
      // Skip a bracketed remark after the name: 张晓明（执法证号…）、李文博.
      let after = f.end;
      if (norm.charAt(after) === '(') {
        const close = norm.indexOf(')', after);
        if (close > 0 && close - after <= 40) after = close + 1;
      }
      const conn = connectorRe.exec(norm.slice(after))?.[0];
      if (conn) {
        const p = after + conn.length;
        for (const sur of surnamesAt(norm, p)) {
          const e = readName(norm, p, sur, true, false);
          if (e > 0 && add(p, e)) {
            changed = true;
            break;
          }
        }
      }
      for (const c of NAME_CONNECTORS) {
        if (norm.slice(Math.max(0, f.start - c.length), f.start) !== c) continue;
        const q = f.start - c.length;
        for (const len of [3, 2, 4]) {
          const i = q - len;
          if (i < 0) continue;
          const sur = surnamesAt(norm, i).find((x) => x.length < len);
          if (!sur || badLeft(norm, i, sur)) continue;
          if (readName(norm, i, sur, true, false) === q && add(i, q)) {
            changed = true;
            break;
          }
        }
        break;
      }
    }
  }

  // 5. The same full name elsewhere in the text.
  for (const f of [...found]) {
    const name = norm.slice(f.start, f.end);
    if (name.length < 2) continue;
    let k = norm.indexOf(name);
    while (k >= 0) {
      if (!NICKNAME_PREFIX.has(norm.charAt(k - 1)) && !hasShopSuffix(norm, k + name.length)) add(k, k + name.length);
      k = norm.indexOf(name, k + 1);
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Keep list, overlap resolution, public API
// ---------------------------------------------------------------------------------------------

function keepRanges(text: string, norm: string, keep: readonly string[]): [number, number][] {
  const out: [number, number][] = [];
  for (const k of keep) {
    if (!k) continue;
    const nk = normalise(k);
    for (const hay of [text, norm]) {
      for (const needle of [k, nk]) {
        let i = hay.indexOf(needle);
        while (i >= 0) {
          out.push([i, i + needle.length]);
          i = hay.indexOf(needle, i + 1);
        }
      }
    }
  }
  return out;
}

/** Removes kept parts from a span: dropped if inside a kept string, trimmed if it only touches one. */
function applyKeep(span: Span, norm: string, ranges: [number, number][], keepDigits: Set<string>): Span | null {
  const value = norm.slice(span.start, span.end);
  const digits = value.replace(/\D/g, '');
  if (digits.length >= 5 && keepDigits.has(digits)) return null;
  let { start, end } = span;
  for (const [ks, ke] of ranges) {
    if (ke <= start || ks >= end) continue;
    if (ks <= start && ke >= end) return null;
    if (ks <= start) start = ke;
    else if (ke >= end) end = ks;
    else if (ks - start >= end - ke) end = ks;
    else start = ke;
  }
  while (start < end && /\s/.test(norm.charAt(start))) start++;
  while (end > start && /\s/.test(norm.charAt(end - 1))) end--;
  return end > start ? { type: span.type, start, end } : null;
}

function resolve(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => PRIORITY[b.type] - PRIORITY[a.type] || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const chosen: Span[] = [];
  for (const s of sorted) {
    if (chosen.some((c) => c.start < s.end && s.start < c.end)) continue;
    chosen.push(s);
  }
  return chosen.sort((a, b) => a.start - b.start);
}

// ---------------------------------------------------------------------------------------------
// The case's own parties (masked first)
// ---------------------------------------------------------------------------------------------

const KNOWN_TITLES = ['先生', '女士', '小姐', '师傅', '阿姨', '大姐', '大哥', '大爷', '老师', '同志'];
const ADDRESS_CUT_RE = /^.*?(?:省|市|县|区|镇|乡|街道|办事处)/;

function occurrences(norm: string, needle: string, type: PiiType, out: Span[]): void {
  if (needle.length < 2) return;
  for (let i = norm.indexOf(needle); i >= 0; i = norm.indexOf(needle, i + 1)) out.push({ type, start: i, end: i + needle.length });
}

/** Digits of a phone or ID number, found with any spacing or dashes between them. */
function digitOccurrences(norm: string, raw: string, type: PiiType, out: Span[]): void {
  let d = normalise(raw).replace(/[^0-9Xx]/g, '');
  if (type !== 'id_number' && /^(?:0086|86)1\d{10}$/.test(d)) d = d.replace(/^(?:0086|86)/, '');
  if (d.length < 7) return;
  const re = new RegExp(`(?<![0-9])${Array.from(d, (c) => (/[Xx]/.test(c) ? '[Xx]' : c)).join('[\\s-]{0,2}')}(?![0-9])`, 'g');
  for (const m of norm.matchAll(re)) out.push({ type, start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
}

function findKnown(norm: string, known: readonly KnownPerson[]): Span[] {
  const out: Span[] = [];
  for (const k of known) {
    const name = k.name ? normalise(k.name).replace(/\s+/g, '') : '';
    if (name.length >= 2) {
      occurrences(norm, name, 'name', out);
      const sur = COMPOUND_SURNAMES.includes(name.slice(0, 2)) && name.length >= 3 ? name.slice(0, 2) : name.slice(0, 1);
      for (const t of KNOWN_TITLES) occurrences(norm, sur + t, 'name', out);
      // The given name alone (士隐很着急), unless it is part of a place name (建国路).
      const given = name.slice(sur.length);
      if (given.length >= 2) {
        for (let i = norm.indexOf(given); i >= 0; i = norm.indexOf(given, i + 1)) {
          if (!/^[路街道巷村镇乡店馆]/.test(norm.charAt(i + given.length))) out.push({ type: 'name', start: i, end: i + given.length });
        }
      }
    }
    if (k.phone) {
      const d = normalise(k.phone).replace(/\D/g, '');
      digitOccurrences(norm, k.phone, MOBILE_RE.test(d) ? 'mobile' : 'landline', out);
    }
    if (k.idNumber) digitOccurrences(norm, k.idNumber, 'id_number', out);
    if (k.address) {
      // The full address and what remains after each leading division (新郑市 / 龙湖镇 / …).
      let a = normalise(k.address).replace(/\s+/g, '');
      for (let n = 0; n < 6 && a.length >= 4; n++) {
        occurrences(norm, a, 'address', out);
        const cut = ADDRESS_CUT_RE.exec(a)?.[0] ?? '';
        if (cut.length === 0 || a.length - cut.length < 4) break;
        a = a.slice(cut.length);
      }
    }
  }
  return resolve(out);
}

/** All personal data found in `text`: non-overlapping, sorted by start; offsets index the original text. */
export function findPii(text: string, opts: AnonymiseOptions = {}): Finding[] {
  const norm = normalise(text);
  const keep = (opts.keep ?? []).filter((k) => k.trim().length > 0);
  const ranges = keepRanges(text, norm, keep);
  const keepDigits = new Set(keep.map((k) => normalise(k).replace(/\D/g, '')).filter((d) => d.length >= 5));
  const known = findKnown(norm, opts.known ?? []);
  const overlapsKnown = (s: number, e: number): boolean => known.some((f) => f.start < e && s < f.end);

  const early = [...findEmailsWechatPlates(norm), ...findNumbers(norm), ...findAddresses(norm)];
  const firm = resolve(early);
  const taken = (s: number, e: number): boolean =>
    overlapsKnown(s, e) || firm.some((f) => f.start < e && s < f.end) || ranges.some(([ks, ke]) => ks < e && s < ke);
  const phoneStarts = firm.filter((f) => f.type === 'mobile' || f.type === 'landline').map((f) => f.start);
  const names = findNames(norm, taken, phoneStarts).filter((n) => !looksLikeNonName(norm.slice(n.start, n.end)));
  // Names with or without cue words (uncommon surnames, nicknames): src/understanding/pii.ts.
  const more = findPersonNames(norm, taken).map((n): Span => ({ type: 'name', start: n.start, end: n.end }));
  const all = [...early, ...names, ...more];

  const kept: Span[] = [];
  for (const s of all) {
    const k = applyKeep(s, norm, ranges, keepDigits);
    if (k) kept.push(k);
  }
  // What the extractor found beyond a known span (a longer address) is still masked: the parts outside it.
  const rest: Span[] = [];
  for (const s of resolve(kept)) {
    let parts: Span[] = [s];
    for (const k of known) {
      parts = parts.flatMap((p) =>
        p.end <= k.start || p.start >= k.end
          ? [p]
          : [
              { type: p.type, start: p.start, end: k.start },
              { type: p.type, start: k.end, end: p.end },
            ].filter((q) => q.end > q.start && norm.slice(q.start, q.end).trim() !== ''),
      );
    }
    rest.push(...parts);
  }
  const chosen = [...known, ...rest].sort((a, b) => a.start - b.start);
  return chosen.map((s) => ({ type: s.type, value: text.slice(s.start, s.end), start: s.start, end: s.end }));
}

/** Replaces every finding with its placeholder (see PLACEHOLDERS). */
export function anonymise(text: string, opts: AnonymiseOptions = {}): { text: string; found: { type: PiiType; value: string }[] } {
  const findings = findPii(text, opts);
  let out = '';
  let pos = 0;
  for (const f of findings) {
    out += text.slice(pos, f.start) + PLACEHOLDERS[f.type];
    pos = f.end;
  }
  out += text.slice(pos);
  return { text: out, found: findings.map((f) => ({ type: f.type, value: f.value })) };
}

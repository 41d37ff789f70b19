// The draft and its slots: which the kind needs (Order 121 Art. 10 for complaints), which are filled,
// how facts read by the understanding engine fill them, and how a direct answer to a question is checked
// for being what it should be (a sentence is not a business name; an address has a place). Pure.
import { TOWNSHIPS, type Township } from '../../src/cases/divisions.ts';
import { IdNumberSchema, PhoneSchema, type SubmissionInput } from '../../src/cases/submission.schema.ts';
import {
  endsVillageName,
  MEASURE_BEFORE,
  STALL_VERB_AFTER,
  STALL_VERB_BEFORE,
  TOWNSHIPS_WITH_DIAN,
} from '../../src/understanding/business.ts';
import { findPlaces, findTownship } from '../../src/understanding/gazetteer.ts';
import { findPersonNames } from '../../src/understanding/pii.ts';
import { crimeWordsIn } from '../../src/understanding/crime.ts';
import { COMPOUND_SURNAMES, SINGLE_SURNAMES } from '../../src/understanding/pii.lexicon.ts';
import { type Understanding, understand } from '../../src/understanding/understand.ts';
import { REFUSES_REAL_NAME } from '../../src/understanding/wishes.ts';
import { findTimePhrase } from '../../src/understanding/dates.ts';
import { fixTypos, normaliseKeepingOffsets } from '../../src/understanding/normalise.ts';
import { correctedDay, parseIncidentDate, saysUnknownDate } from './dates.ts';
import { HAN_DIGIT } from '../../src/lib/han-digits.ts';
import { escapeRegExp } from '../../src/understanding/text.ts';

export type Kind = 'complaint' | 'report' | 'both' | 'consultation';

export const SLOTS = [
  'description',
  'business',
  'where',
  'when',
  'request',
  'anonymous',
  'name',
  'phone',
  'address',
  'reward',
  'idNumber',
  'consent',
] as const;
export type Slot = (typeof SLOTS)[number];

export interface FileRef {
  key: string;
  mime: string;
  size: number;
}

export interface Draft {
  kind?: Kind;
  description?: string;
  /** null: the reporter does not know the business (reports only). */
  businessName?: string | null;
  /** null: not known. */
  where?: string | null;
  township?: Township | null;
  /** null: the citizen does not remember. */
  incidentDate?: string | null;
  request?: string;
  anonymous?: boolean;
  wantsReward?: boolean;
  name?: string;
  phone?: string;
  address?: string;
  /** null: a reward applied for without the number (refused, or it never checked out); checked at the claim. */
  idNumber?: string | null;
  consentToPublish?: boolean;
  /** A complaint's business was said to be unknown once (the second time it is filed as unnamed). */
  businessUnknownOnce?: boolean;
  /** An ID number that failed its check once (the second time the draft goes on without it). */
  idBadOnce?: boolean;
  /** The story is a bare charge ("举报地沟油"): what was seen is asked once before the summary. */
  detailsLater?: boolean;
  /** Answers to the time question that gave no day (after two, the time is left open). */
  whenTries?: number;
  /** A complaint's business address was said to be unknown once (the second time it is filed as not known). */
  whereUnknownOnce?: boolean;
  /** The story so far says too little ("他家的油不对劲"): ask for the details once. */
  detailsWanted?: boolean;
  /** The story was asked for more once already (a thin answer is not asked about twice). */
  detailsAsked?: boolean;
  files: FileRef[];
}

/**
 * The slots a draft needs, in the order they are asked. A complaint's consent to publication is not asked
 * as a question of its own: the summary shows it (默认不公开) and says how to agree in the same reply that
 * confirms, so a citizen who gave every fact at once files in three messages. See `editableSlots`.
 */
export function slotsFor(d: Draft): Slot[] {
  switch (d.kind) {
    case 'consultation':
      return ['description'];
    case 'complaint':
    case 'both':
      return ['description', 'business', 'where', 'when', 'request', 'name', 'phone', 'address'];
    case 'report': {
      const s: Slot[] = ['description', 'business', 'where', 'when', 'anonymous'];
      if (d.anonymous === false) s.push('name', 'phone');
      s.push('reward');
      if (d.anonymous === false && d.wantsReward === true) s.push('idNumber');
      return s;
    }
    default:
      return [];
  }
}

export function filled(slot: Slot, d: Draft): boolean {
  switch (slot) {
    case 'description':
      return (
        d.description !== undefined &&
        (d.description.length >= 10 || (d.description.length >= 5 && (d.kind === 'consultation' || PROBLEM_WORDS.test(d.description)))) &&
        !d.detailsWanted
      );
    case 'business':
      return d.businessName !== undefined;
    case 'where':
      // A complaint needs the business's address (Art. 10); a report can go without it.
      return d.where !== undefined && !(d.where === null && d.kind !== 'report' && !d.township && !onlinePlatform(d));
    case 'when':
      return d.incidentDate !== undefined;
    case 'request':
      return d.request !== undefined;
    case 'anonymous':
      return d.anonymous !== undefined;
    case 'name':
      return d.name !== undefined;
    case 'phone':
      return d.phone !== undefined;
    case 'address':
      return d.address !== undefined;
    case 'reward':
      return d.wantsReward !== undefined;
    case 'idNumber':
      return d.idNumber !== undefined;
    case 'consent':
      return d.consentToPublish !== undefined;
  }
}

/** What the citizen may change at the summary: the slots asked, and a complaint's consent to publication. */
export function editableSlots(d: Draft): Slot[] {
  const s = slotsFor(d);
  return d.kind === 'complaint' || d.kind === 'both' ? [...s, 'consent'] : s;
}

export function missing(d: Draft): Slot | null {
  return slotsFor(d).find((s) => !filled(s, d)) ?? null;
}

/** Bought online: the platform the citizen named (the shop's page stands for its address, Art. 13), or null. */
export function onlinePlatform(d: Draft): string | null {
  const m =
    /抖音|快手|拼多多|淘宝|天猫|京东|美团|饿了么|小红书|微信群|朋友圈|小程序|直播间?|网上|网购|外卖平台|douyin|meituan|taobao|pinduoduo|online|livestream/i.exec(
      `${d.businessName ?? ''} ${d.description ?? ''}`,
    );
  return m ? m[0] : null;
}

/** The API payload: exactly SubmissionSchema's input. */
export function toSubmission(d: Draft): SubmissionInput {
  const kind = d.kind ?? 'consultation';
  if (kind === 'consultation') return { kind, description: d.description ?? '' };
  const anonymous = kind === 'report' && d.anonymous === true;
  const complaint = kind === 'complaint' || kind === 'both';
  // A short story ("买的月饼发霉了") is written up with the facts it came with, as an operator would.
  let description = d.description ?? '';
  if (description.trim().length < 10) {
    const facts = [d.businessName, d.where, d.incidentDate].filter((x): x is string => typeof x === 'string' && x !== '');
    if (facts.length) description = `${description}（${facts.join('，')}）`;
  }
  const out: SubmissionInput = { kind, description };
  const where = d.where ?? (d.township ? d.township : undefined);
  const platform = where ? null : onlinePlatform(d);
  if (d.businessName) out.business = { name: d.businessName, ...(where ? { address: where } : {}), ...(platform ? { platform } : {}) };
  else if (where) out.place = where;
  if (d.township) out.township = d.township;
  if (d.incidentDate) out.incidentDate = d.incidentDate;
  if (complaint && d.request) out.request = d.request;
  if (!anonymous && d.name && d.phone) {
    out.person = {
      name: d.name,
      phone: d.phone,
      ...(complaint && d.address ? { address: d.address } : {}),
      ...(d.wantsReward && d.idNumber ? { idNumber: d.idNumber } : {}),
    };
  }
  if (kind === 'report' || kind === 'both') {
    out.anonymous = anonymous;
    out.wantsReward = d.wantsReward === true;
  }
  if (complaint) out.consentToPublish = d.consentToPublish === true;
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Reading answers

const strip = (s: string) => s.replace(/[\s，。！？!?,.~～、…；;：:]+/g, '');

/** Words that name what was wrong: with them even a short story ("买的月饼发霉了") is a story. */
export const PROBLEM_WORDS =
  /(啥|什么)字(都|也)?没(有)?|没(有)?厂名|三无|没换过|反复用|重复用|过期|变质|发霉|霉|异物|虫|头发|苍蝇|蟑螂|老鼠|臭|馊|坏了|假|无证|没有?证|地沟油|病死|死(蟹|螃蟹|鱼|虾|猪|鸡|鸭)|是死的|注水|农药|脏|生的|塑料|钢丝|烟头|拉肚子|吐|胀袋|异味|怪味|酸了|玻璃|expired|rotten|mou?ldy?|fake|insect|cockroach|hair/i;

/** Words that make a message something other than a value: never stored in a slot. */
export const ACT_MARKERS =
  /我刚|刚才说|不是说了|说过了|说了吗|怎么又|又问|听(清|懂|明白)没|记下了没|人工|查询码|XZ-?\d|不投诉了|不举报了|算了|不弄了|不办了|[?？]{2}|你是真人/i;

export function townshipOf(text: string): Township | null {
  const exact = TOWNSHIPS.find((t) => text.includes(t));
  if (exact) return exact;
  const f = findTownship(text);
  if (f.township && !f.ambiguous) return f.township;
  // "渔乐纸包鱼（小乔店）": a branch named after its village, without 村.
  const branch = /(\p{Script=Han}{2,3}?)(分)?店(?![\p{Script=Han}])/u.exec(text);
  if (branch && !f.ambiguous) {
    const v = findTownship(`${branch[1]}村`);
    if (v.township && !v.ambiguous) return v.township;
  }
  return f.ambiguous ? null : f.township;
}

export function parseYesNo(text: string): boolean | null {
  // English in a sentence: "reward? if possible yes", "sure, why not", "no, I don't need it".
  if (/[a-z]{2}/i.test(text) && !/\p{Script=Han}/u.test(text)) {
    // "please don't use my name", "don't tell them": about anonymity, not a no.
    const l = text.toLowerCase().replace(/\b(don'?t|do not|never) (use|tell|give|show|let|share|reveal)\b[^,.;!?]*/g, ' ');
    const no = /\b(no|nope|nah|not really|don'?t|do not|no thanks)\b/.test(l);
    const yes = /\b(yes|yeah|yep|sure|ok|okay|of course|please do|why not|i do|i want)\b/.test(l);
    if (yes && !no) return true;
    if (no && !yes) return false;
  }
  const first = (
    text
      .replace(/\p{Extended_Pictographic}|\uFE0F/gu, '')
      .trim()
      .split(/[，,。.!！；;\n]/)[0] ?? ''
  ).trim();
  // "那中", "那就要吧": the leading 那 only carries on from what was said.
  const t = strip(first)
    .toLowerCase()
    .replace(/^(那就|那么|那)(?=.)/, '')
    // "哦 行 可以": a sound of understanding before the answer.
    .replace(/^(哦|噢|喔|啊|额|呃)+(?=.)/, '');
  if (t === '') return null;
  if (/^(不中|不行|不可以|不同意|不要|不用|不需要|不想|不了|不稀罕|不在乎|不图|不差|用不着|别|否|没|no\b|nope|n$|2$)/.test(t)) return false;
  // English with the spaces stripped: "no thanks", "nah", "I don't want it", "not really".
  if (/^(nothank|nah|notreally|notneeded|idon'?t|don'?t|idonot|donot|noneed|notnow|nevermind)/.test(t)) return false;
  // "可一", "克以", "好滴": a typed 可以 / 好 with a slip.
  if (/^(中|是|要|需要|好|同意|可以|可一|可已|克以|可yi|行|嗯|恩|对|愿意|申请|当然|肯定|没问题|y$|yes|yeah|sure|ok|okay|fine|1$)/.test(t))
    return true;
  if (/不要|不用|不需要|不同意|算了/.test(t)) return false;
  // "给钱那更中", "有的话那好": yes, said at the end.
  if (/(那|就)?(更|也)?(中|行|好)(啊|哩|嘞|呀)?$/.test(t) && !/不[^，,。]{0,2}(中|行|好)/.test(t)) return true;
  if (
    /随便|随你们?|随恁|你们定|恁定|看着办|看着弄|看着来|看着整|你们说了算|恁说了算|都中|都行|无所谓|(就|也|还是|那就|当然|肯定|的话)要|要吧|要啊|想要|可以的|没意见|同意|中啊|行啊|好啊|嗯/.test(
      t,
    )
  )
    return true;
  return null;
}

export function parseAnonymous(text: string): boolean | null {
  const s = strip(text).toLowerCase();
  // "实名吧……等等，还是匿名吧": the second thought counts.
  const second = /(还是|等等|算了|改成?|不对)[^匿实]{0,4}(匿名|实名)(?!.*(匿名|实名))/.exec(s);
  if (second) return second[2] === '匿名';
  // "俺不敢实名": anonymous, though it says 实名.
  if (REFUSES_REAL_NAME.test(s)) return true;
  // "那可不敢留名", "名字电话都不给！", "叫他知道了还不跟俺拼命": the name withheld, or the fear of being known,
  // answers the question (before the words of a name offered, which "不敢留名" also holds).
  if (
    /(不敢|不想|不愿意?|不能|不会|不|别|甭|莫)(留|写|报|给|说|告诉)(你们?|恁)?(我|俺)?(的)?(真)?(名|名字|姓名|电话|手机|身份)/.test(s) ||
    /(名字|姓名|电话|手机)[^，。,.;；!！]{0,6}(都|也)?(不|别|甭)(给|留|写|说|报)/.test(s) ||
    /知道(了|是(我|俺))[^，。,.;；]{0,10}(拼命|报复|饶|完了|麻烦|找(我|俺))|(怕|会)(被)?报复|得罪不起|一个村(哩|的|啊)?/.test(s)
  )
    return true;
  // "俺不怕他 恁记俺名儿也中 别跟他说是俺说哩就中": the name offered (kept from the business, as every name is).
  if (
    /(记|写|留|登记|报)(上)?(我|俺)(的)?(名儿?|名字|姓名|真名)(也|都|就)?(中|行|可以|没事|没问题|成)|(我|俺)不怕(他|他们|她)[^不]*$/.test(s)
  )
    return false;
  // "我留名，有奖励的话": the name offered, said first.
  if (/(^|[，,。\s])(我|俺)?(就|可以|愿意|敢)?留(名|名字|姓名|真名)(?!吗|不|么)/.test(s)) return false;
  if (/实名|不匿名|不用匿名|不要匿名|不需要匿名|可以留名|不怕.{0,8}知道|realname|notanonymous|(?<!don'?t|donot|never|not)usemyname/.test(s))
    return false;
  // "那就写吧 俺不怕": the name may be written.
  if (
    /(那就|就)写(吧|上|呗)|(?<![别不甭莫])写(我|俺)(的)?名字?|(我|俺)不怕(他|啥|了)?$|(?<![不别用要必甭])留名(吧)?$/.test(s) ||
    // "我不怕，我写名字", "留我真名", "用我的名字": the name offered.
    /(?<![别不甭莫想愿敢用要必能])(写|留|报|用)(上)?(我|俺)?(的)?(真|大)?(名字|姓名|真名)(?!吗|不|么)/.test(s) ||
    // "I can give my name. Please don't tell the hotel though.": named, kept from the business.
    /i can (give|leave|use) my (real )?name|(you can|please) (use|have|take|put down|write down) my (real |full )?name|i'?ll give (you )?my name|my name is fine|real name is (fine|ok)|(i )?don'?t mind (giving|leaving|using) my (real )?name|(with|under) my (real )?name|not anonymous/i.test(
      text,
    )
  )
    return false;
  if (
    /别说(出)?是(我|俺)|匿名|不留名|(那|就|那就)?不留了|不(想|愿意?)留(名|名字)?|(不用|不要|不必|甭)留(名|名字|姓名)?|(别|不想|不要|不能|不愿意?|不敢|千万别|可别)(让|叫|给).{0,10}知道|保密|(不想|不愿意?|不敢|别|不能)露(名|脸|面)|别写我|不写我|不要写我|别留我|不留我|(不敢|不想|别|不|不要|不用|甭)(写|留|用)(我|俺)?(的)?(真)?(名字|姓名)|(名字|姓名)(就)?(别|不要|甭|不用|不)(写|留)|anonym|don'?t(tell|give|use)(them|him|her)?myname|keepmyname/.test(
      s,
    )
  )
    return true;
  return parseYesNo(text);
}

const UNKNOWN =
  /^(不知道|不清楚|不记得|记不清|不晓得|不知|没注意|没看清|dontknow|don'tknow|idon'?tknow|idonotknow|notsure|unknown|noidea|nosign|noname|ithasno(sign|name)|thereisno(sign|name))/i;

/** Something going on all the time rather than on one day. */
export const ONGOING =
  /天天|每天|一直|经常|常年|长期|好几年|好长时间|总是|老是|还在卖|一直在卖|小半年|半年多|好几个月|(一|两|三|几|好几)个?多?(礼拜|星期|周|月)(了|来)?[^，。]{0,2}都是(这样|这么|这)|every ?day|all the time|always|for (years|months)/i;

export function saysUnknown(text: string): boolean {
  const s = strip(text).toLowerCase().replace(/[’']/g, "'");
  return (
    UNKNOWN.test(s) ||
    /不知道叫啥|不知道名|(牌子|名字|店名|厂名)(我|俺)?(也)?(记不住|记不得|想不起来|忘了)|没有名|没名字|没名儿?|木有名|没挂?(牌子|招牌)|没招牌|没(有)?店名|没(有)?字号|不知道叫什么|don'?t know|donotknow|didn'?t see|noidea|notsure|can'?t remember/i.test(
      s,
    ) ||
    // "俺不知道他叫啥", "我也不清楚他家叫什么", "没看招牌", "不晓得": the citizen does not know.
    /^(我|俺|咱)?(也|真|确实|实在)?(不知道|不清楚|不晓得|不认识|说不上|没注意|没看清?|没留意)(他|她|它|这|那|人家)?(家|个|店|厂)?(叫|是|名字|招牌|店名)?(啥|什么|哪)?/.test(
      s,
    ) ||
    /没(看|注意|留意)(招牌|名字|店名)|不知道(他|她|这|那)?(家|个)?(叫|是)(啥|什么)/.test(s) ||
    // "冷库叫啥俺不知道，门口挂哩牌子掉了": the name not known, said the other way round.
    /^[^，,。\s]{0,6}(厂|店|库|坊|摊|部|馆|场|它|这家|那家)叫(啥|什么)(名字?)?(我|俺)?(也|真)?(不知道|不清楚|不晓得)|(牌子|招牌)(早)?(掉了|没了|拆了)/.test(
      s,
    )
  );
}

const PLACE_WORDS =
  /路|街|村|号|镇|乡|门|对面|旁边|附近|楼|小区|市场|集|学院|大学|学校|超市|广场|商场|城|庄|寨|店|厂|院|巷|口|东|西|南|北|road|street|village|town|campus|floor|building|market|mall/i;

export function looksLikePlace(text: string): boolean {
  return townshipOf(text) !== null || PLACE_WORDS.test(text);
}

/** A business name said plainly: "就那个华鑫厂" → "华鑫厂". */
export function cleanName(text: string): string {
  return text
    .trim()
    .replace(/^(就是?|就那个|那个|是|叫|店名是?|名字是?|名字叫|叫做|it'?s|it is|called)\s*/i, '')
    .replace(/^(就是?|那个|是|叫)\s*/, '')
    .replace(/[。.!！~～]+$/, '')
    .trim();
}

const EN_DIGIT: Record<string, string> = {
  zero: '0',
  oh: '0',
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
};

/** Digits said in words ("一三八，零三七一，二二六五", "one three nine, …") written as digits, groups joined. */
export function spokenDigits(input: string): string {
  return input
    .replace(/[〇零洞一幺二两三四五六七八九]{3,}/g, (m) => m.replace(/./g, (c) => HAN_DIGIT[c] ?? c))
    .replace(
      /\b(zero|oh|one|two|three|four|five|six|seven|eight|nine)\b(?:[\s,-]+\b(zero|oh|one|two|three|four|five|six|seven|eight|nine)\b){2,}/gi,
      (m) => m.replace(/[a-z]+/gi, (w) => EN_DIGIT[w.toLowerCase()] ?? w),
    )
    .replace(/(\d)[\s,，、.-]+(?=\d)/g, '$1');
}

export function findPhone(input: string): string | null {
  // "一三八三八二一五六七八", "一三八，零三七一，二二六五", "one three nine …": numbers said in words.
  const text = spokenDigits(input);
  const m = /(?:\+?86[\s-]?)?(1[3-9]\d(?:[\s-]?\d){8})|(0\d{2,3}[\s-]?\d{7,8})/.exec(text);
  if (!m) return null;
  const p = PhoneSchema.safeParse(m[0]);
  return p.success ? p.data : null;
}

export function findIdNumber(text: string): string | null {
  const m = /\d{17}[\dXx]/.exec(text.replace(/\s/g, ''));
  if (!m) return null;
  const p = IdNumberSchema.safeParse(m[0]);
  return p.success ? p.data : null;
}

const REQUEST_LABEL: Record<string, string> = {
  refund: '退款',
  exchange: '换货',
  compensation: '赔偿',
  apology: '道歉',
  mediation: '调解',
  investigate: '查处',
  stop: '停止销售',
};

/** The complaint's request in the citizen's words when the engine found one ("把面钱退给俺"). */
/** A remedy asked about rather than asked for: "能赔多少", "退钱吗", "赔多少钱？". */
export function asksAboutRemedy(input: string): boolean {
  const r = input.replace(/该(赔|退|罚|补)多少(就)?(赔|退|罚|补)多少/g, '');
  return (
    /[?？]|吗|怎么|咋|能不能|可不可以|有没有|多久/.test(r) ||
    /(能|可以|会|一般|大概|到底|给)[^，。,]{0,3}多少/.test(r) ||
    (r.length <= 10 && /多少/.test(r))
  );
}

/** Words of a request (or of having none) in an answer to "怎么处理": anything else is not taken as one. */
const REQUEST_WORDS =
  /退|赔|道歉|歉|说法|处理|整改|改正|罚|查|关|封|停|解决|负责|换|要求|希望|想|让|叫他|给|补偿|医药|钱|教育|警告|曝光|管|严惩|惩|处分|吊销|下架|召回|销毁|追究|交代|结果|答复|回复|规定|依法|按法|没(啥|什么|有|得)|无所谓|随便|都行|不用|不要|算了|就行|可以|refund|compensat|apolog|money|fix|clos|punish|fine|inspect|investigat|nothing|want|stop|sorry/i;

export function requestOf(u: Understanding, text: string): string | null {
  const r = requestIn(u, text);
  if (r === null) return null;
  // "投诉啊还能干啥 让他赔钱": the kind said again, and the rhetoric around it, are no part of the request.
  const tidy = r
    .replace(/^(我|俺)?(要|想)?(投诉|举报)?(啊|呗|吧|嘛|呀)?[\s，,]*(还能干啥|还用问|还用说|废话|那还用说)[\s，,。！!]*/, '')
    .replace(/^(啊|呗|嘛|呀)[\s，,]*/, '')
    // "投诉 让他赔": the kind said first is no part of the request.
    .replace(/^(我|俺)?(要)?(投诉|举报)[\s，,：:]+(?=\S)/, '')
    // "又要退钱又要举报他": the wish to have the business punished is the report's, not the remedy asked of it.
    .replace(/^(又|也|既)(要|想)?(?=退|赔|换)/, '')
    .replace(
      /[\s，,]*(又|也|还|并且|而且)?(要|想|让你们|叫恁)?(举报|查处|查查|查|处罚|罚)(一下|一查)?(他|她|他们|它|这家|这个店)?[\s，,。！!]*$/,
      '',
    )
    .trim();
  return tidy.length >= 2 ? tidy : r;
}

/** A refund or compensation the business (or platform) already gave, told as part of the story. */
const DONE_BY_THEM =
  /(他|她|老板|店家|商家|对方|人家|店里|平台|客服)((只|才)(肯|愿意|同意|答应)?(给(我|俺))?(退|赔)|(只|就|才)?(给(我|俺))?(退|赔)了)/;

function requestIn(u: Understanding, text: string): string | null {
  const labels = u.request.value.filter((r) => r !== 'reward' && r !== 'answer');
  const remedies = labels.filter((r) => r !== 'investigate' && r !== 'stop');
  if (remedies.length === 0) {
    // "要求退饭钱", "把面钱退给俺": remedy words the engine's list does not have.
    const m =
      /(?:要求|诉求[:：]?|希望|想让(?:他|她|商家|店家|老板)?)([^，。；;！!？?\n]{0,30}(?:退|赔|道歉|换)[^，。；;！!？?\n]{0,30})/.exec(
        text,
      ) ??
      /([^，。；;！!？?\n]{0,12}(?:退[^，。；;\s]{0,3}钱|钱[^，。；;\s]{0,2}(?:要|得)退|退给(?:我|俺)|赔(?:我|俺)?[^，。；;\s]{0,6})[^，。；;！!？?\n]{0,12})/.exec(
        text,
      );
    // "他只退了十块钱就不管了": what the business did, told in the story, is no wish.
    if (m && DONE_BY_THEM.test(m[1]!)) return null;
    // Voice-to-text runs on into the citizen's own details: the request stops at them.
    return m ? m[1]!.replace(/(我叫|俺叫|我是|电话|手机|我家|俺家|我住|俺住|住在|家住|地址)[\s\S]*$/, '').trim() || null : null;
  }
  const words = remedies.map((r) => REQUEST_LABEL[r] ?? r).join('、');
  // The clause of the first remedy the citizen asks for, in their words.
  const ev = u.request.reasons.find((x) => remedies.includes(x.rule as (typeof remedies)[number]))?.evidence;
  const at = ev ? text.indexOf(ev) : -1;
  if (ev && at >= 0) {
    let clause = clauseAround(text, at, at + ev.length);
    // "美团那边只给退了一半饭钱。我要求商家退剩下的钱、赔医药费": the clause that asks (要求…) is the request, not the
    // first one that mentions a refund.
    const demand =
      /(?:(?:我|俺)(?:强烈)?要求|诉求[:：]|(?:我|俺)(?:就)?(?:要|想)(?:让|叫)?(?:他|她|商家|店家|老板)?)([^。；;！!？?\n]{0,40}(?:退|赔|道歉)[^。；;！!？?\n]{0,40})/.exec(
        text,
      );
    if (demand && !/要求|(我|俺)(要|想)|希望|想让|想叫|让他|叫他|要他/.test(clause) && !clause.includes(demand[1]!))
      // ("我要他赔偿所有医药费" keeps its own words; "我要求" / "诉求：" is only the label.)
      return (
        (/^(我|俺)(就)?(要|想)(?!求)/.test(demand[0]) ? demand[0] : demand[1]!)
          .replace(/\s*(我叫|俺叫|我是|电话|手机|我家|俺家|我住|俺住|住在|家住|地址)[\s\S]*$/, '')
          .trim() || words
      );
    // "他只退了十块钱就不管了": what the business did, told in the story, is no wish.
    if (remedies.length === 1 && DONE_BY_THEM.test(clause) && !/(我|俺)(要|想|希望)|要求/.test(clause)) return null;
    // "商家只肯退饮料钱 我要求赔偿": what the shop offered, then the wish — the wish is the request.
    const wishAt = DONE_BY_THEM.test(clause) ? clause.search(/(我|俺)(要求|要|想|希望)|要求/) : -1;
    if (wishAt > 0) clause = clause.slice(wishAt).replace(/\s*(我叫|俺叫|我是|电话|手机|我家|俺家|我住|俺住|住在|家住|地址)[\s\S]*$/, '');
    // "俺想叫他把汤钱退给俺，再赔俺点儿": a remedy part that follows belongs to the same request.
    const tailAt = text.indexOf(clause);
    const more =
      tailAt >= 0
        ? /^[，,]\s*((?:再|还|并且?|另外|也)[^，,。；;！!？?\n]{0,20}(?:赔|退|道歉)[^，,。；;！!？?\n]{0,12})/.exec(
            text.slice(tailAt + clause.length),
          )
        : null;
    if (more) clause = `${clause}，${more[1]}`;
    // "本人要求：一、退还货款136元；二、按价款十倍赔偿1360元。": the numbered items go together.
    const list =
      tailAt >= 0 && /(^|[：:\s])[一1][、.．]/.test(text.slice(Math.max(0, tailAt - 4), tailAt) + clause)
        ? /^[；;]\s*((?:[二三四五]|[2-5])[、.．][^；;。\n]{0,60}(?:[；;]\s*(?:[三四五]|[3-5])[、.．][^；;。\n]{0,60})*)/.exec(
            text.slice(tailAt + clause.length),
          )
        : null;
    if (clause.length > 40 && !isEnglish(clause)) clause = requestWindow(text, at, at + ev.length) ?? clause;
    if (list) clause = `${clause}；${list[1]}`;
    if (clause.length > 150) return words;
    let own = clause.replace(/^(我|俺)?(要|想)?(投诉|举报)(他们?|她)?[\s，,]*(?=.)/, '');
    // "我要他们退一赔十，你们也得查查他们还卖给了多少人": the request ends with its last remedy part.
    const parts = own.split(/(?<=[，,])/);
    const last = parts.findLastIndex((x) => /退|赔|换|道歉|说法|refund|compensat|apolog/i.test(x));
    if (last >= 0 && last < parts.length - 1)
      own = parts
        .slice(0, last + 1)
        .join('')
        .replace(/[，,]$/, '');
    // "你们今天必须给我个说法！我要他赔偿所有医药费，饭钱也得退。": the money asked for is the request.
    if (!/退|赔|换|refund|compensat/i.test(own)) {
      const money = [...text.matchAll(/[^，。！？!?；;\n]*(赔偿|赔|退钱|退款|退货|钱也得退|钱得退)[^，。！？!?；;\n]*/g)]
        .map((x) => x[0].trim())
        .filter((c) => c.length <= 40 && !asksAboutRemedy(c) && !/不图|不要.{0,2}赔|不用.{0,2}赔/.test(c));
      if (money.length) return money.slice(-2).join('，');
    }
    // English is kept English: "refund (I want my money back…)".
    if (isEnglish(own)) {
      const en = remedies.join(', ');
      return /refund|compensat|apolog|exchange/i.test(own) ? own : `${en} (${own})`;
    }
    return /退|赔|道歉|换|说法|refund|compensat|apolog/i.test(own) ? own : `${words}（${own}）`;
  }
  return words;
}

/** The clause holding [start, end): the citizen's own words around a fact. */
/**
 * The request in a long unpunctuated message (voice-to-text, or words parted by spaces): from the last
 * "要求/我要/希望…" before the remedy word to the next space or the citizen's own details ("我叫", "电话").
 */
function requestWindow(text: string, start: number, end: number): string | null {
  const before = text.slice(Math.max(0, start - 24), start);
  const lead = [...before.matchAll(/要求|我要|俺要|希望|想让|诉求|叫他|让他|让店|让饭店|让超市/g)].at(-1);
  const space = Math.max(before.lastIndexOf(' '), before.lastIndexOf('　'));
  const from = start - before.length + Math.max(lead ? (lead.index ?? 0) : 0, space + 1);
  const after = text.slice(end);
  const stop = /[\s　，,。；;！!？?]|我叫|俺叫|我是|电话|手机|我家|俺家|我住|俺住|住在|家住|地址/.exec(after);
  const out = text
    .slice(from, end + (stop ? stop.index : Math.min(after.length, 24)))
    .replace(/^(要求|诉求)[:：]?/, '')
    .trim();
  return out.length >= 2 && out.length <= 40 ? out : null;
}

export function clauseAround(text: string, start: number, end: number): string {
  const before = text.slice(0, start);
  const after = text.slice(end);
  const a = Math.max(
    before.lastIndexOf('，'),
    before.lastIndexOf('。'),
    before.lastIndexOf(','),
    before.lastIndexOf('；'),
    before.lastIndexOf('\n'),
    before.lastIndexOf('. '),
    before.lastIndexOf('！'),
    before.lastIndexOf('？'),
  );
  const stops = [...after.matchAll(/[。；;\n！？]|\. |[，,](?=.{0,3}(另外|还有|我|俺|问一下|电话|手机|地址|住))/g)];
  const e = stops.length ? end + (stops[0]!.index ?? after.length) : text.length;
  return text
    .slice(a + 1, e)
    .replace(/^(我|俺)(要|想)(投诉|举报)[，,\s]*(?=.)/, '')
    .replace(/^(要求|诉求|我要求|我要|俺要|我想)[:：]?/, (m) => (m.startsWith('要求') || m.startsWith('诉求') ? '' : m))
    .trim();
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** The engine reads Chinese dates only: English ones ("last night", "Wednesday Dec 2", "December 3rd") here. */
/** "大概半个月前吧，记不太清了": a rough time the citizen is not sure of is no day ("昨天吧，记不太清几点" is). */
function roughAndUnsure(t: string): boolean {
  return (
    /记不太清|记不大清|不太记得|不大记得|不太确定/.test(t) &&
    !/昨|今天|前天|前儿|夜儿|[周拜期][一二三四五六日天1-7]|\d{1,2}\s*[号日]|[一二三四五六七八九十]{1,3}[号日]/.test(t)
  );
}

/** "no wait", "I mean": a day said again, corrected. */
const ENGLISH_DATE_FIX = /\b(no wait|wait no|no,? actually|actually it was|i mean|sorry,? i mean|or rather|correction:?)\b/i;

export function englishDate(text: string, now: Date): string | null {
  const t = text.toLowerCase();
  if (!/[a-z]/.test(t)) return null;
  // "yesterday, no wait it was Thursday": the day named after the correction counts.
  const fix = ENGLISH_DATE_FIX.exec(t);
  if (fix) {
    const later = englishDate(t.slice(fix.index + fix[0].length, fix.index + fix[0].length + 60), now);
    if (later) return later;
  }
  const cst = new Date(now.getTime() + 8 * 3600_000);
  const day = (offset: number) => {
    const d = new Date(Date.UTC(cst.getUTCFullYear(), cst.getUTCMonth(), cst.getUTCDate() + offset));
    return d.toISOString().slice(0, 10);
  };
  const md = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b/.exec(t) ?? null;
  const dm = /\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/.exec(t);
  const hit = md ? { m: md[1]!, d: Number(md[2]) } : dm ? { m: dm[2]!, d: Number(dm[1]) } : null;
  if (hit) {
    const month = MONTHS.indexOf(hit.m);
    let year = cst.getUTCFullYear();
    const iso = (y: number) => `${y}-${String(month + 1).padStart(2, '0')}-${String(hit.d).padStart(2, '0')}`;
    if (iso(year) > day(0)) year -= 1;
    const out = iso(year);
    return Number.isNaN(Date.parse(out)) ? null : out;
  }
  if (/day before yesterday/.test(t)) return day(-2);
  if (/yesterday|last night/.test(t)) return day(-1);
  if (/\btoday\b|this morning|tonight|this afternoon|this evening/.test(t)) return day(0);
  const ago = /\b(\d+|two|three|four|five|six)\s+days?\s+ago/.exec(t);
  if (ago) {
    const n = Number(ago[1]) || ['', 'one', 'two', 'three', 'four', 'five', 'six'].indexOf(ago[1]!);
    return n > 0 ? day(-n) : null;
  }
  const wd = WEEKDAYS.findIndex((w) => t.includes(w));
  if (wd >= 0) {
    const today = cst.getUTCDay();
    let back = (today - wd + 7) % 7;
    if (back === 0) back = 7;
    if (/last week/.test(t)) back += back <= today ? 7 : 0;
    return day(-back);
  }
  return null;
}

export interface Filled {
  slots: Slot[];
}

/**
 * Facts found anywhere in a message fill the slots still empty. `force` (a correction) overwrites.
 * Returns the slots it filled.
 */
const byLlm = (f: { reasons: { rule: string }[] }) => f.reasons.some((r) => r.rule === 'llm');

/** `residence`: the message answers "your address": places in it are the citizen's home, not the business's. */
/**
 * "在阁老路江湖渔歌吃的酸菜鱼", "在辛店街上的茶小满买了杯奶茶": between 在 and the buying, after the place, the shop's
 * name (no trade word needed). Not a place, a home, a food, a time or a person.
 */
export function placeThenName(text: string): string | null {
  // ("在邻里鲜团购（团长在西街社区…）买的": the remark in brackets is left out.)
  const m = /在([^，。！？!?,\s]{3,24}?)(买|吃|喝|订)(的|了|过)/u.exec(text.replace(/[（(][^（）()]{0,40}[）)]/g, ''));
  if (!m) return null;
  const span = m[1]!;
  // "在邻里鲜团购买的": a group-buy named in full, with no place before it.
  if (/^\p{Script=Han}{2,6}(团购|优选|生鲜)$/u.test(span) && !/^(社区|小区|网上|微信|村里)/.test(span)) return tidyBusiness(span);
  // (Another deed inside — "在小卖部买那个辣片吃了", "在大队部听课买的" — and the words are no name.)
  if (/[买卖吃喝听看说哩]|不是|是/.test(span)) return null;
  const cut = /^.*(的|那个|那家|这家|上|里|路|街|村|镇|乡|口|旁边|对面|门口|附近|边)/u.exec(span);
  // "在微信群里跟张姐订的": the seller it was ordered from, without the 跟.
  const name = (cut ? span.slice(cut[0].length) : '').replace(/^(跟|找|从|向|和|同)(?=\p{Script=Han}{2})/u, '');
  if (name.length < 2 || name.length > 8 || !/^\p{Script=Han}+$/u.test(name)) return null;
  if (townshipOf(name) !== null || FOOD_ONLY.test(name) || GENERIC_BARE.test(name)) return null;
  // A kind of shop only ("菜市场", "小卖部", "早点摊"): no name.
  const trade = /(菜市场|农贸市场|市场|小卖部|超市|便利店|商店|摊|摊子|店|铺|馆|饭店|食堂)$/.exec(name);
  const head = trade ? name.slice(0, name.length - trade[0].length) : '';
  if (trade && (head.length <= 1 || FOOD_ONLY.test(head) || GENERIC_BARE.test(head))) return null;
  if (understand(name).product.value === name) return null;
  if (/[我俺你他她家]$|^(家|家里|网上|集上|食堂|学校|单位|公司|超市|饭店|外面|路边|摊上|那|这)|昨|今|前天|晚上|中午|早上/.test(name))
    return null;
  return tidyBusiness(name);
}

/**
 * "投诉阁老路聚福楼！！", "我想投诉三十里铺那个渔乐酸菜鱼，…", "投诉一下 郭店北街老街水饺 …": the complaint's object
 * named right after the place the engine read. Not a food, a kind of shop alone, a home or a deed.
 */
export function placeThenShop(text: string, place: string | null): string | null {
  if (!place) return null;
  const m = /(?:投诉|举报|反映)(?:一下|下)?\s*([^，。！？!?,\s]{3,30})/u.exec(text);
  const span = m?.[1];
  if (!span?.startsWith(place)) return null;
  const name = span.slice(place.length).replace(/^(那个|那家|这个|这家|的|上的|上|里的|里)/, '');
  if (name.length < 2 || name.length > 10 || !/^\p{Script=Han}+$/u.test(name)) return null;
  if (townshipOf(name) !== null || FOOD_ONLY.test(name) || GENERIC_BARE.test(name)) return null;
  if (/[买卖吃喝做开在去到从我俺你他她它这那就说叫是有没不的了]|^[村庄组队一]|一(家|个)/.test(name)) return null;
  const trade = /(菜市场|农贸市场|市场|小卖部|超市|便利店|商店|摊|摊子|店|铺|馆|饭店|食堂|作坊|厂)$/.exec(name);
  const head = trade ? name.slice(0, name.length - trade[0].length) : name;
  if (head.length <= 1 || FOOD_ONLY.test(head) || GENERIC_BARE.test(head)) return null;
  if (understand(name).product.value === name) return null;
  return tidyBusiness(name);
}

/** "豫乡好物那个店", "甜心坊那家": a name, then the shop pointed at. Not a place ("学校门口那个店") nor a deed ("卖烤肠那个摊"). */
export function thatShop(text: string): string | null {
  const m = /(?:^|[\s，,。！!？?、：:的])(\p{Script=Han}{2,8}?)(?:那个|那家|这个|这家)(?:店|小店|网店|铺子|摊|摊子|超市|饭店|直播间)/u.exec(
    text,
  );
  const name = m?.[1];
  if (!name) return null;
  if (townshipOf(name) !== null || /(路|街|村|镇|门口|对面|旁边|附近|楼|小区|市场|集|学校|广场|东头|西头|南头|北头|边|口)$/.test(name))
    return null;
  if (/[卖买做开在去到从我俺你他她它这那就说叫是有]|投诉|举报|反映|查查/.test(name) || FOOD_ONLY.test(name) || GENERIC_BARE.test(name))
    return null;
  // "而且这家店好像没证": a word that joins clauses, not a name.
  if (/^(而且|并且|还有|另外|但是|可是|不过|然后|所以|因为|反正|其实|好像|感觉|听说|据说|不知道|一直|上次|最近|附近|隔壁|对面)$/.test(name))
    return null;
  return name;
}

/**
 * "有个小酒厂", "一个丸子厂", "一个给学校送营养餐的配餐公司": a kind of business introduced with 一个/有个,
 * whose words are only what it makes and what it is — a description, not its name (the name is asked).
 */
export function describedOnly(name: string, text: string): boolean {
  const at = text.indexOf(name);
  if (at < 0 || name.length > 6) return false;
  if (!/(一个|有个|有家|一家|有一家|有一个|那个|这个)[^，。,！!？?]{0,14}$/.test(text.slice(Math.max(0, at - 16), at))) return false;
  const trade = /(配餐公司|食品公司|公司|冷库|酒厂|作坊|加工点|加工厂|工厂|厂|店|馆|铺|坊|摊|超市|小卖部|饭店|食堂)$/.exec(name);
  if (!trade) return false;
  const head = name.slice(0, name.length - trade[0].length);
  return (
    head.length <= 1 ||
    FOOD_ONLY.test(head) ||
    /^(小|大|黑|老|私人|家庭|地下)?(酒|油|肉|面|豆腐|豆芽|粉条|丸子|馒头|熟食|卤菜|配餐|团餐|餐饮|冻品|调料|饮料|奶茶|蛋糕|饭)$/.test(head)
  );
}

/**
 * The name is the thing bought, not who sold it: it follows a word of buying ("买的珍珠奶茶", "买的“纯手工风干
 * 牛肉干”") or a seller's 的 ("“好味道水饺”的三鲜饺子"), and has no word of a shop in it.
 */
export function boughtThing(name: string, text: string): boolean {
  if (SHOP_WORD.test(name)) return false;
  const at = text.indexOf(name);
  if (at < 0) return false;
  const before = text.slice(Math.max(0, at - 14), at);
  const clause = before.split(/[，,。！!？?\n]/).at(-1) ?? '';
  if (!/(买|(?<![\d一二三四五六七八九十两几])点|喝|吃|订|抢|拍)(了|的|过)?/.test(clause)) return false;
  // "“好味道水饺”的三鲜饺子": the one before 的 sold the one after it.
  if (
    /[”"」》]的$|\p{Script=Han}的$/u.test(clause) &&
    /(买|(?<![\d一二三四五六七八九十两几])点|订|抢|拍)(了|的)?(一|两|几)?(份|杯|袋|盒|包|斤|个|瓶|碗)?[“"「《]?[^，,。]{2,12}[”"」》]?的$/u.test(
      clause,
    )
  )
    return true;
  // "买的珍珠奶茶", "买了两袋“纯手工风干牛肉干”": the thing itself, unless a 的 follows (then it is the seller's name).
  // ("点的杨国福麻辣烫", "美团点了湘里湘亲小炒": what is ordered on a platform is the shop, unless counted: "点了一份…".)
  return (
    /((买|喝)(了|的|过)(一|两|三|几)?|((?<![\d一二三四五六七八九十两几])点|订|抢|拍)(了|的)(一|两|三|几))(份|杯|袋|盒|包|斤|个|瓶|碗|箱)?[“"「《]?$/.test(
      clause,
    ) && !/^[”"」》]?的/.test(text.slice(at + name.length))
  );
}

const SHOP_WORD =
  /店|馆|超市|坊|铺|厂|公司|食堂|摊|部|行|商行|中心|酒家|酒店|餐厅|饭庄|楼|轩|阁|居|园|堂|记|号|家$|旗舰|专卖|小吃|市场|档口|窗口/;

export function fillFromFacts(d: Draft, u: Understanding, text: string, now: Date, opts: { residence?: boolean } = {}): Slot[] {
  const got: Slot[] = [];
  const lab = labelled(text);
  if (lab.business && d.businessName === undefined) {
    d.businessName = lab.business;
    got.push('business');
  }
  if (lab.where && d.where === undefined) {
    d.where = lab.where;
    d.township = townshipOf(lab.where) ?? d.township ?? null;
    got.push('where');
  }
  if (lab.address && d.address === undefined) {
    d.address = lab.address;
    got.push('address');
  }
  if (lab.name && d.name === undefined && lab.name.length >= 2 && lab.name.length <= 50) {
    d.name = lab.name;
    got.push('name');
  }
  if (lab.request && d.request === undefined) {
    d.request = lab.request;
    got.push('request');
  }
  // The first reading that names who sold it, not the thing bought ("买的珍珠奶茶", "点了一份“好味道水饺”的三鲜饺子").
  const readings: (() => string | null)[] = [
    () => quotedBusiness(text),
    () => headlineBusiness(text),
    // "门口写着恒冷冷链": a name read off a sign outweighs a name guessed from the words.
    () => signBusiness(text, { signOnly: true }),
    ...(isEnglish(text)
      ? [() => hanBusiness(text), () => latinBusiness(text), () => tidyBusiness(u.business.value)]
      : [
          () => withLeadingYi(tidyBusiness(u.business.value), text),
          () => hanBusiness(text),
          () => canteenOf(text),
          // "昨晚在美团点的Wonderful Pizza 打开一看…": a shop's name in Latin capitals in a Chinese message.
          () =>
            /(?:点的|点了|买的|在|叫)\s*([A-Z][A-Za-z'&]+(?:\s+[A-Z][A-Za-z'&]+){0,3})(?=\s|[，,。！!\p{Script=Han}]|$)/u.exec(text)?.[1] ??
            // "在新华路的MOMO Tea买的milk tea": where, then the shop where it was bought.
            /在\p{Script=Han}{1,10}?的\s*([A-Z][A-Za-z'&]+(?:\s+[A-Z][A-Za-z'&]+){0,3})\s*(?=买|吃|点|喝|订)/u.exec(text)?.[1] ??
            null,
          // "俺是城关乡敬楼村敬老院哩，俺们这伙食老是馊哩": the writer's own institution, whose meals they tell of.
          () =>
            /(?:我|俺)(?:是|在)(\p{Script=Han}{0,10}?(?:敬老院|养老院|福利院|幼儿园|托儿所|中学|小学|学校|医院|工地))(?:哩|的|里|嘞)?[，,\s]*(?:俺们|我们)?(?:这|那)?(?:里|儿)?(?:的|哩)?(?:伙食|食堂|饭菜|饭)/u.exec(
              text,
            )?.[1] ?? null,
          // "在三食堂吃了…我要实名举报三食堂": a numbered canteen (the campus is the place).
          () => /(?:在|举报|投诉|反映)(第?[一二三四五六七八九十\d]{1,2}号?(?:食堂|餐厅))/u.exec(text)?.[1] ?? null,
          () => thatShop(text),
          // "新郑火车站出站口对面那家兰州正宗牛肉拉面，…": the shop pointed at, named by what it sells.
          () => {
            const m =
              /(?:那家|这家)(\p{Script=Han}{2,8}?)(拉面|烩面|牛肉面|面馆|米线|麻辣烫|黄焖鸡|胡辣汤|羊肉汤|牛肉汤|火锅|烧烤|炸鸡|凉皮|饺子馆|包子铺|卤肉|烤鸭|快餐|小吃|酸菜鱼)(?=[，,。！!\s]|$)/u.exec(
                text,
              );
            const head = m?.[1] ?? '';
            // ("那家牛肉拉面": a dish and what it is made of name nothing.)
            if (!m || /[我俺你他她卖买吃在]/.test(head) || /^(牛肉|羊肉|鸡肉|猪肉|鱼|清真|正宗|手工|特色|家常|老|小|大|新)+$/.test(head))
              return null;
            const n = `${head}${m[2]}`;
            return tidyBusiness(n) !== null ? n : null;
          },
          // "举报我们唐户村的乡厨张老三": a banquet cook named is who is reported.
          () => {
            const cook = /(?:乡厨|乡村厨师|流动厨师|厨子|大厨)((?:老|小)?\p{Script=Han}{1,3}?)(?=[，,。的\s]|$|前|给|在|做|用|他|办)/u.exec(
              text,
            )?.[1];
            return cook &&
              cook.length >= 2 &&
              !/^(班子|师傅|团队|队伍|一伙|那伙|们)/.test(cook) &&
              SINGLE_SURNAMES.has(cook.replace(/^[老小]/, '')[0] ?? '')
              ? cook
              : null;
          },
          // "请的老马厨师班做的流水席": a banquet cooks' crew known by its head.
          () => {
            const crew = /(?:老|小)?(\p{Script=Han})(?:厨师班|厨师队|厨子班|厨师团队|流水席班子?)/u.exec(text);
            return crew && SINGLE_SURNAMES.has(crew[1]!) ? crew[0] : null;
          },
          () => placeThenName(text),
          () => placeThenShop(text, u.place.value),
        ]),
    () => calledName(text.trim()),
  ];
  let biz: string | null = null;
  for (const read of readings) {
    const b = read();
    if (b && !boughtThing(b, text) && !describedOnly(b, text)) {
      biz = b;
      break;
    }
    // "点了一份“好味道水饺”的三鲜饺子": the name in quotes before 的 sold it.
    const seller = b ? new RegExp(`[“"「]([^”"」]{2,14})[”"」]的${escapeRegExp(b)}`).exec(text)?.[1] : undefined;
    if (seller && !ACT_MARKERS.test(seller)) {
      biz = seller;
      break;
    }
  } // The sign's short name ("写着金穗食品") when the story names the same business in full ("金穗速冻食品厂"): the full one.
  const sign = biz !== null && biz === signBusiness(text, { signOnly: true }) ? biz : null;
  if (sign) {
    const full = [tidyBusiness(u.business.value), hanBusiness(text)].find(
      (a): a is string => !!a && a !== sign && a.startsWith(sign.slice(0, 2)) && a.length > sign.length,
    );
    if (full) biz = full;
  }

  if (biz && d.businessName === undefined && biz.length >= 2 && !ACT_MARKERS.test(biz)) {
    d.businessName = biz;
    got.push('business');
  }
  const where = opts.residence ? { text: null, township: null } : businessPlace(u, text);
  // "孟庄镇街上老李烩面馆": the place ends where the shop's name begins.
  if (where.text && d.businessName) {
    const at = where.text.indexOf(d.businessName);
    if (at >= 2) where.text = where.text.slice(0, at).replace(/[的哩\s，,]+$/, '');
  }
  // "大口吃肉蟹煲（龙湖大学城店）": the place read from a branch is the place without 店.
  if (where.text && /[（(]\s*$/.test(text.slice(0, Math.max(0, text.indexOf(where.text)))) && /店$/.test(where.text))
    where.text = where.text.replace(/(分)?店$/, '');
  // "杨国福麻辣烫（新郑万达店）": the branch written beside the name says where the shop is.
  if (!where.text && d.businessName && !opts.residence) {
    const at = text.indexOf(d.businessName);
    const branch = at >= 0 ? /^\s*[（(]([^（）()]{2,14}店)[）)]/.exec(text.slice(at + d.businessName.length)) : null;
    if (branch) {
      // "（华南城店）" says the shop is at 华南城.
      where.text = branch[1]!.replace(/(分)?店$/, '') || branch[1]!;
      where.township = townshipOf(branch[1]!);
    }
  }
  // "就郭店南街那个": the filler before a place is no part of it.
  if (where.text) where.text = where.text.replace(PLACE_FILLER, '');
  const t = where.township;
  if (t && !d.township) {
    d.township = t;
    if (d.where === undefined || d.where === null) {
      d.where = where.text ?? t;
      got.push('where');
    }
  } else if (d.where === undefined) {
    const p = where.text;
    if (p) {
      d.where = p;
      got.push('where');
    }
  }
  // "Restaurant is on Renmin Road": the street the shop is on, said in English (its township may stay open).
  if (d.where === undefined && !opts.residence && isEnglish(text)) {
    const on =
      /\b(?:[Rr]estaurant|[Ss]hop|[Ss]tore|[Ss]tall|[Bb]akery|[Cc]afe|[Pp]lace|[Ii]t|[Tt]hey)\s+(?:is|are)\s+(?:on|in|at)\s+((?:[A-Z][\w']*\s+){1,3}(?:Road|Street|Avenue|Lane|Market))\b/.exec(
        text,
      );
    if (on) {
      d.where = on[1]!;
      d.township = d.township ?? townshipOf(on[1]!) ?? null;
      got.push('where');
    }
  }
  // The optional model (src/understanding/llm.ts) fills a township or a date the rules did not find.
  const llmTownship = byLlm(u.township) && !opts.residence ? u.township.value : null;
  if (llmTownship && !d.township) {
    d.township = llmTownship;
    if (d.where === undefined || d.where === null) {
      d.where = llmTownship;
      got.push('where');
    }
  }
  // "在俺村口老王家…", "在俺村万家福超市": the business is in the citizen's own village, whose name is in the address.
  if (d.where === undefined && !opts.residence) {
    const own = /(?:在|到|去)(?:俺|我|我们|咱|俺们)(村|庄|寨|小区)(口|里|东头|西头|南头|北头|门口|中间)?/.exec(text);
    const home = own ? (ownAddressOf(text) ?? d.address ?? null) : null;
    // "新村镇裴李岗村三组": the village after the township (新村镇 has 村 in its own name).
    const village = home ? /^(?:.*?(?:镇|乡|街道))?.*?\p{Script=Han}(村|庄|寨|小区)/u.exec(home)?.[0] : null;
    if (own && village) {
      d.where = `${village}${own[2] ?? ''}`;
      d.township = d.township ?? townshipOf(home ?? '') ?? null;
      got.push('where');
    }
  }
  // "上个月底看见的 具体哪天忘了": a rough time with the day forgotten gives no date (it is asked, and
  // "不记得" is then taken), not the 28th.
  const dayForgotten =
    /(哪天|哪一天|几号|日子|具体|日期)[^，。,.]{0,4}(不记得|记不清|忘了|记不得|想不起|说不准)|(不记得|记不清|忘了|记不得|想不起)[^，。,.]{0,3}(哪天|哪一天|几号|日子)/.test(
      text,
    ) || roughAndUnsure(text);
  if ((d.incidentDate === undefined || d.incidentDate === null) && !dayForgotten) {
    // "这会儿正在后院杀死猪哩，夜儿个猪场死了好几头": the deed is being done now — today, whatever led up to it.
    const doingNow =
      /(这会儿|这会|现在|此刻|眼下)[^，。,.]{0,3}(正|正在)[^，。,.]{0,6}(杀|宰|卖|卸|装车|做|炸|熬|灌|搬|运)|正在[^，。,.]{0,6}(杀|宰|卸|装车|灌|熬)/.test(
        text,
      );
    const date =
      (doingNow ? parseIncidentDate('今天', now) : null) ??
      (ENGLISH_DATE_FIX.test(text) ? englishDate(text, now) : null) ??
      dateIn(text, now) ??
      englishDate(text, now) ??
      (byLlm(u.incident_time) ? (u.incident_time.value?.date ?? null) : null);
    if (date) {
      d.incidentDate = date;
      got.push('when');
    } else if (
      d.incidentDate === undefined &&
      // "多会儿开始的记不清了", "啥时候开始的不记得了": when it began is not known — said, so not asked.
      /(多会儿|多会|什么时候|啥时候|哪天|几号|从哪天)(开始)?(的|哩)?[^，。,.]{0,3}(记不清|不记得|忘了|记不得|想不起|说不准|不知道)/.test(
        text,
      )
    ) {
      d.incidentDate = null;
      got.push('when');
    }
  }
  if ((d.kind === 'complaint' || d.kind === 'both' || d.kind === undefined) && d.request === undefined) {
    const r = requestOf(u, text);
    // "能赔多少" asks about compensation; it is no request ("该赔多少按规定赔" is one). "叫他们给个说法" told
    // unasked says no remedy: the request is asked (where it is then taken as said).
    if (r && !asksAboutRemedy(r) && !/^[^退赔换歉]*(说法|做主|帮帮我|主持公道)[^退赔换歉]*$/.test(r)) {
      d.request = r;
      got.push('request');
    }
  }
  // "他会不会知道是俺？俺怕他报复" asks and fears; the answer is given and the choice is asked, not presumed.
  // "你们能保密吗" is a question about confidentiality, not a wish for it.
  const spanText = u.anonymous.span?.text ?? '';
  const at = spanText ? text.indexOf(spanText) : -1;
  const aroundSpan = at >= 0 ? text.slice(Math.max(0, at - 2), at + spanText.length + 1) : spanText;
  // ("要是实名是不是领奖励方便些？那俺还是实名吧": asked, then decided.)
  const fearInQuestion =
    /[?？]|会不会|吗/.test(text) &&
    !/匿名|不想?(留|露)(名|姓名|名字)|(?<!能|会|可以)保密(?![吗不么])|anonym/i.test(aroundSpan) &&
    !/[?？][^?？]*(还是|那就|就)[^，。？?]{0,3}实名(吧|举报|好了)/.test(text);
  if (u.anonymous.span && d.anonymous === undefined && !fearInQuestion) {
    d.anonymous = u.anonymous.value;
    got.push('anonymous');
  } else if (
    d.anonymous === true &&
    // (Not the choice asked about: "匿名还是实名好？")
    !/(匿名|anonym\w*)\s*还是|还是(实名|真名)(好|呢|吗|行不行)|[?？]\s*$/.test(text) &&
    /(还是|那还是|改成|改为|那就|算了)[^，。,.!！?？]{0,6}(实名|真名)|(还是|那就)?用(我|俺)的?真(名|名字)/.test(text)
  ) {
    // "匿名的话奖励会不会领不到？那还是用我真名吧，我叫周丽娟": a change of mind to a named report.
    d.anonymous = false;
    got.push('anonymous');
  }
  // "Is there a reward? If so I'd like it", "有奖励吗？有的话我要": asked, and wanted if there is one.
  const ifSoWanted = /if so,? (i'?d|i would|i) (like|want|take|apply)|有的话(我|俺)?(就|也)?(要|申请)|有(就|的话就)要/i.test(text);
  // ("我不要留名字奖励要是有的话我要": the name refused, the reward wanted if there is one.)
  if (d.wantsReward === undefined && ifSoWanted && (isRewardQuestionOnly(text) || !/不要奖励|不申请|不图奖励|no reward/i.test(text))) {
    d.wantsReward = true;
    got.push('reward');
  } else if (u.wants_reward.span && d.wantsReward === undefined && !isRewardQuestionOnly(text)) {
    d.wantsReward = u.wants_reward.value;
    got.push('reward');
  } else if (
    d.wantsReward === undefined &&
    (/不要奖励|不图奖励|不为奖励|不求奖励|不要奖金|no reward/i.test(text) ||
      // "我不要钱，就想叫恁管管": in a report, the money not wanted is the reward.
      (d.kind === 'report' && /(我|俺)?不(要|图|为|稀罕)(啥)?钱(?![^，。,]{0,3}(退|赔))/.test(text)))
  ) {
    d.wantsReward = false;
    got.push('reward');
  }
  const hadName = d.name !== undefined;
  const hadPhone = d.phone !== undefined;
  const identity = fillIdentity(d, u, text);
  got.push(...identity);
  // "…我叫杜建军，电话138…" in a report with no word on anonymity: a reporter who gives a name and a phone
  // unasked reports under that name (the summary shows it and it can be changed).
  if (
    d.kind === 'report' &&
    d.anonymous === undefined &&
    !hadName &&
    !hadPhone &&
    identity.includes('name') &&
    identity.includes('phone') &&
    !/匿名|保密|不留名|别让|怕|anonym|confidential/i.test(text)
  ) {
    d.anonymous = false;
    got.push('anonymous');
  }
  // "门口没牌子", "不知道叫啥": a report about a place with no name says so; it is not asked again.
  if (
    d.kind === 'report' &&
    d.businessName === undefined &&
    // ("辣条好多都是没牌子的": goods with no brand, not a shop with no sign.)
    /(门口|门上|门头|店)?(也)?(?<!是)没(有)?(挂)?(牌子|招牌|店名|牌匾)(?![的哩嘞])|(不知道|不晓得|不清楚)(它|他家)?叫(啥|什么)/.test(text)
  ) {
    d.businessName = null;
    got.push('business');
  }
  const addr = ownAddressOf(text);
  if (addr && d.address === undefined) {
    d.address = addr;
    got.push('address');
  }
  const idn = findIdNumber(text);
  if (idn && d.idNumber === undefined) {
    d.idNumber = idn;
    got.push('idNumber');
  }
  if (d.consentToPublish === undefined && /同意(隐去|匿名)?公开|可以公开|不同意公开|不要公开|别公开/.test(text)) {
    d.consentToPublish = personalDataKeptOut(text) || !/不同意公开|不要公开|别公开/.test(text);
    got.push('consent');
  }
  return got;
}

/** A name in quotes next to a shop word ("'老周卤肉'那个摊子", "招牌上写着“福满楼”"), or one ending in a trade word. */
/** "摊上写着老赵鲜肉", "拉鸡的车上写着老韩烧鸡": the name read off a sign or a van. */
export function signBusiness(t: string, opts: { signOnly?: boolean } = {}): string | null {
  const written = /(写着|写的是|写的|印着|印的是|喷着|挂着)\s*[“"「]?(\p{Script=Han}{2,10})[”"」]?(?=[，,。\s]|$)/u.exec(t);
  if (!written || ACT_MARKERS.test(written[2]!) || PROBLEM_WORDS.test(written[2]!) || looksLikePlace(written[2]!)) return null;
  // "挂着个红牌子": a thing hung up, described, is no name on it.
  if (/^(一)?(个|块|张|面|条)|(牌子|招牌|牌匾|横幅|灯箱)$/.test(written[2]!)) return null;
  // Outside an answer to "what is it called", only a sign, a stall or a van names it ("瓶子上写着甲拌磷" does not).
  if (opts.signOnly && !/(摊|牌|招牌|门头|车|店|门口|牌子|棚|档口|窗口)(子)?(上|上面|顶上)?$/.test(t.slice(0, written.index))) return null;
  return written[2]!;
}

export function quotedBusiness(text: string): string | null {
  for (const m of text.matchAll(/['‘“「『"]([^'’”」』"\n]{2,40})['’”」』"]/g)) {
    const name = m[1]!.trim();
    // (A Chinese name is short; a name in Latin letters is in capitals: "Xinjiang Halal Noodles", not "wild honey".)
    if (/\p{Script=Han}/u.test(name) ? name.length > 15 : !/^[A-Z0-9][\w&'.-]*(\s+[A-Z0-9&][\w&'.-]*)*$/.test(name)) continue;
    const at = m.index ?? 0;
    const around = text.slice(Math.max(0, at - 6), at) + text.slice(at + m[0].length, at + m[0].length + 6);
    if (/[，,。！？!?、]/.test(name) || /[我俺你他她]/.test(name)) continue;
    // "贴上“一级大豆油”的标签", "主播称“正规厂家”": a label or a claim in quotes, not the seller.
    const after = text.slice(at + m[0].length, at + m[0].length + 4);
    const before = text.slice(Math.max(0, at - 4), at);
    // "直播卖“自家熬的土猪油”": what is sold, in quotes, is the product.
    if (
      /^的?(标签|字样|商标|牌子的|广告)/.test(after) ||
      /(贴上|贴着|印着|印上|标着|标上|称|说是|宣传|号称|卖|卖的|推销|推荐)$/.test(before)
    )
      continue;
    // "买了一袋“福满仓”三鲜水饺": a brand after a measure word is the product's, not the seller's.
    if (MEASURE_BEFORE.test(before)) continue;
    // "老板外号“二军”": a person's nickname, not the shop.
    if (/(老板|店主|老板娘|厂长|经理|摊主)(的)?(外号|绰号|小名)?(叫|是)?$/.test(text.slice(Math.max(0, at - 8), at))) continue;
    // "厨师都管这叫“老油”", "行话叫“回锅料”": a word for a thing or a practice, not the shop.
    if (
      /(管|把)(这|那|它|这个|那个|这种|那种)(东西)?叫(做|作)?$|(行话|俗称|俗话|土话|他们|厨师|厨房里)(都)?(叫|叫做|称为|说是)$|所谓的?$/.test(
        text.slice(Math.max(0, at - 8), at),
      )
    )
      continue;
    if (
      BIZ_SUFFIX.test(name) ||
      /^老?\p{Script=Han}家$/u.test(name) ||
      /摊|店|家|铺|馆|小卖部|超市|厂|坊|食堂|餐厅|牌子|招牌|叫|名字|直播间|商家|老板|卖/.test(around) ||
      // "在美团点的龙湖大学城“东北人家水饺”": what is ordered from on a platform is the shop.
      /(美团|饿了么|外卖|平台)[^，。！？!?]{0,10}(点|订|叫)[的了]?[^，。！？!?]{0,8}$/.test(text.slice(Math.max(0, at - 20), at)) ||
      // "a restaurant. "Xinjiang Halal Noodles" near …": a name in capitals beside a word for a business.
      (!/\p{Script=Han}/u.test(name) &&
        /\b(restaurant|shop|store|stall|supermarket|bakery|cafe|canteen|factory|workshop|warehouse|called|named|brand)\b/i.test(
          text.slice(Math.max(0, at - 30), at + m[0].length + 30),
        ))
    )
      return name;
  }
  return null;
}

/** "投诉 茶百味 河南工程学院南门那家 …": a name typed right after the kind, as a headline. */
export function headlineBusiness(text: string): string | null {
  const m = /^(?:我要|俺要)?(?:投诉|举报)\s*[:：]?\s*(\p{Script=Han}{2,8})[\s，,]/u.exec(text.trim());
  const n = m?.[1];
  if (
    !n ||
    townshipOf(n) ||
    looksLikePlace(n) ||
    PROBLEM_WORDS.test(n) ||
    // "举报私宰，…": the wrong itself, not who does it.
    crimeWordsIn(n).length > 0 ||
    /^(私宰|私屠|偷宰|黑作坊|无证|造假|掺假|制假|售假)/.test(n) ||
    parseIncidentDate(n, new Date()) ||
    /[我俺你他她]|一家|有人|有个|这|那|电话|手机|姓名|名字|地址|匿名|实名|一下|个事|商家|饭店|超市|外卖/.test(n) ||
    // "投诉社区团购 …在邻里鲜团购买的": a way of selling is no seller's name.
    /^(社区)?团购$|^(微商|朋友圈|直播间?|网购|网店|快递|美团|抖音|快手|淘宝|拼多多|饿了么|京东)$/.test(n) ||
    // "举报 不要钱 就叫你们查他": a wish said after the kind, not a name.
    /^(不要|不用|不图|要|想|就|也|还|都|退|赔|钱|奖励|算了|吧)|钱$|奖励/.test(n) ||
    // "投诉啊还能干啥": words of a sentence, not a name.
    /[啊呢吧吗嘛呀哦哈]|啥|咋|怎么|还能|什么/.test(n)
  )
    return null;
  return tidyBusiness(n);
}

/** A school's or a company's canteen said in full ("华信学院二食堂", "龙湖镇中心小学食堂"). */
export function canteenOf(text: string): string | null {
  const m = /(\p{Script=Han}{1,8}?)(学院|大学|学校|中学|小学|幼儿园|医院|公司|工厂)(第?[一二三四五六七八九十\d]{1,2}号?)?(食堂|餐厅)/u.exec(
    text,
  );
  if (!m) return null;
  // The name before the institution word, read back to a boundary: "华信学院二食堂", not "举报学校食堂".
  // "听说还送学校食堂": where goods go is no canteen's name ("还送" is read away).
  const name = (m[1]!.split(/[的在到去是哩了说我俺你他她们举报投诉反映要想送给往拉卖还也都就，,。！？!?\s]/u).at(-1) ?? '').replace(
    /^(这|上|本)?(周|星期|礼拜)[一二三四五六日天]|^(今天|昨天|前天|早上|中午|晚上|上午|下午)+/u,
    '',
  );
  if (/周|星期|礼拜|中午|早上|晚上|天/.test(name)) return null;
  if (name.length < 2 || /^(这个|那个|一个|俺们|我们|他们)/.test(name) || OWNERS_CHILD.test(name.replace(/^一/, ''))) return null;
  return `${name}${m[2]}${m[3] ?? ''}${m[4]}`;
}

/** "就在", "就是": a filler before a place. */
const PLACE_FILLER = /^(就在|就是在|是在|就是|就)(?=\p{Script=Han}{2})/u;

/** Address numbers ("中华北路12号", "5号楼") are not dates: masked before the date is read. */
export function dateIn(text: string, now: Date): string | null {
  // "从上个月开始就这么干，最近一次是前天晚上": something that goes on is dated by its latest time.
  const latest = /(最近|最后)(的)?(一次|一回|一趟)(是|在|就是)?|最近(是|就)/.exec(text);
  if (latest) {
    const after = dateIn(text.slice(latest.index + latest[0].length, latest.index + latest[0].length + 16), now);
    if (after) return after;
  }
  const masked = text
    .replace(/([路街巷道村区院栋楼单元室门])(\d{1,4})(号楼?|栋|单元|室)/g, (m) => '＃'.repeat(m.length))
    .replace(/\d{1,4}号楼/g, (m) => '＃'.repeat(m.length));
  const tp = findTimePhrase(normaliseKeepingOffsets(masked), now);
  if (!tp) return null;
  return tp.date ?? parseIncidentDate(tp.text, now);
}

/** The engine's business name without the words before it ("周四中午学校食堂" → "学校食堂", "能管超市" → none). */
/** "叫啥康寿堂", "个炸油条哩": a filler before a name is no part of it. */
const NAME_FILLER = /^(啥|什么|个)(?=\p{Script=Han}{2})/u;
/** "问这么多，人跑了咋办": a question, or a complaint about the questions, is no name. */
const QUESTION_NOT_NAME = /[?？]|咋|怎么|什么|多少|这么多|那么多|干啥|吗$/;
/** "付款记录", "记得": 记 inside another word ends no "X记" name. */
const notNameJi = (m: string, next: string | undefined): boolean => m === '记' && /[录得住着者忆账性]/.test(next ?? '');

/** "本人刘洋", "外面", "没啥店", "他没店", "黑价食堂": the writer, a typo for 外卖, no shop at all, or last night — no name. */
const NOT_A_NAME = /^(他|她|他家|人家)?(也)?(没啥|没有|没|无)(店|名|名字|铺|门面|门头|招牌|牌子)|^本人|^(外面|外边|外卖)$|^(黑价|黑家)/;

export function tidyBusiness(name: string | null): string | null {
  if (!name) return null;
  const n = name
    .replace(/^(上?周[一二三四五六日天]|今天|昨天|前天|夜儿个|前儿个|早上|上午|中午|晌午|下午|晚上|黑价|黑家|后晌|清早)+/, '')
    .replace(/^(能管|管不管|这家|那家|一家|这个|那个|一个)/, '')
    .replace(NAME_FILLER, '')
    // Trade words typed by sound ("万家福超世", "便例店").
    .replace(/超世$/, '超市')
    .replace(/便例店$/, '便利店')
    .trim();
  if (n.length < 2 || /^(超市|饭店|饭馆|食堂|学校食堂|商店|小卖部|店)$/.test(n)) return null;
  // Part of a sentence, not a name: "要举报他们食堂", "我们村的超市", "住工程学院".
  if (/[我俺你他她]|举报|投诉|反映|^要|^(住|家住|在|到|去)/.test(n)) return null;
  if (NOT_A_NAME.test(n)) return null;
  // "孩子幼儿园", "还是只能退钱": whose school, or a wish, is no name.
  if (/^(孩子|娃|闺女|儿子|孙子|孙女|小孩|咱)|^(还是|或者|只能|是不是)|退钱|退款|赔钱|赔偿/.test(n)) return null;
  if (QUESTION_NOT_NAME.test(n) || /哩$/.test(n)) return null;
  // "装袋往学校门口小卖部": where the goods go is no name.
  if (/往|装袋|送到|送给/.test(n)) return null;
  // "叫人去查查那个店": a request to the office is no name.
  if (/查查|去查|叫人|记上|^人去/.test(n)) return null;
  // "职工食堂", "单位食堂": which canteen, not whose.
  if (/^(职工|员工|单位|学校|学生|公司|工地|厂里|厂区|厂子|工厂|我们厂的?|俺厂的?)(食堂|伙房|餐厅)$/.test(n)) return null;
  // "黑心饭店", "垃圾超市": what the citizen thinks of it, not its name.
  if (/^(黑心|无良|垃圾|破|坑人的?|缺德)\p{Script=Han}{1,3}(店|馆|超市|饭店|厂|铺)$/u.test(n)) return null;
  // "四人火锅套餐", "双人烤肉": a set meal for so many people is a product, not a shop.
  if (/^[一二三四五六七八九十两双单\d]+人/.test(n)) return null;
  // A trade word alone ("凉皮店", "面馆", "烟酒店") names no business.
  if (/^\p{Script=Han}{1,2}(店|馆|铺|摊)$/u.test(n) && !/[记家号]/.test(n)) return null;
  // A dish and a shop word ("黄焖鸡店", "麻辣烫店", "烩面馆") say what is sold, not which shop.
  if (
    /^(黄焖鸡|麻辣烫|烩面|胡辣汤|凉皮|烧烤|火锅|包子|馒头|豆腐|卤肉|卤菜|鸡排|奶茶|蛋糕|面包|水果|蔬菜|米线|饺子|拉面|板面|烤鸭|炸鸡|串串|冒菜|煎饼|油条|羊肉汤|牛肉汤|小吃|快餐|早餐|熟食)(米饭)?(店|馆|铺|摊|坊|摊子)$/u.test(
      n,
    )
  )
    return null;
  // Trade words for a kind of shop name none: "代销点", "小卖部", "路边摊".
  if (
    /^(村里的?|街上的?|路边的?)?(代销点|小卖部|小卖铺|批发部|门市部|小超市|菜摊|肉摊|水果摊|早餐店|早点摊|烧烤摊|小吃摊|小饭馆|小饭店|小吃店|路边摊|地摊)$/u.test(
      n,
    )
  )
    return null;
  // A product and a workshop ("馒头作坊", "辣条小作坊", "豆芽加工点") describe a place, not a name.
  // "老祁烧鸡作坊": 老 and a surname name it.
  // ("金旺肉联加工点": a brand of four before it names it, unless what is wrong is in it — "病死猪肉加工点".)
  const workshop = /^(黑|小)?(\p{Script=Han}{1,5})(小作坊|作坊|加工点|加工厂|窝点|摊子|摊点)$/u.exec(n);
  if (
    workshop &&
    (workshop[2]!.length <= 3 ||
      PROBLEM_WORDS.test(workshop[2]!) ||
      workshop[1] !== undefined ||
      // "做腐竹哩小作坊", "肉食加工作坊": what it does, not what it is called.
      /[做生卖的哩得嘞搞弄炸熬煮泡]|加工|肉食|食品/.test(workshop[2]!)) &&
    !/[记家号]/.test(n) &&
    !(/^老/.test(n) && SINGLE_SURNAMES.has(n[1] ?? ''))
  )
    return null;
  return n;
}

export function isEnglish(text: string): boolean {
  const latin = (text.match(/[A-Za-z]{2,}/g) ?? []).length;
  const cjk = (text.match(/\p{Script=Han}/gu) ?? []).length;
  return latin >= 3 && latin * 2 > cjk;
}

/** "…的一品香包子铺": the engine stops at 一; a 一 right after a boundary is part of the name. */
function withLeadingYi(name: string | null, text: string): string | null {
  if (!name || /^[家个间处]/.test(name)) return name;
  // ("那家一点甜奶茶店": after 那家/这家 too.)
  return new RegExp(`(^|[的在上里家，,\\s])一${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).test(text) ? `一${name}` : name;
}

/** "at the 7-Eleven near …", "from Lianhua Supermarket": a business named in Latin letters. */
export function latinBusiness(text: string): string | null {
  // "her shop, Happy Baby Store, in Xuedian town": the name set off after the word for a shop.
  const apposed = /\b(?:shop|store|restaurant|stall|bakery|cafe|canteen),\s+((?:[A-Z][\w'&-]*)(?:\s+[A-Z][\w'&-]*){0,3}),/.exec(text);
  if (apposed) return apposed[1]!;
  // "At the Huaxin College No. 2 canteen": a campus's numbered canteen is the business (the campus is the place).
  const canteen =
    /\b((?:[A-Z][\w'&-]*\s+){0,4}(?:No\.\s?\d+|\d+(?:st|nd|rd|th)?|First|Second|Third)\s+(?:[Cc]anteen|[Dd]ining [Hh]all|[Cc]afeteria))\b/.exec(
      text,
    );
  if (canteen && !/^\d/.test(canteen[1]!)) {
    // "the Second Canteen (二食堂)": the Chinese name written beside is the canteen's own.
    const han = /^\s*[（(](\p{Script=Han}{2,12})[）)]/u.exec(text.slice((canteen.index ?? 0) + canteen[0].length));
    if (han) return han[1]!;
    // Written for the office in Chinese too: "No. 3 canteen" → "第三食堂（No. 3 canteen）".
    const en = canteen[1]!.replace(/^(?:At|In|From|The)\s+/, '').trim();
    const ord = /No\.\s?(\d+)|\b(\d+)(?:st|nd|rd|th)\b|\b(First|Second|Third)\b/i.exec(en);
    const n = ord ? Number(ord[1] ?? ord[2] ?? ['first', 'second', 'third'].indexOf((ord[3] ?? '').toLowerCase()) + 1) : 0;
    const cn = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'][n];
    return cn ? `第${cn}食堂（${en}）` : en;
  }
  // "called Lao Zhang Noodles", "named X": the name said as a name.
  const called =
    /\b(?:called|named|(?<!my |My |MY )name is|(?<!my |My )name:?|shop name is|sign says)\s+['‘“"]?((?:[A-Z0-9][\w'&.-]*)(?:\s+[A-Z0-9][\w'&.-]*){0,3}|\p{Script=Han}{2,12})/u.exec(
      text,
    );
  if (called) return called[1]!.trim().replace(/['’”"]+$/, '');
  // "I live in the Huanan City apartments" is the citizen's home, not the business.
  const cleaned = text
    .replace(/\b(?:I|we) (?:live|stay|am staying)\b[^.,;]*/gi, '')
    // "at 'Happy Bites Cafe'": quotes around the name are no part of it.
    .replace(/['‘“"](?=[A-Z0-9])|(?<=[A-Za-z0-9])['’”"](?=[\s,.;!?]|$)/g, '');
  // A word may hold dots ("St.Mary") but a sentence's full stop ends the name ("Huaxin College. On Thursday").
  for (const m of cleaned.matchAll(
    /\b(?:at|from|in) (?:the |a )?((?:[A-Z0-9][\w'&-]*(?:\.[\w'&-]+)*)(?:\s+[A-Z0-9][\w'&-]*(?:\.[\w'&-]+)*){0,3})/g,
  )) {
    const name = m[1]!.trim();
    // "at Tianlala (甜啦啦)": the Chinese name written beside is the shop's own.
    const han = /^\s*[（(](\p{Script=Han}{2,12})[）)]/u.exec(text.slice(text.indexOf(name) + name.length));
    if (han) return han[1]!;
    if (
      // "from a Meituan order": the platform is where it was ordered, not the shop.
      /^(Meituan|Eleme|Ele\.me|Taobao|Pinduoduo|Douyin|Kuaishou|JD|Tmall|WeChat group|Dianping)\b/i.test(name) ||
      /^(Longhu|Xinzheng|Town|Street|Road|Village|Market|I|The|Henan|Zhengzhou|Guodian|Xuedian|Xinhua|Xinjian|Mengzhuang|Xindian|Xincun|Guanyinsi|Lihe|Hezhuang|Chengguan|Baqian|Longwang|Xinyan|China South City|Huanan|Shengda|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|December|November|January|English|Chinese|Mandarin|WeChat)\b/.test(
        name,
      ) ||
      // "in China South City", "at Huaxin College", "at Henan University of Engineering": a place, not the shop.
      /\b(City|Campus|University|College|Institute|Airport|District|Town|Village|Road|Street|Avenue|Square|Park|Station|School|Hospital)\b/.test(
        name,
      ) ||
      name.length < 3 ||
      // "in Xiaoqiao village": a place whose kind is written after it in small letters.
      /^\s+(village|town|township|road|street|lane|campus|market|school|college|university|primary|middle|hospital|district|area|community)\b/i.test(
        cleaned.slice((m.index ?? 0) + m[0].length),
      )
    )
      continue;
    return name;
  }
  // "I work in the kitchen of Red Pepper Hotpot", "a delivery for Golden Wok Restaurant": after other small
  // words only a name ending in a trade word.
  const traded =
    /\b(?:of|for|to|by|with) (?:the )?((?:[A-Z][\w'&-]*\s+){0,3}(?:Hotpot|Restaurant|Cafe|Café|Bakery|Noodles?|BBQ|Barbecue|Supermarket|Market|Store|Shop|Kitchen|Grill|Diner|Canteen|Tea|Coffee|Factory|Bistro|Eatery|Mart|Foods?|Kindergarten|Nursery|Daycare))\b/.exec(
      cleaned,
    );
  if (traded && !/^(The|A|An)\s/.test(traded[1]!) && traded[1]!.split(/\s+/).length >= 2) return traded[1]!.trim();
  return null;
}

/** "摊位牌子上就一个电话号码 138…", "老板电话是139…": the number is the business's, not the citizen's. */
export function othersPhone(text: string): boolean {
  const others =
    /(牌子|招牌|摊位|门头|店里|店家|店铺|老板|商家|卖家|对方|骑手|客服|他家|他的|她的|他们的?|那人的?|厂里|作坊)[^，。；;！!？?\d我俺\s]{0,10}(电话|号码|手机|微信)[^，。；;！!？?\d]{0,6}\s*(?:\+?86)?[\s-]?1[3-9]\d/;
  const own = /(我|俺)(的)?(电话|手机|号码)|(我|俺)(叫|是)|联系(我|俺)|打(我|俺)/;
  return others.test(text) && !own.test(text);
}

/** The citizen's own name and phone said anywhere in `text` fill the draft; returns the slots filled. */
export function fillIdentity(d: Draft, u: Understanding, text: string): Slot[] {
  const got: Slot[] = [];
  const id = u.identity.value;
  const name = id.name ?? englishName(text) ?? selfIntroName(text);
  if (name && d.name === undefined && name.length >= 2) {
    d.name = name;
    got.push('name');
  }
  const phone = (id.phone ? PhoneSchema.safeParse(id.phone).data : undefined) ?? findPhone(text);
  if (phone && d.phone === undefined && !othersPhone(text)) {
    d.phone = phone;
    got.push('phone');
  }
  return got;
}

/** "我是…的学生家长孟凡丽，电话137…": the name said right before the citizen's own phone number. */
export function selfIntroName(text: string): string | null {
  // "我是学生汤宇航", "俺是唐户村哩李保国": who they are, then the name.
  const intro =
    /(?:^|[，,。\s])(?:我|俺|本人)(?:是|系)(?:[\p{Script=Han}]{0,8}?(?:学生|老师|教师|家长|村民|居民|工人|司机|农民|职工|干部|医生|护士|个体户|顾客|消费者|骑手)|[\p{Script=Han}]{2,6}(?:村|小区|学院|大学|学校)(?:的|哩)?)(\p{Script=Han}{2,3})(?=[，,。\s]|$)/u.exec(
      text,
    );
  if (intro && plausibleName(intro[1]!)) return intro[1]!;
  // "俺是新华路上住哩，叫孙凤英": who they are, then "叫…" in the next clause (nobody else named between).
  const called = /(?:^|[，,。\s])(?:我|俺)(?:是|住|家)[^。！？!?]{0,16}?[，,\s]\s*叫(\p{Script=Han}{2,3})(?=[，,。\s]|$)/u.exec(text);
  if (called && plausibleName(called[1]!) && !/[他她]|老板|孩子|闺女|儿子|媳妇|老伴/.test(called[0])) return called[1]!;
  // A letter signed at its end ("此致 敬礼！\n孙国栋", "…王淑兰 2026年12月5日").
  if (/此致|敬礼|特此/.test(text)) {
    const sig = /[\n\s！!。]\s*(\p{Script=Han}{2,3})\s*(?:\d{4}年\d{1,2}月\d{1,2}日)?\s*$/u.exec(text)?.[1];
    if (sig && plausibleName(sig) && !/敬礼|此致/.test(sig)) return sig;
  }
  // "我姓周，周家的周，叫周桂兰": the surname spelled out, then the whole name after 叫.
  const spelled = /(?:我|俺)姓(\p{Script=Han})[^。]{0,12}?叫(\p{Script=Han}{2,3})(?=[，,。\s]|$)/u.exec(text);
  if (spelled && spelled[2]!.startsWith(spelled[1]!) && plausibleName(spelled[2]!)) return spelled[2]!;
  // "我姓吴，吴振华": the surname, then the whole name.
  const surname = /(?:我|俺)姓(\p{Script=Han})[，,\s]*(?:叫|名字是|全名)?[，,\s]*(\p{Script=Han}{2,3})(?=[，,。\s]|$)/u.exec(text);
  if (surname && surname[2]!.startsWith(surname[1]!) && plausibleName(surname[2]!)) return surname[2]!;
  // "电话是我儿子的，你们打过去说找李桂芝他就知道了": the name to ask for on the phone is the citizen's.
  const askFor = /(?:说|就说)找(\p{Script=Han}{2,3}?)(?:他|她)?(?:就知道|就行|就中|就可以)/u.exec(text);
  if (askFor && plausibleName(askFor[1]!)) return askFor[1]!;
  // "收货人：周婷 13526470918" (an order pasted in), "联系人：王丽".
  const labelled = /(?:收货人|联系人|姓名|投诉人|举报人)\s*[:：]\s*(\p{Script=Han}{2,3})(?=[\s，,。；;]|1[3-9]\d|$)/u.exec(text);
  if (labelled && plausibleName(labelled[1]!)) return labelled[1]!;
  // "王丽 13803712345 住…": a name written right before a mobile number.
  const before = /(?:^|[，,。；;:：\s])(\p{Script=Han}{2,3})[\s，,:：]*1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}(?!\d)/u.exec(text);
  if (before && plausibleName(before[1]!)) return before[1]!;
  if (!/电话|手机/.test(text)) return null;
  for (const n of findPersonNames(text)) {
    const after = text.slice(n.end);
    if (/^[，,\s]*(我的)?(电话|手机|联系电话|手机号)/.test(after)) return text.slice(n.start, n.end);
  }
  return null;
}

export function englishName(text: string): string | null {
  const m = /\b(?:[Mm]y name is|I am|I'm|[Nn]ame:|[Mm]y details:|[Cc]ontact:|[Cc]omplainant:)\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,3})/.exec(
    text,
  );
  if (m) return m[1]!;
  // "…I want a refund. Tom Weller, 152 3718 6640, Huangdi Guli apartment": a name signed right before the phone.
  const signed = /(?:^|[.,;:!?]\s*)([A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2}),?\s+(?:\+?86[\s-]?)?1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}(?!\d)/.exec(
    text,
  );
  if (
    signed &&
    !/\b(Kitchen|Restaurant|Road|Street|Shop|Store|Market|Cafe|Tea|Bakery|Hotel|Town|Village|Canteen|Phone|Mobile|Number|Call|Tel)\b/.test(
      signed[1]!,
    )
  )
    return signed[1]!;
  return null;
}

const BIZ_SUFFIX_G =
  /(KTV|ktv|窗口|档口|私房菜|酒吧|网吧|宾馆|会所|斋|轩|火锅店?|牛肉摊|摊子|摊|烧烤|烤鱼|饭店|饭馆|餐馆|餐厅|酒店|酒楼|烩面馆|面馆|包子铺|小吃店?|快餐|超市|便利店|商店|商行|小卖部|生鲜|母婴生活馆|食品厂|食品公司|作坊|豆腐坊|豆芽坊|卤味|熟食|食府|餐饮|饭庄|酒家|食堂|药房|农家乐|小厨|盒饭|冷链仓库|仓库|饼屋|农家饭|农家菜|蛋糕房|面包房|馒头房|烘焙房|西点房|烘焙|奶茶店?|大盘鸡|羊肉汤|胡辣汤|养殖场|屠宰场|养鸡场|养猪场|加工场|冷库|牛羊肉|烟酒店|烟酒|午托班?|[坊铺店馆园记厂])/gu;
/** The same, without the global flag: `.test` on a /g pattern keeps state between calls. */
const BIZ_SUFFIX = new RegExp(BIZ_SUFFIX_G.source, 'u');
const STOP_BEFORE =
  /[近用往掺觉得就更还也都又要找该令请卖做开哩的在是到从了去买吃叫有个和跟对给把被让说那这一家俺我他她它们上里边旁口前后东西南北街路村镇乡集：:，,\s]/u;

/** A business named in Chinese characters ("蜀香园火锅" inside an English message, "顺发豆芽坊用…"). */
/** "用的是化工厂的桶", "从批发部进的货": where a thing came from, not the business reported. */
function sourceOfThing(text: string, start: number, end: number): boolean {
  return (
    /^的?(桶|袋子?|箱子?|瓶子?|罐子?|原料|料|包装|车|废料|下脚料)/.test(text.slice(end)) && /(用的?是?|从)$/.test(text.slice(0, start))
  );
}

const FOOD_ONLY =
  /^(螺蛳粉|螺狮粉|麻辣烫|麻辣香锅|米线|凉皮|包子|饺子|水饺|面条|拉面|烩面|胡辣汤|羊肉汤|牛肉汤|火锅|烤鱼|炸鸡|汉堡|奶茶|蛋糕|面包|卤菜|熟食|馄饨|煎饼|烧饼|炒饭|盖饭|小吃|夜宵|串串|烤串|酸辣粉|黄焖鸡|肉夹馍|烤肉|烤鸭|烧鸡|炸串|冒菜|砂锅|水果|蔬菜|猪肉|牛肉|羊肉|豆腐|豆芽|馒头|粥|调料|调味品|辣椒酱|酱菜|粮油|面粉|食品|肉制品|豆制品|冷冻食品|速冻食品|饮料|白酒|酒|茶叶|糕点|腐竹|粉条|辣条)$/;
const CANTEEN_STALL =
  /\p{Script=Han}{2,16}?(食堂|餐厅|美食城|美食广场|商场|市场)((负?[一二三四五六七八九十]|[1-9])[楼层])?\p{Script=Han}{2,8}?(窗口|档口)/u;

export function hanBusiness(input: string): string | null {
  // The citizen's own address ("住新烟街道烟厂家属院") names no business: blanked, offsets kept.
  const text = input.replace(/(住在?|家住|住址[:：]?|联系地址[:：]?|(?<![店家厂])地址(是|[:：])?)[^，。；;,\n ]*/g, (m) =>
    '　'.repeat(m.length),
  );
  // "升达经贸管理学院一食堂一楼麻辣香锅窗口": a stall inside a canteen or market is named with the canteen.
  const stall = CANTEEN_STALL.exec(text);
  if (stall) {
    const whole = stall[0]
      .replace(/^.*(举报|投诉|反映|在|到|去|是|了|的)(?=\p{Script=Han}{1,}(食堂|餐厅|美食城|美食广场|商场|市场))/u, '')
      .replace(/^(在|到|去|从|是)/, '');
    if (whole.length >= 6 && !/[我俺你他她]/.test(whole)) return whole;
  }
  const found: string[] = [];
  for (const m of text.matchAll(BIZ_SUFFIX_G)) {
    const at = m.index ?? 0;
    if (notNameJi(m[0], text[at + 1])) continue;
    // 收摊, 出摊, 摆摊, 地摊: a stall's hours or a street stall, not the end of a name.
    if (m[0] === '摊' && (STALL_VERB_BEFORE.test(text.slice(0, at)) || STALL_VERB_AFTER.test(text.slice(at + 1)))) continue;
    let i = at;
    while (i > 0 && at - i < 6 && /\p{Script=Han}/u.test(text[i - 1]!) && !STOP_BEFORE.test(text[i - 1]!)) i--;
    // "老杨家烩面馆", "李记大盘鸡": 家/记 inside a name are kept when more name comes before them.
    while (i > 1 && at - i < 6 && /[家记]/.test(text[i - 1]!) && /\p{Script=Han}/u.test(text[i - 2]!) && !STOP_BEFORE.test(text[i - 2]!)) {
      i -= 2;
      while (i > 0 && at - i < 6 && /\p{Script=Han}/u.test(text[i - 1]!) && !STOP_BEFORE.test(text[i - 1]!)) i--;
    }
    // "茶里茶气奶茶店", "湘里湘亲小炒": 里 between a doubled character belongs to the name.
    if (i >= 2 && text[i - 1] === '里' && text[i - 2] === text[i] && at - i < 5) {
      i -= 2;
      while (i > 0 && at - i < 8 && /\p{Script=Han}/u.test(text[i - 1]!) && !STOP_BEFORE.test(text[i - 1]!)) i--;
    }
    // "开心小卖部卖的…" at the very start: a first character that reads like a verb still begins the name.
    if (i === 1 && at - i === 1 && /\p{Script=Han}/u.test(text[0]!) && !/[我俺他她它在到从去买吃喝叫有那这一]/.test(text[0]!)) i = 0;
    // "高皮匠村的老街烩面馆": 街 stops the reading, but 老街/老巷/老城 begin many shop names.
    if (at - i < 3 && /^([老东西南北]街|老巷|老城)$/.test(text.slice(Math.max(0, i - 2), i))) i -= 2;
    // "一品香包子铺": a leading 一 right after a boundary belongs to the name (not "一家", "一个").
    // ("那家一点甜奶茶店": after 那家/这家 too.)
    if (i >= 2 && text[i - 1] === '一' && /[的在上里家，,\s]/.test(text[i - 2]!) && !/[家个间处]/.test(text[i]!)) i--;
    // "蜀香园火锅": a suffix followed by another suffix belongs to the same name.
    // "东郭寺村口早点铺": the rest of a position word (村口, 街头) is no part of the name.
    if (i > 0 && i < at && /[口头边]/.test(text[i]!) && /[村门路街集]/.test(text[i - 1]!)) i++;
    // "人和寨惠民超市": the last character of a village's name (寨, 庄, 屯, 堡) is no part of the shop's.
    if (at - i >= 3 && endsVillageName(text, i, looksLikePlace)) i++;
    let e = at + m[0].length;
    for (let k = 0; k < 2; k++) {
      const more = /^(火锅店?|烧烤|烤鱼|饭店|餐厅|店|馆|坊|铺)/u.exec(text.slice(e));
      if (!more) break;
      e += more[0].length;
    }
    const name = text.slice(i, e);
    const bare = text.slice(i, at);
    if (sourceOfThing(text, i, e)) continue;
    // "没有生产厂家", "店家", "厂里人": a person or a word, not the end of a name.
    if (/[厂店铺坊馆园]$/.test(m[0]) && /^[家员长主商方区址里名]/.test(text.slice(at + m[0].length))) continue;
    // "新郑烟厂对面好又多超市": a landmark that says where the business is, not the business.
    if (/^(对面|斜对面|旁边|附近|门口|隔壁|东边|西边|南边|北边|后面|前面)/.test(text.slice(e))) continue;
    const downstream = /(卖给|供给|送给|卖到|送到|供应给|拉到)[^，。；]{0,8}$/.test(text.slice(Math.max(0, i - 12), i));
    if (
      at - i >= 2 &&
      !downstream &&
      townshipOf(name) === null &&
      !/学院|大学|学校|食堂|医院|^网红|^早点|^早餐/.test(name) &&
      !/^(小|附近|路边|街边|流动|水果|卤肉|烧烤|早餐|早点|黑|无证|这个|那个|一个|某)$/.test(bare) &&
      // "那个螺蛳粉店": a food and a shop word describe the shop; they do not name it.
      !FOOD_ONLY.test(bare) &&
      !/[我俺你他她]|举报|投诉|反映|要/.test(bare) &&
      // "反映一下孩子幼儿园的食堂": whose it is (the writer's child's), not its name.
      !OWNERS_CHILD.test(bare) &&
      !/希望|退钱|退款|赔|并且|而且|道歉/.test(bare) &&
      // "装袋往学校门口小卖部送": where the goods go, not who makes them.
      !/往|装袋|送到|送给/.test(bare) &&
      // "说第二天一早送饭店": a verb right before the trade word sends goods there.
      !/(送|供|批|运|拉|卖)$/.test(bare)
    )
      found.push(name);
  }
  // Names made of everyday characters ("好又多超市", "一品香饭店"): read leftwards to the word boundary
  // (的, 在, a place, punctuation) instead of stopping at the first common character.
  if (found.length === 0) {
    for (const m of text.matchAll(BIZ_SUFFIX_G)) {
      const at = m.index ?? 0;
      if (notNameJi(m[0], text[at + 1])) continue;
      let i = at;
      // ("柠檬小镇奶茶店": a brand's 小镇 is no township.)
      while (
        i > 0 &&
        at - i < 6 &&
        /\p{Script=Han}/u.test(text[i - 1]!) &&
        (!LOOSE_STOP.test(text[i - 1]!) || (text[i - 1] === '镇' && text[i - 2] === '小'))
      )
        i--;
      const bare = text
        .slice(i, at)
        .replace(/^.*(一家|那家|这家|有家|有个|那个|这个|投诉|举报|反映|另外|另一|对面|旁边|附近|门口|隔壁)/, '')
        // "东郭寺村口早点铺": the rest of a position word (村口, 街头) is no part of the name.
        .replace(/^[口头]/, (j) => (/[村路街集门]$/.test(text.slice(0, i)) ? '' : j))
        // "人和寨惠民超市": the last character of a village's name is no part of the shop's.
        .replace(/^[寨庄屯堡营](?=\p{Script=Han}{2})/u, (j) => (endsVillageName(text, i, looksLikePlace) ? '' : j))
        // "有家早点铺": 家 after 有/那/这/一 counts the shop; it is no part of its name.
        .replace(/^家/, (j) => (/[有那这一哪]$/.test(text.slice(0, i)) ? '' : j));
      const name = bare + m[0];
      if (m[0] === '摊' || m[0] === '摊子') continue;
      // "做哩豆腐往饭店送": where the goods go, not who the business is.
      if (
        /往|送|供|卖给|拉到|运到/.test(bare) ||
        /(卖给|供给|送给|卖到|送到|供应给|拉到)[^，。；]{0,8}$/.test(text.slice(Math.max(0, i - 12), i))
      )
        continue;
      if (sourceOfThing(text, i, at + m[0].length)) continue;
      if (/[厂店铺坊馆园]$/.test(m[0]) && /^[家员长主商方区址里名]/.test(text.slice(at + m[0].length))) continue;
      if (
        bare.length >= 2 &&
        townshipOf(name) === null &&
        !GENERIC_BARE.test(bare) &&
        !OWNERS_CHILD.test(bare) &&
        !FOOD_ONLY.test(bare.replace(/^家/, '')) &&
        !/^(早点|早餐|早饭|夜市|宵夜)$/.test(bare) &&
        !/学院|大学|学校|医院/.test(name)
      )
        found.push(name);
    }
  }
  // The name said most often (a long story names its business again and again), the first on a tie.
  const count = (n: string) => text.split(n).length - 1;
  const best = found.sort((a, b) => count(b) - count(a))[0] ?? null;
  // "鑫源餐饮配送公司", "金源餐饮管理有限公司": a trade word inside a company's name is not its end.
  const company = best
    ? new RegExp(
        `${best.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}((?:(?![的给了在是到把被和跟包卖往向])\\p{Script=Han}){0,6}?(?:有限公司|分公司|公司|集团))`,
        'u',
      ).exec(text)
    : null;
  return tidyBusiness(company && best ? best + (company[1] ?? '') : best);
}

/** "(一)下孩子幼儿园", "孙女学校": the writer's child's school or kindergarten, not a name. */
const OWNERS_CHILD = /^下?(孩子|小孩|孩儿|娃|闺女|儿子|孙子|孙女|外孙)/;

const LOOSE_STOP = /[的在到从去叫是了要找想让买吃喝卖说给把被让和跟镇乡村路街区市集上下里边那这个开有用，,。：:；;！!？?\s]/u;
const GENERIC_BARE =
  /^(楼下|附近|村里|村口|街上|镇上|集上|路边|街边|门口|对面|隔壁|旁边|小区|网上|外卖|学校|单位|公司|黑心|无证|流动|这种|那种|一般|普通|早点|早餐|网红|烧烤|卤肉|水果|邻居|大|小|老)+$|^(一|家里|家门)|[我俺你他她们]/u;

/** Labelled messages ("姓名：…；电话：…；商家：…；经过：…；诉求：…"), read field by field. */
export function labelled(
  text: string,
): Partial<Record<'name' | 'phone' | 'address' | 'business' | 'where' | 'description' | 'request' | 'when', string>> {
  const out: Partial<Record<'name' | 'phone' | 'address' | 'business' | 'where' | 'description' | 'request' | 'when', string>> = {};
  const LABELS: [RegExp, keyof typeof out][] = [
    [/^(姓名|名字|投诉人|举报人|联系人)$/, 'name'],
    [/^(电话|手机|联系电话|手机号)$/, 'phone'],
    [/^(地址|住址|联系地址|家庭住址)$/, 'address'],
    [
      /^(商家|店名|商户|被投诉(人|方|单位|对象)?|被举报(人|方|单位|对象)?|举报对象|投诉对象|单位|店铺|店铺名称?|商家名称|商户名称|承包商|经营者|经营单位|供货商|涉事单位|涉事商家)$/,
      'business',
    ],
    [/^(地点|商家地址|店铺地址|经营地址|位置)$/, 'where'],
    [/^(经过|事情经过|情况|内容|问题|事由|事实|违法事实|问题描述)$/, 'description'],
    [/^(诉求|要求)$/, 'request'],
    [/^(时间|日期|下单时间|购买时间|发生时间|成交时间|消费时间)$/, 'when'],
  ];
  const parts = text.split(/[；;\n]|[，,](?=\s*[\p{Script=Han}]{2,6}[:：])/u);
  let n = 0;
  for (const p of parts) {
    // "1. 举报人：…", "二、诉求：…": numbered items are labels too.
    const m = /^\s*(?:(?:\d{1,2}|[一二三四五六七八九十])[.、．)）]\s*)?(?:【[^】]*】)?\s*([\p{Script=Han}]{2,6})[:：]\s*(.+)$/u.exec(
      p.trim(),
    );
    if (!m) continue;
    const hit = LABELS.find(([re]) => re.test(m[1]!));
    if (!hit) continue;
    out[hit[1]] = m[2]!.trim().replace(/[。]$/, '');
    n++;
  }
  // "举报人：食堂帮工杨秀梅，身份证号 …": the name at the end of the label's first clause.
  if (out.name) {
    const first = out.name.split(/[，,；;\s]/)[0]!;
    const tail = [3, 2].map((k) => first.slice(-k)).find((x) => /^\p{Script=Han}+$/u.test(x) && plausibleName(x));
    out.name = plausibleName(first) ? first : (tail ?? first);
  }
  // Three labels make a form; two do when one names the shop ("店铺：…", "下单时间：…" pasted from an app).
  if (n < 3 && !(n === 2 && out.business)) return {};
  const biz = out.business;
  if (biz) {
    const paren = /^(.+?)[（(]([^）)]+)[）)]$/.exec(biz);
    if (paren) {
      out.business = paren[1]!.trim();
      // "（龙湖大学城店）" says where; "（负责人姓丁）" does not.
      if (looksLikePlace(paren[2]!) || /店$/.test(paren[2]!.trim())) out.where ??= paren[2]!.trim();
    }
  }
  // "被举报对象：郭店镇小司村西头一个炼油小作坊，没有招牌，老板叫侯老三": a description, no name.
  if (out.business && /没有?(招牌|牌子|名字)|不知道(叫|名)|[，,]/.test(out.business)) {
    const first = out.business.split(/[，,]/)[0]!;
    out.where ??= first;
    delete out.business;
  }
  return out;
}

/** "有奖励吗" asks about a reward; "要奖励" wants one. */
/** "有奖励不", "能退不", "管没有": a question put as yes-or-no with the 不 or 没 at the end. */
export const A_NOT_A = /(有|能|是|中|行|要|管|给|会|可以|可)[^，,。！!？?\s]{0,8}(不|没|没有|木有)[啊呀哩嘞]?[\s。.!！]*$/;

function isRewardQuestionOnly(text: string): boolean {
  const clauses = text.split(/[，,。.!！；;\n]/).filter((c) => /奖励|奖金|reward/i.test(c));
  return (
    clauses.length > 0 &&
    clauses.every(
      (c) => (/[?？]|吗|多少|能不能|有没有|真有|can i|\bhow\b|\bis there\b/i.test(c) || A_NOT_A.test(c)) && !/我要|想要|申请|want/i.test(c),
    )
  );
}

/** The place as the citizen said it: the clause naming the township/landmark, kept short. */
const RESIDENCE = /(住在?|家住|(?<![一店商厂])家在|住址|联系地址|地址[:：]|live (in|at)|living in|address)[^，。；,;]{0,12}$/i;

/**
 * Where the business is: the best-scored gazetteer place that is not the citizen's own address
 * ("住新烟街道中华北路12号" is where they live), with a few words around it.
 */
/** "Tom Weller, 152 3718 6640, Huangdi Guli apartments, Xinhua Road": a place signed right after the writer's phone is their home. */
function afterOwnPhone(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 60), at);
  const phone = /1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}(?!\d)(?!.*1[3-9]\d[\s-]?\d{4}[\s-]?\d{4})/s.exec(before);
  if (!phone) return false;
  const between = before.slice(phone.index + phone[0].length);
  // Only where the writer's home is named between ("…, Huangdi Guli apartments, Xinhua Road"); "…6690，就那个华联，
  // 龙湖大学城门口的" goes on to the shop.
  return (
    between.length <= 40 &&
    /住|家住|小区|家属院|地址|apartment|flat|\blive|home|address/i.test(between) &&
    !/[。！？!?]|在|\.\s/.test(between)
  );
}

export function businessPlace(u: Understanding, text: string): { text: string | null; township: Township | null } {
  const mentions = findPlaces(text)
    .filter((m) => !RESIDENCE.test(text.slice(Math.max(0, m.index - 14), m.index)) && !afterOwnPhone(text, m.index))
    .sort((a, b) => b.score - a.score);
  const best = mentions[0];
  // English: "near Shengda university", "the Xuedian town market" — the words around the pinyin name.
  if (best && /^[a-z ]+$/i.test(best.name)) {
    const esc = best.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const m = new RegExp(
      `((?:near|next to|opposite|behind|outside|by|in front of)\\s+(?:the\\s+)?)?${esc}((?:\\s+(?:university|college|campus|market|farmers market|town|township|village|road|street|(?:north|south|east|west|main) gate|gate \\d+)){0,3})`,
      'i',
    ).exec(text);
    const tw = best.townships.length === 1 ? best.townships[0]! : u.township.value;
    if (m) return { text: m[0].trim(), township: tw ?? null };
  }
  if (best) {
    // "辣小妞麻辣烫（华信学院店）": a branch in brackets is where the shop is.
    const open = /[（(]([^（）()]{0,10})$/.exec(text.slice(Math.max(0, best.index - 10), best.index));
    const close = /^([^（）()]{0,6}店)[）)]/.exec(text.slice(best.index + best.name.length));
    if (open && close) {
      const tw = best.townships.length === 1 ? best.townships[0]! : u.township.value;
      return { text: `${open[1]}${best.name}${close[1]}`, township: tw ?? null };
    }
    // "潩水寨小学门口的开心小卖部": the place ends where the business's name begins (before any other cut).
    let around = clauseAround(text, best.index, best.index + best.name.length);
    const bizFirst = u.business.value;
    const bizAt = bizFirst ? around.indexOf(bizFirst) : -1;
    if (bizFirst && bizAt >= 2 && bizAt > around.indexOf(best.name)) around = around.slice(0, bizAt).replace(/[的哩\s，,]+$/, '');
    const clause = around
      // "上个礼拜天孟庄逢集": the time said first is no part of the place.
      .replace(
        /^((上|这|本)个?(周|星期|礼拜)[一二三四五六日天末]?|今天|昨天|前天|大前天|夜儿个|前儿个|今儿|昨儿|早上|上午|中午|晌午|下午|晚上)+/,
        '',
      )
      .replace(/(有个|有家|有一家|有人|那个|这个|的一家|一家|那家|这家|卖|开[的哩]|买[的哩]|吃[的哩]|点[的哩]|喝[的哩]).*$/, '')
      .replace(
        /(?<=.{2})(今天|昨天|前天|大前天|夜儿个|前儿个|今儿|昨儿|早上|上午|中午|晌午|下午|晚上|刚才|这几天|这两天|前几天|最近|这阵子|这段时间|天天|每天|(上|这|本)个?(周|星期|礼拜)[一二三四五六日天末]?|(周|星期|礼拜)[一二三四五六日天末]|[0-9一二三四五六七八九十]{1,2}月[0-9一二三四五六七八九十]{1,3}[号日])[\s\S]*$/,
        '',
      )
      // "周庄村的小作坊用病死猪肉…", "128号的好又多超市": the place ends where the business or the deed begins.
      .replace(/(?<=.{2})(的[^的，,。]{0,10}(店|超市|馆|坊|摊|厂|铺|食堂|公司|餐厅)|用|把|往|拿)[\s\S]*$/, '')
      .replace(/[，,。；;、\s]+$/, '')
      .replace(/^.*?(在|到|去|是)(?=[^在到去是]*$)/, (m) => (m.length < 12 ? '' : m))
      // "(薛店镇)" written beside an English name: the brackets are no part of the place.
      .replace(/^[（(【[\s]+|[）)】\]\s]+$/g, '')
      .replace(/^(俺们|我们|咱们|俺|我|咱)(是)?(?=\p{Script=Han}{2})/u, '')
      // "我是河南工程学院的学生": who the citizen is ends the place.
      .replace(/的(学生|居民|村民|老师|家长|员工|职工|住户|人)[\s\S]*$/, '')
      // "唐户村村民赵德明": who the citizen is ends the place.
      .replace(/(?<=[村镇乡寨庄区])(村民|居民|人士)[\s\S]*$/, '')
      // "我是人和寨的老李 俺村有人…": the citizen's nickname after their village ends the place.
      .replace(/(?<=\p{Script=Han}{2})的(老|小)\p{Script=Han}(?![\p{Script=Han}]*(店|馆|铺|坊|厂|超市|摊))[\s\S]*$/u, '')
      .trim();

    // ("新郑火车站…住新华路街道": a landmark on several streets is not placed by the street the writer lives on.)
    const span = u.township.span;
    const engineTownship = span && RESIDENCE.test(text.slice(Math.max(0, span.start - 14), span.start)) ? null : u.township.value;
    const tw = best.townships.length === 1 ? best.townships[0]! : (engineTownship ?? townshipOf(clause));
    const ok = clause.length >= 2 && clause.includes(best.name) && isPlaceValue(clause);
    return { text: ok ? clause : placePhrase(text, best.index, best.name), township: tw };
  }
  const exact = TOWNSHIPS.find((t) => text.includes(t) && !RESIDENCE.test(text.slice(0, text.indexOf(t)).slice(-14)));
  if (exact) return { text: exact, township: exact };
  return { text: null, township: null };
}

/** A value fit to be stored as a place: short, one phrase, no story in it ("买了两袋牛奶，回家一看…"). */
export function isPlaceValue(s: string): boolean {
  const t = s.trim();
  if (t.length < 2 || t.length > 30) return false;
  if (/[，,。；;！!？?]/.test(t) && t.length > 14) return false;
  return !/了|一家|叫|括号|写着|写的|写哩|写嘞|[“”"'‘’「」『』]|发现|看见|回家|一看|[吃喝买卖点][的哩出到]|过期|发霉|变质|投诉|举报|我要|俺要|美团|饿了么|淘宝|拼多多|抖音|[?？]|虫|头发|异物|今天|昨天|前天/.test(
    t,
  );
}

/** The place phrase around a gazetteer mention: "前天在辛店镇街上的好又多超市买了…" → "辛店镇街上". */
export function placePhrase(text: string, index: number, name: string): string {
  let a = index;
  while (a > 0 && index - a < 10 && !/[在到去从于是住了的，,。；;！!？?\s:：]/.test(text[a - 1]!)) a--;
  let e = index + name.length;
  // ("实验小学门口小卖部": the place ends where the shop's word begins.)
  while (
    e < text.length &&
    e - index < 24 &&
    !/[的哩嘞买吃喝点卖有开做用看发上下里，,。；;！!？?\s]/.test(text[e]!) &&
    !/^(小卖部|小卖铺)/.test(text.slice(e)) &&
    !(/(门口|对面|旁边|隔壁|附近)$/.test(text.slice(index, e)) && /^(超市|饭店|饭馆|餐馆|商店|便利店)/.test(text.slice(e)))
  )
    e++;
  // "街上", "集上", "路边": keep the position words that belong to the place.
  if (/^[街集][上边]/.test(text.slice(e - 1))) e++;
  const tail = /^(街上|集上|路边|路口|村口|门口|北门|南门|东门|西门|对面|旁边|附近)/.exec(text.slice(e));
  if (tail) e += tail[0].length;
  const out = text
    .slice(a, e)
    .replace(/^(前天|昨天|今天|上周.|夜儿个|前儿个|早上|中午|晚上)+/, '')
    // "裴李岗村口那个好又多超市": the place ends where the business is pointed at.
    .replace(/(?<=.{2})(那个|这个|那家|这家|一家|有个|有家)[\s\S]*$/, '')
    .replace(/^[（(【[\s]+|[）)】\]\s]+$/g, '')
    .trim();
  return out.length >= 2 && isPlaceValue(out) ? out : name;
}

/** "住龙王乡政府家属院", "address: Room 503…", "地址：新华路街道…" → the citizen's own address. */
export function ownAddressOf(text: string): string | null {
  const m =
    /(?:住在?|家住|住址[:：]?|联系地址[:：]?|我的地址[:：]?|地址[:：]|(?<=[\d\s，,])地址(?!也)(?:是)?|(?:我|俺)家(?:就)?在|(?<=^|[，,。；;\s\d])家(?:就)?(?:在|住))\s*([^，。；;,\n]{2,60})/.exec(
      text,
    ) ??
    /(?:live (?:in|at)|living in|staying (?:in|at)|address[:：]?)\s*([^.;\n]{3,100})/i.exec(text) ??
    // "我是郭店镇华阳寨的", "俺是唐户村哩": where the citizen is from is where they live.
    /(?:我|俺)是([^，。；;,\s]{0,8}?(?:村|寨|庄|镇|乡|小区|社区|街道|[一二三四五六七八九十\d]组))(?:的|哩)(?![\p{Script=Han}]{0,3}(?:店|馆|超市|食堂|厂|老板|员工|学生|老师))/u.exec(
      text,
    );
  if (!m) return null;
  // Without punctuation the address ends where the next thing begins ("…三组我要求超市退货").
  const a = m[1]!
    .replace(
      /\s*(我要|我想|俺要|俺想|要求|电话|手机|我叫|俺叫|我是|上周|上个?礼拜|上个?星期|上个月|前几天|大前天|昨天|前天|今天|夜儿个|前儿个|今儿)[\s\S]*$/,
      '',
    )
    .trim();
  // Dictated without punctuation ("郭店镇五里堡 就这些 你们给处理一下吧"): a space ends the address unless what
  // follows goes on with it ("华阳寨 三组 12号").
  // (An address in English is words separated by spaces: "China South City Phase 2, Building 6".)
  if ((a.match(/[A-Za-z]+/g) ?? []).length >= 2 && !/\p{Script=Han}{2}/u.test(a)) return a.length >= 2 ? a.slice(0, 200) : null;
  const chunks = a.split(/\s+/);
  let kept = chunks[0] ?? '';
  for (const c of chunks.slice(1)) {
    if (c.length > 12 || !/^[\d一二三四五六七八九十百]|(号|组|楼|栋|单元|室|排|院|户|村|路|街|巷|庄|寨|小区|社区|门|层)$/.test(c)) break;
    kept += ` ${c}`;
  }
  return kept.length >= 2 ? kept : null;
}

/** "电话不给", "不想留电话", "手机号就不留了", "I'd rather not give my number": the phone refused. */
const PHONE_REFUSED =
  /(电话|手机|号码|手机号)[^，,。\d]{0,4}(不给|不留|不想给|不想留|不方便|不能给|就不留|就不给|算了)|(不|不想|不愿意?|不能|不方便|没法)(给|留|告诉)(你们?|恁)?(我|俺)?的?(电话|手机|号码|手机号)|rather not (give|share)|(won'?t|don'?t want to|not going to) (give|share|leave) (you )?(my )?(phone|number)/i;

/** A past time told by the market calendar ("上个集", "赶会那天"; not "逢集都来", "下个集"). */
export const MARKET_DAY =
  /^(?!.*(下(个|一)?(集|会)|每回|每次|逢集都))(?=.*(上(个|一)?(集|会)(?!体)|赶(集|会)(那天|的时候|那会儿?)|集上那天|上回赶集))/;

/** Checks a direct answer to `slot`; returns the value (null = "unknown" where allowed) or a problem. */
export type Answer<T> =
  | { ok: true; value: T }
  | {
      ok: false;
      problem:
        | 'unclear'
        | 'bad_phone'
        | 'phone_refused'
        | 'aside'
        | 'bad_name'
        | 'name_is_business'
        | 'bad_date'
        | 'bad_id'
        | 'short'
        | 'need_business'
        | 'need_where'
        | 'evidence_note'
        | 'business_is_place';
    };

/** "龙王集上东头那个卖肉哩，不知道叫啥" → "龙王集上东头那个卖肉哩": a description that can stand for the name. */
export function describedBusiness(input: string): string | null {
  // "没名儿，就是集东头卖香油哩摊，摊主姓孙": the clause that describes the seller.
  const cleaned = input.replace(
    /(木有|没有?|没得)(名儿?|名字|店名|招牌|牌子)|没挂(牌子|招牌)|没(啥|有)?(店|铺子?|门面|门头)(?=$|[\s，,。！!])/g,
    '',
  );
  const clauses = cleaned
    .split(/[，,。；;！!\n]|(?<=\p{Script=Han})\s+(?=\p{Script=Han})/u)
    .map((c) => c.trim())
    .filter((c) => c !== '');
  // ("一个骑三轮的 外地口音 天天赶集": a hawker known by the tricycle is described too.)
  const text = clauses.find((c) => /卖|摊|店|铺|馆|超市|厂|坊|饭|三轮|推车|小贩|商贩|货郎/.test(c)) ?? cleaned;
  const rest = text
    .replace(
      /(我|俺)?(也|都)?(不知道|不清楚|不晓得|记不清|没注意|没看清)(它|他家|他们)?(叫啥|叫什么|的?名字?|店名|叫啥名)?(了|哩|呀|啊)?/g,
      '',
    )
    .replace(/没(有)?(名字|招牌|店名)|don'?t know[^,.]*|no idea|not sure/gi, '')
    .replace(/^[\s，,。.]+|[\s，,。.]+$/g, '');
  // Dialect 哩 is the written 的 ("卖粉条哩" → "卖粉条的"); the seller's surname said beside is kept.
  const n = cleanName(rest)
    .replace(/^就是/, '')
    .replace(/^(一个|有个)(?=.{3})/, '')
    .replace(/哩(?=摊|店|$)/g, '的');
  if (n.length < 3 || n.length > 40 || ACT_MARKERS.test(n) || /[?？]/.test(n)) return null;
  if (!/卖|摊|店|铺|馆|超市|厂|坊|饭|家|三轮|推车|小贩|商贩|货郎|sell|shop|stall|restaurant|store/i.test(n)) return null;
  const surname = /(?:摊主|老板|店主|老头儿?|老太太?|男的|女的)?[^，。\s]{0,2}姓(?!名)(\p{Script=Han})/u.exec(input);
  return surname && !n.includes('姓') ? `${n}（摊主姓${surname[1]}）` : n;
}

/**
 * The business in an answer that says more ("就是孟庄镇集上那个卖肉的老刘，天天早上在那摆摊"): the first
 * clause, without the place it stands in (kept as the place) and the pointing words → "卖肉的老刘".
 */
export function businessClause(text: string, u: Understanding): string {
  const first = (
    text
      .replace(/(木有|没有?|没得)(名儿?|名字|店名|招牌)|不知道(叫啥|名字)/g, '')
      .split(/[，,。；;！!\n]|(?<=\p{Script=Han})\s+(?=\p{Script=Han})/u)
      .find((c) => c.trim() !== '') ?? text
  ).trim();
  let n = cleanName(first).replace(
    /^(他们?|她们?|它|他家|她家|那家|这家|店|厂|那个|这个)?(的)?(名字|店名|招牌上?)?(就)?(叫|是|叫做|写着?|写的是)\s*(?=.{2})/,
    '',
  );
  for (const p of [u.place.value, u.township.value]) {
    if (p && n.startsWith(p) && n.length - p.length >= 2) n = n.slice(p.length);
  }
  n = n.replace(
    /^(\p{Script=Han}{0,6}?(集上|市场里?|街上|路边|门口|对面|旁边|村里|村口|附近|里头|里边|里面|[东西南北]头|[东西南北]边))(?=.{2})/u,
    '',
  );
  return n.replace(/^(上|里|的|那个|那家|这个|这家|那|这)+/, '').trim() || cleanName(text);
}

/** A complaint's business nobody can name: filed as unnamed, with its place. */
export function unnamedBusiness(d: Draft): string {
  const where = d.where ?? d.township ?? null;
  return where ? `名称不详（${clipText(where, 60)}）` : '名称不详';
}

const clipText = (s: string, n: number) => (s.length > n ? s.slice(0, n) : s);

/** Words that place something ("往东走不远", "村口", "二楼", "挨着卫生室"): an answer made of them is a location. */
const PLACE_ANSWER =
  /(往|朝)[东西南北]|路[东西南北]|[东西南北](头|边|面|门|侧)|村口|路口|门口|十字|对面|对过|旁边|挨着|隔壁|那边|这边|附近|楼上|楼下|[一二三四五六七八九十\d]楼|进门|第[一二三四五六七八九十\d]+(个|家|间|排)|拐|不远|边上|后头|前头|院里/;

/** How a character is spelled out by voice: 木易杨, 弓长张, 耳东陈, 一帆风顺的帆, 文化的文. */
const SPELLED =
  /^(木易杨|弓长张|立早章|耳东陈|口天吴|双木林|古月胡|草头黄|三横王|言午许|禾口程|人可何|子小孙|走肖赵|文刀刘|木子李|双口吕|十八子李|月半胖)$/;
function spelledCharacter(p: string): boolean {
  if (SPELLED.test(p)) return true;
  const m = /^(\p{Script=Han}{1,6})的(\p{Script=Han})(字)?$/u.exec(p);
  return m !== null && (m[1] ?? '').includes(m[2] ?? '');
}

/** Evidence the citizen says they kept: a receipt, a medical record, the leftovers, a photo. */
export const EVIDENCE_KEPT =
  /(我|俺)(这儿|这里|手里|手上)?(有|留了|存了|拍了|截了)(截图|照片|视频|小票|发票|聊天记录|录音)|(单子|小票|发票|票据|单据|收据|病历|诊断|化验单|缴费单|剩下的|剩的|包装|袋子|瓶子|照片|视频|截图|聊天记录|订单)[^，。？?]{0,8}(留着|保留|还在|都在|有|存着|拍了|保存)|(留着|保留|存着|拍了)[^，。？?]{0,6}(单子|小票|发票|收据|病历|照片|视频|截图|剩下的|包装)|\bkept (the )?(receipt|bill|records?|leftovers|packag)|\b(have|got) (the )?(receipt|photos?|pictures?)/i;

/** "没名字，夜市上叫老味道卤肉" → 老味道卤肉, "没有名字，就是敬楼村刘家豆芽" → 刘家豆芽: the name used, after "no name". */
export function calledName(t: string): string | null {
  const afterNoName = t.replace(/^[^，,。]*?(没有?|木有|没得)(名字?儿?|店名|招牌|牌子)[^，,。\s]*[，,。\s]+/, '');
  if (afterNoName === t) return null;
  const clause = afterNoName.split(/[，,。；;\s]/)[0] ?? '';
  const calledThere = /^(?:\p{Script=Han}{1,4}(?:上|里)的?(?:人)?)?(?:都)?(?:叫|喊)(?:它|这店|那店)?(\p{Script=Han}{2,8})$/u.exec(
    clause,
  )?.[1];
  const family = clause.replace(/^(就是?|是)/, '').replace(/^\p{Script=Han}{1,4}?(村|庄|寨|集|镇|乡)(上|里|的)?/u, '');
  const named = calledThere ?? (/^[老小]?[^个一这那自大全农人我俺你他她咱]家(?!庭)\p{Script=Han}{1,4}$/u.test(family) ? family : undefined);
  return named && !/[我俺你他她]|不知道/.test(named) ? named : null;
}

/** "柠檬小镇": a shop brand ending in 小镇 is no town. */
const BRAND_TOWN = /小镇$/;

/** Bargaining over a reward's amount: "能保证给一万不", "多给点", "少于一万不干". */
export const REWARD_BARGAIN =
  /保证(给|能给|发)|(能|可以)?多给(点|些|一点)|少于[^，。？?]{0,4}[万千百]|给够|(至少|最少)(得)?(给)?[0-9一二三四五六七八九十两]+[万千百]|guarantee[^?]{0,20}(reward|yuan|amount)|(pay|give) (me )?more/i;

export function readAnswer(slot: Slot, text: string, u: Understanding, d: Draft, now: Date): Answer<unknown> {
  // "嗯，郭店镇陵后村", "我想想… 蜀香园火锅", "张金锁👌", "郭店北街，你记一下": the words around an answer are no
  // part of it (yes-or-no answers keep theirs: "好的" is the answer there).
  if (FILLER_READ.has(slot)) {
    const bare = withoutFillers(text, slot !== 'when');
    if (bare !== text.trim() && bare.length >= 1) return readAnswer(slot, bare, understand(bare, { now }), d, now);
  }
  const t = text.trim();
  switch (slot) {
    case 'description':
      // "不好意思刚才在开会 你接着问": an apology for the pause, not the story.
      if (
        /^(不好意思|抱歉|sorry)?[，,\s]*(刚才|刚刚)?[^，,。]{0,3}(在|去)?(开会|忙|上班|开车|吃饭|做饭|接孩子|送孩子)[^，,。]{0,4}[，,\s]*(你|您|恁)?(接着|继续)(问|说)?[!！。.~～]*$|^(你|您|恁)(接着|继续)问[!！。.~～]*$/i.test(
          t.trim(),
        )
      )
        return { ok: false, problem: 'aside' };
      // "俺孙女在郑州上班…她说让俺找恁 说恁这能管": who sent the citizen here, not what happened.
      if (
        /(让|叫)(俺|我)(来)?(找|问|给)(恁|你们|您)|说(恁|你们)(这|这儿|这里)?(能|会)?管/.test(t) &&
        !PROBLEM_WORDS.test(t) &&
        u.product.value === null &&
        !u.suspected_crime.value
      )
        return { ok: false, problem: 'aside' };
      // Asked for more of a story already told: "就是这个事", "没别的了" keeps the story as it is.
      if (
        d.description &&
        d.detailsWanted &&
        /^(就是?这(个|些|样)|没(别的|有别的|了|有了)|就这(样|些|么多)|that'?s (it|all)|nothing (else|more|to add)|no,? that'?s (it|all))|^(没有|没啥|没啥了|没啥补充的|没有要补充的|不用了?|no|nope|none)[。.!！]?$/i.test(
          t,
        )
      )
        return { ok: true, value: d.description };
      // More asked for a story already told: any few words add to it ("后厨用泔水油炸油条"), a repeat adds nothing.
      if (d.description && d.detailsWanted && t.length >= 4) return { ok: true, value: d.description.includes(t) ? d.description : t };
      return t.length >= 10 || (t.length >= 5 && (d.kind === 'consultation' || PROBLEM_WORDS.test(t)))
        ? { ok: true, value: t }
        : { ok: false, problem: 'short' };
    case 'business': {
      // "订单上有啊 蜀香麻辣烫": where the name is written, then the name.
      const onPaper =
        /^(订单|小票|单子|截图|发票|收据|外卖单|袋子|包装|app|APP|美团|饿了么)(上|里)?(有|写着|写的|写了|有写)(啊|呢|嘛|呀|哩)?[，,\s：:]+(?=\S)/.exec(
          t.trim(),
        );
      if (onPaper) return readAnswer(slot, t.trim().slice(onPaper[0].length), u, d, now);
      // "老郑家胡辣汤，后边括号写着郭店店": the branch in the app's brackets goes with the name.
      const branch = /^(.{2,16}?)[，,\s]*(?:后边|后面|后头)?(?:的)?括号(?:里)?(?:写着|写的是?|写哩|写嘞|是)\s*(\S{2,8}店)$/.exec(t.trim());
      if (branch) {
        const head = readAnswer(slot, branch[1]!, understand(branch[1]!, { now }), d, now);
        if (head.ok && typeof head.value === 'string') return { ok: true, value: `${head.value}（${branch[2]}）` };
      }
      // "他给了个卡片 上面写 老蜂农蜂业": what is written on a card, a sign or a bag is the name.
      const onCard =
        /(?:上面|上头|卡片上|名片上|牌子上|招牌上|门头上|袋子上|包装上|瓶子上|盒子上|箱子上|发票上|收据上|小票上|单子上)\s*(?:写(?:着|的是|的|了|嘞|哩)?|印(?:着|的是|的|了|嘞|哩)?)\s*[:：]?\s*[“"「]?(\S[^，,。！!？?]{1,20})/.exec(
          t,
        );
      // ("康膳餐厅 门口牌子写的康膳餐厅，小票上印的是郑州康膳餐饮管理有限公司": the name said first is the shop's; a
      // receipt's company is read only when no name comes before it.)
      const receipt = onCard !== null && /^(发票|收据|小票|单子)/.test(t.slice(onCard.index));
      if (onCard?.[1] && onCard[1].trim() !== t.trim() && !(receipt && hanBusiness(t.slice(0, onCard.index)) !== null))
        return readAnswer(slot, onCard[1].replace(/[”"」]$/, '').trim(), u, d, now);
      // "不知道店名，摊位牌子上就一个电话号码 138…": no name, but the number on the sign finds the business.
      const signPhone = saysUnknown(t) || /不知道(店名|名字|叫啥)|没(有)?(店名|名字)/.test(t) ? othersPhone(t) && findPhone(t) : null;
      if (signPhone) return { ok: true, value: `名称不详（招牌上的电话${signPhone}）` };
      // "同志，你刚才说嘞那个号我没记住，能不能再说一遍", "Sorry, can you write in English?": a question or a
      // request to the bot names no business.
      if (
        hanBusiness(t) === null &&
        quotedBusiness(t) === null &&
        (/能不能|可不可以|会不会|再说一遍|没记住|没听懂|看不懂/.test(t) ||
          (isEnglish(t) && /\?\s*$|^(sorry|can you|could you|please)\b/i.test(t.trim())) ||
          // "Also, is it really confidential? The boss knows all of us": a question, with no name said.
          (isEnglish(t) && /\?/.test(t) && !/\b(called|named|name is|it'?s|the (shop|restaurant|place) is)\b/i.test(t)))
      )
        return { ok: false, problem: 'unclear' };
      // "是个人，姓孙，在东郭寺集上摆摊卖菜": a private person with no shop — no business name ("个人" is none).
      if (/^(就|他|她)?(是)?(个人|个体户?|私人)(?=[，,。！!\s]|$)/.test(t.trim()) && quotedBusiness(t) === null)
        return { ok: true, value: null };
      // "哎等下" (what is left beside a question about the reward): a pause, not a name.
      if (/^(哎|诶|唉|啊|嗯)?\s*(等下|等一下|等等|稍等(一下)?|慢着|等会儿?)[!！。.,，\s]*$/.test(t.trim()))
        return { ok: false, problem: 'unclear' };
      // "他光逢集来": what the seller does, not what he is called.
      if (
        /^(他|她|他们|她们|他家|人家)(光|就|只|都|每|一般|经常|常|总|老|天天|也|还|在|不|没)/.test(t.trim()) &&
        hanBusiness(t) === null &&
        quotedBusiness(t) === null
      )
        return d.kind === 'report' ? { ok: true, value: null } : { ok: false, problem: 'unclear' };
      // "村里也没人管", "冬至前两天他们还要杀一大批": a complaint about nobody acting, or what they will do next — no name.
      if (
        (/(没人|没有人|也不)管|没人问|不管不问/.test(t) ||
          /(他|她|他们|她们|人家)(还|又|要|正|在|就|都)[^，。\s]{0,3}(杀|卖|做|拉|送|运|宰|灌|熬|炸)/.test(t)) &&
        hanBusiness(t) === null &&
        quotedBusiness(t) === null
      )
        return { ok: false, problem: 'unclear' };
      // "好多小学生买 吃了肚子疼的都有": who buys it and what befell them, not who sells it.
      if (
        /^(好多|很多|不少|一些|有的|许多|大多|都是)[^，,。\s]{0,6}(买|吃|喝|去|来|排队)/.test(t.trim()) &&
        hanBusiness(t) === null &&
        quotedBusiness(t) === null
      )
        return { ok: false, problem: 'unclear' };
      // "有奖励不": a question, with no name in it.
      // ("能快点不 我还要上课": the question first, then why.)
      if (
        t
          .trim()
          .split(/[\s，,。！!]+/)
          .some((c) => A_NOT_A.test(c)) &&
        hanBusiness(t) === null &&
        quotedBusiness(t) === null
      )
        return { ok: false, problem: 'unclear' };
      // "举报 不要钱 就叫你们查他": the kind said first is no part of the answer.
      const afterKind = t.trim().replace(/^(我要|俺要)?(举报|投诉|反映)[\s，,:：]+(?=\S)/, '');
      if (afterKind !== t.trim()) return readAnswer(slot, afterKind, u, d, now);
      // "不要钱 就叫你们查他": a wish about money or an order to act is no name.
      if (
        /^(不要|不用|不图|不稀罕)[^，,。\s]{0,3}(钱|奖励|赔)|^(钱|奖励|奖金|赔偿|赔钱)(的事)?(无所谓|不要|不用|算了|都行|要不要都行)|^(就|只)?(叫|让)(你们|恁)/.test(
          t.trim(),
        ) &&
        hanBusiness(t) === null
      )
        return { ok: false, problem: 'unclear' };
      // "这是小票和包装袋，我让我妈拍的" after a photo: a word about the evidence, not a name ("这是家家利超市的小票"
      // names the shop).
      if (
        /小票|包装|照片|图片|截图|视频|录像|拍的|拍了|病历|发票|收据/.test(t) &&
        /^(这是|这个是|这张是|这些是|那是|上面是|发的是|拍的是)|拍的|拍了|(我|俺)(让|叫)[^，,。]{0,4}拍/.test(t.trim()) &&
        hanBusiness(t) === null &&
        quotedBusiness(t) === null
      )
        return { ok: false, problem: 'evidence_note' };
      // "订单号是2201 3345 8890 1276，一共27块5": an order number (and its price) is no name.
      if (
        /^(订单号|订单编号|单号|order (no|number|#))|^[\d\s-]{10,}$/i.test(t.trim()) &&
        hanBusiness(t.replace(/^(订单号|订单编号|单号)(是|[:：])?/, '')) === null
      )
        return { ok: false, problem: 'unclear' };
      // "大概八百来块": an amount of money is no name.
      if (
        /^[^，,。]{0,12}?(\d+|[一二三四五六七八九十两百千万几]+)(来|多)?(块|元|块钱)(钱)?[吧啊呢]?$/.test(
          t.trim().replace(/^.*[，,]\s*/, ''),
        ) &&
        hanBusiness(t) === null
      )
        return { ok: false, problem: 'unclear' };
      // "电话是幺三九零三七…": a phone number said when the shop was asked is no name (it fills the phone).
      if (
        findPhone(t) &&
        t.replace(
          /(我的?|俺的?)?(电话|手机|号码|手机号)(号码)?(是|：|:)?|[\d幺一二三四五六七八九零〇两\s-]|听清(没|了吗|楚没)?|记下|[？?！!。，,]/g,
          '',
        ).length < 2
      )
        return { ok: false, problem: 'unclear' };
      // "我刚不是说了吗！发霉！": what was wrong, said again, is no name.
      const bareT = t.trim().replace(/[！!。.，,~～]+$/, '');
      if (
        bareT.length <= 6 &&
        PROBLEM_WORDS.test(bareT) &&
        !/店|超市|馆|厂|坊|摊|铺|行|部|楼|堂|园|家|记|号|中心|公司|食堂|市场/.test(bareT) &&
        hanBusiness(bareT) === null
      )
        return { ok: false, problem: 'unclear' };
      // "还是只能退钱": a wish or a question's tail is no name; nor is "举报！" said again.
      if (/^(还是|或者|只能|是不是)|^(退钱|退款|赔钱)|^((我|俺)?(要)?(举报|投诉|反映|实名|匿名)(的|吧)?[！!。，,\s]*)+$/.test(t.trim()))
        return { ok: false, problem: 'unclear' };
      // "俺厂食堂，马老板承包哩": the canteen of the writer's own workplace, and who runs it.
      const own = /^(?:俺|我|我们|俺们)(厂|公司|单位|学校|工地)(?:的|哩|里)?(食堂|伙房)/.exec(t);
      if (own) {
        const runner = /(\p{Script=Han}老板|\p{Script=Han}经理|\p{Script=Han}师傅)(?:承包|开|管)/u.exec(t);
        return { ok: true, value: `${own[1]}${own[2]}${runner ? `（${runner[1]}承包）` : ''}` };
      }
      // "养鸡场不知道叫啥，拉鸡的车上写着老韩烧鸡", "摊上写着老赵鲜肉": the name read off a sign or a van is the name.
      const written = signBusiness(t);
      if (written) return { ok: true, value: written };
      if (saysUnknown(t)) {
        // "没名字，就是个推车，车上写着“秘制凉皮”四个红字": the words in quotes are the name.
        const inQuotes = quotedBusiness(t) ?? /[“"「]([\p{Script=Han}]{2,10})[”"」]/u.exec(t)?.[1] ?? null;
        // "'鲜肉批发'的牌子": a sign saying what is sold is no name.
        if (
          inQuotes &&
          !ACT_MARKERS.test(inQuotes) &&
          !PROBLEM_WORDS.test(inQuotes) &&
          !looksLikePlace(inQuotes) &&
          !/批发|零售|直销|特价|专卖$/.test(inQuotes)
        )
          return { ok: true, value: inQuotes };
        // "没店名，就是俺邻居，叫王老三", "没店名，是俺庄上嘞马二孬": no shop, a person named — the person is who is reported.
        // ("院里堆哩都是羊皮": what is piled there, not who.)
        const person =
          /(?<![都全也还净])(?:叫|是|就是)\s*(?:俺|我)?(?:邻居|庄上|村里|村上|村东头|村西头)?(?:嘞|的|哩)?\s*(\p{Script=Han}{2,4})[。！!]?$/u.exec(
            t.trim(),
          );
        // "流动厨师老马那一伙，没有店名": a banquet cook is who is reported.
        const cook = /(?:厨师|厨子|大厨)\s*((?:老|小)\p{Script=Han}|\p{Script=Han}{2,3}?)(?=那|的|哩|嘞|一伙|[，,\s]|$)/u.exec(t);
        if (cook && (d.kind === 'report' || d.kind === 'both') && SINGLE_SURNAMES.has(cook[1]!.replace(/^[老小]/, '')[0]!))
          return { ok: true, value: cook[1]! };
        // "就是老孙 孙二旦": the seller's nickname and name in a row; the full name last.
        const spaced = /(?<![都全也还净])(?:叫|是|就是)\s*([\p{Script=Han}\s]{2,14})[。！!]?$/u.exec(t.trim());
        const lastName = spaced?.[1]
          ?.trim()
          .split(/\s+/)
          .reverse()
          .find(
            (n) =>
              n.length >= 2 &&
              n.length <= 4 &&
              SINGLE_SURNAMES.has(n.replace(/^[老小大]/, '')[0] ?? '') &&
              // ("门头是红的": a colour, not a name.)
              !/[的哩嘞了]$/.test(n) &&
              !/[我俺你他她]|邻居|不知道/.test(n),
          );
        if (
          lastName &&
          /\s/.test(spaced?.[1]?.trim() ?? '') &&
          (d.kind === 'report' || d.kind === 'both') &&
          !/(老板|店主|负责人|老板娘|厂长)(?:叫|是|姓)?\s*[^\s]*$/.test(t.slice(0, spaced!.index + 2))
        )
          return { ok: true, value: lastName };
        // "老板叫孙红旗": the boss of a shop with no name is not the shop.
        const boss = person ? /(老板|店主|负责人|老板娘|厂长)(?:叫|是|姓)?\s*$/.test(t.trim().slice(0, person.index + 1)) : false;
        if (person && !boss && (d.kind === 'report' || d.kind === 'both')) {
          const n = person[1]!;
          const bare = n.replace(/^[老小大]/, '');
          if (SINGLE_SURNAMES.has(bare[0]!) && !/[我俺你他她]|邻居|不知道/.test(n)) return { ok: true, value: n };
        }
        // "不知道叫啥，就是个姓周的，人都叫他周老三": the name people call the seller by.
        const called =
          /(?:都|人家|大家|俺们|我们|村里人?|庄上|集上|街上|周围人?|附近人?)(?:都)?(?:叫|喊)(?:他|她)\s*(\p{Script=Han}{2,4}?)(?=[\s，,。]|$|哩|的)/u.exec(
            t,
          );
        if (called && !/[我俺你他她]/.test(called[1]!)) return { ok: true, value: called[1]! };
        // "没招牌 俺们都叫二妮小卖部": the name the village uses for the shop.
        const shopCalled = /(?:都|人家|大家|俺们|我们|村里人)叫(?:它|这店|那店)?\s*(\p{Script=Han}{2,8}?)(?=[\s，,。]|$|哩|的)/u.exec(t);
        // "俺们都叫老憨家": a household known by its nickname is a name too.
        if (
          shopCalled &&
          (BIZ_SUFFIX.test(shopCalled[1]!) || /^[老小]\p{Script=Han}{1,2}家$/u.test(shopCalled[1]!)) &&
          !/[我俺你他她]/.test(shopCalled[1]!)
        )
          return { ok: true, value: shopCalled[1]! };
        // "没名字，夜市上叫老味道卤肉", "没有名字，就是敬楼村刘家豆芽": what it is called, after the "no name".
        const named = calledName(t);
        if (named) return { ok: true, value: named };
        // "闫老板的羊场 没名字": whose place it is stands for the name, in a report too.
        const whose =
          /^(?:就是?)?((?:\p{Script=Han}老板|老\p{Script=Han}|\p{Script=Han}{1,2}家)(?:的|哩)?\p{Script=Han}{0,4}(?:场|厂|坊|店|铺|摊|馆|作坊|院))(?=[\s，,。]|$)/u.exec(
            t.trim(),
          );
        if (whose && d.kind === 'report') return { ok: true, value: whose[1]!.replace(/哩/g, '的') };
        // A complaint names the business (Art. 10): a description will do; the second "不知道" files it unnamed.
        if (d.kind !== 'complaint' && d.kind !== 'both') return { ok: true, value: null };
        const desc = describedBusiness(t);
        if (desc) return { ok: true, value: desc };
        if (d.businessUnknownOnce) return { ok: true, value: unnamedBusiness(d) };
        return { ok: false, problem: 'need_business' };
      }
      // "摊子上挂着'刘记鲜肉'的牌子": a name in quotes beside a sign is the name.
      const quoted = quotedBusiness(t);
      if (quoted) return { ok: true, value: quoted };
      // "平台上看不到营业执照": something about the shop's licence, not its name.
      if (/营业执照|许可证|执照|看不到|找不到|查不到/.test(t) && hanBusiness(t) === null && quotedBusiness(t) === null)
        return { ok: false, problem: 'unclear' };
      // "这还用问？就那个蜀香麻辣烫啊，工程学院南门那家": the one pointed at is the name; where it is comes after.
      const thatOne = /(?:就是?|是)那(?:个|家)(\p{Script=Han}{2,8}?)(?:啊|呀|嘛|吧|呗)?(?:[，,。！!\s]|$)/u.exec(t)?.[1];
      if (
        thatOne &&
        hanBusiness(t) === null &&
        !/叫/.test(t) &&
        tidyBusiness(thatOne) !== null &&
        !looksLikePlace(thatOne) &&
        !/[我俺你他她]|店$|家$|讲座|活动|会$/.test(thatOne)
      )
        return { ok: true, value: thatOne };
      // "而且这家店好像没证": more of the story, not a name.
      if (/^(而且|并且|还有|另外|再说|况且)/.test(t) && hanBusiness(t) === null) return { ok: false, problem: 'unclear' };
      // The place-like answer given again ("柠檬小镇" twice): the citizen insists it is the name.
      if (d.businessUnknownOnce && d.where && t === d.where.trim() && /^\p{Script=Han}{2,12}$/u.test(t)) return { ok: true, value: t };
      // "小乔村的", "华阳寨那边": only a place — a report goes on without a name, a complaint asks once more.
      // ("柠檬小镇", "茶里小镇": a shop's brand, no town.)
      if (
        !BRAND_TOWN.test(t) &&
        /^(就|在|就在|是)?\p{Script=Han}{1,6}(村|庄|寨|镇|乡|集|街|路|社区)(的|哩|那|那边|那块|那儿|那里)?$/u.test(t) &&
        !BIZ_SUFFIX.test(t.replace(TOWNSHIPS_WITH_DIAN, ''))
      ) {
        if (d.kind === 'report') return { ok: true, value: null };
        if (!d.businessUnknownOnce) return { ok: false, problem: 'business_is_place' };
      }
      // "海之鲜水产, stall B2-117": the Chinese name in an English answer is the name.
      // (English words around it, not slang like "xswl" in a Chinese message.)
      const hanInEnglish =
        isEnglish(t) || /\b(stall|shop|store|restaurant|booth|unit|called|named|the|at|in|on|near|branch)\b/i.test(t)
          ? /^[^\p{Script=Han}]*(\p{Script=Han}{2,12})/u.exec(t)?.[1]
          : undefined;
      const ubRaw = u.business.value?.replace(NAME_FILLER, '') ?? null;
      const ub = ubRaw && NOT_A_NAME.test(ubRaw) ? null : ubRaw;
      // "It's called Crispy Kingdom, 脆皮王国 in Chinese": both names are kept, the Chinese one first.
      const bothNames = (han: string): string => {
        const latin = latinBusiness(t);
        return latin && /^[\x20-\x7e]+$/.test(latin) && !han.includes(latin) ? `${han}（${latin}）` : han;
      };
      if (hanInEnglish && hanBusiness(t) === null && (ub === null || /^[\x20-\x7e]+$/.test(ub)))
        return { ok: true, value: isEnglish(t) ? bothNames(hanInEnglish) : hanInEnglish };
      if (ub && ub.length >= 2 && !QUESTION_NOT_NAME.test(ub)) return { ok: true, value: ub };
      // "卖肉哩 都叫他赵胖子": the name people call the seller by.
      const nick =
        /(?:都|人家|大家|俺们|我们|村里人?|庄上|集上|街上|周围人?|附近人?)(?:都)?(?:叫|喊)(?:他|她)\s*(\p{Script=Han}{2,4}?)(?=[\s，,。]|$|哩|的)/u.exec(
          t,
        );
      if (nick && !/[我俺你他她]/.test(nick[1]!)) {
        // "老赵肉摊，摊上没挂牌，集上都喊他赵胖子": a stall's name said first wins over the seller's nickname.
        const firstName = hanBusiness(t.split(/[，,。；;\s]/)[0] ?? '');
        return { ok: true, value: firstName ?? nick[1]! };
      }
      // English: a Chinese name in the answer ("Chuanweixuan (川味轩)", "the place is called 老张面馆") is the name.
      if (isEnglish(t)) {
        // "The app shows 兰州牛肉拉面 (Huanan City branch)": Chinese words in an English answer to this question are the name.
        const han =
          hanBusiness(t) ??
          /[（(]\s*(\p{Script=Han}{2,12})\s*[)）]/u.exec(t)?.[1] ??
          latinBusiness(t) ??
          /(\p{Script=Han}{2,12})/u.exec(t)?.[1];
        if (han) return { ok: true, value: /\p{Script=Han}/u.test(han) ? bothNames(han) : han };
      }
      // "华南城二期美食街那边，二楼", "就在东郭寺村委会后头那个院里": where it is, not what it is called. The second
      // time the place stands for the name (a report goes on without one).
      if (
        (PLACE_ANSWER.test(t) || /^(在|就在|是在)/.test(t)) &&
        // A short answer: a longer one is more of the story ("村东头铁皮房里有人偷偷做辣条…").
        t.length <= 24 &&
        !PROBLEM_WORDS.test(t) &&
        hanBusiness(t) === null &&
        // "辛店镇上，…": a township's 店 is no shop word.
        !BIZ_SUFFIX.test((t.split(/[，,\s]/)[0] ?? '').replace(TOWNSHIPS_WITH_DIAN, ''))
      ) {
        // A report goes on without a name (the place is kept); a complaint asks once more.
        if (d.kind === 'report') return { ok: true, value: null };
        if (!d.businessUnknownOnce) return { ok: false, problem: 'business_is_place' };
        return { ok: true, value: describedBusiness(t) ?? unnamedBusiness(d) };
      }
      // A place where the name was asked ("在犁河镇绰刘村北头"): kept as the place below; a report goes on without a name.
      if (/^(在|就在|是在|住在?)/.test(t) && !BIZ_SUFFIX.test(t.replace(/^(在|就在|是在)/, '').split(/[，,\s]/)[0] ?? '')) {
        if (d.kind === 'report') return { ok: true, value: null };
        return { ok: false, problem: 'need_business' };
      }
      // A date is no name ("上周五" sent for the business): it is kept as the date below.
      if (parseIncidentDate(t, now) && t.length <= 8) return { ok: false, problem: 'unclear' };
      // "就小区门口那个超市，叫啥来着，好又多": the name remembered at the end.
      const remembered = /叫(?:啥|什么|个啥)(?:来着|名)?[，,\s…。]*(\p{Script=Han}{2,10})[。！!]?$/u.exec(t)?.[1];
      if (remembered && !PLACE_ANSWER.test(remembered) && !/[我俺你他她]|不知道|忘了|想不起/.test(remembered))
        return { ok: true, value: remembered };
      // "我在厂里干活，厂里就十来个人": the writer's own place in it, no answer about its name.
      if (/^(我|俺)(们)?(就|也)?(在|是)[^，,。]{0,8}(干活|上班|打工|工作|做事|干过)/.test(t.trim()) && hanBusiness(t) === null)
        return { ok: false, problem: 'unclear' };
      const n = businessClause(t, u);
      // "华阳寨那有个厂": a shop counted, not named.
      const counted =
        /^(?:有个|有家|一个|一家|那个|那家|这个|这家)?([厂店铺坊馆摊]|作坊|饭店|超市|小卖部)$/.test(n) && !/[，,。；;\s]/.test(t.trim());
      if (counted && d.kind === 'report') return { ok: true, value: null };
      if (counted && !d.businessUnknownOnce) return { ok: false, problem: 'need_business' };
      // "就村里那个代销点": a kind of shop, no name; a report goes on without one.
      if (
        d.kind === 'report' &&
        n.length >= 2 &&
        tidyBusiness(n) === null &&
        !/[?？]/.test(n) &&
        /店|铺|摊|部|馆|厂|坊|超市|食堂|点|场|家/.test(n)
      )
        return { ok: true, value: null };
      // A yes, a no or a shrug ("随便", "中", "没啥") names nothing.
      if ((n.length <= 3 && parseYesNo(n) !== null) || /^(随便|都行|无所谓|没啥|没有|不用|算了|whatever|any)/i.test(n))
        return { ok: false, problem: 'unclear' };
      // A place is not a business ("新华路街道", "梨河镇梨河村"): it is kept as the place instead.
      if (
        ((/^\p{Script=Han}{1,8}(路|街|村|镇|乡|街道|小区)$/u.test(n) || /\d+号$/.test(n)) && !BIZ_SUFFIX.test(n) && !BRAND_TOWN.test(n)) ||
        // "薛店镇", "辛店镇": a township whose name holds a shop word is still a place.
        (TOWNSHIPS as readonly string[]).includes(n)
      )
        return { ok: false, problem: 'unclear' };
      // "就卖卤肉那个老孙家", "老孙家": a family's shop named by the family.
      const family = /(?:^|那个|那家|就是?)(老?[\p{Script=Han}]家)$/u.exec(n);
      if (family && plausibleName(family[1]!.replace(/^老/, '').replace(/家$/, '') + '某')) return { ok: true, value: family[1]! };
      // A clause of a sentence is no name ("天天都做", "一直这样", "他家卖了好几年了").
      if (
        !BIZ_SUFFIX.test(n) &&
        !/^(卖|做|开|炸|烤|蒸|煮|杀)\p{Script=Han}{0,5}的\p{Script=Han}{1,4}$/u.test(n) &&
        /都|了|吧|呢|啊|嘛|天天|每天|一直|经常|总是|老是|好几|不少|很多|做|卖|弄|搞|说|没(生病|事|吃|喝|有)|不敢|不想|不让|生病|饿着|饿肚子|个事|件事|事情|这事|那事|还在|正在|没生产|没厂|没日期|吐|拉肚|疼/.test(
          n,
        )
      )
        return { ok: false, problem: 'unclear' };
      if (
        n.length < 2 ||
        n.length > 40 ||
        ACT_MARKERS.test(n) ||
        /[?？]|吗$|你们|我|俺|看下|看看|发了|图片|照片|截图|\p{Extended_Pictographic}/u.test(n) ||
        /\b(I|my|we|you|know|remember|the name|sorry|thanks?|hi|hello|well|actually|wait|who|what|where|how|why|is|are|responsible)\b/i.test(
          n,
        ) ||
        /恁|你|管不管|咋|啥|怎么|这么多|那么多|^问|[吗呢嘛]$|多长时间|多久|啥时候|什么时候|有个信|信儿|能不能|可不可以|才能/.test(n)
      )
        return { ok: false, problem: 'unclear' };
      // "四十八一斤哩 这不是坑人吗", "胶囊还剩半盒", "他那人可横": a price, the evidence or the man, not a name.
      if (
        /[一二三四五六七八九十两\d]+(块|元|毛|斤|一斤|克|瓶|盒|袋|箱)|剩|留着|化验|可横|打(俺|我)|报复|找人/.test(n) &&
        !BIZ_SUFFIX.test(n)
      )
        return { ok: false, problem: 'unclear' };
      return { ok: true, value: n };
    }
    case 'where': {
      if (saysUnknown(t)) {
        // "不知道 发货地写的内蒙古": what the citizen does know is the place.
        const known = t
          .replace(/^(我|俺)?(也|真)?(不知道|不清楚|不晓得|不记得|记不清|没注意)(在哪|是哪|地址|具体)?(了|哩|呀|啊)?/, '')
          .replace(/^[\s，,。.]+/, '')
          .trim();
        if (known.length >= 3 && (looksLikePlace(known) || /发货|寄|快递|省|市|县/.test(known)) && !ACT_MARKERS.test(known))
          return { ok: true, value: cleanName(known) };
        // A complaint is filed with the business's address (Art. 10): asked once more, in other words.
        if ((d.kind === 'complaint' || d.kind === 'both') && !d.township && !onlinePlatform(d) && !d.whereUnknownOnce)
          return { ok: false, problem: 'need_where' };
        if ((d.kind === 'complaint' || d.kind === 'both') && !d.township && !onlinePlatform(d)) return { ok: true, value: '地址不详' };
        return { ok: true, value: null };
      }
      if (t.length < 2 || t.length > 200 || ACT_MARKERS.test(t) || /[?？]$/.test(t)) return { ok: false, problem: 'unclear' };
      // "Do I need the clinic receipt? I have it.": a question with no place in it.
      if (
        /[?？]/.test(t) &&
        !looksLikePlace(t) &&
        townshipOf(t) === null &&
        !/\b(road|street|lane|avenue|village|town|campus|market|mall|gate)\b|[路街村镇乡号巷]/i.test(t)
      )
        return { ok: false, problem: 'unclear' };
      // "千万别说是村里人举报的": a wish about the reporter, not a place.
      // "恁别跟他说是俺告哩啊": the same wish in dialect.
      if (/(举报|反映|投诉|告)(的|哩|嘞)|别(跟[^，,。\s]{1,3})?说|保密|匿名/.test(t) && townshipOf(t) === null)
        return { ok: false, problem: 'unclear' };
      // "照片是今天早上在后门拍的 箱子上日期能看清": a word about the evidence, not where the shop is.
      // "医院的单子我都留着": the evidence kept (noted with the story by the conversation), not a place.
      if (EVIDENCE_KEPT.test(t) && !/照片|图片|截图|视频|录像|拍/.test(t) && townshipOf(t) === null && !/[路街村镇乡号巷]/.test(t))
        return { ok: false, problem: 'unclear' };
      if (/照片|图片|截图|视频|录像|拍的|拍了|拍到/.test(t) && townshipOf(t) === null && !/[路街村镇乡号巷]/.test(t))
        return { ok: false, problem: 'evidence_note' };
      // "网上买的，发货地址写的是内蒙古": bought online, the shop's place is the platform (and where it ships from).
      if (/^(是|就是|我是|俺是)?(在)?(网上|网购|线上|直播间|抖音|快手|淘宝|天猫|拼多多|京东|美团|饿了么|小程序|微信群|朋友圈)/.test(t))
        return { ok: true, value: cleanName(t).slice(0, 100) };
      if (!looksLikePlace(t) && !/[a-z]{3}/i.test(t)) return { ok: false, problem: 'unclear' };
      // "王丽 13803712345 住新建路…" is who the citizen is and where they live (kept for those), not the shop's place.
      if (/1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}/.test(t) || /(^|[\s，,])(住在?|家住|我住|俺住)/.test(t)) return { ok: false, problem: 'unclear' };
      return { ok: true, value: cleanName(t).replace(/^(就在|在|就是在|是在)\s*(?=.{2})/, '') };
    }
    case 'when': {
      // "Last Wednesday evening, sorry, I mean this Wednesday, Dec 2", "上周三，不对，是周四": the date said after
      // the slip.
      const slips = [...t.matchAll(/sorry|i mean|actually|no wait|不对|说错了|哦不|记错了|应该是|准确(地)?说/gi)];
      const lastSlip = slips[slips.length - 1];
      if (lastSlip?.index !== undefined) {
        const tail = t.slice(lastSlip.index + lastSlip[0].length);
        // "上个礼拜天……不对，礼拜天是回门，席是礼拜六": the day of the meal, in the week first said.
        const head = t.slice(0, lastSlip.index);
        const fixed = correctedDay(tail, parseIncidentDate(head, now), now) ?? englishDate(tail, now);
        if (fixed) return { ok: true, value: fixed };
      }
      // "他们是上个月中旬来的，天天讲，我是上礼拜五下午去听的那一场": among several times, the one the citizen
      // was there for.
      const dated = t
        .split(/[，,。；;]/)
        .map((c) => ({ c, date: parseIncidentDate(c, now) }))
        .filter((x) => x.date !== null);
      if (new Set(dated.map((x) => x.date)).size > 1) {
        // "十一月初去的就一直这样，最近一次看见送油是上周五": the last time seen is the day.
        const last = dated.find((x) => /最近一次|最后一次|最近那次|最近的一次|上一次|最近一回|最后一回/.test(x.c));
        if (last?.date) return { ok: true, value: last.date };
        const own = dated.find((x) => /(我|俺)[^，,。]{0,3}(是|也)?[^，,。]{0,8}(去|看|买|吃|听|碰|遇|发现|见|喝|点)/.test(x.c));
        if (own?.date) return { ok: true, value: own.date };
      }
      // "最近两周天天这样 昨晚还改了": going on all the time, and the last time is a day.
      // "这个礼拜天天都有，本周三我去听了一回": the clause with a day gives it.
      const lastTime = ONGOING.test(t)
        ? (u.incident_time.value?.date ?? parseIncidentDate(t, now) ?? dated[dated.length - 1]?.date ?? null)
        : null;
      if (lastTime) return { ok: true, value: lastTime };
      // "她记不清了，小票上是12月1号": the day read off a receipt, an order or a record, whatever memory says.
      const recorded = dated.find(
        (x) => /小票|票上|订单|单子|记录|付款|发票|收据|截图|聊天|receipt|order/i.test(x.c) && !/保质期|有效期|到期|过期/.test(x.c),
      );
      if (recorded?.date) return { ok: true, value: recorded.date };
      // "就现在！我刚路过看见的": happening as they write — today.
      if (
        /^[\s！!，,]*(就是?|是|就在)?(现在|此刻|这会儿?|眼下|正在|此时)(?!.{0,6}(记不|不记得|想不起))|^\s*(right )?now\b|\bright now\b|\bhappening now\b/i.test(
          t,
        )
      )
        return { ok: true, value: parseIncidentDate('今天', now) };
      if (
        saysUnknownDate(t) ||
        // "上个集", "赶会那天": a market day, which the officer can work out — no day here (kept with the story).
        (MARKET_DAY.test(t) && parseIncidentDate(t, now) === null) ||
        // "大概半个月前吧，记不太清了": a rough time the citizen is not sure of is no day ("昨天吧，记不太清几点" is).
        roughAndUnsure(t) ||
        // Going on all the time ("天天都做", "一直这样"): no one day to give.
        ONGOING.test(t) ||
        (saysUnknown(t) && !/名字|叫啥|叫什么|店名|招牌|name/i.test(t)) ||
        /don'?t remember|not sure|can'?t remember/i.test(t)
      )
        return { ok: true, value: null };
      const date = (u.incident_time.value?.date ?? null) || parseIncidentDate(t, now) || englishDate(t, now);
      return date ? { ok: true, value: date } : { ok: false, problem: 'bad_date' };
    }
    case 'request': {
      // "退款 别的算了": only the refund; the shrug at the end is no part of the request. Slips mended ("按十倍陪").
      const t = fixTypos(text)
        .trim()
        .replace(/[，,。\s]*(别的|其他的?|其它的?|其余的?)(就|都)?(算了|不要了|不用了|无所谓|不要)[。!！]*$/, '')
        .trim();
      // "要不要先去医院啊，她又吐了": a question beside how someone is, no request. The clauses that ask nothing
      // are what could answer.
      const plain = t
        .split(/(?<=[，,。！!？?])/)
        .filter((c) => !/[?？]|吗|要不要|能不能|可不可以|怎么|咋/.test(c))
        .join('')
        .trim();
      if (plain !== t && plain.length < t.length) {
        if (plain.length < 2) return { ok: false, problem: 'unclear' };
        if (!REQUEST_WORDS.test(plain)) return { ok: false, problem: 'unclear' };
      }
      const r = requestOf(u, t);
      // The answer to "怎么处理" is the request in the citizen's words, all of it when it is short.
      if (r) return { ok: true, value: r.length > t.length || (t.length <= 60 && !findPhone(t)) ? t : r };
      if (t.length < 2 || ACT_MARKERS.test(t)) return { ok: false, problem: 'short' };
      // A question is not a request ("投诉完了大概多久能有结果？").
      if (/[?？]\s*$|吗\s*$|多久|怎么办/.test(t)) return { ok: false, problem: 'unclear' };
      // A date, a phone number or a place is not a request (an answer to an earlier question).
      if (parseIncidentDate(t, now) || findPhone(t) || (townshipOf(t) && t.length < 12)) return { ok: false, problem: 'unclear' };
      // What the citizen wants done, or that they want nothing: "现在好点了" (how they feel) is neither.
      // "孩子喝了倒是没啥事，就是心里膈应": how they are, not what they want ("没啥事" is no "没啥要求").
      if (!REQUEST_WORDS.test(t.replace(/没(啥|什么|有)(事|毛病|问题|大碍)|(倒是|就是|但是)/g, '')))
        return { ok: false, problem: 'unclear' };
      return { ok: true, value: t.slice(0, 1000) };
    }
    case 'anonymous': {
      const a = parseAnonymous(t);
      if (a !== null) return { ok: true, value: a };
      // "俺叫王秀兰": giving one's name when asked whether to stay anonymous is reporting by name.
      const named = /^(?:我|俺|本人)(?:叫|是|姓名是?|名字叫)\s*(\p{Script=Han}{2,4})[。.!！]?$/u.exec(t.trim())?.[1];
      if (named && plausibleName(named)) return { ok: true, value: false };
      return { ok: false, problem: 'unclear' };
    }
    case 'name': {
      // "王建国 13812345678": the name with the phone (the phone is taken from the same message).
      const ph = findPhone(t);
      if (ph) {
        const rest = t
          .replace(/[\d\s\-—－]{7,}/g, ' ')
          .replace(/(电话|手机|手机号|号码)(是|：|:)?/g, ' ')
          .replace(/[，,。;；\s]+/g, ' ')
          .trim();
        if (rest && rest !== t) return readAnswer(slot, rest, u, d, now);
      }
      // "为啥要实名？……行吧，刘振宇": the name given after giving in.
      const givenIn = /(?:行吧|好吧|那好|那行|中吧|给你|算了)[，,\s…。.]*(?:我叫|俺叫|我是|俺是)?(\p{Script=Han}{2,4})[。.!！]?$/u.exec(
        t,
      )?.[1];
      if (givenIn && plausibleName(givenIn)) return { ok: true, value: givenIn };
      // "委托人赵丽娜，代理人孙明远律师": a complaint made for someone is in that person's name.
      const principal = /(?:委托人|当事人|投诉人|申请人)(?:是|为|[:：])?\s*(\p{Script=Han}{2,4}?)(?:女士|先生)?(?=[，,。；;\s]|$)/u.exec(
        t,
      )?.[1];
      if (principal && plausibleName(principal)) return { ok: true, value: principal };
      // "王大海（大小的大，海洋的海）": how the characters are written is no part of the name.
      if (/[（(][^（）()]*[）)]/.test(t)) {
        const bare = t.replace(/[（(][^（）()]*[）)]/g, ' ').trim();
        if (bare && bare !== t) return readAnswer(slot, bare, u, d, now);
      }
      // "俺叫刘老四 大名刘福": the formal name over the nickname.
      const formal = /大名(?:叫|是)?\s*(\p{Script=Han}{2,4}?)(?=[，,。\s]|$)/u.exec(t)?.[1];
      if (formal && plausibleName(formal)) return { ok: true, value: formal };
      // "叫我 孙 丽": the lead-in, then the name.
      if (/^(叫我|我叫|俺叫)\s+\S/.test(t)) return readAnswer(slot, t.replace(/^(叫我|我叫|俺叫)\s+/, ''), u, d, now);
      // English: "real name? ok, Zhang Wei", "My name is Li Na, L-I N-A".
      if (isEnglish(t)) {
        const en = /(?:name is|i'?m|i am|^ok,?|^okay,?|,)\s*([A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,2})\b/.exec(t)?.[1];
        if (en && plausibleName(en)) return { ok: true, value: en };
      }
      // "冯建设，都叫俺冯老三": the name first, then more about it.
      const lead = /^(?:我叫|俺叫|我是|俺是)?(\p{Script=Han}{2,4})[，,。\s]/u.exec(t)?.[1];
      if (lead && plausibleName(lead) && !/^(我|俺)/.test(lead)) return { ok: true, value: lead };
      // "你先别问名字了 孩子还在吐！！张慧": the name said last, after what was on the citizen's mind.
      const lastPart = /[！!。，,…\s]\s*(\p{Script=Han}{2,4})[。.!！]?$/u.exec(t)?.[1];
      if (lastPart && plausibleName(lastPart) && !/名字|姓名|的/.test(lastPart) && !spelledCharacter(lastPart))
        return { ok: true, value: lastPart };
      // "姓杨 杨帆 木易杨 一帆风顺的帆": the surname said and the characters spelled out around the name.
      const parts = t.split(/[\s，,。;；、]+/).filter(Boolean);
      if (parts.length >= 2) {
        const kept = parts.filter((p) => !/^(我|俺)?姓\p{Script=Han}{1,2}(的)?$/u.test(p) && !spelledCharacter(p));
        if (kept.length === 1 && kept[0] !== undefined && kept.length < parts.length) return readAnswer(slot, kept[0], u, d, now);
      }
      // "韩 雪", "王 建 国": typed with spaces between the characters.
      if (/^[\p{Script=Han}\s]{2,12}$/u.test(t) && /\s/.test(t)) return readAnswer(slot, t.replace(/\s+/g, ''), u, d, now);
      // "我姓张，叫张大力": the name after 叫 in the last clause.
      const said = /(?:叫|是|名字是|姓名[:：]?)\s*(\p{Script=Han}{2,4})[。.!！]?$/u.exec(t)?.[1] ?? null;
      const n = (u.identity.value.name ?? (/[，,]/.test(t) ? said : null) ?? t)
        .replace(/^(我叫|我是|俺叫|俺是|叫|姓名[:：]?|my name is|i am|i'm)\s*/i, '')
        .replace(/[。.!！]+$/, '')
        .trim();
      if (n.length < 2 || n.length > 50 || /\d/.test(n) || /[?？，,]/.test(n) || ACT_MARKERS.test(n) || !plausibleName(n))
        // "老刘卤肉" when the name was asked: the business again, not the citizen.
        return {
          ok: false,
          problem:
            hanBusiness(n) !== null ||
            BIZ_SUFFIX.test(n) ||
            /卤|超市|烧烤|火锅|奶茶|蛋糕|面包|凉皮|饺子|包子|烩面|麻辣烫|食品|小吃|快餐|酒家|饭庄/.test(n)
              ? 'name_is_business'
              : 'bad_name',
        };
      return { ok: true, value: n };
    }
    case 'phone': {
      const p = findPhone(t) ?? PhoneSchema.safeParse(t).data ?? null;
      if (p) return { ok: true, value: p };
      // "62695517 家里座机": a local landline of eight digits, dialled in 新郑 without its area code (0371).
      const local = /(?<![\d-])([2-9]\d{7})(?![\d-])/.exec(t.replace(/(?<=\d)[\s-](?=\d)/g, ''));
      if (local && t.replace(/\D/g, '').length === 8) return { ok: true, value: `0371-${local[1]}` };
      // "电话不给 俺儿不叫俺随便给人电话": the number refused, not mistyped.
      if (PHONE_REFUSED.test(t) && !/\d{3}/.test(t)) return { ok: false, problem: 'phone_refused' };
      return { ok: false, problem: 'bad_phone' };
    }
    case 'address':
      if (t.length < 2 || t.length > 200 || ACT_MARKERS.test(t)) return { ok: false, problem: 'short' };
      return { ok: true, value: t.replace(/^(住在?|家住|地址[:：]?)/, '').trim() };
    case 'reward': {
      // "奖励无所谓", "钱不钱的都中": what is said about the reward, without naming it.
      const s = strip(t).replace(/^(奖励|奖金|奖钱|钱|reward)(的事|这个|的话)?/i, '');
      if (/不要奖励|不申请|不用奖励|不需要奖励|noreward/i.test(s)) return { ok: true, value: false };
      // "要啥奖励 我就要孩子吃得安全": asked back, meaning none.
      // ("谁稀罕那钱": asked back the other way.)
      if (/(要|图|稀罕)(啥|什么)(奖励|奖金|奖|钱)|谁(稀罕|要|图|在乎)(那|这|你们的?|恁的?)?(点|个)?(钱|奖励|奖金|奖)/.test(strip(t)))
        return { ok: true, value: false };
      // Indifference ("给不给都行", "无所谓") applies for nothing: a reward is claimed by wanting it.
      // "给不给都行，要是有那就要吧": indifferent, then wanting it after all.
      if (/(那就|那|就|也|还是)要(吧|的|呗|啊)?$|有的话(就)?要|想要|要的话/.test(s) && !/不要|不想要/.test(s))
        return { ok: true, value: true };
      if (/(给不给|要不要|有没有|有不有)(都|也)(行|中|可以|无所谓)|^(都行|都中|无所谓|随便|whatever|doesn'?t matter|either way)/i.test(s))
        return { ok: true, value: false };
      // "奖励不奖励无所谓": indifference again, in the A-not-A form.
      if (
        /(\p{Script=Han}{1,2})不\1[^，。]{0,3}(都|也)?(无所谓|无所为|都行|都中|随便|不在乎|没关系)/u.test(strip(t)) &&
        !/(那就|就|还是)要/.test(s)
      )
        return { ok: true, value: false };
      // "少于一万俺可不干，恁能保证给一万不？", "能多给点不": bargaining over the amount wants it (the amount
      // is set by the rules; the reply says so).
      if (REWARD_BARGAIN.test(t) && !/不要|不申请|不想要/.test(t)) return { ok: true, value: true };
      const yn = parseYesNo(t);
      return yn === null ? { ok: false, problem: 'unclear' } : { ok: true, value: yn };
    }
    case 'idNumber': {
      const id = findIdNumber(t);
      if (id) return { ok: true, value: id };
      // "不方便给", "以后再说": no reward application for now (it can be made later).
      if (
        /不方便|不想|不给|不提供|再说|以后|算了|不要了|等[^，。]{0,10}再给|到时候再|回头再|先不给|先不填|不填了?|跳过|找不到|skip|no\b|later/i.test(
          t,
        )
      )
        return { ok: true, value: null };
      return { ok: false, problem: 'bad_id' };
    }
    case 'consent': {
      // "可以 同意 名字电话别公开就行": keeping the name and phone out is the very condition publication keeps.
      if (personalDataKeptOut(t)) return { ok: true, value: true };
      // "公开吧，让大家都知道", "别公开": the word itself answers.
      if (/(不|别|不要|不能|不想|甭)(对外)?(公开|公布|发出去|登出来)/.test(t)) return { ok: true, value: false };
      if (
        /^(那就|就|可以|能|都)?(对外)?(公开|公布)(吧|呗|就行|也行|没问题|好了)?|让(大家|别人|大伙|其他人)(都)?(知道|看看|注意)/.test(
          t.trim(),
        )
      )
        return { ok: true, value: true };
      // "不写俺名字就中", "只要不公开我的电话就行": consent on the very condition publication keeps.
      if (
        /不(写|留|登|公开|露|显示)(俺|我)?(的)?(名字|姓名|名|电话|信息|身份)[^，。？?]{0,4}(就|的话)?(中|行|可以|同意|没事|没问题)|只要不[^，。？?]{0,10}(名字|姓名|电话|信息)/.test(
          t,
        )
      )
        return { ok: true, value: true };
      const yn = parseYesNo(t);
      return yn === null ? { ok: false, problem: 'unclear' } : { ok: true, value: yn };
    }
  }
}

/**
 * "名字电话别公开就行", "只要我的信息不公开，同意": a consent whose only condition is that the citizen's own data stays
 * out, which is what publication does anyway; a refusal of the case itself ("别公开") is not one.
 */
export function personalDataKeptOut(text: string): boolean {
  const t = text.replace(/\s+/g, '');
  const kept =
    /(名字|姓名|名|电话|手机号?|号码|个人信息|信息|身份|住址|地址)[^，。？?！!]{0,3}(别|不要|不能|不用|甭|不)(对外)?(公开|公布|写|露|显示|登)/;
  if (!kept.test(t)) return false;
  const rest = t.replace(new RegExp(kept.source, 'g'), '');
  return !/(不|别|不要|不能|不想|甭)(对外)?(公开|公布|发出去|登出来)|不同意|不行|不中/.test(rest);
}

/** The slots whose answers are read without the chatter around them. */
const FILLER_READ: ReadonlySet<Slot> = new Set(['business', 'where', 'when', 'request', 'name', 'phone', 'address', 'idNumber']);

/** An answer without leading fillers ("嗯，", "这个啊", "我想想…", "刚才忘说了") and trailing ones ("，你记一下", emoji). */
export function withoutFillers(text: string, hedges = true): string {
  let t = text.trim();
  for (let i = 0; i < 3; i++) {
    const before = t;
    if (hedges)
      t = t
        // "好像是蜀香园火锅吧", "应该是郭店北街": how sure the citizen is stays in the chat, not in the value.
        .replace(/^(好像是|好像|应该是|估计是|可能是|大概是|大概在|大概|我记得是|我记得)(?=\S{2})/, '')
        .replace(/(吧|吧我记得|好像)$/, '');
    t = t
      .replace(
        /^((我)?跟你(说|讲)|是这样的?|对[，,]|是的[，,]|说起来|(它家|他家|那家|这家)?(叫啥来着|叫什么来着)[…\s，,.。]*((我)?想起来了)?|(我)?想起来了|你问(这个|这)?(干啥|干嘛|做啥)|问这(个)?(干啥|干嘛))[\s，,：:？?！!]*(?=\S)/,
        '',
      )
      // "在哪儿？就华南城啊": the question said back before the answer.
      .replace(/^[^，,。？?]{1,8}[？?]\s*(?=\S{2})/, '')
      // "Why do you need my home address? ok - Huaxin College dorm 5": the question asked back, then the answer.
      .replace(/^(why|what for|how come|do you (really )?need|is it (really )?necessary)\b[^?]{0,60}\?\s*(?=\S{2})/i, '')
      .replace(/[\s，,。]*(就这些|就这些了|就这样|谢谢|谢谢了|谢谢你|辛苦了|麻烦了|麻烦你了)[。.!！~～]*$/, '')
      .replace(/(?<=\p{Script=Han}{2})(哈|呀|啦|啊)$/u, '');
    t = t
      .replace(
        /^((?:哎|诶|唉|啊)?\s*(?:等下|等一下|等等|稍等一下|稍等|慢着|等会儿?)|嗯+|哦+|噢+|喔+|呃+|额+|啊+|哈+|唉|诶|欸|好吧|(?:那个|这个)(?=[\s，,。…~～])|这个啊|这个嘛|我想想|让我想想|想想|刚才忘说了|刚才忘了说|忘了说|对了|就是|不好意思|对不起|抱歉|(?:ok|okay|um+|uh+|well|so|sorry|fine|alright)\b)[\s，,。.…~～!！-]*(?=\S)/i,
        '',
      )
      .replace(/[\s，,。]*(你记一下|你记下|记一下|记下吧|记好了|你们记一下|就这|就这样)[。.!！~～]*$/, '')
      .replace(/\s*(?:\p{Extended_Pictographic}|\uFE0F)+\s*$/u, '')
      .replace(/^\s*(?:\p{Extended_Pictographic}|\uFE0F)+\s*/u, '')
      .trim();
    if (t === before) break;
  }
  return t || text.trim();
}

/** A person's name: a Chinese name starting with a surname (not "退钱再赔点", "中", "不知道"), or a name in letters. */
/** Surnames the anonymiser's list leaves out (its list must avoid common words); an answer to "your name" may use them. */
const RARER_SURNAMES: ReadonlySet<string> = new Set([...'楼栗鹿兰代智']);

export function plausibleName(n: string): boolean {
  if (/^[\p{Script=Han}·]+$/u.test(n)) {
    if (n.length > 6) return false;
    const surname = SINGLE_SURNAMES.has(n[0]!) || RARER_SURNAMES.has(n[0]!) || COMPOUND_SURNAMES.some((c) => n.startsWith(c));
    return surname && !/退|赔|钱|要|不|没|吗|啥|了|行|好|对|中/.test(n.slice(1));
  }
  return /^[A-Za-z][A-Za-z .'-]{1,49}$/.test(n) && !/\b(yes|no|ok|refund|don'?t|know)\b/i.test(n);
}

export function setSlot(d: Draft, slot: Slot, value: unknown): void {
  switch (slot) {
    case 'description':
      d.description = value as string;
      break;
    case 'business':
      d.businessName = value as string | null;
      break;
    case 'where': {
      // "就郭店南街那个": the filler before a place is no part of it.
      d.where = typeof value === 'string' ? value.replace(PLACE_FILLER, '') : (value as null);
      const t = typeof value === 'string' ? townshipOf(value) : null;
      if (t) d.township = t;
      break;
    }
    case 'when':
      d.incidentDate = value as string | null;
      break;
    case 'request':
      d.request = value as string;
      break;
    case 'anonymous':
      d.anonymous = value as boolean;
      if (d.anonymous) {
        delete d.name;
        delete d.phone;
        delete d.address;
        delete d.idNumber;
      }
      break;
    case 'name':
      d.name = value as string;
      break;
    case 'phone':
      d.phone = value as string;
      break;
    case 'address':
      d.address = value as string;
      break;
    case 'reward':
      d.wantsReward = value as boolean;
      if (!d.wantsReward) delete d.idNumber;
      break;
    case 'idNumber':
      // Not given (or never checking out): the reward is still applied for; the ID card is checked at the claim.
      d.idNumber = value === null ? null : (value as string);
      break;
    case 'consent':
      d.consentToPublish = value as boolean;
      break;
  }
}

export function clearSlot(d: Draft, slot: Slot): void {
  const keys: Record<Slot, (keyof Draft)[]> = {
    description: ['description'],
    business: ['businessName'],
    where: ['where', 'township'],
    when: ['incidentDate'],
    request: ['request'],
    anonymous: ['anonymous'],
    name: ['name'],
    phone: ['phone'],
    address: ['address'],
    reward: ['wantsReward'],
    idNumber: ['idNumber'],
    consent: ['consentToPublish'],
  };
  for (const k of keys[slot]) delete d[k];
}

// The pure triage classifier: citizen text (plus optional form fields) in, kind / category /
// urgency / suspected crime / township / business and the reasons for each out. No I/O, no state;
// never throws. Rules are keyword families with weights (lexicon.ts, crime.ts, gazetteer.ts);
// README.md beside this file explains the decisions and the labelling policy of the eval set.

import { TermMatcher, clauseAt, contentLength, hanLength, normaliseText, splitClauses, type Clause, type Hit, type Term } from './text.ts';
import { normaliseKeepingOffsets } from './normalise.ts';
import {
  CATEGORY_TERMS,
  CURRENT_RE,
  FOOD_WORDS,
  HOSPITAL_RE,
  ILLNESS_MILD,
  ILLNESS_STRONG,
  INFANT_RE,
  ISSUE,
  LEAD,
  MANY_RE,
  NON_FOOD,
  NO_REWARD_RE,
  OWN,
  OWNER,
  PUNISH,
  QUESTION,
  RECOVERED_RE,
  REMEDY,
  REWARD_RE,
  SAFETY_ISSUE,
  SCHOOL_RE,
  type CategoryKey,
  type NonFoodTerm,
  type WTerm,
} from './lexicon.ts';
import { crimeBasisList, detectCrime, type CrimeHit } from './crime.ts';
import { MARKET_FOOD_CRIMES } from './authority.ts';
import { GAZETTEER, findTownship, resolveTownship, type Township } from './gazetteer.ts';
import { extractBusiness, normaliseBusinessName } from './business.ts';

export { normaliseBusinessName };
export { findTownship, TOWNSHIPS } from './gazetteer.ts';

export const KINDS = ['complaint', 'report', 'both', 'consultation'] as const;
export type Kind = (typeof KINDS)[number];
export const CATEGORIES = [
  'catering',
  'school_canteen',
  'food_production',
  'food_retail',
  'online_food',
  'agricultural_products',
  'special_food',
  'other_non_food',
] as const;
export type Category = (typeof CATEGORIES)[number];
export const URGENCIES = ['urgent', 'high', 'normal', 'low'] as const;
export type Urgency = (typeof URGENCIES)[number];

export interface TriageInput {
  text: string;
  kind?: Kind;
  businessName?: string | null;
  businessAddress?: string | null;
  township?: string | null;
  place?: string | null;
  product?: string | null;
}

export type ReasonField =
  | 'kind'
  | 'category'
  | 'urgency'
  | 'suspected_crime'
  | 'township'
  | 'business'
  | 'wants_reward'
  | 'needs_details'
  | 'authority'
  | 'quantity';

export interface TriageReason {
  field: ReasonField;
  /** Short English id of the rule, e.g. 'kw:中毒', 'remedy', 'input:township'. */
  rule: string;
  /** The words that matched (Chinese as typed, after normalisation). */
  evidence: string;
}

export interface TriageResult {
  kind: Kind;
  category: Category;
  urgency: Urgency;
  suspectedCrime: boolean;
  /** e.g. ['病死肉', '刑法第143条'] or ['地沟油', '刑法第144条']. */
  crimeBasis: string[];
  /** One of the 15 official division names, or null. */
  township: Township | null;
  townshipAmbiguous: boolean;
  business: string | null;
  wantsReward: boolean;
  /** Too little to act on: emoji only, gibberish, very short, no food matter. */
  needsDetails: boolean;
  /** For other_non_food or out-of-scope matters: the likely competent body. */
  otherAuthority: string | null;
  /** Order 121 Art. 17 abuse signal, e.g. '购买数量：200瓶'. */
  quantityFlag: string | null;
  confidence: number;
  reasons: TriageReason[];
}

/**
 * What the rules saw, with positions in the (offset-preserving) normalised text: the model reads these
 * as features and the facts take their spans from them.
 */
export interface RuleSignals {
  text: string;
  kindRule: string;
  remedy: Hit<WTerm>[];
  punish: Hit<WTerm>[];
  lead: Hit<WTerm>[];
  own: Hit<WTerm>[];
  questions: Hit<WTerm>[];
  questionClauses: number;
  qScore: number;
  ownMeal: boolean;
  endsAsking: boolean;
  owner: boolean;
  crime: CrimeHit[];
  crimeVoided: number;
  illStrong: string[];
  illMild: string[];
  manyIll: boolean;
  many: boolean;
  current: boolean;
  recovered: boolean;
  infant: boolean;
  school: boolean;
  foodMatter: boolean;
  nonFoodMatter: boolean;
  tooThin: boolean;
  issues: number;
  categoryRanking: [string, number][];
  nonFood: string | null;
  townshipEvidence: string | null;
  content: number;
  urgencyFacts: UrgencyFacts;
}

// ---------------------------------------------------------------- matchers (compiled once)

const qMatcher = new TermMatcher<WTerm>(QUESTION);
const remedyMatcher = new TermMatcher<WTerm>(REMEDY);
const punishMatcher = new TermMatcher<WTerm>(PUNISH);
const leadMatcher = new TermMatcher<WTerm>(LEAD);
const ownMatcher = new TermMatcher<WTerm>(OWN);
const nonFoodMatcher = new TermMatcher<NonFoodTerm>(NON_FOOD);
const foodWordMatcher = new TermMatcher<Term>(FOOD_WORDS);
const issueMatcher = new TermMatcher<Term>(ISSUE);
const safetyMatcher = new TermMatcher<Term>(SAFETY_ISSUE);
const strongIllMatcher = new TermMatcher<Term>(ILLNESS_STRONG);
const mildIllMatcher = new TermMatcher<Term>(ILLNESS_MILD);
const CATEGORY_KEYS = Object.keys(CATEGORY_TERMS) as CategoryKey[];
const categoryMatchers = CATEGORY_KEYS.map((k) => [k, new TermMatcher<WTerm>(CATEGORY_TERMS[k])] as const);

/** Tie-break order when two categories score the same: the more specific regime first. */
const PRECEDENCE: readonly CategoryKey[] = [
  'special_food',
  'school_canteen',
  'online_food',
  'food_production',
  'catering',
  'agricultural_products',
  'food_retail',
];

/** A setting named as the buyer or the supplier is not where the matter is ("卖给学校附近的摊位", "收养殖场的死猪"). */
const DOWNSTREAM_BEFORE =
  /(卖给|供给|供应给|供货给|送到|卖到|拉到|拉去|送去|卖去|运到|销往|送往|流向|发往|从|给|收购|收(?![的费钱款银到]))[^,。;!?\n]{0,14}$/;
/** A setting followed by 收/回收 is where goods are collected from ("去饭店收泔水油"). */
const SOURCE_AFTER = /^[^,。;!?\n]{0,2}(收|回收|拉走)/;
/** "卖熟牛肉的": a vendor of some food. */
const VENDOR = /卖(?![给到去])[\p{Script=Han}]{1,5}的(?![饭菜店])/u;
/** "做辣椒面的", "做馒头的": someone who makes a food is a producer (做饭/做菜 is cooking). */
const MAKER = /做(?!饭|菜|生意|买卖)[\p{Script=Han}]{1,5}的(?!饭|菜)/u;
// 呢 and 么 end statements as often as questions ("在输液呢"): only 吗 or a question mark count.
const QUESTION_END = /(\?|吗(啊|呀)?[!.。,~]*$|吧\?)/;
const SOFT_QUESTION_END = /(可以|能|会|是|算|不会)[^,。;!?\n]{0,12}吧[!.。,~]*$/;
const RHETORICAL = /(不是|不就是|难道)[^,。;!?\n]{0,14}吗/;
/** "不会是过期的吧？" — a worried question, as strong as 请问. */
const WORRIED_QUESTION = /(不会是|不是)[^,。;!?\n]{0,12}吧\?/g;
/** "我在…吃的" / "刚才在…吃了": the writer ate there as a customer (a third party would be named first). */
const OWN_MEAL =
  /(^|[,。;!?\n]|我|俺|我们|俺们|刚才|刚刚|刚|昨天|昨晚|前天|今天|中午|晚上|上周[一二三四五六日天]?)在[^,。;!?\n]{1,16}吃(了|的|完|过)/;
/** Words that turn a remedy mention into a demand rather than a question about rights. */
/** A time well in the past: an illness told about it is over unless STILL_ILL says otherwise. */
const PAST_TIME =
  /(上上?周|上个?星期|上个?礼拜|上个?月|去年|前年|\d{1,2}月\d{1,2}[号日]|[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}[号日]|几天前|前些天|前段时间|前阵子|那次|当时|last (week|month)|weeks? ago|months? ago)/;
const STILL_ILL =
  /(现在还|还在(医院|住院|输液|打针|吐|拉|发烧)|仍在|至今|到现在还|一直没好|目前还|还没好|还住着|住着院|正在(住院|输液|抢救)|still (in|sick|ill))/;
/** Words that refuse what follows ("不求赔偿", "不图奖励"). */
const REFUSED_BEFORE =
  /(不求|不要|不用|不图|不需要|不为了|不是为了|不是要|不想要|没想要|不稀罕|用不着|无需|我不要|俺不要|not (asking|looking) for|don'?t want( a| any)?)\s?$/i;
/** A time that anchors a story in fact (not a hypothetical question). */
const CONCRETE_TIME =
  /(今天|昨天|前天|大前天|刚才|刚刚|昨晚|今早|今晚|夜儿|前儿|今儿|上周|上个?星期|上个?礼拜|周[一二三四五六日天]|星期[一二三四五六日天]|\d{1,2}月\d{1,2}|\d{1,2}号|上个?月|月初|中午|晚上|早上|yesterday|today|last (week|night))/;
/** Still being served or sold today (not a habit: 每天/天天 alone are not "now"). */
const ONGOING_TODAY =
  /(今天(中午|早上|上午|晚上)?(又|还|仍)|今早又|今天的(午饭|早饭|早餐|饭)|现在(还在|正在)|正在(吃|卖|用|分)|仍在(使用|销售|供应)|还在(吃|用|分)|right now|today (again|still))/;
const DEMAND = /(要求|我要|想要|必须|请你们|请帮|帮我|希望商家|希望你们|给我)/;
const QUANTITY_RE =
  /(买了|购买了?|买|订了|订购了?|囤了|进了|拿了)\s?([0-9]{1,6}|[零一二两三四五六七八九十百千万]{1,6})\s?(瓶|箱|盒|袋|包|件|斤|罐|桶|支|条|提|份|听|块|个)/g;
const QUANTITY_LIMIT: Readonly<Record<string, number>> = { 箱: 10, 件: 10, 提: 10, 桶: 20, 斤: 100 };
const DEFAULT_QUANTITY_LIMIT = 50;

function sum(hits: readonly Hit<WTerm>[]): number {
  let s = 0;
  for (const h of hits) s += h.term.weight;
  return s;
}

function words(hits: readonly { text: string }[], max = 4): string {
  const out: string[] = [];
  for (const h of hits) if (!out.includes(h.text)) out.push(h.text);
  return out.slice(0, max).join('、');
}

function questionClauses(clauses: readonly Clause[]): Set<Clause> {
  const out = new Set<Clause>();
  for (const c of clauses) {
    const t = c.text.trim();
    if (RHETORICAL.test(t)) continue;
    if (QUESTION_END.test(t) || SOFT_QUESTION_END.test(t) || qMatcher.match(t).some((h) => h.term.weight >= 2)) out.add(c);
  }
  return out;
}

function outside<T extends Term>(hits: readonly Hit<T>[], clauses: readonly Clause[], qs: ReadonlySet<Clause>): Hit<T>[] {
  return hits.filter((h) => {
    const c = clauseAt(clauses, h.index);
    return c === undefined || !qs.has(c);
  });
}

function parseChineseNumber(s: string): number {
  if (/^[0-9]+$/.test(s)) return Number(s);
  const digit: Readonly<Record<string, number>> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
  const unit: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000, 万: 10000 };
  let total = 0;
  let current = 0;
  for (const ch of s) {
    const d = digit[ch];
    const u = unit[ch];
    if (d !== undefined) current = d;
    else if (u !== undefined) {
      if (u === 10000) {
        total = (total + current) * u;
        current = 0;
      } else {
        total += (current === 0 ? 1 : current) * u;
        current = 0;
      }
    }
  }
  return total + current;
}

function quantityFlag(s: string): string | null {
  QUANTITY_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = QUANTITY_RE.exec(s)) !== null) {
    const n = parseChineseNumber(m[2] ?? '');
    const unit = m[3] ?? '';
    if (n >= (QUANTITY_LIMIT[unit] ?? DEFAULT_QUANTITY_LIMIT)) return `购买数量：${n}${unit}`;
  }
  return null;
}

// ---------------------------------------------------------------- category

interface CategoryDecision {
  category: Category;
  authority: string | null;
  margin: number;
  reasons: TriageReason[];
  ranking: [string, number][];
}

/**
 * A family's score is its strongest word plus 0.3 × the others: one clear setting word ("奶粉")
 * must not be outvoted by several weak ones ("网上", "到货", "客服").
 */
function familyScore(values: readonly number[]): number {
  let max = 0;
  let total = 0;
  for (const v of values) {
    total += v;
    if (v > max) max = v;
  }
  return max + 0.3 * (total - max);
}

const SCHOOL_WORDS = /(学院|大学|学校|校|幼儿园|小学|中学|初中|高中|一中|二中|三中|托管)/;

function scoreCategories(text: string, aux: string): { scores: Map<CategoryKey, number>; evidence: Map<CategoryKey, string[]> } {
  // Per family, each distinct word counts once (at its best weight): repeating a word adds nothing.
  const values = new Map<CategoryKey, Map<string, number>>();
  const evidence = new Map<CategoryKey, string[]>();
  const add = (k: CategoryKey, v: number, word: string): void => {
    const perWord = values.get(k) ?? new Map<string, number>();
    perWord.set(word, Math.max(perWord.get(word) ?? 0, v));
    values.set(k, perWord);
    const ev = evidence.get(k) ?? [];
    if (!ev.includes(word)) ev.push(word);
    evidence.set(k, ev);
  };
  for (const [source, factor] of [
    [text, 1],
    [aux, 1.5],
  ] as const) {
    if (source.length === 0) continue;
    for (const [k, m] of categoryMatchers) {
      for (const h of m.match(source)) {
        const before = source.slice(Math.max(0, h.index - 18), h.index);
        // The platform a buyer names ("从拼多多买的") is the seller's channel, never a bystander.
        const after = source.slice(h.index + h.text.length, h.index + h.text.length + 6);
        const damp = k !== 'online_food' && (DOWNSTREAM_BEFORE.test(before) || SOURCE_AFTER.test(after)) ? 0.3 : 1;
        add(k, h.term.weight * damp * factor, h.text);
      }
    }
    const vendor = VENDOR.exec(source);
    if (vendor !== null) add('food_retail', 2 * factor, vendor[0]);
    const maker = MAKER.exec(source);
    if (maker !== null) {
      const damp = DOWNSTREAM_BEFORE.test(source.slice(Math.max(0, maker.index - 18), maker.index)) ? 0.3 : 1;
      add('food_production', 5 * damp * factor, maker[0]);
    }
    // A canteen at a school, kindergarten or college is a school canteen (学校食堂 includes 高校).
    if (/食堂/.test(source) && SCHOOL_WORDS.test(source)) add('school_canteen', 9 * factor, '食堂');
  }
  const scores = new Map<CategoryKey, number>();
  for (const [k, v] of values) scores.set(k, familyScore([...v.values()]));
  return { scores, evidence };
}

function decideCategory(
  text: string,
  aux: string,
  crimeCount: number,
  foodCrime: boolean,
  disposal: boolean,
  food: readonly Hit<Term>[],
): CategoryDecision {
  const reasons: TriageReason[] = [];
  const { scores, evidence } = scoreCategories(text, aux);
  const nfHits = nonFoodMatcher.match(text + '\n' + aux);
  const nuisance = nfHits.filter((h) => h.term.nuisance === true);
  const nfBest = new Map<string, number>();
  for (const h of nfHits) nfBest.set(h.text, Math.max(nfBest.get(h.text) ?? 0, h.term.weight));
  const nfScore = familyScore([...nfBest.values()]);
  const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1] || PRECEDENCE.indexOf(a[0]) - PRECEDENCE.indexOf(b[0]));
  const top = ranked[0];
  const topScore = top?.[1] ?? 0;
  const safety = safetyMatcher.match(text);
  const ranking: [string, number][] = [...ranked.map(([k, v]) => [k, v] as [string, number]), ['other_non_food', nfScore]];
  const strongestNf = [...nfHits].sort((a, b) => b.term.weight - a.term.weight)[0];

  if (nuisance.length > 0 && safety.length === 0 && crimeCount === 0) {
    reasons.push({ field: 'category', rule: 'nuisance', evidence: words(nuisance) });
    return { ranking, category: 'other_non_food', authority: nuisance[0]?.term.authority ?? null, margin: 1, reasons };
  }
  if (disposal && crimeCount === 0) {
    reasons.push({ field: 'category', rule: 'carcass-disposal', evidence: '病死畜禽处置' });
    return { ranking, category: 'other_non_food', authority: '农业农村局', margin: 1, reasons };
  }
  // A named food-safety problem keeps a food reading unless the non-food signal is clearly stronger;
  // a food crime (病死肉, 地沟油 …) is food whatever else the text mentions.
  const nfNeeded = safety.length > 0 ? topScore * 1.5 : topScore;
  const noFoodWord = food.length === 0;
  if (strongestNf !== undefined && !foodCrime && (nfScore >= nfNeeded || noFoodWord)) {
    reasons.push({ field: 'category', rule: 'non-food', evidence: words(nfHits) });
    return {
      ranking,
      category: 'other_non_food',
      authority: strongestNf.term.authority,
      margin: topScore === 0 ? 1 : (nfScore - topScore) / nfScore,
      reasons,
    };
  }
  if (top !== undefined && topScore > 0) {
    const second = ranked[1]?.[1] ?? 0;
    reasons.push({ field: 'category', rule: `score:${top[0]}`, evidence: (evidence.get(top[0]) ?? []).slice(0, 4).join('、') });
    return { ranking, category: top[0], authority: null, margin: (topScore - second) / topScore, reasons };
  }
  if (food.length > 0) {
    const cat: Category = /(饭|菜|餐|吃饭)/.test(text) ? 'catering' : 'food_retail';
    reasons.push({ field: 'category', rule: 'default:food', evidence: words(food) });
    return { ranking, category: cat, authority: null, margin: 0, reasons };
  }
  reasons.push({ field: 'category', rule: 'default:no-food', evidence: '' });
  return { ranking, category: 'other_non_food', authority: null, margin: 0, reasons };
}

// ---------------------------------------------------------------- illness

interface Illness {
  strong: string[];
  mild: string[];
  many: boolean;
  current: boolean;
  recovered: boolean;
  infant: boolean;
}

function illness(
  text: string,
  clauses: readonly Clause[],
  qs: ReadonlySet<Clause>,
  hits: { strong: readonly Hit<Term>[]; mild: readonly Hit<Term>[] },
): Illness {
  const strong = outside(hits.strong, clauses, qs).map((h) => h.text);
  for (const c of clauses) {
    if (qs.has(c)) continue;
    const m = HOSPITAL_RE.exec(c.text);
    if (m !== null && !/(推荐|营养科|开的|开药|买的|门口)/.test(c.text)) strong.push(m[0]);
  }
  // "吃了一口就吐出来了", "喝了一口赶紧吐掉": food spat out, not vomiting.
  const spat = (h: Hit<Term>) =>
    /吐/.test(h.text) && /^(了)?(出来|出去|掉)/.test(text.slice(h.index + h.text.length, h.index + h.text.length + 3));
  const mildHits = outside(hits.mild, clauses, qs).filter((h) => !spat(h));
  const mild = mildHits.map((h) => h.text);
  return {
    strong,
    mild,
    many: MANY_RE.test(text),
    current: CURRENT_RE.test(text) && !/(经常|总是|老是)/.test(text),
    recovered: RECOVERED_RE.test(text),
    infant: INFANT_RE.test(text),
  };
}

// ---------------------------------------------------------------- urgency

/** What urgency is read from, apart from the kind, category and crime decisions. */
export interface UrgencyFacts {
  strong: readonly string[];
  mild: readonly string[];
  many: boolean;
  current: boolean;
  recovered: boolean;
  infant: boolean;
  school: boolean;
  pastOnly: boolean;
  ongoingToday: string | null;
  safetyIssue: boolean;
  pastEvidence: string;
  schoolEvidence: string;
  infantEvidence: string;
}

export interface UrgencyDecisions {
  kind: Kind;
  category: Category;
  suspectedCrime: boolean;
  needsDetails: boolean;
  crimeBasis: string;
}

/**
 * The taxonomy's urgency from the facts and the other decisions (domain.md): urgent — people ill now,
 * poisoning, ongoing danger to many; high — suspected crime, school or infant exposure, many victims;
 * low — consultations, non-food, nothing to act on; otherwise normal. Exported so the engine can
 * re-derive it after the model has made the kind, category and crime decisions.
 */
export function decideUrgency(f: UrgencyFacts, d: UrgencyDecisions): { urgency: Urgency; reason: TriageReason } {
  const food = d.category !== 'other_non_food';
  const infantExposure = f.infant && food;
  const schoolExposure = f.school || d.category === 'school_canteen';
  const anyIll = f.strong.length > 0 || f.mild.length > 0;
  const manyVictims = f.many && anyIll;
  const r = (urgency: Urgency, rule: string, evidence: string): { urgency: Urgency; reason: TriageReason } => ({
    urgency,
    reason: { field: 'urgency', rule, evidence },
  });
  if (f.pastOnly && anyIll && food) {
    return r(manyVictims || d.suspectedCrime || schoolExposure || infantExposure ? 'high' : 'normal', 'ill:past', f.pastEvidence);
  }
  if (f.strong.length > 0 && !(f.recovered && f.strong.every((x) => !/(住院|医院|急诊|抢救|输液|挂水|吊)/.test(x)))) {
    return r('urgent', 'ill:severe', f.strong.slice(0, 3).join('、'));
  }
  if (f.mild.length > 0 && food && (f.many || (f.current && !f.recovered) || f.infant)) {
    return r('urgent', `ill:${f.many ? 'many' : f.infant ? 'infant' : 'current'}`, f.mild.slice(0, 3).join('、'));
  }
  if ((schoolExposure || infantExposure) && f.ongoingToday !== null && (d.suspectedCrime || f.safetyIssue)) {
    // Pupils or infants being served it today: an ongoing danger to many.
    return r('urgent', 'exposure:today', f.ongoingToday);
  }
  if (d.suspectedCrime) return r('high', 'crime', d.crimeBasis);
  if (d.needsDetails || d.kind === 'consultation' || !food) {
    return r('low', d.needsDetails ? 'needs-details' : d.kind === 'consultation' ? 'consultation' : 'non-food', '');
  }
  if (schoolExposure) return r('high', 'school', f.schoolEvidence);
  if (infantExposure) return r('high', 'infant', f.infantEvidence);
  if (manyVictims) return r('high', 'many-victims', '');
  return r('normal', 'default', '');
}

// ---------------------------------------------------------------- the classifier

export function triage(input: TriageInput): TriageResult {
  return readRules(input).result;
}

/** The rules' decision and what they saw. Never throws: a bug yields a 'needs details' result. */
export function readRules(input: TriageInput): { result: TriageResult; signals: RuleSignals | null } {
  try {
    return classify(input);
  } catch (err) {
    // Defence in depth: a classifier bug must not fail the intake job. The reason makes it visible.
    const message = err instanceof Error ? err.name : 'unknown';
    return {
      signals: null,
      result: {
        kind: input?.kind !== undefined && (KINDS as readonly string[]).includes(input.kind) ? input.kind : 'consultation',
        category: 'other_non_food',
        urgency: 'normal',
        suspectedCrime: false,
        crimeBasis: [],
        township: null,
        townshipAmbiguous: false,
        business: null,
        wantsReward: false,
        needsDetails: true,
        otherAuthority: null,
        quantityFlag: null,
        confidence: 0,
        reasons: [{ field: 'needs_details', rule: 'error:internal', evidence: message }],
      },
    };
  }
}

function classify(rawInput: TriageInput): { result: TriageResult; signals: RuleSignals } {
  const input: Partial<TriageInput> = rawInput !== null && typeof rawInput === 'object' ? rawInput : {};
  const reasons: TriageReason[] = [];
  const text = normaliseKeepingOffsets(input.text);
  const aux = normaliseText(
    [input.businessName, input.businessAddress, input.place, input.product]
      .filter((v): v is string => typeof v === 'string' && v.length > 0)
      .join('\n'),
  );
  const clauses = splitClauses(text);
  const qs = questionClauses(clauses);

  // --- signals
  const qHits = qMatcher.match(text);
  const worried = text.match(WORRIED_QUESTION)?.length ?? 0;
  const lastClause = clauses[clauses.length - 1];
  // A question that closes the message is usually its point.
  const closingQuestion = lastClause !== undefined && qs.has(lastClause) ? 1 : 0;
  const qScore = sum(qHits) + qs.size + 2 * worried + closingQuestion;
  // "不求赔偿", "不要退钱": a remedy refused is not asked for.
  const remedy = outside(remedyMatcher.match(text), clauses, qs).filter(
    (h) => !REFUSED_BEFORE.test(text.slice(Math.max(0, h.index - 6), h.index)),
  );
  const punish = punishMatcher.match(text);
  const lead = leadMatcher.match(text);
  const own = outside(ownMatcher.match(text), clauses, qs);
  const issues = issueMatcher.match(text);
  const crime = detectCrime(text, clauses);
  const owner = OWNER.test(text);
  const remedyScore = sum(remedy);
  const punishScore = sum(punish);
  const leadScore = sum(lead);
  const ownMeal = clauses.some((c) => !qs.has(c) && OWN_MEAL.test(c.text));
  const ownScore = sum(own) + (ownMeal ? 1 : 0);
  const endsAsking = lastClause !== undefined && qs.has(lastClause) && qScore >= 2 && !DEMAND.test(text);

  // --- category
  const foodCrime = crime.hits.some((h) => h.basis !== '假冒');
  // Two Han characters and no English keyword ("asdf 饭", "在吗") is not a submission yet.
  const foodHits = foodWordMatcher.match(text);
  // Each family is matched once; the hits are read by several rules below.
  const strongIll = strongIllMatcher.match(text);
  const mildIll = mildIllMatcher.match(text);
  const latinSignal = [...qHits, ...remedy, ...punish, ...own, ...foodHits, ...strongIll].some((h) => /[a-z]/.test(h.text));
  const tooThin = contentLength(text) < 4 || (hanLength(text) <= 2 && !latinSignal);
  const cat: CategoryDecision = tooThin
    ? {
        ranking: [],
        category: 'other_non_food',
        authority: null,
        margin: 0,
        reasons: [{ field: 'category', rule: 'default:too-thin', evidence: '' }],
      }
    : decideCategory(text, aux, crime.hits.length, foodCrime, crime.disposal, foodHits);
  const foodMatter = !tooThin && (cat.category !== 'other_non_food' || foodHits.length > 0);
  const strongLead = lead.some((h) => h.term.weight >= 1.5);
  // Non-food words alone are not a matter (a long ramble mentions clothes and phones): it needs a
  // named problem, a request, a lead, or a nuisance.
  const nonFoodMatter =
    cat.category === 'other_non_food' &&
    (cat.reasons.some((r) => r.rule === 'nuisance' || r.rule === 'carcass-disposal') ||
      (cat.reasons.some((r) => r.rule === 'non-food') &&
        (issues.length > 0 || remedyScore > 0 || punishScore > 0 || strongLead || crime.hits.length > 0)));

  // --- needs details
  const content = contentLength(text);
  let needsDetails = false;
  if (tooThin) {
    needsDetails = true;
    reasons.push({ field: 'needs_details', rule: 'too-short', evidence: text.slice(0, 20) });
  } else if (!foodMatter && !nonFoodMatter && !qHits.some((h) => h.term.weight >= 2)) {
    needsDetails = true;
    reasons.push({ field: 'needs_details', rule: 'no-matter', evidence: text.slice(0, 20) });
  }

  // --- suspected crime (before kind: an asserted crime makes a report)
  const suspectedCrime = crime.hits.length > 0 && !(owner && qScore >= 2);
  const crimeBasis = suspectedCrime ? crimeBasisList(crime.hits, text) : [];
  if (suspectedCrime) {
    for (const h of crime.hits) reasons.push({ field: 'suspected_crime', rule: `crime:${h.basis}`, evidence: h.evidence });
  }
  for (const v of crime.voided.slice(0, 3)) reasons.push({ field: 'suspected_crime', rule: `void:${v.why}`, evidence: v.evidence });

  // --- kind
  const manyIll = MANY_RE.test(text) && (strongIll.length > 0 || mildIll.length > 0);
  const ownStrong = own.some((h) => h.term.weight >= 1.5);
  let kind: Kind;
  let kindRule: string;
  let kindEvidence = '';
  // A concrete matter (the writer's own bad purchase or meal, or a third party's violation told as fact)
  // is a complaint or report even when it ends on a question ("…这种能要求赔偿吗？"): only a question
  // with no matter behind it is a consultation (Order 121 Art. 44; labelling policy in README.md).
  const anyIll = strongIll.length > 0 || mildIll.length > 0;
  // Concrete: told with strong own-purchase words, a time, a named business, or at some length — not a
  // hypothetical ("网上买的零食没有中文标签，可以要求十倍赔偿吗？" stays a consultation).
  const concrete =
    ownScore >= 1.5 ||
    CONCRETE_TIME.test(text) ||
    content >= 40 ||
    extractBusiness(input.text ?? '', { isPlace: isPlaceName, genericWords: GENERIC_WORDS }) !== null;
  // School meals are not the writer's own purchase: a parent telling about the canteen passes on a lead.
  const schoolMeal = cat.category === 'school_canteen' && !ownStrong;
  const story = ownScore >= 1 && concrete && !schoolMeal && !(manyIll && !ownStrong) && (issues.length > 0 || anyIll) && content >= 12;
  // A lead told as fact about a particular business (not "请问…怎么判断是不是地沟油"): strong lead words
  // (无证, 员工说, 亲眼, 黑作坊 …) or a concrete setting, and not a question that opens the message.
  const asksFirst = /^(请问|想问|问一下|问下|咨询|我想问|想咨询|how|what|can|is it)/.test(text.trim());
  const leadStory =
    !story &&
    leadScore >= 1 &&
    (issues.length > 0 || anyIll) &&
    content >= 12 &&
    !owner &&
    (leadScore >= 2 || concrete) &&
    !(asksFirst && content < 40);
  if (needsDetails && !foodMatter && remedyScore === 0 && punishScore === 0 && !suspectedCrime) {
    kind = 'consultation';
    kindRule = 'no-matter';
  } else if (owner && qScore >= 1) {
    kind = 'consultation';
    kindRule = 'owner-question';
    kindEvidence = words(qHits);
  } else if (remedyScore > 0 && punishScore > 0) {
    kind = 'both';
    kindRule = 'remedy+punish';
    kindEvidence = `${words(remedy, 2)}；${words(punish, 2)}`;
  } else if (remedyScore > 0 && !(endsAsking && !story)) {
    kind = 'complaint';
    kindRule = 'remedy';
    kindEvidence = words(remedy);
  } else if (punishScore > 0) {
    kind = 'report';
    kindRule = 'punish';
    kindEvidence = words(punish);
  } else if (suspectedCrime) {
    kind = 'report';
    kindRule = 'crime-lead';
    kindEvidence = words(crime.hits.map((h) => ({ text: h.evidence })));
  } else if (story) {
    kind = 'complaint';
    kindRule = 'own-story';
    kindEvidence = words(own) || '在…吃';
  } else if (leadStory) {
    kind = 'report';
    kindRule = 'lead-story';
    kindEvidence = words(lead);
  } else if (endsAsking || qScore >= 2) {
    kind = 'consultation';
    kindRule = 'question';
    kindEvidence = words(qHits) || '?';
  } else if (ownScore >= 1 && ownScore >= leadScore && !(manyIll && !ownStrong) && !schoolMeal) {
    kind = 'complaint';
    kindRule = 'own-purchase';
    kindEvidence = words(own) || '在…吃';
  } else if (leadScore > 0 && (foodMatter || leadScore >= 1.5)) {
    kind = 'report';
    kindRule = 'lead';
    kindEvidence = words(lead);
  } else if (qScore >= 1) {
    kind = 'consultation';
    kindRule = 'question';
    kindEvidence = words(qHits) || '?';
  } else if (
    foodMatter &&
    leadScore === 0 &&
    safetyMatcher.match(text).length > 0 &&
    content < 20 &&
    !/(一家|有家|有个|有人|某|一个|卖|用)/.test(text)
  ) {
    // "外卖米饭是馊的", "肉夹馍里有根钢丝": a short message about a defect is the writer's own purchase.
    kind = 'complaint';
    kindRule = 'default:defect';
    kindEvidence = words(safetyMatcher.match(text));
  } else if (foodMatter || issues.length > 0) {
    kind = 'report';
    kindRule = 'default:matter';
    kindEvidence = words(issues);
  } else {
    kind = 'consultation';
    kindRule = 'default:none';
  }
  const given = input.kind !== undefined && (KINDS as readonly string[]).includes(input.kind) ? input.kind : undefined;
  if (given !== undefined) {
    if (given !== 'both' && remedyScore > 0 && punishScore > 0) {
      reasons.push({ field: 'kind', rule: 'input:kind-overridden-both', evidence: `${given} → both：${kindEvidence}` });
      kind = 'both';
    } else {
      reasons.push({ field: 'kind', rule: 'input:kind', evidence: given });
      kind = given;
    }
  } else {
    reasons.push({ field: 'kind', rule: kindRule, evidence: kindEvidence });
  }

  // --- urgency
  const ill = illness(text, clauses, qs, { strong: strongIll, mild: mildIll });
  const urgencyFacts: UrgencyFacts = {
    strong: ill.strong,
    mild: ill.mild,
    many: ill.many,
    current: ill.current,
    recovered: ill.recovered,
    infant: ill.infant,
    school: SCHOOL_RE.test(text + '\n' + aux),
    // An illness told about a past date ("上个月23号…住院了三天") with nothing saying it goes on is not an
    // emergency now: urgent means someone is ill now or people are still being exposed.
    pastOnly: PAST_TIME.test(text) && !STILL_ILL.test(text) && !/(今天|今早|今晚|刚才|刚刚|昨晚|昨天|夜儿|今儿)/.test(text),
    ongoingToday: ONGOING_TODAY.exec(text)?.[0] ?? null,
    safetyIssue: safetyMatcher.match(text).length > 0,
    pastEvidence: PAST_TIME.exec(text)?.[0] ?? '',
    schoolEvidence: SCHOOL_RE.exec(text + '\n' + aux)?.[0] ?? '食堂',
    infantEvidence: INFANT_RE.exec(text)?.[0] ?? '',
  };
  const u = decideUrgency(urgencyFacts, { kind, category: cat.category, suspectedCrime, needsDetails, crimeBasis: crimeBasis[0] ?? '' });
  const urgency: Urgency = u.urgency;
  reasons.push(u.reason);

  // --- category reasons & authority
  reasons.push(...cat.reasons);
  let otherAuthority = cat.authority;
  const marketFoodCrime = crime.hits.some((h) => MARKET_FOOD_CRIMES.includes(h.basis));
  if (otherAuthority === null && cat.category !== 'other_non_food' && !marketFoodCrime) {
    if (
      crime.hits.some((h) => h.basis === '私屠滥宰') ||
      (/(养猪场|养鸡场|养殖场|养殖户|奶站|种菜|地里|打农药)/.test(text) && suspectedCrime)
    )
      otherAuthority = '农业农村局';
    else if (crime.hits.some((h) => h.basis === '野生动物')) otherAuthority = '林业部门';
    else if (crime.hits.some((h) => h.basis === '走私冻品')) otherAuthority = '海关缉私部门';
  }
  if (otherAuthority !== null) reasons.push({ field: 'authority', rule: 'authority', evidence: otherAuthority });

  // --- township
  let township: Township | null = null;
  let townshipAmbiguous = false;
  const givenTownship = resolveTownship(input.township);
  if (givenTownship !== null) {
    township = givenTownship;
    reasons.push({ field: 'township', rule: 'input:township', evidence: input.township ?? '' });
  } else {
    for (const [source, rule] of [
      [input.businessAddress, 'gaz:address'],
      [input.place, 'gaz:place'],
      [input.text, 'gaz:text'],
    ] as const) {
      if (typeof source !== 'string' || source.length === 0) continue;
      const f = findTownship(source);
      if (f.township !== null) {
        township = f.township;
        townshipAmbiguous = false;
        reasons.push({ field: 'township', rule, evidence: f.evidence ?? '' });
        break;
      }
      if (f.ambiguous) {
        townshipAmbiguous = true;
        reasons.push({ field: 'township', rule: `${rule}:ambiguous`, evidence: f.evidence ?? '' });
      }
    }
  }

  // --- business
  const givenBusiness = typeof input.businessName === 'string' ? input.businessName.trim() : '';
  const business =
    givenBusiness.length > 0 ? givenBusiness : extractBusiness(input.text ?? '', { isPlace: isPlaceName, genericWords: GENERIC_WORDS });
  if (business !== null)
    reasons.push({ field: 'business', rule: givenBusiness.length > 0 ? 'input:business' : 'extract', evidence: business });

  // --- reward, quantity
  const wantsReward = REWARD_RE.test(text) && !NO_REWARD_RE.test(text);
  if (wantsReward) reasons.push({ field: 'wants_reward', rule: 'kw:奖励', evidence: REWARD_RE.exec(text)?.[0] ?? '' });
  const qty = quantityFlag(text);
  if (qty !== null) reasons.push({ field: 'quantity', rule: 'order121-art17', evidence: qty });

  // --- needs details: a food matter with nothing to go on (no business, no place, few words)
  if (!needsDetails && kind !== 'consultation' && business === null && township === null && content < 12) {
    needsDetails = true;
    reasons.push({ field: 'needs_details', rule: 'no-target', evidence: text.slice(0, 20) });
  }

  // --- confidence: how clear the evidence was, not a calibrated probability
  let confidence = 0.55 + 0.25 * Math.max(0, Math.min(1, cat.margin));
  if (remedyScore > 0 || punishScore > 0 || qScore >= 2) confidence += 0.1;
  if (kindRule.startsWith('default')) confidence -= 0.15;
  if (townshipAmbiguous) confidence -= 0.05;
  if (needsDetails) confidence = Math.min(confidence, 0.2);
  confidence = Math.round(Math.max(0.05, Math.min(0.99, confidence)) * 100) / 100;

  const result: TriageResult = {
    kind,
    category: cat.category,
    urgency,
    suspectedCrime,
    crimeBasis,
    township,
    townshipAmbiguous,
    business,
    wantsReward,
    needsDetails,
    otherAuthority,
    quantityFlag: qty,
    confidence,
    reasons,
  };
  const signals: RuleSignals = {
    text,
    kindRule,
    remedy,
    punish,
    lead,
    own,
    questions: qHits,
    questionClauses: qs.size,
    qScore,
    ownMeal,
    endsAsking,
    owner,
    crime: suspectedCrime ? crime.hits : [],
    crimeVoided: crime.voided.length,
    illStrong: ill.strong,
    illMild: ill.mild,
    manyIll,
    many: ill.many,
    current: ill.current,
    recovered: ill.recovered,
    infant: ill.infant,
    school: urgencyFacts.school || cat.category === 'school_canteen',
    foodMatter,
    nonFoodMatter,
    tooThin,
    issues: issues.length,
    categoryRanking: cat.ranking,
    nonFood: cat.category === 'other_non_food' ? cat.authority : null,
    townshipEvidence: reasons.find((r) => r.field === 'township')?.evidence ?? null,
    content,
    urgencyFacts,
  };
  return { result, signals };
}

const PLACE_NAMES: ReadonlySet<string> = new Set(GAZETTEER.map((p) => p.w));
/** Product, trade and place words, longest first: a "name" made only of these is a description. */
const GENERIC_WORDS: readonly string[] = [
  ...new Set([
    ...Object.values(CATEGORY_TERMS).flatMap((terms) => terms.flatMap((t) => [t.w, t.w.replace(/(店|馆|厂|坊|铺|场|点)$/, '')])),
    ...NON_FOOD.map((t) => t.w),
    ...FOOD_WORDS.map((t) => t.w),
    ...PLACE_NAMES,
    '郑州',
    '新郑',
    '河南',
    '门口',
    '附近',
    '对面',
    '旁边',
    '配送',
    '学校',
    '食品',
    '小酒',
    '冰棍',
    '卤肉',
    '豆腐',
    '酱油',
    '鸡爪',
    '理发',
    '珍珠',
    '珍珠奶茶',
    '杨枝甘露',
    '柠檬水',
    '果茶',
    '风干牛肉干',
    '纯手工',
    '手机',
    '榨油',
  ]),
]
  .filter((x) => x.length >= 2 && /\p{Script=Han}/u.test(x))
  .sort((a, b) => b.length - a.length);
/** Vetoes business candidates that are village names ending in a trade character (林锦店, 三十里铺). */
function isPlaceName(s: string): boolean {
  return PLACE_NAMES.has(s);
}

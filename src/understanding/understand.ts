// The one engine that reads a citizen's words. `understand(text, opts)` returns every fact staff,
// triage, the bot, the portal and the anonymiser need, each with the span of the citizen's words it
// came from, a confidence and the reasons. Pure and fast (no I/O after the model is loaded at first
// use; `now` is an input), and total: it never throws.
//
// How it decides:
// - The rules (rules.ts: keyword families, clause logic, crime vocabulary, gazetteer) read the text and
//   make a first decision for kind, category, urgency and suspected crime.
// - A linear model (model.ts, trained on the corpus's train split only) reads the rules' signals and the
//   text's character n-grams and makes the final decision; its strongest features are the reasons.
// - Safety nets the law cares about sit on top: a suspected crime or an urgent illness found by the
//   rules is never dropped by the model (a missed crime is a case the police never see).
// - Extractors (dates, wishes, harm, authority, product) read the other facts.
import { readOtherMatters, type OtherMatter } from './authority.ts';
import { findTimePhrase } from './dates.ts';
import { type Fact, type Reason, type Span, fact, spanOf } from './facts.ts';
import { featuresOf } from './features.ts';
import { readHarm, type Harm } from './harm.ts';
import { model, predictAll, type Prediction } from './model.ts';
import { normaliseKeepingOffsets } from './normalise.ts';
import { SINGLE_SURNAMES } from './pii.lexicon.ts';
import { readBusinessType, readProduct, type BusinessType } from './product.ts';
import {
  CATEGORIES,
  KINDS,
  URGENCIES,
  decideUrgency,
  readRules,
  type Category,
  type Kind,
  type TriageInput,
  type TriageResult,
  type Urgency,
} from './rules.ts';
import type { Township } from './gazetteer.ts';
import { readWishes, type Request } from './wishes.ts';
import { findPii } from '../publication/anonymiser.ts';

export interface UnderstandOptions {
  /** Form fields given with the text (they win over what the text says). */
  kind?: Kind;
  businessName?: string | null;
  businessAddress?: string | null;
  township?: string | null;
  place?: string | null;
  product?: string | null;
  /** Resolves relative dates (昨天 …); without it `incident_time.value.date` is null. */
  now?: Date;
  /** Rules only (no model): for comparison in the evaluation. */
  rulesOnly?: boolean;
  /** Model probability above which a crime the rules missed is still flagged (default CRIME_THRESHOLD). */
  crimeThreshold?: number;
  /**
   * Whether to look for the writer's own name and phone in the text (`identity`, default true). That
   * detector is the costliest extractor; a caller that never reads `identity` (intake's receipt) skips it.
   */
  identity?: boolean;
}

export interface Identity {
  name: string | null;
  phone: string | null;
}

export interface Understanding {
  kind: Fact<Kind>;
  category: Fact<Category>;
  urgency: Fact<Urgency>;
  suspected_crime: Fact<boolean>;
  /** e.g. ['地沟油', '刑法第144条']. */
  crime_basis: Fact<readonly string[]>;
  township: Fact<Township | null>;
  township_ambiguous: boolean;
  place: Fact<string | null>;
  business: Fact<string | null>;
  business_type: Fact<BusinessType | null>;
  product: Fact<string | null>;
  incident_time: Fact<{ phrase: string; date: string | null } | null>;
  harm: Fact<Harm>;
  request: Fact<Request[]>;
  anonymous: Fact<boolean>;
  wants_reward: Fact<boolean>;
  identity: Fact<Identity>;
  other_authority: Fact<OtherMatter | null>;
  /** Every other-authority matter found (a message can mix several). */
  other_matters: Fact<OtherMatter>[];
  needs_details: Fact<boolean>;
  /** Order 121 Art. 17 signal, e.g. '购买数量：200瓶'. */
  quantity_flag: Fact<string | null>;
  /** The rules' own result (the keys triage has always had), for callers that need them. */
  rules: TriageResult;
}

/** The basis named for a suspected crime that only the model found (no crime word matched). */
export const MODEL_ONLY_BASIS: readonly string[] = ['疑似食品犯罪（需核实）', '刑法第143条'];

/** Decision heads' thresholds, chosen on the dev split (see README). */
export const CRIME_THRESHOLD = 0.5;
/** The model alone, against crime words the rules set aside (negated, hypothetical, rumour…). */
export const VOIDED_CRIME_THRESHOLD = 0.9;
/** A text filed as one kind is read as asking for both when the model is at least this sure. */
export const BOTH_THRESHOLD = 0.6;

function reasonsOf(field: string, p: Prediction): Reason[] {
  // The model's strongest features are worked out only when the evidence is read (staff's triage view,
  // the evaluation); intake's receipt and split never read a model reason's words.
  let ev: string | null = null;
  return [
    {
      field,
      rule: `model:${Math.round(p.probability * 100)}%`,
      get evidence(): string {
        ev ??= p.top.map((t) => t.feature.replace(/^(g|w|kw:[a-z]+|r|s|c1?|len|q):/, '')).join('、');
        return ev;
      },
    },
  ];
}

function find(norm: string, original: string, needle: string | null | undefined): Span | null {
  if (!needle) return null;
  const at = norm.indexOf(needle.toLowerCase());
  return at >= 0 ? spanOf(original, at, at + needle.length) : null;
}

const IDENTITY_HINT =
  /\d{3}|[零一二三四五六七八九幺]{5}|我叫|我是|俺叫|本人|姓名|名字|投诉人|举报人|联系人|署名|落款|my name|i am|i'm|电话|手机/;
const TITLE_END = /(老汉|老头|老头儿|大爷|大娘|老太|老太太|老婆子|奶奶|爷爷|师傅)$/;
/** "我是观音寺镇唐户村村民赵德明", "本人系供电公司退休职工李建国": who the writer is, then the name. */
const ROLE_SELF =
  /(?:我是|俺是|本人是?|本人系)[^，。,！!？?]{0,16}?(?:村民|居民|职工|退休职工|老师|教师|校长|党员|老党员|学生|家长|员工|工人|帮工|厨师|司机|业主)(\p{Script=Han}{2,3})(?=[，,。；;\s]|$)/u;
const STYLED_SELF =
  /(?:我是|俺是|我叫|俺叫)[^，。,！!？?]{0,12}?(\p{Script=Han})(?:老汉|老头|老头儿|大爷|大娘|老太|老太太|老婆子|奶奶|爷爷|师傅)(?:叫)?()(\p{Script=Han}{2,3})/u;
const SELF_CUE = /(我叫|我是|俺叫|名叫|本人|姓名|名字|投诉人|举报人|联系人|署名|落款|my name is|i am|i'm)[:：\s]{0,2}$/;

/** "我要匿名举报", "俺想投诉他", "I want to report": the writer says what they are filing (not asking whether to). */
const DECLARED_KIND =
  /^(我要|我想|俺要|俺想)?(匿名|实名)?(举报|投诉)(?!吗|么|不|的话|能|可以|有用|管用|该|行|跟|和|与|有|是|怎么|咋|人|者|电话|热线|方式|途径|渠道|奖|流程|材料|需要|要|的|了|过|时|后|完)\p{Script=Han}|(我|俺|本人)(现在)?(就)?(要|想|必须|坚决)(匿名|实名)?(举报|投诉)(?!吗|么|不|的话|能|可以|有用|管用|该|行)|\bI (want|would like|'d like) to (report|complain|file a complaint)\b/iu;

export function understand(text: string, opts: UnderstandOptions = {}): Understanding {
  const original = typeof text === 'string' ? text : '';
  const norm = normaliseKeepingOffsets(original);
  const input: TriageInput = { text: original, ...opts };
  const { result: r, signals } = readRules(input);
  const reasonsFor = (field: string): Reason[] => r.reasons.filter((x) => x.field === field);
  const m = opts.rulesOnly ? null : model();
  const feats = m !== null ? featuresOf(r, signals) : null;

  // --- kind, category, urgency, crime: the model decides, the rules are its strongest features.
  let kind: Fact<Kind> = fact(
    r.kind,
    find(norm, original, signals?.remedy[0]?.text ?? signals?.punish[0]?.text),
    r.confidence,
    reasonsFor('kind'),
  );
  let category: Fact<Category> = fact(r.category, null, r.confidence, reasonsFor('category'));
  let urgency: Fact<Urgency> = fact(r.urgency, null, r.confidence, reasonsFor('urgency'));
  let crime = r.suspectedCrime;
  let crimeConfidence = r.suspectedCrime ? 0.8 : 0.7;
  const crimeReasons: Reason[] = reasonsFor('suspected_crime');
  if (m !== null && feats !== null) {
    const given = opts.kind !== undefined && (KINDS as readonly string[]).includes(opts.kind);
    const all = predictAll(m, feats);
    if (!given) {
      const pk = all.kind;
      // "…我要匿名举报，有奖励吗": a kind declared outright is no consultation, whatever else is asked.
      if (pk.label === 'consultation' && r.kind !== 'consultation' && DECLARED_KIND.test(original))
        kind = fact(r.kind, kind.span, r.confidence, [
          { field: 'kind', rule: 'declared', evidence: DECLARED_KIND.exec(original)?.[0] ?? '' },
          ...kind.reasons,
        ]);
      else kind = fact(pk.label as Kind, kind.span, pk.probability, [...reasonsOf('kind', pk), ...kind.reasons]);
    } else if (opts.kind === 'complaint' || opts.kind === 'report') {
      // Filed as one kind, but the words ask for both a remedy and an investigation (Order 121 Art. 9):
      // the rules' reading, or the model's when it is clear. Intake splits such a submission in two.
      const pk = all.kind;
      if (r.kind === 'both') kind = fact('both', kind.span, r.confidence, kind.reasons);
      else if (pk.label === 'both' && pk.probability >= BOTH_THRESHOLD)
        kind = fact('both', kind.span, pk.probability, [...reasonsOf('kind', pk), ...kind.reasons]);
    }
    const pc = all.category;
    category = fact(pc.label as Category, null, pc.probability, [...reasonsOf('category', pc), ...category.reasons]);
    const pu = all.urgency;
    urgency = fact(pu.label as Urgency, null, pu.probability, reasonsOf('urgency', pu));
    const pcr = all.crime;
    const pYes = pcr.probabilities.yes ?? 0;
    // "检测报告上写着未检出瘦肉精": crime words the rules read and set aside (negated, hypothetical, rumour…)
    // are not raised again by the model alone unless it is very sure.
    const voidedOnly = !r.suspectedCrime && (signals?.crimeVoided ?? 0) > 0;
    crime = r.suspectedCrime || pYes >= (voidedOnly ? VOIDED_CRIME_THRESHOLD : (opts.crimeThreshold ?? CRIME_THRESHOLD));
    crimeConfidence = crime ? Math.max(pYes, r.suspectedCrime ? 0.8 : 0) : 1 - pYes;
    if (!r.suspectedCrime && crime) crimeReasons.unshift(...reasonsOf('suspected_crime', pcr));
  }
  if (!(CATEGORIES as readonly string[]).includes(category.value)) category = fact(r.category, null, r.confidence, reasonsFor('category'));
  if (!(URGENCIES as readonly string[]).includes(urgency.value)) urgency = fact(r.urgency, null, r.confidence, reasonsFor('urgency'));
  // Urgency follows the taxonomy from the final decisions (a crime found by the model is `high`, a
  // consultation `low`, people ill now `urgent`): on the dev split this beat the model's own urgency
  // head (83% against 79%), whose confident "urgent" calls were mostly wrong.
  if (signals !== null && m !== null) {
    const d = decideUrgency(signals.urgencyFacts, {
      kind: kind.value,
      category: category.value,
      suspectedCrime: crime,
      needsDetails: r.needsDetails,
      crimeBasis: r.crimeBasis[0] ?? '',
    });
    urgency = fact(d.urgency, null, Math.max(0.5, Math.min(0.95, kind.confidence)), [
      d.reason,
      ...urgency.reasons.filter((x) => x.rule.startsWith('model')),
    ]);
  }
  const crimeHit = signals?.crime[0];
  const crimeSpan = crimeHit !== undefined ? spanOf(original, crimeHit.index, crimeHit.index + crimeHit.evidence.length) : null;
  // A crime only the model saw has no vocabulary hit to name: it is named as the general food crime
  // (刑法第143条) and marked for a person to check; the model's strongest words are its reasons.
  const basis = crime ? (r.crimeBasis.length > 0 ? r.crimeBasis : MODEL_ONLY_BASIS) : [];

  // --- place, township
  const tEvidence = signals?.townshipEvidence?.split('、')[0] ?? null;
  const placeSpan = r.township !== null || r.townshipAmbiguous ? find(norm, original, tEvidence) : null;
  const township = fact<Township | null>(
    r.township,
    placeSpan,
    r.township === null ? (r.townshipAmbiguous ? 0.3 : 0.6) : 0.9,
    reasonsFor('township'),
  );
  const place = fact<string | null>(placeSpan?.text ?? null, placeSpan, placeSpan ? 0.85 : 0.5);

  // --- business, type, product
  const businessSpan = find(norm, original, r.business);
  const business = fact<string | null>(
    businessSpan?.text ?? r.business,
    businessSpan,
    r.business === null ? 0.5 : 0.75,
    reasonsFor('business'),
  );
  const bt = readBusinessType(business.value, norm);
  const businessType = fact<BusinessType | null>(
    bt?.type ?? null,
    bt !== null && bt.start >= 0 ? spanOf(original, bt.start, bt.end) : null,
    bt ? 0.7 : 0.5,
  );
  const pr = opts.product ? null : readProduct(norm);
  const product = opts.product
    ? fact<string | null>(opts.product, null, 1, [{ field: 'product', rule: 'input:product', evidence: opts.product }])
    : fact<string | null>(pr ? original.slice(pr.start, pr.end) : null, pr ? spanOf(original, pr.start, pr.end) : null, pr ? 0.7 : 0.5);

  // --- time
  const tp = findTimePhrase(norm, opts.now ?? null);
  const incident = fact(
    tp ? { phrase: original.slice(tp.start, tp.end), date: tp.date } : null,
    tp ? spanOf(original, tp.start, tp.end) : null,
    tp ? (tp.date || !opts.now ? 0.85 : 0.5) : 0.5,
  );

  // --- harm
  const h = readHarm(norm, {
    strong: signals?.illStrong ?? [],
    mild: signals?.illMild ?? [],
    current: signals?.current ?? false,
    recovered: signals?.recovered ?? false,
  });
  const harm = fact(h.harm, h.span ? spanOf(original, h.span.start, h.span.end) : null, h.harm.ill === 'none' ? 0.7 : 0.8);

  // --- wishes
  const w = readWishes(norm);
  const request = fact(
    w.requests.map((x) => x.value),
    w.requests[0] ? spanOf(original, w.requests[0].start, w.requests[w.requests.length - 1]!.end) : null,
    w.requests.length ? 0.8 : 0.6,
    w.requests.map((x) => ({ field: 'request', rule: x.value, evidence: original.slice(x.start, x.end) })),
  );
  const anonymous = fact(
    w.anonymous?.value ?? false,
    w.anonymous ? spanOf(original, w.anonymous.start, w.anonymous.end) : null,
    w.anonymous ? 0.9 : 0.6,
  );
  const wantsReward = fact(
    w.reward?.value ?? false,
    w.reward ? spanOf(original, w.reward.start, w.reward.end) : null,
    w.reward ? 0.9 : 0.7,
    reasonsFor('wants_reward'),
  );

  // --- identity given in the text
  // The name detector is the costliest extractor: run it only when a phone or a self-introduction can be there.
  const pii = opts.identity !== false && IDENTITY_HINT.test(norm) ? findPii(original) : [];
  const selfName = pii.find((p) => p.type === 'name' && SELF_CUE.test(norm.slice(Math.max(0, p.start - 8), p.start)));
  // "我是前吕村的陈老汉陈德厚": how the writer is called, then the full name with the same surname.
  const styled = opts.identity !== false && (!selfName || TITLE_END.test(selfName.value)) ? STYLED_SELF.exec(norm) : null;
  const styledName =
    styled && styled[3]!.startsWith(styled[1]!)
      ? styled[3]!.slice(0, /^[我俺的是在电手家住今昨前这那就也]$/.test(styled[3]![2] ?? '我') ? 2 : 3)
      : null;
  const roleName = opts.identity !== false && !selfName && !styledName ? (ROLE_SELF.exec(norm)?.[1] ?? null) : null;
  const phone = pii.find((p) => p.type === 'mobile' || p.type === 'landline');
  const idSpan = selfName ?? phone;
  const identity = fact<Identity>(
    {
      name: styledName ?? selfName?.value ?? (roleName && SINGLE_SURNAMES.has(roleName[0]!) ? roleName : null),
      phone: phone?.value.replace(/[\s-]/g, '') ?? null,
    },
    idSpan ? spanOf(original, idSpan.start, idSpan.end) : null,
    idSpan ? 0.85 : 0.6,
  );

  // --- other authorities
  const matters = readOtherMatters(norm).map((x) =>
    fact(x.value, spanOf(original, x.start, x.end), 0.75, [
      { field: 'other_authority', rule: 'matter', evidence: original.slice(x.start, x.end) },
    ]),
  );
  let otherAuthority: Fact<OtherMatter | null> = matters[0] ?? fact<OtherMatter | null>(null, null, 0.6);
  if (otherAuthority.value === null && r.otherAuthority !== null) {
    otherAuthority = fact<OtherMatter | null>(
      { authority: r.otherAuthority, matter: '其他部门职责', hint: `此事可能属于${r.otherAuthority}的职责。` },
      null,
      0.6,
      reasonsFor('authority'),
    );
  }

  const needsDetails = fact(r.needsDetails, null, r.needsDetails ? 0.7 : 0.8, reasonsFor('needs_details'));
  const quantity = fact(r.quantityFlag, null, r.quantityFlag ? 0.7 : 0.8, reasonsFor('quantity'));

  return {
    kind,
    category,
    urgency,
    suspected_crime: fact(crime, crime ? crimeSpan : null, crimeConfidence, crimeReasons),
    crime_basis: fact(basis, crime ? crimeSpan : null, crimeConfidence),
    township,
    township_ambiguous: r.townshipAmbiguous,
    place,
    business,
    business_type: businessType,
    product,
    incident_time: incident,
    harm,
    request,
    anonymous,
    wants_reward: wantsReward,
    identity,
    other_authority: otherAuthority,
    other_matters: matters,
    needs_details: needsDetails,
    quantity_flag: quantity,
    rules: r,
  };
}

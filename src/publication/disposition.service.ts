// Publication workflow: a decision on a case becomes a draft disposition (anonymised), staff review and
// edit it, a supervisor approves it (which applies the case's `publish` transition, stopping D11), and a
// published record can be corrected or withdrawn with the reason kept.
//
// Invariants:
// - every text stored in `disposition` has passed through the anonymiser (also after staff edits);
// - a report's own text is never published (reporter confidentiality, Order 121 Art. 37); a complaint's
//   text only with consent_publish;
// - warnings alone are not published (no draft is created);
// - the business is named only when it is a legal entity and the outcome is a penalty or a mediation
//   result; a natural person's business is anonymised; an unfounded report (not opened) or a refused
//   complaint does not name the business at all;
// - when the decision names the party as a business (当事人 + a registered name, or its 字号 with a
//   credit code), that name is the published business (field, key, texts agree; Order 45);
// - the case's own parties (reporter, complainant) are decrypted in memory and masked first in every
//   published text, then the extractor runs; they are never logged or stored in clear;
// - every change writes a disposition_revision row in the same transaction, with the previous values.
import { randomBytes, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { type Audited, appendAuditOf } from '../backoffice/audit.log.ts';
import {
  type Actor,
  type CaseStatus,
  DECISION_TYPES,
  type DecisionType,
  PUBLISHABLE_DECISION_TYPES,
  REFUSAL_GROUNDS,
  type Role,
  STATUSES,
  type TransitionEvent,
} from '../cases/case.machine.ts';
import { cstDateOf, cstStartOfDay } from '../deadlines/cst.ts';
import { type ApplyOptions, applyTransitionIn } from '../cases/case.repository.ts';
import type { Db, Trx } from '../db/database.ts';
import type { CaseRow } from '../cases/case.table.ts';
import type { DispositionRow, DispositionTable } from './publication.table.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../lib/errors.ts';
import { normaliseBusinessName } from '../understanding/business.ts';
import type { IdentityCipher } from '../lib/identity-cipher.ts';
import { type KnownPerson, type PiiType, anonymise, findPii } from './anonymiser.ts';
import { type DispositionStatus, type DispositionStep, dispositionTransition } from './disposition.machine.ts';
import { queueEdgeRecord } from './edge-sync.ts';
import type { Outcome } from './labels.ts';

const EDITORS: readonly Role[] = ['handler', 'supervisor', 'admin'];
const APPROVERS: readonly Role[] = ['supervisor', 'admin'];

/** Case statuses from which `publish` applies (case.machine.ts): approving then stops D11. */
const PUBLISHABLE_CASE_STATUSES: readonly CaseStatus[] = ['decided', 'mediation_succeeded', 'mediation_failed'];

/** Which event made the decision, per case status. */
const DECISION_EVENT: Partial<Record<CaseStatus, { event: TransitionEvent; outcome: Outcome }>> = {
  decided: { event: 'decide', outcome: 'penalty' },
  not_opened: { event: 'not_open', outcome: 'not_opened' },
  mediation_succeeded: { event: 'mediation_succeed', outcome: 'mediation_succeeded' },
  mediation_failed: { event: 'mediation_fail', outcome: 'mediation_failed' },
  refused: { event: 'refuse', outcome: 'refused' },
};

export type ReviewField = 'findings' | 'decision' | 'complaint' | 'business';
export interface ReviewFinding {
  field: ReviewField;
  type: PiiType;
  start: number;
  end: number;
}
interface ReviewRecord {
  /** The case_event the texts came from (sources are re-read from there and the case, never copied). */
  eventId: string;
  findings: ReviewFinding[];
}

export type CreateDraftResult =
  | { created: true; disposition: DispositionRow }
  | { created: false; disposition: DispositionRow }
  | { created: false; skipped: 'warning_only' | 'not_publishable' | 'no_decision' };

// ------------------------------------------------------------------ reading the decision

/**
 * The decide event's data, as the back office sends it: `decision` (required by the state machine),
 * optionally `findings` (what was found), `fine` and `confiscation` (yuan), `penalties` (kinds, e.g.
 * ['warning', 'fine']).
 */
interface DecisionData {
  decisionType?: unknown;
  /** The decision document told the party it will be published (Order 45 Art. 8). */
  partyTold?: unknown;
  decisionNumber?: unknown;
  decision?: unknown;
  findings?: unknown;
  fine?: unknown;
  confiscation?: unknown;
  penalties?: unknown;
  agreement?: unknown;
  ground?: unknown;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

/** Yuan (number or numeric string) → fen; null when absent or not a non-negative amount. */
export function toFen(v: unknown): number | null {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d+(\.\d{1,2})?$/.test(v.trim()) ? Number(v) : NaN;
  return Number.isFinite(n) && n >= 0 ? Math.round(n * 100) : null;
}

/** '罚款人民币5,000元' / '罚款1.5万元' in a decision text → fen. */
export function amountIn(text: string, word: '罚款' | '没收'): number | null {
  const m = new RegExp(`${word}[^0-9，。；]{0,8}([0-9][0-9,]*(?:\\.[0-9]{1,2})?)\\s*(万)?元`).exec(text);
  if (!m?.[1]) return null;
  const n = Number(m[1].replace(/,/g, '')) * (m[2] ? 10_000 : 1);
  return Number.isFinite(n) ? Math.round(n * 100) : null;
}

/**
 * The decision's type: as recorded (the back office asks for it), or for decisions recorded before it was
 * asked, read from the text: 不予行政处罚, 撤销立案/案件 and 责令改正 with no penalty are not penalties.
 */
export function decisionTypeOf(d: DecisionData, decision: string): DecisionType {
  if (typeof d.decisionType === 'string' && d.decisionType in DECISION_TYPES) return d.decisionType as DecisionType;
  if (isWarningOnly(d, decision)) return 'warning_only';
  const penaltyWords = /罚款|没收|停产停业|停业整顿|吊销|暂扣|通报批评|降低资质|限制|拘留|罚没/;
  const money = (toFen(d.fine) ?? 0) > 0 || (toFen(d.confiscation) ?? 0) > 0;
  if (/不予(?:行政)?处罚/.test(decision) && !money) return 'no_penalty';
  if (/撤销(?:立案|案件)/.test(decision) && !money) return 'case_revoked';
  if (/责令(?:限期)?改正/.test(decision) && !money && !penaltyWords.test(decision)) return 'correction_only';
  return 'penalty';
}

/** A warning and nothing else: not published (domain: "warnings alone are not"). */
export function isWarningOnly(d: DecisionData, decision: string): boolean {
  if ((toFen(d.fine) ?? 0) > 0 || (toFen(d.confiscation) ?? 0) > 0) return false;
  if (Array.isArray(d.penalties) && d.penalties.length > 0) return d.penalties.every((p) => p === 'warning');
  return /警告/.test(decision) && !/罚款|没收|停产停业|停业整顿|吊销|暂扣|限制|降低资质|拘留|罚没/.test(decision);
}

// ------------------------------------------------------------------ the business as published

const ENTITY_SUFFIX =
  /(公司|厂|店|馆|超市|商行|经营部|门市部|批发部|合作社|食堂|酒店|酒楼|酒家|餐厅|饭店|农家乐|农家院|作坊|坊|铺|中心|学校|幼儿园|小学|中学|学院|医院|市场|场|部|站|社|档|院)$/;

/**
 * How a business may be shown: a registered-looking name with no personal data in it is a legal
 * entity (named); anything else is a natural person's business and is anonymised, or withheld when
 * nothing but placeholders would remain.
 */
export function publicBusiness(name: string | null): { name: string | null; entity: boolean } {
  const n = name?.trim();
  if (!n) return { name: null, entity: false };
  const personal = findPii(n).length > 0;
  if (!personal && ENTITY_SUFFIX.test(n)) return { name: n, entity: true };
  const masked = anonymise(n).text;
  return { name: masked !== n && ENTITY_SUFFIX.test(masked) ? masked : '个体经营者', entity: false };
}

const CREDIT_CODE_RE = /统一社会信用代码[：:\s]*([0-9A-HJ-NPQRTUWXY]{18})/;
const PARTY_RE = /当事人(?:名称)?[\s：:]*(?:为|是)?[\s：:]*([^\s，,。；;：:（(]{2,40})/g;
const TRADE_NAME_RE = /字号[\s：:]*(?:为|是)?[\s：:]*([^\s，,。；;：:（()）]{2,40})/;

/**
 * The penalised party as the decision (or the findings) names it, when that party is a business: a
 * registered-looking name, or a party with a credit code given under its trade name (字号). A natural
 * person named as the party (当事人：张三) is not returned: that is personal data, masked in the text.
 */
export function partyInDecision(...texts: (string | null)[]): string | null {
  for (const text of texts) {
    if (!text) continue;
    for (const m of text.matchAll(PARTY_RE)) {
      const name = (m[1] ?? '').replace(/^(?:系|即)/, '');
      const near = text.slice(m.index ?? 0, (m.index ?? 0) + m[0].length + 80);
      if (ENTITY_SUFFIX.test(name) && !/^(?:该|本|此|这家|那家)/.test(name)) return name;
      const trade = TRADE_NAME_RE.exec(near)?.[1];
      if (trade && CREDIT_CODE_RE.test(near) && ENTITY_SUFFIX.test(trade)) return trade;
    }
  }
  return null;
}

/**
 * The business as published on a named outcome: the party the decision names when it names a business
 * (so the field, the texts and the search agree; Order 45 publishes the party), otherwise the case's
 * business as `publicBusiness` shows it.
 */
export function publishedBusiness(
  caseName: string | null,
  caseKey: string | null,
  party: string | null,
): { name: string | null; entity: boolean; key: string | null } {
  if (party) {
    const key =
      caseName && caseKey && normaliseBusinessName(caseName) === normaliseBusinessName(party) ? caseKey : normaliseBusinessName(party);
    return { name: party, entity: true, key };
  }
  const b = publicBusiness(caseName);
  return { ...b, key: b.entity && caseName ? (caseKey ?? normaliseBusinessName(caseName)) : null };
}

// ------------------------------------------------------------------ helpers

function publicRef(year: string): string {
  // Crockford base32 without I, L, O, U: readable aloud, not guessable, unrelated to the case number.
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  const bytes = randomBytes(8);
  let s = '';
  for (const b of bytes) s += alphabet[b % 32];
  return `GK${year}-${s}`;
}

function requireRole(actor: Actor, roles: readonly Role[]): void {
  if (!roles.includes(actor.role)) throw new AppError('FORBIDDEN', '无权进行此操作');
}

function needReason(reason: string | null | undefined): string {
  const r = reason?.trim() ?? '';
  if (r.length < 2) throw new AppError('VALIDATION', '必须填写理由', [{ path: 'reason', message: '必须填写理由' }]);
  return r;
}

function scrub(text: string, keep: string[], known: KnownPerson[], field: ReviewField, review: ReviewFinding[]): string {
  for (const f of findPii(text, { keep, known })) review.push({ field, type: f.type, start: f.start, end: f.end });
  return withoutSource(anonymise(text, { keep, known }).text);
}

/** Does a text say where the case came from (投诉/举报)? Nothing published may (Order 45; Order 121 Art. 37). */
export const namesSource = (text: string | null | undefined): boolean => !!text && /投诉|举报|检举|告发/.test(text);

/**
 * Drops the usual phrases naming the source from a drafted text (接群众举报，…; 经消费者投诉，…; 举报人反映…).
 * Staff review the draft; approval is refused while anything still names the source.
 */
export function withoutSource(text: string): string {
  return text
    .replace(
      /(?:根据|依据|接到?|经|因|据|收到)?(?:群众|消费者|市民|他人|实名|匿名|网民)?(?:投诉|举报|检举)(?:人|线索|信息|材料)?(?:反映|称)?(?:的(?:情况|问题))?[，,：:]?/g,
      '',
    )
    .replace(/^[，,。；;\s]+/, '');
}

function refuseSourceNaming(
  fields: Partial<Pick<DispositionTable, 'findings_text' | 'decision_text' | 'complaint_text' | 'correction_note' | 'withdraw_reason'>>,
): void {
  const named = Object.entries(fields).filter(([, v]) => typeof v === 'string' && namesSource(v));
  if (named.length > 0)
    throw new AppError(
      'VALIDATION',
      '公开内容不得提及投诉、举报来源，请修改后再提交',
      named.map(([k]) => ({ path: k, message: '不得提及投诉、举报来源' })),
    );
}

/**
 * The persons the case itself records (reporter, complainant), decrypted in memory only to be masked
 * first in everything published. Never logged, never stored, never returned.
 */
async function casePersons(db: Db, cipher: IdentityCipher, caseId: string): Promise<KnownPerson[]> {
  const rows = await db.selectFrom('party').select(['id', 'identity_enc']).where('case_id', '=', caseId).execute();
  const out: KnownPerson[] = [];
  for (const r of rows) {
    const p = cipher.open<{ name?: unknown; phone?: unknown; address?: unknown; idNumber?: unknown }>(r.identity_enc, `party:${r.id}`);
    const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
    out.push({ name: text(p.name), phone: text(p.phone), address: text(p.address), idNumber: text(p.idNumber) });
  }
  return out;
}

async function loadDisposition(db: Db, id: string): Promise<DispositionRow> {
  const d = await db.selectFrom('disposition').selectAll().where('id', '=', id).executeTakeFirst();
  if (!d) throw new AppError('NOT_FOUND', '公开记录不存在');
  return d;
}

async function revise(
  trx: Trx,
  d: DispositionRow,
  action: DispositionStep,
  actor: Actor,
  reason: string | null,
  before: Partial<DispositionTable> | null,
  at: string,
): Promise<void> {
  await trx
    .insertInto('disposition_revision')
    .values({
      id: randomUUID(),
      disposition_id: d.id,
      action,
      actor_role: actor.role,
      actor_id: actor.id,
      reason,
      before: before ? JSON.stringify(before) : null,
      at,
    })
    .execute();
}

/** Writes `set` if the row still has `version`; throws CONFLICT otherwise. */
async function update(trx: Trx, d: DispositionRow, set: Partial<DispositionTable>, at: string): Promise<DispositionRow> {
  const r = await trx
    .updateTable('disposition')
    .set({ ...set, version: d.version + 1, updated_at: at })
    .where('id', '=', d.id)
    .where('version', '=', d.version)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) throw new AppError('CONFLICT', '记录已被他人修改，请刷新后重试');
  return loadDisposition(trx, d.id);
}

/** The status a step leads to, by the record's state machine (INVALID_TRANSITION if it refuses). */
function nextStatus(d: Pick<DispositionRow, 'status'> | null, step: DispositionStep): DispositionStatus {
  const next = dispositionTransition(d ? d.status : null, step);
  if (!next.ok) throw new AppError('INVALID_TRANSITION', next.message);
  return next.to;
}

function checkVersion(d: DispositionRow, expected: number | undefined): void {
  if (expected !== undefined && expected !== d.version) throw new AppError('CONFLICT', '记录已被他人修改，请刷新后重试');
}

// ------------------------------------------------------------------ verbs

/**
 * Builds the draft for a case whose decision was recorded (decided, not_opened, mediation_succeeded,
 * mediation_failed, refused). Idempotent: a second call returns the existing record.
 */
export async function createDraftDisposition(deps: Pick<Deps, 'db' | 'clock' | 'cipher'>, caseId: string): Promise<CreateDraftResult> {
  try {
    return await deps.db.transaction().execute((trx) => createDraftDispositionIn(trx, caseId, deps.clock.now(), deps.cipher));
  } catch (e) {
    // Two callers raced: the unique case_id kept one; return it.
    const again = await deps.db.selectFrom('disposition').selectAll().where('case_id', '=', caseId).executeTakeFirst();
    if (again) return { created: false, disposition: again };
    throw e;
  }
}

/** The same inside a transaction the caller owns (see draftOnDecision). */
export async function createDraftDispositionIn(trx: Trx, caseId: string, now: Date, cipher: IdentityCipher): Promise<CreateDraftResult> {
  const existing = await trx.selectFrom('disposition').selectAll().where('case_id', '=', caseId).executeTakeFirst();
  if (existing) return { created: false, disposition: existing };
  const c = await trx.selectFrom('intake_case').selectAll().where('id', '=', caseId).executeTakeFirst();
  if (!c) throw new AppError('CASE_NOT_FOUND', '案件不存在');
  // A case already published (status moved on) is looked up by its decision event instead of its status.
  const events = await trx.selectFrom('case_event').selectAll().where('case_id', '=', caseId).orderBy('at', 'desc').orderBy('id').execute();
  const which = DECISION_EVENT[c.status] ?? Object.values(DECISION_EVENT).find((w) => events.some((e) => e.type === w.event));
  const ev = which ? events.find((e) => e.type === which.event) : undefined;
  if (!which || !ev) return { created: false, skipped: 'no_decision' };
  const data = (ev.data ? JSON.parse(ev.data) : {}) as DecisionData;
  const draft = buildDraft(c, which.outcome, data, ev.reason, await casePersons(trx, cipher, c.id));
  if (draft === 'warning_only' || draft === 'not_publishable') return { created: false, skipped: draft };

  const at = now.toISOString();
  const row: DispositionTable = {
    id: randomUUID(),
    case_id: c.id,
    public_ref: publicRef(ev.at.slice(0, 4)),
    case_kind: c.kind,
    outcome: which.outcome,
    category: c.category,
    township: c.township,
    ...draft.fields,
    decided_at: ev.at,
    published_at: null,
    status: nextStatus(null, 'create'),
    review: JSON.stringify({ eventId: ev.id, findings: draft.review } satisfies ReviewRecord),
    correction_note: null,
    corrected_at: null,
    withdraw_reason: null,
    withdrawn_at: null,
    public_until: null,
    ended_at: null,
    ended_reason: null,
    party_told_on: which.outcome === 'penalty' && data.partyTold === true ? cstDateOf(new Date(ev.at)) : null,
    party_told_how: which.outcome === 'penalty' && data.partyTold === true ? '行政处罚决定书中告知' : null,
    version: 1,
    created_at: at,
    updated_at: at,
  };
  await trx.insertInto('disposition').values(row).execute();
  const d = await loadDisposition(trx, row.id);
  await revise(trx, d, 'create', { role: 'system', id: null }, null, null, at);
  return { created: true, disposition: d };
}

const DECISION_EVENTS = new Set<TransitionEvent>(Object.values(DECISION_EVENT).map((w) => w.event));
/** Case statuses that hold a recorded decision. */
const DECISION_STATUSES = STATUSES.filter((s) => DECISION_EVENT[s] !== undefined);

/**
 * For `applyTransition(db, id, cmd, actor, now, { alsoWrite: draftOnDecision(now) })`: the draft is written
 * in the decision's own transaction, so a decision never lacks its draft. (The repository and state
 * machine are untouched; the back office passes this when it records a decision.)
 */
export function draftOnDecision(now: Date, cipher: IdentityCipher): NonNullable<ApplyOptions['alsoWrite']> {
  return async (trx, row, result) => {
    if (DECISION_EVENTS.has(result.event.type)) await createDraftDispositionIn(trx, row.id, now, cipher);
  };
}

type DraftFields = Pick<
  DispositionTable,
  | 'business_name'
  | 'business_key'
  | 'findings_text'
  | 'decision_text'
  | 'complaint_text'
  | 'fine_fen'
  | 'confiscation_fen'
  | 'decision_type'
  | 'decision_number'
  | 'penalty_kinds'
>;

function buildDraft(
  c: CaseRow,
  outcome: Outcome,
  data: DecisionData,
  reason: string | null,
  known: KnownPerson[],
): { fields: DraftFields; review: ReviewFinding[] } | 'warning_only' | 'not_publishable' {
  const review: ReviewFinding[] = [];
  const named = outcome === 'penalty' || outcome === 'mediation_succeeded' || outcome === 'mediation_failed';
  const party = named ? partyInDecision(str(data.decision), str(data.findings), str(data.agreement)) : null;
  const biz = named ? publishedBusiness(c.business_name, c.business_key, party) : { name: null, entity: false, key: null };
  if (named && c.business_name)
    for (const f of findPii(c.business_name)) review.push({ field: 'business', type: f.type, start: f.start, end: f.end });
  const keep = biz.entity && biz.name ? [biz.name] : [];
  let findings: string;
  let decision: string;
  let fine: number | null = null;
  let confiscation: number | null = null;
  switch (outcome) {
    case 'penalty': {
      const d = str(data.decision) ?? '';
      const type = decisionTypeOf(data, d);
      if (type === 'warning_only') return 'warning_only';
      if (!PUBLISHABLE_DECISION_TYPES.includes(type)) return 'not_publishable';
      findings = str(data.findings) ?? '经调查核实，当事人存在违法行为。';
      decision = d;
      fine = toFen(data.fine) ?? amountIn(d, '罚款');
      confiscation = toFen(data.confiscation) ?? amountIn(d, '没收');
      break;
    }
    case 'not_opened':
      findings = reason ?? '经核查，未发现违法事实。';
      decision = '不予立案';
      break;
    case 'mediation_succeeded':
      findings = '经调解，双方当事人自愿达成调解协议。';
      decision = str(data.agreement) ?? '调解成功';
      break;
    case 'mediation_failed':
      findings = reason ?? '经调解，双方当事人未能达成调解协议。';
      decision = '终止调解';
      break;
    case 'refused': {
      const g =
        typeof data.ground === 'string' && data.ground in REFUSAL_GROUNDS
          ? REFUSAL_GROUNDS[data.ground as keyof typeof REFUSAL_GROUNDS]
          : null;
      findings = reason ?? '';
      decision = g ? `不予受理：${g}` : '不予受理';
      break;
    }
  }
  // A penalty record never shows where the case came from (Order 45; Order 121 Art. 37).
  const complaint =
    outcome !== 'penalty' && c.kind === 'complaint' && c.consent_publish === 1
      ? scrub(c.description, keep, known, 'complaint', review)
      : null;
  return {
    fields: {
      business_name: biz.name,
      business_key: biz.key,
      findings_text: scrub(findings, keep, known, 'findings', review),
      decision_text: scrub(decision, keep, known, 'decision', review),
      complaint_text: complaint,
      fine_fen: fine,
      confiscation_fen: confiscation,
      // As recorded by staff; null for decisions recorded before the type was asked (then read from the text above).
      decision_type: outcome === 'penalty' && typeof data.decisionType === 'string' ? decisionTypeOf(data, str(data.decision) ?? '') : null,
      decision_number: outcome === 'penalty' ? str(data.decisionNumber) : null,
      penalty_kinds:
        outcome === 'penalty' && Array.isArray(data.penalties) ? JSON.stringify(data.penalties.filter((k) => typeof k === 'string')) : null,
    },
    review,
  };
}

export interface DispositionEdit {
  findingsText?: string;
  decisionText?: string;
  /** null removes the complaint text; a string is only accepted with the complainant's consent. */
  complaintText?: string | null;
  fineFen?: number | null;
  confiscationFen?: number | null;
}

async function applyEdit(
  trx: Db,
  d: DispositionRow,
  edit: DispositionEdit,
  known: KnownPerson[],
): Promise<{ set: Partial<DispositionTable>; before: Partial<DispositionTable> }> {
  const keep = d.business_name && d.business_key ? [d.business_name] : [];
  const clean = (s: string) => withoutSource(anonymise(s.trim(), { keep, known }).text);
  const set: Partial<DispositionTable> = {};
  if (edit.findingsText !== undefined) set.findings_text = clean(edit.findingsText);
  if (edit.decisionText !== undefined) set.decision_text = clean(edit.decisionText);
  if (edit.complaintText !== undefined) {
    if (edit.complaintText !== null) {
      const c = await trx
        .selectFrom('intake_case')
        .select(['kind', 'consent_publish'])
        .where('id', '=', d.case_id)
        .executeTakeFirstOrThrow();
      if (c.kind !== 'complaint' || c.consent_publish !== 1)
        throw new AppError('VALIDATION', '投诉人未同意公开投诉内容', [{ path: 'complaintText', message: '投诉人未同意公开投诉内容' }]);
    }
    set.complaint_text = edit.complaintText === null ? null : clean(edit.complaintText);
  }
  for (const [k, col] of [
    ['fineFen', 'fine_fen'],
    ['confiscationFen', 'confiscation_fen'],
  ] as const) {
    const v = edit[k];
    if (v === undefined) continue;
    if (v !== null && (!Number.isInteger(v) || v < 0))
      throw new AppError('VALIDATION', '金额必须是非负整数（分）', [{ path: k, message: '金额必须是非负整数（分）' }]);
    set[col] = v;
  }
  const before: Partial<DispositionTable> = {};
  for (const k of Object.keys(set) as (keyof DispositionTable)[]) (before as Record<string, unknown>)[k] = d[k];
  return { set, before };
}

/** Staff edit a draft before approval (texts are anonymised again on save). */
export async function editDraftDisposition(
  deps: Pick<Deps, 'db' | 'clock' | 'cipher'>,
  id: string,
  edit: DispositionEdit,
  actor: Actor,
  opts: { expectedVersion?: number } & Audited = {},
): Promise<DispositionRow> {
  requireRole(actor, EDITORS);
  const now = deps.clock.now();
  const at = now.toISOString();
  return deps.db.transaction().execute(async (trx) => {
    const d = await loadDisposition(trx, id);
    checkVersion(d, opts.expectedVersion);
    nextStatus(d, 'edit');
    const { set, before } = await applyEdit(trx, d, edit, await casePersons(trx, deps.cipher, d.case_id));
    const next = await update(trx, d, set, at);
    await revise(trx, next, 'edit', actor, null, before, at);
    await appendAuditOf(trx, opts, now);
    return next;
  });
}

/**
 * Approves and publishes a draft. Where the case can take `publish` (decided, mediation results), the
 * transition is applied in the same transaction, so the D11 clock stops exactly when the record goes out.
 */
export async function approveDisposition(
  deps: Pick<Deps, 'db' | 'clock'>,
  id: string,
  actor: Actor,
  opts: { expectedVersion?: number } & Audited = {},
): Promise<DispositionRow> {
  requireRole(actor, APPROVERS);
  const now = deps.clock.now();
  const at = now.toISOString();
  return deps.db.transaction().execute(async (trx) => {
    const d = await loadDisposition(trx, id);
    checkVersion(d, opts.expectedVersion);
    const status = nextStatus(d, 'approve');
    refuseSourceNaming({ findings_text: d.findings_text, decision_text: d.decision_text, complaint_text: d.complaint_text });
    // Order 45 Art. 8: the party is told before publication (records drafted before this was asked are exempt).
    if (d.outcome === 'penalty' && d.decision_type !== null && !d.party_told_on)
      throw new AppError('VALIDATION', '公示前须告知当事人（《市场监督管理行政处罚信息公示规定》第八条）：请先记录告知的日期和方式', [
        { path: 'partyToldOn', message: '请先记录已告知当事人' },
      ]);
    const c = await trx.selectFrom('intake_case').select('status').where('id', '=', d.case_id).executeTakeFirstOrThrow();
    if (PUBLISHABLE_CASE_STATUSES.includes(c.status)) await applyTransitionIn(trx, d.case_id, { type: 'publish' }, actor, now);
    const until = publicUntil(d, now, await lowFineFen(trx)).toISOString();
    const next = await update(trx, d, { status, published_at: at, public_until: until }, at);
    await revise(trx, next, 'approve', actor, null, { status: d.status, published_at: d.published_at, public_until: d.public_until }, at);
    await queueEdgeRecord(trx, next, at);
    await appendAuditOf(trx, opts, now);
    return next;
  });
}

/**
 * The decision behind a published record was revoked or changed: recorded on the case, which starts D14
 * (withdraw or correct the record within 3 working days, Order 45 Art. 11); withdrawing or correcting stops it.
 */
export async function recordOverturn(
  deps: Pick<Deps, 'db' | 'clock'>,
  id: string,
  reason: string,
  actor: Actor,
  opts: { expectedVersion?: number } & Audited = {},
): Promise<DispositionRow> {
  requireRole(actor, APPROVERS);
  const why = needReason(reason);
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const d = await loadDisposition(trx, id);
    checkVersion(d, opts.expectedVersion);
    if (d.status !== 'published') throw new AppError('INVALID_TRANSITION', '只有已公开的记录才需要撤下或更正');
    await applyTransitionIn(trx, d.case_id, { type: 'overturn_decision', reason: why, data: { dispositionId: d.id } }, actor, now);
    await appendAuditOf(trx, opts, now);
    return d;
  });
}

/** A CST calendar date typed by staff, named in its error by `label`. */
const cstDateField = (label: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}：请填写日期，如 2026-11-03`);

/**
 * Parses a dated record staff enter on a disposition (errors under `prefix.`), refusing a date after
 * today; `notBeforeDecision` then refuses one before the decision.
 */
function parseDated<S extends z.ZodType<{ on: string }>>(
  schema: S,
  input: unknown,
  prefix: string,
  label: string,
  fallback: string,
  now: Date,
): z.output<S> {
  const p = schema.safeParse(input);
  if (!p.success)
    throw new AppError(
      'VALIDATION',
      p.error.issues[0]?.message ?? fallback,
      p.error.issues.map((i) => ({ path: `${prefix}.${i.path.join('.')}`, message: i.message })),
    );
  if (p.data.on > cstDateOf(now))
    throw new AppError('VALIDATION', `${label}不能晚于今天`, [{ path: `${prefix}.on`, message: `${label}：不能晚于今天` }]);
  return p.data;
}

function notBeforeDecision(on: string, d: DispositionRow, prefix: string, label: string): void {
  if (on < cstDateOf(new Date(d.decided_at)))
    throw new AppError('VALIDATION', `${label}不能早于决定日期`, [{ path: `${prefix}.on`, message: `${label}：不能早于决定日期` }]);
}

export const NationalEntrySchema = z.object({
  on: cstDateField('录入日期'),
  reference: z.string().trim().min(2, '记录编号：请填写国家企业信用信息公示系统中的记录编号或文号').max(100, '记录编号：不能超过100个字'),
});

/**
 * Staff record that the published penalty is on the national 企业信用信息公示系统 (Order 45 Art. 9):
 * the case's record_national_entry event stops D11 in the same transaction.
 */
export async function recordNationalEntry(
  deps: Pick<Deps, 'db' | 'clock'>,
  id: string,
  input: z.input<typeof NationalEntrySchema>,
  actor: Actor,
  opts: { expectedVersion?: number } & Audited = {},
): Promise<DispositionRow> {
  requireRole(actor, EDITORS);
  const now = deps.clock.now();
  const at = now.toISOString();
  const entry = parseDated(NationalEntrySchema, input, 'nationalEntry', '录入日期', '请填写录入日期和记录编号', now);
  return deps.db.transaction().execute(async (trx) => {
    const d = await loadDisposition(trx, id);
    checkVersion(d, opts.expectedVersion);
    if (d.outcome !== 'penalty' || d.status !== 'published')
      throw new AppError('INVALID_TRANSITION', '只有已公开的行政处罚信息才能登记国家公示系统录入情况');
    if (d.national_entry_on) throw new AppError('INVALID_TRANSITION', '已登记过国家公示系统录入情况');
    notBeforeDecision(entry.on, d, 'nationalEntry', '录入日期');
    await applyTransitionIn(
      trx,
      d.case_id,
      { type: 'record_national_entry', data: { dispositionId: d.id, on: entry.on, reference: entry.reference } },
      actor,
      now,
    );
    const next = await update(trx, d, { national_entry_on: entry.on, national_entry_ref: entry.reference }, at);
    await revise(trx, next, 'edit', actor, '登记国家企业信用信息公示系统录入', { national_entry_on: null, national_entry_ref: null }, at);
    await appendAuditOf(trx, opts, now);
    return next;
  });
}

export const PartyToldSchema = z.object({
  on: cstDateField('告知日期'),
  how: z.string().trim().min(2, '告知方式：请填写，如“送达告知书”').max(100, '告知方式：不能超过100个字'),
});

/** Records that the party was told its penalty will be published (Order 45 Art. 8), on a draft. */
export async function recordPartyTold(
  deps: Pick<Deps, 'db' | 'clock'>,
  id: string,
  input: z.input<typeof PartyToldSchema>,
  actor: Actor,
  opts: { expectedVersion?: number } & Audited = {},
): Promise<DispositionRow> {
  requireRole(actor, EDITORS);
  const now = deps.clock.now();
  const at = now.toISOString();
  const told = parseDated(PartyToldSchema, input, 'partyTold', '告知日期', '请填写告知的日期和方式', now);
  return deps.db.transaction().execute(async (trx) => {
    const d = await loadDisposition(trx, id);
    checkVersion(d, opts.expectedVersion);
    nextStatus(d, 'edit');
    notBeforeDecision(told.on, d, 'partyTold', '告知日期');
    const next = await update(trx, d, { party_told_on: told.on, party_told_how: told.how }, at);
    await revise(
      trx,
      next,
      'edit',
      actor,
      '告知当事人将予公示',
      { party_told_on: d.party_told_on ?? null, party_told_how: d.party_told_how ?? null },
      at,
    );
    await appendAuditOf(trx, opts, now);
    return next;
  });
}

/** Default of the setting `publication.low_fine_yuan`: a fine up to this is a 较低数额罚款 (Order 45 Art. 13; a provincial standard, unconfirmed). */
export const DEFAULT_LOW_FINE_YUAN = 10_000;

async function lowFineFen(db: Db): Promise<number> {
  const row = await db.selectFrom('app_setting').select('value').where('key', '=', 'publication.low_fine_yuan').executeTakeFirst();
  const v = Number(row?.value);
  return Math.round((Number.isFinite(v) && v >= 0 ? v : DEFAULT_LOW_FINE_YUAN) * 100);
}

/** A CST calendar date plus whole months (the day clamped to the month's end). */
function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${ny}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * When a record published at `publishedAt` leaves the public lists (Order 45 Art. 13): 3 months for
 * 通报批评 or a lower fine alone (no confiscation, no other penalty), 3 years otherwise — counted from
 * the day of publication, ending at the start of the same day of the month 3 months / 3 years later.
 */
export function publicUntil(
  d: Pick<DispositionTable, 'outcome' | 'penalty_kinds' | 'fine_fen' | 'confiscation_fen'>,
  publishedAt: Date,
  lowFine: number,
): Date {
  const kinds = d.penalty_kinds ? (JSON.parse(d.penalty_kinds) as string[]) : [];
  const light =
    d.outcome === 'penalty' &&
    (d.confiscation_fen ?? 0) === 0 &&
    (kinds.length > 0 ? kinds.every((k) => k === 'criticism' || k === 'fine' || k === 'warning') : (d.fine_fen ?? 0) > 0) &&
    (d.fine_fen ?? 0) <= lowFine;
  return cstStartOfDay(addMonths(cstDateOf(publishedAt), light ? 3 : 36));
}

/**
 * Ends the publication of a record early (Order 45 Art. 14: the party repaired its credit): it leaves
 * the public lists at once; the reason is kept in the record's history.
 */
export async function endPublicationEarly(
  deps: Pick<Deps, 'db' | 'clock'>,
  id: string,
  reason: string,
  actor: Actor,
  opts: { expectedVersion?: number } & Audited = {},
): Promise<DispositionRow> {
  requireRole(actor, APPROVERS);
  const why = needReason(reason);
  const now = deps.clock.now();
  const at = now.toISOString();
  return deps.db.transaction().execute(async (trx) => {
    const d = await loadDisposition(trx, id);
    checkVersion(d, opts.expectedVersion);
    nextStatus(d, 'end');
    if (d.public_until && d.public_until <= at) throw new AppError('INVALID_TRANSITION', '该记录的公示期已经结束');
    const next = await update(trx, d, { public_until: at, ended_at: at, ended_reason: why }, at);
    await revise(trx, next, 'end', actor, why, { public_until: d.public_until, ended_at: d.ended_at, ended_reason: d.ended_reason }, at);
    // The edge holds no period: an early end leaves it as a withdrawal would.
    await queueEdgeRecord(trx, next, at);
    await appendAuditOf(trx, opts, now);
    return next;
  });
}

/** Corrects a published record; the reason is kept (and shown, anonymised, on the public page). */
export async function correctDisposition(
  deps: Pick<Deps, 'db' | 'clock' | 'cipher'>,
  id: string,
  edit: DispositionEdit,
  reason: string,
  actor: Actor,
  opts: { expectedVersion?: number } & Audited = {},
): Promise<DispositionRow> {
  requireRole(actor, APPROVERS);
  const why = needReason(reason);
  const now = deps.clock.now();
  const at = now.toISOString();
  return deps.db.transaction().execute(async (trx) => {
    const d = await loadDisposition(trx, id);
    checkVersion(d, opts.expectedVersion);
    nextStatus(d, 'correct');
    const { set, before } = await applyEdit(trx, d, edit, await casePersons(trx, deps.cipher, d.case_id));
    refuseSourceNaming({ correction_note: why });
    await applyTransitionIn(trx, d.case_id, { type: 'correct_publication', data: { dispositionId: d.id } }, actor, now);
    before.correction_note = d.correction_note;
    before.corrected_at = d.corrected_at;
    const next = await update(
      trx,
      d,
      { ...set, correction_note: anonymise(why, { known: await casePersons(trx, deps.cipher, d.case_id) }).text, corrected_at: at },
      at,
    );
    await revise(trx, next, 'correct', actor, why, before, at);
    await queueEdgeRecord(trx, next, at);
    await appendAuditOf(trx, opts, now);
    return next;
  });
}

/** Withdraws a draft or a published record; it leaves the lists and its page says it was withdrawn. */
export async function withdrawDisposition(
  deps: Pick<Deps, 'db' | 'clock' | 'cipher'>,
  id: string,
  reason: string,
  actor: Actor,
  opts: { expectedVersion?: number } & Audited = {},
): Promise<DispositionRow> {
  requireRole(actor, APPROVERS);
  const why = needReason(reason);
  const now = deps.clock.now();
  const at = now.toISOString();
  return deps.db.transaction().execute(async (trx) => {
    const d = await loadDisposition(trx, id);
    checkVersion(d, opts.expectedVersion);
    const status = nextStatus(d, 'withdraw');
    refuseSourceNaming({ withdraw_reason: why });
    if (d.status === 'published')
      await applyTransitionIn(trx, d.case_id, { type: 'withdraw_publication', data: { dispositionId: d.id } }, actor, now);
    const next = await update(
      trx,
      d,
      { status, withdraw_reason: anonymise(why, { known: await casePersons(trx, deps.cipher, d.case_id) }).text, withdrawn_at: at },
      at,
    );
    await revise(trx, next, 'withdraw', actor, why, { status: d.status }, at);
    await queueEdgeRecord(trx, next, at);
    await appendAuditOf(trx, opts, now);
    return next;
  });
}

export interface ReviewSource {
  field: ReviewField;
  /** The original text (personal data included): for staff eyes only. */
  text: string;
  findings: { type: PiiType; start: number; end: number }[];
}

/**
 * What the reviewer sees: the disposition plus each source text with the anonymiser's findings as
 * offsets, so the back office can highlight what was masked. Sources are read afresh, never stored twice.
 */
export async function dispositionForReview(
  deps: Pick<Deps, 'db'>,
  id: string,
): Promise<{ disposition: DispositionRow; sources: ReviewSource[] }> {
  const d = await loadDisposition(deps.db, id);
  const review = JSON.parse(d.review) as ReviewRecord;
  const c = await deps.db
    .selectFrom('intake_case')
    .select(['description', 'business_name'])
    .where('id', '=', d.case_id)
    .executeTakeFirstOrThrow();
  const ev = await deps.db.selectFrom('case_event').select(['reason', 'data']).where('id', '=', review.eventId).executeTakeFirst();
  const data = (ev?.data ? JSON.parse(ev.data) : {}) as DecisionData;
  const texts: Record<ReviewField, string | null> = {
    findings: str(data.findings) ?? ev?.reason ?? null,
    decision: str(data.decision) ?? str(data.agreement),
    complaint: c.description,
    business: c.business_name,
  };
  const sources: ReviewSource[] = [];
  for (const field of ['findings', 'decision', 'complaint', 'business'] as const) {
    const items = review.findings.filter((f) => f.field === field);
    const text = texts[field];
    if (text && (items.length > 0 || field !== 'complaint' || d.complaint_text !== null))
      sources.push({ field, text, findings: items.map(({ type, start, end }) => ({ type, start, end })) });
  }
  return { disposition: d, sources };
}

/** Cases with a recorded decision and no disposition yet (for a back-office "to draft" list or a sweep). */
export async function casesAwaitingDraft(db: Db, limit = 200): Promise<string[]> {
  const rows = await db
    .selectFrom('intake_case')
    .leftJoin('disposition', 'disposition.case_id', 'intake_case.id')
    .select('intake_case.id')
    .where('intake_case.status', 'in', DECISION_STATUSES)
    .where('disposition.id', 'is', null)
    .orderBy('intake_case.updated_at')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

// Public reads of published dispositions: the list with filters, one record, a business's history, and
// a batch iterator for exports (keyset pages, so memory stays constant however many rows there are).
// Only status 'published' is ever returned; a withdrawn record is reported as withdrawn, nothing more.
// A record whose public period is over (Order 45 Art. 13–14: public_until passed) leaves the lists and its
// page says only that. Nothing public says whether a case came from a complaint or a report.
import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { DispositionRow } from './publication.table.ts';
import { cstDateOf, cstStartOfDay, addDays } from '../deadlines/cst.ts';
import { CATEGORY_LABELS, OUTCOME_LABELS, type Outcome, categoryLabel } from './labels.ts';

export interface ResultFilter {
  category?: string;
  township?: string;
  /** Part of the business name. */
  business?: string;
  /** Exact business key (per-business history). */
  businessKey?: string;
  /** Decision date from/to (CST calendar dates, inclusive). */
  from?: string;
  to?: string;
}

/** What the public (pages, JSON, CSV, feed) sees of a disposition. */
export interface PublicResult {
  ref: string;
  outcome: Outcome;
  outcomeLabel: string;
  /** 决定书文号 of a penalty decision (Order 45 Art. 4). */
  decisionNumber: string | null;
  category: string | null;
  categoryLabel: string;
  township: string | null;
  business: string | null;
  businessKey: string | null;
  findings: string;
  decision: string;
  complaintText: string | null;
  fineYuan: number | null;
  confiscationYuan: number | null;
  /** CST dates, YYYY-MM-DD. */
  decidedOn: string;
  publishedOn: string;
  publishedAt: string;
  correction: { note: string; on: string } | null;
}

export function toPublic(d: DispositionRow): PublicResult {
  return {
    ref: d.public_ref,
    outcome: d.outcome as Outcome,
    outcomeLabel: OUTCOME_LABELS[d.outcome as Outcome] ?? d.outcome,
    decisionNumber: d.decision_number,
    category: d.category,
    categoryLabel: categoryLabel(d.category),
    township: d.township,
    business: d.business_name,
    businessKey: d.business_key,
    findings: d.findings_text,
    decision: d.decision_text,
    complaintText: d.complaint_text,
    fineYuan: d.fine_fen === null ? null : d.fine_fen / 100,
    confiscationYuan: d.confiscation_fen === null ? null : d.confiscation_fen / 100,
    decidedOn: cstDateOf(new Date(d.decided_at)),
    publishedOn: cstDateOf(new Date(d.published_at ?? d.updated_at)),
    publishedAt: d.published_at ?? d.updated_at,
    correction: d.correction_note && d.corrected_at ? { note: d.correction_note, on: cstDateOf(new Date(d.corrected_at)) } : null,
  };
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * `column LIKE '%text%' ESCAPE '\'`: `%`, `_` and `\` in the text match themselves. The ESCAPE clause is
 * needed on SQLite and D1, which have no default escape character (PostgreSQL's default is the same `\`).
 */
export function likeContains(column: string, text: string): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(column)} like ${`%${escapeLike(text)}%`} escape '\\'`;
}

/** Keeps only well-formed filter values (unknown categories, bad dates and over-long text are dropped). */
export function cleanFilter(q: Record<string, string | undefined>): ResultFilter {
  const f: ResultFilter = {};
  const category = q.category?.trim();
  if (category && category in CATEGORY_LABELS) f.category = category;
  const township = q.township?.trim();
  if (township && township.length <= 20) f.township = township;
  const business = q.business?.trim();
  if (business && business.length <= 50) f.business = business;
  if (q.from && DATE_RE.test(q.from) && !Number.isNaN(Date.parse(q.from))) f.from = q.from;
  if (q.to && DATE_RE.test(q.to) && !Number.isNaN(Date.parse(q.to))) f.to = q.to;
  return f;
}

function filtered(db: Db, f: ResultFilter, now: Date) {
  const at = now.toISOString();
  let q = db
    .selectFrom('disposition')
    .selectAll()
    .where('status', '=', 'published')
    .where((eb) => eb.or([eb('public_until', 'is', null), eb('public_until', '>', at)]));
  if (f.category) q = q.where('category', '=', f.category);
  if (f.township) q = q.where('township', '=', f.township);
  if (f.businessKey) q = q.where('business_key', '=', f.businessKey);
  if (f.business) q = q.where(likeContains('business_name', f.business));
  if (f.from) q = q.where('decided_at', '>=', cstStartOfDay(f.from).toISOString());
  if (f.to) q = q.where('decided_at', '<', cstStartOfDay(addDays(f.to, 1)).toISOString());
  return q;
}

export const PAGE_SIZE = 20;

export async function listResults(
  db: Db,
  f: ResultFilter,
  page = 1,
  pageSize = PAGE_SIZE,
  now: Date = new Date(),
): Promise<{ items: PublicResult[]; page: number; hasMore: boolean }> {
  const p = Math.max(1, Math.min(page, 10_000));
  const rows = await filtered(db, f, now)
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(pageSize + 1)
    .offset((p - 1) * pageSize)
    .execute();
  return { items: rows.slice(0, pageSize).map(toPublic), page: p, hasMore: rows.length > pageSize };
}

/** Every matching record, newest first, fetched `batch` rows at a time by keyset (published_at, id). */
export async function* iterateResults(db: Db, f: ResultFilter, batch = 500, now: Date = new Date()): AsyncGenerator<PublicResult> {
  let after: { at: string; id: string } | null = null;
  for (;;) {
    let q = filtered(db, f, now);
    if (after) {
      const a: { at: string; id: string } = after;
      q = q.where((eb) => eb.or([eb('published_at', '<', a.at), eb.and([eb('published_at', '=', a.at), eb('id', '<', a.id)])]));
    }
    const rows = await q.orderBy('published_at', 'desc').orderBy('id', 'desc').limit(batch).execute();
    for (const r of rows) yield toPublic(r);
    const last = rows[rows.length - 1];
    if (!last || rows.length < batch) return;
    after = { at: last.published_at ?? '', id: last.id };
  }
}

export type ResultLookup =
  | { state: 'published'; result: PublicResult }
  | { state: 'withdrawn'; ref: string; reason: string | null; on: string }
  | { state: 'ended'; ref: string; on: string }
  | { state: 'missing' };

export async function getResult(db: Db, ref: string, now: Date = new Date()): Promise<ResultLookup> {
  if (ref.length > 40) return { state: 'missing' };
  const d = await db.selectFrom('disposition').selectAll().where('public_ref', '=', ref).executeTakeFirst();
  // A withdrawn record that was never published stays unknown to the public.
  if (!d || (d.status === 'withdrawn' && !d.published_at) || (d.status !== 'published' && d.status !== 'withdrawn'))
    return { state: 'missing' };
  if (d.status === 'withdrawn')
    return { state: 'withdrawn', ref: d.public_ref, reason: d.withdraw_reason, on: cstDateOf(new Date(d.withdrawn_at ?? d.updated_at)) };
  if (d.public_until && d.public_until <= now.toISOString())
    return { state: 'ended', ref: d.public_ref, on: cstDateOf(new Date(d.public_until)) };
  return { state: 'published', result: toPublic(d) };
}

export interface BusinessHistory {
  business: string;
  businessKey: string;
  items: PublicResult[];
  penalties: number;
  mediations: number;
}

export async function businessHistory(db: Db, key: string, now: Date = new Date()): Promise<BusinessHistory | null> {
  if (key.length > 80) return null;
  const items = (
    await filtered(db, { businessKey: key }, now).orderBy('decided_at', 'desc').orderBy('id', 'desc').limit(500).execute()
  ).map(toPublic);
  const first = items[0];
  if (!first?.business) return null;
  return {
    business: first.business,
    businessKey: key,
    items,
    penalties: items.filter((i) => i.outcome === 'penalty').length,
    mediations: items.filter((i) => i.outcome === 'mediation_succeeded' || i.outcome === 'mediation_failed').length,
  };
}

// The public results as the edge serves them: reads over D1 (the same filters, order and shapes as the
// office's results.queries.ts), and the sync that the office pushes, idempotent by record and version.
import { type BusinessHistory, cleanFilter, likeContains, type PublicResult, type ResultFilter } from '../publication/results.queries.ts';
import type { ResultsSource } from '../publication/results.source.ts';
import type { Statistics } from '../publication/statistics.queries.ts';
import type { EdgeDb } from './edge.db.ts';
import type { SyncItem, SyncOutcome } from './sync.schema.ts';

export { cleanFilter };

function filtered(db: EdgeDb, f: ResultFilter) {
  let q = db.selectFrom('edge_result').select(['ref', 'published_at', 'record']);
  if (f.category) q = q.where('category', '=', f.category);
  if (f.township) q = q.where('township', '=', f.township);
  if (f.businessKey) q = q.where('business_key', '=', f.businessKey);
  if (f.business) q = q.where(likeContains('business', f.business));
  if (f.from) q = q.where('decided_on', '>=', f.from);
  if (f.to) q = q.where('decided_on', '<=', f.to);
  return q;
}

const parse = (r: { record: string }) => JSON.parse(r.record) as PublicResult;

export function edgeResultsSource(db: EdgeDb): ResultsSource {
  return {
    async list(f, page, pageSize = 20) {
      const p = Math.max(1, Math.min(page, 10_000));
      const rows = await filtered(db, f)
        .orderBy('published_at', 'desc')
        .orderBy('ref', 'desc')
        .limit(pageSize + 1)
        .offset((p - 1) * pageSize)
        .execute();
      return { items: rows.slice(0, pageSize).map(parse), page: p, hasMore: rows.length > pageSize };
    },
    async *iterate(f) {
      let after: { at: string; ref: string } | null = null;
      for (;;) {
        let q = filtered(db, f);
        if (after) {
          const a: { at: string; ref: string } = after;
          q = q.where((eb) => eb.or([eb('published_at', '<', a.at), eb.and([eb('published_at', '=', a.at), eb('ref', '<', a.ref)])]));
        }
        const rows = await q.orderBy('published_at', 'desc').orderBy('ref', 'desc').limit(500).execute();
        for (const r of rows) yield parse(r);
        const last = rows[rows.length - 1];
        if (!last || rows.length < 500) return;
        after = { at: last.published_at, ref: last.ref };
      }
    },
    async get(ref) {
      if (ref.length > 40) return { state: 'missing' };
      const r = await db.selectFrom('edge_result').select('record').where('ref', '=', ref).executeTakeFirst();
      if (r) return { state: 'published', result: parse(r) };
      const w = await db.selectFrom('edge_withdrawn').selectAll().where('ref', '=', ref).executeTakeFirst();
      return w ? { state: 'withdrawn', ref: w.ref, reason: w.reason, on: w.withdrawn_on } : { state: 'missing' };
    },
    async business(key): Promise<BusinessHistory | null> {
      if (key.length > 80) return null;
      const items = (
        await filtered(db, { businessKey: key }).orderBy('decided_on', 'desc').orderBy('ref', 'desc').limit(500).execute()
      ).map(parse);
      const first = items[0];
      if (!first?.business) return null;
      return {
        business: first.business,
        businessKey: key,
        items,
        penalties: items.filter((i) => i.outcome === 'penalty').length,
        mediations: items.filter((i) => i.outcome === 'mediation_succeeded' || i.outcome === 'mediation_failed').length,
      };
    },
    async statistics() {
      const s = await db.selectFrom('edge_statistics').select('snapshot').where('id', '=', 'public').executeTakeFirst();
      return s ? (JSON.parse(s.snapshot) as Statistics) : null;
    },
  };
}

/** The version the edge holds for a reference (published or withdrawn), 0 if none. */
async function heldVersion(db: EdgeDb, ref: string): Promise<number> {
  const [r, w] = await Promise.all([
    db.selectFrom('edge_result').select('version').where('ref', '=', ref).executeTakeFirst(),
    db.selectFrom('edge_withdrawn').select('version').where('ref', '=', ref).executeTakeFirst(),
  ]);
  return Math.max(r?.version ?? 0, w?.version ?? 0);
}

/**
 * Applies one pushed item unless the edge already holds that version or a newer one ('stale'): a retried or
 * replayed push changes nothing, and an older record never overwrites a newer one or undoes a withdrawal.
 * A withdrawal deletes the record's row; only the reference, reason and date stay (its 410 page).
 */
export async function applySyncItem(db: EdgeDb, item: SyncItem): Promise<Exclude<SyncOutcome, 'refused'>> {
  if (item.type === 'statistics') {
    const held = await db.selectFrom('edge_statistics').select('version').where('id', '=', 'public').executeTakeFirst();
    if (held && held.version >= item.version) return 'stale';
    const row = { id: 'public' as const, version: item.version, computed_at: item.computedAt, snapshot: JSON.stringify(item.snapshot) };
    await db
      .insertInto('edge_statistics')
      .values(row)
      .onConflict((oc) => oc.column('id').doUpdateSet({ version: row.version, computed_at: row.computed_at, snapshot: row.snapshot }))
      .execute();
    return 'applied';
  }
  if ((await heldVersion(db, item.ref)) >= item.version) return 'stale';
  if (item.type === 'withdrawal') {
    await db.deleteFrom('edge_result').where('ref', '=', item.ref).execute();
    const row = { ref: item.ref, version: item.version, reason: item.reason, withdrawn_on: item.on };
    await db
      .insertInto('edge_withdrawn')
      .values(row)
      .onConflict((oc) => oc.column('ref').doUpdateSet({ version: row.version, reason: row.reason, withdrawn_on: row.withdrawn_on }))
      .execute();
    return 'applied';
  }
  const r = item.record;
  if (r.ref !== item.ref) throw new Error('record ref differs from item ref');
  // Not atomic (kysely-d1 has no transactions), but safe to repeat: until the office gets its 2xx it sends the
  // item again, and a half-applied item is completed then.
  const row = {
    ref: r.ref,
    version: item.version,
    category: r.category,
    township: r.township,
    business: r.business,
    business_key: r.businessKey,
    outcome: r.outcome,
    decided_on: r.decidedOn,
    published_at: r.publishedAt,
    record: JSON.stringify(r),
  };
  await db.deleteFrom('edge_withdrawn').where('ref', '=', item.ref).execute();
  const { ref: _ref, ...update } = row;
  await db
    .insertInto('edge_result')
    .values(row)
    .onConflict((oc) => oc.column('ref').doUpdateSet(update))
    .execute();
  return 'applied';
}

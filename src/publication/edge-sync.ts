// The office side of the edge (src/edge/): publish, correct and withdraw write an edge_outbox row in their
// own transaction (queueEdgeRecord); the repeatable `edge.sync` job refreshes the statistics snapshot when it
// is due and pushes every undelivered row to the worker's POST /_edge/sync, signed with EDGE_SYNC_SECRET.
// A record whose public period runs out is queued for removal by the same job (queueEdgeExpiries).
// A row is marked delivered only when the worker answered 2xx; while the edge is unreachable the rows wait
// (attempts and last_error counted) and go out on a later run. The worker is idempotent by (ref, version),
// so a push repeated after a lost answer changes nothing.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Db, Trx } from '../db/database.ts';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, sign } from '../edge/signature.ts';
import type { SyncItem } from '../edge/sync.schema.ts';
import type { Logger } from '../lib/logger.ts';
import { cstDateOf } from '../deadlines/cst.ts';
import type { EdgeOutboxKind } from './edge-outbox.table.ts';
import type { DispositionRow } from './publication.table.ts';
import { toPublic } from './results.queries.ts';
import { publicStatistics } from './statistics.queries.ts';

export interface EdgeTarget {
  /** The worker's base URL, e.g. https://shiantong-results.example.workers.dev */
  url: string;
  secret: string;
  /** For tests: another fetch (e.g. Miniflare's dispatchFetch). */
  fetch?: (
    url: string,
    init: { method: string; headers: Record<string, string>; body: string },
  ) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;
}

async function insertItem(db: Db | Trx, kind: EdgeOutboxKind, ref: string | null, item: SyncItem, at: string): Promise<void> {
  await db
    .insertInto('edge_outbox')
    .values({ id: randomUUID(), kind, ref, version: item.version, payload: JSON.stringify(item), created_at: at, attempts: 0 })
    .execute();
}

/**
 * Call inside the transaction that published, corrected or withdrew `d` (the row as it now is). A record
 * withdrawn before it was ever published stays unknown to the public, so nothing is queued for it.
 */
export async function queueEdgeRecord(trx: Trx, d: DispositionRow, at: string): Promise<void> {
  if (d.status === 'published' && d.ended_at) {
    // Published, but its public period was ended early (Order 45 Art. 14): off the edge like a withdrawal.
    const on = cstDateOf(new Date(d.ended_at));
    await insertItem(
      trx,
      'withdrawal',
      d.public_ref,
      { type: 'withdrawal', ref: d.public_ref, version: d.version, reason: '公示期已结束', on },
      at,
    );
  } else if (d.status === 'published') {
    await insertItem(trx, 'record', d.public_ref, { type: 'record', ref: d.public_ref, version: d.version, record: toPublic(d) }, at);
  } else if (d.status === 'withdrawn' && d.published_at) {
    const on = cstDateOf(new Date(d.withdrawn_at ?? d.updated_at));
    await insertItem(
      trx,
      'withdrawal',
      d.public_ref,
      { type: 'withdrawal', ref: d.public_ref, version: d.version, reason: d.withdraw_reason, on },
      at,
    );
  }
}

/**
 * Queues, once, the removal from the edge of every published record whose public period (public_until,
 * Order 45 Art. 13) has run out: the office's public pages drop it by date alone, with no event that would
 * queue anything. A record that already has a withdrawal item (withdrawn, ended early, or expired on an
 * earlier run) is skipped, so the item goes out once. Its version is one above the record's: the edge holds
 * the record at `version` and would take an item of the same version as stale. Returns how many were queued.
 */
export async function queueEdgeExpiries(db: Db, now: Date): Promise<number> {
  const at = now.toISOString();
  const due = await db
    .selectFrom('disposition')
    .select(['public_ref', 'version', 'public_until'])
    .where('status', '=', 'published')
    .where('public_until', 'is not', null)
    .where('public_until', '<=', at)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('edge_outbox')
            .select('edge_outbox.id')
            .where('edge_outbox.kind', '=', 'withdrawal')
            .whereRef('edge_outbox.ref', '=', 'disposition.public_ref'),
        ),
      ),
    )
    .execute();
  for (const d of due) {
    const version = Number(d.version) + 1;
    const on = cstDateOf(new Date(d.public_until ?? at));
    await insertItem(db, 'withdrawal', d.public_ref, { type: 'withdrawal', ref: d.public_ref, version, reason: '公示期已结束', on }, at);
  }
  return due.length;
}

/** Queues a fresh statistics snapshot (small cells suppressed, as the office's public page shows it). */
export async function queueEdgeStatistics(db: Db, now: Date): Promise<void> {
  const snapshot = await publicStatistics(db, now);
  await insertItem(
    db,
    'statistics',
    null,
    { type: 'statistics', version: now.getTime(), computedAt: now.toISOString(), snapshot },
    now.toISOString(),
  );
}

/** Whether the last queued snapshot is older than `everyMs` (or there is none). */
export async function statisticsDue(db: Db, now: Date, everyMs: number): Promise<boolean> {
  const last = await db
    .selectFrom('edge_outbox')
    .select('created_at')
    .where('kind', '=', 'statistics')
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return !last || now.getTime() - Date.parse(last.created_at) >= everyMs;
}

export interface PushResult {
  delivered: number;
  pending: number;
  /** Items the edge refused as invalid (kept with refused_at set, not sent again until cleared). */
  refused?: number;
  error?: string;
}

const AnswerSchema = z.object({
  results: z.array(z.enum(['applied', 'stale', 'refused'])),
  refused: z.array(z.object({ index: z.number().int(), fields: z.array(z.unknown()) })).optional(),
});

const MAX_BATCH_BYTES = 1_000_000;

const pendingRows = (db: Db) => db.selectFrom('edge_outbox').where('delivered_at', 'is', null).where('refused_at', 'is', null);

/**
 * Pushes undelivered rows (oldest first, up to 100 per request) until none is left or the edge fails. An item
 * the edge refuses as invalid (say, a field its schema lacks after an office upgrade) is marked refused_at
 * with the edge's reasons in last_error and logged, so it cannot hold back the rows behind it.
 */
export async function pushToEdge(p: { db: Db; now: () => Date; logger?: Logger }, target: EdgeTarget): Promise<PushResult> {
  const doFetch = target.fetch ?? ((url, init) => fetch(url, init));
  let delivered = 0;
  let refusedCount = 0;
  const done = (r: PushResult): PushResult => (refusedCount ? { ...r, refused: refusedCount } : r);
  for (;;) {
    const candidates = await pendingRows(p.db).select(['id', 'payload']).orderBy('created_at').orderBy('version').limit(100).execute();
    if (!candidates.length) return done({ delivered, pending: 0 });
    // At most ~1 MB a request (the worker takes up to 2 MB); one item alone is far smaller (sync.schema.ts limits).
    let size = 0;
    const rows = candidates.filter((r, i) => (size += r.payload.length * 3) <= MAX_BATCH_BYTES || i === 0);
    const body = `{"items":[${rows.map((r) => r.payload).join(',')}]}`;
    // Real time, not the injectable clock: the worker checks the signature's freshness against its own.
    const ts = Date.now();
    const ids = rows.map((r) => r.id);
    let error: string | undefined;
    let answer: z.infer<typeof AnswerSchema> | undefined;
    try {
      const res = await doFetch(`${target.url.replace(/\/+$/, '')}/_edge/sync`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          [TIMESTAMP_HEADER]: String(ts),
          [SIGNATURE_HEADER]: await sign(target.secret, ts, body),
        },
        body,
      });
      if (!res.ok) error = `edge answered ${res.status}`;
      else {
        const a = AnswerSchema.safeParse(await res.json());
        if (a.success && a.data.results.length === rows.length) answer = a.data;
        else error = 'edge answered without one result per item';
      }
    } catch (e) {
      error = (e as Error).message.slice(0, 300) || 'edge unreachable';
    }
    if (error || !answer) {
      await p.db
        .updateTable('edge_outbox')
        .set((eb) => ({ attempts: eb('attempts', '+', 1), last_error: error }))
        .where('id', 'in', ids)
        .execute();
      const left = await pendingRows(p.db)
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .executeTakeFirstOrThrow();
      p.logger?.warn({ pending: Number(left.n), error }, 'edge sync failed; rows kept for the next run');
      return done({ delivered, pending: Number(left.n), ...(error ? { error } : {}) });
    }
    const at = p.now().toISOString();
    const taken = ids.filter((_, i) => answer.results[i] !== 'refused');
    if (taken.length) await p.db.updateTable('edge_outbox').set({ delivered_at: at, last_error: null }).where('id', 'in', taken).execute();
    for (const [i, id] of ids.entries()) {
      if (answer.results[i] !== 'refused') continue;
      const why = JSON.stringify(answer.refused?.find((r) => r.index === i)?.fields ?? []).slice(0, 1000);
      await p.db
        .updateTable('edge_outbox')
        .set({ refused_at: at, last_error: `refused by the edge: ${why}` })
        .where('id', '=', id)
        .execute();
      p.logger?.error({ outboxId: id, fields: why }, 'the edge refused an item; it is kept in edge_outbox with refused_at');
      refusedCount++;
    }
    delivered += taken.length;
  }
}

// The append-only audit log: who signed in, who saw a citizen's identity and why, every action on a case.
// Each row carries the MAC of the previous row (a keyed hash chain: HMAC-SHA-256 with a key derived from
// the identity key, which lives outside the database) and the chain's head (last seq + MAC) is kept in
// audit_head, so editing any row, deleting any row (the last one included) or re-ordering rows is found by
// verifyAuditLog; without the key nobody can re-chain the rows after a deletion. The head is also anchored
// outside the database (audit-anchor.ts), which catches even a re-chaining by someone holding the key.
// Rows written before the chain became keyed (seq < audit_head.keyed_from) keep their plain SHA-256 links. Appends run inside the caller's transaction: the audit row commits with the
// change it records, or neither does. Services that change something take the audit entry from their
// caller (`{ audit }`) and append it in their own transaction; an event that changes nothing else (an
// export, a refused sign-in) is a transaction holding only its audit row.
//
// Invariants: rows are never updated or deleted by the app; seq runs 1, 2, 3… without gaps; detail never
// holds personal data of citizens (ids, event names and reasons typed by staff only).
import { createHash, createHmac, hkdfSync } from 'node:crypto';
import type { Db, Trx } from '../db/database.ts';
import type { AuditAction, AuditActorRole, AuditLogTable } from './staff.table.ts';

export const AUDIT_GENESIS = 'f3b6a1b5f1d5c1a2c6c0a0c2a5e9c8f4b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6';

export interface AuditEntry {
  actorId: string | null;
  actorRole: AuditActorRole | null;
  action: AuditAction;
  caseId?: string | null;
  detail?: Record<string, unknown> | null;
}

/** What a service that records a staff action takes from its caller. */
export interface Audited {
  /** The audit row of this change, appended in the change's own transaction. */
  audit?: AuditEntry | undefined;
}

/** An entry for an action of `actor` (a staff user, or the system). */
export function auditEntry(
  actor: { id: string | null; role: AuditActorRole },
  action: AuditAction,
  about: { caseId?: string | null; detail?: Record<string, unknown> } = {},
): AuditEntry {
  return { actorId: actor.id, actorRole: actor.role, action, ...about };
}

type Hashed = Omit<AuditLogTable, 'hash'>;

/** The audit chain's key: derived from the identity key (kept outside the database), for this use only. */
export function auditKeyFrom(identityKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', identityKey, Buffer.alloc(0), 'shiantong audit chain v1', 32));
}

// The process's key, set once by createDeps (and the CLIs) from the identity key. Appends run inside
// transactions of every service, which receive a transaction, not deps; hence a module-level key.
let processKey: Buffer | null = null;
let onAppended: (() => void) | null = null;

export function useAuditKey(key: Buffer): void {
  processKey = key;
}

/** Called after each append (the anchor counts rows; it reads the committed head itself). */
export function onAuditAppended(f: (() => void) | null): void {
  onAppended = f;
}

function currentKey(): Buffer {
  if (!processKey) throw new Error('audit key not set: call useAuditKey (createDeps does) before appending');
  return processKey;
}

/**
 * The MAC of a row: every column but the MAC itself, in a fixed order, with its predecessor's MAC.
 * Without a key, the plain SHA-256 of rows written before the chain was keyed.
 */
export function auditHash(r: Hashed, key: Buffer | null): string {
  const canonical = JSON.stringify([r.seq, r.at, r.actor_id, r.actor_role, r.action, r.case_id, r.detail, r.prev_hash]);
  return (key ? createHmac('sha256', key) : createHash('sha256')).update(canonical, 'utf8').digest('hex');
}

/** Appends one row, inside the caller's transaction (the head update serialises concurrent appends). */
export async function appendAudit(trx: Trx, entry: AuditEntry, now: Date): Promise<number> {
  // Bumping the head first takes its row lock (PostgreSQL) before we read the previous hash.
  const head = await trx
    .updateTable('audit_head')
    .set((eb) => ({ seq: eb('seq', '+', 1) }))
    .where('id', '=', 1)
    .returning(['seq', 'hash'])
    .executeTakeFirstOrThrow();
  const seq = Number(head.seq);
  const row: Hashed = {
    seq,
    at: now.toISOString(),
    actor_id: entry.actorId,
    actor_role: entry.actorRole,
    action: entry.action,
    case_id: entry.caseId ?? null,
    detail: entry.detail ? JSON.stringify(entry.detail) : null,
    prev_hash: head.hash,
  };
  const hash = auditHash(row, currentKey());
  await trx
    .insertInto('audit_log')
    .values({ ...row, hash })
    .execute();
  await trx.updateTable('audit_head').set({ hash }).where('id', '=', 1).execute();
  onAppended?.();
  return seq;
}

/** Appends the caller's entry, if it gave one (see Audited). */
export async function appendAuditOf(trx: Trx, opts: Audited, now: Date): Promise<void> {
  if (opts.audit) await appendAudit(trx, opts.audit, now);
}

export interface AuditProblem {
  seq: number;
  problem: 'edited' | 'deleted' | 'chain_broken' | 'head_mismatch' | 'anchor_mismatch';
  message: string;
}

export interface AuditVerification {
  ok: boolean;
  rows: number;
  /** Anchors checked against the rows. */
  anchors: number;
  /** Every problem, ordered by row; the first one names the first row that breaks. */
  problems: AuditProblem[];
}

/** A head written outside the database (audit-anchor.ts). */
export interface AuditAnchorPoint {
  seq: number;
  hash: string;
  keyedFrom: number;
}

/**
 * Walks the whole chain in pages, then checks every anchor against the rows. Reports every problem found,
 * each naming the row (seq). `key` defaults to the process's audit key.
 */
export async function verifyAuditLog(
  db: Db,
  opts: { key?: Buffer; anchors?: readonly AuditAnchorPoint[]; pageSize?: number } = {},
): Promise<AuditVerification> {
  const key = opts.key ?? currentKey();
  const pageSize = opts.pageSize ?? 5000;
  const problems: AuditProblem[] = [];
  const headRow = await db.selectFrom('audit_head').selectAll().where('id', '=', 1).executeTakeFirst();
  const keyedFrom = Number(headRow?.keyed_from ?? 1);
  const anchored = new Map<number, AuditAnchorPoint>();
  for (const a of opts.anchors ?? []) {
    anchored.set(a.seq, a);
    if (a.keyedFrom !== keyedFrom)
      problems.push({
        seq: Math.min(a.keyedFrom, keyedFrom),
        problem: 'anchor_mismatch',
        message: `审计日志的密钥起点被改动（锚点记录为第 ${a.keyedFrom} 条，数据库为第 ${keyedFrom} 条）`,
      });
  }
  let expectedSeq = 1;
  let prevHash = AUDIT_GENESIS;
  let rows = 0;
  for (;;) {
    const page = await db.selectFrom('audit_log').selectAll().where('seq', '>=', expectedSeq).orderBy('seq').limit(pageSize).execute();
    for (const raw of page) {
      const r = { ...raw, seq: Number(raw.seq) };
      rows++;
      if (r.seq !== expectedSeq) {
        const last = r.seq - 1;
        problems.push({
          seq: expectedSeq,
          problem: 'deleted',
          message: expectedSeq === last ? `第 ${expectedSeq} 条记录已被删除` : `第 ${expectedSeq}–${last} 条记录已被删除`,
        });
      }
      const anchor = anchored.get(r.seq);
      if (anchor && anchor.hash !== r.hash)
        problems.push({ seq: r.seq, problem: 'anchor_mismatch', message: `第 ${r.seq} 条记录与库外锚点记录的哈希不符` });
      if (auditHash(r, r.seq >= keyedFrom ? key : null) !== r.hash) {
        problems.push({ seq: r.seq, problem: 'edited', message: `第 ${r.seq} 条记录的内容被修改（哈希不符）` });
      } else if (r.prev_hash !== prevHash && r.seq === expectedSeq) {
        problems.push({ seq: r.seq, problem: 'chain_broken', message: `第 ${r.seq} 条记录与前一条记录的哈希链断开` });
      }
      prevHash = r.hash;
      expectedSeq = r.seq + 1;
    }
    if (page.length < pageSize) break;
  }
  const lastSeq = expectedSeq - 1;
  for (const a of anchored.values())
    if (a.seq > lastSeq) problems.push({ seq: a.seq, problem: 'deleted', message: `库外锚点记录了第 ${a.seq} 条记录，数据库中已不存在` });
  const head = headRow;
  const headSeq = Number(head?.seq ?? -1);
  if (!head || headSeq !== expectedSeq - 1 || head.hash !== prevHash) {
    if (head && headSeq > expectedSeq - 1) {
      problems.push({
        seq: expectedSeq,
        problem: 'deleted',
        message:
          headSeq === expectedSeq
            ? `第 ${expectedSeq} 条记录（最后一条）已被删除`
            : `第 ${expectedSeq}–${headSeq} 条记录（最后的记录）已被删除`,
      });
    } else {
      problems.push({ seq: expectedSeq - 1, problem: 'head_mismatch', message: `审计日志的链头与第 ${expectedSeq - 1} 条记录不符` });
    }
  }
  problems.sort((a, b) => a.seq - b.seq);
  return { ok: problems.length === 0, rows, anchors: anchored.size, problems };
}

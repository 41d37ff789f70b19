// Intake: turns a validated submission into one case (or two linked cases for complaint+report, Order
// 121 Art. 9) with its parties, evidence, first timeline event and outbox job, durably. Concurrent
// submissions are grouped into one transaction (group commit); each caller is answered only after the
// transaction holding its rows committed.
import { createHash } from 'node:crypto';
import { uuidv7 } from '../lib/ids.ts';
import { type Insertable, sql } from 'kysely';
import { type AuditEntry, appendAudit } from '../backoffice/audit.log.ts';
import { hashPassword } from '../backoffice/password.ts';
import { type Db, type SqliteStatements, sqliteStatementsOf } from '../db/database.ts';
import { WalSyncError } from '../db/wal-sync.ts';
import type { Database } from '../db/schema.ts';
import type { CaseClockTable } from '../deadlines/clock.table.ts';
import type { WechatContactTable } from '../notices/notice.table.ts';
import type {
  CaseEventTable,
  CaseLinkTable,
  Channel,
  EvidenceTable,
  IdempotencyKeyTable,
  IntakeCaseTable,
  PartyRole,
  PartyTable,
} from './case.table.ts';
import type { Clock } from '../lib/clock.ts';
import { cstDate } from '../lib/clock.ts';
import { AppError } from '../lib/errors.ts';
import { type BatchResult, GroupCommitter } from '../lib/group-commit.ts';
import type { IdentityCipher } from '../lib/identity-cipher.ts';
import { hashQueryCode, newQueryCode } from '../lib/query-code.ts';
import { contactRow } from '../notices/wechat-contact.ts';
import { type OutboxRowToWrite, enqueueRowsIn, outboxRow } from '../workflow/outbox.ts';
import { caseReceivedJobId } from '../workflow/jobs.ts';
import { clockContext, newClock, rulesStartedBy } from '../deadlines/clock.service.ts';
import { nextDueOf } from '../deadlines/next-due.ts';
import { type RuleVersion, ruleVersionFor } from '../deadlines/rules.ts';
import { type Actor, type CaseKind, transition } from './case.machine.ts';
import { caseNumberDay, formatCaseNumber } from './case-number.ts';
import { type SubmissionReading, readSubmission } from './auto-split.ts';
import type { StoredFile } from './evidence.store.ts';
import { type Person, type Submission, normalisePhone } from './submission.schema.ts';

export interface IntakeRequest {
  submission: Submission;
  files: readonly StoredFile[];
  channel: Channel;
  actor: Actor;
  idempotencyKey: string | null;
  /** WeChat contact id (bot channel only): stored sealed with the case, for `查询` and progress notices. */
  wechatContact?: string;
  /** A staff member files this (the police's hand-back): the audit row, naming the new case, commits with it. */
  audit?: (caseNumber: string) => AuditEntry;
  /** What the words say (auto-split.ts): a split of a text filed as one kind that asks for both; computed by `submit` when not given. */
  reading?: SubmissionReading;
  /**
   * Staff intake (issue #14.7, staff-intake.service.ts validates it): when the bureau really received a
   * call, letter or visit entered later. The case's receipt, its rule version and its clocks start there.
   */
  receivedAt?: Date;
  /** Staff intake: further parties of a complaint — an agent with authorisation (Art. 11), co-complainants (Art. 12). */
  extraParties?: readonly ExtraParty[];
  /** Staff intake: the submission's person represents a joint complaint (Art. 12). */
  personRepresents?: boolean;
  /** argon2 hash of `submission.rewardPassword`, computed by `submit` before the batch's transaction. */
  rewardPasswordHash?: string;
}

export interface ExtraParty {
  role: 'agent' | 'complainant';
  person: Person;
  /** The agent's written authorisation (what it is, its date or number); kept inside the encrypted identity. */
  authorisation?: string;
  representative?: boolean;
}

export interface IntakeReceipt {
  submissionId: string;
  receivedAt: string;
  cases: { number: string; kind: CaseKind }[];
  /** Shown once. Only its hash is stored. */
  queryCode: string;
  /** True when this answer replays an earlier request with the same Idempotency-Key. */
  replayed: boolean;
  /** Why one submission became two linked cases when the citizen chose one kind (Order 121 Art. 9). */
  splitNote?: string;
  /** What we understood from the words, for the citizen to check ([label, value], Chinese). */
  understood?: [string, string][];
}

/** The identity stored encrypted in party.identity_enc. */
export interface PartyIdentity {
  name: string;
  phone: string;
  address: string | null;
  idNumber: string | null;
  /** An agent's authorisation (Order 121 Art. 11). */
  authorisation?: string | null;
}

const CHUNK = 400;

async function insertChunked<T extends keyof Database & string>(trx: Db, table: T, rows: Insertable<Database[T]>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    // The rows are typed by their table (the parameter); Kysely cannot relate a generic table to its values.
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + CHUNK) as never)
      .execute();
  }
}

/** Insert statements by table and column list (a row's columns whose value is not undefined, as Kysely's). */
const insertSql = new Map<string, string>();

/** A row shape: its defined columns, their insert statement's text, and a values array reused for binding. */
type InsertShape = { cols: readonly string[]; text: string; values: unknown[] };
/** The last shape seen per table: rows of a table nearly always share it, so it is checked before anything is built. */
const lastShape = new Map<string, InsertShape>();

/** Whether exactly `cols` are defined (not undefined) in `r`: no strings or arrays built. */
function hasShape(r: Record<string, unknown>, cols: readonly string[]): boolean {
  let n = 0;
  for (const k in r) if (r[k] !== undefined) n++;
  if (n !== cols.length) return false;
  for (const c of cols) if (r[c] === undefined) return false;
  return true;
}

function shapeOf(table: string, r: Record<string, unknown>): InsertShape {
  const last = lastShape.get(table);
  if (last !== undefined && hasShape(r, last.cols)) return last;
  const cols = Object.keys(r).filter((k) => r[k] !== undefined);
  const key = `${table}(${cols.join(',')})`;
  let text = insertSql.get(key);
  if (text === undefined) {
    text = `insert into "${table}" (${cols.map((c) => `"${c}"`).join(', ')}) values (${cols.map(() => '?').join(', ')})`;
    insertSql.set(key, text);
  }
  const shape: InsertShape = { cols, text, values: new Array<unknown>(cols.length) };
  lastShape.set(table, shape);
  return shape;
}

/**
 * SQLite: the rows inserted one by one through prepared statements (cached by their text), on the
 * connection that holds the caller's transaction. The same statements Kysely would run, without building
 * and compiling a multi-row query for every batch; SQLite's cost per row is the same either way. A row's
 * statement is found by its shape (lastShape) without building its column list; the values are bound from
 * one reused array (better-sqlite3 copies them when it binds).
 */
function insertPrepared(sqlite: SqliteStatements, table: string, rows: readonly object[]): void {
  let current: InsertShape | null = null;
  let stmt: ReturnType<SqliteStatements['prepare']> | null = null;
  for (const row of rows) {
    const r = row as Record<string, unknown>;
    const shape = shapeOf(table, r);
    if (stmt === null || shape !== current) {
      stmt = sqlite.prepare(shape.text);
      current = shape;
    }
    const { cols, values } = shape;
    for (let i = 0; i < cols.length; i++) values[i] = r[cols[i] as string];
    try {
      stmt.run(values);
    } finally {
      values.fill(undefined); // the row's values are not kept alive by the cache
    }
  }
}

/** Stable hash of what was asked, so a reused Idempotency-Key with a different body is caught. */
export function requestHash(sub: Submission, files: readonly StoredFile[], channel: Channel): string {
  return (
    createHash('sha256')
      // The claim password never enters this unsalted hash: only whether one was set.
      .update(
        JSON.stringify({ sub: { ...sub, rewardPassword: sub.rewardPassword ? 1 : undefined }, files: files.map((f) => f.sha256), channel }),
      )
      .digest('hex')
  );
}

export class IntakeService {
  private readonly committer: GroupCommitter<IntakeRequest, IntakeReceipt>;

  constructor(
    private readonly deps: {
      db: Db;
      cipher: IdentityCipher;
      clock: Clock;
      onCommitted?: () => void;
      /** Reads a submission's words (auto-split.ts `readSubmission`, e.g. in a worker thread); default: inline. */
      read?: (s: Submission) => Promise<SubmissionReading>;
    },
    opts: { maxBatch?: number; windowMs?: number } = {},
  ) {
    this.committer = new GroupCommitter((items) => this.writeBatch(items), opts.maxBatch ?? 256, opts.windowMs ?? 0);
  }

  get stats() {
    return this.committer.stats;
  }

  /**
   * A submission is on its way (an HTTP request just started): the next group commit waits for it (a few
   * milliseconds at most). Call the returned function when it was handed to `submit` or was refused.
   */
  expect(): () => void {
    return this.committer.expect();
  }

  /** @param arrived the function `expect()` returned for this request, if any. */
  async submit(req: IntakeRequest, arrived?: () => void): Promise<IntakeReceipt> {
    let item: IntakeRequest;
    try {
      // Read before the batch's transaction: understanding the words is CPU work, not database work
      // (off the event loop when a reader is given: the understanding pool).
      const reading = req.reading ?? (this.deps.read ? await this.deps.read(req.submission) : readSubmission(req.submission));
      // So is hashing a claim password (argon2, issue 15).
      const pw = req.submission.wantsReward ? req.submission.rewardPassword : undefined;
      const rewardPasswordHash = pw ? await hashPassword(pw) : undefined;
      item = { ...req, reading, ...(rewardPasswordHash ? { rewardPasswordHash } : {}) };
    } catch (e) {
      arrived?.();
      throw e;
    }
    const receipt = this.committer.submit(item);
    arrived?.();
    return receipt;
  }

  close(): Promise<void> {
    return this.committer.close();
  }

  /** Writes a batch in one transaction. Exported through the committer only. */
  private async writeBatch(items: IntakeRequest[]): Promise<BatchResult<IntakeReceipt>[]> {
    const { db, clock } = this.deps;
    const now = clock.now();
    const at = now.toISOString();
    const version = ruleVersionFor(now);
    // Loaded before the transaction: SQLite has one connection, and the transaction holds it.
    const clocks = await clockContext(db);
    const templates = new Map<CaseKind, ReturnType<typeof newClock>[]>();
    const clockTemplates = (kind: CaseKind) => {
      let list = templates.get(kind);
      if (!list) {
        list = rulesStartedBy(version, kind, 'submit', clocks.settings.rules).map(({ rule }) =>
          newClock(clocks, '', rule.id, version, now),
        );
        templates.set(kind, list);
      }
      return list;
    };
    let results: BatchResult<IntakeReceipt>[];
    try {
      results = await this.writeInTransaction(items, { now, at, version, clocks, clockTemplates });
    } catch (e) {
      // Committed, but the fsync after it failed: whether the batch is on disk is unknown. Every caller
      // gets the error (no 201); the group committer must not write the items again one by one as it
      // does after a rollback, which would file each submission twice.
      if (e instanceof WalSyncError) return items.map(() => ({ ok: false, error: e }));
      throw e;
    }
    if (results.some((r) => r.ok && !r.value.replayed)) this.deps.onCommitted?.();
    return results;
  }

  private async writeInTransaction(
    items: IntakeRequest[],
    ctx: {
      now: Date;
      at: string;
      version: RuleVersion;
      clocks: Awaited<ReturnType<typeof clockContext>>;
      clockTemplates: (kind: CaseKind) => ReturnType<typeof newClock>[];
    },
  ): Promise<BatchResult<IntakeReceipt>[]> {
    const { db, cipher } = this.deps;
    const { now, at, version, clocks, clockTemplates } = ctx;
    return db.transaction().execute(async (trx) => {
      const out: (BatchResult<IntakeReceipt> | { sameAs: number; hash: string })[] = new Array(items.length);

      // 1. Idempotency: replay stored answers; a key seen twice in this batch follows its first use.
      // Only requests with an Idempotency-Key need the hash of what they asked.
      const hashes = items.map((it) => (it.idempotencyKey === null ? '' : requestHash(it.submission, it.files, it.channel)));
      const keys = [...new Set(items.map((it) => it.idempotencyKey).filter((k): k is string => k !== null))];
      const stored = keys.length
        ? await trx.selectFrom('idempotency_key').select(['key', 'request_hash', 'response']).where('key', 'in', keys).execute()
        : [];
      const storedByKey = new Map(stored.map((s) => [s.key, s]));
      const firstInBatch = new Map<string, number>();
      const toCreate: number[] = [];
      items.forEach((it, i) => {
        const key = it.idempotencyKey;
        if (key !== null) {
          const prior = storedByKey.get(key);
          if (prior) {
            out[i] =
              prior.request_hash === hashes[i]
                ? { ok: true, value: { ...cipher.open<IntakeReceipt>(prior.response, `idem:${key}`), replayed: true } }
                : { ok: false, error: new AppError('IDEMPOTENCY_CONFLICT', '这个 Idempotency-Key 已用于另一份不同的提交') };
            return;
          }
          const first = firstInBatch.get(key);
          if (first !== undefined) {
            out[i] = { sameAs: first, hash: hashes[i] ?? '' };
            return;
          }
          firstInBatch.set(key, i);
        }
        toCreate.push(i);
      });

      // 2. Case numbers: one atomic counter bump per batch (safe across processes on PostgreSQL too).
      const caseCount = toCreate.reduce((n, i) => n + (items[i]?.submission.kind === 'both' || items[i]?.reading?.split ? 2 : 1), 0);
      let nextSeq = 0;
      const day = caseNumberDay(cstDate(now));
      if (caseCount > 0) {
        const row = await trx
          .insertInto('case_number_counter')
          .values({ day, last: caseCount })
          .onConflict((oc) => oc.column('day').doUpdateSet({ last: sql<number>`case_number_counter.last + ${caseCount}` }))
          .returning('last')
          .executeTakeFirstOrThrow();
        nextSeq = Number(row.last) - caseCount + 1;
      }

      // 3. Build every row in memory, then insert table by table.
      const caseRows: Insertable<IntakeCaseTable>[] = [];
      const partyRows: Insertable<PartyTable>[] = [];
      const evidenceRows: Insertable<EvidenceTable>[] = [];
      const eventRows: Insertable<CaseEventTable>[] = [];
      const linkRows: Insertable<CaseLinkTable>[] = [];
      const outboxRows: OutboxRowToWrite[] = [];
      const idemRows: Insertable<IdempotencyKeyTable>[] = [];
      const clockRows: Insertable<CaseClockTable>[] = [];
      const contactRows: Insertable<WechatContactTable>[] = [];
      const audits: AuditEntry[] = [];

      for (const i of toCreate) {
        const it = items[i]!;
        const s = it.submission;
        const submissionId = uuidv7();
        const queryCode = newQueryCode();
        const codeHash = hashQueryCode(queryCode);
        const split = it.reading?.split ?? null;
        const kinds: CaseKind[] = s.kind === 'both' ? ['complaint', 'report'] : split !== null ? [split.filedAs, split.added] : [s.kind];
        const created: { id: string; number: string; kind: CaseKind }[] = [];
        // Entered later by staff: the real receipt time, with its own rule version and clocks.
        const receivedAt = it.receivedAt ?? now;
        const itemVersion = it.receivedAt ? ruleVersionFor(receivedAt) : version;
        const itemClocks = (kind: CaseKind) =>
          it.receivedAt
            ? rulesStartedBy(itemVersion, kind, 'submit', clocks.settings.rules).map(({ rule }) =>
                newClock(clocks, '', rule.id, itemVersion, receivedAt),
              )
            : clockTemplates(kind);
        for (const kind of kinds) {
          const id = uuidv7();
          const number = formatCaseNumber(day, nextSeq++);
          const t = transition(null, { type: 'submit' }, it.actor, receivedAt);
          if (!t.ok) throw new AppError(t.code === 'FORBIDDEN' ? 'FORBIDDEN' : 'VALIDATION', t.message);
          caseRows.push({
            id,
            number,
            submission_id: submissionId,
            kind,
            status: t.to,
            channel: it.channel,
            received_at: receivedAt.toISOString(),
            rule_version: itemVersion,
            business_name: s.business?.name ?? null,
            business_address: s.business?.address ?? s.business?.platform ?? null,
            township: s.township ?? null,
            place: s.place ?? null,
            product: s.product ?? null,
            incident_at: s.incidentDate ?? null,
            description: s.description,
            citizen_request: kind === 'complaint' ? (s.request ?? split?.request ?? null) : null,
            consent_publish: s.consentToPublish ? 1 : 0,
            anonymous: kind === 'report' && s.anonymous ? 1 : 0,
            wants_reward: kind === 'report' && s.wantsReward ? 1 : 0,
            reward_password_hash: kind === 'report' && s.wantsReward ? (it.rewardPasswordHash ?? null) : null,
            query_code_hash: codeHash,
            unit_id: null,
            assignee_id: null,
            opened_at: null,
            closed_at: null,
            category: null,
            urgency: null,
            urgency_rank: null,
            suspected_crime: 0,
            crime_basis: null,
            needs_details: 0,
            business_key: null,
            triage: null,
            flags: null,
            other_authority: null,
            overdue: 0,
            next_due_at: nextDueOf(itemClocks(kind)),
            version: 1,
            created_at: at,
            updated_at: at,
          });
          if (s.person && !(kind === 'report' && s.anonymous))
            partyRows.push(
              this.partyRow(id, kind === 'complaint' ? 'complainant' : 'reporter', s.person, at, {
                representative: kind === 'complaint' && it.personRepresents === true,
              }),
            );
          if (kind === 'complaint')
            for (const x of it.extraParties ?? [])
              partyRows.push(
                this.partyRow(id, x.role, x.person, at, {
                  representative: x.representative === true,
                  ...(x.authorisation ? { authorisation: x.authorisation } : {}),
                }),
              );
          for (const f of it.files)
            evidenceRows.push({ id: uuidv7(), case_id: id, sha256: f.sha256, mime: f.mime, size: f.size, created_at: at });
          eventRows.push({
            id: uuidv7(),
            case_id: id,
            type: t.event.type,
            actor_role: it.actor.role,
            actor_id: it.actor.id,
            from_status: null,
            to_status: t.to,
            reason: null,
            data: JSON.stringify({
              channel: it.channel,
              files: it.files.length,
              ...(it.receivedAt ? { enteredAt: at } : {}),
              ...(split !== null ? { autoSplit: { filedAs: split.filedAs, added: kind === split.added, reason: split.reason } } : {}),
            }),
            public: t.event.public ? 1 : 0,
            at: receivedAt.toISOString(),
          });
          // Clocks that run from receipt (D1 for a complaint, D4 for a report). Every case of a batch shares
          // the receipt time, so each clock's due time is computed once per batch. Their alarms are
          // scheduled by the case.received processor (and the reconcile job), off the request path.
          for (const template of itemClocks(kind)) clockRows.push({ ...template, id: uuidv7(), case_id: id });
          // Job payloads carry ids only: the text of a tip never leaves the database.
          for (const e of t.effects) outboxRows.push(outboxRow(e.name, { caseId: id }, { caseId: id, at, jobId: caseReceivedJobId(id) }));
          if (it.wechatContact !== undefined) contactRows.push(contactRow(cipher, id, it.wechatContact, at));
          created.push({ id, number, kind });
        }
        if (created.length === 2) {
          const [a, b] = created as [(typeof created)[0], (typeof created)[0]];
          linkRows.push(
            { case_id: a.id, other_case_id: b.id, type: 'split', created_at: at },
            { case_id: b.id, other_case_id: a.id, type: 'split', created_at: at },
          );
        }
        if (it.audit && created[0]) audits.push(it.audit(created[0].number));
        const receipt: IntakeReceipt = {
          submissionId,
          receivedAt: receivedAt.toISOString(),
          cases: created.map(({ number, kind }) => ({ number, kind })),
          queryCode,
          replayed: false,
          ...(split !== null ? { splitNote: split.citizenNote } : {}),
          ...(it.reading?.understood.length ? { understood: it.reading.understood } : {}),
        };
        if (it.idempotencyKey !== null) {
          // The answer contains the query code, so it is kept encrypted, like identities.
          idemRows.push({
            key: it.idempotencyKey,
            request_hash: hashes[i] ?? '',
            response: cipher.seal(receipt, `idem:${it.idempotencyKey}`),
            created_at: at,
          });
        }
        out[i] = { ok: true, value: receipt };
      }

      // In this order: each table's rows after those they reference. The outbox rows, in this same
      // transaction, are what the relay hands to the worker once it has committed.
      const tables: [keyof Database & string, readonly object[]][] = [
        ['intake_case', caseRows],
        ['party', partyRows],
        ['evidence', evidenceRows],
        ['case_event', eventRows],
        ['case_clock', clockRows],
        ['case_link', linkRows],
        ['outbox', outboxRows],
        ['idempotency_key', idemRows],
        ['wechat_contact', contactRows],
      ];
      const sqlite = sqliteStatementsOf(db);
      if (sqlite) {
        for (const [table, rows] of tables) insertPrepared(sqlite, table, rows);
      } else {
        for (const [table, rows] of tables) {
          if (table === 'outbox')
            for (let i = 0; i < outboxRows.length; i += CHUNK) await enqueueRowsIn(trx, outboxRows.slice(i, i + CHUNK));
          else await insertChunked(trx, table, rows as Insertable<Database[typeof table]>[]);
        }
      }
      for (const a of audits) await appendAudit(trx, a, now);

      return out.map((r): BatchResult<IntakeReceipt> => {
        if ('sameAs' in r) {
          const first = out[r.sameAs];
          if (first && 'ok' in first && first.ok) {
            return hashes[r.sameAs] === r.hash
              ? { ok: true, value: { ...first.value, replayed: true } }
              : { ok: false, error: new AppError('IDEMPOTENCY_CONFLICT', '这个 Idempotency-Key 已用于另一份不同的提交') };
          }
          return first && 'ok' in first ? first : { ok: false, error: new Error('idempotent twin missing') };
        }
        return r;
      });
    });
  }

  private partyRow(
    caseId: string,
    role: PartyRole,
    p: Person,
    at: string,
    extra: { representative?: boolean; authorisation?: string } = {},
  ): Insertable<PartyTable> {
    const id = uuidv7();
    const identity: PartyIdentity = {
      name: p.name,
      phone: p.phone,
      address: p.address ?? null,
      idNumber: p.idNumber ?? null,
      ...(extra.authorisation ? { authorisation: extra.authorisation } : {}),
    };
    const { cipher } = this.deps;
    return {
      id,
      case_id: caseId,
      role,
      identity_enc: cipher.seal(identity, `party:${id}`),
      phone_hmac: cipher.mac(`phone:${normalisePhone(p.phone)}`),
      address_hmac: p.address ? cipher.mac(`address:${p.address.replace(/\s/g, '')}`) : null,
      name_hmac: cipher.mac(`name:${p.name.replace(/\s/g, '')}`),
      representative: extra.representative ? 1 : 0,
      created_at: at,
    };
  }
}

// Processes on SQLite (every role; intake included) commit with synchronous=NORMAL and wait for a grouped
// fsync of the WAL before the code after a write goes on (src/db/wal-sync.ts). These tests hold the
// promise: no write resolves before an fsync that started after it (a submission's receipt included),
// concurrent writes share fsyncs, reads wait for none.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { type OpenedDb, openDatabase } from '../../src/db/database.ts';
import { WalSync, WalSyncError } from '../../src/db/wal-sync.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { IntakeService } from '../../src/cases/intake.service.ts';
import { SUBMISSION_EXAMPLES, SubmissionSchema } from '../../src/cases/submission.schema.ts';
import { IdentityCipher } from '../../src/lib/identity-cipher.ts';
import { systemClock } from '../../src/lib/clock.ts';

const dirs: string[] = [];
const opened: OpenedDb[] = [];
afterEach(async () => {
  for (const o of opened.splice(0)) await o.db.destroy();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function open(groupSync: boolean): OpenedDb & { file: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shiantong-walsync-'));
  dirs.push(dir);
  const file = path.join(dir, 'db.sqlite');
  const o = openDatabase({ kind: 'sqlite', file, synchronous: 'FULL' }, { groupSync });
  opened.push(o);
  return { ...o, file };
}

async function syncLevel(o: OpenedDb): Promise<number> {
  const r = await sql<{ synchronous: number }>`pragma synchronous`.execute(o.db);
  return Number(r.rows[0]?.synchronous);
}

describe('grouped WAL fsync for worker processes', () => {
  it('is off by default: synchronous=FULL, no grouped fsync', async () => {
    const o = open(false);
    expect(o.walSync).toBeUndefined();
    expect(await syncLevel(o)).toBe(2);
  });

  it('a write resolves only after an fsync that started after it; reads wait for none', async () => {
    const o = open(true);
    const ws = o.walSync;
    if (!ws) throw new Error('expected a WalSync');
    expect(await syncLevel(o)).toBe(1);
    await sql`create table t (id integer primary key, v text not null)`.execute(o.db);
    let f = ws.stats.fsyncs;
    await sql`insert into t (v) values ('a')`.execute(o.db);
    expect(ws.stats.fsyncs).toBe(f + 1);
    f = ws.stats.fsyncs;
    // insert … returning is a reader in better-sqlite3 but it writes: it waits too.
    const r = await sql<{ id: number }>`insert into t (v) values ('b') returning id`.execute(o.db);
    expect(r.rows).toHaveLength(1);
    expect(ws.stats.fsyncs).toBe(f + 1);
    f = ws.stats.fsyncs;
    const db = o.db as unknown as import('kysely').Kysely<{ t: { id: import('kysely').Generated<number>; v: string } }>;
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('t').values({ v: 'c' }).execute();
      await trx.insertInto('t').values({ v: 'd' }).execute();
    });
    expect(ws.stats.fsyncs).toBe(f + 1);
    f = ws.stats.fsyncs;
    expect(await db.selectFrom('t').select('v').orderBy('id').execute()).toHaveLength(4);
    expect(ws.stats.fsyncs).toBe(f);
  });

  it('concurrent transactions share fsyncs, and each still waits for one of its own', async () => {
    const o = open(true);
    const ws = o.walSync;
    if (!ws) throw new Error('expected a WalSync');
    await sql`create table t (id integer primary key, v text not null)`.execute(o.db);
    const db = o.db as unknown as import('kysely').Kysely<{ t: { id: import('kysely').Generated<number>; v: string } }>;
    const f = ws.stats.fsyncs;
    const done: number[] = [];
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        db
          .transaction()
          .execute(async (trx) => {
            await trx
              .insertInto('t')
              .values({ v: String(i) })
              .execute();
          })
          .then(() => done.push(ws.stats.fsyncs)),
      ),
    );
    const used = ws.stats.fsyncs - f;
    expect(used).toBeGreaterThanOrEqual(1);
    expect(used).toBeLessThan(40);
    // Every transaction resolved after at least one fsync had run since the batch began.
    expect(Math.min(...done)).toBeGreaterThan(f);
    const n = await db
      .selectFrom('t')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(40);
  });

  it('a caller arriving while an fsync is in flight waits for the next one', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shiantong-walsync-'));
    dirs.push(dir);
    const file = path.join(dir, 'x.sqlite');
    fs.writeFileSync(`${file}-wal`, 'frames');
    const ws = new WalSync(file);
    const order: string[] = [];
    const a = ws.sync().then(() => order.push(`a:${ws.stats.fsyncs}`));
    const b = ws.sync().then(() => order.push(`b:${ws.stats.fsyncs}`));
    const c = ws.sync().then(() => order.push(`c:${ws.stats.fsyncs}`));
    await Promise.all([a, b, c]);
    // a had the first fsync; b and c arrived during it and shared a second one.
    expect(ws.stats.fsyncs).toBe(2);
    expect(order[0]).toBe('a:1');
    expect(order.slice(1).sort()).toEqual(['b:2', 'c:2']);
    // No WAL at all (everything checkpointed): nothing to wait for, no error.
    fs.rmSync(`${file}-wal`);
    await expect(ws.sync()).resolves.toBeUndefined();
  });

  it('an fsync that fails rejects the write that waits for it', async () => {
    const ws = new WalSync('/nonexistent-dir-for-walsync/db.sqlite');
    // ENOENT on the WAL is "nothing to sync"; a WAL that cannot be opened for another reason is an error.
    await expect(ws.sync()).resolves.toBeUndefined();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shiantong-walsync-'));
    dirs.push(dir);
    const file = path.join(dir, 'y.sqlite');
    fs.mkdirSync(`${file}-wal`); // a directory cannot be opened read-write
    await expect(new WalSync(file).sync()).rejects.toThrow(WalSyncError);
  });

  it('intake answers submissions only after an fsync that started after their commit', async () => {
    const o = open(true);
    const ws = o.walSync;
    if (!ws) throw new Error('expected a WalSync');
    await migrateToLatest(o.db);
    const intake = new IntakeService({ db: o.db, cipher: new IdentityCipher(Buffer.alloc(32, 3)), clock: systemClock });
    const submission = SubmissionSchema.parse(SUBMISSION_EXAMPLES.complaint.value);
    const actor = { role: 'citizen', id: null } as const;
    const f = ws.stats.fsyncs;
    const seenAt: number[] = [];
    const receipts = await Promise.all(
      Array.from({ length: 10 }, () =>
        intake.submit({ submission, files: [], channel: 'api', actor, idempotencyKey: null }).then((r) => {
          seenAt.push(ws.stats.fsyncs);
          return r;
        }),
      ),
    );
    // No fsync was in flight before: each receipt came after at least one fsync begun after its commit.
    expect(Math.min(...seenAt)).toBeGreaterThan(f);
    expect(ws.stats.fsyncs - f).toBeLessThan(10);
    const numbers = await o.db
      .selectFrom('intake_case')
      .select('number')
      .execute()
      .then((rows) => rows.map((r) => r.number).sort());
    expect(numbers).toEqual(receipts.map((r) => r.cases[0]?.number).sort());
    await intake.close();
  });
});

// Concurrent units of work on SQLite share one write transaction, each under its own savepoint
// (src/db/batched-transaction.ts). These tests hold its promises: callers resolve after the shared
// commit, a failing unit's writes are undone and the others' kept, and a shared transaction that breaks
// runs every unit again alone.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Kysely, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { batchedTransactionStats, inBatchedTransaction } from '../../src/db/batched-transaction.ts';
import { type Db, type OpenedDb, openDatabase } from '../../src/db/database.ts';

type T = { t: { id: number; v: string } };

const dirs: string[] = [];
const opened: OpenedDb[] = [];
afterEach(async () => {
  for (const o of opened.splice(0)) await o.db.destroy();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

async function open(): Promise<{ db: Db; t: Kysely<T> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shiantong-batchtx-'));
  dirs.push(dir);
  const o = openDatabase({ kind: 'sqlite', file: path.join(dir, 'db.sqlite'), synchronous: 'FULL' }, { groupSync: true });
  opened.push(o);
  await sql`create table t (id integer primary key, v text not null)`.execute(o.db);
  return { db: o.db, t: o.db as unknown as Kysely<T> };
}

const rows = async (t: Kysely<T>) => (await t.selectFrom('t').select(['id', 'v']).orderBy('id').execute()).map((r) => `${r.id}:${r.v}`);

describe('batched write transactions (SQLite)', () => {
  it('units submitted together share one commit, each sees the writes of those before it', async () => {
    const { db, t } = await open();
    const seen: number[] = [];
    const results = await Promise.all(
      [1, 2, 3, 4].map((id) =>
        inBatchedTransaction(db, async (trx) => {
          const tt = trx as unknown as Kysely<T>;
          seen.push((await tt.selectFrom('t').select('id').execute()).length);
          await tt
            .insertInto('t')
            .values({ id, v: `u${id}` })
            .execute();
          return id * 10;
        }),
      ),
    );
    expect(results).toEqual([10, 20, 30, 40]);
    expect(seen).toEqual([0, 1, 2, 3]);
    expect(batchedTransactionStats(db)).toMatchObject({ batches: 1, items: 4 });
    expect(await rows(t)).toEqual(['1:u1', '2:u2', '3:u3', '4:u4']);
  });

  it("a unit that throws gets its error and leaves no write; the others' writes commit", async () => {
    const { db, t } = await open();
    const outcomes = await Promise.allSettled(
      [1, 2, 3].map((id) =>
        inBatchedTransaction(db, async (trx) => {
          const tt = trx as unknown as Kysely<T>;
          await tt
            .insertInto('t')
            .values({ id, v: `u${id}` })
            .execute();
          if (id === 2) throw new Error('unit 2 refuses');
          return id;
        }),
      ),
    );
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(outcomes[1]?.status === 'rejected' && (outcomes[1].reason as Error).message).toBe('unit 2 refuses');
    expect(batchedTransactionStats(db)).toMatchObject({ batches: 1, items: 3 });
    expect(await rows(t)).toEqual(['1:u1', '3:u3']);
  });

  it('a unit alone that throws rolls its transaction back', async () => {
    const { db, t } = await open();
    await expect(
      inBatchedTransaction(db, async (trx) => {
        await (trx as unknown as Kysely<T>).insertInto('t').values({ id: 1, v: 'x' }).execute();
        throw new Error('no');
      }),
    ).rejects.toThrow('no');
    expect(await rows(t)).toEqual([]);
  });

  it('when the shared transaction itself breaks, every unit runs again alone', async () => {
    const { db, t } = await open();
    let runsOfFirst = 0;
    const outcomes = await Promise.allSettled([
      inBatchedTransaction(db, async (trx) => {
        runsOfFirst++;
        await (trx as unknown as Kysely<T>).insertInto('t').values({ id: 1, v: 'first' }).execute();
        return 'first';
      }),
      // Ends the whole transaction (as SQLITE_FULL does): the savepoint cannot be rolled back to.
      inBatchedTransaction(db, async (trx) => {
        await (trx as unknown as Kysely<T>).insertInto('t').values({ id: 2, v: 'breaker' }).execute();
        await sql`rollback`.execute(trx);
        throw new Error('transaction ended');
      }),
      inBatchedTransaction(db, async (trx) => {
        await (trx as unknown as Kysely<T>).insertInto('t').values({ id: 3, v: 'third' }).execute();
        return 'third';
      }),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(runsOfFirst).toBe(2);
    expect(await rows(t)).toEqual(['1:first', '3:third']);
  });
});

// Queries compiled once and run with new values (src/db/compiled-once.ts), on SQLite and (with
// TEST_DATABASE_URL) PostgreSQL: each run sees its own values, inside a transaction too, and a builder
// that would bake a value into the SQL is refused the first time it runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compiledOnce } from '../../src/db/compiled-once.ts';
import { type TestDeps, testDeps } from '../helpers/env.ts';

let t: TestDeps;
beforeAll(async () => {
  t = await testDeps();
});
afterAll(async () => {
  await t.close();
});

const at = '2026-01-05T01:00:00.000Z';
const addUnit = compiledOnce((db, p: { id: string; name: string; kind: string; active: number }) =>
  db.insertInto('unit').values({ id: p.id, name: p.name, kind: p.kind as 'station', active: p.active, created_at: at }),
);
const unitsNamed = compiledOnce((db, p: { name: string; active: number }) =>
  db.selectFrom('unit').select(['id', 'name']).where('name', '=', p.name).where('active', '=', p.active),
);

describe('compiledOnce', () => {
  it('runs with the values of each call, the same rows as the query built anew', async () => {
    await addUnit.run(t.db, { id: 'co-a', name: '测试所甲', kind: 'station', active: 1 });
    await addUnit.run(t.db, { id: 'co-b', name: '测试所乙', kind: 'station', active: 1 });
    await addUnit.run(t.db, { id: 'co-c', name: '测试所丙', kind: 'station', active: 0 });
    expect(await unitsNamed.rows(t.db, { name: '测试所甲', active: 1 })).toEqual([{ id: 'co-a', name: '测试所甲' }]);
    expect(await unitsNamed.rows(t.db, { name: '测试所乙', active: 1 })).toEqual([{ id: 'co-b', name: '测试所乙' }]);
    expect(await unitsNamed.first(t.db, { name: '测试所丙', active: 0 })).toEqual({ id: 'co-c', name: '测试所丙' });
    expect(await unitsNamed.first(t.db, { name: '测试所丙', active: 1 })).toBeUndefined();
    const built = await t.db.selectFrom('unit').select(['id', 'name']).where('name', '=', '测试所甲').where('active', '=', 1).execute();
    expect(await unitsNamed.rows(t.db, { name: '测试所甲', active: 1 })).toEqual(built);
  });

  it('runs inside the caller’s transaction', async () => {
    await expect(
      t.db.transaction().execute(async (trx) => {
        await addUnit.run(trx, { id: 'co-tx', name: '事务所', kind: 'station', active: 1 });
        expect(await unitsNamed.rows(trx, { name: '事务所', active: 1 })).toHaveLength(1);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await unitsNamed.rows(t.db, { name: '事务所', active: 1 })).toEqual([]);
  });

  it('refuses a builder that transforms a value or spreads the values', async () => {
    const like = compiledOnce((db, p: { name: string }) => db.selectFrom('unit').select('id').where('name', 'like', `%${p.name}%`));
    await expect(like.rows(t.db, { name: '所' })).rejects.toThrow(/values must be used as they are/);
    const upper = compiledOnce((db, p: { name: string }) => db.selectFrom('unit').select('id').where('name', '=', p.name.toUpperCase()));
    await expect(upper.rows(t.db, { name: 'x' })).rejects.toThrow(/values must be used as they are \(name\)/);
    const spread = compiledOnce((db, p: { id: string; name: string }) =>
      db
        .selectFrom('unit')
        .select('id')
        .where('id', '=', { ...p }.id),
    );
    await expect(spread.rows(t.db, { id: 'x', name: 'y' })).rejects.toThrow(/name each value/);
  });
});

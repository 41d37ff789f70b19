// The same migrations go up and down cleanly on the database under test (SQLite, or PostgreSQL in CI).
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.ts';
import { migrateDownAll, migrateToLatest } from '../../src/db/migrate.ts';
import { type TestEnv, testEnv } from '../helpers/env.ts';

let env: TestEnv;
beforeAll(async () => {
  env = await testEnv();
});
afterAll(async () => env.cleanup());

describe('migrations', () => {
  it('apply, roll back every one, and apply again', async () => {
    const { db } = openDatabase(env.config.database);
    try {
      const first = await migrateToLatest(db);
      expect(first.length).toBeGreaterThanOrEqual(2);
      // On PostgreSQL, other test files' schemas are visible too: look at ours only.
      const schema =
        env.config.database.kind === 'postgres'
          ? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s
          : undefined;
      const tables = async () =>
        (await db.introspection.getTables())
          .filter((t) => schema === undefined || t.schema === schema)
          .map((t) => t.name)
          .filter((n) => !n.startsWith('kysely_'));
      expect(await tables()).toEqual(
        expect.arrayContaining(['intake_case', 'party', 'evidence', 'case_event', 'outbox', 'unit', 'staff_user']),
      );
      const units = await db.selectFrom('unit_township').select('township').execute();
      expect(units).toHaveLength(15);
      await migrateDownAll(db);
      expect(await tables()).toEqual([]);
      expect(await migrateToLatest(db)).toEqual(first);
    } finally {
      await db.destroy();
    }
  });
});

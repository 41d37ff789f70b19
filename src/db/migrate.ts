import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Migration, type MigrationProvider, Migrator, type MigrationResultSet, PostgresAdapter, sql } from 'kysely';
import type { Db } from './database.ts';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations', import.meta.url));

/**
 * Loads migrations/*.ts with our own import() (Kysely's FileMigrationProvider imports from inside
 * node_modules, where neither tsx nor vitest transform TypeScript).
 */
class TsMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const files = (await fs.readdir(MIGRATIONS_DIR)).filter((f) => /^\d.*\.ts$/.test(f) && !f.endsWith('.d.ts')).sort();
    const out: Record<string, Migration> = {};
    for (const f of files) {
      out[f.replace(/\.ts$/, '')] = (await import(pathToFileURL(path.join(MIGRATIONS_DIR, f)).href)) as Migration;
    }
    return out;
  }
}

/**
 * On PostgreSQL the migration tables are put in the current schema explicitly: Kysely otherwise looks
 * for them in every schema it can see and may find another installation's (or test's) tables.
 */
export async function migrator(db: Db): Promise<Migrator> {
  let migrationTableSchema: string | undefined;
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    migrationTableSchema = (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s;
  }
  return new Migrator({ db, provider: new TsMigrationProvider(), ...(migrationTableSchema ? { migrationTableSchema } : {}) });
}

function check(result: MigrationResultSet, what: string): void {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    throw new Error(`${what} failed${failed ? ` at ${failed.migrationName}` : ''}: ${String(result.error)}`, { cause: result.error });
  }
}

export async function migrateToLatest(db: Db): Promise<string[]> {
  const result = await (await migrator(db)).migrateToLatest();
  check(result, 'Migration');
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

export async function migrateDownAll(db: Db): Promise<void> {
  const m = await migrator(db);
  for (;;) {
    const result = await m.migrateDown();
    check(result, 'Rollback');
    if (!result.results || result.results.length === 0) return;
  }
}

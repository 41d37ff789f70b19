// Opens the Kysely instance: SQLite (better-sqlite3, the embedded default) or PostgreSQL when the
// config says so. Nothing else in the app knows which one it talks to.
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import {
  type DatabaseIntrospector,
  type DatabaseMetadataOptions,
  Kysely,
  PostgresDialect,
  PostgresIntrospector,
  SqliteDialect,
  type TableMetadata,
  type Transaction,
  sql,
} from 'kysely';
import pg from 'pg';
import type { Config } from '../config.ts';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;
/**
 * A database handle that is inside a transaction. Helpers whose writes must commit together with the
 * caller's (a transition and its event, an audit row, an outbox row) take this, not Db, so calling them
 * outside a transaction is a type error.
 */
export type Trx = Transaction<Database>;
export type DbDialect = 'sqlite' | 'postgres';

export interface OpenedDb {
  db: Db;
  dialect: DbDialect;
}

/**
 * Kysely's PostgreSQL introspection reads every schema of the database in one query, which fails while
 * another installation (or test) in the same database is creating or dropping tables. The migrator only
 * needs to know which tables exist in our own schema, so that is all this introspector looks at.
 */
class CurrentSchemaIntrospector extends PostgresIntrospector {
  constructor(private readonly kdb: Kysely<unknown>) {
    super(kdb);
  }
  override async getTables(_options?: DatabaseMetadataOptions): Promise<TableMetadata[]> {
    const rows = await sql<{ name: string; schema: string; is_view: boolean }>`
      select c.relname as name, n.nspname as schema, c.relkind = 'v' as is_view
      from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
      where n.nspname = current_schema() and c.relkind in ('r', 'v', 'p')
      order by c.relname`.execute(this.kdb);
    return rows.rows.map((r) => ({ name: r.name, schema: r.schema, isView: r.is_view, columns: [] }));
  }
}

class ScopedPostgresDialect extends PostgresDialect {
  override createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new CurrentSchemaIntrospector(db);
  }
}

export function openDatabase(cfg: Config['database'], opts: { searchPath?: string; poolSize?: number } = {}): OpenedDb {
  if (cfg.kind === 'postgres') {
    const pool = new pg.Pool({
      connectionString: cfg.url,
      max: opts.poolSize ?? 10,
      ...(opts.searchPath ? { options: `-c search_path=${opts.searchPath}` } : {}),
    });
    return { db: new Kysely<Database>({ dialect: new ScopedPostgresDialect({ pool }) }), dialect: 'postgres' };
  }
  fs.mkdirSync(path.dirname(cfg.file), { recursive: true });
  const sqlite = new SQLite(cfg.file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // FULL: a commit is on disk before we acknowledge a submission. Group commit keeps this fast.
  sqlite.pragma(`synchronous = ${cfg.synchronous}`);
  return { db: new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) }), dialect: 'sqlite' };
}

/** Whether the database answers a trivial query now (for /readyz). */
export async function databaseAnswers(db: Db): Promise<boolean> {
  return sql`select 1 as ok`.execute(db).then(
    () => true,
    () => false,
  );
}

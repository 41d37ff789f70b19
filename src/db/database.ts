// Opens the Kysely instance: SQLite (better-sqlite3, the embedded default) or PostgreSQL when the
// config says so. Nothing else in the app knows which one it talks to.
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import {
  type DatabaseIntrospector,
  type DatabaseMetadataOptions,
  Kysely,
  PostgresAdapter,
  PostgresDialect,
  PostgresIntrospector,
  type DatabaseConnection,
  type Driver,
  SqliteDialect,
  type SqliteDatabase,
  type SqliteDialectConfig,
  SqliteDriver,
  type TableMetadata,
  type Transaction,
  sql,
} from 'kysely';
import pg from 'pg';
import type { Config } from '../config.ts';
import type { Database } from './schema.ts';
import { WalSync } from './wal-sync.ts';

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
  /** SQLite with `groupSync`: the grouped WAL fsync (its stats show how many commits shared one). */
  walSync?: WalSync;
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

/**
 * When a write fails because the disk is full (or on an I/O error), SQLite has already rolled the
 * transaction back; Kysely's own ROLLBACK then fails with "cannot rollback - no transaction is active",
 * and that error used to replace the real one (SQLITE_FULL) in logs and answers. Here the redundant
 * rollback is a no-op, so the caller sees why the write failed.
 */
class SqliteDriverKeepingCause extends SqliteDriver {
  constructor(
    cfg: SqliteDialectConfig,
    private readonly walSync: WalSync | null,
  ) {
    super(cfg);
  }

  /**
   * With a WalSync (wal-sync.ts): whoever wrote while holding the connection waits,
   * after letting the next user in, until the WAL is fsynced. The flag is taken before the release, so a
   * write by the next holder is never mistaken for ours.
   */
  override async releaseConnection(): Promise<void> {
    const wrote = this.walSync?.takeWrote() ?? false;
    await super.releaseConnection();
    if (wrote) await this.walSync?.sync();
  }

  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    try {
      await super.rollbackTransaction(connection);
    } catch (e) {
      if (e instanceof Error && /no transaction is active/i.test(e.message)) return;
      throw e;
    }
  }
}

/**
 * Kysely's SQLite driver calls `prepare` for every query, so SQLite parses and plans the same statement
 * again each time (5% of the intake server's time). This keeps the most recently used prepared statements
 * by their SQL text. A statement still being iterated (a streamed select) is busy and cannot run twice at
 * once: then a fresh one is prepared. SQLite re-prepares a cached statement by itself after a schema
 * change (sqlite3_prepare_v3), so a migration never runs an outdated plan.
 */
export function cachingStatements(sqlite: SQLite.Database, max = 500, onWrite?: () => void): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => {
      cache.clear();
      sqlite.close();
    },
    prepare(text: string) {
      const hit = cache.get(text);
      let stmt: SQLite.Statement;
      if (hit && !hit.busy) {
        // Most recently used last: the first key is the one to evict.
        cache.delete(text);
        cache.set(text, hit);
        stmt = hit;
      } else {
        stmt = sqlite.prepare(text);
        if (!hit) {
          cache.set(text, stmt);
          if (cache.size > max) {
            const oldest = cache.keys().next();
            if (!oldest.done) cache.delete(oldest.value);
          }
        }
      }
      // Kysely prepares right before it runs. `readonly` is SQLite's own answer (an insert … returning is
      // a reader, but not read-only).
      if (onWrite && !stmt.readonly) onWrite();
      return stmt;
    },
  };
}

/** What a hot path needs of SQLite directly: a (cached) prepared statement. */
export interface SqliteStatements {
  prepare(text: string): SQLite.Statement;
}

const sqliteStatements = new WeakMap<Db, SqliteStatements>();

/**
 * The SQLite connection behind `db`, for hot paths that run the same statements many times (intake's
 * inserts): better-sqlite3's prepared statements, bound and run directly, without Kysely building and
 * compiling the query for every row. Undefined on PostgreSQL (those paths keep Kysely). The statements
 * come from the same cache (and WalSync hook) as Kysely's, on the one connection: run inside a Kysely
 * transaction callback, they are part of that transaction.
 */
export function sqliteStatementsOf(db: Db): SqliteStatements | undefined {
  return sqliteStatements.get(db);
}

class SqliteDialectKeepingCause extends SqliteDialect {
  constructor(
    private readonly cfg: SqliteDialectConfig,
    private readonly walSync: WalSync | null = null,
  ) {
    super(cfg);
  }
  override createDriver(): Driver {
    return new SqliteDriverKeepingCause(this.cfg, this.walSync);
  }
}

export function openDatabase(
  cfg: Config['database'],
  opts: {
    searchPath?: string;
    poolSize?: number;
    onPoolError?: (err: Error) => void;
    /**
     * SQLite with synchronous=FULL: commits are fsynced in groups after they are made, off the event loop,
     * and every write still waits for its fsync before the caller goes on (wal-sync.ts).
     */
    groupSync?: boolean;
  } = {},
): OpenedDb {
  if (cfg.kind === 'postgres') {
    const pool = new pg.Pool({
      connectionString: cfg.url,
      max: opts.poolSize ?? 10,
      ...(opts.searchPath ? { options: `-c search_path=${opts.searchPath}` } : {}),
    });
    // An idle client's connection dies when PostgreSQL restarts (57P01): pg emits 'error' on the pool,
    // which without a listener kills the process. The pool drops that client and opens new ones on demand,
    // so queries fail (503) only while the server is away and succeed again by themselves.
    pool.on('error', (err) => opts.onPoolError?.(err));
    // A client checked out of the pool (inside a transaction, between two queries) has no listener of
    // the pool's: when the server terminates it, its 'error' event would be uncaught and end the process.
    // Every client gets one; the query or transaction in progress fails on its own and answers 503.
    pool.on('connect', (client) => {
      client.on('error', (err) => opts.onPoolError?.(err));
    });
    return { db: new Kysely<Database>({ dialect: new ScopedPostgresDialect({ pool }) }), dialect: 'postgres' };
  }
  fs.mkdirSync(path.dirname(cfg.file), { recursive: true });
  const sqlite = new SQLite(cfg.file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // FULL: a commit is on disk before we acknowledge a submission. Group commit keeps this fast.
  // With groupSync the same guarantee comes from an fsync after the commit instead of inside it.
  const walSync = opts.groupSync && cfg.synchronous === 'FULL' ? new WalSync(cfg.file) : null;
  sqlite.pragma(`synchronous = ${walSync ? 'NORMAL' : cfg.synchronous}`);
  const database = cachingStatements(sqlite, 500, walSync ? () => walSync.markWrite() : undefined);
  const db = new Kysely<Database>({ dialect: new SqliteDialectKeepingCause({ database }, walSync) });
  sqliteStatements.set(db, { prepare: (text) => database.prepare(text) as SQLite.Statement });
  return {
    db,
    dialect: 'sqlite',
    ...(walSync ? { walSync } : {}),
  };
}

/** Whether the database answers a trivial query now (for /readyz). */
export async function databaseAnswers(db: Db): Promise<boolean> {
  return sql`select 1 as ok`.execute(db).then(
    () => true,
    () => false,
  );
}

export { databaseTrouble } from '../lib/db-trouble.ts';

/** Whether this handle (or transaction) talks to PostgreSQL. */
export function isPostgres(db: Kysely<Database> | Trx): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * Serialises a read-then-write section among concurrent transactions (several worker processes on
 * PostgreSQL): a transaction-scoped advisory lock on `key`, released at commit or rollback. SQLite runs
 * one writer at a time already, so there it is a no-op.
 */
export async function lockForTransaction(trx: Trx, key: string): Promise<void> {
  if (isPostgres(trx)) await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(trx);
}

// Test environments on real components: a SQLite file in a temp dir, or (TEST_DATABASE_URL set, as in
// CI's second run) a fresh PostgreSQL schema per environment. Each gets its own DATA_DIR, identity key
// and queue prefix, so test files run in parallel without touching each other.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type Config, loadConfig } from '../../src/config.ts';
import { type Db, type DbDialect, openDatabase } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { type Deps, createDeps } from '../../src/deps.ts';
import { type Clock, systemClock } from '../../src/lib/clock.ts';
import { createLogger } from '../../src/lib/logger.ts';

export const PG_BASE = process.env.TEST_DATABASE_URL;
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface TestEnv {
  config: Config;
  env: Record<string, string>;
  dataDir: string;
  cleanup(): Promise<void>;
}

export async function testEnv(overrides: Record<string, string> = {}): Promise<TestEnv> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'shiantong-test-'));
  const id = randomBytes(6).toString('hex');
  const env: Record<string, string> = {
    DATA_DIR: dataDir,
    REDIS_URL,
    QUEUE_PREFIX: `test_${id}`,
    IDENTITY_KEY: randomBytes(32).toString('base64'),
    LOG_LEVEL: 'silent',
    RATE_LIMIT_SUBMISSIONS_PER_MINUTE: '100000',
    RATE_LIMIT_LOOKUPS_PER_MINUTE: '100000',
    RATE_LIMIT_SIGN_INS_PER_MINUTE: '100000',
    RATE_LIMIT_PASSWORD_CHANGES_PER_HOUR: '100000',
    PORT: '0',
  };
  let schema: string | null = null;
  if (PG_BASE) {
    schema = `t_${process.env.TEST_RUN_ID ?? 'norun'}_${id}`;
    const c = new pg.Client(PG_BASE);
    await c.connect();
    await c.query(`create schema ${schema}`);
    await c.end();
    env.DATABASE_URL = `${PG_BASE}${PG_BASE.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  }
  Object.assign(env, overrides);
  return {
    config: loadConfig(env),
    env,
    dataDir,
    async cleanup() {
      rmSync(dataDir, { recursive: true, force: true });
      // PostgreSQL schemas are dropped by test/helpers/global-setup.ts after the whole run (see there why).
    },
  };
}

export interface TestDeps {
  deps: Deps;
  db: Db;
  dialect: DbDialect;
  env: TestEnv;
  close(): Promise<void>;
}

/** Migrated database + deps, without Redis or workers (for in-memory HTTP tests). */
export async function testDeps(
  opts: { clock?: Clock; overrides?: Record<string, string>; onCommitted?: () => void; queues?: Deps['queues'] } = {},
): Promise<TestDeps> {
  const env = await testEnv(opts.overrides);
  // As the runtime opens it: on SQLite, commits fsynced in groups off the event loop (db/wal-sync.ts).
  const { db, dialect } = openDatabase(env.config.database, { groupSync: true });
  await migrateToLatest(db);
  const deps = createDeps({
    config: env.config,
    db,
    dialect,
    logger: createLogger('silent'),
    clock: opts.clock ?? systemClock,
    identityKey: env.config.identityKey ?? randomBytes(32),
    ...(opts.onCommitted ? { onCommitted: opts.onCommitted } : {}),
    redisReady: async () => false,
    ...(opts.queues ? { queues: opts.queues } : {}),
  });
  return {
    deps,
    db,
    dialect,
    env,
    async close() {
      await deps.intake.close();
      await deps.understanding.close();
      await deps.limits.close();
      await db.destroy();
      await env.cleanup();
    },
  };
}

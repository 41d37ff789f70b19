// Back office: staff sessions, sign-in throttling (lock-out with back-off) and the append-only audit log
// with its hash chain. The chain's head lives in its own one-row table: appending updates that row first
// (a row lock on PostgreSQL, the single writer on SQLite), so appends are serialised and a deleted last
// row is still detected.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on app types
type AnyDb = Kysely<any>;

/** A fixed value: the prev_hash of row 1 (the same constant is in src/backoffice/audit.log.ts). */
const GENESIS = 'f3b6a1b5f1d5c1a2c6c0a0c2a5e9c8f4b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6';

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('staff_session')
    // sha256 of the cookie's random token: a leaked table does not hand out sessions.
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('staff_user.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('staff_session_user_idx').on('staff_session').column('user_id').execute();

  await db.schema
    .createTable('staff_login_throttle')
    // normalised username as typed (unknown names are throttled too, so nothing tells which exist)
    .addColumn('username', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_role', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text')
    .addColumn('detail', 'text')
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_log_case_idx').on('audit_log').columns(['case_id', 'seq']).execute();
  await db.schema
    .createTable('audit_head')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.insertInto('audit_head').values({ id: 1, seq: 0, hash: GENESIS }).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('audit_log_case_idx').ifExists().execute();
  await db.schema.dropIndex('staff_session_user_idx').ifExists().execute();
  for (const t of ['audit_head', 'audit_log', 'staff_login_throttle', 'staff_session']) await db.schema.dropTable(t).ifExists().execute();
}

// Issue #17: sign-in lock-out per account AND client address (an attacker elsewhere cannot lock the admin
// out), and the audit chain becomes keyed (HMAC): rows before `keyed_from` keep their plain SHA-256 chain.
import { type Kysely, sql } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on app types
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('staff_signin_throttle')
    // normalised username as typed (unknown names are throttled too, so nothing tells which exist)
    .addColumn('username', 'text', (c) => c.notNull())
    // keyed MAC of the client address (the address itself is never stored)
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('staff_signin_throttle_pk', ['username', 'address'])
    .execute();
  await db.schema.dropTable('staff_login_throttle').ifExists().execute();
  await db.schema
    .alterTable('audit_head')
    .addColumn('keyed_from', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await sql`update audit_head set keyed_from = seq + 1`.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('audit_head').dropColumn('keyed_from').execute();
  await db.schema
    .createTable('staff_login_throttle')
    .addColumn('username', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.dropTable('staff_signin_throttle').ifExists().execute();
}

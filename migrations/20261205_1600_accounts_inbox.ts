// Accounts that must change a one-time password at the next sign-in (issue #16), and the inbox's
// newest-first list per user.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on app types
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('staff_user')
    .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('staff_notification_user_created_idx').on('staff_notification').columns(['user_id', 'created_at']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('staff_notification_user_created_idx').ifExists().execute();
  await db.schema.alterTable('staff_user').dropColumn('must_change_password').execute();
}

// Issue #14.7: intake by staff. A joint complaint (Order 121 Art. 12) has several complainants, one or more
// of them its representatives; a complaint by an agent (Art. 11) has an `agent` party whose authorisation
// is kept inside the encrypted identity. Channels `letter` and `visit` join `phone` (text columns: no
// schema change for those).
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on app types
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('party')
    .addColumn('representative', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('party').dropColumn('representative').execute();
}

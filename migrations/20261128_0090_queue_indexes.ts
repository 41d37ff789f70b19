// Two more back-office access paths measured with a million cases (`npm run bench:queue`): a unit's
// unassigned queue, and search by category and township together.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on app types
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.createIndex('intake_case_unit_assignee_idx').on('intake_case').columns(['unit_id', 'assignee_id', 'status']).execute();
  await db.schema
    .createIndex('intake_case_category_township_idx')
    .on('intake_case')
    .columns(['category', 'township', 'received_at'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('intake_case_category_township_idx').ifExists().execute();
  await db.schema.dropIndex('intake_case_unit_assignee_idx').ifExists().execute();
}

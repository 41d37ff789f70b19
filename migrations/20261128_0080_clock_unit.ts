// The unit responsible for a clock's case, copied onto the clock so "due soon" and "overdue" per unit are
// one index range (they walked every running clock and joined the case: 150–300 ms at a million cases).
import type { Kysely } from 'kysely';
import { sql } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on app types
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('case_clock').addColumn('unit_id', 'text').execute();
  await sql`update case_clock set unit_id = (select unit_id from intake_case where intake_case.id = case_clock.case_id)`.execute(db);
  await db.schema.createIndex('case_clock_unit_due_idx').on('case_clock').columns(['unit_id', 'status', 'due_at']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('case_clock_unit_due_idx').ifExists().execute();
  await db.schema.alterTable('case_clock').dropColumn('unit_id').execute();
}

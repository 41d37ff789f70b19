// Indexes the planner can pick without statistics (SQLite runs no ANALYZE here). Each job of the
// case.received pipeline asks for a case's running clocks (`case_id = ? and status = ?`) and for related
// cases (`business_key = ? and township = ? and received_at >= ?`). With one equality column in every
// candidate index, SQLite chose `case_clock_due_idx (status, due_at)` — a walk over every running clock
// in the system, ~0.9 ms per job at 3,000 cases, O(open clocks) — and `intake_case_township_idx`, every
// case of the township in 30 days. The same two indexes now lead with the columns those lookups give,
// so they match two or three columns and win; no index is added to these hot tables.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on app types
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('case_clock_case_idx').ifExists().execute();
  await db.schema.createIndex('case_clock_case_idx').on('case_clock').columns(['case_id', 'status', 'clock']).execute();
  await db.schema.dropIndex('intake_case_business_idx').ifExists().execute();
  await db.schema.createIndex('intake_case_business_idx').on('intake_case').columns(['business_key', 'township', 'received_at']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('intake_case_business_idx').ifExists().execute();
  await db.schema.createIndex('intake_case_business_idx').on('intake_case').columns(['business_key', 'received_at']).execute();
  await db.schema.dropIndex('case_clock_case_idx').ifExists().execute();
  await db.schema.createIndex('case_clock_case_idx').on('case_clock').columns(['case_id', 'clock']).execute();
}

// Back-office search filters by category and by township over a million cases: index both with the
// receipt time they are sorted by (measured in `npm run bench:queue`).
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on app types
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.createIndex('intake_case_category_idx').on('intake_case').columns(['category', 'received_at']).execute();
  await db.schema.createIndex('intake_case_township_idx').on('intake_case').columns(['township', 'received_at']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('intake_case_township_idx').ifExists().execute();
  await db.schema.dropIndex('intake_case_category_idx').ifExists().execute();
}

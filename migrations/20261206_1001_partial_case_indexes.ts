// Intake writes every case with no unit, handler, category or business key yet (triage and routing set
// them later, in the case.received job). The indexes that lead with those columns still took an entry
// for each new case — a run of NULL keys in the middle of each B-tree, deleted again when the case is
// routed (these six: 23 of the 180 pages an intake commit of 37 submissions wrote to the WAL). The six
// below are read only by queries that name their leading column with =, IN or a range (a unit's queues
// and counts, a handler's cases, a category's statistics, a business's related cases), which implies it
// is not null, so SQLite and PostgreSQL use the partial index where they used the full one (checked on
// the query plans of every statement the test suite runs); cases enter them when triage and routing
// fill the column. Three stay whole because rows with the NULL key are read through them: the intake
// clerk's scope (`unit_id is null or …`, one index lookup per OR term) reads
// intake_case_unit_urgency_idx, the unassigned queues without a unit (`assignee_id is null`, admin) read
// intake_case_assignee_idx, and the admin's queue by due time scans intake_case_unit_due_idx as the
// narrowest index holding its sort key.
import { type Kysely, sql } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on app types
type AnyDb = Kysely<any>;

const DUE = `(coalesce(next_due_at, '9999-12-31T23:59:59.999Z'))`;

/** [name, key (SQL), the column that is null at intake]. The keys are the ones the earlier migrations made. */
const INDEXES: readonly [string, string, string][] = [
  ['intake_case_unit_idx', 'unit_id, status, urgency_rank', 'unit_id'],
  ['intake_case_unit_assignee_idx', 'unit_id, assignee_id, status', 'unit_id'],
  ['intake_case_assignee_due_idx', `unit_id, assignee_id, ${DUE}, received_at desc, id`, 'unit_id'],
  ['intake_case_category_idx', 'category, received_at', 'category'],
  ['intake_case_category_township_idx', 'category, township, received_at', 'category'],
  ['intake_case_business_idx', 'business_key, township, received_at', 'business_key'],
];

async function recreate(db: AnyDb, partial: boolean): Promise<void> {
  for (const [name, key, column] of INDEXES) {
    await db.schema.dropIndex(name).ifExists().execute();
    const where = partial ? ` where ${column} is not null` : '';
    await sql.raw(`create index ${name} on intake_case (${key})${where}`).execute(db);
  }
}

export async function up(db: AnyDb): Promise<void> {
  await recreate(db, true);
}

export async function down(db: AnyDb): Promise<void> {
  await recreate(db, false);
}

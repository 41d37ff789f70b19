// The back-office queues at a million cases (issue #21.3): each case carries `next_due_at`, the earliest
// due time of its running clocks, kept by the clock path in the same transaction as the clock change
// (src/deadlines/next-due.ts). The queues used to compute it with a correlated subquery per case and sort
// on it, which no index can serve. Nulls sort last through coalesce(next_due_at, '9999…'), the same
// expression the queries order by, so one index serves each queue's filter and order.
import { type Kysely, sql } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on app types
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('intake_case').addColumn('next_due_at', 'text').execute();
  await sql`update intake_case set next_due_at = (
    select min(c.due_at) from case_clock c where c.case_id = intake_case.id and c.status = 'running'
  ) where exists (select 1 from case_clock c where c.case_id = intake_case.id and c.status = 'running')`.execute(db);
  // A handler's cases (and the unit's unassigned queue) by next due time.
  await sql`create index intake_case_assignee_due_idx on intake_case (unit_id, assignee_id, (coalesce(next_due_at, '9999-12-31T23:59:59.999Z')), received_at desc, id)`.execute(
    db,
  );
  // A supervisor's search of open cases by due time (the default sort).
  await sql`create index intake_case_unit_due_idx on intake_case (unit_id, (coalesce(next_due_at, '9999-12-31T23:59:59.999Z')), received_at desc, id)`.execute(
    db,
  );
  // Urgency-filtered searches within a unit: the count reads the index alone.
  await db.schema.createIndex('intake_case_unit_urgency_idx').on('intake_case').columns(['unit_id', 'urgency', 'status']).execute();
  // Newest first with its tie-breaker (deep pages walk the index, no sort): replaces the one-column index.
  await db.schema.dropIndex('intake_case_received_idx').ifExists().execute();
  await sql`create index intake_case_received_idx on intake_case (received_at desc, id)`.execute(db);
  // The narrowest index of the table: SQLite counts a list's rows (admin, no filter) by walking the
  // narrowest covering index; the uuid index it took is 7× wider (19 ms → 5 ms at a million cases).
  await db.schema.createIndex('intake_case_count_idx').on('intake_case').column('overdue').execute();
  // Running clocks written since the last reconcile (clocks.reconcile, incremental pass).
  await db.schema.createIndex('case_clock_updated_idx').on('case_clock').columns(['status', 'updated_at']).execute();
  // Every list row asks whether its case is part of a cluster alert (the key leads with the rule).
  await db.schema.createIndex('hotspot_alert_case_case_idx').on('hotspot_alert_case').column('case_id').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('hotspot_alert_case_case_idx').ifExists().execute();
  await db.schema.dropIndex('case_clock_updated_idx').ifExists().execute();
  await db.schema.dropIndex('intake_case_count_idx').ifExists().execute();
  await db.schema.dropIndex('intake_case_received_idx').ifExists().execute();
  await db.schema.createIndex('intake_case_received_idx').on('intake_case').column('received_at').execute();
  await db.schema.dropIndex('intake_case_unit_urgency_idx').ifExists().execute();
  await db.schema.dropIndex('intake_case_unit_due_idx').ifExists().execute();
  await db.schema.dropIndex('intake_case_assignee_due_idx').ifExists().execute();
  await db.schema.alterTable('intake_case').dropColumn('next_due_at').execute();
}

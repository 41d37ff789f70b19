// Publication of results (disposition records with their audit trail) and hot-spot alerts.
// Dispositions hold only anonymised text; what the anonymiser found is kept as offsets into the source
// texts (which stay in intake_case / case_event), so no second copy of personal data is made here.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on app types
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('disposition')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // One disposition per case: creating a draft twice returns the first.
    .addColumn('case_id', 'text', (c) => c.notNull().unique().references('intake_case.id').onDelete('cascade'))
    // Public reference, random, never the internal case number (which would link to the citizen's receipt).
    .addColumn('public_ref', 'text', (c) => c.notNull().unique())
    .addColumn('case_kind', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull()) // penalty | not_opened | mediation_succeeded | mediation_failed | refused
    .addColumn('category', 'text')
    .addColumn('township', 'text')
    // Shown name of the business (legal entity as registered, or an anonymised form for a natural person); null: withheld.
    .addColumn('business_name', 'text')
    // Normalised key for the per-business history; null when the business is not shown.
    .addColumn('business_key', 'text')
    .addColumn('findings_text', 'text', (c) => c.notNull())
    .addColumn('decision_text', 'text', (c) => c.notNull())
    // The complaint's own words: only with consent_publish, anonymised.
    .addColumn('complaint_text', 'text')
    // Amounts in fen (integer) so both databases add them exactly.
    .addColumn('fine_fen', 'integer')
    .addColumn('confiscation_fen', 'integer')
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('status', 'text', (c) => c.notNull()) // draft | approved | published | withdrawn
    // JSON [{ field, type, start, end }]: the anonymiser's findings in the source texts, for the reviewer.
    .addColumn('review', 'text', (c) => c.notNull())
    .addColumn('correction_note', 'text')
    .addColumn('corrected_at', 'text')
    .addColumn('withdraw_reason', 'text')
    .addColumn('withdrawn_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('disposition_public_idx').on('disposition').columns(['status', 'published_at', 'id']).execute();
  await db.schema.createIndex('disposition_business_idx').on('disposition').columns(['business_key', 'published_at']).execute();

  // Every change of a disposition, with who, why and the values before (corrections keep their reason).
  await db.schema
    .createTable('disposition_revision')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('disposition_id', 'text', (c) => c.notNull().references('disposition.id').onDelete('cascade'))
    .addColumn('action', 'text', (c) => c.notNull()) // create | edit | approve | correct | withdraw
    .addColumn('actor_role', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('reason', 'text')
    .addColumn('before', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('disposition_revision_idx').on('disposition_revision').columns(['disposition_id', 'at']).execute();

  await db.schema
    .createTable('hotspot_alert')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('business_key', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text')
    // The earliest case of the cluster: (rule, business_key, anchor) is unique, so two scans racing alert once.
    .addColumn('anchor_case_id', 'text', (c) => c.notNull())
    .addColumn('first_at', 'text', (c) => c.notNull())
    .addColumn('last_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('hotspot_alert_anchor_uq', ['rule', 'business_key', 'anchor_case_id'])
    .execute();
  await db.schema.createIndex('hotspot_alert_business_idx').on('hotspot_alert').columns(['business_key', 'last_at']).execute();
  // A case belongs to at most one alert of a rule.
  await db.schema
    .createTable('hotspot_alert_case')
    .addColumn('alert_id', 'text', (c) => c.notNull().references('hotspot_alert.id').onDelete('cascade'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('intake_case.id').onDelete('cascade'))
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('hotspot_alert_case_pk', ['rule', 'case_id'])
    .execute();
  await db.schema.createIndex('hotspot_alert_case_alert_idx').on('hotspot_alert_case').column('alert_id').execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const t of ['hotspot_alert_case', 'hotspot_alert', 'disposition_revision', 'disposition'])
    await db.schema.dropTable(t).ifExists().execute();
}

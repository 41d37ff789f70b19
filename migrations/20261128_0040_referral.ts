// Police referral (行刑衔接): the referral record and the police's feedback; the police unit that
// receives transfers is a unit of kind 'police', so its officers are staff users with the police role.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on app types
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('referral')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('intake_case.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('offence', 'text', (c) => c.notNull())
    .addColumn('reasons', 'text', (c) => c.notNull())
    .addColumn('officers', 'text', (c) => c.notNull())
    .addColumn('test_report_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('proposed_by', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('refusal_reason', 'text')
    .addColumn('police_unit_id', 'text', (c) => c.references('unit.id'))
    .addColumn('transferred_at', 'text')
    .addColumn('procuratorate_copy', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('identity_disclosed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('identity_reason', 'text')
    .addColumn('package_sha256', 'text')
    .addColumn('police_reason', 'text')
    .addColumn('exhibits_handed_over_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('referral_case_idx').on('referral').column('case_id').execute();
  await db.schema.createIndex('referral_police_idx').on('referral').columns(['police_unit_id', 'status']).execute();
  await db.schema
    .createTable('referral_feedback')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('referral_id', 'text', (c) => c.notNull().references('referral.id').onDelete('cascade'))
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('actor_id', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db
    .insertInto('unit')
    .values({
      id: 'police-xz',
      name: '新郑市公安局食品药品与环境犯罪侦查大队',
      kind: 'police',
      active: 1,
      created_at: new Date().toISOString(),
    })
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.deleteFrom('unit').where('id', '=', 'police-xz').execute();
  await db.schema.dropTable('referral_feedback').ifExists().execute();
  await db.schema.dropTable('referral').ifExists().execute();
}

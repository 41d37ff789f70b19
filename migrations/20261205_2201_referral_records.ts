// Issue 22: the referral as a case file. The handler's findings and exhibits are records of their own
// (现场检查笔录, 扣押/抽样清单, 检验检测报告), the referral letter gets a 文号 from a per-year sequence and a
// contact, the police's decisions carry their particulars (立案 number, date, officer; 不予立案 legal
// basis), exhibits are handed over as a list the police confirm or dispute item by item, and feedback has
// a structured outcome.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on app types
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('inspection_record')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('intake_case.id').onDelete('cascade'))
    .addColumn('inspected_at', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('officers', 'text', (c) => c.notNull())
    .addColumn('findings', 'text', (c) => c.notNull())
    .addColumn('business_name', 'text')
    .addColumn('business_address', 'text')
    .addColumn('credit_code', 'text')
    .addColumn('operator_name', 'text')
    .addColumn('amount_yuan', 'text')
    .addColumn('amount_note', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('inspection_record_case_idx').on('inspection_record').columns(['case_id', 'created_at']).execute();
  await db.schema
    .createTable('exhibit_item')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('intake_case.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('item', 'text', (c) => c.notNull())
    .addColumn('quantity', 'text', (c) => c.notNull())
    .addColumn('kept_at', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('exhibit_item_case_idx').on('exhibit_item').columns(['case_id', 'created_at']).execute();
  await db.schema
    .createTable('test_report')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('intake_case.id').onDelete('cascade'))
    .addColumn('evidence_id', 'text', (c) => c.notNull().references('evidence.id'))
    .addColumn('report_no', 'text', (c) => c.notNull())
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('conclusion', 'text')
    .addColumn('original_name', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('test_report_case_idx').on('test_report').columns(['case_id', 'created_at']).execute();
  await db.schema
    .createTable('exhibit_handover')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('referral_id', 'text', (c) => c.notNull().references('referral.id').onDelete('cascade'))
    .addColumn('exhibit_id', 'text', (c) => c.notNull().references('exhibit_item.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('police_note', 'text')
    .addColumn('handed_at', 'text', (c) => c.notNull())
    .addColumn('answered_at', 'text')
    .addColumn('answered_by', 'text')
    .execute();
  await db.schema
    .createIndex('exhibit_handover_referral_idx')
    .on('exhibit_handover')
    .columns(['referral_id', 'exhibit_id'])
    .unique()
    .execute();

  await db.schema.alterTable('referral').addColumn('doc_year', 'integer').execute();
  await db.schema.alterTable('referral').addColumn('doc_seq', 'integer').execute();
  await db.schema.alterTable('referral').addColumn('contact_name', 'text').execute();
  await db.schema.alterTable('referral').addColumn('contact_phone', 'text').execute();
  await db.schema.alterTable('referral').addColumn('legal_basis', 'text').execute();
  await db.schema.alterTable('referral').addColumn('police_case_number', 'text').execute();
  await db.schema.alterTable('referral').addColumn('police_accepted_on', 'text').execute();
  await db.schema.alterTable('referral').addColumn('police_officer', 'text').execute();
  await db.schema.alterTable('referral').addColumn('decline_basis', 'text').execute();
  await db.schema.alterTable('referral').addColumn('exhibits_confirmed_at', 'text').execute();
  await db.schema.createIndex('referral_doc_number_idx').on('referral').columns(['doc_year', 'doc_seq']).unique().execute();
  await db.schema.alterTable('referral_feedback').addColumn('outcome_kind', 'text').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('referral_feedback').dropColumn('outcome_kind').execute();
  await db.schema.dropIndex('referral_doc_number_idx').ifExists().execute();
  for (const col of [
    'exhibits_confirmed_at',
    'decline_basis',
    'police_officer',
    'police_accepted_on',
    'police_case_number',
    'legal_basis',
    'contact_phone',
    'contact_name',
    'doc_seq',
    'doc_year',
  ])
    await db.schema.alterTable('referral').dropColumn(col).execute();
  await db.schema.dropTable('exhibit_handover').ifExists().execute();
  await db.schema.dropTable('test_report').ifExists().execute();
  await db.schema.dropTable('exhibit_item').ifExists().execute();
  await db.schema.dropTable('inspection_record').ifExists().execute();
}

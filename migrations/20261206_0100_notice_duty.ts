// Issue #14.1: a decision the citizen must be told is a duty (notice_duty) until it is delivered on the
// citizen's channel (WeChat, the status page, SMS) or recorded by staff as given by phone, letter or in
// person. The clock carrying the duty to inform (D1, D3, D12) stops only then. WeChat notices point at the
// duty they deliver.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on app types
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('notice_duty')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('intake_case.id').onDelete('cascade'))
    .addColumn('event_type', 'text', (c) => c.notNull())
    // the clock whose duty to inform this notice discharges (D1, D3, D12), or null
    .addColumn('clock', 'text')
    // plain Chinese text for the citizen; never personal data
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // pending | delivered | recorded
    .addColumn('channel', 'text') // wechat | status_page | sms | phone | letter | in_person
    // staff's record of a notice given outside the system: to whom, by whom, when, and a note
    .addColumn('told_to', 'text')
    .addColumn('recorded_by', 'text')
    .addColumn('given_at', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text')
    .execute();
  await db.schema.createIndex('notice_duty_case_idx').on('notice_duty').columns(['case_id', 'status']).execute();
  await db.schema.createIndex('notice_duty_status_idx').on('notice_duty').columns(['status', 'created_at']).execute();
  await db.schema.alterTable('citizen_notice').addColumn('duty_id', 'text').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('citizen_notice').dropColumn('duty_id').execute();
  await db.schema.dropTable('notice_duty').ifExists().execute();
}

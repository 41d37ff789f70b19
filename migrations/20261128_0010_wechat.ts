// WeChat bot: the contact a case was submitted from (encrypted, plus a keyed hash for lookup), progress
// notices to deliver to that contact, and messages left for staff ("人工"). Written by the server only;
// the bot reaches them through the bot API.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on app types
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('wechat_contact')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('intake_case.id').onDelete('cascade'))
    // AES-256-GCM envelope of the contact id, AAD bound to this row's id.
    .addColumn('contact_enc', 'text', (c) => c.notNull())
    .addColumn('contact_hmac', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('wechat_contact_hmac_idx').on('wechat_contact').column('contact_hmac').execute();
  await db.schema.createIndex('wechat_contact_case_idx').on('wechat_contact').column('case_id').execute();

  await db.schema
    .createTable('citizen_notice')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('intake_case.id').onDelete('cascade'))
    .addColumn('wechat_contact_id', 'text', (c) => c.notNull().references('wechat_contact.id').onDelete('cascade'))
    .addColumn('event_type', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // pending | delivered | failed
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('delivered_at', 'text')
    .addColumn('failed_at', 'text')
    .execute();
  await db.schema.createIndex('citizen_notice_case_idx').on('citizen_notice').column('case_id').execute();
  await db.schema.createIndex('citizen_notice_status_idx').on('citizen_notice').columns(['status', 'created_at']).execute();

  await db.schema
    .createTable('wechat_handoff')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('contact_enc', 'text', (c) => c.notNull())
    .addColumn('contact_hmac', 'text', (c) => c.notNull())
    // The citizen's message may hold personal data: encrypted like identities, AAD bound to the row.
    .addColumn('message_enc', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('handled_at', 'text')
    .execute();
  await db.schema.createIndex('wechat_handoff_open_idx').on('wechat_handoff').columns(['handled_at', 'created_at']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const t of ['wechat_handoff', 'citizen_notice', 'wechat_contact']) await db.schema.dropTable(t).ifExists().execute();
}

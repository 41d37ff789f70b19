// Issue #14 (item 5): D11 stops when staff record that the penalty is on the national 企业信用信息公示系统
// (SAMR Order 45 Art. 9–10), not when our own portal shows it: the date and the system's reference.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on app types
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('disposition').addColumn('national_entry_on', 'text').execute();
  await db.schema.alterTable('disposition').addColumn('national_entry_ref', 'text').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('disposition').dropColumn('national_entry_ref').execute();
  await db.schema.alterTable('disposition').dropColumn('national_entry_on').execute();
}

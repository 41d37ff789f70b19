// Issue #14 (item 5): the party is told before its penalty is published (SAMR Order 45 Art. 8): when and how.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on app types
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('disposition').addColumn('party_told_on', 'text').execute();
  await db.schema.alterTable('disposition').addColumn('party_told_how', 'text').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('disposition').dropColumn('party_told_how').execute();
  await db.schema.alterTable('disposition').dropColumn('party_told_on').execute();
}

// Issue #14 (item 4): the copy of a referral to the procuratorate (2015 food/drug 行刑衔接办法) is an act
// on record — when, how and under which document number — not a flag set by the transfer.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on app types
type AnyDb = Kysely<any>;

const COLUMNS = ['procuratorate_copy_on', 'procuratorate_copy_means', 'procuratorate_copy_doc'] as const;

export async function up(db: AnyDb): Promise<void> {
  for (const c of COLUMNS) await db.schema.alterTable('referral').addColumn(c, 'text').execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const c of [...COLUMNS].reverse()) await db.schema.alterTable('referral').dropColumn(c).execute();
}

// Issue #14 (item 5): publication to SAMR Order 45. A published record carries the decision's type,
// its 决定书文号 and penalty kinds; it stays public until `public_until` (3 months for 通报批评 or a lower
// fine, 3 years otherwise, Art. 13) or until ended early after credit repair (Art. 14).
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on app types
type AnyDb = Kysely<any>;

const COLUMNS = ['decision_type', 'decision_number', 'penalty_kinds', 'public_until', 'ended_at', 'ended_reason'] as const;

export async function up(db: AnyDb): Promise<void> {
  for (const c of COLUMNS) await db.schema.alterTable('disposition').addColumn(c, 'text').execute();
  await db.schema.createIndex('disposition_public_until_idx').on('disposition').columns(['status', 'public_until']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('disposition_public_until_idx').ifExists().execute();
  for (const c of [...COLUMNS].reverse()) await db.schema.alterTable('disposition').dropColumn(c).execute();
}

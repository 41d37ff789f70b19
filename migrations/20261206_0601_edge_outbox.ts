// Issue #18: the edge outbox. Publishing, correcting and withdrawing a record (and a statistics refresh)
// write a row in the same transaction; the `edge.sync` job pushes undelivered rows to the edge worker
// (src/publication/edge-sync.ts) and marks them delivered. Payloads hold only the public record.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on app types
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('edge_outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // record | withdrawal | statistics
    .addColumn('kind', 'text', (c) => c.notNull())
    // public reference (GK…); null for statistics
    .addColumn('ref', 'text')
    .addColumn('version', 'bigint', (c) => c.notNull())
    // JSON of the sync item (src/edge/sync.schema.ts), public data only
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('delivered_at', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    // set when the edge refused the item as invalid: not sent again until cleared (see README)
    .addColumn('refused_at', 'text')
    .execute();
  await db.schema.createIndex('edge_outbox_pending_idx').on('edge_outbox').columns(['delivered_at', 'created_at']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('edge_outbox').ifExists().execute();
}

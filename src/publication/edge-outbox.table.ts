// The edge outbox (migration 20261206_0601): what the edge worker still has to receive. Only
// publication/edge-sync.ts writes rows.
export type EdgeOutboxKind = 'record' | 'withdrawal' | 'statistics';

export interface EdgeOutboxTable {
  id: string;
  kind: EdgeOutboxKind;
  ref: string | null;
  /** The record's version (disposition.version), or the statistics' computation time in ms. PG returns it as a string. */
  version: number | string;
  /** JSON of the sync item (src/edge/sync.schema.ts). */
  payload: string;
  created_at: string;
  delivered_at: string | null;
  attempts: number;
  last_error: string | null;
  /** When the edge refused the item as invalid; such a row is not sent again until this is cleared. */
  refused_at: string | null;
}

export interface EdgeOutboxTables {
  edge_outbox: EdgeOutboxTable;
}

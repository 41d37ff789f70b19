// The edge's D1 database through Kysely (kysely-d1). Its only tables (edge/migrations/*.sql): the published
// records, the withdrawn references and the statistics snapshot.
import { Kysely } from 'kysely';
import { D1Dialect } from 'kysely-d1';

export interface EdgeResultTable {
  ref: string;
  version: number;
  category: string | null;
  township: string | null;
  business: string | null;
  business_key: string | null;
  outcome: string;
  /** CST date, YYYY-MM-DD. */
  decided_on: string;
  published_at: string;
  /** The public record (PublicResult) as JSON. */
  record: string;
}

export interface EdgeWithdrawnTable {
  ref: string;
  version: number;
  reason: string | null;
  withdrawn_on: string;
}

export interface EdgeStatisticsTable {
  id: 'public';
  version: number;
  computed_at: string;
  /** Statistics as JSON, small cells already suppressed. */
  snapshot: string;
}

export interface EdgeDatabase {
  edge_result: EdgeResultTable;
  edge_withdrawn: EdgeWithdrawnTable;
  edge_statistics: EdgeStatisticsTable;
}

/** The part of Cloudflare's D1Database binding we rely on (kysely-d1 uses prepare/bind/all/run). */
export interface D1Binding {
  prepare(query: string): unknown;
  batch(statements: unknown[]): Promise<unknown[]>;
}

export type EdgeDb = Kysely<EdgeDatabase>;

export function edgeDb(d1: D1Binding): EdgeDb {
  return new Kysely<EdgeDatabase>({ dialect: new D1Dialect({ database: d1 as never }) });
}

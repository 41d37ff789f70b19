// Where the public results pages read from, so the same routes serve the office server (SQL over
// `disposition` and the live statistics) and the edge worker (D1 holding only the published records and a
// statistics snapshot, src/edge/). Types only: nothing here may import a Node built-in.
import type { BusinessHistory, PublicResult, ResultFilter, ResultLookup } from './results.queries.ts';
import type { Statistics } from './statistics.queries.ts';

export interface ResultsSource {
  list(f: ResultFilter, page: number, pageSize?: number): Promise<{ items: PublicResult[]; page: number; hasMore: boolean }>;
  /** Every matching record, newest first, fetched in keyset pages (constant memory). */
  iterate(f: ResultFilter): AsyncGenerator<PublicResult>;
  get(ref: string): Promise<ResultLookup>;
  business(key: string): Promise<BusinessHistory | null>;
  /** The public statistics (small cells suppressed); null when there are none yet (an edge never synced). */
  statistics(now: Date): Promise<Statistics | null>;
}

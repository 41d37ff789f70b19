// The public results on the office server: the routes of results.app.tsx over the live database.
// Mounted with one line in app.ts. The edge worker (src/edge/worker.ts) mounts the same app over D1.
import type { Deps } from '../../deps.ts';
import { businessHistory, getResult, iterateResults, listResults } from '../../publication/results.queries.ts';
import type { ResultsSource } from '../../publication/results.source.ts';
import { publicStatistics } from '../../publication/statistics.queries.ts';
import { resultsApp } from './results.app.tsx';

/** The live database; `now` decides which records are still in their public period (Order 45 Art. 13). */
export function officeResultsSource(db: Deps['db'], now: () => Date = () => new Date()): ResultsSource {
  return {
    list: (f, page, pageSize) => listResults(db, f, page, pageSize, now()),
    iterate: (f) => iterateResults(db, f, undefined, now()),
    get: (ref) => getResult(db, ref, now()),
    business: (key) => businessHistory(db, key, now()),
    statistics: (now) => publicStatistics(db, now),
  };
}

export function resultsRoutes(deps: Deps) {
  return resultsApp({
    source: officeResultsSource(deps.db, () => deps.clock.now()),
    publicBaseUrl: deps.publicBaseUrl,
    now: () => deps.clock.now(),
    logError: (info, msg) => deps.logger.error(info, msg),
  });
}

// edge.sync (repeatable, every 15 s): queues the removal of records whose public period ran out (once each)
// and a statistics snapshot when one is due, then pushes the edge
// outbox to the worker. Skipped without EDGE_SYNC_URL. A failed push leaves the rows for the next run.
import type { Processor } from '../workflow/worker.ts';
import { pushToEdge, queueEdgeExpiries, queueEdgeStatistics, statisticsDue } from './edge-sync.ts';

export const edgeSync: Processor<'edge.sync'> = async (_payload, { deps }) => {
  const edge = deps.config.edge;
  if (!edge) return { outcome: 'skipped', detail: 'no EDGE_SYNC_URL' };
  const now = deps.clock.now();
  await queueEdgeExpiries(deps.db, now);
  if (await statisticsDue(deps.db, now, edge.statisticsEveryMs)) await queueEdgeStatistics(deps.db, now);
  const r = await pushToEdge({ db: deps.db, now: () => deps.clock.now(), logger: deps.logger }, edge);
  return { outcome: 'done', detail: JSON.stringify(r) };
};

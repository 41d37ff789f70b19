// hotspots.scan (repeatable): finds illness clusters and category/township spikes and alerts supervisors
// once per cluster / per (category, township, week). Idempotent by construction (see hotspots.service.ts
// and spikes.service.ts): re-running a scan raises nothing new.
import type { Processor } from '../workflow/worker.ts';
import { scanHotspots } from './hotspots.service.ts';
import { scanSpikes } from './spikes.service.ts';

export const hotspotsScan: Processor<'hotspots.scan'> = async (_payload, { deps }) => {
  const r = await scanHotspots(deps);
  const s = await scanSpikes(deps);
  return { outcome: 'done', detail: JSON.stringify({ ...r, ...s }) };
};

// hotspots.scan (repeatable): finds illness clusters and alerts supervisors once per cluster.
// Idempotent by construction (see hotspots.service.ts): re-running a scan raises nothing new.
import type { Processor } from '../workflow/worker.ts';
import { scanHotspots } from './hotspots.service.ts';

export const hotspotsScan: Processor<'hotspots.scan'> = async (_payload, { deps }) => {
  const r = await scanHotspots(deps);
  return { outcome: 'done', detail: JSON.stringify(r) };
};

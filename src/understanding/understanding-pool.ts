// The understanding engine off the event loop: intake's reading of a submission (split + receipt lines)
// and the workflow's triage run in a few worker threads (src/lib/worker-pool.ts), inline whenever the pool
// cannot take them. Same functions, same results (test/understanding/understanding-pool.test.ts).
import type { SubmissionReading } from '../cases/auto-split.ts';
import type { Submission } from '../cases/submission.schema.ts';
import { WorkerPool } from '../lib/worker-pool.ts';
import type { TriageInput, TriageResult } from '../triage/triage.ts';
import { tasks } from './understanding.tasks.ts';

export interface Understander {
  readSubmission(s: Submission): Promise<SubmissionReading>;
  triage(input: TriageInput): Promise<TriageResult>;
  /** Stops the threads (what they hold is finished inline); later calls run inline. */
  close(): Promise<void>;
  readonly stats: WorkerPool<typeof tasks>['stats'];
}

export function understandingPool(
  size: number,
  onThreadLost?: (info: { reason: string; tasks: number }) => void,
): Understander & { readonly pool: WorkerPool<typeof tasks> } {
  const pool = new WorkerPool({
    size,
    module: new URL('./understanding.tasks.ts', import.meta.url),
    inline: tasks,
    ...(onThreadLost ? { onThreadLost } : {}),
  });
  return {
    pool,
    readSubmission: (s) => pool.run('readSubmission', s),
    triage: (input) => pool.run('triage', input),
    close: () => pool.close(),
    stats: pool.stats,
  };
}

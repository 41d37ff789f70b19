// case.received: the pipeline a new case runs through, in one transaction, so a crash leaves the case
// either untouched (the job retries) or all the way through:
//   1. alarms   the clocks intake started at receipt (D1, D4) get their reminder and escalation jobs;
//   2. classify triage labels and reasons, related cases, abuse flags; a repeat by the same reporter is
//               folded into the earlier case (Order 121 Art. 35) and goes no further;
//   3. route    the routing rules pick the station of the case's township, or the intake centre;
//   4. assign   a handler of that station by skill and load, or the station's queue.
// Idempotent: a case that has left `received` is skipped, so a second delivery changes nothing.
// The case is read once inside the transaction and each step hands the next the row it left; the words
// are triaged (pure CPU) before the transaction opens, so the write transaction holds its locks only for
// the database work. On SQLite the jobs that reach their transaction together share one commit, each
// under its own savepoint (db/batched-transaction.ts); a job is done only once its commit is durable.
import { findCaseById } from '../../cases/case.repository.ts';
import { clockContext, scheduleCaseAlarms } from '../../deadlines/clock.service.ts';
import { inBatchedTransaction } from '../../db/batched-transaction.ts';
import { compiledOnce } from '../../db/compiled-once.ts';
import type { Deps } from '../../deps.ts';
import { assignRoutedCase } from '../../routing/assignment.ts';
import { routeCase } from '../../routing/routing.rules.ts';
import { classifyCaseIn, triageInputOf, triageOfCase } from '../../triage/triage.service.ts';
import type { Processor } from '../worker.ts';

const caseVersion = compiledOnce((db, p: { id: string }) =>
  db.selectFrom('intake_case').select(['status', 'version']).where('id', '=', p.id),
);

export interface PipelineOutcome {
  applied: boolean;
  detail: string;
}

export async function receiveCase(
  deps: Pick<Deps, 'db' | 'clock'> & Partial<Pick<Deps, 'understanding'>>,
  caseId: string,
): Promise<PipelineOutcome> {
  const before = await findCaseById(deps.db, caseId);
  if (!before) return { applied: false, detail: 'case not found' };
  if (before.status !== 'received') return { applied: false, detail: `case is ${before.status}` };
  // In an understanding thread when there is one: the worker's event loop keeps serving the other jobs.
  const read = deps.understanding ? await deps.understanding.triage(triageInputOf(before)) : triageOfCase(before);
  const ctx = await clockContext(deps.db);
  return inBatchedTransaction(deps.db, async (trx): Promise<PipelineOutcome> => {
    // Only the status and version are read again here: the row read above stands unless its version moved.
    const now0 = await caseVersion.first(trx, { id: caseId });
    if (!now0) return { applied: false, detail: 'case not found' };
    if (now0.status !== 'received') return { applied: false, detail: `case is ${now0.status}` };
    const unchanged = now0.version === before.version;
    const received = unchanged ? before : await findCaseById(trx, caseId);
    if (!received) return { applied: false, detail: 'case not found' };
    // Changed in between (its version moved): its words are read again, here.
    const r = unchanged ? read : triageOfCase(received);
    const now = deps.clock.now();
    await scheduleCaseAlarms(trx, ctx, caseId, now);
    // The triage's write of the case row is held back and goes out with the routing or assignment
    // transition's, in one UPDATE (a case folded into another is written by its fold).
    const classified = await classifyCaseIn(trx, received, now, r, true, true);
    if (classified.folded !== null) return { applied: true, detail: classified.folded };
    const triaged = classified.row;
    const route = await routeCase(trx, triaged);
    return { applied: true, detail: await assignRoutedCase(trx, triaged, route, now, classified.pending) };
  });
}

export const caseReceived: Processor<'case.received'> = async ({ caseId }, { deps }) => {
  const result = await receiveCase(deps, caseId);
  return { outcome: result.applied ? 'done' : 'skipped', detail: result.detail };
};

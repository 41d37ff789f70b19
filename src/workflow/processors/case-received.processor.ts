// case.received: triage the new case (kind, category, urgency, suspected crime, place, business), then
// route and assign it. Idempotent: a case that has left `received` is skipped, so a second delivery of
// the same job changes nothing.
import { findCaseById } from '../../cases/case.repository.ts';
import { triageCase } from '../../triage/triage.service.ts';
import type { Processor } from '../worker.ts';

export const caseReceived: Processor<'case.received'> = async ({ caseId }, { deps }) => {
  const row = await findCaseById(deps.db, caseId);
  if (!row) return { outcome: 'skipped', detail: 'case not found' };
  if (row.status !== 'received') return { outcome: 'skipped', detail: `case is ${row.status}` };
  const result = await triageCase(deps, caseId);
  return { outcome: result.applied ? 'done' : 'skipped', detail: result.detail };
};

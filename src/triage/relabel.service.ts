// Staff correct a triage label. The correction is a transition (event `relabel` with the field, the old
// and the new value, and the reason); the original triage result stays untouched in intake_case.triage.
import { z } from 'zod';
import { type Audited, appendAuditOf } from '../backoffice/audit.log.ts';
import type { Actor } from '../cases/case.machine.ts';
import { type CasePatch, applyTransitionIn, findCaseById } from '../cases/case.repository.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../lib/errors.ts';
import { CATEGORIES, TOWNSHIPS, URGENCIES } from './triage.ts';

const URGENCY_RANK: Record<string, number> = { urgent: 0, high: 1, normal: 2, low: 3 };

export const RelabelSchema = z.discriminatedUnion('field', [
  z.object({ field: z.literal('category'), value: z.enum(CATEGORIES) }),
  z.object({ field: z.literal('urgency'), value: z.enum(URGENCIES) }),
  z.object({ field: z.literal('suspected_crime'), value: z.boolean(), basis: z.array(z.string().min(1)).default([]) }),
  z.object({ field: z.literal('township'), value: z.enum(TOWNSHIPS).nullable() }),
]);
export type Relabel = z.infer<typeof RelabelSchema>;

export async function relabelCase(
  deps: Deps,
  caseId: string,
  change: Relabel,
  actor: Actor,
  reason: string,
  opts: Audited = {},
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const row = await findCaseById(trx, caseId);
    if (!row) throw new AppError('CASE_NOT_FOUND', '案件不存在');
    let patch: CasePatch;
    let from: unknown;
    switch (change.field) {
      case 'category':
        from = row.category;
        patch = { category: change.value };
        break;
      case 'urgency':
        from = row.urgency;
        patch = { urgency: change.value, urgency_rank: URGENCY_RANK[change.value] ?? 2 };
        break;
      case 'suspected_crime':
        from = row.suspected_crime === 1;
        patch = {
          suspected_crime: change.value ? 1 : 0,
          crime_basis: change.value && change.basis.length ? JSON.stringify(change.basis) : null,
        };
        break;
      case 'township':
        from = row.township;
        patch = { township: change.value };
        break;
    }
    const now = deps.clock.now();
    await applyTransitionIn(trx, caseId, { type: 'relabel', reason, data: { field: change.field, from, to: change.value } }, actor, now, {
      patch,
    });
    await appendAuditOf(trx, opts, now);
  });
}

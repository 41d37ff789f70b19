// An audited change and its audit row commit together or not at all: services take the entry and
// append it in their own transaction (no audit row is written after the commit).
import { describe, expect, it } from 'vitest';
import { auditEntry } from '../../src/backoffice/audit.log.ts';
import type { TransitionEvent } from '../../src/cases/case.machine.ts';
import { relabelCase } from '../../src/triage/relabel.service.ts';
import { reassignCase } from '../../src/routing/reassign.service.ts';
import { UNIT_A, makeCase, makeUser, useBackoffice } from './helpers.ts';

const bo = useBackoffice();
const auditRows = (caseId: string) =>
  bo.t.db.selectFrom('audit_log').select(['action', 'detail']).where('case_id', '=', caseId).orderBy('seq').execute();
const events = (caseId: string, type: TransitionEvent) =>
  bo.t.db.selectFrom('case_event').select('id').where('case_id', '=', caseId).where('type', '=', type).execute();

describe('audit rows in the change’s transaction', () => {
  it('a relabel and its audit row commit together', async () => {
    const k = await makeCase(bo, 'complaint', { unitId: UNIT_A });
    const actor = { role: 'supervisor' as const, id: 'sup-audit' };
    const audit = auditEntry(actor, 'case_action', { caseId: k.id, detail: { event: 'relabel', field: 'urgency', value: 'high' } });
    await relabelCase(bo.t.deps, k.id, { field: 'urgency', value: 'high' }, actor, '核实后提高紧急程度', { audit });
    expect(await events(k.id, 'relabel')).toHaveLength(1);
    expect((await auditRows(k.id)).map((r) => [r.action, JSON.parse(r.detail!)])).toEqual([
      ['case_action', { event: 'relabel', field: 'urgency', value: 'high' }],
    ]);
  });

  it('when the audit row cannot be written, the change is not written either', async () => {
    const k = await makeCase(bo, 'complaint', { unitId: UNIT_A });
    const actor = { role: 'supervisor' as const, id: 'sup-audit' };
    // A detail JSON cannot hold (a BigInt) makes the append throw after the transition was written.
    const audit = auditEntry(actor, 'case_action', { caseId: k.id, detail: { n: 1n } });
    await expect(relabelCase(bo.t.deps, k.id, { field: 'urgency', value: 'low' }, actor, '试图修改', { audit })).rejects.toThrow();
    expect(await events(k.id, 'relabel')).toHaveLength(0);
    expect((await bo.t.db.selectFrom('intake_case').select('urgency').where('id', '=', k.id).executeTakeFirstOrThrow()).urgency).toBe(
      'normal',
    );
    const handler = await makeUser(bo, 'audit.tx.handler', 'handler', UNIT_A);
    await expect(reassignCase(bo.t.deps, k.id, handler, actor, '调整工作量', { audit })).rejects.toThrow();
    expect(await events(k.id, 'assign')).toHaveLength(0);
    expect(await auditRows(k.id)).toHaveLength(0);
  });
});

// The typed outbox writer: the queue comes from the job map, the payload is the job's own (a wrong one
// does not compile), delayed and findable jobs keep their run time and id, and nothing is written
// outside a transaction.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueIn, enqueueRowsIn, outboxRow } from '../../src/workflow/outbox.ts';
import { type TestDeps, testDeps } from '../helpers/env.ts';

let t: TestDeps;
beforeAll(async () => {
  t = await testDeps();
});
afterAll(async () => t.close());

const rowsOf = (caseId: string) => t.db.selectFrom('outbox').selectAll().where('case_id', '=', caseId).orderBy('created_at').execute();

describe('enqueueIn', () => {
  it('puts each job on the queue the map gives it, with its payload as JSON', async () => {
    const caseId = randomUUID();
    const noticeId = randomUUID();
    const at = '2026-11-28T02:00:00.000Z';
    await t.db.transaction().execute(async (trx) => {
      await enqueueIn(trx, 'case.received', { caseId }, { caseId, at });
      await enqueueIn(trx, 'notice.deliver', { noticeId }, { caseId, at });
    });
    const rows = await rowsOf(caseId);
    expect(rows.map((r) => [r.queue, r.name, JSON.parse(r.payload)])).toEqual([
      ['case-workflow', 'case.received', { caseId }],
      ['citizen-notices', 'notice.deliver', { noticeId }],
    ]);
    expect(rows.every((r) => r.sent_at === null && r.attempts === 0 && r.run_at === null && r.job_id === null)).toBe(true);
  });

  it('keeps the run time and the deterministic id of a delayed job', async () => {
    const caseId = randomUUID();
    const clockId = randomUUID();
    const fireAt = '2026-12-01T01:00:00.000Z';
    await t.db
      .transaction()
      .execute((trx) =>
        enqueueRowsIn(trx, [
          outboxRow(
            'clock.alarm',
            { clockId, kind: 'remind', fireAt },
            { caseId, at: '2026-11-28T02:00:00.000Z', runAt: fireAt, jobId: `alarm-${clockId}` },
          ),
        ]),
      );
    const [row] = await rowsOf(caseId);
    expect(row).toMatchObject({ queue: 'case-workflow', name: 'clock.alarm', run_at: fireAt, job_id: `alarm-${clockId}` });
  });

  it('is typed by the job schemas and needs a transaction', () => {
    const typeChecks = async () => {
      await t.db.transaction().execute(async (trx) => {
        // @ts-expect-error: case.received carries a caseId, not a noticeId
        await enqueueIn(trx, 'case.received', { noticeId: randomUUID() }, { at: '' });
        // @ts-expect-error: no such job
        await enqueueIn(trx, 'case.deleted', {}, { at: '' });
      });
      // @ts-expect-error: outside a transaction
      await enqueueIn(t.db, 'hotspots.scan', {}, { at: '' });
    };
    expect(typeof typeChecks).toBe('function'); // compiled by `npm run typecheck`, never run
  });
});

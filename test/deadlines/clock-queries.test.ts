// The calendar horizon (alert 60 days ahead, refusal to guess, recompute once the next year is entered)
// and the back-office views of clocks: due soon, overdue, compliance per unit.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyTransition } from '../../src/cases/case.repository.ts';
import { getPublicStatus } from '../../src/cases/public-status.query.ts';
import { SUBMISSION_EXAMPLES, SubmissionSchema } from '../../src/cases/submission.schema.ts';
import { publishCalendarYear } from '../../src/deadlines/calendar.admin.ts';
import { complianceByUnit, dueSoon, overdue } from '../../src/deadlines/clock.queries.ts';
import { clockContext, invalidateClockContext } from '../../src/deadlines/clock.service.ts';
import { ManualClock } from '../../src/lib/clock.ts';
import { reconcileClocks } from '../../src/workflow/processors/clocks-reconcile.processor.ts';
import { type TestDeps, testDeps } from '../helpers/env.ts';

const cst = (s: string) => new Date(`${s}+08:00`);
const clock = new ManualClock(cst('2026-10-31T12:00:00'));
let t: TestDeps;
const admin = randomUUID();

beforeAll(async () => {
  invalidateClockContext();
  t = await testDeps({ clock });
  const at = clock.now().toISOString();
  await t.db
    .insertInto('staff_user')
    .values({
      id: admin,
      username: 'admin',
      display_name: '管理员',
      role: 'admin',
      unit_id: null,
      skills: '[]',
      capacity: 0,
      active: 1,
      last_assigned_at: null,
      password_hash: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
});
afterAll(async () => {
  invalidateClockContext();
  await t.close();
});

async function complaint() {
  const r = await t.deps.intake.submit({
    submission: SubmissionSchema.parse(SUBMISSION_EXAMPLES.complaint.value),
    files: [],
    channel: 'api',
    actor: { role: 'citizen', id: null },
    idempotencyKey: null,
  });
  const c = await t.db.selectFrom('intake_case').selectAll().where('number', '=', r.cases[0]!.number).executeTakeFirstOrThrow();
  return { c, code: r.queryCode };
}
const horizonNotes = () =>
  t.db.selectFrom('staff_notification').select(['user_id', 'kind']).where('kind', 'like', 'calendar_horizon%').execute();

describe('calendar horizon', () => {
  it('alerts admins once, from 60 days before the last known day', async () => {
    clock.set(cst('2026-10-31T12:00:00'));
    await reconcileClocks(t.deps);
    expect(await horizonNotes()).toEqual([]);
    clock.set(cst('2026-11-01T00:00:01'));
    expect((await reconcileClocks(t.deps)).horizonAlert).toBe(true);
    await reconcileClocks(t.deps);
    expect(await horizonNotes()).toEqual([{ user_id: admin, kind: 'calendar_horizon_2026' }]);
  });

  it('past the calendar: a provisional date for staff, none for the citizen; the real one once the year is entered', async () => {
    clock.set(cst('2026-12-25T10:00:00'));
    const { c, code } = await complaint();
    const d1 = await t.db.selectFrom('case_clock').selectAll().where('case_id', '=', c.id).executeTakeFirstOrThrow();
    // Staff see a provisional date counted with weekends only (marked 暂定): Mon 12-28 (1) … Thu 12-31 (4),
    // Fri 01-01 (5), Mon 01-04 (6), Tue 01-05 (7). The citizen is promised no date yet.
    expect(d1).toMatchObject({
      clock: 'D1',
      status: 'running',
      due_at: cst('2027-01-05T23:59:59.999').toISOString(),
      problem: 'calendar_provisional',
    });
    const status = await getPublicStatus(t.db, c.number, code);
    expect(status?.deadlines).toEqual([{ clock: 'D1', due: null, text: expect.stringContaining('待国务院公布下一年度节假日安排后确定') }]);

    // The State Council's 2027 arrangement (only New Year matters for this period): 01-01 to 01-03 off.
    const recomputed = await publishCalendarYear(
      t.db,
      2027,
      [
        { date: '2027-01-01', kind: 'holiday', name: '元旦' },
        { date: '2027-01-02', kind: 'holiday', name: '元旦' },
        { date: '2027-01-03', kind: 'holiday', name: '元旦' },
      ],
      clock.now(),
    );
    // Entering the year recomputes the provisional date at once; the reconcile job finds nothing left.
    expect(recomputed).toBe(1);
    expect((await reconcileClocks(t.deps)).recomputed).toBe(0);
    // After Fri 12-25: Mon 12-28 (1) … Thu 12-31 (4), Mon 01-04 (5), Tue 01-05 (6), Wed 01-06 (7).
    const after = await t.db.selectFrom('case_clock').select(['due_at', 'problem']).where('id', '=', d1.id).executeTakeFirstOrThrow();
    expect(after).toEqual({ due_at: cst('2027-01-06T23:59:59.999').toISOString(), problem: null });
    expect((await clockContext(t.db)).calendar.lastYear).toBe(2027);
  });
});

describe('back-office views', () => {
  it('lists due-soon and overdue clocks per unit, and computes compliance', async () => {
    clock.set(cst('2026-11-02T10:00:00')); // Monday
    const a = await complaint(); // D1 due 2026-11-11
    const b = await complaint();
    // Assign both to a unit the way the workflow does (the clocks follow the case's unit).
    for (const id of [a.c.id, b.c.id]) {
      await applyTransition(t.db, id, { type: 'triage' }, { role: 'system', id: null }, clock.now(), { patch: { unit_id: 'station-xjl' } });
    }
    expect(
      (await t.db.selectFrom('case_clock').select('unit_id').where('case_id', 'in', [a.c.id, b.c.id]).execute()).map((r) => r.unit_id),
    ).toEqual(['station-xjl', 'station-xjl']);
    clock.set(cst('2026-11-09T10:00:00')); // due in 2 working days
    const soon = await dueSoon(t.db, await clockContext(t.db), clock.now(), { unitId: 'station-xjl' });
    expect(soon.map((s) => s.number).sort()).toEqual([a.c.number, b.c.number].sort());
    expect(await dueSoon(t.db, await clockContext(t.db), clock.now(), { unitId: 'station-gd' })).toEqual([]);

    // a is accepted in time; b runs late
    await applyTransition(t.db, a.c.id, { type: 'assign', data: { assigneeId: 'h' } }, { role: 'system', id: null }, clock.now());
    await applyTransition(t.db, a.c.id, { type: 'accept' }, { role: 'handler', id: 'h' }, clock.now());
    // D1 stops when the complainant is told (issue #14.1): a web-only complainant opens the status page.
    await getPublicStatus(t.db, a.c.number, a.code, clock.now());
    clock.set(cst('2026-11-12T09:00:00'));
    expect((await overdue(t.db, clock.now(), { unitId: 'station-xjl' })).map((o) => o.number)).toEqual([b.c.number]);
    await applyTransition(t.db, b.c.id, { type: 'assign', data: { assigneeId: 'h' } }, { role: 'system', id: null }, clock.now());
    await applyTransition(t.db, b.c.id, { type: 'accept' }, { role: 'handler', id: 'h' }, clock.now());
    await getPublicStatus(t.db, b.c.number, b.code, clock.now());
    const comp = await complianceByUnit(
      t.db,
      await clockContext(t.db),
      cst('2026-11-01T00:00:00'),
      cst('2026-12-01T00:00:00'),
      {},
      clock.now(),
    );
    // Both acceptances start mediation (D2), still running: pending, apart from the rate.
    expect(comp.find((u) => u.unitId === 'station-xjl')).toEqual({
      unitId: 'station-xjl',
      inTime: 1,
      late: 1,
      pending: 2,
      overdue: 0,
      stopped: 0,
      rate: 0.5,
    });
  });
});

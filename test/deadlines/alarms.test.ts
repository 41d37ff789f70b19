// Clocks on cases with real Redis and a controllable clock: reminders and escalations fire once each at
// the right times; alarms become delayed jobs only within the lead (the reconcile job makes them, or the
// transition when already that near); the reconcile job restores lost alarms and fires what became due
// while no worker ran; an alarm for a stopped clock does nothing; the rule version follows the receipt date.
import { randomUUID } from 'node:crypto';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyTransition } from '../../src/cases/case.repository.ts';
import { getPublicStatus } from '../../src/cases/public-status.query.ts';
import { SUBMISSION_EXAMPLES, SubmissionSchema } from '../../src/cases/submission.schema.ts';
import { alarmJobId, alarmsFor, clockContext, scheduleCaseAlarms } from '../../src/deadlines/clock.service.ts';
import { ManualClock } from '../../src/lib/clock.ts';
import { createLogger } from '../../src/lib/logger.ts';
import { OutboxRelay } from '../../src/workflow/outbox-relay.ts';
import { QueueSet } from '../../src/workflow/queue-set.ts';
import { clockAlarm } from '../../src/workflow/processors/clock-alarm.processor.ts';
import { forgetReconcileState, reconcileClocks } from '../../src/workflow/processors/clocks-reconcile.processor.ts';
import { PROCESSORS } from '../../src/workflow/processors/index.ts';
import { dispatcher } from '../../src/workflow/worker.ts';
import { REDIS_URL, type TestDeps, testDeps } from '../helpers/env.ts';

const cst = (s: string) => new Date(`${s}+08:00`);
const clock = new ManualClock(cst('2026-09-28T10:00:00'));
let t: TestDeps;
let queue: Queue;
let relay: OutboxRelay;
const supervisorId = randomUUID();

beforeAll(async () => {
  const prefix = `test_alarms_${randomUUID().slice(0, 8)}`;
  queue = new Queue('case-workflow', { connection: { url: REDIS_URL }, prefix });
  t = await testDeps({ clock, queues: { 'case-workflow': queue } });
  relay = new OutboxRelay({ db: t.db, queues: new QueueSet(REDIS_URL, prefix), logger: createLogger('silent'), clock });
  const at = clock.now().toISOString();
  await t.db
    .insertInto('staff_user')
    .values({
      id: supervisorId,
      username: 'sup',
      display_name: '值班主任',
      role: 'supervisor',
      unit_id: 'intake',
      skills: '[]',
      capacity: 40,
      active: 1,
      last_assigned_at: null,
      password_hash: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
});
afterAll(async () => {
  await queue.obliterate({ force: true });
  await queue.close();
  await t.close();
});

async function submitComplaint() {
  const r = await t.deps.intake.submit({
    submission: SubmissionSchema.parse(SUBMISSION_EXAMPLES.complaint.value),
    files: [],
    channel: 'api',
    actor: { role: 'citizen', id: null },
    idempotencyKey: null,
  });
  const c = await t.db.selectFrom('intake_case').selectAll().where('number', '=', r.cases[0]!.number).executeTakeFirstOrThrow();
  const d1 = await t.db
    .selectFrom('case_clock')
    .selectAll()
    .where('case_id', '=', c.id)
    .where('clock', '=', 'D1')
    .executeTakeFirstOrThrow();
  return { c, d1, code: r.queryCode };
}

/** What case.received does first: the near alarms of the case's running clocks go to the outbox. */
const pickUp = (caseId: string) =>
  t.db.transaction().execute(async (trx) => scheduleCaseAlarms(trx, await clockContext(trx), caseId, clock.now()));
/** The case's alarm rows in the outbox. */
const alarmRows = (caseId: string) =>
  t.db.selectFrom('outbox').select(['run_at', 'job_id']).where('case_id', '=', caseId).where('name', '=', 'clock.alarm').execute();
const alarmJobs = async (clockId: string) =>
  (await queue.getJobs(['delayed', 'waiting'])).filter(
    (j) => j.name === 'clock.alarm' && (j.data as { clockId: string }).clockId === clockId,
  );
const fired = async (clockId: string) =>
  t.db.selectFrom('clock_alarm').selectAll().where('clock_id', '=', clockId).orderBy('fire_at').execute();
const notes = async (kind: string) => t.db.selectFrom('staff_notification').selectAll().where('kind', '=', kind).execute();

describe('alarms on real Redis with a controllable clock', () => {
  it('schedules, restores, fires once each at the right time, and escalates', async () => {
    clock.set(cst('2026-09-28T10:00:00'));
    forgetReconcileState();
    const { c, d1 } = await submitComplaint();
    // 7 working days after 2026-09-28 (National Day, make-up Saturday 10-10 counted) → end of 2026-10-13.
    expect(d1.due_at).toBe(cst('2026-10-13T23:59:59.999').toISOString());
    // reminders: 09:00 two working days before the due day (Sat 10-10 is a make-up workday) and 09:00 on it
    expect(alarmsFor(await clockContext(t.db), d1).map((a) => `${a.kind}@${a.fireAt}`)).toEqual([
      `remind@${cst('2026-10-10T09:00:00').toISOString()}`,
      `remind@${cst('2026-10-13T09:00:00').toISOString()}`,
      `escalate@${cst('2026-10-13T23:59:59.999').toISOString()}`,
    ]);
    // Intake writes no alarms (off the request path); picking the case up hands over only alarms due
    // within the lead (issue #21.2): these are days away, so no outbox row and no Redis job yet.
    expect(await pickUp(c.id)).toBe(0);
    expect(await alarmRows(c.id)).toEqual([]);
    await relay.flushOnce();
    expect(await alarmJobs(d1.id)).toHaveLength(0);
    expect(await reconcileClocks(t.deps)).toMatchObject({ full: true, rescheduled: 0, fired: 0 });

    // Ten minutes before the first reminder the reconcile job makes its delayed job (within the lead).
    clock.set(cst('2026-10-10T08:50:00'));
    expect((await reconcileClocks(t.deps)).rescheduled).toBe(1);
    let jobs = await alarmJobs(d1.id);
    expect(jobs.map((j) => (j.data as { kind: string; fireAt: string }).kind + '@' + (j.data as { fireAt: string }).fireAt)).toEqual([
      `remind@${cst('2026-10-10T09:00:00').toISOString()}`,
    ]);
    expect(jobs[0]!.delay).toBe(10 * 60_000);

    // Lost: Redis restarted empty (its marker gone) → the next run is a full pass and makes it again.
    for (const j of jobs) await j.remove();
    await (await queue.getBackend().client).del(queue.toKey('reconcile-alive'));
    clock.set(cst('2026-10-10T08:51:00'));
    expect(await reconcileClocks(t.deps)).toMatchObject({ full: true, rescheduled: 1 });
    jobs = await alarmJobs(d1.id);
    expect(jobs).toHaveLength(1);

    // Just before the first reminder: nothing fires.
    clock.set(cst('2026-10-10T08:59:59'));
    await reconcileClocks(t.deps);
    expect(await fired(d1.id)).toHaveLength(0);

    // Its time passes while no worker runs: reconcile fires it, once.
    clock.set(cst('2026-10-10T09:00:01'));
    expect((await reconcileClocks(t.deps)).fired).toBe(1);
    expect((await reconcileClocks(t.deps)).fired).toBe(0);
    const first = await fired(d1.id);
    expect(first.map((f) => [f.kind, f.fire_at])).toEqual([['remind', cst('2026-10-10T09:00:00').toISOString()]]);
    // …and when the delayed job itself arrives later, it does nothing.
    const job = jobs[0]!;
    expect(await clockAlarm(job.data as never, { deps: t.deps, job, token: undefined })).toMatchObject({
      outcome: 'skipped',
      detail: 'already fired',
    });
    const reminders = (await notes('deadline_reminder')).filter((n) => n.case_id === c.id);
    expect(reminders.map((n) => n.user_id)).toEqual([supervisorId]);

    // Past the due time: the second reminder and the escalation fire, once each.
    clock.set(cst('2026-10-14T00:00:05'));
    expect((await reconcileClocks(t.deps)).fired).toBe(2);
    expect((await reconcileClocks(t.deps)).fired).toBe(0);
    expect((await fired(d1.id)).map((f) => f.kind)).toEqual(['remind', 'remind', 'escalate']);
    const after = await t.db.selectFrom('intake_case').select(['overdue', 'status']).where('id', '=', c.id).executeTakeFirstOrThrow();
    expect(after).toEqual({ overdue: 1, status: 'received' });
    const esc = await t.db
      .selectFrom('case_event')
      .select(['type', 'actor_role'])
      .where('case_id', '=', c.id)
      .where('type', '=', 'escalate')
      .execute();
    expect(esc).toEqual([{ type: 'escalate', actor_role: 'system' }]);
    expect((await notes('deadline_overdue')).filter((n) => n.case_id === c.id).map((n) => n.user_id)).toEqual([supervisorId]);
  });

  it('an alarm due within the lead goes through the outbox with its transition', async () => {
    clock.set(cst('2026-11-02T10:00:00'));
    const { c, d1 } = await submitComplaint();
    const [remind] = alarmsFor(await clockContext(t.db), d1);
    // The case is picked up (late) five minutes before its first reminder.
    clock.set(new Date(Date.parse(remind!.fireAt) - 5 * 60_000));
    expect(await pickUp(c.id)).toBe(1);
    const rows = await alarmRows(c.id);
    expect(rows).toEqual([{ run_at: remind!.fireAt, job_id: alarmJobId(remind!) }]);
  });

  it('a delayed BullMQ job made by the reconcile job fires the reminder at its time through a worker', async () => {
    clock.set(cst('2026-11-02T10:00:00'));
    const { d1 } = await submitComplaint();
    const remindAt = alarmsFor(await clockContext(t.db), d1)[0]!.fireAt;
    // 1.5 s before the reminder the reconcile job makes its job; then the clock reaches it.
    clock.set(new Date(Date.parse(remindAt) - 1500));
    forgetReconcileState();
    await reconcileClocks(t.deps);
    expect(await alarmJobs(d1.id)).toHaveLength(1);
    clock.set(new Date(Date.parse(remindAt) + 10));
    const conn = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
    const worker = new Worker('case-workflow', dispatcher(t.deps, PROCESSORS), { connection: conn, prefix: queue.opts.prefix });
    try {
      const start = Date.now();
      while ((await fired(d1.id)).length === 0 && Date.now() - start < 15_000) await new Promise((r) => setTimeout(r, 100));
      expect((await fired(d1.id)).map((f) => [f.kind, f.fire_at])).toEqual([['remind', remindAt]]);
    } finally {
      await worker.close();
      conn.disconnect();
    }
  });

  it('an escalation for a clock stopped in the meantime does nothing', async () => {
    clock.set(cst('2026-11-02T10:00:00'));
    const { c, d1, code } = await submitComplaint();
    const escalation = { clockId: d1.id, kind: 'escalate' as const, fireAt: d1.due_at! };
    // The complaint is accepted in time and the complainant told (status page): D1 stops, D2 (mediation, 60 days) starts.
    await t.db.updateTable('intake_case').set({ status: 'assigned' }).where('id', '=', c.id).execute();
    await applyTransition(t.db, c.id, { type: 'accept' }, { role: 'handler', id: 'h1' }, clock.now());
    await getPublicStatus(t.db, c.number, code, clock.now());
    const clocks = await t.db
      .selectFrom('case_clock')
      .select(['clock', 'status', 'stop_event'])
      .where('case_id', '=', c.id)
      .orderBy('clock')
      .execute();
    expect(clocks).toEqual([
      { clock: 'D1', status: 'stopped', stop_event: 'notice_given' },
      { clock: 'D2', status: 'running', stop_event: null },
    ]);
    clock.set(new Date(Date.parse(d1.due_at!) + 60_000));
    const job = { moveToDelayed: async () => undefined } as never;
    expect(await clockAlarm(escalation, { deps: t.deps, job, token: undefined })).toMatchObject({ outcome: 'skipped' });
    await reconcileClocks(t.deps);
    expect(await fired(d1.id)).toEqual([]);
    expect((await t.db.selectFrom('intake_case').select('overdue').where('id', '=', c.id).executeTakeFirstOrThrow()).overdue).toBe(0);
  });
});

describe('reconcile cost (issue #21.3) and lazy alarms (issue #21.2)', () => {
  it('between full passes it reads only clocks changed or due soon; alarms become jobs only within the lead; a Redis that lost its data gets a full pass', async () => {
    clock.set(cst('2026-11-03T10:00:00'));
    forgetReconcileState();
    const cases = [await submitComplaint(), await submitComplaint()];
    for (const { c } of cases) await pickUp(c.id);
    await relay.flushOnce();
    const first = await reconcileClocks(t.deps);
    expect(first.full).toBe(true);
    expect(first.checked).toBeGreaterThanOrEqual(2); // every running clock is read…
    expect(first).toMatchObject({ redisLookups: 0, rescheduled: 0 }); // …but no alarm is near: nothing in Redis

    // The next run looks again at what changed shortly before the last one (5 minutes of overlap)…
    clock.set(cst('2026-11-03T10:06:00'));
    expect(await reconcileClocks(t.deps)).toMatchObject({ full: false, rescheduled: 0 });
    // …and a minute later, nothing changed: no Redis look-up at all.
    clock.set(cst('2026-11-03T10:07:00'));
    expect(await reconcileClocks(t.deps)).toMatchObject({ full: false, redisLookups: 0, rescheduled: 0 });

    // A new case: its clock is read (changed), its alarms are days away, so still nothing in Redis.
    clock.set(cst('2026-11-03T10:08:00'));
    cases.push(await submitComplaint());
    const next = await reconcileClocks(t.deps);
    expect(next).toMatchObject({ full: false, redisLookups: 0, rescheduled: 0 });
    expect(next.checked).toBeGreaterThanOrEqual(1);
    for (const { d1 } of cases) expect(await alarmJobs(d1.id)).toHaveLength(0);

    // The three cases share their first reminder. 20 minutes before it (an hourly full pass): not yet.
    const remindAt = Date.parse(alarmsFor(await clockContext(t.db), cases[0]!.d1)[0]!.fireAt);
    for (const { d1 } of cases) expect(Date.parse(alarmsFor(await clockContext(t.db), d1)[0]!.fireAt)).toBe(remindAt);
    clock.set(new Date(remindAt - 20 * 60_000));
    expect(await reconcileClocks(t.deps)).toMatchObject({ full: true, rescheduled: 0 });
    // 14 minutes before: an incremental run makes the three jobs, each looked up once.
    clock.set(new Date(remindAt - 14 * 60_000));
    expect(await reconcileClocks(t.deps)).toMatchObject({ full: false, redisLookups: 3, rescheduled: 3 });
    for (const { d1 } of cases) expect(await alarmJobs(d1.id)).toHaveLength(1);
    clock.set(new Date(remindAt - 13 * 60_000));
    expect(await reconcileClocks(t.deps)).toMatchObject({ full: false, redisLookups: 0, rescheduled: 0 });

    // An alarm job deleted from a Redis that keeps its other data is not looked for between full passes
    // (its time still fires it through the reconcile job)…
    for (const j of await alarmJobs(cases[0]!.d1.id)) await j.remove();
    clock.set(new Date(remindAt - 12 * 60_000));
    expect(await reconcileClocks(t.deps)).toMatchObject({ full: false, rescheduled: 0 });
    // …and a Redis that lost its data (the marker key gone) gets a full pass at once.
    await (await queue.getBackend().client).del(queue.toKey('reconcile-alive'));
    clock.set(new Date(remindAt - 11 * 60_000));
    expect(await reconcileClocks(t.deps)).toMatchObject({ full: true, redisLookups: 3, rescheduled: 1 });
    expect(await alarmJobs(cases[0]!.d1.id)).toHaveLength(1);
  });
});

describe('rule version by receipt date', () => {
  it('uses Order 20 for a case received 2026-04-14 and Order 121 from 2026-04-15 (mediation 45 working days vs 60 days)', async () => {
    const dues: Record<string, string> = {};
    for (const day of ['2026-04-14', '2026-04-15']) {
      clock.set(cst(`${day}T10:00:00`));
      const { c } = await submitComplaint();
      await t.db.updateTable('intake_case').set({ status: 'assigned' }).where('id', '=', c.id).execute();
      await applyTransition(t.db, c.id, { type: 'accept' }, { role: 'handler', id: 'h1' }, clock.now());
      const d2 = await t.db
        .selectFrom('case_clock')
        .selectAll()
        .where('case_id', '=', c.id)
        .where('clock', '=', 'D2')
        .executeTakeFirstOrThrow();
      dues[day] = `${c.rule_version}:${d2.due_at}`;
    }
    // Order 20: 45 working days after Tue 04-14, skipping 劳动节 05-01..05 and counting make-up Sat 05-09 → Thu 06-18.
    // Order 121: 60 calendar days after 04-15 → 06-14 (a Sunday, an ordinary weekend: it stays).
    expect(dues['2026-04-14']).toBe(`order20:${cst('2026-06-18T23:59:59.999').toISOString()}`);
    expect(dues['2026-04-15']).toBe(`order121:${cst('2026-06-14T23:59:59.999').toISOString()}`);
  });
});

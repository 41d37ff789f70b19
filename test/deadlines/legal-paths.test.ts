// Issue #14 (items 1, 2): each legal path walked end to end through the real database, the case machine
// and the statutory clocks. A decision the citizen must be told stops its clock only when the citizen is
// told; closing ends handling clocks, never duties; a case back from the police resumes D5; D12 runs only
// for a real-name reporter; compliance counts only clocks that ended by being met, pending apart.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/cases/case.machine.ts';
import { applyTransition } from '../../src/cases/case.repository.ts';
import { getPublicStatus } from '../../src/cases/public-status.query.ts';
import { SUBMISSION_EXAMPLES, SubmissionSchema } from '../../src/cases/submission.schema.ts';
import { complianceByUnit } from '../../src/deadlines/clock.queries.ts';
import { clockContext, invalidateClockContext } from '../../src/deadlines/clock.service.ts';
import { syncNextDue } from '../../src/deadlines/next-due.ts';
import { ManualClock } from '../../src/lib/clock.ts';
import { recordNoticeGiven } from '../../src/notices/notice-record.service.ts';
import { type TestDeps, testDeps } from '../helpers/env.ts';

const cst = (s: string) => new Date(`${s}+08:00`);
const clock = new ManualClock(cst('2026-11-02T10:00:00'));
let t: TestDeps;

const SYSTEM: Actor = { role: 'system', id: null };
const HANDLER: Actor = { role: 'handler', id: 'h-1' };
const SUPERVISOR: Actor = { role: 'supervisor', id: 's-1' };
const POLICE: Actor = { role: 'police', id: 'p-1' };

beforeAll(async () => {
  invalidateClockContext();
  t = await testDeps({ clock });
});
afterAll(async () => {
  invalidateClockContext();
  await t.close();
});
// Issue #21.3: every path keeps intake_case.next_due_at equal to its running clocks' earliest due time.
afterEach(async () => {
  const cases = await t.db.selectFrom('intake_case').select(['id', 'next_due_at']).execute();
  const running = await t.db.selectFrom('case_clock').select(['case_id', 'due_at']).where('status', '=', 'running').execute();
  const min = new Map<string, string>();
  for (const r of running) if (r.due_at && (!min.has(r.case_id) || r.due_at < min.get(r.case_id)!)) min.set(r.case_id, r.due_at);
  expect(cases.map((c) => [c.id, c.next_due_at])).toEqual(cases.map((c) => [c.id, min.get(c.id) ?? null]));
});

type Clocks = Record<
  string,
  { status: string; stop_event: string | null; stopped_at: string | null; due_at: string | null; pauses: string }
>;

async function clocksOf(caseId: string): Promise<Clocks> {
  const rows = await t.db
    .selectFrom('case_clock')
    .select(['clock', 'status', 'stop_event', 'stopped_at', 'due_at', 'pauses'])
    .where('case_id', '=', caseId)
    .orderBy('created_at')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.clock, r]));
}

const step = (caseId: string, cmd: Parameters<typeof applyTransition>[2], actor: Actor) =>
  applyTransition(t.db, caseId, cmd, actor, clock.now());

/** A case submitted on the web (no WeChat contact), triaged to a unit and assigned. */
async function submitted(value: unknown, unitId: string) {
  const r = await t.deps.intake.submit({
    submission: SubmissionSchema.parse(value),
    files: [],
    channel: 'api',
    actor: { role: 'citizen', id: null },
    idempotencyKey: null,
  });
  const number = r.cases[0]!.number;
  const row = await t.db.selectFrom('intake_case').select(['id']).where('number', '=', number).executeTakeFirstOrThrow();
  await applyTransition(t.db, row.id, { type: 'triage' }, SYSTEM, clock.now(), { patch: { unit_id: unitId } });
  await applyTransition(t.db, row.id, { type: 'assign', data: { assigneeId: HANDLER.id } }, SYSTEM, clock.now(), {
    patch: { unit_id: unitId, assignee_id: HANDLER.id },
  });
  return { id: row.id, number, code: r.queryCode };
}

const complaint = (unitId = 'station-xjl') => submitted(SUBMISSION_EXAMPLES.complaint.value, unitId);
const REAL_NAME_REPORT = {
  kind: 'report',
  description: '新华路一家熟食店长期销售病死猪肉加工的卤肉，我在店里亲眼见到进货。',
  business: { name: '老王熟食店', address: '新郑市新华路66号' },
  township: '新华路街道',
  person: { name: '赵强', phone: '13700001111' },
};
const report = (anonymous: boolean, unitId = 'station-xjl') =>
  submitted(anonymous ? SUBMISSION_EXAMPLES.anonymousReport.value : REAL_NAME_REPORT, unitId);

/** Puts a case at a status of the referral track directly (the referral steps themselves are tested in test/referral). */
const setStatus = (id: string, status: string) =>
  t.db
    .updateTable('intake_case')
    .set({ status: status as never })
    .where('id', '=', id)
    .execute();

interface LegalPath {
  name: string;
  walk: () => Promise<void>;
}

const PATHS: LegalPath[] = [
  {
    name: 'refusal with ground reaches a web-only complainant on the status page; D1 stops only when they open it',
    walk: async () => {
      clock.set(cst('2026-11-02T10:00:00'));
      const c = await complaint();
      clock.set(cst('2026-11-04T10:00:00'));
      await step(c.id, { type: 'refuse', reason: '已由消费者协会受理', data: { ground: 'already_handled' } }, HANDLER);
      // Decided, but not yet told: D1 keeps running; a pending notice duty carries it.
      expect((await clocksOf(c.id)).D1).toMatchObject({ status: 'running', stop_event: null });
      const duty = await t.db.selectFrom('notice_duty').selectAll().where('case_id', '=', c.id).executeTakeFirstOrThrow();
      expect(duty).toMatchObject({ event_type: 'refuse', clock: 'D1', status: 'pending' });
      // Closing the refused case does not end the duty either.
      await step(c.id, { type: 'close' }, HANDLER);
      expect((await clocksOf(c.id)).D1).toMatchObject({ status: 'running' });

      clock.set(cst('2026-11-06T15:30:00'));
      const page = await getPublicStatus(t.db, c.number, c.code, clock.now());
      expect(page?.notices).toHaveLength(1);
      const text = page?.notices[0]?.text ?? '';
      expect(text).toContain('不予受理');
      expect(text).toContain('消费者协会'); // the Art. 16 ground
      expect(text).toMatch(/协商.*仲裁.*法院/); // the other routes (Art. 15 ¶2)
      expect((await clocksOf(c.id)).D1).toMatchObject({
        status: 'stopped',
        stop_event: 'notice_given',
        stopped_at: clock.now().toISOString(),
      });
      expect(await t.db.selectFrom('notice_duty').select(['status', 'channel']).where('id', '=', duty.id).executeTakeFirst()).toEqual({
        status: 'delivered',
        channel: 'status_page',
      });
      // A wrong code shows nothing and delivers nothing.
      expect(await getPublicStatus(t.db, c.number, 'WRONG-CODE', clock.now())).toBeNull();
    },
  },
  {
    name: 'a notice given by phone is recorded by staff (who, when, how): D1 stops at the time given, not at the record',
    walk: async () => {
      clock.set(cst('2026-11-02T10:00:00'));
      const c = await complaint();
      await step(c.id, { type: 'accept' }, HANDLER);
      const duty = await t.db.selectFrom('notice_duty').selectAll().where('case_id', '=', c.id).executeTakeFirstOrThrow();
      clock.set(cst('2026-11-05T17:00:00'));
      // Not in the future, and a channel staff can record.
      await expect(
        recordNoticeGiven(t.deps, c.id, { dutyId: duty.id, channel: 'phone', toldTo: '投诉人本人', givenAt: '2026-11-06T09:00' }, HANDLER),
      ).rejects.toMatchObject({ code: 'VALIDATION', fields: [{ path: 'givenAt' }] });
      await expect(
        recordNoticeGiven(t.deps, c.id, { dutyId: duty.id, channel: 'wechat', toldTo: '投诉人本人', givenAt: '2026-11-05T09:00' }, HANDLER),
      ).rejects.toMatchObject({ code: 'VALIDATION', fields: [{ path: 'channel' }] });
      await recordNoticeGiven(
        t.deps,
        c.id,
        { dutyId: duty.id, channel: 'phone', toldTo: '投诉人本人', givenAt: '2026-11-05T09:00', note: '电话告知已受理' },
        HANDLER,
      );
      expect((await clocksOf(c.id)).D1).toMatchObject({
        status: 'stopped',
        stop_event: 'notice_given',
        stopped_at: cst('2026-11-05T09:00:00').toISOString(),
      });
      expect(await t.db.selectFrom('notice_duty').selectAll().where('id', '=', duty.id).executeTakeFirst()).toMatchObject({
        status: 'recorded',
        channel: 'phone',
        told_to: '投诉人本人',
        recorded_by: HANDLER.id,
      });
      const ev = await t.db
        .selectFrom('case_event')
        .select(['type', 'public'])
        .where('case_id', '=', c.id)
        .where('type', '=', 'record_notice')
        .execute();
      expect(ev).toEqual([{ type: 'record_notice', public: 0 }]);
      // Done once: a second record is refused.
      await expect(
        recordNoticeGiven(t.deps, c.id, { dutyId: duty.id, channel: 'letter', toldTo: '投诉人本人', givenAt: '2026-11-05T10:00' }, HANDLER),
      ).rejects.toMatchObject({ code: 'VALIDATION' });
    },
  },
  {
    name: 'a transfer out names the receiving authority to the citizen and D1 runs until they are told',
    walk: async () => {
      clock.set(cst('2026-11-02T10:00:00'));
      const c = await complaint();
      await step(c.id, { type: 'transfer_out', reason: '农药残留属农业部门', data: { authority: '新郑市农业农村局' } }, HANDLER);
      expect((await clocksOf(c.id)).D1).toMatchObject({ status: 'running' });
      const page = await getPublicStatus(t.db, c.number, c.code, clock.now());
      expect(page?.notices.map((n) => n.text).join('')).toContain('新郑市农业农村局');
      expect((await clocksOf(c.id)).D1).toMatchObject({ status: 'stopped', stop_event: 'notice_given' });
    },
  },
  {
    name: 'closing with D10 open: D10 keeps running, an event on the closed case leaves it, the police confirmation meets it',
    walk: async () => {
      clock.set(cst('2026-11-02T10:00:00'));
      const c = await report(true);
      await setStatus(c.id, 'referred');
      await step(c.id, { type: 'police_accept' }, POLICE);
      expect((await clocksOf(c.id)).D10).toMatchObject({ status: 'running' });
      await step(c.id, { type: 'close' }, HANDLER);
      // The handling clock D4 ends with the case; the duty D10 does not.
      expect((await clocksOf(c.id)).D4).toMatchObject({ status: 'stopped', stop_event: 'close' });
      expect((await clocksOf(c.id)).D10).toMatchObject({ status: 'running' });
      // An event recorded on the closed case (a comment) stops nothing.
      await step(c.id, { type: 'comment', reason: '等待公安确认移交清单' }, HANDLER);
      expect((await clocksOf(c.id)).D10).toMatchObject({ status: 'running' });
      clock.set(cst('2026-11-03T10:00:00'));
      await step(c.id, { type: 'confirm_exhibits' }, POLICE);
      expect((await clocksOf(c.id)).D10).toMatchObject({ status: 'stopped', stop_event: 'confirm_exhibits' });
    },
  },
  {
    name: 'a police return resumes D5, its due date moved by the time the case was with the police',
    walk: async () => {
      clock.set(cst('2026-11-02T10:00:00'));
      const c = await report(true);
      await step(c.id, { type: 'start_verification' }, HANDLER);
      await step(c.id, { type: 'open_case' }, SUPERVISOR);
      const before = (await clocksOf(c.id)).D5!;
      expect(before).toMatchObject({ status: 'running', due_at: cst('2027-01-31T23:59:59.999').toISOString() });
      // Sent to the police: the administrative clock pauses (referral.service does this at transfer).
      await step(c.id, { type: 'pause_clock', data: { clock: 'D5', pauseReason: 'police_referral' } }, HANDLER);
      await setStatus(c.id, 'police_declined');
      clock.set(cst('2026-11-12T10:00:00')); // ten days with the police
      await step(c.id, { type: 'return_to_admin' }, HANDLER);
      const after = (await clocksOf(c.id)).D5!;
      expect(after.status).toBe('running');
      expect(JSON.parse(after.pauses)).toEqual([
        { from: cst('2026-11-02T10:00:00').toISOString(), to: cst('2026-11-12T10:00:00').toISOString(), reason: 'police_referral' },
      ]);
      expect(after.due_at).toBe(cst('2027-02-10T23:59:59.999').toISOString());
      expect((await t.db.selectFrom('intake_case').select('status').where('id', '=', c.id).executeTakeFirstOrThrow()).status).toBe(
        'case_opened',
      );
    },
  },
  {
    name: 'D12 (Order 20) runs for a real-name reporter only, and stops when the reporter is told of 立案',
    walk: async () => {
      clock.set(cst('2026-04-10T10:00:00')); // received under Order 20
      const named = await report(false);
      const anonymous = await report(true);
      for (const c of [named, anonymous]) {
        await step(c.id, { type: 'start_verification' }, HANDLER);
        await step(c.id, { type: 'open_case' }, SUPERVISOR);
      }
      expect((await clocksOf(anonymous.id)).D12).toBeUndefined();
      expect(await t.db.selectFrom('notice_duty').select('id').where('case_id', '=', anonymous.id).execute()).toEqual([]);
      expect((await clocksOf(named.id)).D12).toMatchObject({ status: 'running' });
      const duty = await t.db.selectFrom('notice_duty').selectAll().where('case_id', '=', named.id).executeTakeFirstOrThrow();
      expect(duty).toMatchObject({ event_type: 'open_case', clock: 'D12', status: 'pending' });
      clock.set(cst('2026-04-13T10:00:00'));
      await recordNoticeGiven(
        t.deps,
        named.id,
        { dutyId: duty.id, channel: 'letter', toldTo: '实名举报人', givenAt: '2026-04-13T09:00' },
        HANDLER,
      );
      expect((await clocksOf(named.id)).D12).toMatchObject({ status: 'stopped', stop_event: 'notice_given' });
    },
  },
];

describe('legal paths end to end (issue #14)', () => {
  it.each(PATHS)('$name', async ({ walk }) => {
    await walk();
  });
});

describe('complianceByUnit', () => {
  it('a unit that met every clock reports 100%, with pending clocks apart and cases closed early not counted', async () => {
    const unit = 'station-gd';
    clock.set(cst('2026-11-02T10:00:00'));
    const a = await complaint(unit);
    const b = await complaint(unit);
    const c = await report(true, unit);
    clock.set(cst('2026-11-02T10:05:00'));
    for (const k of [a, b]) {
      await step(k.id, { type: 'accept' }, HANDLER);
      await getPublicStatus(t.db, k.number, k.code, clock.now()); // told within minutes
    }
    // b's mediation succeeds in time; a's mediation (D2) is still running: pending.
    await step(b.id, { type: 'start_mediation', data: { complainantConsent: true, respondentConsent: true } }, HANDLER);
    await step(b.id, { type: 'mediation_succeed', data: { agreement: '退款' } }, HANDLER);
    // c is marked duplicate before its check ended: its D4 ended by the merge, not met; neither on time nor late.
    await setStatus(c.id, 'assigned');
    await step(c.id, { type: 'mark_duplicate', data: { originalCaseId: a.id } }, HANDLER);
    // A clock with no due date yet (calendar not entered) is pending, never late.
    await t.db
      .updateTable('case_clock')
      .set({ due_at: null, problem: 'calendar_horizon' })
      .where('case_id', '=', a.id)
      .where('clock', '=', 'D2')
      .execute();
    await syncNextDue(t.db, [a.id]); // as the clock path would (issue #21.3)

    const ctx = await clockContext(t.db);
    const rows = await complianceByUnit(t.db, ctx, cst('2026-11-01T00:00:00'), cst('2026-12-01T00:00:00'), {}, clock.now());
    expect(rows.find((u) => u.unitId === unit)).toEqual({
      unitId: unit,
      inTime: 3, // D1 of a and b, D2 of b
      late: 0,
      pending: 1, // D2 of a
      overdue: 0,
      stopped: 1, // D4 of c
      rate: 1,
    });
    // The staff filters apply: only complaints.
    const complaints = await complianceByUnit(t.db, ctx, cst('2026-11-01T00:00:00'), cst('2026-12-01T00:00:00'), { kind: 'complaint' });
    expect(complaints.find((u) => u.unitId === unit)).toMatchObject({ inTime: 3, late: 0, pending: 1, stopped: 0, rate: 1 });
  });
});

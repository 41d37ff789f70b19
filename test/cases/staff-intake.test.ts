// Issue #14.7: an intake clerk enters a call, letter or visit with the real receipt time (not in the future,
// at most 30 days back, audited); the clocks start at that time; complaints by an agent (with the
// authorisation) and joint complaints (with a representative) are recorded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/cases/case.machine.ts';
import type { PartyIdentity } from '../../src/cases/intake.service.ts';
import { fileStaffIntake } from '../../src/cases/staff-intake.service.ts';
import { SUBMISSION_EXAMPLES } from '../../src/cases/submission.schema.ts';
import { invalidateClockContext } from '../../src/deadlines/clock.service.ts';
import { ManualClock } from '../../src/lib/clock.ts';
import { type TestDeps, testDeps } from '../helpers/env.ts';

const cst = (s: string) => new Date(`${s}+08:00`);
const clock = new ManualClock(cst('2026-11-09T16:00:00'));
const CLERK: Actor = { role: 'intake_clerk', id: 'clerk-1' };
let t: TestDeps;

beforeAll(async () => {
  invalidateClockContext();
  t = await testDeps({ clock });
});
afterAll(async () => {
  invalidateClockContext();
  await t.close();
});

const complaint = SUBMISSION_EXAMPLES.complaint.value;
const caseOf = (number: string) => t.db.selectFrom('intake_case').selectAll().where('number', '=', number).executeTakeFirstOrThrow();
const partiesOf = async (caseId: string) =>
  (await t.db.selectFrom('party').selectAll().where('case_id', '=', caseId).execute()).map((p) => ({
    role: p.role,
    representative: p.representative,
    identity: t.deps.cipher.open<PartyIdentity>(p.identity_enc, `party:${p.id}`),
  }));

describe('staff intake', () => {
  it('a phone call entered days later starts its clock at the real receipt time, audited with both times', async () => {
    clock.set(cst('2026-11-09T16:00:00'));
    const r = await fileStaffIntake(t.deps, { way: 'phone', receivedAt: '2026-11-02 10:00', submission: complaint }, CLERK);
    const c = await caseOf(r.cases[0]!.number);
    expect(c).toMatchObject({ channel: 'phone', received_at: cst('2026-11-02T10:00:00').toISOString(), rule_version: 'order121' });
    const d1 = await t.db
      .selectFrom('case_clock')
      .selectAll()
      .where('case_id', '=', c.id)
      .where('clock', '=', 'D1')
      .executeTakeFirstOrThrow();
    // 7 working days after Mon 11-02: Tue 11-03 … Wed 11-11.
    expect(d1).toMatchObject({
      started_at: cst('2026-11-02T10:00:00').toISOString(),
      due_at: cst('2026-11-11T23:59:59.999').toISOString(),
    });
    const submit = await t.db
      .selectFrom('case_event')
      .selectAll()
      .where('case_id', '=', c.id)
      .where('type', '=', 'submit')
      .executeTakeFirstOrThrow();
    expect(submit).toMatchObject({ at: cst('2026-11-02T10:00:00').toISOString(), actor_role: 'intake_clerk', actor_id: 'clerk-1' });
    expect(JSON.parse(submit.data!)).toMatchObject({ channel: 'phone', enteredAt: clock.now().toISOString() });
    const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'staff_intake').execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.detail!)).toEqual({
      caseNumber: c.number,
      way: 'phone',
      receivedAt: cst('2026-11-02T10:00:00').toISOString(),
      enteredAt: clock.now().toISOString(),
      agent: false,
      coComplainants: 0,
    });
    expect(audit[0]!.detail).not.toContain('张伟');
    expect(audit[0]!.detail).not.toContain('13812345678');
  });

  it.each([
    ['in the future', '2026-11-09 16:05', '收到时间不能晚于现在'],
    ['more than 30 days back', '2026-10-09 15:59', '收到时间不能早于 30 天前'],
    ['not a time', '上周一', '收到时间格式应为'],
  ])('refuses a receipt time %s, naming the field', async (_what, receivedAt, message) => {
    clock.set(cst('2026-11-09T16:00:00'));
    const before = await t.db.selectFrom('intake_case').select('id').execute();
    const err = await fileStaffIntake(t.deps, { way: 'letter', receivedAt, submission: complaint }, CLERK).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'VALIDATION', fields: [{ path: 'receivedAt' }] });
    expect(String((err as Error).message)).toContain(message);
    expect(await t.db.selectFrom('intake_case').select('id').execute()).toHaveLength(before.length);
  });

  it('takes exactly 30 days back, under the rules in force at receipt', async () => {
    clock.set(cst('2026-11-09T16:00:00'));
    const edge = await fileStaffIntake(t.deps, { way: 'letter', receivedAt: '2026-10-10 16:00', submission: complaint }, CLERK);
    expect(await caseOf(edge.cases[0]!.number)).toMatchObject({ received_at: cst('2026-10-10T16:00:00').toISOString() });
    // Received under Order 20 (before 2026-04-15), entered after: Order 20's rules.
    clock.set(cst('2026-05-01T10:00:00'));
    const r = await fileStaffIntake(t.deps, { way: 'visit', receivedAt: '2026-04-14 10:00', submission: complaint }, CLERK);
    expect(await caseOf(r.cases[0]!.number)).toMatchObject({ channel: 'visit', rule_version: 'order20' });
  });

  it('only an intake clerk enters cases this way', async () => {
    clock.set(cst('2026-11-09T16:00:00'));
    await expect(
      fileStaffIntake(t.deps, { way: 'phone', receivedAt: '2026-11-09 09:00', submission: complaint }, { role: 'handler', id: 'h' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('a complaint by an agent records the agent and the authorisation; a joint complaint its representative', async () => {
    clock.set(cst('2026-11-09T16:00:00'));
    const byAgent = await fileStaffIntake(
      t.deps,
      {
        way: 'visit',
        receivedAt: '2026-11-09 10:00',
        submission: complaint,
        agent: {
          person: { name: '刘律师', phone: '13900002222', address: '郑州市金水路1号' },
          authorisation: '2026-11-08 授权委托书，委托投诉及调解',
        },
      },
      CLERK,
    );
    const a = await caseOf(byAgent.cases[0]!.number);
    const ap = await partiesOf(a.id);
    expect(ap.map((p) => p.role).sort()).toEqual(['agent', 'complainant']);
    expect(ap.find((p) => p.role === 'agent')?.identity).toMatchObject({
      name: '刘律师',
      authorisation: '2026-11-08 授权委托书，委托投诉及调解',
    });
    // The authorisation is only in the encrypted identity, not in the clear.
    const raw = await t.db.selectFrom('party').select('identity_enc').where('case_id', '=', a.id).execute();
    expect(JSON.stringify(raw)).not.toContain('授权委托书');

    const joint = await fileStaffIntake(
      t.deps,
      {
        way: 'letter',
        receivedAt: '2026-11-06 09:00',
        submission: complaint,
        coComplainants: [
          { name: '王芳', phone: '13700003333', address: '新郑市人民路10号' },
          { name: '陈刚', phone: '13700004444', address: '新郑市人民路12号' },
        ],
      },
      CLERK,
    );
    const j = await partiesOf((await caseOf(joint.cases[0]!.number)).id);
    expect(
      j
        .filter((p) => p.role === 'complainant')
        .map((p) => [p.identity.name, p.representative])
        .sort(),
    ).toEqual([
      ['张伟', 1],
      ['王芳', 0],
      ['陈刚', 0],
    ]);

    // A report has neither.
    const err = await fileStaffIntake(
      t.deps,
      {
        way: 'phone',
        receivedAt: '2026-11-09 10:00',
        submission: SUBMISSION_EXAMPLES.anonymousReport.value,
        agent: { person: { name: '刘律师', phone: '13900002222' }, authorisation: '委托书' },
      },
      CLERK,
    ).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'VALIDATION', fields: [{ path: 'agent', message: '只有投诉可以由代理人提出' }] });
  });
});

// Issue 14 (item 4), walked through the real database: only the bureau's head (局负责人) decides on a
// referral and never on their own proposal (国务院令310 Art. 5); a penalty on a suspected-crime case needs
// a recorded reason for not referring (Art. 11, 以罚代刑).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffRole } from '../../src/backoffice/staff.table.ts';
import type { Actor } from '../../src/cases/case.machine.ts';
import { applyTransition } from '../../src/cases/case.repository.ts';
import { SubmissionSchema } from '../../src/cases/submission.schema.ts';
import { ManualClock } from '../../src/lib/clock.ts';
import {
  approveReferral,
  policeAccept,
  policeDecline,
  policeExtend,
  proposeReferral,
  refuseReferral,
  requestReconsideration,
  requestSupervision,
  transferReferral,
} from '../../src/referral/referral.service.ts';
import { receiveCase as triageCase } from '../../src/workflow/processors/case-received.processor.ts';
import { type TestDeps, testDeps } from '../helpers/env.ts';

const clock = new ManualClock(new Date('2026-11-02T09:30:00+08:00'));
let t: TestDeps;
const actors: Record<string, Actor> = {};

async function user(name: string, role: StaffRole, unit: string | null, displayName = name): Promise<Actor> {
  const id = randomUUID();
  const at = clock.now().toISOString();
  await t.db
    .insertInto('staff_user')
    .values({
      id,
      username: `${name}-${id.slice(0, 6)}`,
      display_name: displayName,
      role,
      unit_id: unit,
      skills: '[]',
      capacity: 100,
      active: 1,
      last_assigned_at: null,
      password_hash: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return { role: role as Actor['role'], id };
}

beforeAll(async () => {
  t = await testDeps({ clock });
  actors.handler = await user('handler', 'handler', 'station-mz');
  actors.supervisor = await user('supervisor', 'supervisor', 'station-mz');
  actors.director = await user('director', 'director', null, '局长甲');
  actors.deputy = await user('deputy', 'director', null, '副局长乙');
  actors.police = await user('police', 'police', 'police-xz');
});
afterAll(async () => t.close());

let n = 0;
async function reportUnderVerification(suspectedCrime: boolean): Promise<string> {
  n++;
  const r = await t.deps.intake.submit({
    submission: SubmissionSchema.parse({
      kind: 'report',
      description: `孟庄镇一家肉联厂收购病死猪加工成香肠，每天晚上都有车拉死猪进去（第${n}次反映的不同厂）`,
      township: '孟庄镇',
      business: { name: `安顺肉联厂${n}分厂`, address: '孟庄镇工业路9号' },
      person: { name: '李秀英', phone: `1393335${String(4440 + n)}` },
    }),
    files: [],
    channel: 'api',
    actor: { role: 'citizen', id: null },
    idempotencyKey: null,
  });
  const id = (await t.db.selectFrom('intake_case').select('id').where('number', '=', r.cases[0]!.number).executeTakeFirstOrThrow()).id;
  await triageCase(t.deps, id);
  await t.db
    .updateTable('intake_case')
    .set({ suspected_crime: suspectedCrime ? 1 : 0, unit_id: 'station-mz' })
    .where('id', '=', id)
    .execute();
  await applyTransition(t.db, id, { type: 'start_verification' }, actors.handler!, clock.now());
  return id;
}

const proposal = (officers: string[]) => ({
  reasons: '现场查获病死猪肉约2吨，涉嫌生产、销售不符合安全标准的食品罪',
  offence: '刑法第143条 生产、销售不符合安全标准的食品罪',
  officers,
});

describe('referral approval (国务院令310 Art. 5)', () => {
  const cases: {
    name: string;
    proposer: string;
    officers: string[];
    decider: string;
    step: 'approve' | 'refuse';
    expected: 'ok' | 'FORBIDDEN';
  }[] = [
    {
      name: 'a director approves a handler’s proposal',
      proposer: 'handler',
      officers: ['王建国', '张卫东'],
      decider: 'director',
      step: 'approve',
      expected: 'ok',
    },
    {
      name: 'a director refuses a handler’s proposal',
      proposer: 'handler',
      officers: ['王建国', '张卫东'],
      decider: 'director',
      step: 'refuse',
      expected: 'ok',
    },
    {
      name: 'a station head (supervisor) may not approve',
      proposer: 'handler',
      officers: ['王建国', '张卫东'],
      decider: 'supervisor',
      step: 'approve',
      expected: 'FORBIDDEN',
    },
    {
      name: 'a handler may not approve',
      proposer: 'handler',
      officers: ['王建国', '张卫东'],
      decider: 'handler',
      step: 'approve',
      expected: 'FORBIDDEN',
    },
    {
      name: 'the director who proposed may not approve (self-approval)',
      proposer: 'director',
      officers: ['局长甲', '张卫东'],
      decider: 'director',
      step: 'approve',
      expected: 'FORBIDDEN',
    },
    {
      name: 'the director who proposed may not refuse either',
      proposer: 'director',
      officers: ['局长甲', '张卫东'],
      decider: 'director',
      step: 'refuse',
      expected: 'FORBIDDEN',
    },
    {
      name: 'an officer named in the proposal may not approve it',
      proposer: 'handler',
      officers: ['副局长乙', '张卫东'],
      decider: 'deputy',
      step: 'approve',
      expected: 'FORBIDDEN',
    },
    {
      name: 'another director approves the director’s proposal',
      proposer: 'director',
      officers: ['局长甲', '张卫东'],
      decider: 'deputy',
      step: 'approve',
      expected: 'ok',
    },
  ];
  for (const c of cases)
    it(c.name, async () => {
      const id = await reportUnderVerification(true);
      const rid = await proposeReferral(t.deps, id, proposal(c.officers), actors[c.proposer]!);
      const decide = () =>
        c.step === 'approve'
          ? approveReferral(t.deps, rid, actors[c.decider]!)
          : refuseReferral(t.deps, rid, '证据不足，继续行政处理', actors[c.decider]!);
      if (c.expected === 'ok') {
        await decide();
        const r = await t.db.selectFrom('referral').select(['status', 'decided_by']).where('id', '=', rid).executeTakeFirstOrThrow();
        expect(r).toEqual({ status: c.step === 'approve' ? 'approved' : 'refused', decided_by: actors[c.decider]!.id });
      } else {
        await expect(decide()).rejects.toMatchObject({ code: c.expected });
        const r = await t.db.selectFrom('referral').select(['status', 'decided_by']).where('id', '=', rid).executeTakeFirstOrThrow();
        expect(r).toEqual({ status: 'proposed', decided_by: null });
        const k = await t.db.selectFrom('intake_case').select('status').where('id', '=', id).executeTakeFirstOrThrow();
        expect(k.status).toBe('referral_proposed');
        // D6 (the head's 3 days) keeps running: nothing was decided.
        const d6 = await t.db
          .selectFrom('case_clock')
          .select('status')
          .where('case_id', '=', id)
          .where('clock', '=', 'D6')
          .executeTakeFirstOrThrow();
        expect(d6.status).toBe('running');
      }
    });

  it('tells the directors (not the proposer) that a proposal waits for them', async () => {
    const id = await reportUnderVerification(true);
    await proposeReferral(t.deps, id, proposal(['局长甲', '张卫东']), actors.director!);
    const to = await t.db
      .selectFrom('staff_notification')
      .select('user_id')
      .where('case_id', '=', id)
      .where('kind', '=', 'referral_proposed')
      .execute();
    expect(to.map((r) => r.user_id)).toEqual([actors.deputy!.id]);
  });
});

describe('a penalty on a suspected-crime case (国务院令310 Art. 11)', () => {
  const base = { decisionType: 'penalty', decisionNumber: '新市监罚〔2026〕31号', decision: '没收违法所得，并处罚款50000元。' };
  const cases: { name: string; suspected: boolean; data: Record<string, unknown>; expected: 'decided' | 'VALIDATION' }[] = [
    { name: 'refused without a reason for not referring', suspected: true, data: base, expected: 'VALIDATION' },
    { name: 'refused with a blank reason', suspected: true, data: { ...base, nonReferralReason: '  ' }, expected: 'VALIDATION' },
    {
      name: 'accepted with the reason recorded',
      suspected: true,
      data: { ...base, nonReferralReason: '经检验涉案肉品数量未达立案追诉标准' },
      expected: 'decided',
    },
    { name: 'a case with no suspected crime needs no such reason', suspected: false, data: base, expected: 'decided' },
    {
      name: '不予行政处罚 on a suspected-crime case is not a penalty: no reason needed',
      suspected: true,
      data: { ...base, decisionType: 'no_penalty', decision: '不予行政处罚' },
      expected: 'decided',
    },
    {
      name: 'an unknown decision type is refused',
      suspected: false,
      data: { ...base, decisionType: 'fine_and_more' },
      expected: 'VALIDATION',
    },
  ];
  for (const c of cases)
    it(c.name, async () => {
      const id = await reportUnderVerification(c.suspected);
      await applyTransition(t.db, id, { type: 'open_case' }, actors.supervisor!, clock.now());
      const run = () => applyTransition(t.db, id, { type: 'decide', data: c.data }, actors.supervisor!, clock.now());
      if (c.expected === 'VALIDATION') {
        await expect(run()).rejects.toMatchObject({ code: 'VALIDATION' });
        const k = await t.db.selectFrom('intake_case').select('status').where('id', '=', id).executeTakeFirstOrThrow();
        expect(k.status).toBe('case_opened');
      } else {
        await run();
        const ev = await t.db
          .selectFrom('case_event')
          .select('data')
          .where('case_id', '=', id)
          .where('type', '=', 'decide')
          .executeTakeFirstOrThrow();
        expect(JSON.parse(ev.data ?? '{}')).toMatchObject(c.data);
      }
    });
});

describe('the police decide a reconsideration request within 3 days (D13, 国务院令310 Art. 9)', () => {
  it('starts when the regulator asks and stops when the police decide again', async () => {
    const id = await reportUnderVerification(true);
    const rid = await proposeReferral(t.deps, id, proposal(['王建国', '张卫东']), actors.handler!);
    await approveReferral(t.deps, rid, actors.director!);
    await transferReferral(
      t.deps,
      rid,
      {
        policeUnitId: 'police-xz',
        contactName: '王建国',
        contactPhone: '0371-62688888',
        procuratorateCopy: { on: '2026-11-02', means: 'electronic', docNumber: '新市监移抄〔2026〕9号' },
      },
      actors.handler!,
    );
    await policeDecline(t.deps, rid, { reason: '涉案数量未达立案追诉标准', basis: '《立案追诉标准（一）》第十九条' }, actors.police!);
    const asked = new Date('2026-11-03T10:00:00+08:00');
    clock.set(asked);
    await requestReconsideration(t.deps, rid, '补充了检验报告，涉案数量已达标准', actors.supervisor!);
    const d13 = () =>
      t.db
        .selectFrom('case_clock')
        .select(['status', 'started_at', 'due_at', 'stop_event'])
        .where('case_id', '=', id)
        .where('clock', '=', 'D13')
        .execute();
    expect(await d13()).toEqual([
      {
        status: 'running',
        started_at: asked.toISOString(),
        due_at: new Date('2026-11-06T23:59:59.999+08:00').toISOString(),
        stop_event: null,
      },
    ]);
    clock.set(new Date('2026-11-05T09:00:00+08:00'));
    await policeAccept(
      t.deps,
      rid,
      { policeCaseNumber: '新公食立字〔2026〕77号', acceptedOn: '2026-11-05', officer: '赵警官' },
      actors.police!,
    );
    expect(await d13()).toMatchObject([{ status: 'stopped', stop_event: 'police_accept' }]);
    clock.set(new Date('2026-11-02T09:30:00+08:00'));
  });
});

describe('the copy to the procuratorate is an act on record (2015 行刑衔接办法)', () => {
  const contact = { policeUnitId: 'police-xz', contactName: '王建国', contactPhone: '0371-62688888' };
  const cases: { name: string; copy: Record<string, string> | undefined; ok: boolean }[] = [
    { name: 'no copy: the transfer is refused', copy: undefined, ok: false },
    { name: 'a copy without its document number is refused', copy: { on: '2026-11-02', means: 'post', docNumber: '' }, ok: false },
    { name: 'a copy dated tomorrow is refused', copy: { on: '2026-11-03', means: 'post', docNumber: '新市监移抄〔2026〕11号' }, ok: false },
    { name: 'an unknown means is refused', copy: { on: '2026-11-02', means: 'pigeon', docNumber: '新市监移抄〔2026〕11号' }, ok: false },
    {
      name: 'date, means and number recorded: the transfer is complete',
      copy: { on: '2026-11-02', means: 'post', docNumber: '新市监移抄〔2026〕11号' },
      ok: true,
    },
  ];
  for (const c of cases)
    it(c.name, async () => {
      clock.set(new Date('2026-11-02T09:30:00+08:00'));
      const id = await reportUnderVerification(true);
      const rid = await proposeReferral(t.deps, id, proposal(['王建国', '张卫东']), actors.handler!);
      await approveReferral(t.deps, rid, actors.director!);
      const run = () =>
        transferReferral(
          t.deps,
          rid,
          { ...contact, procuratorateCopy: c.copy as Parameters<typeof transferReferral>[2]['procuratorateCopy'] },
          actors.handler!,
        );
      const row = () =>
        t.db
          .selectFrom('referral')
          .select(['status', 'procuratorate_copy', 'procuratorate_copy_on', 'procuratorate_copy_means', 'procuratorate_copy_doc'])
          .where('id', '=', rid)
          .executeTakeFirstOrThrow();
      const d7 = async () =>
        (await t.db.selectFrom('case_clock').select('status').where('case_id', '=', id).where('clock', '=', 'D7').executeTakeFirstOrThrow())
          .status;
      if (!c.ok) {
        await expect(run()).rejects.toMatchObject({ code: 'VALIDATION' });
        expect(await row()).toMatchObject({ status: 'approved', procuratorate_copy: 0, procuratorate_copy_on: null });
        expect(await d7()).toBe('running');
      } else {
        await run();
        expect(await row()).toEqual({
          status: 'transferred',
          procuratorate_copy: 1,
          procuratorate_copy_on: '2026-11-02',
          procuratorate_copy_means: 'post',
          procuratorate_copy_doc: '新市监移抄〔2026〕11号',
        });
        expect(await d7()).toBe('stopped');
      }
    });
});

describe('the police extend their decision period for a complex case (D8: up to 30 days, once, with a reason)', () => {
  it('extends D8 to 30 days from the transfer, once; a blank reason or another unit is refused', async () => {
    const transferredAt = new Date('2026-11-02T09:30:00+08:00');
    clock.set(transferredAt);
    const id = await reportUnderVerification(true);
    const rid = await proposeReferral(t.deps, id, proposal(['王建国', '张卫东']), actors.handler!);
    await approveReferral(t.deps, rid, actors.director!);
    await transferReferral(
      t.deps,
      rid,
      {
        policeUnitId: 'police-xz',
        contactName: '王建国',
        contactPhone: '0371-62688888',
        procuratorateCopy: { on: '2026-11-02', means: 'delivered', docNumber: '新市监移抄〔2026〕21号' },
      },
      actors.handler!,
    );
    const d8 = async () =>
      t.db
        .selectFrom('case_clock')
        .select(['status', 'extensions', 'due_at'])
        .where('case_id', '=', id)
        .where('clock', '=', 'D8')
        .executeTakeFirstOrThrow();
    expect(await d8()).toMatchObject({ status: 'running', extensions: 0, due_at: new Date('2026-11-05T23:59:59.999+08:00').toISOString() });
    await expect(policeExtend(t.deps, rid, { reason: ' ' }, actors.police!)).rejects.toMatchObject({ code: 'VALIDATION' });
    const stranger = await user('other-police', 'police', 'police-xz');
    await t.db.updateTable('staff_user').set({ unit_id: null }).where('id', '=', stranger.id!).execute();
    await expect(policeExtend(t.deps, rid, { reason: '涉案人员众多，需跨省核查' }, stranger)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await policeExtend(t.deps, rid, { reason: '涉案人员众多，需跨省核查' }, actors.police!);
    // 30 days in all from the transfer.
    expect(await d8()).toMatchObject({ status: 'running', extensions: 1, due_at: new Date('2026-12-02T23:59:59.999+08:00').toISOString() });
    const ev = await t.db.selectFrom('case_event').select('reason').where('case_id', '=', id).where('type', '=', 'police_extend').execute();
    expect(ev).toEqual([{ reason: '涉案人员众多，需跨省核查' }]);
    await expect(policeExtend(t.deps, rid, { reason: '仍需继续核查' }, actors.police!)).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});

describe('the procuratorate is asked to supervise a police refusal (国务院令310 Art. 9)', () => {
  it('records the request (date, document number, reason), stops D9, and the case can still return', async () => {
    clock.set(new Date('2026-11-02T09:30:00+08:00'));
    const id = await reportUnderVerification(true);
    const rid = await proposeReferral(t.deps, id, proposal(['王建国', '张卫东']), actors.handler!);
    await approveReferral(t.deps, rid, actors.director!);
    await transferReferral(
      t.deps,
      rid,
      {
        policeUnitId: 'police-xz',
        contactName: '王建国',
        contactPhone: '0371-62688888',
        procuratorateCopy: { on: '2026-11-02', means: 'delivered', docNumber: '新市监移抄〔2026〕31号' },
      },
      actors.handler!,
    );
    await policeDecline(t.deps, rid, { reason: '涉案数量未达立案追诉标准', basis: '《立案追诉标准（一）》第十九条' }, actors.police!);
    const ask = (who: Actor, input: { on: string; docNumber: string; reason: string }) => requestSupervision(t.deps, rid, input, who);
    const good = { on: '2026-11-02', docNumber: '新市监监督〔2026〕2号', reason: '检验报告表明涉案肉品均为病死猪肉，不予立案理由不能成立' };
    await expect(ask(actors.handler!, good)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(ask(actors.supervisor!, { ...good, docNumber: '' })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(ask(actors.supervisor!, { ...good, on: '2026-11-09' })).rejects.toMatchObject({ code: 'VALIDATION' });
    await ask(actors.supervisor!, good);
    const ev = await t.db
      .selectFrom('case_event')
      .select(['reason', 'data'])
      .where('case_id', '=', id)
      .where('type', '=', 'request_supervision')
      .executeTakeFirstOrThrow();
    expect(ev.reason).toBe(good.reason);
    expect(JSON.parse(ev.data ?? '{}')).toMatchObject({ referralId: rid, on: good.on, docNumber: good.docNumber });
    const d9 = await t.db
      .selectFrom('case_clock')
      .select(['status', 'stop_event'])
      .where('case_id', '=', id)
      .where('clock', '=', 'D9')
      .executeTakeFirstOrThrow();
    expect(d9).toEqual({ status: 'stopped', stop_event: 'request_supervision' });
    const r = await t.db.selectFrom('referral').select('status').where('id', '=', rid).executeTakeFirstOrThrow();
    expect(r.status).toBe('declined');
  });
});

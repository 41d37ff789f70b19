// Reward cases on a real database (SQLite, or PostgreSQL with TEST_DATABASE_URL): which closures open one,
// the eligibility the system proposes (a second reporter of the same lead, the report half of a
// complaint-and-report), an excluded reporter refused, the finance co-approval, refusal told to the
// reporter, recovery, the claim lock, and the staff statistics.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyTransition } from '../../src/cases/case.repository.ts';
import { SubmissionSchema } from '../../src/cases/submission.schema.ts';
import { ELIGIBILITY_CHECKS } from '../../src/rewards/eligibility.ts';
import {
  CLAIM_FAILURE_LIMIT,
  assessReward,
  decideReward,
  recordCheck,
  recordFinanceApproval,
  recordPayment,
  recordRecovery,
  rewardForClaimant,
  listRewardCases,
  rewardForOfficer,
  rewardStatistics,
  submitClaim,
} from '../../src/rewards/reward.service.ts';
import { sendRewardSms } from '../../src/rewards/sms.port.ts';
import { type TestDeps, testDeps } from '../helpers/env.ts';

let t: TestDeps;
beforeAll(async () => {
  t = await testDeps();
});
afterAll(async () => {
  await t.close();
});

const SYS = { role: 'system', id: null } as const;
const SUP = { role: 'supervisor', id: 'sup-1' } as const;
const OFFICER = { role: 'reward_officer', id: 'officer-1' } as const;
const PASSWORD = 'Claim-Pass-77';

/** A report through intake, handled to a decision (or not) and closed; returns its case and reward case. */
async function reportClosed(opts: {
  business?: string;
  both?: boolean;
  wantsReward?: boolean;
  decide?: { fine?: number; confiscation?: number; decision?: string } | null;
}) {
  const person = { name: '赵六', phone: '13700001234', address: '新郑市人民路1号', idNumber: '11010519491231002X' };
  const sub = SubmissionSchema.parse({
    kind: opts.both ? 'both' : 'report',
    description: '这家店长期用过期原料做熟食出售，后厨很脏，我有照片和购物小票为证。',
    business: { name: opts.business ?? '郭店镇老李熟食店', address: '郭店镇中心街' },
    township: '郭店镇',
    ...(opts.both ? { request: '退款并查处', person } : { anonymous: true }),
    wantsReward: opts.wantsReward ?? true,
    ...(opts.wantsReward === false ? {} : { rewardPassword: PASSWORD }),
  });
  const r = await t.deps.intake.submit({
    submission: sub,
    files: [],
    channel: 'api',
    actor: { role: 'citizen', id: null },
    idempotencyKey: null,
  });
  const report = r.cases.find((c) => c.kind === 'report')!;
  const row = await t.db.selectFrom('intake_case').selectAll().where('number', '=', report.number).executeTakeFirstOrThrow();
  const now = () => t.deps.clock.now();
  await applyTransition(t.db, row.id, { type: 'triage' }, SYS, now(), {
    patch: {
      category: 'catering',
      urgency: 'normal',
      urgency_rank: 2,
      unit_id: 'station-gdi',
      business_key: opts.business ?? '郭店镇老李熟食店',
    },
  });
  await applyTransition(t.db, row.id, { type: 'assign', data: { assigneeId: 'h-1' } }, SYS, now(), { patch: { assignee_id: 'h-1' } });
  await applyTransition(t.db, row.id, { type: 'start_verification' }, { role: 'handler', id: 'h-1' }, now());
  if (opts.decide === null) {
    await applyTransition(t.db, row.id, { type: 'not_open', reason: '查无实据' }, SUP, now());
  } else {
    await applyTransition(t.db, row.id, { type: 'open_case' }, SUP, now());
    const d = opts.decide ?? { fine: 50_000 };
    await applyTransition(
      t.db,
      row.id,
      { type: 'decide', data: { decision: d.decision ?? '罚款', fine: d.fine ?? null, confiscation: d.confiscation ?? null } },
      SUP,
      now(),
    );
  }
  await applyTransition(t.db, row.id, { type: 'close' }, SUP, now());
  const reward = await t.db.selectFrom('reward_case').selectAll().where('case_id', '=', row.id).executeTakeFirst();
  return { number: report.number, code: r.queryCode, caseId: row.id, reward };
}

async function passAll(id: string, except: string[] = []) {
  for (const check of ELIGIBILITY_CHECKS)
    await recordCheck(t.deps, OFFICER, id, { check, decision: except.includes(check) ? 'fail' : 'pass', evidence: '核实' });
}

const claim = {
  name: '赵六',
  idNumber: '11010519491231002X',
  phone: '13700001234',
  method: 'bank_transfer',
  bankName: '农行',
  accountNo: '6228480012345678',
};

describe('opening a reward case', () => {
  it('only for a qualifying outcome of a report that asked for a reward', async () => {
    expect((await reportClosed({ business: '甲店', decide: { fine: 9_999 } })).reward).toBeUndefined(); // below the natural-person bar
    expect((await reportClosed({ business: '乙店', decide: null })).reward).toBeUndefined(); // not opened
    expect((await reportClosed({ business: '丙店', wantsReward: false, decide: { fine: 500_000 } })).reward).toBeUndefined();
    expect((await reportClosed({ business: '丁食品有限公司', decide: { fine: 99_999 } })).reward).toBeUndefined(); // organisation bar
    const revoked = await reportClosed({ business: '戊食品有限公司', decide: { decision: '吊销食品经营许可证', fine: 0 } });
    expect(revoked.reward).toMatchObject({ status: 'notified', base_yuan: 0, basis: '吊销许可证件' });
    const big = await reportClosed({ business: '己店', decide: { fine: 10_000 } });
    expect(big.reward?.basis).toContain('较大数额');
    // The opening and the decision not to open are both audited.
    const audit = await t.db.selectFrom('audit_log').select(['action', 'detail']).where('action', '=', 'reward_opened').execute();
    expect(audit.some((a) => (a.detail ?? '').includes('"opened":false'))).toBe(true);
  });

  it('with no fine (licence revoked), the minimum of the level', async () => {
    const { reward } = await reportClosed({ business: '庚食品有限公司', decide: { decision: '吊销许可证', fine: 0 } });
    await assessReward(t.deps, OFFICER, reward!.id, { level: '2' });
    expect((await rewardForOfficer(t.db, reward!.id)).row).toMatchObject({ amount_yuan: 3_000, needs_finance: 0 });
  });
});

describe('eligibility proposed, decided by the officer', () => {
  it('a second reporter of the same lead is proposed as not the first', async () => {
    const first = await reportClosed({ business: '辛记卤肉', decide: { fine: 20_000 } });
    const second = await reportClosed({ business: '辛记卤肉', decide: { fine: 20_000 } });
    const p1 = (await rewardForOfficer(t.db, first.reward!.id)).proposals.find((p) => p.check === 'first_reporter');
    const p2 = (await rewardForOfficer(t.db, second.reward!.id)).proposals.find((p) => p.check === 'first_reporter');
    expect(p1).toMatchObject({ proposal: 'pass' });
    expect(p2).toMatchObject({ proposal: 'fail' });
    expect(p2!.evidence).toContain(first.number);
    // The officer agrees: the second reporter cannot be approved.
    await submitClaim(t.deps, { number: second.number, code: second.code, password: PASSWORD }, claim, 'web');
    await passAll(second.reward!.id, ['first_reporter']);
    await assessReward(t.deps, OFFICER, second.reward!.id, { level: '3' });
    await expect(decideReward(t.deps, OFFICER, second.reward!.id, { decision: 'approve' })).rejects.toThrow(/不符合奖励条件.*最先举报/);
  });

  it('an excluded reporter (the complainant of a complaint-and-report, an injured party) is proposed and refused', async () => {
    const both = await reportClosed({ business: '壬家饭店', both: true, decide: { fine: 30_000 } });
    const v = await rewardForOfficer(t.db, both.reward!.id);
    expect(v.proposals.find((p) => p.check === 'not_injured_party')).toMatchObject({ proposal: 'fail' });
    expect(v.proposals.find((p) => p.check === 'natural_person')).toMatchObject({ proposal: 'pass' });
    // A real-name claim must match the identity reported with.
    await expect(
      submitClaim(t.deps, { number: both.number, code: both.code, password: PASSWORD }, { ...claim, name: '别人' }, 'web'),
    ).rejects.toThrow(/不一致/);
    await submitClaim(t.deps, { number: both.number, code: both.code, password: PASSWORD }, claim, 'web');
    await passAll(both.reward!.id, ['not_injured_party']);
    await expect(decideReward(t.deps, OFFICER, both.reward!.id, { decision: 'approve' })).rejects.toThrow(/受害方/);
    await expect(decideReward(t.deps, OFFICER, both.reward!.id, { decision: 'refuse', reason: '' })).rejects.toThrow(/理由/);
    await decideReward(t.deps, OFFICER, both.reward!.id, { decision: 'refuse', reason: '举报人系为维护自身权益的投诉人' });
    const told = await rewardForClaimant(t.deps, { number: both.number, code: both.code, password: PASSWORD });
    expect(told).toMatchObject({ decision: 'refused', reason: '举报人系为维护自身权益的投诉人', amountYuan: null });
    expect(
      await t.db
        .selectFrom('audit_log')
        .select('action')
        .where('case_id', '=', both.caseId)
        .where('action', '=', 'reward_refused')
        .execute(),
    ).toHaveLength(1);
  });
});

describe('the SMS port', () => {
  it('texts a real-name reporter when the reward is offered and decided; never an anonymous one', async () => {
    const named = await reportClosed({ business: '丑家饭店', both: true, decide: { fine: 40_000 } });
    const anon = await reportClosed({ business: '寅记作坊', decide: { fine: 40_000 } });
    const jobs = async (caseId: string) =>
      (await t.db.selectFrom('outbox').select(['name', 'payload']).where('case_id', '=', caseId).execute()).filter(
        (j) => j.name === 'reward.sms',
      );
    expect(await jobs(anon.caseId)).toHaveLength(0);
    const offered = await jobs(named.caseId);
    expect(offered).toHaveLength(1);
    expect(offered[0]!.payload).not.toContain('13700001234'); // ids only
    const sent: { phone: string; text: string }[] = [];
    const deps = { ...t.deps, sms: { send: async (phone: string, text: string) => void sent.push({ phone, text }) } };
    expect(await sendRewardSms(deps, named.reward!.id, 'offered')).toEqual({ outcome: 'done' });
    expect(sent[0]).toMatchObject({ phone: '13700001234' });
    expect(sent[0]!.text).toContain(named.number);
    expect(await sendRewardSms(deps, anon.reward!.id, 'offered')).toMatchObject({ outcome: 'skipped' });
    expect(await sendRewardSms(t.deps, named.reward!.id, 'offered')).toMatchObject({ outcome: 'skipped' }); // no gateway
    await decideReward(t.deps, OFFICER, named.reward!.id, { decision: 'refuse', reason: '举报前已掌握该线索' });
    expect(await jobs(named.caseId)).toHaveLength(2);
    await sendRewardSms(deps, named.reward!.id, 'decided');
    expect(sent[1]!.text).toContain('不予奖励');
  });
});

describe('amount, finance co-approval, payment and recovery', () => {
  it('500,000 yuan needs the finance bureau before approval; payment must match; recovery after fraud', async () => {
    const r = await reportClosed({ business: '癸食品有限公司', decide: { fine: 9_000_000, confiscation: 1_000_000 } });
    const id = r.reward!.id;
    await submitClaim(t.deps, { number: r.number, code: r.code, password: PASSWORD }, claim, 'web');
    await passAll(id);
    await assessReward(t.deps, OFFICER, id, { level: '1' });
    expect((await rewardForOfficer(t.db, id)).row).toMatchObject({ amount_yuan: 500_000, needs_finance: 1 });
    await expect(decideReward(t.deps, OFFICER, id, { decision: 'approve' })).rejects.toThrow(/财政部门/);
    await recordFinanceApproval(t.deps, OFFICER, id, { ref: '新财行〔2026〕12号', date: '2026-12-10' });
    await decideReward(t.deps, OFFICER, id, { decision: 'approve' });
    await expect(
      recordPayment(t.deps, OFFICER, id, { paidOn: '2026-12-20', amountYuan: '400000', voucherNo: 'PZ-1', method: 'bank_transfer' }),
    ).rejects.toThrow(/一致/);
    await expect(
      recordPayment(t.deps, OFFICER, id, { paidOn: '2026-12-20', amountYuan: '500000', voucherNo: 'PZ-1', method: 'cash' }),
    ).rejects.toThrow(/现金/);
    await recordPayment(t.deps, OFFICER, id, { paidOn: '2026-12-20', amountYuan: '500000', voucherNo: 'PZ-1', method: 'bank_transfer' });
    await recordRecovery(t.deps, OFFICER, id, { reason: '发现举报人系被举报单位指使', amountYuan: '500000' });
    expect((await rewardForOfficer(t.db, id)).row).toMatchObject({ status: 'recovered', recovery_yuan: 500_000 });
    const s = await rewardStatistics(t.db, '2000-01-01', '2100-01-01');
    expect(s.proposed).toBeGreaterThanOrEqual(1);
    expect(s.byStatus.recovered).toBe(1);
    expect(s.paidYuan).toBe(500_000);
    expect(s.recoveredYuan).toBe(500_000);
  });

  it('lists reward cases, marking those told but not claimed within the D15 window', async () => {
    const r = await reportClosed({ business: '卯店', decide: { fine: 12_000 } });
    const today = await listRewardCases(t.db, 'notified');
    expect(today.find((x) => x.id === r.reward!.id)).toMatchObject({ number: r.number, claimOverdue: false });
    const later = await listRewardCases(t.db, 'notified', new Date(Date.now() + 120 * 86_400_000));
    expect(later.find((x) => x.id === r.reward!.id)).toMatchObject({ claimOverdue: true });
  });

  it('locks the claim after too many wrong passwords, with one answer for every wrong credential', async () => {
    const r = await reportClosed({ business: '子店', decide: { fine: 10_000 } });
    const creds = { number: r.number, code: r.code, password: 'Wrong-1234' };
    await expect(rewardForClaimant(t.deps, { ...creds, code: 'AAAA-BBBB-CCCC' })).rejects.toThrow(/不正确/);
    for (let i = 0; i < CLAIM_FAILURE_LIMIT; i++) await expect(rewardForClaimant(t.deps, creds)).rejects.toThrow(/不正确/);
    await expect(rewardForClaimant(t.deps, { ...creds, password: PASSWORD })).rejects.toThrow(/锁定/);
  });
});

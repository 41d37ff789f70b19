// Boundary table tests of the reward amount and of eligibility (issue 15, acceptance line 1).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RewardInputError, rewardAmount } from '../../src/rewards/amount.ts';
import { type EligibilityFacts, approvalBlockers, inferPartyType, proposeEligibility, qualifies } from '../../src/rewards/eligibility.ts';
import { REWARD_RULES, rewardRulesOn } from '../../src/rewards/reward.rules.ts';

const rules = rewardRulesOn('2026-12-06');

describe('reward amount', () => {
  // Each level at, just below and just above the fines where its rate meets its minimum.
  it.each([
    // level, fines, amount, minimumApplied
    [1, 100_000, 5_000, false],
    [1, 99_999, 5_000, true], // 4,999.95 → the minimum
    [1, 100_000.01, 5_000, false], // 5,000.0005 rounds to the fen
    [1, 100_020, 5_001, false],
    [2, 100_000, 3_000, false],
    [2, 99_999, 3_000, true],
    [2, 100_100, 3_003, false],
    [3, 100_000, 1_000, false],
    [3, 99_900, 1_000, true],
    [3, 100_100, 1_001, false],
  ] as const)('level %i, fines %d → %d yuan', (level, fines, amount, minimumApplied) => {
    const r = rewardAmount({ level, finesYuan: fines }, rules);
    expect(r.amount).toBe(amount);
    expect(r.minimumApplied).toBe(minimumApplied);
    expect(r.needsFinanceApproval).toBe(false);
  });

  it('pays the minimum when there is no fine (criminal transfer)', () => {
    expect(rewardAmount({ level: 1, finesYuan: 0 }, rules)).toMatchObject({ amount: 5_000, base: 0, minimumApplied: true });
    expect(rewardAmount({ level: 2, finesYuan: 0 }, rules).amount).toBe(3_000);
    expect(rewardAmount({ level: 3, finesYuan: 0 }, rules).amount).toBe(1_000);
  });

  it('caps at 1,000,000 yuan per case', () => {
    expect(rewardAmount({ level: 1, finesYuan: 20_000_000 }, rules)).toMatchObject({ amount: 1_000_000, capped: false });
    expect(rewardAmount({ level: 1, finesYuan: 20_000_020 }, rules)).toMatchObject({ amount: 1_000_000, capped: true });
    expect(rewardAmount({ level: 1, finesYuan: 19_999_980 }, rules)).toMatchObject({ amount: 999_999, capped: false });
    expect(rewardAmount({ level: 1, finesYuan: 1e9 }, rules).amount).toBe(1_000_000);
  });

  it('needs the finance bureau from 500,000 yuan', () => {
    expect(rewardAmount({ level: 1, finesYuan: 10_000_000 }, rules)).toMatchObject({ amount: 500_000, needsFinanceApproval: true });
    expect(rewardAmount({ level: 1, finesYuan: 9_999_980 }, rules)).toMatchObject({ amount: 499_999, needsFinanceApproval: false });
    expect(rewardAmount({ level: 1, finesYuan: 10_000_020 }, rules)).toMatchObject({ amount: 500_001, needsFinanceApproval: true });
    expect(rewardAmount({ level: 3, finesYuan: 50_000_000 }, rules)).toMatchObject({ amount: 500_000, needsFinanceApproval: true });
  });

  it('an insider raise needs the finance bureau too, and never passes the cap', () => {
    expect(rewardAmount({ level: 3, finesYuan: 10_000, insider: true }, rules)).toMatchObject({
      amount: 1_000,
      needsFinanceApproval: true,
    });
    expect(rewardAmount({ level: 3, finesYuan: 10_000, insider: true, raisedYuan: 2_000 }, rules)).toMatchObject({
      amount: 2_000,
      raised: true,
      needsFinanceApproval: true,
    });
    expect(rewardAmount({ level: 1, finesYuan: 0, insider: true, raisedYuan: 2_000_000 }, rules)).toMatchObject({
      amount: 1_000_000,
      capped: true,
    });
    expect(() => rewardAmount({ level: 3, finesYuan: 10_000, raisedYuan: 2_000 }, rules)).toThrow(RewardInputError);
  });

  it('refuses bad input', () => {
    expect(() => rewardAmount({ level: 4 as 1, finesYuan: 1 }, rules)).toThrow(/等级/);
    expect(() => rewardAmount({ level: 1, finesYuan: -1 }, rules)).toThrow(/罚没款/);
    expect(() => rewardAmount({ level: 1, finesYuan: Number.NaN }, rules)).toThrow(/罚没款/);
  });

  it('keeps its rules as dated versions', () => {
    expect(REWARD_RULES.length).toBeGreaterThan(0);
    expect(() => rewardRulesOn('2020-01-01')).toThrow(RangeError);
    expect(Object.isFrozen(REWARD_RULES[0]!.levels[1])).toBe(true);
  });
});

describe('qualifying outcome (重大违法行为)', () => {
  const bar = rules.largeAmountYuan;
  const base = { confiscationYuan: 0, decisionText: '罚款', prosecuted: false } as const;
  it.each([
    ['natural_person', 10_000, true],
    ['natural_person', 9_999.99, false],
    ['organisation', 100_000, true],
    ['organisation', 99_999, false],
  ] as const)('%s with %d yuan → %s', (partyType, fine, ok) => {
    expect(qualifies({ ...base, fineYuan: fine, partyType }, bar).ok).toBe(ok);
  });
  it('fines and confiscations add up; revocation, closure and prosecution qualify with no fine', () => {
    expect(qualifies({ ...base, fineYuan: 5_000, confiscationYuan: 5_000, partyType: 'natural_person' }, bar).ok).toBe(true);
    expect(qualifies({ ...base, fineYuan: 0, decisionText: '吊销食品经营许可证', partyType: 'organisation' }, bar)).toMatchObject({
      ok: true,
    });
    expect(qualifies({ ...base, fineYuan: 0, decisionText: '责令停产停业', partyType: 'organisation' }, bar).ok).toBe(true);
    expect(qualifies({ ...base, fineYuan: 0, prosecuted: true, partyType: 'organisation' }, bar).ok).toBe(true);
    expect(qualifies({ ...base, fineYuan: 0, decisionText: '警告', partyType: 'natural_person' }, bar).ok).toBe(false);
  });
  it('reads organisations from the business name', () => {
    expect(inferPartyType('新郑市某某食品有限公司')).toBe('organisation');
    expect(inferPartyType('老王烧饼摊')).toBe('natural_person');
    expect(inferPartyType(null)).toBe('natural_person');
  });
});

describe('eligibility: the system proposes, a person decides', () => {
  const facts: EligibilityFacts = {
    channel: 'wechat',
    anonymous: true,
    fromAgency: false,
    splitComplaintNumber: null,
    earlierReports: [],
    laterReports: [],
    firstReporterOnly: true,
  };
  const byCheck = (f: EligibilityFacts) => Object.fromEntries(proposeEligibility(f).map((p) => [p.check, p]));

  it('a second reporter of the same lead is proposed as not first', () => {
    const p = byCheck({ ...facts, earlierReports: [{ number: 'XZ-20261201-000001', receivedAt: '2026-12-01T02:00:00.000Z' }] });
    expect(p.first_reporter).toMatchObject({ proposal: 'fail' });
    expect(p.first_reporter!.evidence).toContain('XZ-20261201-000001');
    const first = byCheck({ ...facts, laterReports: [{ number: 'XZ-20261202-000009', receivedAt: '2026-12-02T02:00:00.000Z' }] });
    expect(first.first_reporter).toMatchObject({ proposal: 'pass' });
    // With the rule setting off, an earlier reporter does not take it away.
    expect(
      byCheck({ ...facts, firstReporterOnly: false, earlierReports: [{ number: 'X', receivedAt: 'T' }] }).first_reporter!.proposal,
    ).toBe('pass');
  });

  it('the report half of a complaint-and-report is proposed as the injured party (excluded)', () => {
    expect(byCheck({ ...facts, splitComplaintNumber: 'XZ-20261201-000002' }).not_injured_party).toMatchObject({ proposal: 'fail' });
    expect(byCheck({ ...facts, fromAgency: true }).natural_person).toMatchObject({ proposal: 'fail' });
  });

  it('approval needs every check decided and passed', () => {
    const all = proposeEligibility(facts).map((p) => ({ check: p.check, decision: 'pass' as const, evidence: '核实', by: 'u', at: 't' }));
    expect(approvalBlockers(all)).toEqual({ missing: [], failed: [] });
    expect(approvalBlockers(all.slice(1)).missing).toEqual(['natural_person']);
    // An excluded reporter (staff with a duty to report): the later decision counts.
    const excluded = [
      ...all,
      { check: 'not_staff_or_duty' as const, decision: 'fail' as const, evidence: '系本局职工', by: 'u', at: 't2' },
    ];
    expect(approvalBlockers(excluded).failed).toEqual(['not_staff_or_duty']);
  });
});

describe('npm run reward', { timeout: 60_000 }, () => {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const run = (...args: string[]) =>
    spawnSync('npx', ['tsx', 'src/rewards/reward.cli.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  it('prints one JSON object', () => {
    const r = run('--level', '1', '--fines', '10000000');
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ level: 1, base: 10_000_000, amount: 500_000, needsFinanceApproval: true });
    expect(JSON.parse(run('--level', '3', '--fines', '0', '--insider').stdout)).toMatchObject({
      level: 3,
      amount: 1_000,
      needsFinanceApproval: true,
    });
  });
  it('exits 2 with usage on bad arguments', () => {
    for (const args of [['--level', '4', '--fines', '1'], ['--level', '1'], ['--level', '1', '--fines', '-5'], ['--bogus']]) {
      const r = run(...args);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('usage');
    }
  });
});

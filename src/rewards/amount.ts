// The reward amount: a pure function of the level, the fines and confiscations, and the rule version.
// Money is counted in fen (integers) so that every boundary is exact; results are given in yuan.
import { LEVEL_LABELS, type RewardLevel, type RewardRuleVersion, isRewardLevel, rewardRulesOn } from './reward.rules.ts';

export interface RewardInput {
  level: RewardLevel;
  /** Fines and confiscations of the case, yuan (0 when there is none, e.g. a criminal transfer). */
  finesYuan: number;
  /** The reporter is an insider (内部知情人): the amount may be raised, with the finance bureau's co-approval. */
  insider?: boolean;
  /** An insider raise chosen by staff, yuan (only with `insider`); never above the cap. */
  raisedYuan?: number;
}

export interface RewardAmount {
  rules: string;
  level: RewardLevel;
  /** Fines and confiscations, yuan. */
  base: number;
  /** Percentage of the base for the level. */
  ratePercent: number;
  /** The level's minimum, yuan. */
  minimum: number;
  /** base × rate, yuan (before minimum and cap). */
  computed: number;
  /** What is proposed, yuan. */
  amount: number;
  minimumApplied: boolean;
  capped: boolean;
  insider: boolean;
  raised: boolean;
  needsFinanceApproval: boolean;
  /** Why, in Chinese, one line per rule applied. */
  reasons: string[];
}

export class RewardInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'RewardInputError';
  }
}

const toFen = (yuan: number) => Math.round(yuan * 100);
const toYuan = (fen: number) => fen / 100;

export function rewardAmount(input: RewardInput, rules: RewardRuleVersion = rewardRulesOn(new Date())): RewardAmount {
  if (!isRewardLevel(input.level)) throw new RewardInputError('level', '奖励等级应为 1、2 或 3');
  if (!Number.isFinite(input.finesYuan) || input.finesYuan < 0) throw new RewardInputError('fines', '罚没款金额应为不小于 0 的数');
  if (input.raisedYuan !== undefined) {
    if (!input.insider) throw new RewardInputError('raised', '只有内部知情人举报才可提高奖励');
    if (!Number.isFinite(input.raisedYuan) || input.raisedYuan <= 0) throw new RewardInputError('raised', '提高后的金额应为正数');
  }
  const lv = rules.levels[input.level];
  const baseFen = toFen(input.finesYuan);
  const computedFen = Math.round((baseFen * lv.rateBp) / 10_000);
  const minFen = toFen(lv.minimumYuan);
  const capFen = toFen(rules.capYuan);
  const reasons: string[] = [`${LEVEL_LABELS[input.level]}：罚没款的 ${lv.rateBp / 100}%，最低 ${lv.minimumYuan} 元`];
  let fen = computedFen;
  const minimumApplied = computedFen < minFen;
  if (minimumApplied) {
    fen = minFen;
    reasons.push(baseFen === 0 ? `无罚没款：按最低 ${lv.minimumYuan} 元` : `按比例不足最低额：按 ${lv.minimumYuan} 元`);
  }
  const insider = input.insider === true;
  let raised = false;
  if (insider && input.raisedYuan !== undefined) {
    const r = toFen(input.raisedYuan);
    if (r > fen) {
      fen = r;
      raised = true;
      reasons.push(`内部知情人举报：提高至 ${toYuan(r)} 元`);
    }
  }
  const capped = fen > capFen;
  if (capped) {
    fen = capFen;
    reasons.push(`每案最高 ${rules.capYuan} 元`);
  }
  const needsFinanceApproval = fen >= toFen(rules.financeApprovalFromYuan) || insider;
  if (fen >= toFen(rules.financeApprovalFromYuan)) reasons.push(`${rules.financeApprovalFromYuan} 元以上须报同级财政部门同意`);
  else if (insider) reasons.push('内部知情人举报：提高奖励须报同级财政部门同意');
  return {
    rules: rules.id,
    level: input.level,
    base: toYuan(baseFen),
    ratePercent: lv.rateBp / 100,
    minimum: lv.minimumYuan,
    computed: toYuan(computedFen),
    amount: toYuan(fen),
    minimumApplied,
    capped,
    insider,
    raised,
    needsFinanceApproval,
    reasons,
  };
}

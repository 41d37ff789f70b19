// The rules of tip rewards as data, versioned by date (shared/domain.md, "Rewards for tips";
// 市场监管领域重大违法行为举报奖励暂行办法, 2021). A rule version applies to rewards decided on or after its
// `from` date (China Standard Time); a new version is a new entry, never an edit of an old one, so a
// decision can always be recomputed with the rules it was made under.

export const REWARD_LEVELS = [1, 2, 3] as const;
export type RewardLevel = (typeof REWARD_LEVELS)[number];

export const LEVEL_LABELS: Record<RewardLevel, string> = { 1: '一级', 2: '二级', 3: '三级' };

/** Art. 11, shown on the officer's form: staff choose the level, the system only shows the criteria. */
export const LEVEL_CRITERIA: Record<RewardLevel, string> = {
  1: '提供被举报方的详细违法事实及直接证据，举报内容与违法事实完全相符，违法行为特别严重或者涉嫌犯罪',
  2: '提供被举报方的违法事实及直接证据，举报内容与违法事实完全相符',
  3: '提供被举报方的基本违法事实及相关证据，举报内容与违法事实基本相符',
};

export interface LevelRule {
  /** Share of fines and confiscations, in basis points (1/10,000). */
  rateBp: number;
  /** Minimum amount in yuan, also when there is no fine (e.g. a criminal transfer). */
  minimumYuan: number;
}

export interface RewardRuleVersion {
  id: string;
  /** First day (CST, YYYY-MM-DD) on which this version applies. */
  from: string;
  basis: string;
  levels: Record<RewardLevel, LevelRule>;
  /** Cap per case, yuan. */
  capYuan: number;
  /** At or above this amount the finance bureau must co-approve (so must an insider raise). */
  financeApprovalFromYuan: number;
  /**
   * "较大数额罚没款": set by each province with its finance department — a setting, versioned here by date.
   * Fines and confiscations at or above it make a penalty a 重大违法行为 for the reward.
   */
  largeAmountYuan: { naturalPerson: number; organisation: number };
  /** Only the first reporter of a lead (by receipt time) is rewarded (unconfirmed: a rule setting). */
  firstReporterOnly: boolean;
  /** Claim window after the reporter is told, working days (D15; 2017 food/drug rule). */
  claimWindowWorkingDays: number;
}

export const REWARD_RULES: readonly RewardRuleVersion[] = Object.freeze([
  Object.freeze({
    id: 'samr2021',
    from: '2021-12-01',
    basis: '市场监管领域重大违法行为举报奖励暂行办法（2021）第十一、十二、十三条',
    levels: Object.freeze({
      1: Object.freeze({ rateBp: 500, minimumYuan: 5_000 }),
      2: Object.freeze({ rateBp: 300, minimumYuan: 3_000 }),
      3: Object.freeze({ rateBp: 100, minimumYuan: 1_000 }),
    }),
    capYuan: 1_000_000,
    financeApprovalFromYuan: 500_000,
    // One province's values (domain.md); 河南's own figures replace these as a new dated version.
    largeAmountYuan: Object.freeze({ naturalPerson: 10_000, organisation: 100_000 }),
    firstReporterOnly: true,
    claimWindowWorkingDays: 30,
  }),
]) as readonly RewardRuleVersion[];

/** The version in force on a day (CST date string or a Date). */
export function rewardRulesOn(day: string | Date): RewardRuleVersion {
  const d = typeof day === 'string' ? day : new Date(day.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  let found: RewardRuleVersion | undefined;
  for (const v of REWARD_RULES) if (v.from <= d && (!found || v.from > found.from)) found = v;
  if (!found) throw new RangeError(`no reward rules in force on ${d}`);
  return found;
}

export function isRewardLevel(n: unknown): n is RewardLevel {
  return n === 1 || n === 2 || n === 3;
}

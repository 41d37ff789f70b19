// Reward cases (migration 20261206_0400). Amounts in yuan (REAL: fen-exact for the sums involved);
// timestamps ISO-8601 UTC; JSON as text. The claim (identity, bank account, payment arrangement) is sealed.
import type { Selectable } from 'kysely';

/** open → notified → claimed → approved | refused; approved → paid → recovered (fraud found later). */
export const REWARD_STATUSES = ['open', 'notified', 'claimed', 'approved', 'refused', 'paid', 'recovered'] as const;
export type RewardStatus = (typeof REWARD_STATUSES)[number];

export const REWARD_STATUS_LABELS: Record<RewardStatus, string> = {
  open: '待告知',
  notified: '已告知，待申领',
  claimed: '已申领，待审核',
  approved: '已批准，待发放',
  refused: '不予奖励',
  paid: '已发放',
  recovered: '已追回',
};

export interface RewardCaseTable {
  id: string;
  case_id: string;
  status: RewardStatus;
  rules: string;
  basis: string;
  base_yuan: number;
  closed_at: string;
  opened_at: string;
  proposals: string;
  checks: string;
  notified_at: string | null;
  claim_due_at: string | null;
  claim_due_problem: string | null;
  claim_failures: number;
  claimed_at: string | null;
  claim_channel: string | null;
  claim_enc: string | null;
  level: number | null;
  insider: number;
  amount_yuan: number | null;
  needs_finance: number;
  finance_ref: string | null;
  finance_approved_at: string | null;
  decision: 'approved' | 'refused' | null;
  decision_reason: string | null;
  decided_by: string | null;
  decided_at: string | null;
  paid_on: string | null;
  paid_yuan: number | null;
  voucher_no: string | null;
  payment_method: string | null;
  recovered_at: string | null;
  recovery_reason: string | null;
  recovery_yuan: number | null;
  version: number;
  updated_at: string;
}

export interface RewardTables {
  reward_case: RewardCaseTable;
}

export type RewardCaseRow = Selectable<RewardCaseTable>;

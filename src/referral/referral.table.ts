// Police referrals (migration 0040).
import type { ReferralStatus } from './referral.machine.ts';

export interface ReferralTable {
  id: string;
  case_id: string;
  /** Moved by referral.machine.ts only. */
  status: ReferralStatus;
  offence: string;
  reasons: string;
  /** JSON array of the (at least two) officers who wrote the referral report. */
  officers: string;
  /** JSON array of evidence ids that are test/appraisal reports. */
  test_report_ids: string;
  proposed_by: string | null;
  decided_by: string | null;
  refusal_reason: string | null;
  police_unit_id: string | null;
  transferred_at: string | null;
  procuratorate_copy: number;
  /** The reporter's identity is in the package only when marked necessary, with a reason. */
  identity_disclosed: number;
  identity_reason: string | null;
  /** SHA-256 of the signed manifest at transfer: the package the police received. */
  package_sha256: string | null;
  police_reason: string | null;
  exhibits_handed_over_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface ReferralFeedbackTable {
  id: string;
  referral_id: string;
  outcome: string;
  note: string | null;
  actor_id: string | null;
  at: string;
}

export interface ReferralTables {
  referral: ReferralTable;
  referral_feedback: ReferralFeedbackTable;
}

// Publication records and hot-spot alerts (migration 0030).
import type { Selectable } from 'kysely';
import type { CaseKind, Role } from '../cases/case.machine.ts';
import type { DispositionStatus, DispositionStep } from './disposition.machine.ts';
import type { Outcome } from './labels.ts';

/** illness_72h: illness reports clustering on one business; spike_weekly: a week's reports per category and township. */
export const HOTSPOT_RULES = ['illness_72h', 'spike_weekly'] as const;
export type HotspotRule = (typeof HOTSPOT_RULES)[number];

export interface DispositionTable {
  id: string;
  case_id: string;
  /** Public reference (GK-…), never the internal case number. */
  public_ref: string;
  case_kind: CaseKind;
  outcome: Outcome;
  category: string | null;
  township: string | null;
  /** As shown: a legal entity's name, an anonymised natural person's business, or null (withheld). */
  business_name: string | null;
  business_key: string | null;
  /** Anonymised. */
  findings_text: string;
  /** Anonymised. */
  decision_text: string;
  /** Anonymised; only with consent_publish. */
  complaint_text: string | null;
  fine_fen: number | null;
  confiscation_fen: number | null;
  decided_at: string;
  published_at: string | null;
  /** Moved by disposition.machine.ts only. */
  status: DispositionStatus;
  /** JSON [{ field, type, start, end }] into the source texts (offsets only, no values). */
  review: string;
  correction_note: string | null;
  corrected_at: string | null;
  withdraw_reason: string | null;
  withdrawn_at: string | null;
  /** The decision's type (case.machine.ts DECISION_TYPES); null on records drafted before it was recorded. */
  decision_type: string | null;
  /** 决定书文号 (Order 45 Art. 4). */
  decision_number: string | null;
  /** JSON array of penalty kinds (warning, criticism, fine, confiscation, …). */
  penalty_kinds: string | null;
  /** When the record leaves the public lists (Order 45 Art. 13), set on approval; null = no end set. */
  public_until: string | null;
  /** Ended early (Art. 14, credit repair) with the reason. */
  ended_at: string | null;
  ended_reason: string | null;
  /** The party was told the decision will be published (Order 45 Art. 8): the date (CST) and how. */
  party_told_on?: string | null;
  party_told_how?: string | null;
  /** Entered on the national 企业信用信息公示系统 (Order 45 Art. 9): the date (CST) and its reference; stops D11. */
  national_entry_on?: string | null;
  national_entry_ref?: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface DispositionRevisionTable {
  id: string;
  disposition_id: string;
  action: DispositionStep;
  actor_role: Role;
  actor_id: string | null;
  reason: string | null;
  /** JSON of the changed columns' previous values. */
  before: string | null;
  at: string;
}

export interface HotspotAlertTable {
  id: string;
  rule: HotspotRule;
  business_key: string;
  unit_id: string | null;
  anchor_case_id: string;
  first_at: string;
  last_at: string;
  created_at: string;
  updated_at: string;
}

export interface HotspotAlertCaseTable {
  alert_id: string;
  case_id: string;
  rule: HotspotRule;
  added_at: string;
}

export interface PublicationTables {
  disposition: DispositionTable;
  disposition_revision: DispositionRevisionTable;
  hotspot_alert: HotspotAlertTable;
  hotspot_alert_case: HotspotAlertCaseTable;
}

export type DispositionRow = Selectable<DispositionTable>;

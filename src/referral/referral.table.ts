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
  /** The copy to the procuratorate as an act (migration 20261206_0201): the date (CST), the means, the document number. */
  procuratorate_copy_on?: string | null;
  procuratorate_copy_means?: string | null;
  procuratorate_copy_doc?: string | null;
  /** The reporter's identity is in the package only when marked necessary, with a reason. */
  identity_disclosed: number;
  identity_reason: string | null;
  /** SHA-256 of the signed manifest at transfer: the package the police received. */
  package_sha256: string | null;
  police_reason: string | null;
  exhibits_handed_over_at: string | null;
  /** 文号: 新市监移〔doc_year〕doc_seq号, a per-year sequence assigned at transfer (migration 2201). */
  doc_year: number | null;
  doc_seq: number | null;
  /** The regulator's contact person and phone for the police. */
  contact_name: string | null;
  contact_phone: string | null;
  /** The legal basis of the suspected offence (articles of the Criminal Law, judicial interpretations). */
  legal_basis: string | null;
  /** 立案: the police's case number, the date and the officer in charge. */
  police_case_number: string | null;
  police_accepted_on: string | null;
  police_officer: string | null;
  /** 不予立案: the legal basis (the reasons are police_reason). */
  decline_basis: string | null;
  /** When the police confirmed the handover list (stops D10). */
  exhibits_confirmed_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface ReferralFeedbackTable {
  id: string;
  referral_id: string;
  outcome: string;
  /** Structured outcome (FEEDBACK_OUTCOMES in records.ts); null on rows before migration 2201. */
  outcome_kind: string | null;
  note: string | null;
  actor_id: string | null;
  at: string;
}

/** 现场检查笔录: the handler's on-site inspection (migration 2201). */
export interface InspectionRecordTable {
  id: string;
  case_id: string;
  /** Local date and time of the inspection (CST), "YYYY-MM-DDTHH:mm". */
  inspected_at: string;
  place: string;
  /** JSON array of the officers present. */
  officers: string;
  findings: string;
  business_name: string | null;
  business_address: string | null;
  /** 统一社会信用代码 (18 characters). */
  credit_code: string | null;
  operator_name: string | null;
  /** Estimated amount involved (货值金额), a decimal in yuan, as text. */
  amount_yuan: string | null;
  amount_note: string | null;
  created_by: string | null;
  created_at: string;
}

/** One line of the 扣押/抽样 list. */
export interface ExhibitItemTable {
  id: string;
  case_id: string;
  kind: 'seized' | 'sampled' | 'sealed';
  item: string;
  quantity: string;
  kept_at: string;
  note: string | null;
  created_by: string | null;
  created_at: string;
}

/** A test or appraisal report: an uploaded PDF (an evidence row) with its report number. */
export interface TestReportTable {
  id: string;
  case_id: string;
  evidence_id: string;
  report_no: string;
  issuer: string;
  conclusion: string | null;
  original_name: string;
  created_by: string | null;
  created_at: string;
}

/** An exhibit on the handover list of a referral, as the police answered it. */
export interface ExhibitHandoverTable {
  id: string;
  referral_id: string;
  exhibit_id: string;
  status: 'handed' | 'confirmed' | 'disputed';
  police_note: string | null;
  handed_at: string;
  answered_at: string | null;
  answered_by: string | null;
}

export interface ReferralTables {
  referral: ReferralTable;
  referral_feedback: ReferralFeedbackTable;
  inspection_record: InspectionRecordTable;
  exhibit_item: ExhibitItemTable;
  test_report: TestReportTable;
  exhibit_handover: ExhibitHandoverTable;
}

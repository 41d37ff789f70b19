// Table types for Kysely. Timestamps are ISO-8601 UTC strings on both SQLite and PostgreSQL (text
// columns), booleans are 0/1 integers, JSON is text: one representation, so the same queries run on both.
import type { Generated, Insertable, Selectable } from 'kysely';

export interface IntakeCaseTable {
  id: string;
  number: string;
  submission_id: string;
  kind: string;
  status: string;
  channel: string;
  received_at: string;
  rule_version: string;
  business_name: string | null;
  business_address: string | null;
  township: string | null;
  place: string | null;
  product: string | null;
  incident_at: string | null;
  description: string;
  citizen_request: string | null;
  consent_publish: number;
  anonymous: number;
  wants_reward: number;
  query_code_hash: string;
  unit_id: string | null;
  assignee_id: string | null;
  /** When 立案 was decided (report track); referral refusals return here if set. */
  opened_at: string | null;
  closed_at: string | null;
  // Triage (set by the case.received processor; staff corrections via the relabel transition)
  category: string | null;
  urgency: string | null;
  /** 0 urgent … 3 low, for sorting queues. */
  urgency_rank: number | null;
  suspected_crime: number;
  crime_basis: string | null;
  needs_details: number;
  /** Normalised business name, to find related cases. */
  business_key: string | null;
  /** JSON: the triage result as first computed, reasons included; never overwritten by corrections. */
  triage: string | null;
  /** JSON array of abuse signals and other flags for staff (Order 121 Art. 17); never an automatic refusal. */
  flags: string | null;
  other_authority: string | null;
  /** Set when a statutory clock of the case passed its due time while running. */
  overdue: number;
  /** Optimistic concurrency: every transition bumps it and checks the value it read. */
  version: number;
  created_at: string;
  updated_at: string;
}

export interface PartyTable {
  id: string;
  case_id: string;
  role: string;
  /** AES-256-GCM envelope of the identity JSON (name, phone, address, id number). */
  identity_enc: string;
  /** Keyed hash (HMAC-SHA-256) of the normalised phone, for matching repeat reporters without plaintext. */
  phone_hmac: string | null;
  address_hmac: string | null;
  name_hmac: string | null;
  created_at: string;
}

export interface EvidenceTable {
  id: string;
  case_id: string;
  sha256: string;
  mime: string;
  size: number;
  created_at: string;
}

export interface CaseEventTable {
  id: string;
  case_id: string;
  type: string;
  actor_role: string;
  actor_id: string | null;
  from_status: string | null;
  to_status: string | null;
  reason: string | null;
  data: string | null;
  public: number;
  at: string;
}

export interface CaseLinkTable {
  case_id: string;
  other_case_id: string;
  type: string;
  created_at: string;
}

export interface OutboxTable {
  id: string;
  case_id: string | null;
  queue: string;
  name: string;
  payload: string;
  created_at: string;
  sent_at: string | null;
  attempts: number;
  last_error: string | null;
  /** For delayed jobs: when the job should run (BullMQ delay is computed at hand-over). */
  run_at: string | null;
  /** Deterministic job id when the job must be findable (alarms); else the row id is used. */
  job_id: string | null;
}

export interface IdempotencyKeyTable {
  key: string;
  request_hash: string;
  response: string;
  created_at: string;
}

export interface CaseNumberCounterTable {
  day: string;
  last: number;
}

export interface UnitTable {
  id: string;
  name: string;
  kind: string;
  active: number;
  created_at: string;
}

export interface UnitTownshipTable {
  township: string;
  unit_id: string;
}

export interface StaffUserTable {
  id: string;
  username: string;
  display_name: string;
  role: string;
  unit_id: string | null;
  /** JSON array of category skills, e.g. ["special_food","school_canteen"]. */
  skills: string;
  capacity: number;
  active: number;
  last_assigned_at: string | null;
  password_hash: string | null;
  created_at: string;
  updated_at: string;
}

export interface StaffNotificationTable {
  id: string;
  user_id: string;
  case_id: string | null;
  kind: string;
  message: string;
  created_at: string;
  read_at: string | null;
}

export interface CalendarDayTable {
  date: string;
  kind: string;
  name: string;
}

export interface AppSettingTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface CaseClockTable {
  id: string;
  case_id: string;
  clock: string;
  rule_version: string;
  started_at: string;
  /** Null while paused or when it cannot be computed (see problem). */
  due_at: string | null;
  status: string;
  /** JSON [{ from, to, reason }]. */
  pauses: string;
  extensions: number;
  stopped_at: string | null;
  stop_event: string | null;
  overdue_at: string | null;
  /** Why due_at is null although the clock runs (e.g. past the holiday calendar). */
  problem: string | null;
  /** The case's unit, kept in step by applyTransitionIn (for per-unit due-soon/overdue lists). */
  unit_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface ClockAlarmTable {
  clock_id: string;
  kind: string;
  fire_at: string;
  fired_at: string;
}

export interface Database {
  calendar_day: CalendarDayTable;
  app_setting: AppSettingTable;
  case_clock: CaseClockTable;
  clock_alarm: ClockAlarmTable;
  unit: UnitTable;
  unit_township: UnitTownshipTable;
  staff_user: StaffUserTable;
  staff_notification: StaffNotificationTable;
  intake_case: IntakeCaseTable;
  party: PartyTable;
  evidence: EvidenceTable;
  case_event: CaseEventTable;
  case_link: CaseLinkTable;
  outbox: OutboxTable;
  idempotency_key: IdempotencyKeyTable;
  case_number_counter: CaseNumberCounterTable;
}

export type CaseRow = Selectable<IntakeCaseTable>;
export type NewCaseRow = Insertable<IntakeCaseTable>;
export type CaseEventRow = Selectable<CaseEventTable>;
export type OutboxRow = Selectable<OutboxTable>;
// Kept for tables that later get generated ids.
export type { Generated };

// WeChat bot (migration 20261128_0010_wechat).

export interface WechatContactTable {
  id: string;
  case_id: string;
  /** AES-256-GCM envelope of the WeChat contact id; AAD `wechat_contact:<id>`. */
  contact_enc: string;
  /** cipher.mac(`wechat:<contact id>`), to list a contact's cases without decrypting. */
  contact_hmac: string;
  created_at: string;
}

export interface CitizenNoticeTable {
  id: string;
  case_id: string;
  wechat_contact_id: string;
  event_type: string;
  /** Plain Chinese text for the citizen; never personal data. */
  text: string;
  /** pending | delivered | failed */
  status: string;
  attempts: number;
  last_error: string | null;
  created_at: string;
  delivered_at: string | null;
  failed_at: string | null;
}

export interface WechatHandoffTable {
  id: string;
  contact_enc: string;
  contact_hmac: string;
  message_enc: string;
  created_at: string;
  handled_at: string | null;
}

export interface Database {
  wechat_contact: WechatContactTable;
  citizen_notice: CitizenNoticeTable;
  wechat_handoff: WechatHandoffTable;
}

// Back office (migration 20261128_0020_backoffice).

export interface StaffSessionTable {
  /** sha256 (hex) of the random token in the cookie. */
  id: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
  /** Absolute expiry; the idle limit is checked against last_seen_at. */
  expires_at: string;
}

export interface StaffLoginThrottleTable {
  username: string;
  failures: number;
  locked_until: string | null;
  updated_at: string;
}

export interface AuditLogTable {
  seq: number;
  at: string;
  actor_id: string | null;
  actor_role: string | null;
  action: string;
  case_id: string | null;
  /** JSON; never personal data (a reason typed by staff, event names, ids). */
  detail: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface Database {
  staff_session: StaffSessionTable;
  staff_login_throttle: StaffLoginThrottleTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
}

// Publication and hot-spot alerts (migration 20261128_0030_publication).

export interface DispositionTable {
  id: string;
  case_id: string;
  /** Public reference (GK-…), never the internal case number. */
  public_ref: string;
  case_kind: string;
  /** penalty | not_opened | mediation_succeeded | mediation_failed | refused */
  outcome: string;
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
  /** draft | approved | published | withdrawn */
  status: string;
  /** JSON [{ field, type, start, end }] into the source texts (offsets only, no values). */
  review: string;
  correction_note: string | null;
  corrected_at: string | null;
  withdraw_reason: string | null;
  withdrawn_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface DispositionRevisionTable {
  id: string;
  disposition_id: string;
  /** create | edit | approve | correct | withdraw */
  action: string;
  actor_role: string;
  actor_id: string | null;
  reason: string | null;
  /** JSON of the changed columns' previous values. */
  before: string | null;
  at: string;
}

export interface HotspotAlertTable {
  id: string;
  rule: string;
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
  rule: string;
  added_at: string;
}

export interface Database {
  disposition: DispositionTable;
  disposition_revision: DispositionRevisionTable;
  hotspot_alert: HotspotAlertTable;
  hotspot_alert_case: HotspotAlertCaseTable;
}

export type DispositionRow = Selectable<DispositionTable>;

// Police referral (migration 20261128_0040_referral).

export interface ReferralTable {
  id: string;
  case_id: string;
  /** proposed | approved | refused | transferred | accepted | declined | returned */
  status: string;
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

export interface Database {
  referral: ReferralTable;
  referral_feedback: ReferralFeedbackTable;
}

// Questions to the citizen (migration 20261128_0060_questions).

export interface CaseQuestionTable {
  id: string;
  case_id: string;
  /** Written for the citizen: shown on the status page and sent through the bot. */
  question: string;
  /** Staff user id. */
  asked_by: string | null;
  asked_at: string;
  /** The answer, sealed (AAD `answer:<id>`): it may hold personal data. */
  answer_enc: string | null;
  answered_at: string | null;
  /** web | api | wechat */
  answer_channel: string | null;
}

export interface Database {
  case_question: CaseQuestionTable;
}

export type CaseQuestionRow = Selectable<CaseQuestionTable>;

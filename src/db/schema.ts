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

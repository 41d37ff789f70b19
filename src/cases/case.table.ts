// Tables of the case itself (migrations 0001, 0002, 0060). Timestamps are ISO-8601 UTC strings on both
// SQLite and PostgreSQL, booleans 0/1 integers, JSON text: one representation, so the same queries run
// on both. Columns with a closed set of values are typed with it; the database holds text.
import type { ColumnType, Insertable, Selectable } from 'kysely';
import type { RuleVersion } from '../deadlines/rules.ts';
import type { CaseKind, CaseStatus, Role, TransitionEvent } from './case.machine.ts';

/** How a case came in. */
/** `phone`, `letter`, `visit`: entered by an intake clerk with the real receipt time (issue #14.7). */
export const CHANNELS = ['web', 'wechat', 'api', 'phone', 'letter', 'visit', 'police'] as const;
export type Channel = (typeof CHANNELS)[number];

/** `agent`: acts for the complainant with a written authorisation (Order 121 Art. 11). */
export const PARTY_ROLES = ['complainant', 'reporter', 'agent'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

/** related: same business and township; split: the two cases of one "both" submission; the others: Art. 35 repeats. */
export const CASE_LINK_TYPES = ['related', 'split', 'duplicate_of', 'merged_into'] as const;
export type CaseLinkType = (typeof CASE_LINK_TYPES)[number];

/** Where a citizen answered a question. */
export const ANSWER_CHANNELS = ['web', 'api', 'wechat'] as const;
export type AnswerChannel = (typeof ANSWER_CHANNELS)[number];

export interface IntakeCaseTable {
  id: string;
  number: string;
  submission_id: string;
  kind: CaseKind;
  status: CaseStatus;
  channel: Channel;
  received_at: string;
  rule_version: RuleVersion;
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
  /** argon2 hash of the claim password set when asking for a reward (migration 20261206_0400); null: none set. */
  reward_password_hash?: string | null;
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
  /**
   * The earliest due time of the case's running clocks (null when none runs), kept by the clock path in
   * the same transaction as the clock change (deadlines/next-due.ts); the queues sort and filter on it.
   */
  next_due_at: ColumnType<string | null, string | null | undefined, string | null>;
  /** Optimistic concurrency: every transition bumps it and checks the value it read. */
  version: number;
  created_at: string;
  updated_at: string;
}

export interface PartyTable {
  id: string;
  case_id: string;
  role: PartyRole;
  /** AES-256-GCM envelope of the identity JSON (name, phone, address, id number). */
  identity_enc: string;
  /** Keyed hash (HMAC-SHA-256) of the normalised phone, for matching repeat reporters without plaintext. */
  phone_hmac: string | null;
  address_hmac: string | null;
  name_hmac: string | null;
  /** 1: a representative of a joint complaint (Order 121 Art. 12; migration 20261206_0101). */
  representative: number;
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
  type: TransitionEvent;
  actor_role: Role;
  actor_id: string | null;
  from_status: CaseStatus | null;
  to_status: CaseStatus | null;
  reason: string | null;
  data: string | null;
  public: number;
  at: string;
}

export interface CaseLinkTable {
  case_id: string;
  other_case_id: string;
  type: CaseLinkType;
  created_at: string;
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
  answer_channel: AnswerChannel | null;
}

export interface CaseTables {
  intake_case: IntakeCaseTable;
  party: PartyTable;
  evidence: EvidenceTable;
  case_event: CaseEventTable;
  case_link: CaseLinkTable;
  idempotency_key: IdempotencyKeyTable;
  case_number_counter: CaseNumberCounterTable;
  case_question: CaseQuestionTable;
}

export type CaseRow = Selectable<IntakeCaseTable>;
export type NewCaseRow = Insertable<IntakeCaseTable>;
export type CaseEventRow = Selectable<CaseEventTable>;
export type CaseQuestionRow = Selectable<CaseQuestionTable>;

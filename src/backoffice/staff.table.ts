// Staff accounts, sessions, sign-in throttling (migrations 0002, 0020) and the audit log.
import type { Generated } from 'kysely';
import type { Role } from '../cases/case.machine.ts';

export const STAFF_ROLES = ['intake_clerk', 'handler', 'supervisor', 'admin', 'police', 'reward_officer', 'director'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const AUDIT_ACTIONS = [
  'sign_in',
  'sign_in_failed',
  'sign_in_locked',
  'sign_out',
  'sign_out_everywhere',
  'password_changed',
  'password_change_failed',
  'password_change_limited',
  'user_created',
  'unit_created',
  'unit_updated',
  'user_disabled',
  'user_enabled',
  'password_reset',
  'calendar_entered',
  'identity_viewed',
  'case_action',
  'export',
  /** An intake clerk entered a phone call, letter or visit with its real receipt time (issue #14.7). */
  'staff_intake',
  // Tip rewards (issue 15): every step of a reward case.
  'reward_opened',
  'reward_password_set',
  'reward_claim_failed',
  'reward_claimed',
  'reward_check',
  'reward_assessed',
  'reward_finance_approved',
  'reward_approved',
  'reward_refused',
  'reward_paid',
  'reward_recovered',
  'reward_claim_viewed',
  'queue_action',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Who an audit row names: a role, or 'cli' for the admin command line. */
export type AuditActorRole = Role | 'cli';

export interface StaffUserTable {
  id: string;
  username: string;
  display_name: string;
  role: StaffRole;
  unit_id: string | null;
  /** JSON array of category skills, e.g. ["special_food","school_canteen"]. */
  skills: string;
  capacity: number;
  active: number;
  last_assigned_at: string | null;
  password_hash: string | null;
  /** 1: the password was set by someone else (one-time); the next sign-in must change it first. */
  must_change_password: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface StaffSessionTable {
  /** sha256 (hex) of the random token in the cookie. */
  id: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
  /** Absolute expiry; the idle limit is checked against last_seen_at. */
  expires_at: string;
}

export interface StaffSigninThrottleTable {
  username: string;
  /** Keyed MAC of the client address. */
  address: string;
  failures: number;
  locked_until: string | null;
  updated_at: string;
}

export interface AuditLogTable {
  seq: number;
  at: string;
  actor_id: string | null;
  /** A staff role, 'system', 'cli', or null for an unknown user (a failed sign-in). */
  actor_role: AuditActorRole | null;
  action: AuditAction;
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
  /** The first row chained with the keyed HMAC; earlier rows (before the migration) use plain SHA-256. */
  keyed_from: number;
}

export interface StaffTables {
  staff_user: StaffUserTable;
  staff_session: StaffSessionTable;
  staff_signin_throttle: StaffSigninThrottleTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
}

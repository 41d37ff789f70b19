// Notices to staff (migration 0002) and to WeChat citizens, with the contacts and hand-offs they need
// (migration 0010).
import type { TransitionEvent } from '../cases/case.machine.ts';
import type { ClockId } from '../deadlines/rules.ts';

export const NOTICE_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

export interface StaffNotificationTable {
  id: string;
  user_id: string;
  case_id: string | null;
  /** assigned, urgent_case, deadline_reminder, hotspot_illness, calendar_horizon_<year>, … */
  kind: string;
  message: string;
  created_at: string;
  read_at: string | null;
}

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
  event_type: TransitionEvent;
  /** Plain Chinese text for the citizen; never personal data. */
  text: string;
  status: NoticeStatus;
  attempts: number;
  last_error: string | null;
  created_at: string;
  delivered_at: string | null;
  failed_at: string | null;
  /** The notice duty this message delivers (migration 20261206_0100), null for older rows. */
  duty_id: string | null;
}

export const DUTY_STATUSES = ['pending', 'delivered', 'recorded'] as const;
export type DutyStatus = (typeof DUTY_STATUSES)[number];
/** Channels a duty is delivered on (the system) or recorded as given (staff: phone, letter, in person). */
export const DUTY_CHANNELS = ['wechat', 'status_page', 'sms', 'phone', 'letter', 'in_person'] as const;
export type DutyChannel = (typeof DUTY_CHANNELS)[number];

/** A decision the citizen must be told (issue #14.1); the clock it carries stops when it is done. */
export interface NoticeDutyTable {
  id: string;
  case_id: string;
  event_type: TransitionEvent;
  clock: ClockId | null;
  /** Plain Chinese text for the citizen; never personal data. */
  text: string;
  status: DutyStatus;
  channel: DutyChannel | null;
  /** Staff's record of a notice given outside the system. */
  told_to: string | null;
  recorded_by: string | null;
  given_at: string | null;
  note: string | null;
  created_at: string;
  done_at: string | null;
}

export interface WechatHandoffTable {
  id: string;
  contact_enc: string;
  contact_hmac: string;
  message_enc: string;
  created_at: string;
  handled_at: string | null;
}

export interface NoticeTables {
  staff_notification: StaffNotificationTable;
  wechat_contact: WechatContactTable;
  citizen_notice: CitizenNoticeTable;
  notice_duty: NoticeDutyTable;
  wechat_handoff: WechatHandoffTable;
}

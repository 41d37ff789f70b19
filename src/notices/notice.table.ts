// Notices to staff (migration 0002) and to WeChat citizens, with the contacts and hand-offs they need
// (migration 0010).
import type { TransitionEvent } from '../cases/case.machine.ts';

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
  wechat_handoff: WechatHandoffTable;
}

// Notices as duties (issue #14.1). Every decision the law says the citizen must be told (accept or refuse
// with the ground and the other routes, transfer naming the authority, the end of mediation, duplicate or
// merged, 立案/不立案 where owed) becomes a notice_duty row in the transition's transaction. It is done when
// delivered on the citizen's channel — WeChat (the bot reports delivery), SMS (the city gateway, when
// configured), the status page (the citizen opened it with number and query code) — or recorded by staff
// as given by phone, letter or in person (to whom, when, how; audited). The clock that carries the duty to
// inform (D1, D3, D12: rule.noticeEvents) stops only then (clock.service stopClockOnNotice).
import { randomUUID } from 'node:crypto';
import {
  type CaseKind,
  REFUSAL_GROUNDS,
  type RefusalGround,
  TRANSITIONS,
  type TransitionEvent,
  type TransitionResult,
  publicEventText,
} from '../cases/case.machine.ts';
import type { CaseRow } from '../cases/case.table.ts';
import type { Db, Trx } from '../db/database.ts';
import { stopClockOnNotice } from '../deadlines/clock.service.ts';
import { formatCst } from '../deadlines/cst.ts';
import { type ClockId, findRule } from '../deadlines/rules.ts';
import { enqueueIn } from '../workflow/outbox.ts';
import type { DutyChannel, NoticeDutyTable } from './notice.table.ts';

let smsNotices = false;
/** Whether duties are also sent by SMS (createDeps: on when SMS_WEBHOOK_URL is set). */
export function enableSmsNotices(on: boolean): void {
  smsNotices = on;
}

/** Events whose outcome the citizen must be told (domain.md, "Duties to inform"). */
export const DUTY_EVENTS: ReadonlySet<TransitionEvent> = new Set<TransitionEvent>([
  'accept',
  'refuse',
  'transfer_out',
  'mediation_fail',
  'mark_duplicate',
  'merge',
  'not_open',
  'open_case',
]);

export const CHANNEL_LABELS: Record<DutyChannel, string> = {
  wechat: '微信',
  status_page: '查询页面',
  sms: '短信',
  phone: '电话',
  letter: '书面（信函）',
  in_person: '当面',
};

/** The channels staff record by hand. */
export const STAFF_CHANNELS = ['phone', 'letter', 'in_person'] as const;

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}…` : s);

/**
 * What a public event tells the citizen: fixed wording plus fields written for the citizen (the refusal
 * ground from the closed list with the other routes, the authority a case went to, the answer to a
 * consultation); never staff's free-text reasons, which may name people. Null for internal events.
 */
export function noticeDetail(type: TransitionEvent, kind: CaseKind, data: Record<string, unknown> | null): string | null {
  const base = publicEventText(type, kind);
  if (!base) return null;
  if (type === 'refuse' && typeof data?.ground === 'string' && data.ground in REFUSAL_GROUNDS)
    return `投诉不予受理。理由：${REFUSAL_GROUNDS[data.ground as RefusalGround]}。您可以通过与商家协商、请消费者协会调解、申请仲裁或向法院起诉等途径解决`;
  if (type === 'transfer_out' && typeof data?.authority === 'string')
    return `已移送${clip(data.authority.trim(), 50)}处理（依照《中华人民共和国食品安全法》第一百一十五条，由该部门依法处理）`;
  if (type === 'answer' && typeof data?.answer === 'string') return `答复如下：\n${clip(data.answer.trim(), 800)}`;
  return base;
}

/** The citizen-facing text of a duty; null when the event owes no notice. */
export function dutyText(type: TransitionEvent, kind: CaseKind, data: Record<string, unknown> | null): string | null {
  if (type === 'open_case') return '经核查，已立案调查';
  return noticeDetail(type, kind, data);
}

/**
 * Inside the transition's transaction, after the clocks moved: the notice duty of this event, if it owes
 * one, carrying the running clock that waits for it. 立案 is owed only where D12 runs (Order 20, real name).
 */
export async function createNoticeDutyIn(trx: Trx, row: CaseRow, result: TransitionResult): Promise<NoticeDutyTable | null> {
  const type = result.event.type;
  if (!DUTY_EVENTS.has(type) || row.kind === 'consultation') return null;
  const running = await trx
    .selectFrom('case_clock')
    .select('clock')
    .where('case_id', '=', row.id)
    .where('status', 'in', ['running', 'paused'])
    .execute();
  const clock = running.map((r) => r.clock).find((k) => findRule(row.rule_version, k)?.noticeEvents?.includes(type) === true) ?? null;
  if (type === 'open_case' && clock !== 'D12') return null;
  // A report's internal steps are owed only to its real-name reporter (D12); anything else not public is not told.
  if (!TRANSITIONS[type].public && clock === null) return null;
  const text = dutyText(type, row.kind, result.event.data);
  if (!text) return null;
  const duty: NoticeDutyTable = {
    id: randomUUID(),
    case_id: row.id,
    event_type: type,
    clock,
    text,
    status: 'pending',
    channel: null,
    told_to: null,
    recorded_by: null,
    given_at: null,
    note: null,
    created_at: result.event.at,
    done_at: null,
  };
  await trx.insertInto('notice_duty').values(duty).execute();
  // Also by SMS where the city has a gateway and the citizen gave a phone (sms-notice.ts); ids only.
  if (smsNotices && row.anonymous === 0) {
    const party = await trx.selectFrom('party').select('id').where('case_id', '=', row.id).executeTakeFirst();
    if (party) await enqueueIn(trx, 'notice.sms', { dutyId: duty.id }, { caseId: row.id, at: duty.created_at });
  }
  return duty;
}

/**
 * Marks a pending duty done (delivered by the system or recorded by staff) and stops the clock it carries,
 * at the time the citizen was told. A duty already done stays as it was. Returns whether it changed.
 */
export async function fulfilDutyIn(
  trx: Trx,
  dutyId: string,
  how: { channel: DutyChannel; at: Date; toldTo?: string; recordedBy?: string | null; note?: string | null },
  now: Date,
): Promise<boolean> {
  const duty = await trx.selectFrom('notice_duty').selectAll().where('id', '=', dutyId).executeTakeFirst();
  if (duty?.status !== 'pending') return false;
  const staff = (STAFF_CHANNELS as readonly string[]).includes(how.channel);
  const r = await trx
    .updateTable('notice_duty')
    .set({
      status: staff ? 'recorded' : 'delivered',
      channel: how.channel,
      told_to: how.toldTo ?? null,
      recorded_by: how.recordedBy ?? null,
      given_at: how.at.toISOString(),
      note: how.note ?? null,
      done_at: now.toISOString(),
    })
    .where('id', '=', dutyId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return false;
  if (duty.clock) await stopClockOnNotice(trx, duty.case_id, duty.clock, how.at);
  return true;
}

export interface CitizenNoticeView {
  at: string;
  text: string;
}

/**
 * The status page was opened with the case's number and query code: every pending notice is shown there,
 * so it is delivered (channel status_page) now. Returns all notices of the case, oldest first.
 */
export async function deliverOnStatusPage(db: Db, caseId: string, now: Date): Promise<CitizenNoticeView[]> {
  return db.transaction().execute(async (trx) => {
    const pending = await trx
      .selectFrom('notice_duty')
      .select('id')
      .where('case_id', '=', caseId)
      .where('status', '=', 'pending')
      .execute();
    for (const d of pending) await fulfilDutyIn(trx, d.id, { channel: 'status_page', at: now }, now);
    const all = await trx
      .selectFrom('notice_duty')
      .select(['created_at', 'text'])
      .where('case_id', '=', caseId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return all.map((d) => ({ at: formatCst(new Date(d.created_at)), text: d.text }));
  });
}

export interface DutyView {
  id: string;
  eventType: TransitionEvent;
  clock: ClockId | null;
  text: string;
  status: NoticeDutyTable['status'];
  channel: DutyChannel | null;
  channelLabel: string | null;
  toldTo: string | null;
  givenAt: string | null;
  createdAt: string;
}

/** The notice duties of a case for the back office (pending first). */
export async function noticeDutiesOf(db: Db, caseId: string): Promise<DutyView[]> {
  const rows = await db.selectFrom('notice_duty').selectAll().where('case_id', '=', caseId).orderBy('created_at').orderBy('id').execute();
  return rows
    .map((d) => ({
      id: d.id,
      eventType: d.event_type,
      clock: d.clock,
      text: d.text,
      status: d.status,
      channel: d.channel,
      channelLabel: d.channel ? CHANNEL_LABELS[d.channel] : null,
      toldTo: d.told_to,
      givenAt: d.given_at ? formatCst(new Date(d.given_at)) : null,
      createdAt: formatCst(new Date(d.created_at)),
    }))
    .sort((a, b) => (a.status === 'pending' ? 0 : 1) - (b.status === 'pending' ? 0 : 1));
}

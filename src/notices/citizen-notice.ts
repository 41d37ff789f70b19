// Progress notices to citizens who submitted through WeChat. When a public event happens on such a case,
// applyTransitionIn calls queueCitizenNoticesIn in the same transaction: a notice row (plain Chinese
// text, no personal data) and an outbox row for `notice.deliver` on the bot's queue. The bot fetches the
// notice (with the decrypted contact id) through the bot API, sends it, and reports delivered/failed.
import { randomUUID } from 'node:crypto';
import type { Db, Trx } from '../db/database.ts';
import type { CaseRow } from '../cases/case.table.ts';
import type { IdentityCipher } from '../lib/identity-cipher.ts';
import { AppError } from '../lib/errors.ts';
import { type CaseKind, KIND_LABELS, type TransitionEvent, type TransitionResult } from '../cases/case.machine.ts';
import { enqueueIn } from '../workflow/outbox.ts';
import { createNoticeDutyIn, fulfilDutyIn, noticeDetail } from './notice-duty.ts';
import { contactAad } from './wechat-contact.ts';

/**
 * Public events worth a message. `submit` is answered in the chat itself; `assign` follows within
 * seconds of it and would only be noise.
 */
const NOTIFY: ReadonlySet<TransitionEvent> = new Set<TransitionEvent>([
  'accept',
  'refuse',
  'start_mediation',
  'mediation_succeed',
  'mediation_fail',
  'notify_termination',
  'not_open',
  'decide',
  'transfer_out',
  'answer',
  'mark_duplicate',
  'merge',
  'close',
  'ask_citizen',
]);

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}…` : s);

/**
 * The text of a WeChat notice: the notice's detail (noticeDetail: fixed wording plus fields written for the
 * citizen, never staff's free-text reasons) in the bot's frame.
 */
export function noticeText(type: TransitionEvent, kind: CaseKind, number: string, data: Record<string, unknown> | null): string | null {
  if (type === 'ask_citizen' && typeof data?.question === 'string') {
    // The question is written for the citizen (the back office says so on its form).
    return `【食安通】关于您的${KIND_LABELS[kind]}（编号 ${number}），办案人员向您提出了问题：\n${clip(data.question.trim(), 800)}\n请直接发送“回复 ${number} 您的回答”作答，也可以在查询页面用编号和查询码回复。`;
  }
  const detail = NOTIFY.has(type) ? noticeDetail(type, kind, data) : null;
  return detail ? framed(kind, number, detail) : null;
}

const framed = (kind: CaseKind, number: string, detail: string) =>
  `【食安通】您的${KIND_LABELS[kind]}（编号 ${number}）有新进展：${detail}。\n发送“查询 ${number} 查询码”可查看详情。`;

/** Inside the transition's transaction: one notice + one outbox row per WeChat contact of the case. */
export async function queueCitizenNoticesIn(trx: Trx, row: CaseRow, result: TransitionResult): Promise<void> {
  // A decision the citizen must be told is a duty first (notice-duty.ts); WeChat is one way to deliver it.
  const duty = await createNoticeDutyIn(trx, row, result);
  const text = duty
    ? framed(row.kind, row.number, duty.text)
    : result.event.public
      ? noticeText(result.event.type, row.kind, row.number, result.event.data)
      : null;
  if (!text) return;
  const contacts = await trx.selectFrom('wechat_contact').select('id').where('case_id', '=', row.id).execute();
  const at = result.event.at;
  for (const c of contacts) {
    const id = randomUUID();
    await trx
      .insertInto('citizen_notice')
      .values({
        id,
        case_id: row.id,
        wechat_contact_id: c.id,
        event_type: result.event.type,
        text,
        status: 'pending',
        attempts: 0,
        last_error: null,
        created_at: at,
        delivered_at: null,
        failed_at: null,
        duty_id: duty?.id ?? null,
      })
      .execute();
    await enqueueIn(trx, 'notice.deliver', { noticeId: id }, { caseId: row.id, at });
  }
}

export interface NoticeForDelivery {
  id: string;
  caseNumber: string;
  text: string;
  status: string;
  attempts: number;
  /** Decrypted WeChat contact id: only ever returned to the bot token. */
  contactId: string;
}

export async function noticeForDelivery(db: Db, cipher: IdentityCipher, id: string): Promise<NoticeForDelivery | null> {
  const r = await db
    .selectFrom('citizen_notice as n')
    .innerJoin('wechat_contact as w', 'w.id', 'n.wechat_contact_id')
    .innerJoin('intake_case as c', 'c.id', 'n.case_id')
    .select(['n.id', 'n.text', 'n.status', 'n.attempts', 'w.id as contact_row', 'w.contact_enc', 'c.number'])
    .where('n.id', '=', id)
    .executeTakeFirst();
  if (!r) return null;
  return {
    id: r.id,
    caseNumber: r.number,
    text: r.text,
    status: r.status,
    attempts: r.attempts,
    contactId: cipher.open<string>(r.contact_enc, contactAad(r.contact_row)),
  };
}

/** Records the outcome of a delivery. A delivered notice stays delivered (a late failure report is ignored). */
export async function recordNoticeOutcome(
  db: Db,
  id: string,
  outcome: { delivered: true } | { delivered: false; error: string },
  now: Date,
): Promise<{ status: string }> {
  const at = now.toISOString();
  const row = await db.selectFrom('citizen_notice').select(['status', 'duty_id']).where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', '通知不存在');
  if (row.status === 'delivered') return { status: 'delivered' };
  if (outcome.delivered) {
    // The notice and the duty it carries (and the clock waiting for it) are done together.
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('citizen_notice')
        .set((eb) => ({ status: 'delivered', delivered_at: at, attempts: eb('attempts', '+', 1), last_error: null }))
        .where('id', '=', id)
        .execute();
      if (row.duty_id) await fulfilDutyIn(trx, row.duty_id, { channel: 'wechat', at: now }, now);
    });
    return { status: 'delivered' };
  }
  await db
    .updateTable('citizen_notice')
    .set((eb) => ({ status: 'failed', failed_at: at, attempts: eb('attempts', '+', 1), last_error: clip(outcome.error, 300) }))
    .where('id', '=', id)
    .execute();
  return { status: 'failed' };
}

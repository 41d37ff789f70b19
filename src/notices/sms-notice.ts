// notice.sms: one notice duty sent by SMS through the city gateway (issue #14.1). The job carries the
// duty id only; the phone is decrypted here, sent to the gateway and nowhere else. A duty already done
// (delivered on another channel or recorded by staff) is not sent; a gateway error fails the job and the
// queue retries it. Accepted by the gateway = delivered: the duty is done and its clock stops.
import { KIND_LABELS } from '../cases/case.machine.ts';
import type { Deps } from '../deps.ts';
import type { Processor } from '../workflow/worker.ts';
import { fulfilDutyIn } from './notice-duty.ts';
import { isMobile } from './sms.ts';

export async function sendSmsNotice(
  deps: Pick<Deps, 'db' | 'clock' | 'cipher' | 'sms'>,
  dutyId: string,
): Promise<{ sent: boolean; detail: string }> {
  if (!deps.sms) return { sent: false, detail: 'sms off' };
  const duty = await deps.db
    .selectFrom('notice_duty as d')
    .innerJoin('intake_case as c', 'c.id', 'd.case_id')
    .select(['d.id', 'd.case_id', 'd.text', 'd.status', 'c.number', 'c.kind', 'c.anonymous'])
    .where('d.id', '=', dutyId)
    .executeTakeFirst();
  if (!duty) return { sent: false, detail: 'no such notice' };
  if (duty.status !== 'pending') return { sent: false, detail: `notice already ${duty.status}` };
  if (duty.anonymous === 1) return { sent: false, detail: 'anonymous' };
  const party = await deps.db
    .selectFrom('party')
    .select(['id', 'identity_enc'])
    .where('case_id', '=', duty.case_id)
    .orderBy('created_at')
    .executeTakeFirst();
  if (!party) return { sent: false, detail: 'no party' };
  const phone = deps.cipher.open<{ phone?: unknown }>(party.identity_enc, `party:${party.id}`).phone;
  if (typeof phone !== 'string' || !isMobile(phone)) return { sent: false, detail: 'no mobile number' };
  const text = `【食安通】您的${KIND_LABELS[duty.kind]}（编号 ${duty.number}）：${duty.text}。可凭编号和查询码在查询页面查看详情。`;
  await deps.sms.send(phone.replace(/[\s-]/g, ''), text);
  const now = deps.clock.now();
  await deps.db.transaction().execute((trx) => fulfilDutyIn(trx, dutyId, { channel: 'sms', at: now }, now));
  return { sent: true, detail: 'sent' };
}

export const smsNotice: Processor<'notice.sms'> = async ({ dutyId }, { deps }) => {
  const r = await sendSmsNotice(deps, dutyId);
  return { outcome: r.sent ? 'done' : 'skipped', detail: r.detail };
};

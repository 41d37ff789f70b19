// The SMS port (issue 15: the reporter is told "bot, status page, SMS"). A gateway is plugged in by
// whoever deploys the system (createDeps({ sms })); without one, messages are skipped and logged as such.
// Real-name reporters only: an anonymous reporter left no phone. The job carries ids only; the phone is
// decrypted in the processor and never logged.
import { UnrecoverableError } from 'bullmq';
import type { Deps } from '../deps.ts';
import type { Processor } from '../workflow/worker.ts';
import { REWARD_STATUS_LABELS } from './reward.table.ts';

export interface SmsPort {
  /** Sends one text message; throws on a failure worth retrying. */
  send(phone: string, text: string): Promise<void>;
}

export const REWARD_SMS_KINDS = ['offered', 'decided'] as const;
export type RewardSmsKind = (typeof REWARD_SMS_KINDS)[number];

/** The text of a reward SMS: no amount, no personal data, only what the reporter needs to act. */
export function rewardSmsText(kind: RewardSmsKind, number: string, statusLabel: string, claimDue: string | null): string {
  return kind === 'offered'
    ? `【食安通】您的举报${number}已办结，符合举报奖励申领条件，请${claimDue ? `于${claimDue}前` : ''}在食安通网站“领取举报奖励”页面申领。`
    : `【食安通】您的举报${number}的奖励审核结果：${statusLabel}。详情请在食安通网站查询。`;
}

export const rewardSms: Processor<'reward.sms'> = async (payload, { deps }) => sendRewardSms(deps, payload.rewardId, payload.kind);

export async function sendRewardSms(
  deps: Deps,
  rewardId: string,
  kind: RewardSmsKind,
): Promise<{ outcome: 'done' | 'skipped'; detail?: string }> {
  if (!deps.sms) return { outcome: 'skipped', detail: 'no SMS gateway configured' };
  const r = await deps.db
    .selectFrom('reward_case as r')
    .innerJoin('intake_case as c', 'c.id', 'r.case_id')
    .select(['r.status', 'r.claim_due_at', 'c.id as case_id', 'c.number', 'c.anonymous'])
    .where('r.id', '=', rewardId)
    .executeTakeFirst();
  if (!r) throw new UnrecoverableError('reward case not found');
  if (r.anonymous === 1) return { outcome: 'skipped', detail: 'anonymous reporter' };
  const party = await deps.db
    .selectFrom('party')
    .select(['id', 'identity_enc'])
    .where('case_id', '=', r.case_id)
    .where('role', '=', 'reporter')
    .executeTakeFirst();
  const phone = party ? deps.cipher.open<{ phone?: string }>(party.identity_enc, `party:${party.id}`).phone : undefined;
  if (!phone || !/^1\d{10}$/.test(phone)) return { outcome: 'skipped', detail: 'no mobile number' };
  const due = r.claim_due_at ? new Date(new Date(r.claim_due_at).getTime() + 8 * 3600_000).toISOString().slice(0, 10) : null;
  await deps.sms.send(phone, rewardSmsText(kind, r.number, REWARD_STATUS_LABELS[r.status], due));
  return { outcome: 'done' };
}

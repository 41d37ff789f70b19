// The citizen's view of a case: number + query code → public status, public timeline, running deadlines.
// A wrong code and an unknown number give the same answer (null), so numbers cannot be probed.
import type { Db } from '../db/database.ts';
import { formatCst } from '../lib/clock.ts';
import { queryCodeMatches } from '../lib/query-code.ts';
import { type CaseKind, KIND_LABELS, publicEventText, publicStatus } from './case.machine.ts';
import type { Deadline } from '../deadlines/public-deadlines.ts';
import { publicDeadlines } from '../deadlines/public-deadlines.ts';
import { findRule } from '../deadlines/rules.ts';
import { type PublicQuestion, publicQuestions } from './questions.service.ts';
import { type CitizenNoticeView, deliverOnStatusPage } from '../notices/notice-duty.ts';
import { type PublicReward, rewardForStatus } from '../rewards/reward.service.ts';

export interface PublicCaseStatus {
  number: string;
  kind: CaseKind;
  kindLabel: string;
  status: string;
  receivedAt: string;
  timeline: { at: string; text: string }[];
  deadlines: Deadline[];
  relatedNumbers: string[];
  /** Decisions the citizen must be told, with their ground (issue #14.1); shown here = delivered. */
  notices: CitizenNoticeView[];
  /** Questions staff asked; whether each is answered, never the answer. */
  questions: PublicQuestion[];
  /** A report's reward (issue 15): whether it can be claimed, until when, the decision; null when none. */
  reward: PublicReward | null;
  /** The public reference (GK-…) of the case's published result, linked from the status page; null until published. */
  publishedRef: string | null;
}

/**
 * A real-name reporter is told whether a case was opened where the law says so (Order 20 Art. 31, the D12
 * clock: cases received under Order 20): 立案 is then on their timeline. An anonymous reporter, or a case
 * under Order 121, sees the handling folded into 「正在核查处理」 (it could warn the reported business).
 */
const toldOfOpening = (row: { kind: CaseKind; anonymous: number; rule_version: Parameters<typeof findRule>[0] }) =>
  row.kind === 'report' && row.anonymous === 0 && findRule(row.rule_version, 'D12') !== undefined;

/**
 * The citizen's view. Opening it with the number and query code delivers every pending notice of the case
 * (notice-duty.ts deliverOnStatusPage): the status page is the channel every citizen has.
 */
export async function getPublicStatus(db: Db, number: string, code: string, now: Date = new Date()): Promise<PublicCaseStatus | null> {
  const row = await db
    .selectFrom('intake_case')
    .select(['id', 'number', 'kind', 'status', 'received_at', 'rule_version', 'query_code_hash', 'submission_id', 'anonymous'])
    .where('number', '=', number)
    .executeTakeFirst();
  if (!row || !queryCodeMatches(code, row.query_code_hash)) return null;
  const kind = row.kind;
  const events = await db
    .selectFrom('case_event')
    .select(['type', 'at'])
    .where('case_id', '=', row.id)
    .where((eb) => (toldOfOpening(row) ? eb.or([eb('public', '=', 1), eb('type', '=', 'open_case')]) : eb('public', '=', 1)))
    .orderBy('at')
    .execute();
  const timeline = events.flatMap((e) => {
    const text = e.type === 'open_case' ? '经核查，决定立案调查' : publicEventText(e.type, kind);
    return text ? [{ at: formatCst(new Date(e.at)), text }] : [];
  });
  const published = await db
    .selectFrom('disposition')
    .select('public_ref')
    .where('case_id', '=', row.id)
    .where('status', '=', 'published')
    .orderBy('published_at', 'desc')
    .executeTakeFirst();
  const siblings = await db
    .selectFrom('intake_case')
    .select('number')
    .where('submission_id', '=', row.submission_id)
    .where('id', '!=', row.id)
    .execute();
  return {
    number: row.number,
    kind,
    kindLabel: KIND_LABELS[kind],
    status: publicStatus(kind, row.status),
    receivedAt: formatCst(new Date(row.received_at)),
    timeline,
    deadlines: await publicDeadlines(db, row.id),
    relatedNumbers: siblings.map((s) => s.number),
    notices: await deliverOnStatusPage(db, row.id, now),
    questions: await publicQuestions(db, row.id),
    reward: kind === 'report' ? await rewardForStatus(db, row.id) : null,
    publishedRef: published?.public_ref ?? null,
  };
}

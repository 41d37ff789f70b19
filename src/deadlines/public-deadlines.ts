// The deadlines a citizen sees on the status page, in plain Chinese. Until the statutory clocks are
// stored per case (issue 4), the clocks that run from receipt are derived here from the receipt time and
// the rule version in force on that date: D1 (complaint: accept or refuse) and D4 (report: verify and
// decide on 立案). A date past the holiday calendar is never guessed.
import type { CaseKind, CaseStatus } from '../cases/case.machine.ts';
import { CalendarHorizonError } from './calendar.ts';
import { computeDue, renderPublicText } from './compute.ts';
import { defaultCalendar } from './holidays.ts';
import { type ClockId, getRule, ruleVersionFor } from './rules.ts';

export interface Deadline {
  clock: ClockId;
  text: string;
  /** ISO 8601 with +08:00, or null when it cannot be computed yet. */
  due: string | null;
}

const BEFORE_DECISION: Record<CaseKind, readonly CaseStatus[]> = {
  complaint: ['received', 'triaged', 'awaiting_routing', 'assigned'],
  report: ['received', 'triaged', 'awaiting_routing', 'assigned', 'verifying'],
  consultation: [],
};

export function publicDeadlines(c: { kind: CaseKind; status: CaseStatus; receivedAt: Date }): Deadline[] {
  if (!BEFORE_DECISION[c.kind].includes(c.status)) return [];
  const clock: ClockId = c.kind === 'complaint' ? 'D1' : 'D4';
  const rule = getRule(ruleVersionFor(c.receivedAt), clock);
  try {
    const r = computeDue(rule, c.receivedAt, defaultCalendar());
    if (r.paused) return [];
    return [{ clock, text: renderPublicText(rule, r.due), due: r.dueIso }];
  } catch (e) {
    if (e instanceof CalendarHorizonError) {
      return [{ clock, text: `${rule.nameZh}：期限为${rule.length}个工作日，具体截止日期待国务院公布下一年度节假日安排后确定`, due: null }];
    }
    throw e;
  }
}

// The deadlines a citizen sees on the status page, in plain Chinese, from the case's running clocks.
// Clocks internal to a report's handling (立案 decision, police referral) are not shown: only D1–D3 for
// complaints and D4 for reports concern the citizen. A date past the holiday calendar is never guessed.
import type { Db } from '../db/database.ts';
import { PROVISIONAL_PROBLEM, clockContext, ruleOf } from './clock.service.ts';
import { formatCst, renderPublicText } from './compute.ts';
import type { ClockId } from './rules.ts';

export interface Deadline {
  clock: ClockId;
  text: string;
  /** ISO 8601 with +08:00, or null when it cannot be computed yet or is paused. */
  due: string | null;
}

const PUBLIC_CLOCKS: readonly ClockId[] = ['D1', 'D2', 'D3', 'D4'];
const PAUSE_LABELS: Record<string, string> = {
  testing: '检验检测',
  appraisal: '鉴定',
  inspection: '检验',
  quarantine: '检疫',
  identification: '认定',
  suspension: '中止',
  hearing: '听证',
  public_notice: '公告',
  police_referral: '案件办理中',
};

export async function publicDeadlines(db: Db, caseId: string): Promise<Deadline[]> {
  const rows = await db
    .selectFrom('case_clock')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('status', 'in', ['running', 'paused'])
    .where('clock', 'in', [...PUBLIC_CLOCKS])
    .orderBy('started_at')
    .execute();
  if (rows.length === 0) return [];
  const ctx = await clockContext(db);
  return rows.map((r) => {
    const rule = ruleOf(ctx, r);
    const clock = r.clock as ClockId;
    if (r.status === 'paused') {
      const open = (JSON.parse(r.pauses) as { to: string | null; reason: string }[]).find((p) => p.to === null);
      return { clock, text: `${rule.nameZh}：因${PAUSE_LABELS[open?.reason ?? ''] ?? '依法'}暂停计时，恢复后继续计算`, due: null };
    }
    // A provisional date (weekends only, next year's holidays not entered) is staff-only: never promised to a citizen.
    if (!r.due_at || r.problem === PROVISIONAL_PROBLEM) {
      return {
        clock,
        text: `${rule.nameZh}：期限为${rule.length}${rule.unit === 'working_days' ? '个工作日' : rule.unit === 'hours' ? '小时' : '日'}，具体截止日期待国务院公布下一年度节假日安排后确定`,
        due: null,
      };
    }
    const due = new Date(r.due_at);
    return { clock, text: renderPublicText(rule, due), due: formatCst(due) };
  });
}

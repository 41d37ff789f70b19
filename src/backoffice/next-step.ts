// What the law and the workflow expect next on a case, and who must do it. Pure: the back office's case
// page, "待我处理" and the handler's view of what waits for the supervisor all read it, so they agree.
//
// Who acts follows the state machine's actors (case.machine.ts): 立案/不予立案 and the decision are the
// supervisor's (处罚程序规定 Art. 18, 64: 负责人批准); so are approving a referral (国务院令310 Art. 5) and
// asking the police to reconsider (Art. 9); the handler verifies, mediates, transfers, hands over
// exhibits and closes. The clock named is the one whose due date binds that step (domain.md D1–D12).
import type { CaseKind, CaseStatus } from '../cases/case.machine.ts';

/** case_clock.problem of a due date computed without next year's holidays (weekends only). */
export const PROVISIONAL = 'calendar_provisional';

export type StepActor = 'intake' | 'handler' | 'supervisor' | 'director' | 'police';

export const STEP_ACTOR_LABELS: Record<StepActor, string> = {
  intake: '受理中心',
  handler: '承办人',
  supervisor: '所长',
  director: '局负责人',
  police: '公安机关',
};

export interface NextStep {
  /** What must happen, e.g. 「决定是否立案」. */
  what: string;
  who: StepActor;
  /** The clock whose due date binds the step, when one runs. */
  clock: string | null;
  dueAt: string | null;
  /** The due date is provisional (a year of the holiday calendar is missing). */
  provisional: boolean;
}

interface StepDef {
  what: string;
  who: StepActor;
  clocks: readonly string[];
}

export interface ClockLike {
  clock: string;
  status: string;
  dueAt: string | null;
  problem?: string | null;
}

function defOf(kind: CaseKind, status: CaseStatus, clocks: readonly ClockLike[]): StepDef | null {
  const running = (id: string) => clocks.some((c) => c.clock === id && c.status === 'running');
  switch (status) {
    case 'received':
    case 'triaged':
      return { what: '分类并分派', who: 'intake', clocks: ['D1', 'D4'] };
    case 'awaiting_routing':
      return { what: '人工分派承办单位和承办人', who: 'intake', clocks: ['D1', 'D4'] };
    case 'assigned':
      if (kind === 'complaint') return { what: '决定是否受理并告知投诉人', who: 'handler', clocks: ['D1'] };
      if (kind === 'report') return { what: '开始核查', who: 'handler', clocks: ['D4'] };
      return { what: '答复咨询', who: 'handler', clocks: [] };
    case 'accepted':
      return { what: '组织调解（须双方同意）或终止调解', who: 'handler', clocks: ['D2'] };
    case 'mediating':
      return { what: '记录调解结果', who: 'handler', clocks: ['D2'] };
    case 'mediation_failed':
      return running('D3')
        ? { what: '告知双方终止调解', who: 'handler', clocks: ['D3'] }
        : { what: '办结或公开处理结果', who: 'handler', clocks: [] };
    case 'mediation_succeeded':
      return { what: '办结或公开处理结果', who: 'handler', clocks: [] };
    case 'refused':
    case 'not_opened':
    case 'answered':
    case 'transferred_out':
      if (running('D1')) return { what: '告知投诉人处理决定（送达或登记告知情况）', who: 'handler', clocks: ['D1'] };
      return running('D12')
        ? { what: '告知实名举报人是否立案', who: 'handler', clocks: ['D12'] }
        : { what: '办结', who: 'handler', clocks: [] };
    case 'verifying':
      return { what: '核查后决定是否立案（立案审批）', who: 'supervisor', clocks: ['D4'] };
    case 'case_opened':
      return running('D12')
        ? { what: '告知实名举报人已立案', who: 'handler', clocks: ['D12'] }
        : { what: '作出处理决定', who: 'supervisor', clocks: ['D5'] };
    case 'decided':
      return { what: '审核公开处理结果并办结', who: 'supervisor', clocks: ['D11'] };
    case 'referral_proposed':
      return { what: '审批移送公安机关', who: 'director', clocks: ['D6'] };
    case 'referral_approved':
      return { what: '移送公安机关', who: 'handler', clocks: ['D7'] };
    case 'referred':
      return { what: '决定是否立案', who: 'police', clocks: ['D8', 'D13'] };
    case 'police_accepted':
      return running('D10')
        ? { what: '向公安机关移交涉案物品', who: 'handler', clocks: ['D10'] }
        : { what: '等待公安机关反馈办理结果', who: 'police', clocks: [] };
    case 'police_declined':
      return { what: '决定是否提请复议（或转回行政处理）', who: 'supervisor', clocks: ['D9'] };
    case 'published':
      return { what: '办结', who: 'handler', clocks: [] };
    default: {
      // Closed, duplicate, merged: only the duties that outlive the case remain (issue #14.2).
      const duty = DUTY_STEPS.find(([id]) => running(id));
      return duty ? { what: duty[1], who: 'handler', clocks: [duty[0]] } : null;
    }
  }
}

/** Duties that keep running after a case ends, and the step that meets each. */
const DUTY_STEPS: readonly (readonly [string, string])[] = [
  ['D1', '告知投诉人处理决定（送达或登记告知情况）'],
  ['D3', '告知双方终止调解'],
  ['D10', '向公安机关移交涉案物品（待公安机关确认）'],
  ['D12', '告知实名举报人是否立案'],
  ['D11', '公示行政处罚信息'],
];

/** The next step of a case, or null when nothing more is expected (closed, duplicate, merged, with no duty left). */
export function nextStep(kind: CaseKind, status: CaseStatus, clocks: readonly ClockLike[]): NextStep | null {
  const def = defOf(kind, status, clocks);
  if (!def) return null;
  const binding = def.clocks
    .map((id) => clocks.find((c) => c.clock === id && c.status === 'running'))
    .find((c): c is ClockLike => c !== undefined);
  return {
    what: def.what,
    who: def.who,
    clock: binding?.clock ?? null,
    dueAt: binding?.dueAt ?? null,
    provisional: binding?.problem === PROVISIONAL,
  };
}

/** 「等待所长立案审批」-style sentence: who, what; the caller adds the date. */
export function stepSentence(s: NextStep): string {
  return `等待${STEP_ACTOR_LABELS[s.who]}${s.what}`;
}

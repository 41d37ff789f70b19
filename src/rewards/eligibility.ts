// Eligibility for a tip reward: the system proposes, a person decides. Each check is proposed with the
// evidence the system has (or "unknown" when only a person can tell), and the reward officer records a
// decision for each with their own evidence. A reward can be approved only when every check is decided
// and passed. Pure: the facts are gathered by reward.service.ts.

export const ELIGIBILITY_CHECKS = [
  'natural_person',
  'first_reporter',
  'not_known',
  'not_staff_or_duty',
  'not_injured_party',
  'not_offender',
  'not_paid_by_other',
] as const;
export type EligibilityCheck = (typeof ELIGIBILITY_CHECKS)[number];

export const CHECK_LABELS: Record<EligibilityCheck, string> = {
  natural_person: '举报人为自然人',
  first_reporter: '最先举报（按收到时间；联名举报共享一份奖励）',
  not_known: '举报前监管部门未掌握该违法线索',
  not_staff_or_duty: '非市场监管部门工作人员或负有举报职责的人员',
  not_injured_party: '非受害方（为维护自身权益的投诉人）及其代理人',
  not_offender: '非违法行为人（内部知情人除外）',
  not_paid_by_other: '未受其他经营者指使或雇佣',
};

export type Proposal = 'pass' | 'fail' | 'unknown';
export type Decision = 'pass' | 'fail';

export interface ProposedCheck {
  check: EligibilityCheck;
  proposal: Proposal;
  /** What the system saw, in Chinese (case numbers and times only, never personal data). */
  evidence: string;
}

export interface EligibilityFacts {
  channel: string;
  anonymous: boolean;
  /** The report was filed through the police hand-back or by an agency, not by a person. */
  fromAgency: boolean;
  /** The report half of a `both` submission: the same person also complained (a signal of the injured party). */
  splitComplaintNumber: string | null;
  /** Earlier reports of the same lead (same business or linked), oldest first. */
  earlierReports: readonly { number: string; receivedAt: string }[];
  /** Later reports of the same lead (they do not take the reward away from this one). */
  laterReports: readonly { number: string; receivedAt: string }[];
  firstReporterOnly: boolean;
}

export function proposeEligibility(f: EligibilityFacts): ProposedCheck[] {
  const out: ProposedCheck[] = [];
  out.push(
    f.fromAgency
      ? { check: 'natural_person', proposal: 'fail', evidence: '线索来自机关移交，非自然人举报' }
      : f.anonymous
        ? { check: 'natural_person', proposal: 'unknown', evidence: '匿名举报：申领时核实身份' }
        : { check: 'natural_person', proposal: 'pass', evidence: '实名举报，身份已登记' },
  );
  const first = f.earlierReports[0];
  if (first && f.firstReporterOnly) {
    out.push({
      check: 'first_reporter',
      proposal: 'fail',
      evidence: `同一线索已有更早的举报：${f.earlierReports.map((r) => `${r.number}（${r.receivedAt}）`).join('、')}；联名举报人请人工认定`,
    });
  } else {
    out.push({
      check: 'first_reporter',
      proposal: 'pass',
      evidence:
        f.laterReports.length > 0
          ? `系统中同一线索的最早举报；其后另有 ${f.laterReports.length} 件：${f.laterReports.map((r) => r.number).join('、')}`
          : '系统中未发现同一线索的更早举报',
    });
  }
  out.push({ check: 'not_known', proposal: 'unknown', evidence: '请核对举报前是否已由检查、抽检或其他来源掌握' });
  out.push({ check: 'not_staff_or_duty', proposal: 'unknown', evidence: f.anonymous ? '匿名举报：申领时核实身份' : '请核对身份' });
  out.push(
    f.splitComplaintNumber
      ? {
          check: 'not_injured_party',
          proposal: 'fail',
          evidence: `同一提交中同时投诉（${f.splitComplaintNumber}），可能为维护自身权益的受害方`,
        }
      : { check: 'not_injured_party', proposal: 'unknown', evidence: '未同时投诉；请核对是否为受害方或其代理人' },
  );
  out.push({ check: 'not_offender', proposal: 'unknown', evidence: '请核对；内部知情人可以奖励（提高奖励须财政部门同意）' });
  out.push({ check: 'not_paid_by_other', proposal: 'unknown', evidence: '请核对' });
  return out;
}

export interface DecidedCheck {
  check: EligibilityCheck;
  decision: Decision;
  evidence: string;
  by: string;
  at: string;
}

/** Whether a reward may be approved: every check decided, and passed. */
export function approvalBlockers(decided: readonly DecidedCheck[]): { missing: EligibilityCheck[]; failed: EligibilityCheck[] } {
  const latest = new Map<EligibilityCheck, DecidedCheck>();
  for (const d of decided) latest.set(d.check, d);
  const missing = ELIGIBILITY_CHECKS.filter((c) => !latest.has(c));
  const failed = ELIGIBILITY_CHECKS.filter((c) => latest.get(c)?.decision === 'fail');
  return { missing, failed };
}

/** Whether a closed case qualifies for a reward case (重大违法行为), with the reason in Chinese. */
export interface QualifyingFacts {
  fineYuan: number;
  confiscationYuan: number;
  decisionText: string;
  /** organisation / natural person: from the decision, else inferred from the business name. */
  partyType: 'organisation' | 'natural_person';
  /** A referral that ended in prosecution (the court result). */
  prosecuted: boolean;
}

export function qualifies(
  f: QualifyingFacts,
  largeAmountYuan: { naturalPerson: number; organisation: number },
): { ok: boolean; basis: string } {
  if (f.prosecuted) return { ok: true, basis: '移送公安机关后追究刑事责任' };
  if (/吊销[^，。；]*许可证|吊销[^，。；]*执照/.test(f.decisionText)) return { ok: true, basis: '吊销许可证件' };
  if (/责令关闭|责令停产停业|关闭/.test(f.decisionText)) return { ok: true, basis: '责令关闭或停产停业' };
  const total = f.fineYuan + f.confiscationYuan;
  const bar = f.partyType === 'organisation' ? largeAmountYuan.organisation : largeAmountYuan.naturalPerson;
  const who = f.partyType === 'organisation' ? '单位' : '自然人';
  if (total >= bar) return { ok: true, basis: `罚没款 ${total} 元，达到对${who}的较大数额标准（${bar} 元）` };
  return { ok: false, basis: `罚没款 ${total} 元，未达到对${who}的较大数额标准（${bar} 元）` };
}

/** A business name that reads as an organisation (company, factory, co-operative…). */
export function inferPartyType(businessName: string | null): 'organisation' | 'natural_person' {
  return businessName && /公司|有限|集团|厂|合作社|超市|商场|学校|医院|幼儿园|中心|酒店/.test(businessName)
    ? 'organisation'
    : 'natural_person';
}

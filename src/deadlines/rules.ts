// The deadline rules (clocks D1–D14) as data, versioned by the date the item was received
// (shared/domain.md, "Deadline table"). Order 121 is in force from 2026-04-15; items received before
// that are handled under Order 20 to the end.
//
// Event names are the case machine's TRANSITION_EVENTS where one exists (src/cases/case.machine.ts);
// the few steps the machine does not model yet have their own names (notify_termination,
// hand_over_exhibits, notify_reporter). They are plain data: the integrator maps them.

import { cstStartOfDay } from './cst.ts';

export const RULE_VERSIONS = ['order20', 'order121'] as const;
export type RuleVersion = (typeof RULE_VERSIONS)[number];

export const CLOCK_IDS = ['D1', 'D2', 'D3', 'D4', 'D5', 'D6', 'D7', 'D8', 'D9', 'D10', 'D11', 'D12', 'D13', 'D14', 'D15'] as const;
export type ClockId = (typeof CLOCK_IDS)[number];

export const CLOCK_UNITS = ['working_days', 'calendar_days', 'hours'] as const;
export type ClockUnit = (typeof CLOCK_UNITS)[number];

/** Reasons for which a clock may be paused (time not counted). */
export const PAUSE_REASONS = [
  'testing', // 检测、检验
  'appraisal', // 鉴定
  'inspection', // 检验/检查
  'quarantine', // 检疫
  'identification', // 权利人辨认或者鉴别
  'suspension', // 案件中止
  'hearing', // 听证
  'public_notice', // 公告
  'police_referral', // 移送公安机关期间 (issue 22: D4/D5 pause while the case is with the police)
] as const;
export type PauseReason = (typeof PAUSE_REASONS)[number];

export interface ClockExtension {
  length: number;
  unit: ClockUnit;
  approver: 'supervisor' | 'collective' | 'police';
  /** How many times it may be granted (absent = no limit stated). */
  max?: number;
}

export interface ClockRule {
  id: ClockId;
  name: string;
  nameZh: string;
  /** Plain Chinese sentence for citizens; {due} is replaced by the due date (see renderPublicText). */
  publicText: string;
  length: number;
  unit: ClockUnit;
  startEvent: string;
  /** Further events that start (or restart) the clock, e.g. a merged re-report (Order 121 Art. 35). */
  restartEvents?: readonly string[];
  stopEvents: readonly string[];
  pausable: readonly PauseReason[];
  extension: ClockExtension | null;
  /**
   * A further extension beyond `extension`, of a length fixed by whoever approves it (D5: the heads'
   * collective decision, 处罚程序规定 Art. 64). Its length is passed to computeDue.
   */
  furtherExtension?: { approver: 'collective'; unit: ClockUnit } | null;
  basis: string;
  /** The value is an unconfirmed or locally chosen setting; getRule() accepts an override. */
  setting?: boolean;
  /**
   * A duty that outlives the case (issue #14.2): closing, merging, marking duplicate or transferring
   * the case does not stop it (D3, D10, D11, D12, D14). A duty clock also starts on a case already in a final
   * status when its start event keeps the status (D14: overturn_decision on a closed case).
   */
  duty?: boolean;
  /**
   * Decisions the citizen must be told (issue #14.1): after one of these events the clock waits for the
   * notice, and stops (NOTICE_GIVEN) when the notice is delivered or recorded — never at the decision.
   */
  noticeEvents?: readonly string[];
}

/** The stop event of a clock whose notice was delivered to the citizen or recorded by staff as given. */
export const NOTICE_GIVEN = 'notice_given';

/** Overrides for the rules marked `setting`. */
export interface RuleSettings {
  /** D8: police decide within 3 days (国务院令310 Art. 8) or generally 10 (2015 food/drug rule). */
  d8Length?: number;
  /** D11: publish penalty information within N working days (SAMR Order 45; unconfirmed, default 20). */
  d11Length?: number;
  /** D15: a reward's claim window in working days (2017 food/drug rule; a setting, default 30). */
  d15Length?: number;
}

/** Order 121 applies to items received on or after 2026-04-15 00:00 CST. */
export const ORDER_121_IN_FORCE = cstStartOfDay('2026-04-15');

export function ruleVersionFor(receivedAt: Date): RuleVersion {
  if (Number.isNaN(receivedAt.getTime())) throw new RangeError('invalid receivedAt');
  return receivedAt.getTime() < ORDER_121_IN_FORCE.getTime() ? 'order20' : 'order121';
}

// Rules common to both versions. Deep-frozen below.
const D1: ClockRule = {
  id: 'D1',
  name: 'Complaint: accept or refuse, and notify',
  nameZh: '投诉受理决定并告知',
  publicText: '市场监管部门应于 {due} 前作出是否受理的决定并告知您',
  length: 7,
  unit: 'working_days',
  startEvent: 'submit',
  stopEvents: [NOTICE_GIVEN],
  noticeEvents: ['accept', 'refuse', 'transfer_out', 'mark_duplicate', 'merge'],
  pausable: [],
  extension: null,
  basis: 'Order 121 Art. 15 (Order 20 Art. 14: same)',
};

const D3: ClockRule = {
  id: 'D3',
  name: 'Complaint: notify termination of mediation',
  nameZh: '终止调解告知',
  publicText: '终止调解的，市场监管部门应于 {due} 前告知投诉人和被投诉人',
  length: 7,
  unit: 'working_days',
  startEvent: 'mediation_fail',
  stopEvents: ['notify_termination', NOTICE_GIVEN],
  noticeEvents: ['mediation_fail'],
  duty: true,
  pausable: [],
  extension: null,
  basis: 'Order 121 Art. 23 (Order 20 Art. 21: same)',
};

const D4: ClockRule = {
  id: 'D4',
  name: 'Report: verify and decide whether to open a case',
  nameZh: '举报核查并决定是否立案',
  publicText: '市场监管部门应于 {due} 前完成核查并决定是否立案',
  length: 15,
  unit: 'working_days',
  startEvent: 'submit',
  restartEvents: ['receive_merged'],
  stopEvents: ['open_case', 'not_open', 'transfer_out'],
  pausable: ['testing', 'inspection', 'quarantine', 'appraisal', 'identification', 'police_referral'],
  extension: { length: 15, unit: 'working_days', approver: 'supervisor', max: 1 },
  basis: '市场监督管理行政处罚程序规定 Art. 18; restart on merged re-report: Order 121 Art. 35',
};

const D5: ClockRule = {
  id: 'D5',
  name: 'Case decision',
  nameZh: '案件作出处理决定',
  publicText: '案件应于 {due} 前作出处理决定',
  length: 90,
  unit: 'calendar_days',
  startEvent: 'open_case',
  stopEvents: ['decide'],
  pausable: [
    'suspension',
    'hearing',
    'public_notice',
    'testing',
    'inspection',
    'quarantine',
    'appraisal',
    'identification',
    'police_referral',
  ],
  extension: { length: 30, unit: 'calendar_days', approver: 'supervisor', max: 1 },
  furtherExtension: { approver: 'collective', unit: 'calendar_days' },
  basis: '市场监督管理行政处罚程序规定 Art. 64',
};

const D6: ClockRule = {
  id: 'D6',
  name: 'Police referral: head approves or refuses',
  nameZh: '移送涉嫌犯罪案件审批',
  publicText: '负责人应于 {due} 前作出是否批准移送的决定',
  length: 3,
  unit: 'calendar_days',
  startEvent: 'propose_referral',
  stopEvents: ['approve_referral', 'refuse_referral'],
  pausable: [],
  extension: null,
  basis: '国务院令310 Art. 5',
};

const D7: ClockRule = {
  id: 'D7',
  name: 'Police referral: transfer',
  nameZh: '移送公安机关',
  publicText: '批准移送后应于 {due} 前移送公安机关',
  length: 24,
  unit: 'hours',
  startEvent: 'approve_referral',
  stopEvents: ['transfer_to_police'],
  pausable: [],
  extension: null,
  basis: '国务院令310 Art. 5; 食品药品行政执法与刑事司法衔接工作办法 (2015)',
};

const D8: ClockRule = {
  id: 'D8',
  name: 'Police: accept or decline the referral',
  nameZh: '公安机关审查是否立案',
  publicText: '公安机关应于 {due} 前作出是否立案的决定',
  length: 3,
  unit: 'calendar_days',
  startEvent: 'transfer_to_police',
  stopEvents: ['police_accept', 'police_decline'],
  pausable: [],
  // Complex cases: up to 30 days in all (2015 food/drug rule), once, by the police with a reason; the
  // length is 30 minus the base (findRule adjusts it when d8Length is set).
  extension: { length: 27, unit: 'calendar_days', approver: 'police', max: 1 },
  basis: '国务院令310 Art. 8 (3 days); 2015 food/drug rule: generally 10 days, complex cases up to 30 — setting d8Length',
  setting: true,
};

const D9: ClockRule = {
  id: 'D9',
  name: 'Regulator: ask police to reconsider a decline',
  nameZh: '提请公安机关复议',
  publicText: '对不予立案决定，市场监管部门可于 {due} 前提请复议',
  length: 3,
  unit: 'calendar_days',
  startEvent: 'police_decline',
  stopEvents: ['request_reconsideration', 'request_supervision', 'return_to_admin'],
  pausable: [],
  extension: null,
  basis: '国务院令310 Art. 9',
};

const D10: ClockRule = {
  id: 'D10',
  name: 'Regulator: hand over exhibits after police open a case',
  nameZh: '移交涉案物品',
  publicText: '公安机关立案后，市场监管部门应于 {due} 前移交涉案物品及材料',
  length: 3,
  unit: 'calendar_days',
  startEvent: 'police_accept',
  stopEvents: ['confirm_exhibits'],
  duty: true,
  pausable: [],
  extension: null,
  basis: '国务院令310 Art. 11',
};

const D11: ClockRule = {
  id: 'D11',
  name: 'Publish penalty information',
  nameZh: '行政处罚信息公示',
  publicText: '行政处罚信息应于 {due} 前公示',
  length: 20,
  unit: 'working_days',
  startEvent: 'decide',
  // On the national 企业信用信息公示系统 (Order 45 Art. 9), as staff record it — not our own portal.
  stopEvents: ['record_national_entry'],
  duty: true,
  pausable: [],
  extension: null,
  basis: 'SAMR Order 45 Art. 9 (unconfirmed: setting d11Length)',
  setting: true,
};

const D12: ClockRule = {
  id: 'D12',
  name: 'Tell a real-name reporter whether a case was opened (Order 20 only)',
  nameZh: '告知实名举报人是否立案',
  publicText: '市场监管部门应于 {due} 前告知您是否立案',
  length: 5,
  unit: 'working_days',
  startEvent: 'open_case',
  restartEvents: ['not_open'],
  stopEvents: ['notify_reporter', NOTICE_GIVEN],
  noticeEvents: ['open_case', 'not_open'],
  duty: true,
  pausable: [],
  extension: null,
  basis: 'Order 20 Art. 31',
};

// D15 (issue 15): the claim window of a tip reward. It runs on the reward case (src/rewards), not on
// the case's own clocks: it starts when the reporter is told and never shows to handlers.
const D15: ClockRule = {
  id: 'D15',
  name: 'Reward: the reporter claims the reward',
  nameZh: '举报奖励申领期限',
  publicText: '请于 {due} 前申领举报奖励',
  length: 30,
  unit: 'working_days',
  startEvent: 'reward_notify',
  stopEvents: ['reward_claim'],
  pausable: [],
  extension: null,
  basis: '食品药品违法行为举报奖励办法 (2017) Art. 17 — setting d15Length',
  setting: true,
};

const D13: ClockRule = {
  id: 'D13',
  name: "Police: decide the regulator's reconsideration request",
  nameZh: '公安机关作出复议决定',
  publicText: '公安机关应于 {due} 前作出复议决定',
  length: 3,
  unit: 'calendar_days',
  startEvent: 'request_reconsideration',
  stopEvents: ['police_accept', 'police_decline'],
  pausable: [],
  extension: null,
  basis: '国务院令310 Art. 9',
};

const D14: ClockRule = {
  id: 'D14',
  name: 'Withdraw or correct a published record after the decision is overturned',
  nameZh: '行政处罚决定被撤销或变更后撤下或更正公示信息',
  publicText: '公示信息应于 {due} 前撤下或更正',
  length: 3,
  unit: 'working_days',
  startEvent: 'overturn_decision',
  stopEvents: ['withdraw_publication', 'correct_publication'],
  // Owed on a closed case too: a closed case's published record is overturned (issue #14.2).
  duty: true,
  pausable: [],
  extension: null,
  basis: 'SAMR Order 45 Art. 11',
};

const D2_ORDER121: ClockRule = {
  id: 'D2',
  name: 'Complaint: mediation',
  nameZh: '投诉调解',
  publicText: '调解应于 {due} 前结束（鉴定、检测时间不计入）',
  length: 60,
  unit: 'calendar_days',
  startEvent: 'accept',
  stopEvents: ['mediation_succeed', 'mediation_fail'],
  pausable: ['testing', 'appraisal'],
  extension: null,
  basis: 'Order 121 Art. 22–23',
};

const D2_ORDER20: ClockRule = {
  ...D2_ORDER121,
  length: 45,
  unit: 'working_days',
  basis: 'Order 20 Art. 20–21 (45 working days)',
};

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}

export const RULES: Readonly<Record<RuleVersion, readonly ClockRule[]>> = deepFreeze({
  order20: [D1, D2_ORDER20, D3, D4, D5, D6, D7, D8, D9, D10, D11, D12, D13, D14, D15],
  order121: [D1, D2_ORDER121, D3, D4, D5, D6, D7, D8, D9, D10, D11, D13, D14, D15],
});

export class UnknownClockError extends Error {
  readonly code = 'UNKNOWN_CLOCK';
  constructor(
    readonly version: RuleVersion,
    readonly id: string,
  ) {
    super(`no clock ${id} under ${version}`);
    this.name = 'UnknownClockError';
  }
}

export function isClockId(s: string): s is ClockId {
  return (CLOCK_IDS as readonly string[]).includes(s);
}

/** The rule, or undefined when the clock does not exist under that version (D12 under Order 121). */
export function findRule(version: RuleVersion, id: string, settings: RuleSettings = {}): ClockRule | undefined {
  const base = RULES[version].find((r) => r.id === id);
  if (!base) return undefined;
  const length =
    base.id === 'D8' ? settings.d8Length : base.id === 'D11' ? settings.d11Length : base.id === 'D15' ? settings.d15Length : undefined;
  if (length === undefined) return base;
  if (!Number.isInteger(length) || length < 1) throw new RangeError(`bad setting for ${base.id}: ${length}`);
  if (base.id === 'D8' && base.extension)
    return Object.freeze({ ...base, length, extension: length < 30 ? Object.freeze({ ...base.extension, length: 30 - length }) : null });
  return Object.freeze({ ...base, length });
}

/** Like findRule, but throws UnknownClockError. */
export function getRule(version: RuleVersion, id: string, settings: RuleSettings = {}): ClockRule {
  const rule = findRule(version, id, settings);
  if (!rule) throw new UnknownClockError(version, id);
  return rule;
}

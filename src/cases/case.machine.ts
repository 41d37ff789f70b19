// The case state machine: a pure module. (case, command, actor, now) → next state + event + effects,
// or a refusal. Nothing else in the app decides a status: the repository only writes what this returns.
//
// Invariants:
// - every transition names the case kinds it applies to, the statuses it leaves, and the roles that may make it;
// - a transition with `to: null` records an event without changing the status (reassign, comment, feedback…);
// - statuses of a report's referral track are never shown to the public (confidentiality, Order 121 Art. 37,
//   and not tipping off the reported business): see PUBLIC_STATUS.

export const CASE_KINDS = ['complaint', 'report', 'consultation'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

export const SUBMISSION_KINDS = ['complaint', 'report', 'both', 'consultation'] as const;
export type SubmissionKind = (typeof SUBMISSION_KINDS)[number];

export const STATUSES = [
  'received',
  'triaged',
  'awaiting_routing',
  'assigned',
  // complaint track (Order 121 ch. 3)
  'accepted',
  'refused',
  'mediating',
  'mediation_succeeded',
  'mediation_failed',
  // report track (处罚程序规定)
  'verifying',
  'case_opened',
  'not_opened',
  'decided',
  // police referral (国务院令310)
  'referral_proposed',
  'referral_approved',
  'referred',
  'police_accepted',
  'police_declined',
  // endings shared by all kinds
  'transferred_out',
  'answered',
  'duplicate',
  'merged',
  'published',
  'closed',
] as const;
export type CaseStatus = (typeof STATUSES)[number];

/** director: 局负责人, the bureau's head (or the deputy presiding over its work) — approves police referrals (国务院令310 Art. 5). */
export const ROLES = [
  'citizen',
  'system',
  'intake_clerk',
  'handler',
  'supervisor',
  'admin',
  'police',
  'reward_officer',
  'director',
] as const;
export type Role = (typeof ROLES)[number];

export interface Actor {
  role: Role;
  /** Staff user id, bot id, police user id; null for anonymous citizens and the system. */
  id: string | null;
}

export const REFUSAL_GROUNDS = {
  not_competent: '不属于本部门职责范围或者管辖范围',
  already_handled:
    '法院、仲裁机构、市场监督管理部门或者其他行政机关、消费者协会或者依法成立的其他调解组织已经受理或者处理过同一消费者权益争议',
  not_consumption: '不是为生活消费需要购买、使用商品或者接受服务，或者不能证明与被投诉人之间存在消费者权益争议',
  time_barred: '除法律另有规定外，投诉人知道或者应当知道自己的权益受到被投诉人侵害之日起超过三年',
  materials_missing: '未提供本办法规定的材料或者提供的材料不真实',
  identity: '冒用他人身份信息或者拒绝核实身份',
  other_legal: '法律、法规、规章规定不予受理的其他情形',
} as const;
export type RefusalGround = keyof typeof REFUSAL_GROUNDS;

export const TRANSITION_EVENTS = [
  'submit',
  'triage',
  'route_to_intake',
  'assign',
  'reassign',
  'accept',
  'refuse',
  'start_mediation',
  'mediation_succeed',
  'mediation_fail',
  'start_verification',
  'open_case',
  'not_open',
  'decide',
  'propose_referral',
  'approve_referral',
  'refuse_referral',
  'transfer_to_police',
  'police_accept',
  'police_decline',
  'police_extend',
  'request_reconsideration',
  'request_supervision',
  'return_to_admin',
  'police_feedback',
  'transfer_out',
  'answer',
  'mark_duplicate',
  'merge',
  'publish',
  'record_national_entry',
  'overturn_decision',
  'withdraw_publication',
  'correct_publication',
  'close',
  'relabel',
  'receive_merged',
  'notify_termination',
  'notify_reporter',
  'hand_over_exhibits',
  'confirm_exhibits',
  'pause_clock',
  'resume_clock',
  'extend_clock',
  'escalate',
  'comment',
  'ask_citizen',
  'answer_citizen',
  'record_notice',
] as const;
export type TransitionEvent = (typeof TRANSITION_EVENTS)[number];

export interface CaseState {
  kind: CaseKind;
  status: CaseStatus;
  openedAt: string | null;
  /** Triage or staff flagged a suspected crime: a penalty then needs a recorded reason for not referring. */
  suspectedCrime?: boolean;
}

/**
 * What a `decide` records (SAMR Order 45: only penalties are published; 不予行政处罚, 撤销立案, 责令改正
 * alone and a warning alone are not).
 */
export const DECISION_TYPES = {
  penalty: '行政处罚（罚款、没收、责令停产停业、吊销许可证等）',
  warning_only: '仅警告',
  no_penalty: '不予行政处罚',
  case_revoked: '撤销立案',
  correction_only: '仅责令改正',
} as const;
export type DecisionType = keyof typeof DECISION_TYPES;
/** Decision types that impose a penalty (and so are published, Order 45 Art. 2, 6). */
export const PUBLISHABLE_DECISION_TYPES: readonly DecisionType[] = ['penalty'];

export interface Command {
  type: TransitionEvent;
  /** Free-text reason; required where the law asks for one (refusals, declines, referral proposals…). */
  reason?: string | null;
  data?: Record<string, unknown>;
}

export interface JobEffect {
  queue: 'case-workflow';
  name: 'case.received';
}

export interface TransitionResult {
  ok: true;
  from: CaseStatus | null;
  to: CaseStatus;
  patch: { openedAt?: string; closedAt?: string };
  event: {
    type: TransitionEvent;
    fromStatus: CaseStatus | null;
    toStatus: CaseStatus;
    reason: string | null;
    data: Record<string, unknown> | null;
    public: boolean;
    at: string;
  };
  effects: JobEffect[];
}

export interface Refusal {
  ok: false;
  code: 'INVALID_TRANSITION' | 'FORBIDDEN' | 'VALIDATION';
  message: string;
}

type Check = (cmd: Command, c: CaseState | null) => string | null;

interface TransitionDef {
  kinds: readonly CaseKind[];
  from: readonly (CaseStatus | null)[];
  /** null: the status stays; a function: decided from the case (e.g. a refused referral returns to its track). */
  to: CaseStatus | null | ((c: CaseState) => CaseStatus);
  actors: readonly Role[];
  /** Shown on the citizen's public timeline. */
  public: boolean;
  check?: Check;
  effects?: readonly JobEffect[];
}

const ALL: readonly CaseKind[] = CASE_KINDS;
const STAFF: readonly Role[] = ['intake_clerk', 'handler', 'supervisor', 'admin'];
const HANDLING: readonly Role[] = ['handler', 'supervisor'];
/** Statuses in which the case is still being worked (not finished, not folded into another). */
const OPEN_STATUSES: readonly CaseStatus[] = STATUSES.filter(
  (s) => !['closed', 'duplicate', 'merged', 'published', 'transferred_out'].includes(s),
);
const BEFORE_HANDLING: readonly CaseStatus[] = ['received', 'triaged', 'awaiting_routing', 'assigned'];

const needsReason: Check = (cmd) => (cmd.reason && cmd.reason.trim().length >= 2 ? null : '必须填写理由');
const needsString =
  (key: string, label: string): Check =>
  (cmd) => {
    const v = cmd.data?.[key];
    return typeof v === 'string' && v.trim() !== '' ? null : `必须填写${label}`;
  };
const all =
  (...checks: Check[]): Check =>
  (cmd, state) => {
    for (const c of checks) {
      const m = c(cmd, state);
      if (m) return m;
    }
    return null;
  };

const refusalGround: Check = (cmd) => {
  const g = cmd.data?.ground;
  return typeof g === 'string' && g in REFUSAL_GROUNDS ? null : '必须选择《办法》第十六条规定的不予受理理由';
};

const decisionType: Check = (cmd) => {
  const t = cmd.data?.decisionType;
  return t === undefined || (typeof t === 'string' && t in DECISION_TYPES) ? null : '处理决定类型：请选择';
};

/** 以罚代刑 is forbidden (国务院令310 Art. 11): a penalty on a suspected-crime case records why it is not referred. */
const nonReferralReason: Check = (cmd, c) => {
  if (!c?.suspectedCrime) return null;
  const t = cmd.data?.decisionType;
  if (t !== undefined && t !== 'penalty') return null;
  const r = cmd.data?.nonReferralReason;
  return typeof r === 'string' && r.trim().length >= 4 ? null : '本案涉嫌犯罪：作出行政处罚须写明不移送公安机关的理由';
};

const twoOfficers: Check = (cmd) => {
  const o = cmd.data?.officers;
  const names = Array.isArray(o) ? o.filter((x): x is string => typeof x === 'string' && x.trim() !== '') : [];
  return new Set(names).size >= 2 ? null : '移送须由至少两名执法人员提出';
};

const mediationConsent: Check = (cmd) =>
  cmd.data?.complainantConsent === true && cmd.data?.respondentConsent === true ? null : '调解须经投诉人和被投诉人双方同意';

/** Where a case goes when it comes back from the referral track: 立案 already decided → case_opened. */
const backToAdministrativeTrack = (c: CaseState): CaseStatus => (c.openedAt ? 'case_opened' : 'verifying');

export const TRANSITIONS: Readonly<Record<TransitionEvent, TransitionDef>> = {
  submit: {
    kinds: ALL,
    from: [null],
    to: 'received',
    actors: ['citizen', 'system', 'intake_clerk', 'police'],
    public: true,
    effects: [{ queue: 'case-workflow', name: 'case.received' }],
  },
  triage: { kinds: ALL, from: ['received'], to: 'triaged', actors: ['system', 'intake_clerk'], public: false },
  route_to_intake: { kinds: ALL, from: ['triaged'], to: 'awaiting_routing', actors: ['system', 'intake_clerk'], public: false },
  assign: {
    kinds: ALL,
    from: ['triaged', 'awaiting_routing'],
    to: 'assigned',
    actors: ['system', 'intake_clerk', 'supervisor', 'admin'],
    public: true,
    check: needsString('assigneeId', '承办人'),
  },
  reassign: {
    kinds: ALL,
    from: OPEN_STATUSES.filter((s) => s !== 'received'),
    to: null,
    actors: ['intake_clerk', 'supervisor', 'admin'],
    public: false,
    check: all(needsString('assigneeId', '承办人'), needsReason),
  },

  accept: { kinds: ['complaint'], from: ['assigned'], to: 'accepted', actors: HANDLING, public: true },
  refuse: {
    kinds: ['complaint'],
    from: ['assigned'],
    to: 'refused',
    actors: HANDLING,
    public: true,
    check: all(refusalGround, needsReason),
  },
  start_mediation: { kinds: ['complaint'], from: ['accepted'], to: 'mediating', actors: HANDLING, public: true, check: mediationConsent },
  mediation_succeed: {
    kinds: ['complaint'],
    from: ['mediating'],
    to: 'mediation_succeeded',
    actors: HANDLING,
    public: true,
    check: needsString('agreement', '调解协议内容'),
  },
  mediation_fail: {
    kinds: ['complaint'],
    from: ['accepted', 'mediating'],
    to: 'mediation_failed',
    actors: HANDLING,
    public: true,
    check: needsReason,
  },

  start_verification: { kinds: ['report'], from: ['assigned'], to: 'verifying', actors: HANDLING, public: false },
  open_case: { kinds: ['report'], from: ['verifying'], to: 'case_opened', actors: ['supervisor'], public: false },
  not_open: { kinds: ['report'], from: ['verifying'], to: 'not_opened', actors: ['supervisor'], public: true, check: needsReason },
  decide: {
    kinds: ['report'],
    from: ['case_opened'],
    to: 'decided',
    actors: ['supervisor'],
    public: true,
    check: all(needsString('decision', '处理决定'), decisionType, nonReferralReason),
  },

  propose_referral: {
    kinds: ['report'],
    from: ['verifying', 'case_opened', 'police_declined'],
    to: 'referral_proposed',
    actors: [...HANDLING, 'director'],
    public: false,
    check: all(needsReason, needsString('offence', '涉嫌罪名'), twoOfficers),
  },
  /** Only the bureau's head approves (国务院令310 Art. 5), never the proposer (referral.service.ts checks who proposed). */
  approve_referral: { kinds: ['report'], from: ['referral_proposed'], to: 'referral_approved', actors: ['director'], public: false },
  refuse_referral: {
    kinds: ['report'],
    from: ['referral_proposed'],
    to: backToAdministrativeTrack,
    actors: ['director'],
    public: false,
    check: needsReason,
  },
  transfer_to_police: { kinds: ['report'], from: ['referral_approved'], to: 'referred', actors: HANDLING, public: false },
  police_accept: { kinds: ['report'], from: ['referred'], to: 'police_accepted', actors: ['police'], public: false },
  police_decline: { kinds: ['report'], from: ['referred'], to: 'police_declined', actors: ['police'], public: false, check: needsReason },
  /** D8: a complex case — the police take up to 30 days in all, once, with the reason on record (2015 food/drug rule). */
  police_extend: { kinds: ['report'], from: ['referred'], to: null, actors: ['police'], public: false, check: needsReason },
  request_reconsideration: {
    kinds: ['report'],
    from: ['police_declined'],
    to: 'referred',
    actors: ['supervisor'],
    public: false,
    check: needsReason,
  },
  /** 310 Art. 9: instead of or after reconsideration, the regulator asks the procuratorate to supervise (立案监督). */
  request_supervision: {
    kinds: ['report'],
    from: ['police_declined'],
    to: null,
    actors: ['supervisor', 'director'],
    public: false,
    check: all(needsReason, needsString('docNumber', '提请立案监督的文书文号')),
  },
  return_to_admin: { kinds: ['report'], from: ['police_declined'], to: backToAdministrativeTrack, actors: HANDLING, public: false },
  police_feedback: {
    kinds: ['report'],
    from: ['police_accepted'],
    to: null,
    actors: ['police'],
    public: false,
    check: needsString('outcome', '办理结果'),
  },

  transfer_out: {
    kinds: ALL,
    from: [...BEFORE_HANDLING.filter((s) => s !== 'received'), 'verifying', 'accepted'],
    to: 'transferred_out',
    actors: STAFF,
    public: true,
    check: all(needsString('authority', '移送的主管部门'), needsReason),
  },
  answer: {
    kinds: ['consultation'],
    from: ['triaged', 'awaiting_routing', 'assigned'],
    to: 'answered',
    actors: STAFF,
    public: true,
    check: needsString('answer', '答复内容'),
  },
  /** Reports only: a complaint about a dispute already handled is refused under Art. 16(2), with notice (`refuse`). */
  mark_duplicate: {
    kinds: ['report'],
    from: BEFORE_HANDLING,
    to: 'duplicate',
    actors: ['system', 'intake_clerk', 'handler', 'supervisor'],
    public: true,
    check: needsString('originalCaseId', '原案件'),
  },
  merge: {
    kinds: ['complaint', 'report'],
    from: BEFORE_HANDLING,
    to: 'merged',
    actors: ['system', 'intake_clerk', 'handler', 'supervisor'],
    public: true,
    check: needsString('intoCaseId', '合并到的案件'),
  },
  publish: {
    kinds: ['complaint', 'report'],
    from: ['decided', 'mediation_succeeded', 'mediation_failed'],
    to: 'published',
    actors: ['supervisor', 'admin'],
    public: false,
  },
  /** D11: the penalty is on the national 企业信用信息公示系统 (Order 45 Art. 9), recorded with its reference. */
  record_national_entry: {
    kinds: ['report'],
    from: ['decided', 'published', 'closed'],
    to: null,
    actors: ['handler', 'supervisor', 'admin'],
    public: false,
    check: all(needsString('on', '录入日期'), needsString('reference', '公示系统中的记录编号')),
  },
  /**
   * The decision was revoked or changed (review, court, own correction): D14 starts (Order 45 Art. 11).
   * Also on a closed case: the duty to withdraw its published record survives closing (issue #14.2);
   * recordOverturn (disposition.service.ts) requires the record to be published.
   */
  overturn_decision: {
    kinds: ['report'],
    from: ['decided', 'published', 'closed'],
    to: null,
    actors: ['supervisor', 'admin'],
    public: false,
    check: needsReason,
  },
  /** D14 stops: the published record was withdrawn or corrected (disposition.service.ts). */
  withdraw_publication: { kinds: ['complaint', 'report'], from: STATUSES, to: null, actors: ['supervisor', 'admin'], public: false },
  correct_publication: { kinds: ['complaint', 'report'], from: STATUSES, to: null, actors: ['supervisor', 'admin'], public: false },
  close: {
    kinds: ALL,
    from: [
      'refused',
      'mediation_succeeded',
      'mediation_failed',
      'not_opened',
      'decided',
      'police_accepted',
      'answered',
      'published',
      'transferred_out',
    ],
    to: 'closed',
    actors: ['handler', 'supervisor', 'system'],
    public: true,
  },
  /** Staff correct a triage label; the original stays in the case's triage record. */
  relabel: {
    kinds: ALL,
    from: OPEN_STATUSES,
    to: null,
    actors: ['intake_clerk', 'handler', 'supervisor'],
    public: false,
    check: all(needsString('field', '修改的标签'), needsReason),
  },
  /** A re-report with new facts by the same reporter was merged into this case (Order 121 Art. 35): its clock restarts. */
  receive_merged: {
    kinds: ['complaint', 'report'],
    from: OPEN_STATUSES,
    to: null,
    actors: ['system', 'intake_clerk', 'handler', 'supervisor'],
    public: false,
    check: needsString('mergedCaseId', '合并进来的案件'),
  },
  /** D3: the termination of mediation was notified to both parties (Art. 23). */
  notify_termination: { kinds: ['complaint'], from: ['mediation_failed', 'closed'], to: null, actors: HANDLING, public: true },
  /** D12 (Order 20 only): the real-name reporter was told whether a case was opened. */
  notify_reporter: {
    kinds: ['report'],
    from: [
      'case_opened',
      'not_opened',
      'decided',
      'referral_proposed',
      'referral_approved',
      'referred',
      'police_accepted',
      'police_declined',
      'closed',
    ],
    to: null,
    actors: HANDLING,
    public: false,
  },
  /** D10: exhibits handed over to the police after they opened a case. */
  hand_over_exhibits: { kinds: ['report'], from: ['police_accepted', 'closed'], to: null, actors: HANDLING, public: false },
  /** D10 stops here: the police confirm the handover list (issue 22), not the regulator's own click; D10 outlives closing. */
  confirm_exhibits: { kinds: ['report'], from: ['police_accepted', 'closed'], to: null, actors: ['police'], public: false },
  /** Time for testing, inspection, appraisal… is not counted (the reason must be one the clock allows). */
  pause_clock: {
    kinds: ALL,
    from: OPEN_STATUSES,
    to: null,
    actors: HANDLING,
    public: false,
    check: all(needsString('clock', '暂停的期限'), needsString('pauseReason', '暂停理由')),
  },
  resume_clock: { kinds: ALL, from: OPEN_STATUSES, to: null, actors: HANDLING, public: false, check: needsString('clock', '恢复的期限') },
  /** D4 +15 working days, D5 +30 days: approved by the head of the unit. */
  extend_clock: {
    kinds: ['report'],
    from: ['verifying', 'case_opened'],
    to: null,
    actors: ['supervisor'],
    public: false,
    check: all(needsString('clock', '延长的期限'), needsReason),
  },
  /** A statutory deadline passed: recorded on the case, supervisors told. */
  escalate: { kinds: ALL, from: STATUSES, to: null, actors: ['system'], public: false, check: needsString('clock', '超期的期限') },
  comment: { kinds: ALL, from: STATUSES, to: null, actors: [...STAFF, 'police', 'system'], public: false, check: needsReason },
  /** Staff ask the citizen a question (anonymous reporters included): shown on the status page and sent through the bot. */
  ask_citizen: {
    kinds: ALL,
    from: OPEN_STATUSES,
    to: null,
    actors: ['intake_clerk', 'handler', 'supervisor'],
    public: true,
    check: needsString('question', '问题'),
  },
  /** The citizen answered a question (status page with number + code, or the bot). */
  answer_citizen: { kinds: ALL, from: OPEN_STATUSES, to: null, actors: ['citizen'], public: true },
  /**
   * Issue #14.1: staff record a notice given by phone, letter or in person (who, when, how); a duty
   * outlives the case, so this is allowed in any status (src/notices/notice-duty.ts).
   */
  record_notice: {
    kinds: ALL,
    from: STATUSES,
    to: null,
    actors: ['intake_clerk', 'handler', 'supervisor'],
    public: false,
    check: all(needsString('dutyId', '告知事项'), needsString('channel', '告知方式')),
  },
};

/** The pure transition function. */
export function transition(c: CaseState | null, cmd: Command, actor: Actor, now: Date): TransitionResult | Refusal {
  const def = TRANSITIONS[cmd.type];
  if (!def) return { ok: false, code: 'INVALID_TRANSITION', message: `未知操作：${String(cmd.type)}` };
  const from = c ? c.status : null;
  if (cmd.type === 'submit') {
    if (c !== null) return { ok: false, code: 'INVALID_TRANSITION', message: '案件已存在' };
  } else {
    if (c === null) return { ok: false, code: 'INVALID_TRANSITION', message: '案件不存在' };
    if (!def.kinds.includes(c.kind)) return { ok: false, code: 'INVALID_TRANSITION', message: `该操作不适用于${KIND_LABELS[c.kind]}` };
  }
  if (!def.from.includes(from)) {
    return { ok: false, code: 'INVALID_TRANSITION', message: `案件当前状态（${from ? STATUS_LABELS[from] : '无'}）不允许此操作` };
  }
  if (!def.actors.includes(actor.role)) return { ok: false, code: 'FORBIDDEN', message: '无权进行此操作' };
  const problem = def.check?.(cmd, c);
  if (problem) return { ok: false, code: 'VALIDATION', message: problem };

  const to = def.to === null ? (from as CaseStatus) : typeof def.to === 'function' ? def.to(c as CaseState) : def.to;
  const at = now.toISOString();
  const patch: TransitionResult['patch'] = {};
  if (to === 'case_opened' && !c?.openedAt) patch.openedAt = at;
  if (to === 'closed') patch.closedAt = at;
  return {
    ok: true,
    from,
    to,
    patch,
    event: {
      type: cmd.type,
      fromStatus: from,
      toStatus: to,
      reason: cmd.reason?.trim() || null,
      data: cmd.data ?? null,
      public: def.public,
      at,
    },
    effects: [...(def.effects ?? [])],
  };
}

/** Which events the given actor could apply to the case now (for the back office's buttons). */
export function availableEvents(c: CaseState, role: Role): TransitionEvent[] {
  return TRANSITION_EVENTS.filter((e) => {
    const d = TRANSITIONS[e];
    return e !== 'submit' && d.kinds.includes(c.kind) && d.from.includes(c.status) && d.actors.includes(role);
  });
}

export const KIND_LABELS: Record<CaseKind, string> = { complaint: '投诉', report: '举报', consultation: '咨询' };

export const STATUS_LABELS: Record<CaseStatus, string> = {
  received: '已接收',
  triaged: '已分类',
  awaiting_routing: '待人工分派',
  assigned: '已分派',
  accepted: '已受理',
  refused: '不予受理',
  mediating: '调解中',
  mediation_succeeded: '调解成功',
  mediation_failed: '调解终止',
  verifying: '核查中',
  case_opened: '已立案',
  not_opened: '不予立案',
  decided: '已作出处理决定',
  referral_proposed: '拟移送公安',
  referral_approved: '移送已批准',
  referred: '已移送公安',
  police_accepted: '公安已立案',
  police_declined: '公安不予立案',
  transferred_out: '已移送其他部门',
  answered: '已答复',
  duplicate: '重复件',
  merged: '已合并',
  published: '已公开',
  closed: '已办结',
};

/**
 * What a citizen sees. The report track's internal steps (立案, referral to the police) are folded into
 * "being handled": disclosing them could warn the reported business and is not required by Order 121.
 */
export function publicStatus(kind: CaseKind, status: CaseStatus): string {
  if (['received', 'triaged', 'awaiting_routing', 'assigned'].includes(status)) return '已接收，正在分派办理';
  if (kind === 'report') {
    if (
      ['verifying', 'case_opened', 'referral_proposed', 'referral_approved', 'referred', 'police_accepted', 'police_declined'].includes(
        status,
      )
    )
      return '正在核查处理';
    if (status === 'decided' || status === 'published') return '已作出处理决定';
  }
  if (status === 'published') return '已作出处理并公开';
  return STATUS_LABELS[status];
}

/** Public wording of a timeline event; internal events return null and are never shown. */
export function publicEventText(type: TransitionEvent, kind: CaseKind): string | null {
  if (!TRANSITIONS[type].public) return null;
  switch (type) {
    case 'submit':
      return `收到您的${KIND_LABELS[kind]}`;
    case 'assign':
      return '已分派给承办单位';
    case 'accept':
      return '投诉已受理';
    case 'refuse':
      return '投诉不予受理（可通过协商、消费者协会调解、仲裁或诉讼等途径解决）';
    case 'start_mediation':
      return '开始调解';
    case 'mediation_succeed':
      return '调解成功';
    case 'mediation_fail':
      return '调解终止';
    case 'not_open':
      return '经核查，不予立案';
    case 'decide':
      return '已作出处理决定';
    case 'transfer_out':
      return '已移送有关主管部门处理';
    case 'answer':
      return '已答复';
    case 'mark_duplicate':
      return '与已受理的事项相同，不再重复处理';
    case 'merge':
      return '与同一事项合并处理';
    case 'close':
      return '已办结';
    case 'ask_citizen':
      return '办案人员向您提出了问题';
    case 'answer_citizen':
      return '您已回复';
    default:
      return null;
  }
}

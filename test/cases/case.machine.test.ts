import { describe, expect, it } from 'vitest';
import {
  type Actor,
  type CaseKind,
  type CaseState,
  type CaseStatus,
  type Command,
  ROLES,
  type Role,
  STATUSES,
  TRANSITION_EVENTS,
  type TransitionEvent,
  availableEvents,
  publicStatus,
  transition,
} from '../../src/cases/case.machine.ts';

const now = new Date('2026-11-28T02:00:00Z');
const actor = (role: Role): Actor => ({ role, id: role === 'citizen' || role === 'system' ? null : `${role}-1` });

/** A command each transition accepts: the data its checks require. */
const VALID: Record<TransitionEvent, Command> = {
  submit: { type: 'submit' },
  triage: { type: 'triage' },
  route_to_intake: { type: 'route_to_intake' },
  assign: { type: 'assign', data: { assigneeId: 'u1' } },
  reassign: { type: 'reassign', reason: '工作量调整', data: { assigneeId: 'u2' } },
  accept: { type: 'accept' },
  refuse: { type: 'refuse', reason: '已由消费者协会受理', data: { ground: 'already_handled' } },
  start_mediation: { type: 'start_mediation', data: { complainantConsent: true, respondentConsent: true } },
  mediation_succeed: { type: 'mediation_succeed', data: { agreement: '退款并赔偿500元' } },
  mediation_fail: { type: 'mediation_fail', reason: '被投诉人拒绝调解' },
  start_verification: { type: 'start_verification' },
  open_case: { type: 'open_case' },
  not_open: { type: 'not_open', reason: '现场检查未发现违法行为' },
  decide: { type: 'decide', data: { decision: '罚款5万元' } },
  propose_referral: {
    type: 'propose_referral',
    reason: '涉嫌销售病死猪肉',
    data: { offence: '刑法第143条', officers: ['王执法', '李执法'] },
  },
  approve_referral: { type: 'approve_referral' },
  refuse_referral: { type: 'refuse_referral', reason: '证据不足，继续行政处理' },
  transfer_to_police: { type: 'transfer_to_police' },
  police_accept: { type: 'police_accept' },
  police_decline: { type: 'police_decline', reason: '未达到立案追诉标准' },
  police_extend: { type: 'police_extend', reason: '涉案人员众多，案情复杂' },
  request_reconsideration: { type: 'request_reconsideration', reason: '涉案数量已达标准' },
  request_supervision: {
    type: 'request_supervision',
    reason: '公安机关不予立案理由不能成立',
    data: { docNumber: '新市监监督〔2026〕1号' },
  },
  return_to_admin: { type: 'return_to_admin' },
  police_feedback: { type: 'police_feedback', data: { outcome: '已移送起诉' } },
  transfer_out: { type: 'transfer_out', reason: '属于农业农村部门职责', data: { authority: '新郑市农业农村局' } },
  answer: { type: 'answer', data: { answer: '可向经营者所在地市场监管部门投诉' } },
  mark_duplicate: { type: 'mark_duplicate', data: { originalCaseId: 'c0' } },
  merge: { type: 'merge', data: { intoCaseId: 'c0' } },
  publish: { type: 'publish' },
  overturn_decision: { type: 'overturn_decision', reason: '复议决定撤销原处罚决定' },
  withdraw_publication: { type: 'withdraw_publication' },
  correct_publication: { type: 'correct_publication' },
  record_national_entry: { type: 'record_national_entry', data: { on: '2026-11-20', reference: 'GS-2026-001' } },
  close: { type: 'close' },
  relabel: { type: 'relabel', reason: '实为学校食堂', data: { field: 'category', from: 'catering', to: 'school_canteen' } },
  receive_merged: { type: 'receive_merged', data: { mergedCaseId: 'c9' } },
  notify_termination: { type: 'notify_termination' },
  notify_reporter: { type: 'notify_reporter' },
  hand_over_exhibits: { type: 'hand_over_exhibits' },
  confirm_exhibits: { type: 'confirm_exhibits' },
  pause_clock: { type: 'pause_clock', data: { clock: 'D4', pauseReason: 'testing' } },
  resume_clock: { type: 'resume_clock', data: { clock: 'D4' } },
  extend_clock: { type: 'extend_clock', reason: '案情复杂，经负责人批准延长', data: { clock: 'D4' } },
  escalate: { type: 'escalate', data: { clock: 'D1' } },
  comment: { type: 'comment', reason: '已电话联系投诉人' },
  ask_citizen: { type: 'ask_citizen', data: { question: '请问您购买的具体日期是哪天？' } },
  answer_citizen: { type: 'answer_citizen', data: { questionId: '0190a8f0-0000-7000-8000-000000000001' } },
  record_notice: { type: 'record_notice', data: { dutyId: '0190a8f0-0000-7000-8000-000000000002', channel: 'phone' } },
};

// ---------------------------------------------------------------------------------------------------
// The expected legal table, written out here from the law and the workflow — NOT read from TRANSITIONS.
// Each row: event, case kinds (C complaint, R report, Q consultation), the statuses it may leave, the roles
// that may make it, where it goes ('=' the status stays, '<-' back to the administrative track: 立案 done →
// case_opened, else verifying), and whether the citizen's public timeline shows it.
// Every cell of kind × status (× 立案 done or not, plus "no case yet") × event × role is asserted against it:
// a changed entry in the module (a citizen allowed to `decide`, a status added to `close`…) fails a test.
// ---------------------------------------------------------------------------------------------------
const S = (s: string): CaseStatus[] => s.split(/\s+/).filter(Boolean) as CaseStatus[];
const R = (s: string): Role[] => s.split(/\s+/).filter(Boolean) as Role[];
/** Still being worked: not closed, not published, not folded into another case, not sent elsewhere. */
const OPEN = S(`received triaged awaiting_routing assigned accepted refused mediating mediation_succeeded
  mediation_failed verifying case_opened not_opened decided referral_proposed referral_approved referred
  police_accepted police_declined answered`);
const EVERY = S(`${OPEN.join(' ')} transferred_out duplicate merged published closed`);
type Target = CaseStatus | '=' | '<-';
interface Rule {
  kinds: string;
  from: CaseStatus[] | 'none';
  roles: Role[];
  to: Target;
  public: boolean;
}
const LAW: Record<TransitionEvent, Rule> = {
  // Intake: anyone may file (the bot and the hotline clerk on a citizen's behalf; the police pass tips on).
  submit: { kinds: 'CRQ', from: 'none', roles: R('citizen system intake_clerk police'), to: 'received', public: true },
  triage: { kinds: 'CRQ', from: S('received'), roles: R('system intake_clerk'), to: 'triaged', public: false },
  route_to_intake: { kinds: 'CRQ', from: S('triaged'), roles: R('system intake_clerk'), to: 'awaiting_routing', public: false },
  assign: {
    kinds: 'CRQ',
    from: S('triaged awaiting_routing'),
    roles: R('system intake_clerk supervisor admin'),
    to: 'assigned',
    public: true,
  },
  reassign: { kinds: 'CRQ', from: OPEN.filter((s) => s !== 'received'), roles: R('intake_clerk supervisor admin'), to: '=', public: false },
  // Complaints, Order 121 ch. 3: the handling unit accepts or refuses (Art. 16), mediates with consent.
  accept: { kinds: 'C', from: S('assigned'), roles: R('handler supervisor'), to: 'accepted', public: true },
  refuse: { kinds: 'C', from: S('assigned'), roles: R('handler supervisor'), to: 'refused', public: true },
  start_mediation: { kinds: 'C', from: S('accepted'), roles: R('handler supervisor'), to: 'mediating', public: true },
  mediation_succeed: { kinds: 'C', from: S('mediating'), roles: R('handler supervisor'), to: 'mediation_succeeded', public: true },
  mediation_fail: { kinds: 'C', from: S('accepted mediating'), roles: R('handler supervisor'), to: 'mediation_failed', public: true },
  // A duty to inform outlives closing (#14.2): the notice steps stay open on a closed case.
  notify_termination: { kinds: 'C', from: S('mediation_failed closed'), roles: R('handler supervisor'), to: '=', public: true },
  // Reports, 处罚程序规定: verification; 立案, 不予立案 and the decision are the head of unit's (supervisor's).
  start_verification: { kinds: 'R', from: S('assigned'), roles: R('handler supervisor'), to: 'verifying', public: false },
  open_case: { kinds: 'R', from: S('verifying'), roles: R('supervisor'), to: 'case_opened', public: false },
  not_open: { kinds: 'R', from: S('verifying'), roles: R('supervisor'), to: 'not_opened', public: true },
  decide: { kinds: 'R', from: S('case_opened'), roles: R('supervisor'), to: 'decided', public: true },
  extend_clock: { kinds: 'R', from: S('verifying case_opened'), roles: R('supervisor'), to: '=', public: false },
  notify_reporter: {
    kinds: 'R',
    from: S('case_opened not_opened decided referral_proposed referral_approved referred police_accepted police_declined closed'),
    roles: R('handler supervisor'),
    to: '=',
    public: false,
  },
  // Referral to the police, 国务院令310: proposed by officers, approved by the head, answered by the police.
  propose_referral: {
    kinds: 'R',
    from: S('verifying case_opened police_declined'),
    roles: R('handler supervisor director'),
    to: 'referral_proposed',
    public: false,
  },
  // Only the bureau's head (局负责人) approves or refuses a referral (国务院令310 Art. 5).
  approve_referral: { kinds: 'R', from: S('referral_proposed'), roles: R('director'), to: 'referral_approved', public: false },
  refuse_referral: { kinds: 'R', from: S('referral_proposed'), roles: R('director'), to: '<-', public: false },
  transfer_to_police: { kinds: 'R', from: S('referral_approved'), roles: R('handler supervisor'), to: 'referred', public: false },
  police_accept: { kinds: 'R', from: S('referred'), roles: R('police'), to: 'police_accepted', public: false },
  police_decline: { kinds: 'R', from: S('referred'), roles: R('police'), to: 'police_declined', public: false },
  request_reconsideration: { kinds: 'R', from: S('police_declined'), roles: R('supervisor'), to: 'referred', public: false },
  // A complex case: the police extend their decision once (2015 food/drug rule); the procuratorate's
  // supervision is asked for after a refusal (310 Art. 9). Neither moves the case.
  police_extend: { kinds: 'R', from: S('referred'), roles: R('police'), to: '=', public: false },
  request_supervision: { kinds: 'R', from: S('police_declined'), roles: R('supervisor director'), to: '=', public: false },
  return_to_admin: { kinds: 'R', from: S('police_declined'), roles: R('handler supervisor'), to: '<-', public: false },
  police_feedback: { kinds: 'R', from: S('police_accepted'), roles: R('police'), to: '=', public: false },
  hand_over_exhibits: { kinds: 'R', from: S('police_accepted closed'), roles: R('handler supervisor'), to: '=', public: false },
  confirm_exhibits: { kinds: 'R', from: S('police_accepted closed'), roles: R('police'), to: '=', public: false },
  // Endings.
  transfer_out: {
    kinds: 'CRQ',
    from: S('triaged awaiting_routing assigned verifying accepted'),
    roles: R('intake_clerk handler supervisor admin'),
    to: 'transferred_out',
    public: true,
  },
  answer: {
    kinds: 'Q',
    from: S('triaged awaiting_routing assigned'),
    roles: R('intake_clerk handler supervisor admin'),
    to: 'answered',
    public: true,
  },
  // A complaint already handled is refused under Art. 16(2), not marked duplicate: reports only.
  mark_duplicate: {
    kinds: 'R',
    from: S('received triaged awaiting_routing assigned'),
    roles: R('system intake_clerk handler supervisor'),
    to: 'duplicate',
    public: true,
  },
  merge: {
    kinds: 'CR',
    from: S('received triaged awaiting_routing assigned'),
    roles: R('system intake_clerk handler supervisor'),
    to: 'merged',
    public: true,
  },
  publish: {
    kinds: 'CR',
    from: S('decided mediation_succeeded mediation_failed'),
    roles: R('supervisor admin'),
    to: 'published',
    public: false,
  },
  // Publication under Order 45: the national-system entry (D11), an overturned decision (D14 starts), the
  // record withdrawn or corrected (D14 stops). Statuses stay.
  record_national_entry: { kinds: 'R', from: S('decided published closed'), roles: R('handler supervisor admin'), to: '=', public: false },
  overturn_decision: { kinds: 'R', from: S('decided published closed'), roles: R('supervisor admin'), to: '=', public: false },
  withdraw_publication: { kinds: 'CR', from: EVERY, roles: R('supervisor admin'), to: '=', public: false },
  correct_publication: { kinds: 'CR', from: EVERY, roles: R('supervisor admin'), to: '=', public: false },
  close: {
    kinds: 'CRQ',
    from: S('refused mediation_succeeded mediation_failed not_opened decided police_accepted answered published transferred_out'),
    roles: R('system handler supervisor'),
    to: 'closed',
    public: true,
  },
  // Events that keep the status.
  relabel: { kinds: 'CRQ', from: OPEN, roles: R('intake_clerk handler supervisor'), to: '=', public: false },
  receive_merged: { kinds: 'CR', from: OPEN, roles: R('system intake_clerk handler supervisor'), to: '=', public: false },
  pause_clock: { kinds: 'CRQ', from: OPEN, roles: R('handler supervisor'), to: '=', public: false },
  resume_clock: { kinds: 'CRQ', from: OPEN, roles: R('handler supervisor'), to: '=', public: false },
  escalate: { kinds: 'CRQ', from: EVERY, roles: R('system'), to: '=', public: false },
  comment: { kinds: 'CRQ', from: EVERY, roles: R('system intake_clerk handler supervisor admin police'), to: '=', public: false },
  ask_citizen: { kinds: 'CRQ', from: OPEN, roles: R('intake_clerk handler supervisor'), to: '=', public: true },
  answer_citizen: { kinds: 'CRQ', from: OPEN, roles: R('citizen'), to: '=', public: true },
  // Staff record a notice given by phone, letter or in person (#14.1): a duty outlives the case, any status.
  record_notice: { kinds: 'CRQ', from: EVERY, roles: R('intake_clerk handler supervisor'), to: '=', public: false },
};
const KIND_LETTER: Record<CaseKind, string> = { complaint: 'C', report: 'R', consultation: 'Q' };
const ALL_KINDS: CaseKind[] = ['complaint', 'report', 'consultation'];
const ALL_ROLES: Role[] = R('citizen system intake_clerk handler supervisor admin police reward_officer director');

type Expected = { ok: true; to: CaseStatus } | { ok: false; code: 'INVALID_TRANSITION' | 'FORBIDDEN' };
function expected(ev: TransitionEvent, state: CaseState | null, role: Role): Expected {
  const rule = LAW[ev];
  // State before permission: an impossible step is INVALID_TRANSITION whoever asks.
  if (rule.from === 'none') {
    if (state !== null) return { ok: false, code: 'INVALID_TRANSITION' };
  } else if (state === null || !rule.kinds.includes(KIND_LETTER[state.kind]) || !rule.from.includes(state.status)) {
    return { ok: false, code: 'INVALID_TRANSITION' };
  }
  if (!rule.roles.includes(role)) return { ok: false, code: 'FORBIDDEN' };
  const to =
    state === null
      ? (rule.to as CaseStatus)
      : rule.to === '='
        ? state.status
        : rule.to === '<-'
          ? state.openedAt
            ? 'case_opened'
            : 'verifying'
          : rule.to;
  return { ok: true, to };
}

/** Every state a case can be in: each kind × status, before and after 立案, and "no case yet". */
const STATES: (CaseState | null)[] = [null];
for (const kind of ALL_KINDS)
  for (const status of EVERY) for (const openedAt of [null, '2026-11-01T00:00:00.000Z']) STATES.push({ kind, status, openedAt });

describe('case state machine: every cell against the independent legal table', () => {
  it('the table and the module name the same statuses, events and roles', () => {
    expect(new Set(EVERY)).toEqual(new Set(STATUSES));
    expect(EVERY).toHaveLength(STATUSES.length);
    expect(new Set(Object.keys(LAW))).toEqual(new Set(TRANSITION_EVENTS));
    expect(new Set(ALL_ROLES)).toEqual(new Set(ROLES));
  });

  let cells = 0;
  for (const ev of TRANSITION_EVENTS) {
    it(`${ev}: every kind × status × role as the law says`, () => {
      const wrong: string[] = [];
      for (const state of STATES)
        for (const role of ALL_ROLES) {
          cells++;
          const want = expected(ev, state, role);
          const got = transition(state, VALID[ev], actor(role), now);
          const where = state ? `${state.kind}/${state.status}${state.openedAt ? '/立案后' : ''}` : 'no case';
          if (want.ok !== got.ok) {
            wrong.push(`${where} by ${role}: expected ${want.ok ? `→ ${want.to}` : want.code}, got ${got.ok ? `→ ${got.to}` : got.code}`);
            continue;
          }
          if (!want.ok && !got.ok) {
            if (want.code !== got.code) wrong.push(`${where} by ${role}: expected ${want.code}, got ${got.code}`);
            continue;
          }
          if (want.ok && got.ok) {
            if (got.to !== want.to) wrong.push(`${where} by ${role}: expected → ${want.to}, got → ${got.to}`);
            if (got.from !== (state?.status ?? null)) wrong.push(`${where} by ${role}: from ${got.from}`);
            if (got.event.public !== LAW[ev].public) wrong.push(`${where} by ${role}: public ${got.event.public}`);
            if (got.event.type !== ev || got.event.at !== now.toISOString()) wrong.push(`${where} by ${role}: event ${got.event.type}`);
            const wantEffects = ev === 'submit' ? [{ queue: 'case-workflow', name: 'case.received' }] : [];
            if (JSON.stringify(got.effects) !== JSON.stringify(wantEffects)) wrong.push(`${where} by ${role}: effects`);
            const wantPatch: Record<string, string> = {};
            if (want.to === 'case_opened' && !state?.openedAt) wantPatch.openedAt = now.toISOString();
            if (want.to === 'closed') wantPatch.closedAt = now.toISOString();
            if (JSON.stringify(got.patch) !== JSON.stringify(wantPatch))
              wrong.push(`${where} by ${role}: patch ${JSON.stringify(got.patch)}`);
          }
        }
      expect(wrong).toEqual([]);
    });
  }

  it('asserted the full product: states × events × roles', () => {
    // 3 kinds × 24 statuses × (before/after 立案) + "no case" = 145 states; × 42 events × 8 roles (the reward officer makes no case transition).
    expect(STATES).toHaveLength(3 * STATUSES.length * 2 + 1);
    expect(cells).toBe(STATES.length * TRANSITION_EVENTS.length * ROLES.length);
  });

  it('availableEvents offers exactly the allowed non-submit events', () => {
    const wrong: string[] = [];
    for (const state of STATES)
      for (const role of ALL_ROLES) {
        if (!state) continue;
        const want = TRANSITION_EVENTS.filter((ev) => ev !== 'submit' && expected(ev, state, role).ok);
        const got = availableEvents(state, role);
        if (JSON.stringify(got) !== JSON.stringify(want)) wrong.push(`${state.kind}/${state.status} ${role}: ${got.join(',')}`);
      }
    expect(wrong).toEqual([]);
  });
});

describe('case state machine: rules a user depends on', () => {
  const run = (state: CaseState | null, cmds: [Command, Role][]) => {
    let s = state;
    const seen: string[] = [];
    for (const [cmd, role] of cmds) {
      const r = transition(s, cmd, actor(role), now);
      if (!r.ok) throw new Error(`${cmd.type}: ${r.message}`);
      s = { kind: s?.kind ?? 'complaint', status: r.to, openedAt: r.patch.openedAt ?? s?.openedAt ?? null };
      seen.push(r.to);
    }
    return { state: s, seen };
  };

  it('takes a complaint from submission through mediation to closure', () => {
    const { seen } = run({ kind: 'complaint', status: 'received', openedAt: null }, [
      [VALID.triage, 'system'],
      [VALID.assign, 'system'],
      [VALID.accept, 'handler'],
      [VALID.start_mediation, 'handler'],
      [VALID.mediation_succeed, 'handler'],
      [VALID.close, 'handler'],
    ]);
    expect(seen).toEqual(['triaged', 'assigned', 'accepted', 'mediating', 'mediation_succeeded', 'closed']);
  });

  it('submitting creates a received case and asks for the case.received job', () => {
    const r = transition(null, { type: 'submit' }, actor('citizen'), now);
    expect(r.ok && r.to).toBe('received');
    expect(r.ok && r.effects).toEqual([{ queue: 'case-workflow', name: 'case.received' }]);
  });

  it('a refused referral returns to verification before 立案 and to the opened case after it', () => {
    const before = transition(
      { kind: 'report', status: 'referral_proposed', openedAt: null },
      VALID.refuse_referral,
      actor('director'),
      now,
    );
    expect(before.ok && before.to).toBe('verifying');
    const after = transition(
      { kind: 'report', status: 'referral_proposed', openedAt: '2026-11-01T00:00:00Z' },
      VALID.refuse_referral,
      actor('director'),
      now,
    );
    expect(after.ok && after.to).toBe('case_opened');
  });

  it('records when 立案 happened', () => {
    const r = transition({ kind: 'report', status: 'verifying', openedAt: null }, VALID.open_case, actor('supervisor'), now);
    expect(r.ok && r.patch.openedAt).toBe(now.toISOString());
  });

  it('refuses a complaint refusal without an Art. 16 ground', () => {
    const r = transition(
      { kind: 'complaint', status: 'assigned', openedAt: null },
      { type: 'refuse', reason: '不受理' },
      actor('handler'),
      now,
    );
    expect(r).toMatchObject({ ok: false, code: 'VALIDATION' });
  });

  it('needs two different officers to propose a referral', () => {
    const r = transition(
      { kind: 'report', status: 'case_opened', openedAt: null },
      { type: 'propose_referral', reason: '涉嫌犯罪', data: { offence: '刑法第144条', officers: ['王执法', '王执法'] } },
      actor('handler'),
      now,
    );
    expect(r).toMatchObject({ ok: false, code: 'VALIDATION', message: '移送须由至少两名执法人员提出' });
  });

  it('needs both parties to consent to mediation', () => {
    const r = transition(
      { kind: 'complaint', status: 'accepted', openedAt: null },
      { type: 'start_mediation', data: { complainantConsent: true } },
      actor('handler'),
      now,
    );
    expect(r).toMatchObject({ ok: false, code: 'VALIDATION' });
  });

  it('keeps complaint-only steps away from reports and police away from everything but referrals', () => {
    expect(transition({ kind: 'report', status: 'assigned', openedAt: null }, VALID.accept, actor('handler'), now)).toMatchObject({
      ok: false,
      code: 'INVALID_TRANSITION',
    });
    expect(transition({ kind: 'complaint', status: 'assigned', openedAt: null }, VALID.accept, actor('police'), now)).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(availableEvents({ kind: 'report', status: 'referred', openedAt: null }, 'police')).toEqual([
      'police_accept',
      'police_decline',
      'police_extend',
      'comment',
    ]);
  });

  it('hides the referral track from the public', () => {
    for (const s of ['case_opened', 'referral_proposed', 'referred', 'police_accepted', 'police_declined'] as const) {
      expect(publicStatus('report', s)).toBe('正在核查处理');
    }
    expect(publicStatus('complaint', 'accepted')).toBe('已受理');
  });

  it('a status-keeping event leaves the status as it was', () => {
    const r = transition({ kind: 'report', status: 'police_accepted', openedAt: null }, VALID.police_feedback, actor('police'), now);
    expect(r.ok && r.to).toBe('police_accepted');
  });
});

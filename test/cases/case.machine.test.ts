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
  TRANSITIONS,
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
};

const KINDS: CaseKind[] = ['complaint', 'report', 'consultation'];

describe('case state machine: every allowed transition', () => {
  const rows: [TransitionEvent, CaseKind, CaseStatus | null, Role][] = [];
  for (const ev of TRANSITION_EVENTS) {
    const def = TRANSITIONS[ev];
    for (const kind of def.kinds) for (const from of def.from) for (const role of def.actors) rows.push([ev, kind, from, role]);
  }
  it('covers a few hundred combinations', () => expect(rows.length).toBeGreaterThan(200));
  it.each(rows)('%s on a %s in %s by %s is allowed', (ev, kind, from, role) => {
    const state: CaseState | null = from === null ? null : { kind, status: from, openedAt: null };
    const r = transition(state, VALID[ev], actor(role), now);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.from).toBe(from);
    expect(STATUSES).toContain(r.to);
    expect(r.event.type).toBe(ev);
    expect(r.event.at).toBe(now.toISOString());
  });
});

describe('case state machine: refusals for each state and actor', () => {
  const rows: [CaseKind, CaseStatus, Role][] = [];
  for (const kind of KINDS) for (const status of STATUSES) for (const role of ROLES) rows.push([kind, status, role]);
  it.each(rows)('a %s in %s: %s is refused what the table does not allow', (kind, status, role) => {
    const state = { kind, status, openedAt: null };
    const allowed = new Set(availableEvents(state, role));
    const refused = TRANSITION_EVENTS.filter((e) => e !== 'submit' && !allowed.has(e));
    expect(refused.length).toBeGreaterThan(0);
    for (const ev of refused) {
      const r = transition(state, VALID[ev], actor(role), now);
      expect(r.ok, `${ev} should be refused`).toBe(false);
      if (r.ok) continue;
      const def = TRANSITIONS[ev];
      const statusOk = def.kinds.includes(kind) && def.from.includes(status);
      expect(r.code).toBe(statusOk ? 'FORBIDDEN' : 'INVALID_TRANSITION');
    }
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

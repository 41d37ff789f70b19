// The handling actions of the case page: for each event the state machine offers, the form's fields, a
// zod schema turning the posted form into a Command, and one verb (runCaseAction) that checks scope,
// applies the transition through applyTransition and writes the audit row in the same transaction.
// The state machine stays the judge: an action missing from availableEvents is refused by it again.
import { z } from 'zod';
import {
  type Actor,
  type Command,
  DECISION_TYPES,
  type DecisionType,
  REFUSAL_GROUNDS,
  type Role,
  type TransitionEvent,
  availableEvents,
} from '../cases/case.machine.ts';
import { applyTransition, findCaseById } from '../cases/case.repository.ts';
import type { CaseKind, CaseStatus } from '../cases/case.machine.ts';
import type { Deps } from '../deps.ts';
import { PAUSE_REASONS } from '../deadlines/rules.ts';
import { AppError } from '../lib/errors.ts';
import { reassignCase } from '../routing/reassign.service.ts';
import { RelabelSchema, relabelCase } from '../triage/relabel.service.ts';
import { draftOnDecision } from '../publication/disposition.service.ts';
import { askCitizen } from '../cases/questions.service.ts';
import { recordNoticeGiven } from '../notices/notice-record.service.ts';
import { appendAudit } from './audit.log.ts';
import { undoAutoSplit } from './auto-split.service.ts';
import { SPLIT_REPORT, splitReportFromComplaint } from './split-report.service.ts';
import { canSeeCase } from './scope.ts';
import type { StaffUser } from './session.service.ts';

export const PAUSE_REASON_LABELS: Record<(typeof PAUSE_REASONS)[number], string> = {
  testing: '检测、检验',
  appraisal: '鉴定',
  inspection: '检验、检查',
  quarantine: '检疫',
  identification: '权利人辨认或者鉴别',
  suspension: '案件中止',
  hearing: '听证',
  public_notice: '公告',
  police_referral: '移送公安机关期间',
};

/** Where a select's options come from: fixed, or the case at hand (its clocks, the handlers one may pick). */
export type OptionSource =
  | 'refusal_grounds'
  | 'decision_types'
  | 'pause_reasons'
  | 'running_clocks'
  | 'paused_clocks'
  | 'handlers'
  | 'relabel_fields'
  | 'relabel_values'
  | 'pending_notices'
  | 'notice_channels';

export interface FieldSpec {
  name: string;
  label: string;
  type: 'text' | 'textarea' | 'select' | 'checkbox' | 'amount';
  options?: OptionSource;
  required: boolean;
  hint?: string;
}

export interface ActionSpec {
  label: string;
  /** Button wording; defaults to the label. */
  submit?: string;
  fields: FieldSpec[];
  schema: z.ZodType<Command>;
  /** Needs care: the page shows it with a warning colour. */
  weighty?: boolean;
}

const text = (label: string, min = 2, max = 2000) =>
  z
    .string({ message: `请填写${label}` })
    .trim()
    .min(min, `请填写${label}（至少 ${min} 个字）`)
    .max(max, `${label}最多 ${max} 个字`);
const optionalText = (max = 2000) =>
  z
    .string()
    .trim()
    .max(max, `最多 ${max} 个字`)
    .optional()
    .transform((v) => (v ? v : null));
const checkbox = z
  .literal('on')
  .optional()
  .transform((v) => v === 'on');
const amount = (label: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : null))
    .pipe(
      z
        .string()
        .regex(/^\d{1,12}(\.\d{1,2})?$/, `${label}须为金额（元，最多两位小数）`)
        .nullable(),
    );
/** Penalty kinds as staff write them (警告、罚款…) → the codes the publication reads (`penalties`). */
const PENALTY_WORDS: readonly [RegExp, string][] = [
  [/警告/, 'warning'],
  [/通报批评/, 'criticism'],
  [/罚款/, 'fine'],
  [/没收/, 'confiscation'],
  [/停产停业|停业整顿/, 'suspension'],
  [/吊销|暂扣|降低资质/, 'licence'],
  [/限制|禁止从业|责令关闭/, 'restriction'],
  [/拘留/, 'detention'],
];
export function penaltyKinds(text: string | null): string[] {
  if (!text) return [];
  const out: string[] = [];
  for (const part of text.split(/[、，,；;\s]+/).filter(Boolean)) {
    const code = PENALTY_WORDS.find(([re]) => re.test(part))?.[1] ?? 'other';
    if (!out.includes(code)) out.push(code);
  }
  return out;
}

const REASON: FieldSpec = { name: 'reason', label: '理由', type: 'textarea', required: true };
const NOTE: FieldSpec = { name: 'reason', label: '备注（可选）', type: 'textarea', required: false };

export const ACTIONS: Partial<Record<TransitionEvent, ActionSpec>> = {
  accept: {
    label: '受理投诉',
    fields: [NOTE],
    schema: z.object({ reason: optionalText() }).transform((v) => ({ type: 'accept' as const, reason: v.reason })),
  },
  refuse: {
    label: '不予受理',
    weighty: true,
    fields: [
      {
        name: 'ground',
        label: '不予受理理由（《市场监督管理投诉举报处理办法》第十六条）',
        type: 'select',
        options: 'refusal_grounds',
        required: true,
      },
      {
        name: 'reason',
        label: '告知投诉人的说明',
        type: 'textarea',
        required: true,
        hint: '将告知投诉人，并说明可通过协商、消费者协会调解、仲裁或诉讼等途径解决。',
      },
    ],
    schema: z
      .object({
        ground: z.enum(Object.keys(REFUSAL_GROUNDS) as [keyof typeof REFUSAL_GROUNDS], { message: '请选择第十六条规定的理由' }),
        reason: text('告知投诉人的说明'),
      })
      .transform((v) => ({ type: 'refuse' as const, reason: v.reason, data: { ground: v.ground } })),
  },
  start_mediation: {
    label: '开始调解',
    fields: [
      { name: 'complainantConsent', label: '投诉人同意调解', type: 'checkbox', required: true },
      { name: 'respondentConsent', label: '被投诉人同意调解', type: 'checkbox', required: true },
    ],
    schema: z
      .object({ complainantConsent: checkbox, respondentConsent: checkbox })
      .refine((v) => v.complainantConsent && v.respondentConsent, {
        message: '调解须经投诉人和被投诉人双方同意',
        path: ['complainantConsent'],
      })
      .transform((v) => ({
        type: 'start_mediation' as const,
        data: { complainantConsent: v.complainantConsent, respondentConsent: v.respondentConsent },
      })),
  },
  mediation_succeed: {
    label: '调解成功',
    fields: [{ name: 'agreement', label: '调解协议内容', type: 'textarea', required: true }],
    schema: z
      .object({ agreement: text('调解协议内容') })
      .transform((v) => ({ type: 'mediation_succeed' as const, data: { agreement: v.agreement } })),
  },
  mediation_fail: {
    label: '终止调解',
    weighty: true,
    fields: [REASON],
    schema: z.object({ reason: text('理由') }).transform((v) => ({ type: 'mediation_fail' as const, reason: v.reason })),
  },
  notify_termination: {
    label: '已告知终止调解',
    fields: [NOTE],
    schema: z.object({ reason: optionalText() }).transform((v) => ({ type: 'notify_termination' as const, reason: v.reason })),
  },
  start_verification: {
    label: '开始核查',
    fields: [NOTE],
    schema: z.object({ reason: optionalText() }).transform((v) => ({ type: 'start_verification' as const, reason: v.reason })),
  },
  open_case: {
    label: '立案',
    fields: [NOTE],
    schema: z.object({ reason: optionalText() }).transform((v) => ({ type: 'open_case' as const, reason: v.reason })),
  },
  not_open: {
    label: '不予立案',
    weighty: true,
    fields: [REASON],
    schema: z.object({ reason: text('理由') }).transform((v) => ({ type: 'not_open' as const, reason: v.reason })),
  },
  decide: {
    label: '作出处理决定',
    fields: [
      { name: 'decisionType', label: '决定类型', type: 'select', options: 'decision_types', required: true },
      { name: 'decisionNumber', label: '决定书文号', type: 'text', required: true, hint: '例如：新市监罚〔2026〕88号' },
      { name: 'decision', label: '处理决定', type: 'textarea', required: true },
      { name: 'penalties', label: '处罚种类（可选，多个用顿号分隔，如：警告、罚款）', type: 'text', required: false },
      { name: 'fine', label: '罚款金额（元，可选）', type: 'amount', required: false },
      { name: 'confiscation', label: '没收违法所得金额（元，可选）', type: 'amount', required: false },
      {
        name: 'partyTold',
        label: '决定书已告知当事人该处罚信息将依法公示（《市场监督管理行政处罚信息公示规定》第八条）',
        type: 'checkbox',
        required: false,
      },
      {
        name: 'nonReferralReason',
        label: '不移送公安机关的理由（涉嫌犯罪的案件必填）',
        type: 'textarea',
        required: false,
        hint: '不得以行政处罚代替移送（《行政执法机关移送涉嫌犯罪案件的规定》第十一条）。',
      },
    ],
    schema: z
      .object({
        decisionType: z.enum(Object.keys(DECISION_TYPES) as [DecisionType, ...DecisionType[]], { message: '决定类型：请选择' }),
        decisionNumber: text('决定书文号', 4, 60),
        decision: text('处理决定'),
        penalties: optionalText(200),
        fine: amount('罚款金额'),
        confiscation: amount('没收违法所得金额'),
        nonReferralReason: optionalText(2000),
        partyTold: checkbox,
      })
      .transform((v) => ({
        type: 'decide' as const,
        data: {
          decisionType: v.decisionType,
          decisionNumber: v.decisionNumber,
          decision: v.decision,
          penalties: penaltyKinds(v.penalties),
          fine: v.fine,
          confiscation: v.confiscation,
          ...(v.nonReferralReason ? { nonReferralReason: v.nonReferralReason } : {}),
          ...(v.partyTold ? { partyTold: true } : {}),
        },
      })),
  },
  transfer_out: {
    label: '移送其他主管部门',
    weighty: true,
    fields: [
      { name: 'authority', label: '主管部门', type: 'text', required: true, hint: '例如：新郑市农业农村局' },
      { name: 'reason', label: '理由（将书面告知当事人）', type: 'textarea', required: true },
    ],
    schema: z
      .object({ authority: text('主管部门', 2, 100), reason: text('理由') })
      .transform((v) => ({ type: 'transfer_out' as const, reason: v.reason, data: { authority: v.authority } })),
  },
  answer: {
    label: '答复咨询',
    fields: [{ name: 'answer', label: '答复内容', type: 'textarea', required: true }],
    schema: z.object({ answer: text('答复内容') }).transform((v) => ({ type: 'answer' as const, data: { answer: v.answer } })),
  },
  pause_clock: {
    label: '暂停计时',
    fields: [
      { name: 'clock', label: '期限', type: 'select', options: 'running_clocks', required: true },
      { name: 'pauseReason', label: '不计入期限的情形', type: 'select', options: 'pause_reasons', required: true },
      { name: 'reason', label: '说明', type: 'textarea', required: false },
    ],
    schema: z
      .object({
        clock: z.string({ message: '请选择期限' }).min(1, '请选择期限'),
        pauseReason: z.enum(PAUSE_REASONS, { message: '请选择情形' }),
        reason: optionalText(),
      })
      .transform((v) => ({ type: 'pause_clock' as const, reason: v.reason, data: { clock: v.clock, pauseReason: v.pauseReason } })),
  },
  resume_clock: {
    label: '恢复计时',
    fields: [{ name: 'clock', label: '期限', type: 'select', options: 'paused_clocks', required: true }, NOTE],
    schema: z
      .object({ clock: z.string({ message: '请选择期限' }).min(1, '请选择期限'), reason: optionalText() })
      .transform((v) => ({ type: 'resume_clock' as const, reason: v.reason, data: { clock: v.clock } })),
  },
  extend_clock: {
    label: '批准延长期限',
    fields: [{ name: 'clock', label: '期限', type: 'select', options: 'running_clocks', required: true }, REASON],
    schema: z
      .object({ clock: z.string({ message: '请选择期限' }).min(1, '请选择期限'), reason: text('理由') })
      .transform((v) => ({ type: 'extend_clock' as const, reason: v.reason, data: { clock: v.clock } })),
  },
  close: {
    label: '办结',
    fields: [NOTE],
    schema: z.object({ reason: optionalText() }).transform((v) => ({ type: 'close' as const, reason: v.reason })),
  },
  ask_citizen: {
    label: '向群众提问',
    submit: '发送问题',
    fields: [
      {
        name: 'question',
        label: '问题（群众可在查询页面和微信中看到并回复）',
        type: 'textarea',
        required: true,
        hint: '请只写要问群众的内容，不要写内部意见或他人的个人信息。匿名举报人同样可以回复，身份不会公开。',
      },
    ],
    schema: z
      .object({ question: text('问题', 2, 1000) })
      .transform((v) => ({ type: 'ask_citizen' as const, data: { question: v.question } })),
  },
  /** Issue #14.1: a notice given by phone, letter or in person (notice-record.service.ts validates and records it). */
  record_notice: {
    label: '登记告知情况',
    submit: '登记',
    fields: [
      { name: 'dutyId', label: '告知事项', type: 'select', options: 'pending_notices', required: true },
      { name: 'channel', label: '告知方式', type: 'select', options: 'notice_channels', required: true },
      { name: 'toldTo', label: '告知对象', type: 'text', required: true, hint: '例如：投诉人本人、实名举报人、投诉人的委托代理人' },
      { name: 'givenAt', label: '告知时间', type: 'text', required: true, hint: '实际告知的时间，例如 2026-12-06 09:30；不能晚于现在' },
      { name: 'note', label: '说明（可选）', type: 'textarea', required: false },
    ],
    schema: z
      .object({
        dutyId: z.string({ message: '请选择告知事项' }).min(1, '请选择告知事项'),
        channel: z.string({ message: '请选择告知方式' }).min(1, '请选择告知方式'),
        toldTo: z.string({ message: '请填写告知对象' }),
        givenAt: z.string({ message: '请填写告知时间' }),
        note: z.string().optional(),
      })
      .transform((v) => ({ type: 'record_notice' as const, data: { ...v } })),
  },
  comment: {
    label: '内部备注',
    submit: '添加备注',
    fields: [{ name: 'reason', label: '备注内容（仅内部可见）', type: 'textarea', required: true }],
    schema: z.object({ reason: text('备注内容') }).transform((v) => ({ type: 'comment' as const, reason: v.reason })),
  },
};

/** Assignment goes through the routing service (it checks the handler and notifies them). */
export const ASSIGN_SPEC = {
  label: '分派 / 改派承办人',
  fields: [
    { name: 'assigneeId', label: '承办人', type: 'select', options: 'handlers', required: true },
    { name: 'reason', label: '理由', type: 'textarea', required: true },
  ] satisfies FieldSpec[],
  schema: z.object({ assigneeId: z.string({ message: '请选择承办人' }).uuid('请选择承办人'), reason: text('理由') }),
} as const;

/** Triage corrections go through the triage service (it keeps the original result and records old → new). */
export const RELABEL_SPEC = {
  label: '修改分类标签',
  fields: [
    { name: 'field', label: '修改的标签', type: 'select', options: 'relabel_fields', required: true },
    { name: 'value', label: '改为', type: 'select', options: 'relabel_values', required: true },
    { name: 'reason', label: '理由', type: 'textarea', required: true },
  ] satisfies FieldSpec[],
  schema: z.object({
    field: z.enum(['category', 'urgency'], { message: '请选择要修改的标签' }),
    value: z.string({ message: '请选择新的值' }).min(1, '请选择新的值'),
    reason: text('理由'),
  }),
} as const;

export type FormAction = TransitionEvent;

/** The actions this user may take on this case now, in the machine's order, that have a form. */
export function formActions(c: { kind: CaseKind; status: CaseStatus; opened_at: string | null }, role: Role): TransitionEvent[] {
  const events = availableEvents({ kind: c.kind, status: c.status, openedAt: c.opened_at }, role);
  return events.filter((e) => e === 'assign' || e === 'reassign' || e === 'relabel' || ACTIONS[e] !== undefined);
}

export const actorOf = (u: StaffUser): Actor => ({ role: u.role, id: u.id });

/**
 * Loads the case and refuses (403) when the user may not see it. An unknown id answers exactly the same,
 * so case ids cannot be probed (as scopedCase).
 */
export async function caseInScope(deps: Deps, user: StaffUser, caseId: string) {
  const row = await findCaseById(deps.db, caseId);
  if (!row || !canSeeCase(user, row)) throw new AppError('FORBIDDEN', '无权查看此案件');
  return row;
}

/** Handlers a user may assign to: a supervisor their own unit's; intake clerks and admins any unit's. */
export async function assignableHandlers(deps: Deps, user: StaffUser) {
  let q = deps.db
    .selectFrom('staff_user')
    .innerJoin('unit', 'unit.id', 'staff_user.unit_id')
    .select(['staff_user.id', 'staff_user.display_name', 'unit.name as unit_name', 'staff_user.unit_id'])
    .where('staff_user.role', '=', 'handler')
    .where('staff_user.active', '=', 1);
  if (user.role === 'supervisor') q = q.where('staff_user.unit_id', '=', user.unit_id ?? '');
  return q.orderBy('unit.name').orderBy('staff_user.display_name').execute();
}

/**
 * Runs one action posted from the case page. The form's fields are validated first (VALIDATION with field
 * paths); scope is re-checked; the machine decides; the audit row commits with the transition.
 */
/** Not a state-machine event: folds intake's automatic split back into the filed case (auto-split.service.ts). */
export const UNDO_AUTO_SPLIT = 'undo_auto_split';

export async function runCaseAction(
  deps: Deps,
  user: StaffUser,
  caseId: string,
  event: string,
  form: Record<string, unknown>,
): Promise<{ stillVisible: boolean }> {
  await applyCaseAction(deps, user, caseId, event, form);
  // An intake clerk's assignment hands the case to a station: it leaves the clerk's scope.
  const after = await findCaseById(deps.db, caseId);
  return { stillVisible: !!after && canSeeCase(user, after) };
}

async function applyCaseAction(deps: Deps, user: StaffUser, caseId: string, event: string, form: Record<string, unknown>): Promise<void> {
  const row = await caseInScope(deps, user, caseId);
  const now = deps.clock.now();
  if (event === SPLIT_REPORT) {
    if (Number(form.version) !== row.version) throw new AppError('CONFLICT', '案件已被他人修改，请刷新后重试');
    await splitReportFromComplaint(deps, user, caseId, typeof form.reason === 'string' ? form.reason : '');
    return;
  }
  if (event === UNDO_AUTO_SPLIT) {
    if (Number(form.version) !== row.version) throw new AppError('CONFLICT', '案件已被他人修改，请刷新后重试');
    await undoAutoSplit(deps.db, user, caseId, typeof form.reason === 'string' ? form.reason : '', now);
    return;
  }
  const allowed = formActions(row, user.role);
  if (!(allowed as string[]).includes(event)) throw new AppError('INVALID_TRANSITION', '当前不能对该案件进行此操作');
  const version = Number(form.version);
  if (!Number.isInteger(version)) throw new AppError('VALIDATION', '表单缺少版本信息，请刷新页面后重试');
  if (version !== row.version) throw new AppError('CONFLICT', '案件已被他人修改，请刷新后重试');

  if (event === 'assign' || event === 'reassign') {
    const v = ASSIGN_SPEC.schema.safeParse(form);
    if (!v.success) throw fieldErrors(v.error);
    const handlers = await assignableHandlers(deps, user);
    if (!handlers.some((h) => h.id === v.data.assigneeId))
      throw new AppError('VALIDATION', '只能分派给可选的承办人', [{ path: 'assigneeId', message: '只能分派给可选的承办人' }]);
    await reassignCase(deps, caseId, v.data.assigneeId, actorOf(user), v.data.reason, {
      audit: { actorId: user.id, actorRole: user.role, action: 'case_action', caseId, detail: { event, assigneeId: v.data.assigneeId } },
    });
    return;
  }
  if (event === 'relabel') {
    const v = RELABEL_SPEC.schema.safeParse(form);
    if (!v.success) throw fieldErrors(v.error);
    const change = RelabelSchema.safeParse({ field: v.data.field, value: v.data.value });
    if (!change.success) throw new AppError('VALIDATION', '新的值不适用于该标签', [{ path: 'value', message: '新的值不适用于该标签' }]);
    await relabelCase(deps, caseId, change.data, actorOf(user), v.data.reason, {
      audit: {
        actorId: user.id,
        actorRole: user.role,
        action: 'case_action',
        caseId,
        detail: { event, field: v.data.field, value: v.data.value },
      },
    });
    return;
  }
  const spec = ACTIONS[event as TransitionEvent];
  if (!spec) throw new AppError('INVALID_TRANSITION', '未知操作');
  const parsed = spec.schema.safeParse(form);
  if (!parsed.success) throw fieldErrors(parsed.error);
  const cmd = parsed.data;
  if (cmd.type === 'record_notice') {
    // The record, its case event and the audit row commit together (notice-record.service).
    await recordNoticeGiven(deps, caseId, cmd.data ?? {}, actorOf(user), {
      expectedVersion: version,
      audit: {
        actorId: user.id,
        actorRole: user.role,
        action: 'case_action',
        caseId,
        detail: { event: cmd.type, channel: cmd.data?.channel },
      },
    });
    return;
  }
  if (cmd.type === 'ask_citizen') {
    // The question row commits with the event and the audit row (questions.service).
    await askCitizen(deps, caseId, String(cmd.data?.question ?? ''), actorOf(user), {
      expectedVersion: version,
      alsoWrite: async (trx, _row, result) => {
        await appendAudit(
          trx,
          {
            actorId: user.id,
            actorRole: user.role,
            action: 'case_action',
            caseId,
            detail: { event: cmd.type, from: result.from, to: result.to },
          },
          now,
        );
      },
    });
    return;
  }
  await applyTransition(deps.db, caseId, cmd, actorOf(user), now, {
    expectedVersion: version,
    alsoWrite: async (trx, row, result) => {
      await appendAudit(
        trx,
        {
          actorId: user.id,
          actorRole: user.role,
          action: 'case_action',
          caseId,
          detail: { event: cmd.type, from: result.from, to: result.to },
        },
        now,
      );
      // A decision (penalty, not opened, mediation result, refusal) drafts its publication record at once.
      await draftOnDecision(now, deps.cipher)(trx, row, result);
    },
  });
}

function fieldErrors(error: z.ZodError): AppError {
  const fields = error.issues.map((i) => ({ path: String(i.path[0] ?? 'form'), message: i.message }));
  return new AppError('VALIDATION', fields.map((f) => f.message).join('；'), fields);
}

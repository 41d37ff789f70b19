// The case page: submitted facts, the parties (identity hidden until revealed with a reason), triage labels
// with their reasons, running clocks, the timeline, and one small form per action the machine allows now.
import { CHANNEL_LABELS, STAFF_CHANNELS } from '../../notices/notice-duty.ts';
import { type NextStep, PROVISIONAL, STEP_ACTOR_LABELS, nextStep } from '../../backoffice/next-step.ts';
import { DueText } from './inbox.pages.tsx';
import type { JSX } from 'hono/jsx/jsx-runtime';
import { ACTIONS, ASSIGN_SPEC, type FieldSpec, PAUSE_REASON_LABELS, RELABEL_SPEC } from '../../backoffice/case.actions.ts';
import { type CaseView, PARTY_ROLE_LABELS } from '../../backoffice/case.view.ts';
import type { StaffUser } from '../../backoffice/session.service.ts';
import { DECISION_TYPES, REFUSAL_GROUNDS, type TransitionEvent } from '../../cases/case.machine.ts';
import type { PartyIdentity } from '../../cases/intake.service.ts';
import { ErrorBox, Marks } from './backoffice.pages.tsx';
import { CATEGORY_LABELS, URGENCY_LABELS, categoryLabel, kindLabel, statusLabel, urgencyLabel, when } from './format.ts';
import { BoLayout, CsrfInput } from './layout.tsx';

export interface ActionError {
  event: string;
  messages: string[];
  values: Record<string, string>;
}

export interface CasePageProps {
  /** A reward case exists (its details are for the reward officer only). */
  rewardCase?: boolean;
  /** Intake split this submission and the user may fold it back. */
  undoAutoSplit?: boolean;
  splitReport?: boolean;
  user: StaffUser;
  token: string;
  view: CaseView;
  events: TransitionEvent[];
  handlers: { id: string; display_name: string; unit_name: string }[];
  identities: { role: string; representative?: boolean; identity: PartyIdentity }[] | null;
  identityAllowed: boolean;
  identityError: string | null;
  actionError: ActionError | null;
  flash: string | null;
  now: Date;
  /** The police-referral section (reports only). */
  referralPanel?: JSX.Element | null;
  /** Where the publication record of a decided case is reviewed. */
  dispositionLink?: string | null;
}

const EVENT_LABELS: Partial<Record<string, string>> = {
  submit: '提交',
  triage: '自动分类',
  route_to_intake: '转人工分派',
  assign: '分派',
  reassign: '改派',
  relabel: '修改分类标签',
  escalate: '超期督办',
  answer_citizen: '群众回复了问题',
  confirm_exhibits: '公安机关确认接收涉案物品',
  propose_referral: '提出移送公安机关',
  approve_referral: '批准移送',
  refuse_referral: '不同意移送',
  transfer_to_police: '移送公安机关',
  police_accept: '公安机关立案',
  police_decline: '公安机关不予立案',
  request_reconsideration: '提请公安机关复议',
  return_to_admin: '转回行政处理',
  police_feedback: '公安机关反馈办理结果',
  hand_over_exhibits: '移交涉案物品',
};
const eventLabel = (t: string) => ACTIONS[t as TransitionEvent]?.label ?? EVENT_LABELS[t] ?? t;

function Field(props: { f: FieldSpec; event: string; value: string | undefined; p: CasePageProps }) {
  const { f, event } = props;
  const id = `${event}-${f.name}`;
  const label = (
    <label for={id}>
      {f.label}
      {f.required ? <span class="req">（必填）</span> : null}
    </label>
  );
  const hint = f.hint ? (
    <p class="hint" id={`${id}-hint`}>
      {f.hint}
    </p>
  ) : null;
  const describedBy = f.hint ? `${id}-hint` : undefined;
  if (f.type === 'checkbox') {
    return (
      <div class="choice">
        <input type="checkbox" id={id} name={f.name} value="on" checked={props.value === 'on'} />
        {label}
      </div>
    );
  }
  if (f.type === 'textarea') {
    return (
      <div class="field">
        {label}
        {hint}
        <textarea id={id} name={f.name} rows={3} aria-describedby={describedBy}>
          {props.value ?? ''}
        </textarea>
      </div>
    );
  }
  if (f.type === 'select') {
    const v = props.p.view;
    if (f.options === 'relabel_values') {
      return (
        <div class="field">
          {label}
          <select id={id} name={f.name}>
            <option value="">请选择</option>
            <optgroup label="类别">
              {Object.entries(CATEGORY_LABELS).map(([val, text]) => (
                <option value={val} selected={props.value === val}>
                  {text}
                </option>
              ))}
            </optgroup>
            <optgroup label="紧急程度">
              {Object.entries(URGENCY_LABELS).map(([val, text]) => (
                <option value={val} selected={props.value === val}>
                  {text}
                </option>
              ))}
            </optgroup>
          </select>
        </div>
      );
    }
    const options: [string, string][] =
      f.options === 'relabel_fields'
        ? [
            ['category', '类别'],
            ['urgency', '紧急程度'],
          ]
        : f.options === 'refusal_grounds'
          ? Object.entries(REFUSAL_GROUNDS).map(([k, t], i) => [k, `（${i + 1}）${t}`])
          : f.options === 'decision_types'
            ? Object.entries(DECISION_TYPES)
            : f.options === 'pause_reasons'
              ? [...new Set(v.clocks.flatMap((c) => c.pausable))].map((r) => [
                  r,
                  PAUSE_REASON_LABELS[r as keyof typeof PAUSE_REASON_LABELS] ?? r,
                ])
              : f.options === 'running_clocks'
                ? v.clocks
                    .filter(
                      (c) =>
                        c.status === 'running' &&
                        (event !== 'extend_clock' || c.extendable) &&
                        (event !== 'pause_clock' || c.pausable.length > 0),
                    )
                    .map((c) => [c.clock, `${c.clock} ${c.name}`])
                : f.options === 'paused_clocks'
                  ? v.clocks.filter((c) => c.status === 'paused').map((c) => [c.clock, `${c.clock} ${c.name}`])
                  : f.options === 'pending_notices'
                    ? v.duties.filter((d) => d.status === 'pending').map((d) => [d.id, `${d.createdAt} ${d.text.slice(0, 40)}`])
                    : f.options === 'notice_channels'
                      ? STAFF_CHANNELS.map((ch) => [ch, CHANNEL_LABELS[ch]])
                      : props.p.handlers.map((h) => [h.id, `${h.display_name}（${h.unit_name}）`]);
    return (
      <div class="field">
        {label}
        {hint}
        <select id={id} name={f.name} aria-describedby={describedBy}>
          <option value="">请选择</option>
          {options.map(([val, text]) => (
            <option value={val} selected={props.value === val}>
              {text}
            </option>
          ))}
        </select>
      </div>
    );
  }
  return (
    <div class="field">
      {label}
      {hint}
      <input
        type="text"
        id={id}
        name={f.name}
        value={props.value ?? ''}
        inputmode={f.type === 'amount' ? 'decimal' : undefined}
        aria-describedby={describedBy}
      />
    </div>
  );
}

/** Folds intake's automatic split back: the added case is merged into the one the citizen filed. */
function UndoAutoSplitForm(props: { p: CasePageProps }) {
  const { p } = props;
  const err = p.actionError?.event === 'undo_auto_split' ? p.actionError : null;
  return (
    <details class="action" open={err ? true : undefined}>
      <summary>撤销自动拆分</summary>
      <form method="post" action={`/staff/cases/${p.view.row.id}/actions/undo_auto_split`} novalidate>
        <CsrfInput token={p.token} />
        <input type="hidden" name="version" value={String(p.view.row.version)} />
        {err ? <ErrorBox messages={err.messages} /> : null}
        <p class="hint">系统按内容把这件提交拆成了投诉和举报两件。若内容其实只有一种诉求，撤销后拆出的那一件并入市民原选的那一件。</p>
        <label for="undo-reason">理由</label>
        <textarea id="undo-reason" name="reason" rows={2} required>
          {err?.values.reason ?? ''}
        </textarea>
        <div class="actions">
          <button type="submit">撤销拆分</button>
        </div>
      </form>
    </details>
  );
}

function SplitReportForm(props: { p: CasePageProps }) {
  const { p } = props;
  const err = p.actionError?.event === 'split_report' ? p.actionError : null;
  return (
    <details class="action" open={err ? true : undefined}>
      <summary>拆分举报线索</summary>
      <form method="post" action={`/staff/cases/${p.view.row.id}/actions/split_report`} novalidate>
        <CsrfInput token={p.token} />
        <input type="hidden" name="version" value={String(p.view.row.version)} />
        {err ? <ErrorBox messages={err.messages} /> : null}
        <p class="hint">
          投诉中反映的违法行为另作举报办理（《市场监督管理投诉举报处理办法》第九条）：新建一件举报，与本投诉关联，按举报另行核查（15个工作日）。
        </p>
        <label for="split-reason">涉嫌的违法行为</label>
        <textarea id="split-reason" name="reason" rows={2} required>
          {err?.values.reason ?? ''}
        </textarea>
        <div class="actions">
          <button type="submit">拆分为举报</button>
        </div>
      </form>
    </details>
  );
}

function ActionForm(props: { event: TransitionEvent; p: CasePageProps }) {
  const { event, p } = props;
  const spec =
    event === 'assign' || event === 'reassign'
      ? {
          label: event === 'assign' ? '分派承办人' : '改派承办人',
          fields: ASSIGN_SPEC.fields as FieldSpec[],
          weighty: false,
          submit: undefined,
        }
      : event === 'relabel'
        ? { label: RELABEL_SPEC.label, fields: RELABEL_SPEC.fields as FieldSpec[], weighty: false, submit: undefined }
        : ACTIONS[event];
  if (!spec) return null;
  const err = p.actionError?.event === event ? p.actionError : null;
  return (
    <details class={spec.weighty ? 'action weighty' : 'action'} open={err ? true : undefined}>
      <summary>{spec.label}</summary>
      <form method="post" action={`/staff/cases/${p.view.row.id}/actions/${event}`} novalidate>
        <CsrfInput token={p.token} />
        <input type="hidden" name="version" value={String(p.view.row.version)} />
        {err ? <ErrorBox messages={err.messages} /> : null}
        {spec.fields.map((f) => (
          <Field f={f} event={event} value={err?.values[f.name]} p={p} />
        ))}
        <div class="actions">
          <button type="submit" class={spec.weighty ? 'secondary' : undefined}>
            {spec.submit ?? spec.label}
          </button>
        </div>
      </form>
    </details>
  );
}

function eventDetail(data: string | null): string {
  if (!data) return '';
  try {
    const d = JSON.parse(data) as Record<string, unknown>;
    const parts: string[] = [];
    if (typeof d.ground === 'string') parts.push(REFUSAL_GROUNDS[d.ground as keyof typeof REFUSAL_GROUNDS] ?? d.ground);
    for (const k of ['authority', 'agreement', 'decision', 'penalty', 'answer', 'question', 'clock'] as const)
      if (typeof d[k] === 'string') parts.push(String(d[k]));
    if (d.field === 'category' || d.field === 'urgency') {
      const label = d.field === 'category' ? categoryLabel : urgencyLabel;
      parts.push(
        `${d.field === 'category' ? '类别' : '紧急程度'}：${label(typeof d.from === 'string' ? d.from : null)} → ${label(typeof d.to === 'string' ? d.to : null)}`,
      );
    }
    if (typeof d.fine === 'string') parts.push(`罚款 ${d.fine} 元`);
    if (typeof d.confiscation === 'string') parts.push(`没收 ${d.confiscation} 元`);
    if (typeof d.pauseReason === 'string')
      parts.push(PAUSE_REASON_LABELS[d.pauseReason as keyof typeof PAUSE_REASON_LABELS] ?? d.pauseReason);
    return parts.join('；');
  } catch {
    return '';
  }
}

/** What is expected next, by whom, by when: 「下一步：等待所长决定是否立案（12月8日前）」. */
function NextStepBox(props: { step: NextStep | null; nowIso: string; role: string }) {
  const s = props.step;
  if (!s) return null;
  const mine =
    (s.who === 'handler' && (props.role === 'handler' || props.role === 'supervisor')) ||
    (s.who === 'supervisor' && props.role === 'supervisor') ||
    (s.who === 'director' && props.role === 'director') ||
    (s.who === 'intake' && (props.role === 'intake_clerk' || props.role === 'admin'));
  return (
    <div class="next-step" role="note">
      <p>
        <strong>下一步：</strong>
        {mine ? s.what : `等待${STEP_ACTOR_LABELS[s.who]}${s.what}`}
        {s.dueAt ? (
          <>
            （<DueText dueAt={s.dueAt} provisional={s.provisional} nowIso={props.nowIso} />）
          </>
        ) : null}
      </p>
      {s.who === 'supervisor' && props.role === 'handler' ? (
        <p class="hint">此步骤须由所长（负责人）作出，承办人无此操作权限；如期限临近，请提醒所长。</p>
      ) : null}
    </div>
  );
}

export function CasePage(p: CasePageProps) {
  const { view } = p;
  const c = view.row;
  const nowIso = p.now.toISOString();
  const late = c.overdue === 1 || view.clocks.some((k) => k.status === 'running' && k.dueAt !== null && k.dueAt < nowIso);
  const facts: [string, string | null][] = [
    ['类型', kindLabel(c.kind)],
    ['渠道', c.channel],
    ['接收时间', when(c.received_at)],
    ['被投诉举报单位', c.business_name],
    ['单位地址', c.business_address],
    ['乡镇街道', c.township],
    ['地点', c.place],
    ['涉及产品', c.product],
    ['发生时间', c.incident_at],
    ['事实与理由', c.description],
    ['投诉请求', c.citizen_request],
    ['匿名', c.anonymous === 1 ? '是' : '否'],
    ['申请举报奖励', c.wants_reward === 1 ? (p.rewardCase ? '是（已立奖励案件，由举报奖励专员办理）' : '是') : '否'],
    ['同意公开', c.consent_publish === 1 ? '是' : '否'],
  ];
  return (
    <BoLayout title={`案件 ${c.number}`} nav={null} user={p.user} token={p.token}>
      <h1>
        案件 {c.number} <Marks urgency={c.urgency} overdue={late} />
      </h1>
      <p class="status-now">
        {kindLabel(c.kind)} · 当前状态：<strong>{statusLabel(c.status)}</strong> · 承办单位：{view.unitName ?? '未分派'} · 承办人：
        {view.assigneeName ?? '未分派'}
      </p>
      {p.flash ? (
        <p class="flash" role="status">
          {p.flash}
        </p>
      ) : null}
      <NextStepBox step={nextStep(c.kind, c.status, view.clocks)} nowIso={nowIso} role={p.user.role} />
      <div class="grid">
        <div>
          <section aria-labelledby="facts-h">
            <h2 id="facts-h">提交的内容</h2>
            <dl class="facts">
              {facts
                .filter(([, v]) => v !== null && v !== '')
                .map(([k, v]) => (
                  <>
                    <dt>{k}</dt>
                    <dd>{v}</dd>
                  </>
                ))}
            </dl>
            <p>证据材料：{view.evidence.length ? `${view.evidence.length} 个文件` : '无'}</p>
            {view.evidence.length ? (
              <ul class="evidence">
                {view.evidence.map((e, i) => {
                  const href = `/staff/cases/${encodeURIComponent(c.id)}/evidence/${encodeURIComponent(e.id)}`;
                  return (
                    <li>
                      {e.mime.startsWith('image/') && e.mime !== 'image/heic' ? (
                        <a href={href}>
                          <img src={href} alt={`证据照片 ${i + 1}`} width={160} loading="lazy" />
                        </a>
                      ) : (
                        <a
                          href={href}
                        >{`证据 ${i + 1}（${e.mime === 'application/pdf' ? 'PDF' : e.mime.startsWith('video/') ? '视频' : e.mime}，${Math.ceil(e.size / 1024)} KB）`}</a>
                      )}
                    </li>
                  );
                })}
              </ul>
            ) : null}
            {view.related.length ? (
              <p>
                关联案件：
                {view.related.map((r) => (
                  <>
                    <a href={`/staff/cases/${r.id}`}>{r.number}</a>{' '}
                  </>
                ))}
              </p>
            ) : null}
          </section>

          <section aria-labelledby="identity-h">
            <h2 id="identity-h">当事人身份信息</h2>
            {view.parties.length === 0 ? (
              <p>无（匿名或咨询）。</p>
            ) : p.identities ? (
              <div class="identity" role="status">
                <p class="hint">本次查看已记入审计日志。请勿向无关人员及被投诉举报人透露。</p>
                {p.identities.map((i) => (
                  <dl class="facts">
                    <dt>
                      {PARTY_ROLE_LABELS[i.role] ?? i.role}
                      {i.representative ? '（代表人）' : ''}
                    </dt>
                    <dd>{i.identity.name}</dd>
                    <dt>电话</dt>
                    <dd>{i.identity.phone}</dd>
                    {i.identity.address ? (
                      <>
                        <dt>地址</dt>
                        <dd>{i.identity.address}</dd>
                      </>
                    ) : null}
                    {i.identity.authorisation ? (
                      <>
                        <dt>授权委托</dt>
                        <dd>{i.identity.authorisation}</dd>
                      </>
                    ) : null}
                    {i.identity.idNumber ? (
                      <>
                        <dt>证件号码</dt>
                        <dd>{i.identity.idNumber}</dd>
                      </>
                    ) : null}
                  </dl>
                ))}
              </div>
            ) : p.identityAllowed ? (
              <form method="post" action={`/staff/cases/${c.id}/identity`} novalidate>
                <p>身份信息默认隐藏。查看须说明理由，查看人、时间和理由将记入审计日志。</p>
                <CsrfInput token={p.token} />
                {p.identityError ? <ErrorBox messages={[p.identityError]} /> : null}
                <div class="field">
                  <label for="identity-reason">查看理由</label>
                  <input type="text" id="identity-reason" name="reason" required />
                </div>
                <button type="submit" class="secondary">
                  查看身份信息
                </button>
              </form>
            ) : (
              <p>身份信息已隐藏（只有承办该案件的人员可以查看）。</p>
            )}
          </section>

          {view.questions.length ? (
            <section aria-labelledby="questions-h" id="questions">
              <h2 id="questions-h">向群众提出的问题</h2>
              <ol>
                {view.questions.map((q) => (
                  <li>
                    <p>
                      <time datetime={q.askedAt}>{when(q.askedAt)}</time> {q.askedBy ?? ''}问：{q.question}
                    </p>
                    {q.answer !== null && q.answeredAt ? (
                      <p class="answer">
                        <time datetime={q.answeredAt}>{when(q.answeredAt)}</time> 回复（
                        {q.answerChannel === 'wechat' ? '微信' : q.answerChannel === 'web' ? '网页' : '接口'}）：{q.answer}
                      </p>
                    ) : (
                      <p class="hint">尚未回复</p>
                    )}
                  </li>
                ))}
              </ol>
            </section>
          ) : null}

          <section aria-labelledby="timeline-h">
            <h2 id="timeline-h">办理记录</h2>
            <ol class="timeline">
              {view.events.map((e) => (
                <li>
                  <time datetime={e.at}>{when(e.at)}</time> {eventLabel(e.type)}
                  {e.to_status && e.from_status !== e.to_status ? ` → ${statusLabel(e.to_status)}` : ''}
                  {e.public ? '' : '（内部）'}
                  {e.reason ? <p>{e.reason}</p> : null}
                  {eventDetail(e.data) ? <p class="hint">{eventDetail(e.data)}</p> : null}
                </li>
              ))}
            </ol>
          </section>
        </div>
        <div>
          <section aria-labelledby="clocks-h">
            <h2 id="clocks-h">办理期限</h2>
            {view.clocks.length === 0 ? (
              <p>没有正在计时的期限。</p>
            ) : (
              <ul>
                {view.clocks.map((k) => (
                  <li>
                    <strong>
                      {k.clock} {k.name}
                    </strong>
                    ：
                    {k.status === 'paused' ? (
                      <span class="tag tag-paused">已暂停</span>
                    ) : k.dueAt ? (
                      <>
                        {when(k.dueAt)} 到期
                        {k.problem === PROVISIONAL ? <span class="tag tag-provisional">暂定</span> : null}
                      </>
                    ) : k.problem === 'calendar_horizon' ? (
                      '到期时间待国务院公布下一年度节假日安排后确定'
                    ) : (
                      '到期时间待定'
                    )}
                    {k.status === 'running' && k.dueAt && k.dueAt < nowIso ? <span class="tag tag-overdue">已超期</span> : null}
                    {k.extensions ? `（已延长 ${k.extensions} 次）` : ''}
                  </li>
                ))}
              </ul>
            )}
          </section>
          {view.duties.length ? (
            <section aria-labelledby="duties-h">
              <h2 id="duties-h">告知事项</h2>
              {view.row.closed_at && view.dutyClocks.length ? (
                <p class="hint">案件已办结，以下义务仍在计时：{view.dutyClocks.join('、')}</p>
              ) : null}
              <ul id="duties">
                {view.duties.map((d) => (
                  <li>
                    {d.text}：
                    {d.status === 'pending' ? (
                      <span class="tag tag-overdue">尚未告知{d.clock ? `（${d.clock} 在计时）` : ''}</span>
                    ) : (
                      <span>
                        已于 {d.givenAt} 通过{d.channelLabel}告知{d.toldTo ? `${d.toldTo}` : ''}
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <section aria-labelledby="triage-h">
            <h2 id="triage-h">分类标签</h2>
            <dl class="facts">
              <dt>类别</dt>
              <dd>{categoryLabel(view.triage.category)}</dd>
              <dt>紧急程度</dt>
              <dd>{urgencyLabel(view.triage.urgency)}</dd>
              <dt>涉嫌犯罪</dt>
              <dd>{view.triage.suspectedCrime ? `是（${view.triage.crimeBasis.join('、') || '依据待补充'}）` : '否'}</dd>
            </dl>
            {view.triage.reasons.length ? (
              <details>
                <summary>分类依据</summary>
                <ul>
                  {view.triage.reasons.map((r) => (
                    <li>
                      {r.field}：{r.evidence}（{r.rule}）
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
            {view.flags.length ? (
              <div class="warning">
                <p>提示：</p>
                <ul>
                  {view.flags.map((f) => (
                    <li>{f}</li>
                  ))}
                </ul>
              </div>
            ) : null}
          </section>
          <section aria-labelledby="actions-h">
            <h2 id="actions-h">办理操作</h2>
            {p.events.length === 0 && !p.undoAutoSplit && !p.splitReport ? (
              <p>当前没有您可以进行的操作。</p>
            ) : (
              p.events.map((e) => <ActionForm event={e} p={p} />)
            )}
            {p.undoAutoSplit ? <UndoAutoSplitForm p={p} /> : null}
            {p.splitReport ? <SplitReportForm p={p} /> : null}
          </section>
          {p.referralPanel ?? null}
          {p.dispositionLink ? (
            <section aria-labelledby="disposition-h">
              <h2 id="disposition-h">结果公开</h2>
              <p>
                <a href={p.dispositionLink}>审核将要公开的处理结果</a>（应在决定作出后20个工作日内公开）
              </p>
            </section>
          ) : null}
        </div>
      </div>
    </BoLayout>
  );
}

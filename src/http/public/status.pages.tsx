// Status lookup: case number + query code (a POST, so the code is never in a URL) → public status,
// public timeline, running deadlines and any question staff asked.
import { z } from 'zod';
import { CASE_NUMBER_EXAMPLE, CASE_NUMBER_FORMAT_ZH, CASE_NUMBER_RE } from '../../cases/case-number.ts';
import type { PublicCaseStatus } from '../../cases/public-status.query.ts';
import { toHalfWidth } from '../../cases/submission.schema.ts';
import { CSRF_FIELD } from './csrf.ts';
import { ACCEPTED_TYPES_LABEL } from '../../cases/evidence.store.ts';
import { CsrfField } from './form.components.tsx';
import { FILE_ACCEPT } from './submit.pages.tsx';
import { cstText } from './format.ts';
import { Layout } from './layout.tsx';
import type { StaffQuestion } from './staff-questions.ts';

export const LookupSchema = z.object({
  number: z
    .string({ error: '请填写案件编号' })
    .transform((s) =>
      toHalfWidth(s)
        .replace(/\s/g, '')
        .replace(/[—－–]/g, '-')
        .toUpperCase(),
    )
    .pipe(
      z
        .string()
        .min(1, { error: '请填写案件编号' })
        .regex(CASE_NUMBER_RE, { error: `案件编号格式应为${CASE_NUMBER_FORMAT_ZH}，例如 ${CASE_NUMBER_EXAMPLE}` }),
    ),
  code: z.string({ error: '请填写查询码' }).trim().min(1, { error: '请填写查询码' }).max(64, { error: '查询码不正确，请核对' }),
});
export type Lookup = z.output<typeof LookupSchema>;

export type LookupSlot = 'number' | 'code' | 'general';
export interface LookupState {
  values: { number: string; code: string };
  errors: Map<LookupSlot, string[]>;
}

function LookupField(props: { state: LookupState; slot: 'number' | 'code'; label: string; hint: string; autocomplete: string }) {
  const { state, slot } = props;
  const err = state.errors.get(slot);
  const id = `f-${slot}`;
  return (
    <div class={err ? 'field field-error' : 'field'}>
      <label for={id}>{props.label}</label>
      <p class="hint" id={`h-${slot}`}>
        {props.hint}
      </p>
      {err ? (
        <div class="error-message" id={`e-${slot}`}>
          {err.map((m) => (
            <p>
              <span class="visually-hidden">错误：</span>
              {m}
            </p>
          ))}
        </div>
      ) : null}
      <input
        type="text"
        id={id}
        name={slot}
        value={state.values[slot]}
        class="code"
        autocomplete={props.autocomplete}
        autocapitalize="characters"
        spellcheck={false}
        aria-required="true"
        aria-describedby={err ? `h-${slot} e-${slot}` : `h-${slot}`}
        aria-invalid={err ? 'true' : undefined}
      />
    </div>
  );
}

export function LookupPage(props: { state: LookupState; token: string }) {
  const { state } = props;
  const items = (['general', 'number', 'code'] as const).flatMap((slot) =>
    (state.errors.get(slot) ?? []).map((message) => ({ slot, message })),
  );
  return (
    <Layout title={items.length ? '有错误：查询办理进度' : '查询办理进度'} nav="status">
      <h1>查询办理进度</h1>
      {items.length ? (
        <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1} autofocus>
          <h2 id="error-summary-title">没有查到</h2>
          <ul>
            {items.map((i) => (
              <li>{i.slot === 'general' ? i.message : <a href={`#f-${i.slot}`}>{i.message}</a>}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <p class="lead">请输入提交时得到的案件编号和查询码。</p>
      <form method="post" action="/status" novalidate>
        <CsrfField name={CSRF_FIELD} token={props.token} />
        <LookupField state={state} slot="number" label="案件编号" hint={`例如 ${CASE_NUMBER_EXAMPLE}`} autocomplete="off" />
        <LookupField
          state={state}
          slot="code"
          label="查询码"
          hint="提交时显示的查询码，不区分大小写，可以不输入短横线"
          autocomplete="off"
        />
        <div class="actions">
          <button type="submit">查询</button>
        </div>
      </form>
      <p class="hint">查询码丢失后无法找回。如有疑问请拨打 12315。</p>
    </Layout>
  );
}

export interface AnswerFormState {
  questionId: string;
  answer: string;
  errors: string[];
}

function AnswerForm(props: { number: string; code: string; token: string; questionId: string; state: AnswerFormState | null }) {
  const st = props.state && props.state.questionId === props.questionId ? props.state : null;
  const id = `answer-${props.questionId}`;
  return (
    <form method="post" action="/status/answer" class="answer-form" enctype="multipart/form-data">
      <CsrfField name={CSRF_FIELD} token={props.token} />
      <input type="hidden" name="number" value={props.number} />
      <input type="hidden" name="code" value={props.code} />
      <input type="hidden" name="questionId" value={props.questionId} />
      <div class={st?.errors.length ? 'field field-error' : 'field'}>
        <label for={id}>您的回复</label>
        {st?.errors.map((m) => (
          <p class="error-message" id={`${id}-error`}>
            {m}
          </p>
        ))}
        <textarea id={id} name="answer" rows={4} maxlength={2000} required>
          {st?.answer ?? ''}
        </textarea>
      </div>
      <div class="field">
        <label for={`${id}-files`}>照片或其他材料（可选）</label>
        <p class="hint" id={`${id}-files-hint`}>
          {ACCEPTED_TYPES_LABEL}。{st ? '如上次选过文件，请重新选择。' : ''}
        </p>
        <input type="file" id={`${id}-files`} name="files" multiple accept={FILE_ACCEPT} aria-describedby={`${id}-files-hint`} />
      </div>
      <button type="submit">提交回复</button>
    </form>
  );
}

export function StatusPage(props: {
  status: PublicCaseStatus;
  questions: StaffQuestion[];
  code: string;
  token: string;
  answer?: AnswerFormState | null;
  flash?: string | null;
}) {
  const s = props.status;
  return (
    <Layout title={`办理进度 ${s.number}`} nav="status">
      <h1>办理进度</h1>
      {props.flash ? (
        <p class="notice" role="status" id="flash">
          {props.flash}
        </p>
      ) : null}
      <dl class="receipt">
        <dt>案件编号</dt>
        <dd class="case-number mono">{s.number}</dd>
        <dt>类型</dt>
        <dd>{s.kindLabel}</dd>
        <dt>收到时间</dt>
        <dd>{cstText(s.receivedAt)}</dd>
        <dt>当前状态</dt>
        <dd class="status-now" id="status-now">
          {s.status}
        </dd>
      </dl>

      {props.questions.length ? (
        <section aria-labelledby="questions-title" id="questions">
          <h2 id="questions-title">工作人员的问题</h2>
          <ul>
            {props.questions.map((q) => (
              <li>
                <time datetime={q.askedAt}>{cstText(q.askedAt)}</time>：{q.text}
                {q.id && q.answered ? <p class="hint">（您已回复）</p> : null}
                {q.id && !q.answered ? (
                  <AnswerForm number={s.number} code={props.code} token={props.token} questionId={q.id} state={props.answer ?? null} />
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {s.notices.length ? (
        <section aria-labelledby="notices-h">
          <h2 id="notices-h">告知事项</h2>
          <ul id="notices">
            {s.notices.map((n) => (
              <li>
                <time datetime={n.at}>{cstText(n.at)}</time>：{n.text}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <h2>办理时限</h2>
      {s.deadlines.length ? (
        <ul id="deadlines">
          {s.deadlines.map((d) => (
            <li>{d.text}</li>
          ))}
        </ul>
      ) : (
        <p id="deadlines">目前没有正在计算的法定时限。</p>
      )}

      <h2>办理经过</h2>
      <ol class="timeline" id="timeline">
        {s.timeline.map((e) => (
          <li>
            <time datetime={e.at}>{cstText(e.at)}</time>
            {e.text}
          </li>
        ))}
      </ol>

      {s.reward ? (
        <section aria-labelledby="reward-title" id="reward">
          <h2 id="reward-title">举报奖励</h2>
          <p>
            {s.reward.status}
            {s.reward.claimDue && s.reward.decision === null
              ? `。请于 ${s.reward.claimDue}${s.reward.claimDueProvisional ? '（暂定）' : ''} 前申领`
              : ''}
            {s.reward.reason ? `。理由：${s.reward.reason}` : ''}
            {s.reward.amountYuan !== null ? `。金额 ${s.reward.amountYuan} 元` : ''}
          </p>
          <p>
            <a href="/reward">领取举报奖励</a>（需要案件编号、查询码和领奖密码）
          </p>
        </section>
      ) : null}

      {s.publishedRef ? (
        <section aria-labelledby="published-title" id="published">
          <h2 id="published-title">处理结果已公开</h2>
          <p>
            <a href={`/results/${encodeURIComponent(s.publishedRef)}`}>查看公开的处理结果（{s.publishedRef}）</a>
          </p>
          <p class="hint">公开记录已隐去个人信息，不显示您的姓名和联系方式。</p>
        </section>
      ) : null}

      {s.relatedNumbers.length ? (
        <>
          <h2>同一次提交的其他案件</h2>
          <ul>
            {s.relatedNumbers.map((n) => (
              <li>
                <span class="mono">{n}</span>{' '}
                <form method="post" action="/status" class="inline-form">
                  <CsrfField name={CSRF_FIELD} token={props.token} />
                  <input type="hidden" name="number" value={n} />
                  <input type="hidden" name="code" value={props.code} />
                  <button type="submit" class="secondary" aria-label={`查看案件 ${n} 的办理进度`}>
                    查看
                  </button>
                </form>
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <div class="actions">
        <a class="button secondary" href="/status">
          查询其他案件
        </a>
      </div>
    </Layout>
  );
}

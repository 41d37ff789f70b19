// The intake clerk's form for a phone call, letter or visit (issue #14.7): the real receipt time, the
// submission, an agent with authorisation (Art. 11), co-complainants of a joint complaint (Art. 12).
import type { StaffUser } from '../../backoffice/session.service.ts';
import { STAFF_INTAKE_WAYS, STAFF_INTAKE_WAY_LABELS } from '../../cases/staff-intake.service.ts';
import { ErrorBox } from './backoffice.pages.tsx';
import { BoLayout, CsrfInput } from './layout.tsx';

export interface IntakeDone {
  numbers: string[];
  queryCode: string;
  receivedAt: string;
}

function Input(props: { name: string; label: string; value: Record<string, string>; hint?: string; textarea?: boolean }) {
  const id = `f-${props.name}`;
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      {props.hint ? (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {props.textarea ? (
        <textarea id={id} name={props.name} rows={4} aria-describedby={props.hint ? `${id}-hint` : undefined}>
          {props.value[props.name] ?? ''}
        </textarea>
      ) : (
        <input
          id={id}
          name={props.name}
          type="text"
          value={props.value[props.name] ?? ''}
          aria-describedby={props.hint ? `${id}-hint` : undefined}
        />
      )}
    </div>
  );
}

function Choice(props: { name: string; label: string; value: Record<string, string>; options: readonly (readonly [string, string])[] }) {
  const id = `f-${props.name}`;
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <select id={id} name={props.name}>
        <option value="">请选择</option>
        {props.options.map(([v, l]) => (
          <option value={v} selected={props.value[props.name] === v}>
            {l}
          </option>
        ))}
      </select>
    </div>
  );
}

export function StaffIntakePage(p: {
  user: StaffUser;
  token: string;
  errors: string[];
  values: Record<string, string>;
  done: IntakeDone | null;
}) {
  const v = p.values;
  return (
    <BoLayout title="登记来电、来信、来访" nav="intake" user={p.user} token={p.token}>
      <h1>登记来电、来信、来访</h1>
      <p>收到时间按本局实际收到的时间填写（不能晚于现在，最多 30 天前），办理期限从该时间起算；登记情况记入审计日志。</p>
      {p.done ? (
        <div class="flash" role="status">
          <p>
            已登记，案件编号 {p.done.numbers.join('、')}，收到时间 {p.done.receivedAt}。
          </p>
          <p>
            查询码 <strong class="mono">{p.done.queryCode}</strong>（只显示这一次，请告知当事人或随书面回复寄送）。
          </p>
        </div>
      ) : null}
      <ErrorBox messages={p.errors} />
      <form method="post" action="/staff/intake" class="action" novalidate>
        <CsrfInput token={p.token} />
        <Choice name="way" label="收到方式" value={v} options={STAFF_INTAKE_WAYS.map((w) => [w, STAFF_INTAKE_WAY_LABELS[w]] as const)} />
        <Input name="receivedAt" label="实际收到时间" value={v} hint="例如 2026-12-06 09:30" />
        <Choice
          name="kind"
          label="类型"
          value={v}
          options={[
            ['complaint', '投诉'],
            ['report', '举报'],
            ['both', '投诉并举报'],
          ]}
        />
        <Input name="description" label="反映的问题" value={v} textarea />
        <Input name="businessName" label="涉事单位名称" value={v} />
        <Input name="businessAddress" label="涉事单位地址" value={v} />
        <Input name="township" label="乡镇（街道）" value={v} />
        <Input name="request" label="投诉请求（投诉必填）" value={v} />
        <fieldset>
          <legend>投诉人 / 实名举报人（共同投诉时为代表人）</legend>
          <Input name="name" label="姓名" value={v} />
          <Input name="phone" label="联系电话" value={v} />
          <Input name="address" label="联系地址" value={v} />
          <div class="choice">
            <input type="checkbox" id="f-anonymous" name="anonymous" value="on" checked={v.anonymous === 'on'} />
            <label for="f-anonymous">匿名举报（不登记个人信息）</label>
          </div>
        </fieldset>
        <fieldset>
          <legend>委托代理人（《市场监督管理投诉举报处理办法》第十一条，可选）</legend>
          <Input name="agentName" label="代理人姓名" value={v} />
          <Input name="agentPhone" label="代理人电话" value={v} />
          <Input name="agentAddress" label="代理人地址" value={v} />
          <Input name="authorisation" label="授权委托书情况" value={v} hint="例如：2026-12-01 授权委托书，委托事项为投诉及调解" />
        </fieldset>
        <Input
          name="coComplainants"
          label="其他共同投诉人（第十二条，可选）"
          value={v}
          textarea
          hint="每行一人：姓名，电话，地址。填写后，上面的投诉人为代表人。"
        />
        <button type="submit">登记</button>
      </form>
    </BoLayout>
  );
}

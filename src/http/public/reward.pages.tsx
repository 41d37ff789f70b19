// 领取举报奖励: the reporter claims with the case number, the query code and the claim password (anonymous
// reporters too). Number, code and password travel in POST bodies only, never in a URL.
import type { PublicReward } from '../../rewards/reward.service.ts';
import { PAYMENT_METHODS } from '../../rewards/reward.service.ts';
import { CASE_NUMBER_EXAMPLE } from '../../cases/case-number.ts';
import { CSRF_FIELD } from './csrf.ts';
import { CsrfField } from './form.components.tsx';
import { Layout } from './layout.tsx';

export interface RewardCreds {
  number: string;
  code: string;
  password: string;
}

function Errors(props: { errors: string[] }) {
  return props.errors.length ? (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1} autofocus>
      <h2 id="error-summary-title">请检查</h2>
      <ul>
        {props.errors.map((m) => (
          <li>{m}</li>
        ))}
      </ul>
    </div>
  ) : null;
}

function Field(props: { name: string; label: string; hint?: string; type?: string; value?: string; autocomplete?: string }) {
  return (
    <div class="field">
      <label for={`f-${props.name}`}>{props.label}</label>
      {props.hint ? (
        <p class="hint" id={`h-${props.name}`}>
          {props.hint}
        </p>
      ) : null}
      <input
        type={props.type ?? 'text'}
        id={`f-${props.name}`}
        name={props.name}
        value={props.value ?? ''}
        autocomplete={props.autocomplete ?? 'off'}
        aria-describedby={props.hint ? `h-${props.name}` : undefined}
      />
    </div>
  );
}

export function RewardLookupPage(props: { token: string; number?: string; errors: string[] }) {
  return (
    <Layout title="领取举报奖励" nav="status">
      <h1>领取举报奖励</h1>
      <Errors errors={props.errors} />
      <p class="lead">
        举报的案件依法处理完毕、符合奖励条件的，我们会通过微信或查询页面告诉您。请在申领期限内输入案件编号、查询码和申请奖励时设置的领奖密码。匿名举报也可以领取，领取时需向奖励专员提供身份和收款方式，这些信息加密保存，只有奖励专员可以查看。
      </p>
      <form method="post" action="/reward" novalidate>
        <CsrfField name={CSRF_FIELD} token={props.token} />
        <Field name="number" label="案件编号" hint={`例如 ${CASE_NUMBER_EXAMPLE}`} value={props.number ?? ''} />
        <Field name="code" label="查询码" hint="提交时显示的查询码" />
        <Field name="password" label="领奖密码" type="password" hint="申请奖励时设置的密码（微信里可发送“领奖密码 编号 密码”设置）" />
        <div class="actions">
          <button type="submit">查看奖励</button>
        </div>
      </form>
      <p class="hint">领奖密码多次输错会被锁定。不发放现金。如有疑问请拨打 12315。</p>
    </Layout>
  );
}

function Hidden(props: { creds: RewardCreds }) {
  return (
    <>
      <input type="hidden" name="number" value={props.creds.number} />
      <input type="hidden" name="code" value={props.creds.code} />
      <input type="hidden" name="password" value={props.creds.password} />
    </>
  );
}

export function RewardPage(props: {
  token: string;
  creds: RewardCreds;
  reward: PublicReward & { number: string; claimable: boolean; anonymous: boolean };
  errors: string[];
  values?: Record<string, string>;
  flash?: string | null;
}) {
  const r = props.reward;
  const v = props.values ?? {};
  return (
    <Layout title="举报奖励" nav="status">
      <h1>举报奖励：{r.number}</h1>
      {props.flash ? (
        <div class="notice" role="status">
          <p>{props.flash}</p>
        </div>
      ) : null}
      <Errors errors={props.errors} />
      <dl class="facts">
        <dt>状态</dt>
        <dd>{r.status}</dd>
        {r.claimDue ? (
          <>
            <dt>申领期限</dt>
            <dd>
              {r.claimDue}
              {r.claimDueProvisional ? '（暂定，待国务院公布节假日后确定）' : ''}
            </dd>
          </>
        ) : null}
        {r.amountYuan !== null ? (
          <>
            <dt>奖励金额</dt>
            <dd>{r.amountYuan} 元</dd>
          </>
        ) : null}
        {r.reason ? (
          <>
            <dt>不予奖励的理由</dt>
            <dd>{r.reason}</dd>
          </>
        ) : null}
        {r.paidOn ? (
          <>
            <dt>发放日期</dt>
            <dd>{r.paidOn}</dd>
          </>
        ) : null}
      </dl>
      {r.claimable ? (
        <form method="post" action="/reward/claim" novalidate>
          <CsrfField name={CSRF_FIELD} token={props.token} />
          <Hidden creds={props.creds} />
          <h2>申领</h2>
          <p class="hint">
            {r.anonymous
              ? '您是匿名举报：请填写身份和收款方式。这些信息加密保存，只有奖励专员可以查看，不会告诉办案人员、被举报人或其他任何人。'
              : '请核对您举报时登记的姓名和身份证号码，并填写本人名下的银行账户。'}
          </p>
          <Field name="name" label="姓名" value={v.name ?? ''} autocomplete="name" />
          <Field name="idNumber" label="身份证号码" value={v.idNumber ?? ''} />
          <Field name="phone" label="联系电话" type="tel" value={v.phone ?? ''} autocomplete="tel" />
          <fieldset class="field">
            <legend>领取方式</legend>
            {Object.entries(PAYMENT_METHODS).map(([k, label]) => (
              <label class="choice">
                <input type="radio" name="method" value={k} checked={(v.method ?? 'bank_transfer') === k} /> {label}
              </label>
            ))}
          </fieldset>
          <Field name="bankName" label="开户银行" hint="转账时填写，账户须为本人名下" value={v.bankName ?? ''} />
          <Field name="accountNo" label="银行账号" value={v.accountNo ?? ''} />
          <Field name="note" label="说明" hint="选择“另行约定”时写明希望如何领取" value={v.note ?? ''} />
          <div class="actions">
            <button type="submit">提交申领</button>
          </div>
        </form>
      ) : null}
    </Layout>
  );
}

// Police referral in the back office: the panel on a report's case page (propose, approve/refuse,
// transfer, reconsider, return, hand over exhibits), and the police portal (inbox, referral with its
// package and clocks, accept/decline/feedback). No scripts; every form carries the CSRF token.
import type { StaffUser } from '../../backoffice/session.service.ts';
import { CsrfInput, BoLayout } from './layout.tsx';
import { ErrorBox } from './backoffice.pages.tsx';
import { when } from './format.ts';
import type { ClockLineView, ReferralRowView } from '../../referral/referral.view.ts';

export const REFERRAL_STATUS_LABELS: Record<string, string> = {
  proposed: '待负责人审批',
  approved: '已批准，待移送',
  refused: '负责人不同意移送',
  transferred: '已移送公安机关，待其决定',
  accepted: '公安机关已立案',
  declined: '公安机关不予立案',
  returned: '已转回行政处理',
};

export type ReferralView = ReferralRowView;
export type ClockLine = ClockLineView;

function Field(props: { name: string; label: string; textarea?: boolean; required?: boolean; value?: string }) {
  const id = `f-${props.name}`;
  return (
    <p>
      <label for={id}>{props.label}</label>
      {props.textarea ? (
        <textarea id={id} name={props.name} rows={3} required={props.required}>
          {props.value ?? ''}
        </textarea>
      ) : (
        <input id={id} name={props.name} type="text" required={props.required} value={props.value ?? ''} />
      )}
    </p>
  );
}

function StepForm(props: { action: string; token: string; submit: string; weighty?: boolean; children?: unknown }) {
  return (
    <form method="post" action={props.action} class="action">
      <CsrfInput token={props.token} />
      {props.children}
      <button type="submit" class={props.weighty ? 'danger' : undefined}>
        {props.submit}
      </button>
    </form>
  );
}

function Feedback(props: { items: ReferralView['feedback'] }) {
  if (props.items.length === 0) return null;
  return (
    <ul>
      {props.items.map((f) => (
        <li>
          {when(f.at)}：{f.outcome}
          {f.note ? `（${f.note}）` : ''}
        </li>
      ))}
    </ul>
  );
}

/** The referral section of a report's case page. `steps` are the steps this user may take now. */
export function ReferralPanel(p: {
  caseId: string;
  token: string;
  referrals: ReferralView[];
  canPropose: boolean;
  steps: Map<string, string[]>;
  policeUnits: { id: string; name: string }[];
  errors: string[];
}) {
  const base = `/staff/cases/${encodeURIComponent(p.caseId)}/referral`;
  return (
    <section aria-labelledby="referral-h">
      <h2 id="referral-h">移送公安机关（行刑衔接）</h2>
      {p.errors.length ? <ErrorBox messages={p.errors} /> : null}
      {p.referrals.map((r) => {
        const steps = p.steps.get(r.id) ?? [];
        const at = `${base}/${encodeURIComponent(r.id)}`;
        return (
          <div class="referral">
            <p>
              <strong>{REFERRAL_STATUS_LABELS[r.status] ?? r.status}</strong> · 涉嫌：{r.offence} · 提出人：{r.officers.join('、')}
              {r.transferredAt ? ` · 移送时间：${when(r.transferredAt)}（已抄送检察院）` : ''}
            </p>
            <p>移送理由：{r.reasons}</p>
            {r.refusalReason ? <p>不同意移送的理由：{r.refusalReason}</p> : null}
            {r.policeReason ? <p>公安机关不予立案的理由：{r.policeReason}</p> : null}
            {r.transferredAt ? (
              <p>
                <a href={`${at}/package.zip`}>下载移送材料（ZIP，含签名清单）</a> · 举报人身份：
                {r.identityDisclosed ? '已经审批随案提供' : '保密，未随案移送'}
              </p>
            ) : null}
            <Feedback items={r.feedback} />
            {steps.includes('approve') ? <StepForm action={`${at}/approve`} token={p.token} submit="批准移送（3日内）" /> : null}
            {steps.includes('refuse') ? (
              <StepForm action={`${at}/refuse`} token={p.token} submit="不同意移送" weighty>
                <Field name="reason" label="不同意的理由（将记录在案，案件转回行政处理）" textarea required />
              </StepForm>
            ) : null}
            {steps.includes('transfer') ? (
              <StepForm action={`${at}/transfer`} token={p.token} submit="移送公安机关（24小时内）">
                <p>
                  <label for="f-policeUnitId">接收的公安机关</label>
                  <select id="f-policeUnitId" name="policeUnitId" required>
                    {p.policeUnits.map((u) => (
                      <option value={u.id}>{u.name}</option>
                    ))}
                  </select>
                </p>
                <p>
                  <input id="f-disclose" type="checkbox" name="discloseIdentity" value="on" />
                  <label for="f-disclose">确有必要时随案提供举报人身份（须写明理由，将记录在案）</label>
                </p>
                <Field name="identityReason" label="提供举报人身份的理由" textarea />
              </StepForm>
            ) : null}
            {steps.includes('reconsider') ? (
              <StepForm action={`${at}/reconsider`} token={p.token} submit="提请公安机关复议（3日内）">
                <Field name="reason" label="复议理由" textarea required />
              </StepForm>
            ) : null}
            {steps.includes('return') ? <StepForm action={`${at}/return`} token={p.token} submit="不再复议，转回行政处理" /> : null}
            {steps.includes('exhibits') ? (
              <StepForm action={`${at}/exhibits`} token={p.token} submit="已向公安机关移交涉案物品（3日内）" />
            ) : null}
          </div>
        );
      })}
      {p.canPropose ? (
        <details>
          <summary>提出移送（涉嫌犯罪）</summary>
          <StepForm action={base} token={p.token} submit="提交移送报告，报负责人审批">
            <Field name="offence" label="涉嫌罪名（如：刑法第一百四十三条 生产、销售不符合安全标准的食品罪）" required />
            <Field name="reasons" label="移送理由与主要事实" textarea required />
            <Field name="officer1" label="执法人员一" required />
            <Field name="officer2" label="执法人员二" required />
          </StepForm>
        </details>
      ) : null}
    </section>
  );
}

export interface PoliceInboxItem {
  id: string;
  status: string;
  offence: string;
  number: string;
  businessName: string | null;
  transferredAt: string | null;
  clocks: ClockLine[];
}

function Clocks(props: { clocks: ClockLine[] }) {
  return (
    <ul class="clocks">
      {props.clocks.map((k) => (
        <li class={k.late ? 'late' : undefined}>
          {k.name}：{k.dueAt ? `${when(k.dueAt)} 前` : '—'}
          {k.late ? '（已超期）' : ''}
        </li>
      ))}
    </ul>
  );
}

export function PoliceInboxPage(p: { user: StaffUser; token: string; items: PoliceInboxItem[] }) {
  return (
    <BoLayout title="移送案件" nav="police" user={p.user} token={p.token}>
      <h1>收到的移送案件</h1>
      <p>
        <a href="/staff/police/report">向市场监管部门移交线索</a>
      </p>
      {p.items.length === 0 ? (
        <p>暂无移送到本单位的案件。</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">案件</th>
              <th scope="col">涉嫌</th>
              <th scope="col">涉案单位</th>
              <th scope="col">状态</th>
              <th scope="col">期限</th>
            </tr>
          </thead>
          <tbody>
            {p.items.map((i) => (
              <tr>
                <td>
                  <a href={`/staff/police/referrals/${encodeURIComponent(i.id)}`}>{i.number}</a>
                </td>
                <td>{i.offence}</td>
                <td>{i.businessName ?? '—'}</td>
                <td>{REFERRAL_STATUS_LABELS[i.status] ?? i.status}</td>
                <td>
                  <Clocks clocks={i.clocks} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </BoLayout>
  );
}

export function PoliceReferralPage(p: {
  user: StaffUser;
  token: string;
  item: PoliceInboxItem;
  referral: ReferralView;
  errors: string[];
  flash: string | null;
}) {
  const at = `/staff/police/referrals/${encodeURIComponent(p.item.id)}`;
  const r = p.referral;
  return (
    <BoLayout title={`移送案件 ${p.item.number}`} nav={null} user={p.user} token={p.token}>
      <h1>移送案件 {p.item.number}</h1>
      {p.flash ? (
        <p class="flash" role="status">
          {p.flash}
        </p>
      ) : null}
      {p.errors.length ? <ErrorBox messages={p.errors} /> : null}
      <p>
        <strong>{REFERRAL_STATUS_LABELS[r.status] ?? r.status}</strong> · 涉嫌：{r.offence} · 移送时间：{when(r.transferredAt)}
      </p>
      <Clocks clocks={p.item.clocks} />
      <p>
        <a href={`${at}/letter`}>查看移送书及材料清单（可打印）</a> · <a href={`${at}/package.zip`}>下载移送材料（ZIP，含签名清单）</a>
      </p>
      <Feedback items={r.feedback} />
      {r.status === 'transferred' ? (
        <>
          <StepForm action={`${at}/accept`} token={p.token} submit="立案" />
          <StepForm action={`${at}/decline`} token={p.token} submit="不予立案" weighty>
            <Field name="reason" label="不予立案的理由（书面告知移送机关）" textarea required />
          </StepForm>
        </>
      ) : null}
      {r.status === 'accepted' ? (
        <StepForm action={`${at}/feedback`} token={p.token} submit="反馈办理结果">
          <Field name="outcome" label="办理结果（如：已移送审查起诉、已判决）" required />
          <Field name="note" label="说明（可选）" textarea />
        </StepForm>
      ) : null}
    </BoLayout>
  );
}

/** The police hand a matter back (no crime, but an administrative violation): it becomes a report. */
export function PoliceReportPage(p: {
  user: StaffUser;
  token: string;
  errors: string[];
  values: Record<string, string>;
  number: string | null;
}) {
  return (
    <BoLayout title="向市场监管部门移交线索" nav={null} user={p.user} token={p.token}>
      <h1>向市场监管部门移交线索</h1>
      <p>经审查不构成犯罪、但涉嫌食品安全违法的，移交市场监管部门依法处理（《食品安全法》第一百二十一条）。</p>
      {p.number ? (
        <p class="flash" role="status">
          已移交，案件编号 {p.number}。
        </p>
      ) : null}
      {p.errors.length ? <ErrorBox messages={p.errors} /> : null}
      <StepForm action="/staff/police/report" token={p.token} submit="移交">
        <Field name="policeRef" label="移交文号" required value={p.values.policeRef ?? ''} />
        <Field name="description" label="违法事实" textarea required value={p.values.description ?? ''} />
        <Field name="businessName" label="涉事单位名称（可选）" value={p.values.businessName ?? ''} />
        <Field name="businessAddress" label="涉事单位地址（可选）" value={p.values.businessAddress ?? ''} />
        <Field name="township" label="乡镇（街道，可选）" value={p.values.township ?? ''} />
      </StepForm>
    </BoLayout>
  );
}

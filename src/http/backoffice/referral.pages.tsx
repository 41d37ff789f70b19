// Police referral in the back office: the panel on a report's case page (propose, approve/refuse,
// transfer, reconsider, return, hand over exhibits), and the police portal (inbox, referral with its
// package and clocks, accept/decline/feedback). No scripts; every form carries the CSRF token.
import type { StaffUser } from '../../backoffice/session.service.ts';
import { CsrfInput, BoLayout } from './layout.tsx';
import { ErrorBox } from './backoffice.pages.tsx';
import { when } from './format.ts';
import type { ClockLineView, ReferralRowView } from '../../referral/referral.view.ts';
import type { CaseRecords } from '../../referral/records.service.ts';
import type { Dossier } from '../../referral/dossier.ts';
import { DossierBody } from '../../referral/letter.tsx';
import { COPY_MEANS, type CopyMeans, FEEDBACK_OUTCOMES } from '../../referral/referral.service.ts';

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

function Field(props: {
  name: string;
  label: string;
  textarea?: boolean;
  required?: boolean;
  value?: string;
  type?: string;
  idPrefix?: string;
}) {
  const id = `f-${props.idPrefix ?? ''}${props.name}`;
  return (
    <p>
      <label for={id}>{props.label}</label>
      {props.textarea ? (
        <textarea id={id} name={props.name} rows={3} required={props.required}>
          {props.value ?? ''}
        </textarea>
      ) : (
        <input id={id} name={props.name} type={props.type ?? 'text'} required={props.required} value={props.value ?? ''} />
      )}
    </p>
  );
}

function StepForm(props: { action: string; token: string; submit: string; weighty?: boolean; multipart?: boolean; children?: unknown }) {
  return (
    <form method="post" action={props.action} class="action" enctype={props.multipart ? 'multipart/form-data' : undefined} novalidate>
      <CsrfInput token={props.token} />
      {props.children}
      <button type="submit" class={props.weighty ? 'danger' : undefined}>
        {props.submit}
      </button>
    </form>
  );
}

const HANDOVER_LABELS: Record<string, string> = { handed: '待公安机关确认', confirmed: '公安机关已确认接收', disputed: '公安机关有异议' };

/** The handover list as both sides see it. */
function Handover(props: { lines: ReferralView['handover'] }) {
  if (props.lines.length === 0) return null;
  return (
    <table class="handover">
      <caption>涉案物品移交清单</caption>
      <thead>
        <tr>
          <th scope="col">物品</th>
          <th scope="col">数量</th>
          <th scope="col">存放地点</th>
          <th scope="col">状态</th>
        </tr>
      </thead>
      <tbody>
        {props.lines.map((h) => (
          <tr>
            <td>
              {h.kindZh}：{h.item}
            </td>
            <td>{h.quantity}</td>
            <td>{h.keptAt}</td>
            <td>
              {HANDOVER_LABELS[h.status] ?? h.status}
              {h.policeNote ? `（${h.policeNote}）` : ''}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** 立案 / 不予立案 particulars, for both sides. */
function Decision(props: { r: ReferralView }) {
  const r = props.r;
  return (
    <>
      {r.docNumber ? <p>移送书文号：{r.docNumber}</p> : null}
      {r.policeCaseNumber ? (
        <p>
          立案编号：{r.policeCaseNumber} · 立案日期：{r.policeAcceptedOn} · 承办民警：{r.policeOfficer}
        </p>
      ) : null}
      {r.declineBasis ? <p>不予立案的法律依据：{r.declineBasis}</p> : null}
      {r.exhibitsConfirmedAt ? <p>公安机关已于{when(r.exhibitsConfirmedAt)}确认接收全部移交物品。</p> : null}
    </>
  );
}

/** The handler's investigation records, with the forms to add them. */
export function RecordsSection(p: { caseId: string; token: string; records: CaseRecords; canRecord: boolean }) {
  const base = `/staff/cases/${encodeURIComponent(p.caseId)}/records`;
  const r = p.records;
  return (
    <section aria-labelledby="records-h">
      <h3 id="records-h">调查取证记录</h3>
      {r.inspections.length === 0 ? <p>尚无现场检查笔录。</p> : null}
      {r.inspections.map((x) => (
        <div class="record">
          <p>
            <strong>现场检查笔录</strong> · {x.inspectedAt.replace('T', ' ')} · {x.place} · 执法人员：{x.officers.join('、')}
          </p>
          <p>{x.findings}</p>
          <p>
            当事人：{x.businessName ?? '—'}
            {x.creditCode ? ` · 统一社会信用代码：${x.creditCode}` : ''}
            {x.operatorName ? ` · 经营者：${x.operatorName}` : ''}
            {x.businessAddress ? ` · 地址：${x.businessAddress}` : ''}
            {x.amountYuan ? ` · 涉案金额约${x.amountYuan}元` : ''}
            {x.amountNote ? `（${x.amountNote}）` : ''}
          </p>
        </div>
      ))}
      {r.exhibits.length ? (
        <table>
          <caption>扣押、查封、抽样物品清单</caption>
          <thead>
            <tr>
              <th scope="col">措施</th>
              <th scope="col">物品名称</th>
              <th scope="col">数量</th>
              <th scope="col">存放地点</th>
              <th scope="col">备注</th>
            </tr>
          </thead>
          <tbody>
            {r.exhibits.map((x) => (
              <tr>
                <td>{x.kindZh}</td>
                <td>{x.item}</td>
                <td>{x.quantity}</td>
                <td>{x.keptAt}</td>
                <td>{x.note ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {r.reports.length ? (
        <ul>
          {r.reports.map((x) => (
            <li>
              检验报告 {x.reportNo}（{x.issuer}）{x.conclusion ? `：${x.conclusion}` : ''} · {x.originalName}
            </li>
          ))}
        </ul>
      ) : null}
      {p.canRecord ? (
        <>
          <details class="action">
            <summary>登记现场检查笔录</summary>
            <StepForm action={`${base}/inspection`} token={p.token} submit="保存检查笔录">
              <Field name="inspectedAt" label="检查时间" type="datetime-local" required />
              <Field name="place" label="检查地点" required />
              <Field name="officer1" label="执法人员一" required />
              <Field name="officer2" label="执法人员二" required />
              <Field name="officer3" label="执法人员三（可选）" />
              <Field name="findings" label="检查情况（现场发现的事实）" textarea required />
              <Field name="businessName" label="当事人名称" />
              <Field name="businessAddress" label="当事人地址" />
              <Field name="creditCode" label="统一社会信用代码" />
              <Field name="operatorName" label="经营者（负责人）姓名" />
              <Field name="amountYuan" label="涉案金额（元，估算）" />
              <Field name="amountNote" label="金额说明（可选）" />
            </StepForm>
          </details>
          <details class="action">
            <summary>登记扣押、查封、抽样物品</summary>
            <StepForm action={`${base}/exhibit`} token={p.token} submit="保存物品">
              <p>
                <label for="f-kind">措施</label>
                <select id="f-kind" name="kind" required>
                  <option value="seized">扣押</option>
                  <option value="sealed">查封</option>
                  <option value="sampled">抽样</option>
                </select>
              </p>
              <Field name="item" label="物品名称" required />
              <Field name="quantity" label="数量（含单位）" required />
              <Field name="keptAt" label="存放地点" required />
              <Field name="note" label="备注（可选）" idPrefix="exhibit-" />
            </StepForm>
          </details>
          <details class="action">
            <summary>上传检验检测、鉴定报告</summary>
            <StepForm action={`${base}/report`} token={p.token} submit="上传报告" multipart>
              <Field name="reportNo" label="报告编号" required />
              <Field name="issuer" label="出具机构" required />
              <Field name="conclusion" label="检验结论（可选）" textarea />
              <p>
                <label for="f-file">报告文件（PDF）</label>
                <input id="f-file" name="file" type="file" accept="application/pdf" required />
              </p>
            </StepForm>
          </details>
        </>
      ) : null}
    </section>
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
  records: CaseRecords;
  canRecord: boolean;
}) {
  const base = `/staff/cases/${encodeURIComponent(p.caseId)}/referral`;
  return (
    <section aria-labelledby="referral-h">
      <h2 id="referral-h">移送公安机关（行刑衔接）</h2>
      {p.errors.length ? <ErrorBox messages={p.errors} /> : null}
      <RecordsSection caseId={p.caseId} token={p.token} records={p.records} canRecord={p.canRecord} />
      {p.referrals.map((r) => {
        const steps = p.steps.get(r.id) ?? [];
        const at = `${base}/${encodeURIComponent(r.id)}`;
        return (
          <div class="referral">
            <p>
              <strong>{REFERRAL_STATUS_LABELS[r.status] ?? r.status}</strong> · 涉嫌：{r.offence} · 提出人：{r.officers.join('、')}
              {r.transferredAt ? ` · 移送时间：${when(r.transferredAt)}` : ''}
              {r.procuratorateCopy
                ? ` · 抄送检察院：${r.procuratorateCopy.on}（${COPY_MEANS[r.procuratorateCopy.means as CopyMeans] ?? r.procuratorateCopy.means}，${r.procuratorateCopy.docNumber}）`
                : r.transferredAt
                  ? ' · 抄送检察院：未记录'
                  : ''}
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
            <Decision r={r} />
            <Handover lines={r.handover} />
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
                <Field name="contactName" label="联系人（写入移送书）" required />
                <Field name="contactPhone" label="联系电话" required />
                <fieldset>
                  <legend>同时抄送人民检察院（必填）</legend>
                  <Field name="copyOn" label="抄送日期（如 2026-11-03）" required />
                  <p>
                    <label for="f-copyMeans">抄送方式</label>
                    <select id="f-copyMeans" name="copyMeans" required>
                      <option value="">请选择</option>
                      {Object.entries(COPY_MEANS).map(([k, v]) => (
                        <option value={k}>{v}</option>
                      ))}
                    </select>
                  </p>
                  <Field name="copyDoc" label="抄送文书文号" required />
                </fieldset>
              </StepForm>
            ) : null}
            {steps.includes('reconsider') ? (
              <StepForm action={`${at}/reconsider`} token={p.token} submit="提请公安机关复议（3日内）">
                <Field name="reason" label="复议理由" textarea required />
              </StepForm>
            ) : null}
            {steps.includes('supervise') ? (
              <StepForm action={`${at}/supervise`} token={p.token} submit="提请人民检察院立案监督">
                <Field name="on" label="提请日期（如 2026-11-03）" required />
                <Field name="docNumber" label="提请立案监督的文书文号" required />
                <Field name="reason" label="提请理由" textarea required />
              </StepForm>
            ) : null}
            {steps.includes('return') ? <StepForm action={`${at}/return`} token={p.token} submit="不再复议，转回行政处理" /> : null}
            {steps.includes('exhibits') ? (
              <StepForm action={`${at}/exhibits`} token={p.token} submit="移交涉案物品（3日内，待公安机关确认）">
                <fieldset>
                  <legend>移交清单（勾选本次移交的物品）</legend>
                  {p.records.exhibits.length === 0 ? <p>请先在“调查取证记录”中登记扣押、查封、抽样物品。</p> : null}
                  {p.records.exhibits
                    .filter((x) => {
                      const h = r.handover.find((y) => y.exhibitId === x.id);
                      return !h || h.status === 'disputed';
                    })
                    .map((x) => (
                      <p>
                        <input id={`f-ex-${x.id}`} type="checkbox" name="exhibitIds" value={x.id} checked />
                        <label for={`f-ex-${x.id}`}>
                          {x.kindZh}：{x.item}，{x.quantity}（{x.keptAt}）
                        </label>
                      </p>
                    ))}
                </fieldset>
              </StepForm>
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
            <Field name="officer1" label="提出移送的执法人员一" required idPrefix="p-" />
            <Field name="officer2" label="提出移送的执法人员二" required idPrefix="p-" />
            <Field
              name="legalBasis"
              label="法律依据（可选，如：刑法第一百四十四条；最高法、最高检食品安全刑事案件司法解释第九条）"
              textarea
            />
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
  dossier: Dossier;
  errors: string[];
  flash: string | null;
}) {
  const at = `/staff/police/referrals/${encodeURIComponent(p.item.id)}`;
  const r = p.referral;
  const pending = r.handover.filter((h) => h.status === 'handed');
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
      <Decision r={r} />
      <p>
        <a href={`${at}/letter`}>打印移送书（A4）</a> · <a href={`${at}/package.zip`}>下载移送材料（ZIP，含签名清单）</a> ·{' '}
        <a href="/staff/police/public-key">移送机关签名公钥及核验方法</a>
      </p>
      {r.status === 'transferred' ? (
        <>
          <StepForm action={`${at}/accept`} token={p.token} submit="立案">
            <Field name="policeCaseNumber" label="立案编号" required />
            <Field name="acceptedOn" label="立案日期" type="date" required />
            <Field name="officer" label="承办民警" required />
          </StepForm>
          <StepForm action={`${at}/decline`} token={p.token} submit="不予立案" weighty>
            <Field name="reason" label="不予立案的理由（书面告知移送机关）" textarea required />
            <Field name="basis" label="法律依据（如：刑事诉讼法第一百一十二条）" textarea required />
          </StepForm>
          <StepForm action={`${at}/extend`} token={p.token} submit="案情复杂，延长审查期限（最长30日，限一次）">
            <Field name="reason" label="延长的理由（案情复杂的具体情况，将记录在案）" textarea required />
          </StepForm>
        </>
      ) : null}
      <Handover lines={r.handover} />
      {pending.length ? (
        <StepForm action={`${at}/exhibits`} token={p.token} submit="提交接收确认">
          <fieldset>
            <legend>逐项确认移交的涉案物品</legend>
            {pending.map((h) => (
              <div class="handover-item">
                <p>
                  {h.kindZh}：{h.item}，{h.quantity}（{h.keptAt}）
                </p>
                <p>
                  <input id={`f-c-${h.exhibitId}`} type="radio" name={`answer.${h.exhibitId}`} value="confirmed" />
                  <label for={`f-c-${h.exhibitId}`}>确认接收</label>{' '}
                  <input id={`f-d-${h.exhibitId}`} type="radio" name={`answer.${h.exhibitId}`} value="disputed" />
                  <label for={`f-d-${h.exhibitId}`}>有异议</label>
                </p>
                <p>
                  <label for={`f-n-${h.exhibitId}`}>异议内容（有异议时填写）</label>
                  <input id={`f-n-${h.exhibitId}`} type="text" name={`note.${h.exhibitId}`} />
                </p>
              </div>
            ))}
          </fieldset>
        </StepForm>
      ) : null}
      <Feedback items={r.feedback} />
      {r.status === 'accepted' ? (
        <StepForm action={`${at}/feedback`} token={p.token} submit="反馈办理结果">
          <p>
            <label for="f-outcomeKind">办理结果</label>
            <select id="f-outcomeKind" name="outcomeKind" required>
              {Object.entries(FEEDBACK_OUTCOMES).map(([k, v]) => (
                <option value={k}>{v}</option>
              ))}
            </select>
          </p>
          <Field name="note" label="说明（可选；选择“其他”时必填）" textarea />
        </StepForm>
      ) : null}
      <DossierBody d={p.dossier} />
    </BoLayout>
  );
}

/** The regulator's public key, for verifying packages on the police's own machines. */
export function PoliceKeyPage(p: { user: StaffUser; token: string; pem: string; fingerprint: string }) {
  return (
    <BoLayout title="移送材料核验" nav="police" user={p.user} token={p.token}>
      <h1>移送材料核验</h1>
      <p>移送材料（ZIP）由移送机关以下公钥签名。下载公钥后，在任何电脑上均可核验材料是否完整、未被改动。</p>
      <p>公钥指纹（SHA-256）：</p>
      <p>
        <code class="fingerprint">{p.fingerprint}</code>
      </p>
      <pre class="public-key">{p.pem}</pre>
      <p>
        <a href="/staff/police/public-key.pem" download="referral-public-key.pem">
          下载公钥（referral-public-key.pem）
        </a>
      </p>
      <h2>核验方法</h2>
      <p>方法一：npm run referral:verify -- --public-key referral-public-key.pem 移送材料.zip</p>
      <p>方法二（OpenSSL 3）：解压后执行 base64 -d manifest.sig &gt; manifest.sig.bin，再执行</p>
      <pre>openssl pkeyutl -verify -pubin -inkey referral-public-key.pem -rawin -in manifest.json -sigfile manifest.sig.bin</pre>
      <p>然后执行 sha256sum -c SHA256SUMS，核对每个文件（详见材料包内的 README-核验说明.txt）。</p>
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

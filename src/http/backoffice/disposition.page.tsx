// Review of a publication record before it goes public: the anonymised texts as they will appear, the
// source texts with what the anonymiser masked highlighted, an edit form, and approval (which publishes
// and stops the D11 clock). Staff eyes only; no scripts.
import { cstDateOf } from '../../deadlines/cst.ts';
import type { StaffUser } from '../../backoffice/session.service.ts';
import type { DispositionReview } from '../../publication/disposition.view.ts';
import type { ReviewSource } from '../../publication/disposition.service.ts';
import { PLACEHOLDERS, type PiiType } from '../../publication/anonymiser.ts';
import { ErrorBox } from './backoffice.pages.tsx';
import { BoLayout, CsrfInput } from './layout.tsx';

type DispositionRow = DispositionReview['disposition'];

const FIELD_LABELS: Record<ReviewSource['field'], string> = {
  findings: '查明的事实',
  decision: '处理决定',
  complaint: '投诉内容',
  business: '经营者名称',
};
const STATUS: Record<string, string> = { draft: '草稿，待审核', approved: '已审核', published: '已公开', withdrawn: '已撤回' };

function Highlighted(props: { source: ReviewSource }) {
  const { text, findings } = props.source;
  const parts: unknown[] = [];
  let at = 0;
  for (const f of [...findings].sort((a, b) => a.start - b.start)) {
    if (f.start < at) continue;
    parts.push(text.slice(at, f.start));
    parts.push(<mark title={`将显示为 ${PLACEHOLDERS[f.type as PiiType] ?? f.type}`}>{text.slice(f.start, f.end)}</mark>);
    at = f.end;
  }
  parts.push(text.slice(at));
  return <p class="source">{parts}</p>;
}

/** The two publishable texts, as edited on a draft or corrected after publication. */
function TextFields(props: { prefix: string; d: DispositionRow }) {
  return (
    <>
      <p>
        <label for={`${props.prefix}-findings`}>查明的事实（保存时会再次自动遮蔽个人信息）</label>
        <textarea id={`${props.prefix}-findings`} name="findingsText" rows={4} required>
          {props.d.findings_text}
        </textarea>
      </p>
      <p>
        <label for={`${props.prefix}-decision`}>处理决定</label>
        <textarea id={`${props.prefix}-decision`} name="decisionText" rows={3} required>
          {props.d.decision_text}
        </textarea>
      </p>
    </>
  );
}

export function DispositionPage(p: {
  user: StaffUser;
  token: string;
  caseId: string;
  caseNumber: string;
  d: DispositionRow;
  sources: ReviewSource[];
  canApprove: boolean;
  errors: string[];
  flash: string | null;
}) {
  const base = `/staff/cases/${encodeURIComponent(p.caseId)}/disposition`;
  const yuan = (fen: number | null) => (fen === null ? '—' : `${(fen / 100).toFixed(2)} 元`);
  return (
    <BoLayout title={`公开审核 ${p.d.public_ref}`} nav={null} user={p.user} token={p.token}>
      <h1>公开信息审核 {p.d.public_ref}</h1>
      <p>
        案件 <a href={`/staff/cases/${encodeURIComponent(p.caseId)}`}>{p.caseNumber}</a> · 状态：
        <strong>{STATUS[p.d.status] ?? p.d.status}</strong>
      </p>
      {p.flash ? (
        <p class="flash" role="status">
          {p.flash}
        </p>
      ) : null}
      {p.errors.length ? <ErrorBox messages={p.errors} /> : null}
      <section aria-labelledby="public-h">
        <h2 id="public-h">将公开的内容</h2>
        <dl>
          <dt>经营者</dt>
          <dd>{p.d.business_name ?? '（不公开）'}</dd>
          <dt>查明的事实</dt>
          <dd>{p.d.findings_text}</dd>
          <dt>处理决定</dt>
          <dd>{p.d.decision_text}</dd>
          <dt>罚款 / 没收</dt>
          <dd>
            {yuan(p.d.fine_fen)} / {yuan(p.d.confiscation_fen)}
          </dd>
          {p.d.complaint_text ? (
            <>
              <dt>投诉内容（投诉人同意公开）</dt>
              <dd>{p.d.complaint_text}</dd>
            </>
          ) : null}
        </dl>
      </section>
      <section aria-labelledby="sources-h">
        <h2 id="sources-h">原文与已遮蔽的个人信息</h2>
        {p.sources.map((s) => (
          <div>
            <h3>{FIELD_LABELS[s.field]}</h3>
            <Highlighted source={s} />
          </div>
        ))}
      </section>
      {p.d.status === 'draft' ? (
        <>
          <form method="post" action={`${base}/edit`} class="action">
            <CsrfInput token={p.token} />
            <input type="hidden" name="version" value={String(p.d.version)} />
            <TextFields prefix="f" d={p.d} />
            <button type="submit">保存修改</button>
          </form>
          {p.d.outcome === 'penalty' ? (
            p.d.party_told_on ? (
              <p>
                已告知当事人将予公示：{p.d.party_told_on}（{p.d.party_told_how}）
              </p>
            ) : (
              <form method="post" action={`${base}/tell`} class="action">
                <h2>告知当事人（公示前，第八条）</h2>
                <CsrfInput token={p.token} />
                <input type="hidden" name="version" value={String(p.d.version)} />
                <p>
                  <label for="t-on">告知日期（如 2026-11-03）</label>
                  <input id="t-on" name="toldOn" required />
                </p>
                <p>
                  <label for="t-how">告知方式</label>
                  <input id="t-how" name="toldHow" required />
                </p>
                <button type="submit">记录已告知当事人</button>
              </form>
            )
          ) : null}
          {p.canApprove ? (
            <form method="post" action={`${base}/approve`} class="action">
              <CsrfInput token={p.token} />
              <input type="hidden" name="version" value={String(p.d.version)} />
              <button type="submit">审核通过并公开</button>
            </form>
          ) : (
            <p>审核通过须由负责人操作。</p>
          )}
        </>
      ) : null}
      {p.d.status === 'published' && p.d.outcome === 'penalty' ? (
        p.d.national_entry_on ? (
          <p>
            已录入国家企业信用信息公示系统：{p.d.national_entry_on}（{p.d.national_entry_ref}）
          </p>
        ) : (
          <form method="post" action={`${base}/national`} class="action">
            <h2>登记国家企业信用信息公示系统录入（D11，第九条）</h2>
            <CsrfInput token={p.token} />
            <input type="hidden" name="version" value={String(p.d.version)} />
            <p>
              <label for="n-on">录入日期（如 2026-11-03）</label>
              <input id="n-on" name="entryOn" required />
            </p>
            <p>
              <label for="n-ref">公示系统中的记录编号</label>
              <input id="n-ref" name="entryRef" required />
            </p>
            <button type="submit">登记已录入</button>
          </form>
        )
      ) : null}
      {p.d.status === 'published' && p.canApprove ? (
        <>
          <h2>更正已公开的记录</h2>
          <form method="post" action={`${base}/correct`} class="action">
            <CsrfInput token={p.token} />
            <input type="hidden" name="version" value={String(p.d.version)} />
            <TextFields prefix="c" d={p.d} />
            <p>
              <label for="c-reason">更正理由（将在公开页面显示）</label>
              <textarea id="c-reason" name="reason" rows={2} required></textarea>
            </p>
            <button type="submit">更正</button>
          </form>
          <h2>撤回已公开的记录</h2>
          <form method="post" action={`${base}/withdraw`} class="action">
            <CsrfInput token={p.token} />
            <input type="hidden" name="version" value={String(p.d.version)} />
            <p>
              <label for="w-reason">撤回理由（将在公开页面显示）</label>
              <textarea id="w-reason" name="reason" rows={2} required></textarea>
            </p>
            <button type="submit">撤回</button>
          </form>
          <h2>行政处罚决定被撤销或变更</h2>
          <form method="post" action={`${base}/overturn`} class="action">
            <CsrfInput token={p.token} />
            <input type="hidden" name="version" value={String(p.d.version)} />
            <p>
              <label for="o-reason">撤销或变更的情况（如复议决定书文号；记录在案，不公开）</label>
              <textarea id="o-reason" name="reason" rows={2} required></textarea>
            </p>
            <button type="submit">登记（3个工作日内撤下或更正，D14）</button>
          </form>
          <h2>提前结束公示</h2>
          <p>
            {p.d.public_until ? `公示期至 ${cstDateOf(new Date(p.d.public_until))}（不含当日）。` : ''}
            当事人完成信用修复的，可提前停止公示（《市场监督管理行政处罚信息公示规定》第十四条）。
          </p>
          <form method="post" action={`${base}/end`} class="action">
            <CsrfInput token={p.token} />
            <input type="hidden" name="version" value={String(p.d.version)} />
            <p>
              <label for="e-reason">提前结束公示的理由（记录在案，不公开）</label>
              <textarea id="e-reason" name="reason" rows={2} required></textarea>
            </p>
            <button type="submit">提前结束公示</button>
          </form>
        </>
      ) : null}
      {p.d.status === 'withdrawn' && p.d.withdraw_reason ? <p>撤回理由：{p.d.withdraw_reason}</p> : null}
    </BoLayout>
  );
}

// Public pages of published results: the list with filters, one record, a business's history, and the
// statistics page. The portal's Layout and stylesheet are reused; only portal classes are used.
import { TOWNSHIPS } from '../../cases/divisions.ts';
import { CATEGORY_LABELS, yuan } from '../../publication/labels.ts';
import type { BusinessHistory, PublicResult, ResultFilter } from '../../publication/results.queries.ts';
import type { Statistics } from '../../publication/statistics.queries.ts';
import { Layout } from '../public/layout.tsx';
import { StatisticsSections, monthLabel } from './statistics.charts.tsx';

const dateText = (d: string) => {
  const [y, m, day] = d.split('-');
  return `${y}年${Number(m)}月${Number(day)}日`;
};

export function filterQuery(f: ResultFilter, extra: Record<string, string> = {}): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...f, ...extra })) if (v) p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}

function ResultFields(props: { r: PublicResult; full: boolean }) {
  const { r } = props;
  return (
    <dl>
      <dt>处理结果</dt>
      <dd>{r.outcomeLabel}</dd>
      <dt>类别 · 地点</dt>
      <dd>
        {r.categoryLabel} · {r.township ?? '地点不明'}
      </dd>
      {r.business ? (
        <>
          <dt>当事人（经营者）</dt>
          <dd>{r.businessKey ? <a href={`/results/business/${encodeURIComponent(r.businessKey)}`}>{r.business}</a> : r.business}</dd>
        </>
      ) : null}
      {props.full ? (
        <>
          <dt>查明的事实</dt>
          <dd>{r.findings}</dd>
        </>
      ) : null}
      <dt>处理决定</dt>
      <dd>{r.decision}</dd>
      {r.fineYuan !== null ? (
        <>
          <dt>罚款</dt>
          <dd>{yuan(Math.round(r.fineYuan * 100))}</dd>
        </>
      ) : null}
      {r.confiscationYuan !== null ? (
        <>
          <dt>没收违法所得</dt>
          <dd>{yuan(Math.round(r.confiscationYuan * 100))}</dd>
        </>
      ) : null}
      {props.full && r.complaintText ? (
        <>
          <dt>消费者反映的情况（经本人同意公开，已隐去个人信息）</dt>
          <dd>{r.complaintText}</dd>
        </>
      ) : null}
      <dt>决定日期 · 公开日期</dt>
      <dd>
        {dateText(r.decidedOn)} · {dateText(r.publishedOn)}
      </dd>
      {r.correction ? (
        <>
          <dt>更正</dt>
          <dd>
            {dateText(r.correction.on)}更正：{r.correction.note}
          </dd>
        </>
      ) : null}
    </dl>
  );
}

function ResultCard(props: { r: PublicResult }) {
  const { r } = props;
  return (
    <li class="card">
      <h2>
        <a href={`/results/${encodeURIComponent(r.ref)}`}>
          {r.business ?? r.categoryLabel} · {r.outcomeLabel}
        </a>
      </h2>
      <p class="hint">公开编号 {r.ref}</p>
      <ResultFields r={r} full={false} />
    </li>
  );
}

export function ResultsListPage(props: { filter: ResultFilter; items: PublicResult[]; page: number; hasMore: boolean }) {
  const f = props.filter;
  return (
    <Layout title="处理结果公开" nav="results">
      <h1>处理结果公开</h1>
      <p class="lead">新郑市市场监督管理局依法公开食品安全行政处罚等处理结果。公开内容已隐去个人信息。</p>
      <form method="get" action="/results" role="search" aria-label="筛选处理结果">
        <div class="field">
          <label for="f-category">类别</label>
          <select id="f-category" name="category">
            <option value="">全部类别</option>
            {Object.entries(CATEGORY_LABELS).map(([k, v]) => (
              <option value={k} selected={f.category === k}>
                {v}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="f-township">乡镇（街道）</label>
          <select id="f-township" name="township">
            <option value="">全部乡镇（街道）</option>
            {TOWNSHIPS.map((t) => (
              <option value={t} selected={f.township === t}>
                {t}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="f-business">经营者名称</label>
          <input type="text" id="f-business" name="business" value={f.business ?? ''} maxlength={50} />
        </div>
        <div class="field">
          <label for="f-from">决定日期从</label>
          <input type="date" id="f-from" name="from" value={f.from ?? ''} />
        </div>
        <div class="field">
          <label for="f-to">决定日期至</label>
          <input type="date" id="f-to" name="to" value={f.to ?? ''} />
        </div>
        <div class="actions">
          <button type="submit">筛选</button>
          <a href="/results">清除筛选</a>
        </div>
      </form>
      <p>
        开放数据：<a href={`/api/v1/results${filterQuery(f)}`}>JSON</a> · <a href={`/api/v1/results.csv${filterQuery(f)}`}>CSV 下载</a> ·{' '}
        <a href="/results/feed.atom">Atom 订阅</a> · <a href="/statistics">统计数据</a>
      </p>
      {props.items.length === 0 ? (
        <p class="notice">没有符合条件的公开结果。</p>
      ) : (
        <ul class="cards" aria-label="处理结果">
          {props.items.map((r) => (
            <ResultCard r={r} />
          ))}
        </ul>
      )}
      <nav aria-label="分页" class="actions">
        {props.page > 1 ? <a href={`/results${filterQuery(f, { page: String(props.page - 1) })}`}>上一页</a> : null}
        {props.hasMore ? <a href={`/results${filterQuery(f, { page: String(props.page + 1) })}`}>下一页</a> : null}
      </nav>
    </Layout>
  );
}

export function ResultDetailPage(props: { r: PublicResult }) {
  const { r } = props;
  return (
    <Layout title={`处理结果 ${r.ref}`} nav={null}>
      <h1>
        {r.business ?? r.categoryLabel} · {r.outcomeLabel}
      </h1>
      <p class="hint">
        公开编号 {r.ref}
        {r.decisionNumber ? ` · 决定书文号 ${r.decisionNumber}` : ''}
      </p>
      {r.correction ? <p class="notice">本条信息已于{dateText(r.correction.on)}更正。</p> : null}
      <ResultFields r={r} full={true} />
      <p class="back">
        <a href="/results">返回处理结果列表</a>
      </p>
    </Layout>
  );
}

export function WithdrawnPage(props: { ref: string; reason: string | null; on: string }) {
  return (
    <Layout title="信息已撤回" nav={null}>
      <h1>该公开信息已撤回</h1>
      <p class="notice">
        公开编号 {props.ref} 的信息已于{dateText(props.on)}撤回{props.reason ? `，原因：${props.reason}` : ''}。
      </p>
      <p class="back">
        <a href="/results">返回处理结果列表</a>
      </p>
    </Layout>
  );
}

export function EndedPage(props: { ref: string; on: string }) {
  return (
    <Layout title="公示期已届满" nav={null}>
      <h1>该信息的公示期已届满</h1>
      <p class="notice">
        公开编号 {props.ref} 的信息已于{dateText(props.on)}停止公示。
      </p>
      <p class="back">
        <a href="/results">返回处理结果列表</a>
      </p>
    </Layout>
  );
}

export function BusinessPage(props: { h: BusinessHistory }) {
  const { h } = props;
  return (
    <Layout title={`${h.business} 的处理记录`} nav={null}>
      <h1>{h.business}</h1>
      <p class="lead">
        已公开的处理结果 {h.items.length} 条，其中行政处罚 {h.penalties} 条、调解 {h.mediations} 条。
      </p>
      <ul class="cards" aria-label="处理记录">
        {h.items.map((r) => (
          <ResultCard r={r} />
        ))}
      </ul>
      <p class="back">
        <a href="/results">返回处理结果列表</a>
      </p>
    </Layout>
  );
}

export function StatisticsPage(props: { s: Statistics }) {
  const { s } = props;
  return (
    <Layout title="统计数据" nav="statistics">
      <h1>投诉举报统计</h1>
      <p class="lead">
        {monthLabel(s.from)}至{monthLabel(s.to)}。少于 5 件的数字显示为“不足5件，不公开”，以免识别到具体个人。
      </p>
      <p>
        <a href="/api/v1/statistics">JSON 数据</a> · <a href="/results">处理结果公开</a>
      </p>
      <StatisticsSections s={s} />
    </Layout>
  );
}

// Staff statistics: the public statistics page's figures and charts (the same SVG BarChart), over any
// period of whole months, with finer filters (kind, category, township, unit) and without small-cell
// suppression; a CSV of the same figures. Supervisors see their own unit only; admins everything.
import { csvDocument } from '../../lib/csv.ts';
import type { StaffUser } from '../../backoffice/session.service.ts';
import { CASE_KINDS } from '../../cases/case.machine.ts';
import type { StaffStatisticsQuery } from '../../publication/staff-statistics.ts';
import type { Statistics } from '../../publication/statistics.queries.ts';
import { CATEGORIES, TOWNSHIPS } from '../../triage/triage.ts';
import { StatisticsSections } from '../results/statistics.charts.tsx';
import { Select } from './backoffice.pages.tsx';
import { categoryLabel, kindLabel } from './format.ts';
import { BoLayout } from './layout.tsx';

const monthLabel = (ym: string) => `${ym.slice(0, 4)}年${Number(ym.slice(5))}月`;
const catLabel = (c: string) => (c === 'unclassified' ? '未分类' : categoryLabel(c));

export function statisticsQueryString(q: StaffStatisticsQuery): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v) p.set(k, v);
  return p.toString();
}

export function StaffStatisticsPage(p: {
  user: StaffUser;
  token: string;
  q: StaffStatisticsQuery;
  s: Statistics;
  units: { id: string; name: string }[];
  unitLocked: boolean;
}) {
  const { s, q } = p;
  return (
    <BoLayout title="统计分析" nav="statistics" user={p.user} token={p.token}>
      <h1>统计分析</h1>
      <p class="lead">
        {monthLabel(s.from)}至{monthLabel(s.to)}。内部数据，不做小数字隐去，请勿对外提供。
      </p>
      <form method="get" class="filters" aria-label="筛选">
        <div class="field">
          <label for="f-from">起始月份</label>
          <input type="month" id="f-from" name="from" value={q.from} required />
        </div>
        <div class="field">
          <label for="f-to">截止月份</label>
          <input type="month" id="f-to" name="to" value={q.to} required />
        </div>
        <Select name="kind" label="类型" value={q.kind} options={CASE_KINDS.map((k) => [k, kindLabel(k)] as const)} />
        <Select
          name="category"
          label="类别"
          value={q.category}
          options={[...CATEGORIES.map((k) => [k, categoryLabel(k)] as const), ['unclassified', '未分类'] as const]}
        />
        <Select name="township" label="乡镇街道" value={q.township} options={TOWNSHIPS.map((k) => [k, k] as const)} />
        {p.unitLocked ? null : (
          <Select name="unitId" label="承办单位" value={q.unitId} options={p.units.map((u) => [u.id, u.name] as const)} />
        )}
        <button type="submit">筛选</button>
      </form>
      <p>
        <a href={`/staff/statistics.csv?${statisticsQueryString(q)}`}>下载 CSV</a>
      </p>
      <StatisticsSections s={s} kinds={q.kind ? [q.kind] : undefined} staff />
    </BoLayout>
  );
}

/** The same figures as one long table: 分组, 项目, 细分, 件数, 比例. UTF-8 with BOM for Excel. */
export function statisticsCsv(s: Statistics): string {
  const rows: (string | number | null)[][] = [['分组', '项目', '细分', '件数', '比例']];
  for (const m of s.months) {
    rows.push(['每月合计', m.month, '', m.total, null]);
    for (const [k, n] of Object.entries(m.byKind)) rows.push(['每月按类型', m.month, kindLabel(k), n, null]);
    for (const [c, n] of Object.entries(m.byCategory)) rows.push(['每月按类别', m.month, catLabel(c), n, null]);
  }
  for (const c of s.byCategory) rows.push(['按类别', catLabel(c.category), '', c.count, null]);
  for (const t of s.byTownship) rows.push(['按乡镇街道', t.township, '', t.count, null]);
  for (const u of s.compliance) {
    rows.push(['按时办结', u.unit, '已完成（比例为按时完成的比例）', u.met, u.rate === null ? null : u.rate.toFixed(4)]);
    rows.push(['按时办结', u.unit, '其中超期完成', u.late, null]);
    rows.push(['按时办结', u.unit, '尚在计时（不计入比例）', u.pending, null]);
  }
  rows.push(['调解', '调解成功', '', s.mediation.succeeded, null]);
  rows.push(['调解', '调解终止', '', s.mediation.failed, s.mediation.rate === null ? null : s.mediation.rate.toFixed(4)]);
  return csvDocument(rows);
}

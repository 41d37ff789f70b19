// The statistics both the public page and the back office show, drawn one way: one chart per question
// (the months as one stacked chart by kind, not a chart per kind), counts on one shared scale, units and
// townships named in full, and what belongs to no unit (未分派) or no place (地点不明) told apart in a
// sentence instead of drawn as if it were a unit or a township.
import { CASE_KINDS } from '../../cases/case.machine.ts';
import { KIND_LABELS_PUBLIC, categoryLabel } from '../../publication/labels.ts';
import type { Statistics } from '../../publication/statistics.queries.ts';
import { BarChart, type StackSeries, StackedBarChart, formatValue, sharedMax } from './bar-chart.tsx';

export const monthLabel = (ym: string) => `${ym.slice(0, 4)}年${Number(ym.slice(5))}月`;
const catLabel = (c: string) => (c === 'unclassified' ? '未分类' : categoryLabel(c));
const UNKNOWN_PLACE = '地点不明';

const KIND_SERIES: readonly StackSeries[] = [
  { key: 'complaint', label: KIND_LABELS_PUBLIC.complaint ?? '投诉', colour: '#0b4f8a' },
  { key: 'report', label: KIND_LABELS_PUBLIC.report ?? '举报', colour: '#c05600' },
  { key: 'consultation', label: KIND_LABELS_PUBLIC.consultation ?? '咨询', colour: '#4f7f1f' },
];

export function StatisticsSections(props: {
  s: Statistics;
  /** Only these kinds (the staff filter); all by default. */
  kinds?: readonly string[];
  /** Staff figures are never suppressed: a null rate there means nothing was finished. */
  staff?: boolean;
}) {
  const { s } = props;
  const kinds = props.kinds ?? CASE_KINDS;
  const series = KIND_SERIES.filter((k) => kinds.includes(k.key));
  const categories = s.byCategory.map((c) => ({ label: catLabel(c.category), value: c.count }));
  const townships = s.byTownship.filter((t) => t.township !== UNKNOWN_PLACE).map((t) => ({ label: t.township, value: t.count }));
  const unknownPlace = s.byTownship.find((t) => t.township === UNKNOWN_PLACE);
  const scale = sharedMax(categories, townships);
  const units = s.compliance.filter((u) => u.unitId !== null);
  const unassigned = s.compliance.find((u) => u.unitId === null);
  const rateNull = props.staff ? '本期无办结' : undefined;
  const pendingUnits = s.compliance.filter((u) => u.pending !== 0);
  return (
    <>
      <h2>每月受理量</h2>
      <StackedBarChart
        caption={`每月收到的${series.map((k) => k.label).join('、')}（件）`}
        series={series}
        rows={s.months.map((m) => ({ label: monthLabel(m.month), total: m.total, parts: m.byKind }))}
      />
      <h2>按类别</h2>
      <BarChart caption="各类别件数（本期合计）" rows={categories} max={scale} />
      <h2>按乡镇（街道）</h2>
      <BarChart caption="各乡镇（街道）件数（本期合计，与上图同一比例）" rows={townships} max={scale} />
      {unknownPlace ? (
        <p>
          另有{UNKNOWN_PLACE}的 {formatValue(unknownPlace.count, false)} 件，未计入上图。
        </p>
      ) : null}
      <h2>按时办结率</h2>
      <BarChart
        caption="各市场监管所法定期限内办理的比例"
        percent
        rows={units.map((u) => ({ label: u.unit, value: u.rate }))}
        nullText={rateNull}
      />
      {unassigned ? (
        <p>
          尚未分派到单位即完成的期限 {formatValue(unassigned.met, false)} 项（按时比例 {formatValue(unassigned.rate, true, rateNull)}
          ），未计入各单位。
        </p>
      ) : null}
      {pendingUnits.length ? (
        <>
          <p>只计算已经完成的期限；尚在计时的期限（包括因节假日安排未公布而暂无截止日期的）不计入按时比例，单列如下：</p>
          <ul id="compliance-pending">
            {pendingUnits.map((u) => (
              <li>
                {u.unit}：尚在计时 {formatValue(u.pending, false)} 项
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>调解</h2>
      <p>
        调解成功 {formatValue(s.mediation.succeeded, false)} 件，调解终止 {formatValue(s.mediation.failed, false)} 件，成功率{' '}
        {formatValue(s.mediation.rate, true, props.staff ? '—' : undefined)}。
      </p>
    </>
  );
}

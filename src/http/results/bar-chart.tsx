// Horizontal bar charts as plain SVG, rendered on the server: no script, no inline style (colours are
// SVG presentation attributes, which the CSP allows), readable by screen readers through aria-label.
// No viewBox: the SVG is as wide as its column and its text keeps its size (14 px on a phone and on a
// desktop alike); bars are drawn in percentages of that width, the value follows the bar at `dx`.
// Each row puts its label on a line of its own above the bar, so long names (units, townships) are never
// cut. A null value is a suppressed cell (fewer than 5 cases): no bar, the words 「不足5件，不公开」
// (never a sign that could read as a number or a percentage). Charts that are compared share a scale
// (`max`); one question is one chart (StackedBarChart for the months by kind).

export interface BarRow {
  label: string;
  value: number | null;
}

const ROW_H = 44;
const LABEL_H = 18;
const BAR_H = 16;
/**
 * The longest bar's share of the chart's width (percent): at 343 px (a 375 px phone) it leaves 120 px
 * right of the bar for its value, 「不足5件，不公开」 included; the CSS caps the chart's width on a desktop.
 */
const BAR_AREA = 65;
/** A percentage width, rounded to 0.1 so the markup stays short. */
const pct = (v: number) => `${Math.round(v * 10) / 10}%`;

export const SUPPRESSED_TEXT = '不足5件，不公开';

export function formatValue(v: number | null, percent: boolean, nullText = SUPPRESSED_TEXT): string {
  if (v === null) return nullText;
  return percent ? `${(v * 100).toFixed(1)}%` : String(v);
}

/** A scale shared by several charts: the largest value among their rows (at least 1). */
export const sharedMax = (...rows: BarRow[][]): number => Math.max(1, ...rows.flat().map((r) => r.value ?? 0));

export function BarChart(props: { caption: string; rows: BarRow[]; percent?: boolean; max?: number; nullText?: string }) {
  const percent = props.percent ?? false;
  const max = percent ? 1 : (props.max ?? sharedMax(props.rows));
  const height = Math.max(1, props.rows.length) * ROW_H + 4;
  const text = (v: number | null) => formatValue(v, percent, props.nullText);
  const summary = props.rows.map((r) => `${r.label}：${text(r.value)}`).join('；');
  return (
    // A div, not a figure: the browser's default figure margins would shrink the chart on a phone.
    <div class="chart">
      <p>
        <strong>{props.caption}</strong>
      </p>
      {props.rows.length === 0 ? (
        <p>本期暂无数据。</p>
      ) : (
        <svg xmlns="http://www.w3.org/2000/svg" width="100%" height={height} role="img" aria-label={`${props.caption}。${summary}`}>
          {props.rows.map((r, i) => {
            const y = 2 + i * ROW_H;
            const w = r.value === null ? 0 : Math.max(r.value > 0 ? 0.5 : 0, (Math.min(r.value, max) / max) * BAR_AREA);
            return (
              <g>
                <text x={0} y={y + 14} font-size="14" fill="#1b1b1b">
                  {r.label}
                </text>
                <rect x={0} y={y + LABEL_H + 2} width={pct(w)} height={BAR_H} fill="#0b4f8a" />
                <text
                  x={pct(w)}
                  dx={6}
                  y={y + LABEL_H + 15}
                  font-size="14"
                  fill={r.value === null ? '#5a5a5a' : '#1b1b1b'}
                  font-style={r.value === null ? 'italic' : undefined}
                >
                  {text(r.value)}
                </text>
              </g>
            );
          })}
        </svg>
      )}
    </div>
  );
}

export interface StackSeries {
  key: string;
  label: string;
  colour: string;
}

/**
 * One bar per row made of segments (e.g. a month's complaints, reports and consultations), on one
 * scale, with a legend; the row's total follows the bar. A suppressed segment draws nothing; its row's
 * total carries a star explained under the chart.
 */
export function StackedBarChart(props: {
  caption: string;
  series: readonly StackSeries[];
  rows: { label: string; total: number | null; parts: Record<string, number | null> }[];
}) {
  const max = Math.max(1, ...props.rows.map((r) => r.total ?? Object.values(r.parts).reduce<number>((a, b) => a + (b ?? 0), 0)));
  const legendH = 24;
  const height = legendH + Math.max(1, props.rows.length) * ROW_H + 4;
  const partText = (v: number | null) => formatValue(v, false);
  const summary = props.rows
    .map((r) => `${r.label}：共${partText(r.total)}（${props.series.map((s) => `${s.label}${partText(r.parts[s.key] ?? 0)}`).join('，')}）`)
    .join('；');
  let legendX = 0;
  const starred = props.rows.some((r) => r.total !== null && Object.values(r.parts).some((v) => v === null));
  return (
    <div class="chart">
      <p>
        <strong>{props.caption}</strong>
      </p>
      {props.rows.length === 0 ? (
        <p>本期暂无数据。</p>
      ) : (
        <svg xmlns="http://www.w3.org/2000/svg" width="100%" height={height} role="img" aria-label={`${props.caption}。${summary}`}>
          {props.series.map((s) => {
            const x = legendX;
            legendX += 28 + s.label.length * 14 + 12;
            return (
              <g>
                <rect x={x} y={4} width={14} height={14} fill={s.colour} />
                <text x={x + 20} y={16} font-size="13" fill="#1b1b1b">
                  {s.label}
                </text>
              </g>
            );
          })}
          {props.rows.map((r, i) => {
            const y = legendH + 2 + i * ROW_H;
            let x = 0;
            const segments = props.series.map((s) => {
              const v = r.parts[s.key] ?? 0;
              const w = v === null || v <= 0 ? 0 : Math.max(0.5, (v / max) * BAR_AREA);
              const seg = <rect x={pct(x)} y={y + LABEL_H + 2} width={pct(w)} height={BAR_H} fill={s.colour} />;
              x += w;
              return seg;
            });
            const anySuppressed = r.total === null || Object.values(r.parts).some((v) => v === null);
            return (
              <g>
                <text x={0} y={y + 14} font-size="14" fill="#1b1b1b">
                  {r.label}
                </text>
                {segments}
                <text x={pct(x)} dx={6} y={y + LABEL_H + 15} font-size="14" fill="#1b1b1b">
                  {r.total === null ? SUPPRESSED_TEXT : anySuppressed ? `${r.total}*` : String(r.total)}
                </text>
              </g>
            );
          })}
        </svg>
      )}
      {starred ? <p class="hint">* 其中有不足5件的类型，不公开，未画出。</p> : null}
    </div>
  );
}

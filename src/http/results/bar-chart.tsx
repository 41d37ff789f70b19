// Horizontal bar charts as plain SVG, rendered on the server: no script, no inline style (colours are
// SVG presentation attributes, which the CSP allows), readable by screen readers through aria-label.
// A null value is a suppressed cell (fewer than 5 cases): no bar, the text "<5".

export interface BarRow {
  label: string;
  value: number | null;
}

const WIDTH = 340;
const LABEL_W = 112;
const VALUE_W = 56;
const ROW_H = 26;
const BAR_AREA = WIDTH - LABEL_W - VALUE_W;

export function formatValue(v: number | null, percent: boolean): string {
  if (v === null) return '<5';
  return percent ? `${(v * 100).toFixed(1)}%` : String(v);
}

export function BarChart(props: { caption: string; rows: BarRow[]; percent?: boolean }) {
  const percent = props.percent ?? false;
  const max = percent ? 1 : Math.max(1, ...props.rows.map((r) => r.value ?? 0));
  const height = Math.max(1, props.rows.length) * ROW_H + 8;
  const summary = props.rows.map((r) => `${r.label}：${formatValue(r.value, percent)}`).join('；');
  return (
    // A div, not a figure: the browser's default figure margins would shrink the chart on a phone.
    <div class="chart">
      <p>
        <strong>{props.caption}</strong>
      </p>
      {props.rows.length === 0 ? (
        <p>本期暂无数据。</p>
      ) : (
        <svg
          xmlns="http://www.w3.org/2000/svg"
          viewBox={`0 0 ${WIDTH} ${height}`}
          width="100%"
          role="img"
          aria-label={`${props.caption}。${summary}`}
        >
          {props.rows.map((r, i) => {
            const y = 4 + i * ROW_H;
            const w = r.value === null ? 0 : Math.max(r.value > 0 ? 2 : 0, Math.round((r.value / max) * BAR_AREA));
            return (
              <g>
                <text x={LABEL_W - 6} y={y + 17} text-anchor="end" font-size="14" fill="#1b1b1b">
                  {r.label.length > 8 ? `${r.label.slice(0, 7)}…` : r.label}
                </text>
                <rect x={LABEL_W} y={y + 4} width={w} height={ROW_H - 8} fill="#0b4f8a" />
                <text x={LABEL_W + w + 6} y={y + 17} font-size="14" fill="#1b1b1b">
                  {formatValue(r.value, percent)}
                </text>
              </g>
            );
          })}
        </svg>
      )}
    </div>
  );
}

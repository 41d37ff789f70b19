// Admin pages besides users and units: the holiday calendar (entering next year's State Council notice).
import type { StaffUser } from '../../backoffice/session.service.ts';
import { ErrorBox } from './backoffice.pages.tsx';
import { HorizonBanner } from './inbox.pages.tsx';
import { BoLayout, CsrfInput } from './layout.tsx';

/** A year's entries in the form's line format (「2026-01-01 休 元旦」), as the sample to follow. */
export const calendarLines = (days: { date: string; kind: string; name: string }[]) =>
  days.map((d) => `${d.date} ${d.kind === 'holiday' ? '休' : '班'} ${d.name.split(' ')[0] ?? d.name}`).join('\n');

export function CalendarPage(props: {
  user: StaffUser;
  token: string;
  firstYear: number;
  lastYear: number;
  lastYearDays: { date: string; kind: string; name: string }[];
  nextYear: number;
  horizon: { lastYear: number; daysLeft: number } | null;
  errors: string[];
  text: string;
  done: string | null;
}) {
  return (
    <BoLayout title="节假日表" nav="calendar" user={props.user} token={props.token}>
      <h1>节假日表</h1>
      <p>
        已录入 {props.firstYear}–{props.lastYear}{' '}
        年的法定节假日和调休上班日。期限按工作日计算时以此为准（《市场监督管理投诉举报处理办法》第四十五条）。
      </p>
      {props.done ? (
        <p class="flash" role="status">
          {props.done}
        </p>
      ) : null}
      <HorizonBanner horizon={props.horizon} admin={false} />
      <h2>录入 {props.nextYear} 年节假日安排</h2>
      <p>
        依据国务院办公厅每年公布的《关于 {props.nextYear}{' '}
        年部分节假日安排的通知》逐日填写：每行一个日期，写明「休」（放假，含连休的周末）或「班」（调休上班的周六、周日）和节日名称。录入后，
        {props.nextYear} 年内的暂定期限会立即按新日历重新计算。
      </p>
      <ErrorBox messages={props.errors} />
      <form method="post" action="/staff/admin/calendar" novalidate>
        <CsrfInput token={props.token} />
        <div class="field">
          <label for="c-year">年份</label>
          <input type="number" id="c-year" name="year" value={String(props.nextYear)} min={props.firstYear} max={props.nextYear} required />
        </div>
        <div class="field">
          <label for="c-days">日期（每行一个）</label>
          <p class="hint" id="c-days-hint">
            例如：{props.nextYear}-01-01 休 元旦；调休上班写作 {props.nextYear}-02-07 班 春节调休上班（仅周六、周日需要列出）。以 #
            开头的行忽略。
          </p>
          <textarea id="c-days" name="days" rows={16} aria-describedby="c-days-hint" class="mono">
            {props.text}
          </textarea>
        </div>
        <div class="actions">
          <button type="submit">录入</button>
        </div>
      </form>
      <p class="hint">
        也可在服务器上用命令行录入：
        <code>
          npm run calendar -- --year {props.nextYear} --file holidays-{props.nextYear}.json
        </code>
        （文件格式见 <code>docs/holidays-sample.json</code>）。
      </p>
      <details>
        <summary>
          {props.lastYear} 年已录入的日期（{props.lastYearDays.length} 个，可作格式参考）
        </summary>
        <pre class="mono">{calendarLines(props.lastYearDays)}</pre>
      </details>
    </BoLayout>
  );
}

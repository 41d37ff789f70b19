// The receipt: the answer to the form's POST (never a URL of its own, never cached), showing the case
// number(s) and the query code once. Saving works without JavaScript: the code is selected with one tap
// (CSS user-select: all), "save as image" posts the number and code for a PNG drawn on the server
// (POST /receipt/image), "save as text" is a download of a data: URL built here, and the print stylesheet
// prints only the receipt.
import { KIND_LABELS } from '../../cases/case.machine.ts';
import type { IntakeReceipt } from '../../cases/intake.service.ts';
import type { PublicCaseStatus } from '../../cases/public-status.query.ts';
import { formatCst } from '../../lib/clock.ts';
import { CSRF_FIELD } from './csrf.ts';
import { CsrfField } from './form.components.tsx';
import { cstText, xmlEscape } from './format.ts';
import { Layout, SITE_NAME, SITE_SUBTITLE } from './layout.tsx';

export const CODE_WARNING = '查询码只显示这一次。我们只保存它的加密摘要，丢失后任何人（包括工作人员）都无法找回。';

function receiptLines(r: IntakeReceipt, statusUrl: string): string[] {
  return [
    `${SITE_NAME} · ${SITE_SUBTITLE}`,
    '提交回执',
    ...r.cases.map((c) => `案件编号：${c.number}（${KIND_LABELS[c.kind]}）`),
    `查询码：${r.queryCode}`,
    `提交时间：${cstText(formatCst(new Date(r.receivedAt)))}`,
    `查询进度：${statusUrl}`,
    CODE_WARNING.split('。')[0] + '，丢失后无法找回。',
  ];
}

/** Fonts for the receipt picture: a CJK font where one is installed (Debian: fonts-wqy-microhei), then any sans-serif. */
const RECEIPT_FONTS = "'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'DejaVu Sans', sans-serif";
const CODE_FONTS = "'DejaVu Sans Mono', 'Liberation Mono', monospace";

/** The receipt as an SVG picture (text only); rasterised to PNG by receipt-image.ts for "save as image". */
export function receiptSvg(r: IntakeReceipt, statusUrl: string): string {
  const lines = receiptLines(r, statusUrl);
  const lineHeight = 44;
  const height = 48 + lines.length * lineHeight;
  const codeLine = `查询码：${r.queryCode}`;
  const texts = lines
    .map((l, i) => {
      const y = 56 + i * lineHeight;
      if (l === codeLine)
        // The code is what the citizen must keep: larger, bold, a monospaced font where 0/O and 1/I differ.
        return `<text x="24" y="${y + 4}" font-size="24">查询码：<tspan font-family="${CODE_FONTS}" font-size="28" font-weight="bold">${xmlEscape(r.queryCode)}</tspan></text>`;
      return `<text x="24" y="${y}" font-size="${i === 1 ? 28 : 22}"${i <= 1 ? ' font-weight="bold"' : ''}>${xmlEscape(l)}</text>`;
    })
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="760" height="${height}" viewBox="0 0 760 ${height}">` +
    '<rect width="100%" height="100%" fill="#fff" stroke="#0b4f8a" stroke-width="6"/>' +
    `<g font-family="${RECEIPT_FONTS}" fill="#1b1b1b">${texts}</g></svg>`
  );
}

export function receiptText(r: IntakeReceipt, statusUrl: string): string {
  return `${receiptLines(r, statusUrl).join('\r\n')}\r\n`;
}

const dataUrl = (mime: string, body: string) => `data:${mime};charset=utf-8,${encodeURIComponent(body)}`;

export function ReceiptPage(props: { receipt: IntakeReceipt; statuses: (PublicCaseStatus | null)[]; statusUrl: string; token: string }) {
  const r = props.receipt;
  const kinds = r.cases.map((c) => KIND_LABELS[c.kind]).join('和');
  const first = r.cases[0]?.number ?? '';
  const fileBase = `食安通回执-${first}`;
  return (
    <Layout title="提交成功" nav="submit">
      <h1>提交成功</h1>
      {r.replayed ? <p class="notice">这份表单之前已经提交过。下面是同一份回执，没有重复登记。</p> : null}
      <p class="lead">我们已收到您的{kinds}。请保存下面的案件编号和查询码，查询办理进度时需要用到。</p>
      <p class="warning" id="code-warning">
        {CODE_WARNING}
      </p>
      <section class="receipt" aria-labelledby="receipt-title">
        <h2 id="receipt-title" class="visually-hidden">
          回执
        </h2>
        <dl>
          {r.cases.map((c) => (
            <>
              <dt>案件编号（{KIND_LABELS[c.kind]}）</dt>
              <dd>
                <span class="case-number mono" data-case-number={c.number}>
                  {c.number}
                </span>
              </dd>
            </>
          ))}
          <dt id="code-label">查询码{r.cases.length > 1 ? '（两件共用）' : ''}</dt>
          <dd>
            <span class="query-code mono" id="query-code" aria-describedby="code-warning">
              {r.queryCode}
            </span>
          </dd>
          <dt>提交时间</dt>
          <dd>{cstText(formatCst(new Date(r.receivedAt)))}</dd>
        </dl>
      </section>

      <h2 class="no-print">保存回执</h2>
      <ul class="no-print">
        <li>复制：轻触（或点击）查询码即可全选，再选择“复制”。</li>
        <li>
          <form method="post" action="/receipt/image" class="inline-form" target="_blank" rel="noopener">
            <CsrfField name={CSRF_FIELD} token={props.token} />
            <input type="hidden" name="number" value={first} />
            <input type="hidden" name="code" value={r.queryCode} />
            <button type="submit" class="secondary" id="save-image">
              保存为图片
            </button>
          </form>{' '}
          （打开图片后长按或右键保存），或者直接截屏保存本页。
        </li>
        <li>
          <a href={dataUrl('text/plain', receiptText(r, props.statusUrl))} download={`${fileBase}.txt`} id="save-text">
            保存为文本文件
          </a>
        </li>
        <li>打印或保存为 PDF：使用浏览器菜单中的“打印”，本页只会打印回执部分。</li>
      </ul>

      {r.splitNote ? (
        <p class="notice" id="split-note">
          {r.splitNote}
        </p>
      ) : null}
      {r.understood?.length ? (
        <section aria-labelledby="understood-h" id="understood">
          <h2 id="understood-h">我们读到的要点</h2>
          <p>请核对。如有不对，办理人员联系您时可以更正，也可以在查询进度页面补充说明。</p>
          <dl>
            {r.understood.map(([label, value]) => (
              <>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </>
            ))}
          </dl>
        </section>
      ) : null}

      <h2>接下来</h2>
      <ul>
        <li>案件已登记，系统会分派到事发地的市场监管所办理，需要时办理人员会联系您。</li>
        {props.statuses.flatMap((s) =>
          s ? s.deadlines.map((d) => <li>{r.cases.length > 1 ? `${s.kindLabel}：${d.text}` : d.text}</li>) : [],
        )}
        <li>
          随时可以在<a href="/status">查询办理进度</a>页面输入案件编号和查询码查看进展。
        </li>
      </ul>
      <form method="post" action="/status" class="no-print">
        <CsrfField name={CSRF_FIELD} token={props.token} />
        <input type="hidden" name="number" value={first} />
        <input type="hidden" name="code" value={r.queryCode} />
        <div class="actions">
          <button type="submit" class="secondary">
            现在查看办理进度
          </button>
        </div>
      </form>
    </Layout>
  );
}

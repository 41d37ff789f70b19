// Open-data formats of published results: CSV (streamed row batch by row batch, pulled by the client,
// so memory stays constant) and an Atom feed.
import type { PublicResult } from '../../publication/results.queries.ts';
import { xmlEscape } from '../public/format.ts';

export const CSV_COLUMNS: readonly [string, (r: PublicResult) => string | number | null][] = [
  ['公开编号', (r) => r.ref],
  ['处理结果', (r) => r.outcomeLabel],
  ['决定书文号', (r) => r.decisionNumber],
  ['类别', (r) => r.categoryLabel],
  ['乡镇街道', (r) => r.township],
  ['当事人', (r) => r.business],
  ['查明的事实', (r) => r.findings],
  ['处理决定', (r) => r.decision],
  ['消费者反映的情况', (r) => r.complaintText],
  ['罚款（元）', (r) => r.fineYuan],
  ['没收违法所得（元）', (r) => r.confiscationYuan],
  ['决定日期', (r) => r.decidedOn],
  ['公开日期', (r) => r.publishedOn],
  ['更正说明', (r) => (r.correction ? `${r.correction.on} ${r.correction.note}` : null)],
];

import { CSV_BOM, csvLine } from '../../lib/csv.ts';

export { csvCell, csvLine } from '../../lib/csv.ts';

/** A pull stream: one batch of rows is produced only when the client has taken the previous one. */
export function csvStream(rows: AsyncIterable<PublicResult>, rowsPerChunk = 200): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  const it = rows[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    start(ctrl) {
      // BOM: spreadsheet programs then read the Chinese as UTF-8.
      ctrl.enqueue(enc.encode(`${CSV_BOM}${csvLine(CSV_COLUMNS.map(([h]) => h))}`));
    },
    async pull(ctrl) {
      let chunk = '';
      for (let i = 0; i < rowsPerChunk; i++) {
        const n = await it.next();
        if (n.done) {
          if (chunk) ctrl.enqueue(enc.encode(chunk));
          ctrl.close();
          return;
        }
        chunk += csvLine(CSV_COLUMNS.map(([, f]) => f(n.value)));
      }
      ctrl.enqueue(enc.encode(chunk));
    },
    async cancel() {
      await it.return?.(undefined);
    },
  });
}

export function atomFeed(base: string, items: PublicResult[], now: Date): string {
  const updated = items.reduce((m, r) => (r.publishedAt > m ? r.publishedAt : m), items.length ? '' : now.toISOString());
  const entry = (r: PublicResult) => {
    const url = `${base}/results/${encodeURIComponent(r.ref)}`;
    const title = `${r.business ?? r.categoryLabel} · ${r.outcomeLabel}`;
    const summary = [
      r.township ?? '',
      r.decision,
      r.fineYuan !== null ? `罚款${r.fineYuan}元` : '',
      r.correction ? `更正：${r.correction.note}` : '',
    ]
      .filter(Boolean)
      .join('；');
    return `  <entry>
    <id>${xmlEscape(url)}</id>
    <title>${xmlEscape(title)}</title>
    <link rel="alternate" type="text/html" href="${xmlEscape(url)}"/>
    <published>${xmlEscape(r.publishedAt)}</published>
    <updated>${xmlEscape(r.publishedAt)}</updated>
    <category term="${xmlEscape(r.outcome)}" label="${xmlEscape(r.outcomeLabel)}"/>
    <summary type="text">${xmlEscape(summary)}</summary>
  </entry>
`;
  };
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
  <id>${xmlEscape(`${base}/results`)}</id>
  <title>食安通 · 新郑市食品安全处理结果公开</title>
  <link rel="self" type="application/atom+xml" href="${xmlEscape(`${base}/results/feed.atom`)}"/>
  <link rel="alternate" type="text/html" href="${xmlEscape(`${base}/results`)}"/>
  <author><name>新郑市市场监督管理局</name></author>
  <updated>${xmlEscape(updated)}</updated>
${items.map(entry).join('')}</feed>
`;
}

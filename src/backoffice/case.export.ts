// CSV export of a search: the rows the user may see with the filters they chose, no personal data (no
// description, no identity, no business name), UTF-8 with BOM for Excel, cells that a spreadsheet would
// run as a formula neutralised. The export itself is an audit row (who, which filters, how many rows).
import type { Db } from '../db/database.ts';
import { appendAudit } from './audit.log.ts';
import { type SearchFilter, exportCases } from './case.queries.ts';
import type { StaffUser } from './session.service.ts';

export interface ExportLabels {
  kind: (k: string) => string;
  status: (s: string) => string;
  category: (c: string | null) => string;
  urgency: (u: string | null) => string;
  unit: (id: string | null) => string;
  when: (iso: string | null) => string;
}
import { csvCell, csvDocument } from '../lib/csv.ts';

export { csvCell };

const HEADER = ['案件编号', '类型', '状态', '类别', '紧急程度', '乡镇街道', '承办单位', '承办人', '接收时间', '最近到期', '是否超期'];

export async function exportCasesCsv(
  db: Db,
  user: StaffUser,
  f: SearchFilter,
  labels: ExportLabels,
  now: Date,
): Promise<{ csv: string; rows: number }> {
  const lines: (string | number | null)[][] = [[...HEADER]];
  let rows = 0;
  for await (const i of exportCases(db, user, f, now)) {
    rows++;
    lines.push([
      i.number,
      labels.kind(i.kind),
      labels.status(i.status),
      labels.category(i.category),
      labels.urgency(i.urgency),
      i.township ?? '',
      labels.unit(i.unitId),
      i.assigneeName ?? '',
      labels.when(i.receivedAt),
      labels.when(i.nextDue),
      i.overdue ? '是' : '否',
    ]);
  }
  const { page: _page, ...filters } = f;
  // An export changes nothing: its audit row is a transaction of its own.
  await db
    .transaction()
    .execute((trx) =>
      appendAudit(trx, { actorId: user.id, actorRole: user.role, action: 'export', detail: { what: 'cases.csv', filters, rows } }, now),
    );
  return { csv: csvDocument(lines), rows };
}

// One CSV writer for every CSV the product serves (open data, the back office's case
// export, statistics): RFC 4180 quoting, and a cell a spreadsheet would run as a formula (leading =, +,
// -, @, tab or CR — OWASP "CSV injection") gets a leading apostrophe so it is shown as text. Numbers stay
// numbers (a negative count is not a formula).
export function csvCell(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Byte order mark first: spreadsheet programs then read the Chinese as UTF-8. */
export const CSV_BOM = '\uFEFF';

export const csvLine = (cells: readonly (string | number | null | undefined)[]): string => `${cells.map(csvCell).join(',')}\r\n`;

/** A whole CSV file: BOM, one CRLF-terminated line per row, every cell through csvCell. */
export const csvDocument = (rows: Iterable<readonly (string | number | null | undefined)[]>): string => {
  let out = CSV_BOM;
  for (const r of rows) out += csvLine(r);
  return out;
};

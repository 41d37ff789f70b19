// One way to write a CSV cell, for every CSV the product serves (open data, the back office's case
// export, statistics): RFC 4180 quoting, and a cell a spreadsheet would run as a formula (leading =, +,
// -, @, tab or CR — OWASP "CSV injection") gets a leading apostrophe so it is shown as text. Numbers stay
// numbers (a negative count is not a formula).
export function csvCell(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvLine = (cells: readonly (string | number | null | undefined)[]): string => `${cells.map(csvCell).join(',')}\r\n`;

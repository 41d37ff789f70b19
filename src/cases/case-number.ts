// The case number citizens quote: XZ-<day of receipt in CST, YYYYMMDD>-<the day's sequence, 6+ digits>.
// Its format lives here only: intake writes numbers with it, every surface that reads one checks it here.
// Pure: imports nothing.

export const CASE_NUMBER_PREFIX = 'XZ';
export const CASE_NUMBER_RE = /^XZ-\d{8}-\d{6,}$/;
export const CASE_NUMBER_EXAMPLE = 'XZ-20261120-000001';
/** How the format is described to citizens. */
export const CASE_NUMBER_FORMAT_ZH = '“XZ-年月日-序号”';

/** The per-day counter's key: the CST date of receipt without dashes (2026-11-20 → 20261120). */
export function caseNumberDay(cstDate: string): string {
  return cstDate.replaceAll('-', '');
}

export function formatCaseNumber(day: string, seq: number): string {
  return `${CASE_NUMBER_PREFIX}-${day}-${String(seq).padStart(6, '0')}`;
}

/** A number as typed in a URL path (trimmed, upper-cased), or null when it cannot be a case number. */
export function parseCaseNumber(input: string): string | null {
  const n = input.trim().toUpperCase();
  return CASE_NUMBER_RE.test(n) ? n : null;
}

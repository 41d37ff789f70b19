// Scoring the business-name reader on test/fixtures/understanding/business-{dev,test}.jsonl: each row
// names the business a careful operator would file (or null), with optional equally good forms.

import { z } from 'zod';
import { understand } from './understand.ts';

const RowSchema = z.object({
  id: z.string().min(1),
  text: z.string(),
  business: z.string().min(1).nullable(),
  also: z.array(z.string().min(1)).optional(),
});
export type BusinessRow = z.infer<typeof RowSchema>;

export function parseBusinessRows(content: string, label: string): BusinessRow[] {
  return content
    .split('\n')
    .map((l, i) => [l.trim(), i + 1] as const)
    .filter(([l]) => l.length > 0)
    .map(([l, n]) => {
      try {
        return RowSchema.parse(JSON.parse(l));
      } catch (err) {
        throw new Error(`${label}:${n}: ${err instanceof Error ? err.message : String(err)}`);
      }
    });
}

const clean = (s: string | null): string | null => {
  if (s === null) return null;
  const t = s.trim().replace(/^[“"「『【《‘']+|[”"」』】》’']+$/g, '');
  return t.length > 0 ? t : null;
};

/**
 * Exact-or-containment: null matches only null; otherwise the output and an expected form match when
 * equal, or when one contains the other and the output is at most 4 characters longer than expected
 * (a place glued before a right name, "华南城老张家胡辣汤店", passes; a clause does not). An output of
 * fewer than 2 characters never matches.
 */
export function businessMatches(expected: readonly string[] | null, got: string | null): boolean {
  const g = clean(got);
  if (expected === null || expected.length === 0) return g === null;
  if (g === null || g.length < 2) return false;
  return expected.some((raw) => {
    const e = clean(raw) ?? '';
    if (g === e) return true;
    if (g.length > e.length + 4) return false;
    return g.includes(e) || e.includes(g);
  });
}

export function businessExact(expected: readonly string[] | null, got: string | null): boolean {
  const g = clean(got);
  if (expected === null || expected.length === 0) return g === null;
  return expected.some((e) => clean(e) === g);
}

export interface BusinessMiss {
  id: string;
  expected: string | null;
  got: string | null;
  text: string;
}

export interface BusinessReport {
  rows: number;
  matched: number;
  exact: number;
  /** Null expected, something read. */
  invented: number;
  /** A name expected, null read. */
  missed: number;
  misses: BusinessMiss[];
}

export function scoreBusiness(rows: readonly BusinessRow[], now = new Date('2026-12-05T10:00:00+08:00')): BusinessReport {
  const report: BusinessReport = { rows: rows.length, matched: 0, exact: 0, invented: 0, missed: 0, misses: [] };
  for (const r of rows) {
    const got = understand(r.text, { now }).business.value;
    const expected = r.business === null ? null : [r.business, ...(r.also ?? [])];
    if (businessExact(expected, got)) report.exact++;
    if (businessMatches(expected, got)) {
      report.matched++;
      continue;
    }
    if (expected === null) report.invented++;
    else if (got === null) report.missed++;
    report.misses.push({ id: r.id, expected: r.business, got, text: r.text });
  }
  return report;
}

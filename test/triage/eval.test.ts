import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { evaluate, parseEvalFile } from '../../src/triage/eval.ts';

const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

describe('triage evaluation set', () => {
  const rows = parseEvalFile(readFileSync(fixture('triage-eval.jsonl'), 'utf8'));

  it('is large and covers every label', () => {
    expect(rows.length).toBeGreaterThanOrEqual(220);
    for (const field of ['kind', 'category', 'urgency'] as const) {
      expect(new Set(rows.map((r) => r[field])).size, field).toBe(field === 'category' ? 8 : 4);
    }
    expect(rows.filter((r) => r.suspected_crime).length).toBeGreaterThanOrEqual(40);
    expect(new Set(rows.map((r) => r.township).filter((t) => t !== null)).size).toBe(15);
  });

  it.each(['triage-eval.jsonl', 'triage-holdout.jsonl', 'triage-holdout2.jsonl'])('%s meets every target', (name) => {
    const report = evaluate(parseEvalFile(readFileSync(fixture(name), 'utf8')));
    const missed = Object.entries(report.targets)
      .filter(([, t]) => !t.met)
      .map(([k, t]) => `${k} ${(t.value * 100).toFixed(1)}%`);
    expect(missed, `misses: ${JSON.stringify(report.misses.slice(0, 10), null, 1)}`).toEqual([]);
  });
});

// npm run eval:triage [-- --file test/fixtures/triage-eval.jsonl] [--misses N]
// Prints per-field accuracy, precision/recall for suspected crime and urgency=urgent, the confusion
// of misses with examples, and whether each target is met. Always exits 0: it reports, CI's test
// (test/triage/eval.test.ts) is what fails on a regression.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { evaluate, parseEvalFile, type EvalReport } from './eval.ts';

const DEFAULT_FILE = fileURLToPath(new URL('../../test/fixtures/triage-eval.jsonl', import.meta.url));

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

function print(report: EvalReport, file: string, maxMisses: number): void {
  const out: string[] = [];
  out.push(`triage eval: ${report.rows} rows from ${file}`, '');
  out.push(`  kind       ${pct(report.accuracy.kind)}`);
  out.push(`  category   ${pct(report.accuracy.category)}`);
  out.push(`  urgency    ${pct(report.accuracy.urgency)}`);
  out.push(
    `  township   ${pct(report.accuracy.township)}  (over ${report.townshipRows} rows naming a place; ${report.townshipSpurious} spurious on rows naming none)`,
  );
  const c = report.crime;
  out.push(`  suspected crime  precision ${pct(c.precision)}  recall ${pct(c.recall)}  (tp ${c.tp}, fp ${c.fp}, fn ${c.fn})`);
  const u = report.urgent;
  out.push(`  urgent           precision ${pct(u.precision)}  recall ${pct(u.recall)}  (tp ${u.tp}, fp ${u.fp}, fn ${u.fn})`, '');
  out.push('targets:');
  for (const [name, t] of Object.entries(report.targets)) {
    out.push(`  ${t.met ? 'MET ' : 'MISS'}  ${name.padEnd(15)} ${pct(t.value).padStart(6)}  (target ≥ ${pct(t.target)})`);
  }
  const allMet = Object.values(report.targets).every((t) => t.met);
  out.push(`  => ${allMet ? 'all targets met' : 'SOME TARGETS NOT MET'}`, '');
  out.push('confusion of misses (expected → got):');
  for (const [field, table] of Object.entries(report.confusion)) {
    const entries = Object.entries(table).sort((a, b) => b[1] - a[1]);
    out.push(`  ${field}: ${entries.length === 0 ? 'none' : entries.map(([k, v]) => `${k} ×${v}`).join('; ')}`);
  }
  out.push('', `examples of misses (first ${maxMisses} of ${report.misses.length}):`);
  for (const m of report.misses.slice(0, maxMisses)) {
    out.push(`  ${m.id} ${m.field}: expected ${m.expected}, got ${m.got} — ${m.text}`);
  }
  process.stdout.write(out.join('\n') + '\n');
}

try {
  const file = arg('--file') ?? DEFAULT_FILE;
  const maxMisses = Number(arg('--misses') ?? '15');
  const rows = parseEvalFile(readFileSync(file, 'utf8'));
  print(evaluate(rows), file, Number.isFinite(maxMisses) ? maxMisses : 15);
} catch (err) {
  process.stdout.write(`eval could not run: ${err instanceof Error ? err.message : String(err)}\n`);
}
process.exitCode = 0;

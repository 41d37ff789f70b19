// npm run eval:triage [-- --split dev|test|test2|train|train2] [--rules-only] [--misses N] [--json]
// Scores the understanding engine on the corpus splits in test/fixtures/understanding/: by default the
// dev split (used while tuning) and the frozen test split (never used to change a rule or a weight),
// each on its own, with 95% intervals, per-class precision/recall and confusion matrices. Prints the
// SHA-256 of the test file so a reader can check it is the frozen one. `test2` is the second frozen split
// (four later writers, frozen before the model was retrained with `train2`); misses are never listed for
// a frozen split.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { type FieldReport, type Rate, type SplitReport, evaluateSplit, parseCorpus } from './evaluate.ts';

const USAGE = 'usage: npm run eval:triage -- [--split dev|test|test2|train|train2] [--rules-only] [--misses N] [--json]';
const DIR = new URL('../../test/fixtures/understanding/', import.meta.url);

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const ci = (r: Rate): string => `${pct(r.value)} [${pct(r.ci[0])}–${pct(r.ci[1])}] (${r.k}/${r.n})`;

function printField(name: string, f: FieldReport): void {
  console.log(`  ${name.padEnd(9)} ${ci(f.accuracy)}`);
  for (const [cls, s] of Object.entries(f.perClass)) {
    if (s.recall.n === 0 && s.precision.n === 0) continue;
    console.log(
      `      ${cls.padEnd(22)} P ${pct(s.precision.value).padStart(6)} (${s.precision.k}/${s.precision.n})  R ${pct(s.recall.value).padStart(6)} (${s.recall.k}/${s.recall.n})`,
    );
  }
  const conf = Object.entries(f.confusion).flatMap(([e, gs]) => Object.entries(gs).map(([g, c]) => `${e}→${g} ×${c}`));
  if (conf.length > 0) console.log(`      confusion: ${conf.join('; ')}`);
}

function print(label: string, r: SplitReport, misses: number): void {
  console.log(`\n== ${label}: ${r.rows} texts ==`);
  printField('kind', r.fields.kind);
  printField('category', r.fields.category);
  printField('urgency', r.fields.urgency);
  console.log(`  township  ${ci(r.township)}`);
  console.log(`  business  ${ci(r.business)}  (exact span)`);
  console.log(`  suspected crime  precision ${ci(r.crime.precision)}  recall ${ci(r.crime.recall)}`);
  console.log(`  urgent           precision ${ci(r.urgent.precision)}  recall ${ci(r.urgent.recall)}`);
  console.log('  other facts:');
  for (const [k, v] of Object.entries(r.secondary)) console.log(`      ${k.padEnd(42)} ${ci(v)}`);
  console.log('  goals:');
  for (const [k, g] of Object.entries(r.goals))
    console.log(`      ${g.met ? 'MET ' : 'MISS'} ${k.padEnd(15)} ${pct(g.value).padStart(6)} (goal ≥ ${pct(g.goal)})`);
  if (misses > 0) {
    console.log(`  misses (first ${misses} of ${r.misses.length}):`);
    for (const m of r.misses.slice(0, misses)) console.log(`      ${m.id} ${m.field}: expected ${m.expected}, got ${m.got} — ${m.text}`);
  }
}

function main(): void {
  let values: { split?: string; 'rules-only'?: boolean; misses?: string; json?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: {
        split: { type: 'string' },
        'rules-only': { type: 'boolean' },
        misses: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (err) {
    console.error(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const splits = values.split !== undefined ? [values.split] : ['dev', 'test', 'test2'];
  if (splits.some((s) => !['dev', 'test', 'test2', 'train', 'train2'].includes(s))) {
    console.error(`--split must be dev, test, test2, train or train2\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  const misses = values.misses !== undefined ? Number(values.misses) : 0;
  if (!Number.isInteger(misses) || misses < 0) {
    console.error(`--misses must be a whole number\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  const rulesOnly = values['rules-only'] === true;
  const out: Record<string, SplitReport> = {};
  for (const split of splits) {
    const file = new URL(`${split}.jsonl`, DIR);
    const content = readFileSync(file, 'utf8');
    const report = evaluateSplit(parseCorpus(content, `${split}.jsonl`), { rulesOnly });
    out[split] = report;
    if (values.json) continue;
    const sha = createHash('sha256').update(content).digest('hex');
    const frozen = split === 'test' || split === 'test2';
    const what =
      split === 'test'
        ? 'FROZEN TEST split (never tuned on)'
        : split === 'test2'
          ? 'FROZEN TEST2 split (later writers, never tuned on)'
          : split === 'dev'
            ? 'dev split (used while tuning)'
            : `${split} split`;
    print(`${what}${rulesOnly ? ', rules only' : ''}; ${split}.jsonl sha256 ${sha}`, report, frozen ? 0 : misses);
  }
  if (values.json) console.log(JSON.stringify(out, null, 1));
}

main();

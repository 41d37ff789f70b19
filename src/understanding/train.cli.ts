// npm run train:understanding [-- --check]
// Rebuilds src/understanding/model.json from the train splits (test/fixtures/understanding/train.jsonl,
// train2.jsonl, train3.jsonl and train4.jsonl) and the earlier triage tuning sets (test/fixtures/triage-*.jsonl). Never reads the dev split
// or the frozen test splits (test.jsonl, test2.jsonl).
// Deterministic: the same data gives the same bytes; --check exits 1 when the committed file differs.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseCorpus } from './evaluate.ts';
import { DEFAULT_HYPER, type TrainRow, train } from './train.ts';
import { parseEvalFile } from '../triage/eval.ts';

const USAGE = 'usage: npm run train:understanding -- [--check]';
const FIX = new URL('../../test/fixtures/', import.meta.url);
const OUT = new URL('./model.json', import.meta.url);

export function trainingRows(): { rows: TrainRow[]; digest: string } {
  const hash = createHash('sha256');
  const rows: TrainRow[] = [];
  for (const name of ['train.jsonl', 'train2.jsonl', 'train3.jsonl', 'train4.jsonl']) {
    const corpus = readFileSync(new URL(`understanding/${name}`, FIX), 'utf8');
    hash.update(corpus);
    rows.push(...parseCorpus(corpus, name));
  }
  for (const name of ['triage-eval.jsonl', 'triage-holdout.jsonl', 'triage-holdout2.jsonl']) {
    const content = readFileSync(new URL(name, FIX), 'utf8');
    hash.update(content);
    rows.push(...parseEvalFile(content));
  }
  return { rows, digest: hash.digest('hex') };
}

function main(): void {
  let values: { check?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({ options: { check: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, strict: true }));
  } catch (err) {
    console.error(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const started = Date.now();
  const { rows, digest } = trainingRows();
  process.stderr.write(`training on ${rows.length} rows (train splits + earlier tuning sets)…\n`);
  const model = train(rows, digest, DEFAULT_HYPER);
  const json = `${JSON.stringify(model)}\n`;
  const features = Object.values(model.heads).reduce((n, h) => n + Object.keys(h.weights).length, 0);
  process.stderr.write(
    `${features} weighted features, ${(json.length / 1024).toFixed(0)} KiB, ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
  if (values.check) {
    const committed = readFileSync(OUT, 'utf8');
    if (committed !== json) {
      console.error('model.json differs from a fresh training run: run npm run train:understanding and commit the result');
      process.exitCode = 1;
      return;
    }
    console.log('model.json matches a fresh training run');
    return;
  }
  writeFileSync(OUT, json);
  console.log(`wrote ${OUT.pathname}`);
}

main();

// npm run eval:anonymise [-- --split train|dev|test | --file FILE.jsonl] [--quiet]
// Prints recall/precision per type, name recall/precision and other-PII recall with 95% intervals,
// and the SHA-256 of the frozen test split. Exit code 1 if the goals are not met.
// The test split (test/fixtures/anonymise/test.jsonl) is frozen: run it once, never tune on it.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cliArgs, usageError } from '../lib/cli-args.ts';
import { evaluate, formatReport, formatSummary, parseEvalJsonl, summarise } from './evaluate.ts';

const SPLIT_DIR = 'test/fixtures/anonymise';
const DEFAULT_FILE = `${SPLIT_DIR}/dev.jsonl`;
const TEST_FILE = `${SPLIT_DIR}/test.jsonl`;

const USAGE = 'usage: npm run eval:anonymise -- [--split train|dev|test | --file FILE.jsonl] [--quiet]';

function main(argv: string[]): number {
  const { values } = cliArgs(USAGE, { file: { type: 'string' }, split: { type: 'string' }, quiet: { type: 'boolean' } }, { args: argv });
  if (values.split !== undefined && !['train', 'dev', 'test'].includes(values.split))
    usageError(USAGE, '--split must be train, dev or test');
  if (values.split !== undefined && values.file !== undefined) usageError(USAGE, 'give --split or --file, not both');
  const file = values.file ?? (values.split !== undefined ? `${SPLIT_DIR}/${values.split}.jsonl` : DEFAULT_FILE);
  const quiet = values.quiet === true;
  const isTest = file.endsWith(TEST_FILE);
  const content = readFileSync(file, 'utf8');
  const report = evaluate(parseEvalJsonl(content));
  // On the frozen split only the figures are printed, never the texts or the errors.
  process.stdout.write(`${formatReport(report, !quiet && !isTest)}\n\n`);
  const summary = summarise(report);
  process.stdout.write(`${file}\n${formatSummary(summary)}\n`);
  const sha = createHash('sha256').update(readFileSync(TEST_FILE)).digest('hex');
  process.stdout.write(`frozen test split ${TEST_FILE} sha256 ${sha}\n`);
  return summary.goalsMet ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));

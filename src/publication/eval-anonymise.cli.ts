// npm run eval:anonymise [-- --split train|dev|test | --file FILE.jsonl] [--quiet]
// Prints recall/precision per type, name recall/precision and other-PII recall with 95% intervals,
// and the SHA-256 of the frozen test split. Exit code 1 if the goals are not met.
// The test split (test/fixtures/anonymise/test.jsonl) is frozen: run it once, never tune on it.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { evaluate, formatReport, formatSummary, parseEvalJsonl, summarise } from './evaluate.ts';

const SPLIT_DIR = 'test/fixtures/anonymise';
const DEFAULT_FILE = `${SPLIT_DIR}/dev.jsonl`;
const TEST_FILE = `${SPLIT_DIR}/test.jsonl`;

function main(argv: string[]): number {
  let file = DEFAULT_FILE;
  let quiet = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--file' || a === '--split') {
      const v = argv[++i];
      if (!v) {
        process.stderr.write(`${a} needs a value\n`);
        return 2;
      }
      if (a === '--split' && !['train', 'dev', 'test'].includes(v)) {
        process.stderr.write('--split must be train, dev or test\n');
        return 2;
      }
      file = a === '--split' ? `${SPLIT_DIR}/${v}.jsonl` : v;
    } else if (a === '--quiet') quiet = true;
    else if (a === '--help' || a === '-h') {
      process.stdout.write('usage: eval-anonymise [--split train|dev|test | --file FILE.jsonl] [--quiet]\n');
      return 0;
    } else {
      process.stderr.write(`unknown argument: ${a}\n`);
      return 2;
    }
  }
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

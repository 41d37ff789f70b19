// npm run eval:anonymise [-- --file test/fixtures/anonymise-eval.jsonl] [--quiet]
// Prints recall/precision per type and overall and whether the targets are met; exit code 1 if not.
import { readFileSync } from 'node:fs';
import { evaluate, formatReport, parseEvalJsonl } from './evaluate.ts';

const DEFAULT_FILE = 'test/fixtures/anonymise-eval.jsonl';

function main(argv: string[]): number {
  let file = DEFAULT_FILE;
  let quiet = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--file') {
      const f = argv[++i];
      if (!f) {
        process.stderr.write('--file needs a path\n');
        return 2;
      }
      file = f;
    } else if (a === '--quiet') quiet = true;
    else if (a === '--help' || a === '-h') {
      process.stdout.write('usage: eval-anonymise [--file FILE.jsonl] [--quiet]\n');
      return 0;
    } else {
      process.stderr.write(`unknown argument: ${a}\n`);
      return 2;
    }
  }
  const report = evaluate(parseEvalJsonl(readFileSync(file, 'utf8')));
  process.stdout.write(formatReport(report, !quiet) + '\n');
  return report.allMet ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));

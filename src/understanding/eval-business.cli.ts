// npm run eval:business [-- --split dev|test] [--misses N]
// Scores the business name read by understand() on test/fixtures/understanding/business-dev.jsonl (tuned
// on) and business-test.jsonl (frozen: never tuned on, never edited; misses are never listed for it).
// A row counts when the name read equals the expected one or one contains the other with the output at
// most 4 characters longer; null must match null. Exact matches are counted too.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cliArgs, positiveInt, usageError } from '../lib/cli-args.ts';
import { parseBusinessRows, scoreBusiness } from './evaluate-business.ts';

const USAGE = 'usage: npm run eval:business -- [--split dev|test] [--misses N]';
const DIR = new URL('../../test/fixtures/understanding/', import.meta.url);
const pct = (k: number, n: number): string => `${n === 0 ? '0.0' : ((100 * k) / n).toFixed(1)}% (${k}/${n})`;

function main(): void {
  const { values } = cliArgs(USAGE, { split: { type: 'string' }, misses: { type: 'string' } });
  const splits = values.split !== undefined ? [values.split] : ['dev', 'test'];
  if (splits.some((s) => s !== 'dev' && s !== 'test')) usageError(USAGE, '--split must be dev or test');
  const misses = values.misses === undefined || values.misses === '0' ? 0 : positiveInt(USAGE, 'misses', values.misses, 0);
  for (const split of splits) {
    const name = `business-${split}.jsonl`;
    const content = readFileSync(new URL(name, DIR), 'utf8');
    const r = scoreBusiness(parseBusinessRows(content, name));
    const sha = createHash('sha256').update(content).digest('hex');
    console.log(`== ${split === 'test' ? 'FROZEN TEST' : 'dev'} ${name} sha256 ${sha}: ${r.rows} texts ==`);
    console.log(`  business (exact or containment ≤ +4)  ${pct(r.matched, r.rows)}`);
    console.log(`  business (exact)                       ${pct(r.exact, r.rows)}`);
    console.log(`  wrong: ${r.misses.length} (name invented where none: ${r.invented}; none read where one: ${r.missed})`);
    if (split === 'dev' && misses > 0)
      for (const m of r.misses.slice(0, misses)) console.log(`    ${m.id} expected ${m.expected} got ${m.got} — ${m.text}`);
  }
}

main();

// npm run anonymise -- --jsonl FILE        (FILE = '-' reads stdin)
// Input lines:  {"id": "...", "text": "...", "keep"?: ["business name", "published phone"]}
// Output lines: {"id": "...", "text": "<anonymised>", "found": [{"type", "value"}]}
// A bad line gives {"id"?: ..., "error": "..."} and processing goes on. Blank lines are skipped.
// Exit code: 0 if every line was processed, 1 if some lines had errors, 2 for usage errors.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { cliArgs } from '../lib/cli-args.ts';
import { anonymise } from './anonymiser.ts';

function processLine(line: string): Record<string, unknown> {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch (e) {
    return { error: `invalid JSON: ${(e as Error).message}` };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { error: 'line is not a JSON object' };
  const o = raw as { id?: unknown; text?: unknown; keep?: unknown };
  const idPart = o.id === undefined ? {} : { id: o.id };
  if (typeof o.text !== 'string') return { ...idPart, error: 'field "text" must be a string' };
  if (o.keep !== undefined && (!Array.isArray(o.keep) || !o.keep.every((k) => typeof k === 'string'))) {
    return { ...idPart, error: 'field "keep" must be an array of strings' };
  }
  const r = anonymise(o.text, { keep: (o.keep as string[] | undefined) ?? [] });
  return { ...idPart, text: r.text, found: r.found };
}

const USAGE = 'usage: npm run anonymise -- --jsonl FILE|-   (lines {"id","text","keep"?} → {"id","text","found"})';

async function main(argv: string[]): Promise<number> {
  const file = cliArgs(USAGE, { jsonl: { type: 'string' } }, { args: argv }).values.jsonl;
  if (!file) {
    process.stderr.write(`missing --jsonl\n${USAGE}\n`);
    return 2;
  }
  const input: Readable = file === '-' ? process.stdin : createReadStream(file, { encoding: 'utf8' });
  let failed = 0;
  try {
    const rl = createInterface({ input, crlfDelay: Infinity });
    for await (const line of rl) {
      if (line.trim() === '') continue;
      const out = processLine(line);
      if ('error' in out) failed++;
      process.stdout.write(JSON.stringify(out) + '\n');
    }
  } catch (e) {
    process.stderr.write(`cannot read ${file}: ${(e as Error).message}\n`);
    return 2;
  }
  return failed > 0 ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));

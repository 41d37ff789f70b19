// npm run triage -- --jsonl FILE      (FILE may be '-' or omitted: stdin)   [--stats]
// Reads one {"id": …, "text": …} per line and writes one JSON object per line to stdout with the
// keys id, kind, category, urgency, suspected_crime, crime_basis, township, business, wants_reward,
// reasons. A bad line gives {"id"?, "error"} and the run goes on. --stats prints throughput to stderr.

import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import type { Readable } from 'node:stream';
import { triage } from './triage.ts';

type Id = string | number | null;

function toOutput(line: string): Record<string, unknown> | null {
  const trimmed = line.trim();
  if (trimmed.length === 0) return null;
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch {
    return { error: 'invalid JSON' };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { error: 'expected a JSON object' };
  const obj = value as Record<string, unknown>;
  const rawId = obj.id;
  const id: Id = typeof rawId === 'string' || typeof rawId === 'number' ? rawId : null;
  const text = obj.text;
  if (typeof text !== 'string') return id === null ? { error: 'missing "text" string' } : { id, error: 'missing "text" string' };
  const r = triage({ text });
  return {
    id,
    kind: r.kind,
    category: r.category,
    urgency: r.urgency,
    suspected_crime: r.suspectedCrime,
    crime_basis: r.crimeBasis,
    township: r.township,
    business: r.business,
    wants_reward: r.wantsReward,
    reasons: r.reasons,
  };
}

async function main(): Promise<void> {
  let parsed: { values: { jsonl?: string; stats?: boolean }; positionals: string[] };
  try {
    parsed = parseArgs({ options: { jsonl: { type: 'string' }, stats: { type: 'boolean' } }, strict: true, allowPositionals: true });
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\nusage: npm run triage -- [--jsonl FILE|-] [--stats]\n`);
    process.exitCode = 2;
    return;
  }
  const stats = parsed.values.stats === true;
  const file = parsed.values.jsonl ?? parsed.positionals[0];
  const input: Readable = file === undefined || file === '-' ? process.stdin : createReadStream(file, { encoding: 'utf8' });
  input.on('error', (err: NodeJS.ErrnoException) => {
    process.stderr.write(`cannot read ${file ?? 'stdin'}: ${err.code ?? err.message}\n`);
    process.exitCode = 2;
  });
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });

  const started = process.hrtime.bigint();
  let count = 0;
  let buffer: string[] = [];
  const flush = async (): Promise<void> => {
    if (buffer.length === 0) return;
    const chunk = buffer.join('');
    buffer = [];
    if (!process.stdout.write(chunk)) await new Promise<void>((resolve) => process.stdout.once('drain', resolve));
  };
  const rl = createInterface({ input, crlfDelay: Infinity });
  for await (const line of rl) {
    const out = toOutput(line);
    if (out === null) continue;
    count++;
    buffer.push(JSON.stringify(out) + '\n');
    if (buffer.length >= 500) await flush();
  }
  await flush();
  if (stats) {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    process.stderr.write(`triaged ${count} lines in ${ms.toFixed(0)} ms (${Math.round(count / (ms / 1000))} texts/s)\n`);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`triage failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});

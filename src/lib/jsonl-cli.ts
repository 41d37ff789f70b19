// A JSONL filter for the command line: one {"id", "text"} object per input line (a file, or stdin when
// the file is '-' or missing), one JSON object per output line. A bad line gives {"id"?, "error"} and the
// run goes on; output is buffered and respects back-pressure, so a million lines stream in constant memory.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

export type JsonlId = string | number | null;

export interface JsonlOptions {
  file: string | undefined;
  /** Print throughput to stderr at the end. */
  stats: boolean;
  label: string;
}

export async function runJsonl(opts: JsonlOptions, map: (id: JsonlId, text: string) => Record<string, unknown>): Promise<void> {
  const input: Readable = opts.file === undefined || opts.file === '-' ? process.stdin : createReadStream(opts.file, { encoding: 'utf8' });
  input.on('error', (err: NodeJS.ErrnoException) => {
    process.stderr.write(`cannot read ${opts.file ?? 'stdin'}: ${err.code ?? err.message}\n`);
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
    const trimmed = line.trim();
    if (trimmed.length === 0) continue;
    count++;
    buffer.push(`${JSON.stringify(toOutput(trimmed, map))}\n`);
    if (buffer.length >= 500) await flush();
  }
  await flush();
  if (opts.stats) {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    process.stderr.write(`${opts.label} ${count} lines in ${ms.toFixed(0)} ms (${Math.round(count / (ms / 1000))} texts/s)\n`);
  }
}

function toOutput(line: string, map: (id: JsonlId, text: string) => Record<string, unknown>): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { error: 'invalid JSON' };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { error: 'expected a JSON object' };
  const obj = value as Record<string, unknown>;
  const rawId = obj.id;
  const id: JsonlId = typeof rawId === 'string' || typeof rawId === 'number' ? rawId : null;
  const text = obj.text;
  if (typeof text !== 'string') return id === null ? { error: 'missing "text" string' } : { id, error: 'missing "text" string' };
  return { id, ...map(id, text) };
}

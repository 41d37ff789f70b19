// The one way a command-line tool reads its options: node:util parseArgs with strict: true, so an unknown
// or misspelt option (`--case 1000` for `--cases`), a missing value or a stray positional stops the tool
// with the message and its usage on stderr and exit code 2, instead of running with defaults.
// `--help` / `-h` prints the usage on stdout and exits 0.
import { type ParseArgsConfig, parseArgs } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

export interface CliArgs<O extends Options> {
  values: { [K in keyof O]?: O[K]['type'] extends 'boolean' ? boolean : O[K]['type'] extends 'string' ? string : string | boolean };
  positionals: string[];
}

/** Prints `message` and the usage on stderr, exit 2. */
export function usageError(usage: string, message: string): never {
  process.stderr.write(`${message}\n${usage.trimEnd()}\n`);
  process.exit(2);
}

export function cliArgs<const O extends Options>(
  usage: string,
  options: O,
  opts: { allowPositionals?: boolean; args?: string[] } = {},
): CliArgs<O> {
  const args = opts.args ?? process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${usage.trimEnd()}\n`);
    process.exit(0);
  }
  try {
    const { values, positionals } = parseArgs({ args, options, strict: true, allowPositionals: opts.allowPositionals ?? false });
    return { values: values as CliArgs<O>['values'], positionals };
  } catch (err) {
    return usageError(usage, err instanceof Error ? err.message : String(err));
  }
}

/** A positive integer option (or its default); anything else is a usage error. */
export function positiveInt(usage: string, name: string, raw: string | undefined, dflt: number): number {
  if (raw === undefined) return dflt;
  const v = Number(raw);
  if (!Number.isInteger(v) || v <= 0) usageError(usage, `--${name} must be a positive integer, got ${raw}`);
  return v;
}

/**
 * Progress of long work on stderr (count, rate, ETA) and a last line at the end: on a terminal once a
 * second, rewriting the line; into a file or pipe every 10 seconds, one line each (logs stay short).
 */
export function progress(label: string, total: number, opts: { everyMs?: number } = {}) {
  const started = Date.now();
  const every = opts.everyMs ?? (process.stderr.isTTY ? 1000 : 10_000);
  let last = 0;
  const line = (done: number) => {
    const s = (Date.now() - started) / 1000;
    const rate = s > 0 ? done / s : 0;
    const eta = rate > 0 ? Math.max(0, (total - done) / rate) : Number.NaN;
    return `${label}: ${done}/${total} (${Math.round((done / Math.max(1, total)) * 100)}%), ${rate.toFixed(0)}/s, ETA ${Number.isFinite(eta) ? `${eta.toFixed(0)} s` : '?'}`;
  };
  return {
    tick(done: number): void {
      const now = Date.now();
      if (now - last < every) return;
      last = now;
      process.stderr.write(`${line(done)}${process.stderr.isTTY ? '\r' : '\n'}`);
    },
    done(done: number = total): void {
      process.stderr.write(`${line(done)} — done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    },
  };
}

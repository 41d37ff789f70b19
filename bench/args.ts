// Strict command-line options for the benchmarks: an unknown or misspelt option (`--case 1000`) or a
// value that is not a positive integer stops with the usage line (exit 2) instead of running with defaults.
import { parseArgs } from 'node:util';

export function benchArgs<const N extends string, const F extends string>(
  usage: string,
  numbers: Record<N, number>,
  flags: readonly F[] = [],
): Record<N, number> & Record<F, boolean> {
  const options: Record<string, { type: 'string' | 'boolean' }> = {};
  for (const n of Object.keys(numbers)) options[n] = { type: 'string' };
  for (const f of flags) options[f] = { type: 'boolean' };
  const fail = (message: string): never => {
    process.stderr.write(`${message}\n${usage}\n`);
    process.exit(2);
  };
  let values: Record<string, string | boolean | undefined> = {};
  try {
    ({ values } = parseArgs({ options, strict: true, allowPositionals: false }));
  } catch (err) {
    fail(err instanceof Error ? err.message : String(err));
  }
  const out: Record<string, number | boolean> = {};
  for (const [n, dflt] of Object.entries(numbers) as [string, number][]) {
    const raw = values[n];
    if (raw === undefined) out[n] = dflt;
    else {
      const v = Number(raw);
      if (!Number.isInteger(v) || v <= 0) fail(`--${n} must be a positive integer, got ${String(raw)}`);
      out[n] = v;
    }
  }
  for (const f of flags) out[f] = values[f] === true;
  return out as Record<N, number> & Record<F, boolean>;
}

// Strict command-line options for the benchmarks (the shared parser, src/lib/cli-args.ts): an unknown or
// misspelt option (`--case 1000`) or a value that is not a positive integer stops with the usage line
// (exit 2) instead of running with defaults.
import { cliArgs, positiveInt } from '../src/lib/cli-args.ts';

export function benchArgs<const N extends string, const F extends string>(
  usage: string,
  numbers: Record<N, number>,
  flags: readonly F[] = [],
): Record<N, number> & Record<F, boolean> {
  const options: Record<string, { type: 'string' | 'boolean' }> = {};
  for (const n of Object.keys(numbers)) options[n] = { type: 'string' };
  for (const f of flags) options[f] = { type: 'boolean' };
  const { values } = cliArgs(usage, options);
  const out: Record<string, number | boolean> = {};
  for (const [n, dflt] of Object.entries(numbers) as [string, number][]) {
    const raw = values[n];
    out[n] = positiveInt(usage, n, typeof raw === 'string' ? raw : undefined, dflt);
  }
  for (const f of flags) out[f] = values[f] === true;
  return out as Record<N, number> & Record<F, boolean>;
}

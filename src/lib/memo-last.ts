// A one-entry memo for a pure text function: the engine hands the same text to several readers in a row
// (understand, the rules, the business and place finders), each normalising it first.

/**
 * `fn` with its last string input and output remembered (other inputs are passed through uncached). With
 * `idempotent`, the last output given back is also taken as final (a normaliser applied to its own output).
 */
export function memoLast(fn: (raw: unknown) => string, opts: { idempotent?: boolean } = {}): (raw: unknown) => string {
  let lastRaw: string | null = null;
  let lastOut = '';
  return (raw: unknown): string => {
    if (typeof raw === 'string' && lastRaw !== null && (raw === lastRaw || (opts.idempotent === true && raw === lastOut))) return lastOut;
    const out = fn(raw);
    if (typeof raw === 'string') {
      lastRaw = raw;
      lastOut = out;
    }
    return out;
  };
}

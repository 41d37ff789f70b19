// Random bytes for the request path, drawn from a pooled buffer refilled from the CSPRNG 4 KiB at a time
// (as lib/ids.ts does for uuidv7): `crypto.randomBytes(n)` asks OpenSSL for every call, which cost about
// 3% of a submission's CPU for its query code and the IV of each sealed identity. The bytes are the same
// CSPRNG output; each is handed out once, as a copy the caller owns.
import { randomFillSync } from 'node:crypto';

const pool = Buffer.alloc(4096);
let offset = pool.length;

/** `n` cryptographically random bytes (n ≤ 4096), never handed out twice. */
export function randomBytesPooled(n: number): Buffer {
  if (n > pool.length) throw new RangeError(`at most ${pool.length} bytes`);
  if (offset + n > pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  const out = Buffer.from(pool.subarray(offset, offset + n));
  // Wiped as handed out: the pool keeps no copy of what a caller uses as a key, an IV or a code.
  pool.fill(0, offset, offset + n);
  offset += n;
  return out;
}

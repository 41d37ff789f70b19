// Time-ordered UUIDs (version 7, RFC 9562): 48 bits of Unix milliseconds, then random bits. Rows created
// together get neighbouring keys, so inserts append to the end of the B-tree indexes instead of landing
// on random pages — measurably faster group commits on SQLite and PostgreSQL alike.
import { randomFillSync } from 'node:crypto';

const pool = Buffer.alloc(16 * 256);
let offset = pool.length;
let lastMs = 0;
let seq = 0;

export function uuidv7(now = Date.now()): string {
  if (offset >= pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  const b = pool.subarray(offset, offset + 16);
  offset += 16;
  // Within one millisecond a 12-bit counter keeps ids increasing (rand_a), as RFC 9562 allows; when it
  // runs out, or the clock steps back, the timestamp is advanced by one so order is never broken.
  if (now <= lastMs) {
    seq++;
    if (seq > 0xfff) {
      lastMs++;
      seq = 0;
    }
    now = lastMs;
  } else {
    lastMs = now;
    seq = b[6]! & 0x07; // start low so the counter has room
  }
  b[0] = Math.floor(now / 2 ** 40) & 0xff;
  b[1] = Math.floor(now / 2 ** 32) & 0xff;
  b[2] = (now >>> 24) & 0xff;
  b[3] = (now >>> 16) & 0xff;
  b[4] = (now >>> 8) & 0xff;
  b[5] = now & 0xff;
  b[6] = 0x70 | (seq >>> 8);
  b[7] = seq & 0xff;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

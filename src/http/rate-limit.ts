// Per-client rate limits kept in Redis (rate-limiter-flexible), so every web process on the same Redis
// counts against one limit; if Redis is away, each process falls back to an in-memory limit of its own
// (insurance) rather than letting everything through. The client is the first untrusted hop from the
// right of X-Forwarded-For (see clientIp). Keys hold a keyed MAC of the address, never the address, and
// live only for their window; addresses are never logged.
import { BlockList, isIP } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { TrustProxy } from '../config.ts';
import { AppError } from '../lib/errors.ts';

function socketAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // app.request() in tests has no socket
  }
}

const strip = (a: string) => a.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');

function blockListOf(addresses: readonly string[]): BlockList {
  const list = new BlockList();
  for (const a of addresses) {
    const [ip = '', bits] = a.split('/');
    const type = isIP(ip) === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(ip, type);
    else list.addSubnet(ip, Number(bits), type);
  }
  return list;
}

const trustedLists = new WeakMap<object, BlockList>();

/** Whether an address is one of `list` (addresses or CIDR ranges). */
export function addressIn(list: readonly string[], address: string): boolean {
  let l = trustedLists.get(list);
  if (!l) {
    l = blockListOf(list);
    trustedLists.set(list, l);
  }
  const a = strip(address);
  const type = isIP(a);
  return type !== 0 && l.check(a, type === 6 ? 'ipv6' : 'ipv4');
}

function isTrusted(trust: Extract<TrustProxy, { addresses: readonly string[] }>, address: string): boolean {
  let list = trustedLists.get(trust);
  if (!list) {
    list = blockListOf(trust.addresses);
    trustedLists.set(trust, list);
  }
  const a = strip(address);
  const type = isIP(a);
  return type !== 0 && list.check(a, type === 6 ? 'ipv6' : 'ipv4');
}

/**
 * The client's address. The chain is X-Forwarded-For followed by the socket's peer; walking it from the
 * right, trusted proxies are skipped (the first `hops` entries, or those whose address is listed) and the
 * first untrusted one is the client. Entries left of it were written by the client and are ignored, so a
 * rotating X-Forwarded-For changes nothing.
 */
export function clientIp(c: Context, trust: TrustProxy): string {
  const peer = strip(socketAddress(c));
  if ('hops' in trust && trust.hops === 0) return peer;
  const forwarded = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((s) => strip(s.trim()))
    .filter(Boolean);
  const chain = [...forwarded, peer]; // left: farthest from us
  if ('hops' in trust) return chain[Math.max(0, chain.length - 1 - trust.hops)] ?? peer;
  for (let i = chain.length - 1; i >= 0; i--) {
    const a = chain[i] as string;
    if (!isTrusted(trust, a)) return a;
  }
  return chain[0] ?? peer;
}

const KEY_MEMO = 10_000;

/** Where the counters live: one Redis client per process (lazy), and the prefix shared by all processes. */
export class RateLimits {
  private redis: Redis | null = null;

  /**
   * The counter key of a client (an HMAC of its address) made once per client, not per request: the same
   * address asks again and again. Bounded: emptied when it reaches KEY_MEMO entries.
   */
  private readonly keys = new Map<string, string>();

  constructor(private readonly opts: { redisUrl: string; prefix: string; keyOf: (s: string) => string }) {}

  private keyOf(s: string): string {
    let k = this.keys.get(s);
    if (k === undefined) {
      k = this.opts.keyOf(s);
      if (this.keys.size >= KEY_MEMO) this.keys.clear();
      this.keys.set(s, k);
    }
    return k;
  }

  private client(): Redis {
    if (!this.redis) {
      // Commands wait for the connection (the first requests of a process must count in Redis too); with
      // Redis away a call fails after one retry and the in-memory insurance answers.
      this.redis = new Redis(this.opts.redisUrl, {
        enableOfflineQueue: true,
        // Every submission asks Redis once: the commands of requests handled in the same event-loop turn
        // go out in one write (one syscall, one round trip) instead of one each.
        enableAutoPipelining: true,
        maxRetriesPerRequest: 1,
        connectTimeout: 2000,
        retryStrategy: (n: number) => Math.min(n * 200, 2000),
      });
      this.redis.on('error', () => {});
    }
    return this.redis;
  }

  /** A limiter of `points` per `durationSec` for keys of `name`. */
  limiter(name: string, points: number, durationSec: number, blockSec = 0): Limiter {
    const limiter = new RateLimiterRedis({
      storeClient: this.client(),
      keyPrefix: `${this.opts.prefix}:rl:${name}`,
      points,
      duration: durationSec,
      blockDuration: blockSec,
      insuranceLimiter: new RateLimiterMemory({ points, duration: durationSec, blockDuration: blockSec }),
    });
    const keyOf = (key: string) => this.keyOf(key);
    return {
      async consume(key: string) {
        try {
          await limiter.consume(keyOf(key));
          return { ok: true };
        } catch (e) {
          if (e instanceof RateLimiterRes) return { ok: false, retryAfterSec: Math.max(1, Math.ceil(e.msBeforeNext / 1000)) };
          throw e;
        }
      },
      async over(key: string) {
        const res = await limiter.get(keyOf(key)).catch(() => null);
        return res !== null && res.consumedPoints >= points;
      },
      async reset(key: string) {
        await limiter.delete(keyOf(key)).catch(() => false);
      },
    };
  }

  async close(): Promise<void> {
    const r = this.redis;
    this.redis = null;
    if (r) r.disconnect();
  }
}

export interface Limiter {
  consume(key: string): Promise<{ ok: true } | { ok: false; retryAfterSec: number }>;
  /** Whether the key has used up its points (without consuming one). */
  over(key: string): Promise<boolean>;
  reset(key: string): Promise<void>;
}

/** Middleware: `perMinute` requests per client address and minute, shared by every process. */
export function rateLimit(opts: { name: string; perMinute: number; trustProxy: TrustProxy; limits: RateLimits }): MiddlewareHandler {
  let limiter: Limiter | null = null;
  return async (c, next) => {
    limiter ??= opts.limits.limiter(opts.name, opts.perMinute, 60);
    const r = await limiter.consume(clientIp(c, opts.trustProxy));
    if (!r.ok) {
      c.header('Retry-After', String(r.retryAfterSec));
      throw new AppError('RATE_LIMITED', '操作过于频繁，请一分钟后再试');
    }
    await next();
  };
}

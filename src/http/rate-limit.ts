// Per-client fixed-window rate limit, in memory (per process). Behind a proxy (TRUST_PROXY=1) the client
// is the first X-Forwarded-For address. The key is only kept for the window and never logged.
import type { Context, MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { AppError } from '../lib/errors.ts';

export function clientIp(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const xff = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (xff) return xff;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // app.request() in tests has no socket
  }
}

export function rateLimit(opts: { name: string; perMinute: number; trustProxy: boolean; now?: () => number }): MiddlewareHandler {
  const windows = new Map<string, { start: number; count: number }>();
  const now = opts.now ?? Date.now;
  let lastSweep = now();
  return async (c, next) => {
    const t = now();
    if (t - lastSweep > 60_000) {
      for (const [k, w] of windows) if (t - w.start >= 60_000) windows.delete(k);
      lastSweep = t;
    }
    const key = clientIp(c, opts.trustProxy);
    let w = windows.get(key);
    if (!w || t - w.start >= 60_000) {
      w = { start: t, count: 0 };
      windows.set(key, w);
    }
    w.count++;
    if (w.count > opts.perMinute) {
      c.header('Retry-After', String(Math.ceil((w.start + 60_000 - t) / 1000)));
      throw new AppError('RATE_LIMITED', '操作过于频繁，请一分钟后再试');
    }
    await next();
  };
}

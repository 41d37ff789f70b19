// The WeChat bot's authentication: Authorization: Bearer BOT_TOKEN. app.ts uses it to mark the bot's
// requests (channel 'wechat'), the bot API to refuse everyone else, and the rate limits to let the bot by.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../lib/errors.ts';
import type { AppEnv } from '../app-env.ts';

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Constant-time token check: both sides hashed to equal length first. */
export function tokenMatches(given: string, expected: string | undefined): boolean {
  if (expected === undefined) return false;
  return timingSafeEqual(digest(given), digest(expected));
}

/** The bearer token of a request, or null. */
export function bearerOf(header: string | undefined): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return m?.[1] ?? null;
}

/** 401 without a bearer token, 403 with a wrong one or when the bot API is off (no BOT_TOKEN configured). */
export function requireBot(deps: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = bearerOf(c.req.header('authorization'));
    if (token === null) throw new AppError('UNAUTHENTICATED', '需要机器人令牌');
    if (!tokenMatches(token, deps.config.botToken)) throw new AppError('FORBIDDEN', '令牌无效或机器人接口未启用');
    await next();
  };
}

/**
 * The per-address limits do not apply to the bot: all WeChat citizens arrive from its one address, and
 * it limits each contact itself (BOT_MESSAGES_PER_MINUTE).
 */
export function botExempt(limiter: MiddlewareHandler): MiddlewareHandler<AppEnv> {
  return async (c, next) => (c.get('channel') === 'wechat' ? next() : limiter(c, next));
}

// GET /api/v1/cases/{number}/status — the query code comes in the `X-Query-Code` header or `?code=`.
// Unknown number and wrong code give the same 404.
import { Hono } from 'hono';
import { getPublicStatus } from '../../cases/public-status.query.ts';
import { AppError } from '../../lib/errors.ts';
import type { Deps } from '../../deps.ts';
import { rateLimit } from '../rate-limit.ts';
import { botExempt } from './bot.routes.ts';
import type { AppEnv } from '../app.ts';

export function statusRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  app.get('/cases/:number/status', botExempt(rateLimit({ name: 'lookups', perMinute: deps.config.rateLimits.lookupsPerMinute, trustProxy: deps.config.trustProxy })), async (c) => {
    const code = c.req.header('x-query-code') ?? c.req.query('code');
    if (!code) throw new AppError('VALIDATION', '请提供查询码', [{ path: 'code', message: '请填写查询码' }]);
    const number = c.req.param('number').trim().toUpperCase();
    const status = /^XZ-\d{8}-\d{6,}$/.test(number) && code.length <= 64 ? await getPublicStatus(deps.db, number, code) : null;
    if (!status) throw new AppError('CASE_NOT_FOUND', '未找到该编号的案件，或查询码不正确');
    c.header('Cache-Control', 'no-store');
    return c.json(status);
  });
  return app;
}

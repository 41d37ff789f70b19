// createApp(deps): the whole HTTP surface, testable in memory with app.request().
import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import { routePath } from 'hono/route';
import { secureHeaders } from 'hono/secure-headers';
import { z } from 'zod';
import type { Deps } from '../deps.ts';
import { AppError } from '../lib/errors.ts';
import { HttpMetrics, renderMetrics } from '../ops/metrics.ts';
import { dbGauges } from '../ops/metrics.queries.ts';
import type { AppEnv } from './app-env.ts';
import { bearerOf, tokenMatches } from './api/bot-auth.ts';
import { botRoutes } from './api/bot.routes.ts';
import { openApiRoutes } from './api/openapi.ts';
import { statusRoutes } from './api/status.routes.ts';
import { submissionRoutes } from './api/submissions.routes.ts';
import { errorResponse, onError } from './errors.ts';
import { backofficeRoutes } from './backoffice/backoffice.routes.tsx';
import { portalRoutes } from './public/portal.routes.tsx';
import { resultsRoutes } from './results/results.routes.tsx';

// Fallback Chinese messages for any zod issue our schemas do not word themselves.
z.config(z.locales.zhCN());

export function createApp(deps: Deps) {
  const app = new Hono<AppEnv>();
  app.use(requestId({ limitLength: 64, headerName: 'X-Request-Id' }));
  app.use(secureHeaders());
  const httpMetrics = new HttpMetrics();
  app.use(async (c, next) => {
    const start = performance.now();
    await next();
    // Labelled by the route pattern that answered (never the raw path: it may carry a case number).
    httpMetrics.observe(c.req.method, routePath(c, -1), c.res.status, (performance.now() - start) / 1000);
    // Path only: query strings may carry a query code. Never bodies.
    deps.logger.info(
      {
        requestId: c.get('requestId'),
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - start),
      },
      'request',
    );
  });
  app.use('/api/*', async (c, next) => {
    c.set('actor', { role: 'citizen', id: null });
    // The WeChat bot authenticates with BOT_TOKEN: its submissions are channel 'wechat'.
    const token = bearerOf(c.req.header('authorization'));
    c.set('channel', token !== null && tokenMatches(token, deps.config.botToken) ? 'wechat' : 'api');
    await next();
  });
  app.onError(onError(deps.logger));
  app.notFound((c) => errorResponse(c, new AppError('NOT_FOUND', '页面或接口不存在')));

  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    const [database, redis] = await Promise.all([deps.databaseReady().catch(() => false), deps.redisReady().catch(() => false)]);
    return c.json({ status: database && redis ? 'ready' : 'not ready', database, redis }, database && redis ? 200 : 503);
  });
  // Prometheus scrape target, behind its own bearer token; off (404) when METRICS_TOKEN is unset.
  app.get('/metrics', async (c) => {
    const token = deps.config.metricsToken;
    if (token === undefined) return errorResponse(c, new AppError('NOT_FOUND', '页面或接口不存在'));
    const given = bearerOf(c.req.header('authorization'));
    if (given === null || !tokenMatches(given, token)) {
      c.header('WWW-Authenticate', 'Bearer realm="metrics"');
      return c.text('unauthorized\n', 401);
    }
    const now = deps.clock.now();
    const [gauges, redis] = await Promise.all([dbGauges(deps.db, now), deps.redisReady().catch(() => false)]);
    const body = await renderMetrics(httpMetrics, gauges, deps.queues, redis);
    return c.body(body, 200, { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8', 'Cache-Control': 'no-store' });
  });
  app.route('/', portalRoutes(deps));
  app.route('/staff', backofficeRoutes(deps));
  app.route('/', resultsRoutes(deps));

  const api = new Hono<AppEnv>();
  api.route('/', submissionRoutes(deps));
  api.route('/', statusRoutes(deps));
  api.route('/', openApiRoutes());
  api.route('/', botRoutes(deps));
  app.route('/api/v1', api);
  return app;
}

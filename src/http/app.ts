// createApp(deps): the whole HTTP surface, testable in memory with app.request().
import { statfs } from 'node:fs/promises';
import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import { routePath } from 'hono/route';
import { secureHeaders } from 'hono/secure-headers';
import { z } from 'zod';
import type { Deps } from '../deps.ts';
import { AppError } from '../lib/errors.ts';
import { Metrics } from '../ops/metrics.ts';
import { dbGauges } from '../ops/metrics.queries.ts';
import type { AppEnv } from './app-env.ts';
import { bearerOf, tokenMatches } from './api/bot-auth.ts';
import { botRoutes } from './api/bot.routes.ts';
import { openApiRoutes } from './api/openapi.ts';
import { statusRoutes } from './api/status.routes.ts';
import { submissionRoutes } from './api/submissions.routes.ts';
import { isMultipart, JSON_BODY_LIMIT, limitBody } from './body-limit.ts';
import { errorResponse, onError } from './errors.ts';
import { addressIn, clientIp } from './rate-limit.ts';
import { backofficeRoutes } from './backoffice/backoffice.routes.tsx';
import { portalRoutes } from './public/portal.routes.tsx';
import { rewardPortalRoutes } from './public/reward.routes.tsx';
import { resultsRoutes } from './results/results.routes.tsx';

// Fallback Chinese messages for any zod issue our schemas do not word themselves.
z.config(z.locales.zhCN());

export function createApp(deps: Deps) {
  const app = new Hono<AppEnv>();
  app.use(requestId({ limitLength: 64, headerName: 'X-Request-Id' }));
  app.use(secureHeaders());
  const metrics = new Metrics();
  app.use(async (c, next) => {
    const start = performance.now();
    await next();
    // Labelled by the route pattern that answered (never the raw path: it may carry a case number).
    metrics.observe(c.req.method, routePath(c, -1), c.res.status, (performance.now() - start) / 1000);
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
  // Every JSON body under /api is at most 1 MB, refused on its declared length before it is read; only
  // multipart submissions (with files) may be larger, up to the upload limits.
  const { uploads } = deps.config;
  app.use(
    '/api/*',
    limitBody({
      maxSize: (c) => (isMultipart(c) ? uploads.maxFiles * uploads.maxFileBytes + JSON_BODY_LIMIT : JSON_BODY_LIMIT),
      onError: (c) =>
        errorResponse(
          c,
          new AppError('PAYLOAD_TOO_LARGE', '提交的内容过大', [
            { path: 'body', message: isMultipart(c) ? '附件总大小超过上限' : '请求内容不能超过1MB' },
          ]),
        ),
    }),
  );
  app.onError(onError(deps.logger));
  app.notFound((c) => errorResponse(c, new AppError('NOT_FOUND', '页面或接口不存在')));

  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  // Ready = the database answers, Redis answers and DATA_DIR (evidence, SQLite) has room. Each check gets
  // at most READY_CHECK_MS, so a load balancer always has its answer within a second.
  app.get('/readyz', async (c) => {
    const [database, redis, disk] = await Promise.all([
      within(READY_CHECK_MS, deps.databaseReady()),
      within(READY_CHECK_MS, deps.redisReady()),
      within(READY_CHECK_MS, diskHasRoom(deps.config.dataDir)),
    ]);
    const ready = database && redis && disk;
    return c.json({ status: ready ? 'ready' : 'not ready', database, redis, disk }, ready ? 200 : 503);
  });
  // Prometheus scrape target, behind its own bearer token, and (METRICS_ALLOW_FROM) only from the admin
  // network's addresses; off (404) when METRICS_TOKEN is unset, and 404 from any other address.
  app.get('/metrics', async (c) => {
    const { metricsToken: token, metricsAllowFrom: allowed, trustProxy } = deps.config;
    if (token === undefined || (allowed !== undefined && !addressIn(allowed, clientIp(c, trustProxy))))
      return errorResponse(c, new AppError('NOT_FOUND', '页面或接口不存在'));
    const given = bearerOf(c.req.header('authorization'));
    if (given === null || !tokenMatches(given, token)) {
      c.header('WWW-Authenticate', 'Bearer realm="metrics"');
      return c.text('unauthorized\n', 401);
    }
    const now = deps.clock.now();
    const [gauges, redis] = await Promise.all([dbGauges(deps.db, now), deps.redisReady().catch(() => false)]);
    const body = await metrics.render(gauges, deps.queues, redis);
    return c.body(body, 200, { 'Content-Type': metrics.contentType, 'Cache-Control': 'no-store' });
  });
  app.route('/', portalRoutes(deps));
  app.route('/', rewardPortalRoutes(deps));
  app.route('/staff', backofficeRoutes(deps));
  app.route('/', resultsRoutes(deps));

  const api = new Hono<AppEnv>();
  api.route('/', submissionRoutes(deps));
  api.route('/', statusRoutes(deps));
  // The document lists the routes of the whole app (open data is mounted on it directly).
  api.route(
    '/',
    openApiRoutes(() => app.routes, deps.publicBaseUrl),
  );
  api.route('/', botRoutes(deps));
  app.route('/api/v1', api);
  return app;
}

const READY_CHECK_MS = 800;
/** Below this much free space in DATA_DIR, the instance reports itself not ready (writes would fail). */
export const MIN_FREE_BYTES = 64 * 1024 * 1024;

/** The check's answer, or false when it fails or takes longer than ms. */
function within(ms: number, check: Promise<boolean>): Promise<boolean> {
  return new Promise((resolve) => {
    const t = setTimeout(() => resolve(false), ms);
    check.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      () => {
        clearTimeout(t);
        resolve(false);
      },
    );
  });
}

async function diskHasRoom(dir: string): Promise<boolean> {
  const s = await statfs(dir);
  return s.bavail * s.bsize >= MIN_FREE_BYTES;
}

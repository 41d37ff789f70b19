// The back office, mounted at /staff: one router per area (auth, inbox, cases, referral, disposition,
// statistics, police, admin), each listing its routes with who may use them. BACKOFFICE_ROUTES joins
// those lists: one table drives both the guard (guard.ts; a route missing from it cannot be registered)
// and the shared security suite (test/backoffice/security.test.ts, which also fails when a registered
// route is missing from it). Handlers parse, call one domain verb or view, and render: no queries here.
// Pages are server-rendered, uncached, under the portal's strict CSP.
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Deps } from '../../deps.ts';
import { AppError, DEFAULT_MESSAGES } from '../../lib/errors.ts';
import { limitBody } from '../body-limit.ts';
import { PORTAL_CSP } from '../csp.ts';
import { ADMIN_ROUTES, adminRoutes } from './admin.routes.tsx';
import { AUTH_ROUTES, authRoutes } from './auth.routes.tsx';
import { CASE_ROUTES, caseRoutes } from './cases.routes.tsx';
import { DISPOSITION_ROUTES, dispositionRoutes } from './disposition.routes.tsx';
import { type BoEnv, COOKIE_PATH, type RouteRule } from './guard.ts';
import { INBOX_ROUTES, inboxRoutes } from './inbox.routes.tsx';
import { INTAKE_ROUTES, intakeRoutes } from './intake.routes.tsx';
import { render } from './kit.tsx';
import { BO_STYLESHEET, BoErrorPage } from './layout.tsx';
import { POLICE_ROUTES, policeRoutes } from './police.routes.tsx';
import { DASHBOARD_CSP, QUEUES_BASE_PATH } from './queues.dashboard.ts';
import { REFERRAL_ROUTES, referralRoutes } from './referral.routes.tsx';
import { REWARD_ROUTES, rewardRoutes } from './reward.routes.tsx';
import { STATISTICS_ROUTES, statisticsRoutes } from './statistics.routes.tsx';

/** Every back-office route and who may use it. The shared security suite runs against this whole list. */
export const BACKOFFICE_ROUTES = [
  { method: 'GET', path: BO_STYLESHEET.path, access: 'public' },
  ...AUTH_ROUTES,
  ...INBOX_ROUTES,
  ...CASE_ROUTES,
  ...REFERRAL_ROUTES,
  ...DISPOSITION_ROUTES,
  ...STATISTICS_ROUTES,
  ...POLICE_ROUTES,
  ...INTAKE_ROUTES,
  ...ADMIN_ROUTES,
  ...REWARD_ROUTES,
] as const satisfies readonly RouteRule[];

export function backofficeRoutes(deps: Deps) {
  const app = new Hono<BoEnv>();

  // The queue dashboard runs its own scripts: its own CSP; every other page the portal's script-free one.
  const pageCsp = secureHeaders({ contentSecurityPolicy: PORTAL_CSP, xFrameOptions: 'DENY', referrerPolicy: 'no-referrer' });
  const dashboardCsp = secureHeaders({ contentSecurityPolicy: DASHBOARD_CSP, xFrameOptions: 'DENY', referrerPolicy: 'no-referrer' });
  // Evidence files carry a sandboxing CSP of their own (a PDF or odd file must not run anything here).
  const evidenceCsp = secureHeaders({
    contentSecurityPolicy: { sandbox: [], defaultSrc: ["'none'"], imgSrc: ["'self'"], mediaSrc: ["'self'"] },
    xFrameOptions: 'DENY',
    referrerPolicy: 'no-referrer',
  });
  app.use('*', (c, next) =>
    c.req.path === QUEUES_BASE_PATH || c.req.path.startsWith(`${QUEUES_BASE_PATH}/`)
      ? dashboardCsp(c, next)
      : /^\/staff\/cases\/[^/]+\/evidence\//.test(c.req.path)
        ? evidenceCsp(c, next)
        : pageCsp(c, next),
  );
  app.use('*', async (c, next) => {
    await next();
    if (!c.req.path.startsWith(`${COOKIE_PATH}/static/`)) c.header('Cache-Control', 'no-store');
  });
  app.use(
    '*',
    limitBody({
      maxSize: 64 * 1024,
      onError: () => {
        throw new AppError('PAYLOAD_TOO_LARGE', DEFAULT_MESSAGES.PAYLOAD_TOO_LARGE);
      },
    }),
  );

  app.onError((err, c) => {
    const s = c.get('session') ?? null;
    const user = s?.user ?? null;
    if (err instanceof AppError) {
      const title =
        err.code === 'FORBIDDEN' ? '无权访问' : err.code === 'CASE_NOT_FOUND' || err.code === 'NOT_FOUND' ? '未找到' : '无法完成操作';
      return render(
        c,
        <BoErrorPage title={title} message={err.message || DEFAULT_MESSAGES[err.code]} user={user} />,
        err.status as ContentfulStatusCode,
      );
    }
    if (err instanceof HTTPException && err.status < 500) {
      return render(
        c,
        <BoErrorPage title="无法完成操作" message={DEFAULT_MESSAGES.MALFORMED_BODY} user={user} />,
        err.status as ContentfulStatusCode,
      );
    }
    const requestId = String(c.get('requestId') ?? '');
    deps.logger.error({ requestId, err: { name: err.name, stack: err.stack } }, 'unhandled error (back office)');
    return render(c, <BoErrorPage title="系统暂时出错" message={DEFAULT_MESSAGES.INTERNAL} user={user} requestId={requestId} />, 500);
  });

  app.get(BO_STYLESHEET.path, (c) =>
    c.body(BO_STYLESHEET.body, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'public, max-age=31536000, immutable' }),
  );
  // Areas in this order: a static path (/cases/export.csv) is registered before the id route it resembles.
  for (const area of [
    authRoutes,
    inboxRoutes,
    caseRoutes,
    referralRoutes,
    dispositionRoutes,
    statisticsRoutes,
    policeRoutes,
    intakeRoutes,
    adminRoutes,
    rewardRoutes,
  ])
    app.route('/', area(deps));
  return app;
}

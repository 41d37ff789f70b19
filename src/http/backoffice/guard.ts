// The back office's access rules and the one guard that enforces them. Every route is listed with who
// may use it (each area file contributes its list; backoffice.routes.tsx joins them into
// BACKOFFICE_ROUTES, which the shared security suite runs against). The guard checks, in order: a
// session (none → the sign-in page), the role (wrong → 403), and for a POST the CSRF token, which must
// have been rendered for this very session (csrf.ts, issueSessionToken). Case routes re-check the case's unit and assignee in their domain (scope.ts).
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie } from 'hono/cookie';
import { type SessionUser, loadSession } from '../../backoffice/session.service.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../lib/errors.ts';
import type { AppEnv } from '../app-env.ts';
import { CSRF_FIELD, CSRF_MESSAGES, checkSessionCsrf } from '../public/csrf.ts';

export const SESSION_COOKIE = 'st_staff';
export const COOKIE_PATH = '/staff';

export type Access = 'public' | 'signed_in' | readonly string[];
export interface RouteRule {
  /** PUT: the queue dashboard's actions (JSON over fetch, no form token): the same-origin check instead. */
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  access: Access;
  /** The route works on one case (:id): scope is checked too. */
  caseScoped?: boolean;
  /** A police route on one referral (:rid): only referrals transferred to the officer's unit. */
  referralScoped?: boolean;
}

export const WORKERS = ['intake_clerk', 'handler', 'supervisor', 'admin', 'director'] as const;
export const HANDLING = ['intake_clerk', 'handler', 'supervisor'] as const;

export type BoEnv = { Variables: AppEnv['Variables'] & { session: SessionUser } };
export type C = Context<BoEnv>;

/** Only our own back-office paths may be a post-sign-in target (no open redirect). */
export function safeNext(v: unknown): string | null {
  return typeof v === 'string' && /^\/staff\/[A-Za-z0-9/_?=&.-]*$/.test(v) && !v.includes('//') && !v.startsWith('/staff/login') ? v : null;
}

/** Where a user lands after signing in: what waits for them (police: their referrals). */
export const landing = (s: SessionUser) =>
  s.user.role === 'police' ? '/staff/police' : s.user.role === 'reward_officer' ? '/staff/rewards' : '/staff/todo';

/** What a user still holding a one-time password may reach: changing it, and signing out. */
const ONE_TIME_PASSWORD_PATHS = ['/staff/account/password', '/staff/logout', '/staff/logout-all'];
export const PASSWORD_PAGE = '/staff/account/password';

/**
 * A state-changing request that carries no form token (the queue dashboard's fetch() PUTs) must come from
 * our own pages: Fetch Metadata says same-origin, or (a browser without it) Origin is this server's or
 * PUBLIC_BASE_URL's origin. Neither header: refused (a browser always sends one of them on a PUT).
 */
export function sameOriginRequest(c: Context, publicBaseUrl: string): boolean {
  const site = c.req.header('sec-fetch-site');
  if (site !== undefined) return site === 'same-origin';
  const origin = c.req.header('origin');
  if (origin === undefined || origin === 'null') return false;
  return origin === new URL(c.req.url).origin || origin === new URL(publicBaseUrl).origin;
}

/** Session, role, and for POST the CSRF token, for PUT the same-origin check, in that order. */
export function guard(deps: Deps, access: Access): MiddlewareHandler<BoEnv> {
  const mac = (s: string) => deps.cipher.mac(s);
  return async (c, next) => {
    if (access === 'public') return next();
    const s = await loadSession(deps.db, getCookie(c, SESSION_COOKIE), deps.clock.now());
    if (!s) {
      deleteCookie(c, SESSION_COOKIE, { path: COOKIE_PATH });
      if (c.req.method === 'GET') {
        const next = safeNext(c.req.path + (new URL(c.req.url).search || ''));
        return c.redirect(`/staff/login${next ? `?next=${encodeURIComponent(next)}` : ''}`, 302);
      }
      return c.redirect('/staff/login', 303);
    }
    c.set('session', s);
    c.set('actor', { role: s.user.role, id: s.user.id });
    // A one-time password (set by an admin) must be replaced before anything else.
    if (s.user.mustChangePassword && !ONE_TIME_PASSWORD_PATHS.includes(c.req.path))
      return c.redirect(`${PASSWORD_PAGE}?first=1`, c.req.method === 'GET' ? 302 : 303);
    if (access !== 'signed_in' && !access.includes(s.user.role)) throw new AppError('FORBIDDEN', '您的角色无权访问此页面');
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && c.req.method !== 'POST' && !sameOriginRequest(c, deps.publicBaseUrl))
      throw new AppError('FORBIDDEN', '请求来源不可信：请在本系统的页面中操作');
    if (c.req.method === 'POST') {
      // `all`: repeated fields (checkbox groups) arrive as arrays. Hono caches the first parse for the handler.
      const body = await c.req.parseBody({ all: true });
      const check = checkSessionCsrf(c, mac, s.sessionId, body[CSRF_FIELD], deps.clock.now().getTime());
      if (!check.ok) throw new AppError('FORBIDDEN', CSRF_MESSAGES[check.reason]);
    }
    return next();
  };
}

/** The guard of one listed route; a route missing from its area's list cannot be registered. */
export function ruleOf(deps: Deps, routes: readonly RouteRule[]) {
  return (method: RouteRule['method'], path: string): MiddlewareHandler<BoEnv> => {
    const r = routes.find((x) => x.method === method && x.path === path);
    if (!r) throw new Error(`route ${method} ${path} missing from BACKOFFICE_ROUTES`);
    return guard(deps, r.access);
  };
}

// The back office, mounted at /staff. Every route is listed in BACKOFFICE_ROUTES with who may use it; the
// guard middleware enforces that list on the server (no session → sign-in page; wrong role → 403), and
// case routes re-check the case's unit and assignee (scope.ts) → 403. Every POST carries the CSRF token
// (the portal's double-submit helper). Pages are server-rendered, uncached, under the portal's strict CSP.
import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { limitBody } from '../body-limit.ts';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { html } from 'hono/html';
import { HTTPException } from 'hono/http-exception';
import type { JSX } from 'hono/jsx/jsx-runtime';
import { secureHeaders } from 'hono/secure-headers';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { changePassword } from '../../backoffice/account.service.ts';
import { auditEntry } from '../../backoffice/audit.log.ts';
import { assignableHandlers, formActions, runCaseAction } from '../../backoffice/case.actions.ts';
import { type QueueName, SearchSchema, clockQueue, listCases } from '../../backoffice/case.queries.ts';
import { exportCasesCsv } from '../../backoffice/case.export.ts';
import { loadCaseView, revealIdentity } from '../../backoffice/case.view.ts';
import { mayRevealIdentity } from '../../backoffice/scope.ts';
import { type SessionUser, loadSession } from '../../backoffice/session.service.ts';
import { signIn, signOut, signOutEverywhere } from '../../backoffice/signin.service.ts';
import { createUser } from '../../backoffice/staff.service.ts';
import { createUnit } from '../../backoffice/unit.service.ts';
import type { PartyIdentity } from '../../cases/intake.service.ts';
import { RULES } from '../../deadlines/rules.ts';
import type { Deps } from '../../deps.ts';
import { AppError, DEFAULT_MESSAGES } from '../../lib/errors.ts';
import type { AppEnv } from '../app-env.ts';
import { PORTAL_CSP } from '../csp.ts';
import { CSRF_FIELD, CSRF_MESSAGES, checkCsrf, ensureCsrfCookie, issueToken } from '../public/csrf.ts';
import { rateLimit } from '../rate-limit.ts';
import { CaseListPage, ClockQueuePage, LoginPage, PasswordPage, UnitsPage, UsersPage } from './backoffice.pages.tsx';
import { type ActionError, CasePage } from './case.page.tsx';
import { categoryLabel, kindLabel, statusLabel, urgencyLabel, when } from './format.ts';
import { BO_STYLESHEET, BoErrorPage } from './layout.tsx';
import { PoliceInboxPage, PoliceReferralPage, PoliceReportPage, ReferralPanel } from './referral.pages.tsx';
import { DispositionPage } from './disposition.page.tsx';
import { DASHBOARD_CSP, QUEUES_BASE_PATH, queueDashboard } from './queues.dashboard.ts';
import { StaffStatisticsPage, statisticsCsv } from './statistics.page.tsx';
import { exportStaffStatistics, staffStatisticsFor, staffStatisticsQuery, statisticsUnits } from '../../publication/staff-statistics.ts';
import { CASE_KINDS } from '../../cases/case.machine.ts';
import { CATEGORIES, TOWNSHIPS } from '../../triage/triage.ts';
import { approveDisposition, correctDisposition, dispositionForReview, editDraftDisposition, withdrawDisposition } from '../../publication/disposition.service.ts';
import { z } from 'zod';
import type { Role } from '../../cases/case.machine.ts';
import { canSeeCase } from '../../backoffice/scope.ts';
import { buildPackage, exportPackage } from '../../referral/package.ts';
import {
  approveReferral,
  assertPoliceScope,
  handOverExhibits,
  policeAccept,
  policeDecline,
  policeFeedback,
  policeInbox,
  proposeReferral,
  receiveFromPolice,
  refuseReferral,
  requestReconsideration,
  returnToAdministrative,
  transferReferral,
} from '../../referral/referral.service.ts';
import { mayPropose, referralClocks, referralsOfCase, staffSteps } from '../../referral/referral.view.ts';

export const SESSION_COOKIE = 'st_staff';
const COOKIE_PATH = '/staff';

type Access = 'public' | 'signed_in' | readonly string[];
export interface RouteRule {
  method: 'GET' | 'POST';
  path: string;
  access: Access;
  /** The route works on one case (:id): scope is checked too. */
  caseScoped?: boolean;
  /** A police route on one referral (:rid): only referrals transferred to the officer's unit. */
  referralScoped?: boolean;
}

const WORKERS = ['intake_clerk', 'handler', 'supervisor', 'admin'] as const;
const HANDLING = ['intake_clerk', 'handler', 'supervisor'] as const;

/** Every back-office route and who may use it. The shared security suite runs against this whole list. */
export const BACKOFFICE_ROUTES = [
  { method: 'GET', path: BO_STYLESHEET.path, access: 'public' },
  { method: 'GET', path: '/login', access: 'public' },
  { method: 'POST', path: '/login', access: 'public' },
  { method: 'POST', path: '/logout', access: 'signed_in' },
  { method: 'POST', path: '/logout-all', access: 'signed_in' },
  { method: 'GET', path: '/account/password', access: 'signed_in' },
  { method: 'POST', path: '/account/password', access: 'signed_in' },
  { method: 'GET', path: '/', access: WORKERS },
  { method: 'GET', path: '/cases/mine', access: ['handler'] },
  { method: 'GET', path: '/cases/unassigned', access: WORKERS },
  { method: 'GET', path: '/cases/due-soon', access: WORKERS },
  { method: 'GET', path: '/cases/overdue', access: WORKERS },
  { method: 'GET', path: '/cases/search', access: WORKERS },
  { method: 'GET', path: '/cases/export.csv', access: WORKERS },
  { method: 'GET', path: '/cases/:id', access: WORKERS, caseScoped: true },
  { method: 'POST', path: '/cases/:id/identity', access: HANDLING, caseScoped: true },
  { method: 'GET', path: '/cases/:id/evidence/:eid', access: WORKERS, caseScoped: true },
  { method: 'POST', path: '/cases/:id/actions/:event', access: WORKERS, caseScoped: true },
  { method: 'POST', path: '/cases/:id/referral', access: ['handler', 'supervisor'], caseScoped: true },
  { method: 'POST', path: '/cases/:id/referral/:rid/:step', access: ['handler', 'supervisor'], caseScoped: true },
  { method: 'GET', path: '/cases/:id/referral/:rid/package.zip', access: ['handler', 'supervisor'], caseScoped: true },
  { method: 'GET', path: '/cases/:id/disposition', access: ['handler', 'supervisor'], caseScoped: true },
  { method: 'POST', path: '/cases/:id/disposition/:step', access: ['handler', 'supervisor'], caseScoped: true },
  { method: 'GET', path: '/statistics', access: ['supervisor', 'admin'] },
  { method: 'GET', path: '/statistics.csv', access: ['supervisor', 'admin'] },
  { method: 'GET', path: '/police', access: ['police'] },
  { method: 'GET', path: '/police/report', access: ['police'] },
  { method: 'POST', path: '/police/report', access: ['police'] },
  { method: 'GET', path: '/police/referrals/:rid', access: ['police'], referralScoped: true },
  { method: 'GET', path: '/police/referrals/:rid/letter', access: ['police'], referralScoped: true },
  { method: 'GET', path: '/police/referrals/:rid/package.zip', access: ['police'], referralScoped: true },
  { method: 'POST', path: '/police/referrals/:rid/:step', access: ['police'], referralScoped: true },
  { method: 'GET', path: '/admin/users', access: ['admin'] },
  { method: 'POST', path: '/admin/users', access: ['admin'] },
  { method: 'GET', path: '/admin/units', access: ['admin'] },
  { method: 'POST', path: '/admin/units', access: ['admin'] },
  // The BullMQ dashboard (queues.dashboard.ts): read-only, GET only.
  { method: 'GET', path: '/admin/queues', access: ['admin'] },
  { method: 'GET', path: '/admin/queues/*', access: ['admin'] },
] as const satisfies readonly RouteRule[];

type BoEnv = { Variables: AppEnv['Variables'] & { session: SessionUser } };
type C = Context<BoEnv>;

const render = (c: C, node: JSX.Element, status: ContentfulStatusCode = 200) => c.html(html`<!DOCTYPE html>${node}`, status);

/** Only our own back-office paths may be a post-sign-in target (no open redirect). */
export function safeNext(v: unknown): string | null {
  return typeof v === 'string' && /^\/staff\/[A-Za-z0-9/_?=&.-]*$/.test(v) && !v.includes('//') && !v.startsWith('/staff/login') ? v : null;
}

const landing = (s: SessionUser) => (s.user.role === 'handler' ? '/staff/cases/mine' : s.user.role === 'police' ? '/staff/police' : '/staff/cases/unassigned');

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const requireText = (v: unknown, label: string): string => {
  const t = str(v).trim();
  if (t.length < 2) throw new AppError('VALIDATION', `请填写${label}`, [{ path: 'reason', message: `请填写${label}` }]);
  return t.slice(0, 2000);
};

export function backofficeRoutes(deps: Deps) {
  const app = new Hono<BoEnv>();
  const mac = (s: string) => deps.cipher.mac(s);
  const nowMs = () => deps.clock.now().getTime();
  const secure = (c: C) => new URL(c.req.url).protocol === 'https:' || deps.publicBaseUrl.startsWith('https:');
  const token = (c: C) => issueToken(mac, ensureCsrfCookie(c, secure(c)), nowMs());
  const clockNames = new Map(Object.values(RULES).flatMap((byId) => Object.values(byId).map((r) => [r.id, r.nameZh] as const)));

  // The queue dashboard runs its own scripts: its own CSP; every other page the portal's script-free one.
  const pageCsp = secureHeaders({ contentSecurityPolicy: PORTAL_CSP, xFrameOptions: 'DENY', referrerPolicy: 'no-referrer' });
  const dashboardCsp = secureHeaders({ contentSecurityPolicy: DASHBOARD_CSP, xFrameOptions: 'DENY', referrerPolicy: 'no-referrer' });
  // Evidence files carry a sandboxing CSP of their own (a PDF or odd file must not run anything here).
  const evidenceCsp = secureHeaders({ contentSecurityPolicy: { sandbox: [], defaultSrc: ["'none'"], imgSrc: ["'self'"], mediaSrc: ["'self'"] }, xFrameOptions: 'DENY', referrerPolicy: 'no-referrer' });
  app.use('*', (c, next) =>
    c.req.path === QUEUES_BASE_PATH || c.req.path.startsWith(`${QUEUES_BASE_PATH}/`) ? dashboardCsp(c, next) : /^\/staff\/cases\/[^/]+\/evidence\//.test(c.req.path) ? evidenceCsp(c, next) : pageCsp(c, next),
  );
  app.use('*', async (c, next) => {
    await next();
    if (!c.req.path.startsWith(`${COOKIE_PATH}/static/`)) c.header('Cache-Control', 'no-store');
  });
  app.use('*', limitBody({ maxSize: 64 * 1024, onError: () => { throw new AppError('PAYLOAD_TOO_LARGE', DEFAULT_MESSAGES.PAYLOAD_TOO_LARGE); } }));

  app.onError((err, c) => {
    const s = c.get('session') ?? null;
    const user = s?.user ?? null;
    if (err instanceof AppError) {
      const title = err.code === 'FORBIDDEN' ? '无权访问' : err.code === 'CASE_NOT_FOUND' || err.code === 'NOT_FOUND' ? '未找到' : '无法完成操作';
      return render(c, <BoErrorPage title={title} message={err.message || DEFAULT_MESSAGES[err.code]} user={user} />, err.status as ContentfulStatusCode);
    }
    if (err instanceof HTTPException && err.status < 500) {
      return render(c, <BoErrorPage title="无法完成操作" message={DEFAULT_MESSAGES.MALFORMED_BODY} user={user} />, err.status as ContentfulStatusCode);
    }
    const requestId = String(c.get('requestId') ?? '');
    deps.logger.error({ requestId, err: { name: err.name, stack: err.stack } }, 'unhandled error (back office)');
    return render(c, <BoErrorPage title="系统暂时出错" message={DEFAULT_MESSAGES.INTERNAL} user={user} requestId={requestId} />, 500);
  });

  /** Session, role and (for POST) CSRF, in that order. */
  const guard = (access: Access): MiddlewareHandler<BoEnv> => async (c, next) => {
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
    c.set('actor', { role: s.user.role as AppEnv['Variables']['actor']['role'], id: s.user.id });
    if (access !== 'signed_in' && !access.includes(s.user.role)) throw new AppError('FORBIDDEN', '您的角色无权访问此页面');
    if (c.req.method === 'POST') {
      // `all`: repeated fields (checkbox groups) arrive as arrays. Hono caches the first parse for the handler.
      const body = await c.req.parseBody({ all: true });
      const check = checkCsrf(c, mac, body[CSRF_FIELD], nowMs());
      if (!check.ok) throw new AppError('FORBIDDEN', CSRF_MESSAGES[check.reason]);
    }
    return next();
  };
  const rule = (method: 'GET' | 'POST', path: string) => {
    const r = BACKOFFICE_ROUTES.find((x) => x.method === method && x.path === path);
    if (!r) throw new Error(`route ${method} ${path} missing from BACKOFFICE_ROUTES`);
    return guard(r.access);
  };
  const body = async (c: C) => (await c.req.parseBody({ all: true })) as Record<string, unknown>;

  app.get(BO_STYLESHEET.path, (c) => c.body(BO_STYLESHEET.body, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'public, max-age=31536000, immutable' }));

  // Sign-in and out
  app.get('/login', rule('GET', '/login'), async (c) => {
    const s = await loadSession(deps.db, getCookie(c, SESSION_COOKIE), deps.clock.now());
    if (s) return c.redirect(landing(s), 302);
    return render(c, <LoginPage token={token(c)} username="" error={null} next={safeNext(c.req.query('next')) ?? ''} />);
  });
  // Besides the per-username lock-out: attempts per client address (the portal's lookup limit, 60/min by default).
  const loginLimit = rateLimit({ name: 'staff-sign-in', perMinute: deps.config.rateLimits.lookupsPerMinute, trustProxy: deps.config.trustProxy });
  app.post('/login', rule('POST', '/login'), loginLimit, async (c) => {
    const b = await body(c);
    const username = str(b.username).slice(0, 64);
    const next = safeNext(b.next) ?? '';
    const check = checkCsrf(c, mac, b[CSRF_FIELD], nowMs());
    if (!check.ok) return render(c, <LoginPage token={token(c)} username={username} error={CSRF_MESSAGES[check.reason]} next={next} />, 403);
    const now = deps.clock.now();
    const r = await signIn(deps.db, username, str(b.password).slice(0, 1024), now);
    if (!r.ok) {
      const error = r.reason === 'locked' ? `登录失败次数过多，该账号已暂时锁定，请在 ${Math.max(1, Math.ceil((r.until.getTime() - now.getTime()) / 60000))} 分钟后再试。` : '用户名或密码不正确。';
      return render(c, <LoginPage token={token(c)} username={username} error={error} next={next} />, r.reason === 'locked' ? 429 : 401);
    }
    setCookie(c, SESSION_COOKIE, r.token, { path: COOKIE_PATH, httpOnly: true, sameSite: 'Strict', secure: secure(c), expires: r.expiresAt });
    return c.redirect(next || landing({ sessionId: '', user: r.user }), 303);
  });
  app.post('/logout', rule('POST', '/logout'), async (c) => {
    const s = c.get('session');
    await signOut(deps.db, s, deps.clock.now());
    deleteCookie(c, SESSION_COOKIE, { path: COOKIE_PATH });
    return c.redirect('/staff/login', 303);
  });
  app.post('/logout-all', rule('POST', '/logout-all'), async (c) => {
    await signOutEverywhere(deps.db, c.get('session').user, deps.clock.now());
    deleteCookie(c, SESSION_COOKIE, { path: COOKIE_PATH });
    return c.redirect('/staff/login', 303);
  });
  app.get('/account/password', rule('GET', '/account/password'), (c) => render(c, <PasswordPage user={c.get('session').user} token={token(c)} errors={[]} done={c.req.query('done') === '1'} />));
  app.post('/account/password', rule('POST', '/account/password'), async (c) => {
    const s = c.get('session');
    const b = await body(c);
    const errors = await changePassword(deps.db, s, str(b.current), str(b.next), str(b.confirm), deps.clock.now());
    if (errors.length) return render(c, <PasswordPage user={s.user} token={token(c)} errors={errors} done={false} />, 422);
    return c.redirect('/staff/account/password?done=1', 303);
  });

  // Queues
  app.get('/', rule('GET', '/'), (c) => c.redirect(landing(c.get('session')), 302));
  const unitNames = async () => new Map((await deps.db.selectFrom('unit').select(['id', 'name']).execute()).map((u) => [u.id, u.name]));
  const queuePage = (queue: QueueName) => async (c: C) => {
    const s = c.get('session');
    const filters = c.req.query();
    // Queues default to the next due time; a search over everything to the newest first (an index walk,
    // where sorting every case by its next due time would not be).
    const parsed = SearchSchema.safeParse(queue === 'search' && !filters.sort ? { ...filters, sort: 'received_desc' } : filters);
    if (!parsed.success) throw new AppError('VALIDATION', '筛选条件无效');
    const result = await listCases(deps.db, s.user, queue, parsed.data, deps.clock.now());
    const query = new URLSearchParams(Object.entries(c.req.query()).filter(([k, v]) => k !== 'page' && k !== 'handedOver' && v !== ''));
    const flash = c.req.query('handedOver') === '1' ? '案件已分派，转由承办单位办理。' : null;
    return render(c, <CaseListPage user={s.user} token={token(c)} queue={queue} filter={parsed.data} result={result} units={await unitNames()} query={query} flash={flash} />);
  };
  app.get('/cases/mine', rule('GET', '/cases/mine'), queuePage('mine'));
  app.get('/cases/unassigned', rule('GET', '/cases/unassigned'), queuePage('unassigned'));
  app.get('/cases/search', rule('GET', '/cases/search'), queuePage('search'));
  // Registered before /cases/:id so the id route never sees it.
  app.get('/cases/export.csv', rule('GET', '/cases/export.csv'), async (c) => {
    const s = c.get('session');
    const parsed = SearchSchema.safeParse(c.req.query());
    if (!parsed.success) throw new AppError('VALIDATION', '筛选条件无效');
    const units = await unitNames();
    const now = deps.clock.now();
    const { csv } = await exportCasesCsv(deps.db, s.user, parsed.data, { kind: kindLabel, status: statusLabel, category: categoryLabel, urgency: urgencyLabel, unit: (id) => (id ? (units.get(id) ?? id) : ''), when: (iso) => (iso ? when(iso) : '') }, now);
    const stamp = now.toISOString().slice(0, 10);
    return c.body(csv, 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="cases-${stamp}.csv"` });
  });
  const clockPage = (which: 'due_soon' | 'overdue') => async (c: C) => {
    const s = c.get('session');
    const page = Number(c.req.query('page') ?? '1');
    const result = await clockQueue(deps.db, s.user, which, Number.isInteger(page) ? page : 1, deps.clock.now());
    return render(c, <ClockQueuePage user={s.user} token={token(c)} which={which} result={result} clockNames={clockNames} />);
  };
  app.get('/cases/due-soon', rule('GET', '/cases/due-soon'), clockPage('due_soon'));
  app.get('/cases/overdue', rule('GET', '/cases/overdue'), clockPage('overdue'));

  // The case page
  const casePage = async (c: C, id: string, extra: { identities?: { role: string; identity: PartyIdentity }[]; identityError?: string; actionError?: ActionError; flash?: string; referralErrors?: string[] }, status: ContentfulStatusCode = 200) => {
    const s = c.get('session');
    const view = await loadCaseView(deps, s.user, id);
    const referrals = view.row.kind === 'report' ? await referralsOfCase(deps.db, id) : [];
    const referralPanel =
      view.row.kind === 'report' && (referrals.length > 0 || mayPropose(s.user.role as Role, view.row, referrals)) ? (
        <ReferralPanel
          caseId={id}
          token={token(c)}
          referrals={referrals}
          canPropose={['handler', 'supervisor'].includes(s.user.role) && mayPropose(s.user.role as Role, view.row, referrals)}
          steps={new Map(referrals.map((r) => [r.id, staffSteps(s.user.role, r)]))}
          policeUnits={await deps.db.selectFrom('unit').select(['id', 'name']).where('kind', '=', 'police').where('active', '=', 1).orderBy('name').execute()}
          errors={extra.referralErrors ?? []}
        />
      ) : null;
    // Clock actions only where a clock can take them (the machine allows them in any open status).
    const events = formActions(view.row, s.user.role).filter((e) =>
      e === 'pause_clock' ? view.clocks.some((k) => k.status === 'running' && k.pausable.length > 0) : e === 'resume_clock' ? view.clocks.some((k) => k.status === 'paused') : e === 'extend_clock' ? view.clocks.some((k) => k.status === 'running' && k.extendable) : true,
    );
    const handlers = events.includes('assign') || events.includes('reassign') ? await assignableHandlers(deps, s.user) : [];
    return render(
      c,
      <CasePage
        user={s.user}
        token={token(c)}
        view={view}
        events={events}
        handlers={handlers}
        identities={extra.identities ?? null}
        identityAllowed={mayRevealIdentity(s.user, view.row)}
        identityError={extra.identityError ?? null}
        actionError={extra.actionError ?? null}
        flash={extra.flash ?? null}
        now={deps.clock.now()}
        referralPanel={referralPanel}
        dispositionLink={(await deps.db.selectFrom('disposition').select('id').where('case_id', '=', id).executeTakeFirst()) && ['handler', 'supervisor'].includes(s.user.role) ? `/staff/cases/${encodeURIComponent(id)}/disposition` : null}
      />,
      status,
    );
  };
  app.get('/cases/:id', rule('GET', '/cases/:id'), (c) => {
    const done = c.req.query('done');
    return casePage(c, c.req.param('id'), done ? { flash: '操作已完成，已记入办理记录。' } : {});
  });
  app.post('/cases/:id/identity', rule('POST', '/cases/:id/identity'), async (c) => {
    const id = c.req.param('id');
    const b = await body(c);
    try {
      const identities = await revealIdentity(deps, c.get('session').user, id, b.reason);
      return await casePage(c, id, { identities });
    } catch (e) {
      if (e instanceof AppError && e.code === 'VALIDATION') return casePage(c, id, { identityError: e.message }, 422);
      throw e;
    }
  });
  app.post('/cases/:id/actions/:event', rule('POST', '/cases/:id/actions/:event'), async (c) => {
    const id = c.req.param('id');
    const event = c.req.param('event');
    const b = await body(c);
    let stillVisible = true;
    try {
      ({ stillVisible } = await runCaseAction(deps, c.get('session').user, id, event, b));
    } catch (e) {
      if (e instanceof AppError && (e.code === 'VALIDATION' || e.code === 'CONFLICT' || e.code === 'INVALID_TRANSITION')) {
        const values = Object.fromEntries(Object.entries(b).filter(([k, v]) => k !== CSRF_FIELD && typeof v === 'string')) as Record<string, string>;
        return casePage(c, id, { actionError: { event, messages: e.fields.length ? e.fields.map((f) => f.message) : [e.message], values } }, e.status as ContentfulStatusCode);
      }
      throw e;
    }
    if (!stillVisible) return c.redirect(`${landing(c.get('session'))}?handedOver=1`, 303);
    return c.redirect(`/staff/cases/${encodeURIComponent(id)}?done=${encodeURIComponent(event)}`, 303);
  });

  // Evidence files, shown inline to those who may see the case. Served with the type sniffed at upload,
  // never the citizen's file name, and sandboxed so a PDF or odd file cannot run anything here.
  app.get('/cases/:id/evidence/:eid', rule('GET', '/cases/:id/evidence/:eid'), async (c) => {
    const row = await scopedCase(c);
    const e = await deps.db.selectFrom('evidence').select(['sha256', 'mime']).where('id', '=', c.req.param('eid')).where('case_id', '=', row.id).executeTakeFirst();
    if (!e) throw new AppError('NOT_FOUND', '证据文件不存在');
    const bytes = await deps.evidence.read(e.sha256);
    return c.body(new Uint8Array(bytes), 200, { 'Content-Type': e.mime, 'Content-Disposition': 'inline' });
  });

  // Police referral: the regulator's side
  const scopedCase = async (c: C) => {
    const id = c.req.param('id') ?? '';
    const row = await deps.db.selectFrom('intake_case').select(['id', 'unit_id', 'assignee_id', 'status', 'kind']).where('id', '=', id).executeTakeFirst();
    if (!row || !canSeeCase(c.get('session').user, row)) throw new AppError('FORBIDDEN', '无权查看此案件');
    return row;
  };
  const referralOf = async (caseId: string, rid: string) => {
    const r = await deps.db.selectFrom('referral').select(['id', 'case_id', 'police_unit_id', 'status']).where('id', '=', rid).executeTakeFirst();
    if (!r || r.case_id !== caseId) throw new AppError('NOT_FOUND', '移送记录不存在');
    return r;
  };
  const referralError = async (c: C, caseId: string, e: unknown) => {
    if (e instanceof AppError && ['VALIDATION', 'INVALID_TRANSITION', 'CONFLICT'].includes(e.code)) return casePage(c, caseId, { referralErrors: e.fields.length ? e.fields.map((f) => f.message) : [e.message] }, e.status as ContentfulStatusCode);
    if (e instanceof z.ZodError) return casePage(c, caseId, { referralErrors: e.issues.map((i) => i.message) }, 422);
    throw e;
  };
  app.post('/cases/:id/referral', rule('POST', '/cases/:id/referral'), async (c) => {
    const row = await scopedCase(c);
    const b = await body(c);
    const actor = c.get('actor');
    try {
      const audit = auditEntry(actor, 'case_action', { caseId: row.id, detail: { event: 'propose_referral' } });
      await proposeReferral(deps, row.id, { offence: str(b.offence), reasons: str(b.reasons), officers: [str(b.officer1), str(b.officer2)].filter(Boolean) }, actor, { audit });
    } catch (e) {
      return referralError(c, row.id, e);
    }
    return c.redirect(`/staff/cases/${encodeURIComponent(row.id)}?done=propose_referral`, 303);
  });
  app.post('/cases/:id/referral/:rid/:step', rule('POST', '/cases/:id/referral/:rid/:step'), async (c) => {
    const row = await scopedCase(c);
    const r = await referralOf(row.id, c.req.param('rid'));
    const step = c.req.param('step');
    const s = c.get('session');
    const actor = c.get('actor');
    if (!staffSteps(s.user.role, { status: r.status, exhibitsHandedOverAt: null }).includes(step)) throw new AppError('FORBIDDEN', '当前不能进行此操作');
    const b = await body(c);
    const audited = { audit: auditEntry(actor, 'case_action', { caseId: row.id, detail: { event: `referral_${step}`, referralId: r.id } }) };
    try {
      if (step === 'approve') await approveReferral(deps, r.id, actor, audited);
      else if (step === 'refuse') await refuseReferral(deps, r.id, requireText(b.reason, '不同意移送的理由'), actor, audited);
      else if (step === 'transfer') {
        const disclose = b.discloseIdentity === 'on';
        await transferReferral(deps, r.id, { policeUnitId: str(b.policeUnitId), discloseIdentity: disclose ? { reason: str(b.identityReason) } : undefined }, actor, audited);
      } else if (step === 'reconsider') await requestReconsideration(deps, r.id, requireText(b.reason, '复议理由'), actor, audited);
      else if (step === 'return') await returnToAdministrative(deps, r.id, actor, audited);
      else if (step === 'exhibits') await handOverExhibits(deps, r.id, actor, audited);
      else throw new AppError('NOT_FOUND', '未知操作');
    } catch (e) {
      return referralError(c, row.id, e);
    }
    return c.redirect(`/staff/cases/${encodeURIComponent(row.id)}?done=referral_${step}`, 303);
  });
  const sendPackage = async (c: C, caseId: string, rid: string) => {
    const pkg = await exportPackage(deps, { id: rid, caseId }, c.get('actor'));
    return c.body(new Uint8Array(pkg.zip), 200, { 'Content-Type': 'application/zip', 'Content-Disposition': `attachment; filename="referral-${pkg.manifest.caseNumber}.zip"` });
  };
  app.get('/cases/:id/referral/:rid/package.zip', rule('GET', '/cases/:id/referral/:rid/package.zip'), async (c) => {
    const row = await scopedCase(c);
    const r = await referralOf(row.id, c.req.param('rid'));
    if (!r.police_unit_id) throw new AppError('NOT_FOUND', '尚未移送');
    return sendPackage(c, row.id, r.id);
  });

  // Publication review: the draft made when a decision was recorded.
  const dispositionPage = async (c: C, extra: { errors?: string[]; flash?: string }, status: ContentfulStatusCode = 200) => {
    const row = await scopedCase(c);
    const d = await deps.db.selectFrom('disposition').select('id').where('case_id', '=', row.id).executeTakeFirst();
    if (!d) throw new AppError('NOT_FOUND', '该案件还没有待公开的信息');
    const { disposition, sources } = await dispositionForReview(deps, d.id);
    const number = (await deps.db.selectFrom('intake_case').select('number').where('id', '=', row.id).executeTakeFirstOrThrow()).number;
    const s = c.get('session');
    return render(c, <DispositionPage user={s.user} token={token(c)} caseId={row.id} caseNumber={number} d={disposition} sources={sources} canApprove={s.user.role === 'supervisor'} errors={extra.errors ?? []} flash={extra.flash ?? null} />, status);
  };
  app.get('/cases/:id/disposition', rule('GET', '/cases/:id/disposition'), (c) => dispositionPage(c, c.req.query('done') ? { flash: ({ approve: '已审核通过并公开。', correct: '已更正。', withdraw: '已撤回。' } as Record<string, string>)[c.req.query('done') ?? ''] ?? '已保存。' } : {}));
  app.post('/cases/:id/disposition/:step', rule('POST', '/cases/:id/disposition/:step'), async (c) => {
    const row = await scopedCase(c);
    const step = c.req.param('step');
    const b = await body(c);
    const actor = c.get('actor');
    const d = await deps.db.selectFrom('disposition').select('id').where('case_id', '=', row.id).executeTakeFirst();
    if (!d) throw new AppError('NOT_FOUND', '该案件还没有待公开的信息');
    const expectedVersion = Number(str(b.version));
    const opts = { expectedVersion, audit: auditEntry(actor, 'case_action', { caseId: row.id, detail: { event: `disposition_${step}`, dispositionId: d.id } }) };
    try {
      if (step === 'edit') await editDraftDisposition(deps, d.id, { findingsText: requireText(b.findingsText, '查明的事实'), decisionText: requireText(b.decisionText, '处理决定') }, actor, opts);
      else if (step === 'approve') await approveDisposition(deps, d.id, actor, opts);
      else if (step === 'correct' || step === 'withdraw') {
        // Corrections and withdrawals of published records: supervisors only (the reason is kept).
        if (actor.role !== 'supervisor') throw new AppError('FORBIDDEN', '更正或撤回须由负责人操作');
        if (step === 'correct') await correctDisposition(deps, d.id, { findingsText: requireText(b.findingsText, '查明的事实'), decisionText: requireText(b.decisionText, '处理决定') }, requireText(b.reason, '更正理由'), actor, opts);
        else await withdrawDisposition(deps, d.id, requireText(b.reason, '撤回理由'), actor, opts);
      }
      else throw new AppError('NOT_FOUND', '未知操作');
    } catch (e) {
      if (e instanceof AppError && ['VALIDATION', 'INVALID_TRANSITION', 'CONFLICT', 'FORBIDDEN'].includes(e.code)) return dispositionPage(c, { errors: e.fields.length ? e.fields.map((f) => f.message) : [e.message] }, e.status as ContentfulStatusCode);
      throw e;
    }
    return c.redirect(`/staff/cases/${encodeURIComponent(row.id)}/disposition?done=${step}`, 303);
  });

  // Staff statistics: supervisors their own unit, admins everything; real counts (no suppression).
  const statisticsQuery = (c: C) => staffStatisticsQuery(c.get('session').user, c.req.query(), deps.clock.now());
  app.get('/statistics', rule('GET', '/statistics'), async (c) => {
    const q = statisticsQuery(c);
    const [st, units] = await Promise.all([staffStatisticsFor(deps.db, q), statisticsUnits(deps.db)]);
    const s = c.get('session');
    return render(c, <StaffStatisticsPage user={s.user} token={token(c)} q={q} s={st} units={units} unitLocked={s.user.role !== 'admin'} />);
  });
  app.get('/statistics.csv', rule('GET', '/statistics.csv'), async (c) => {
    const q = statisticsQuery(c);
    const st = await exportStaffStatistics(deps, c.get('actor'), q);
    return c.body(statisticsCsv(st), 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="statistics-${q.from}-${q.to}.csv"` });
  });

  // Police portal: only referrals transferred to the officer's own unit.
  const policeReferral = async (c: C) => {
    const r = await deps.db.selectFrom('referral').select(['id', 'case_id', 'police_unit_id', 'status']).where('id', '=', c.req.param('rid') ?? '').executeTakeFirst();
    if (!r || !['transferred', 'accepted', 'declined', 'returned'].includes(r.status)) throw new AppError('FORBIDDEN', '无权查看或处理该移送案件');
    await assertPoliceScope(deps.db, c.get('actor'), r.police_unit_id);
    return r;
  };
  const inboxItem = async (rid: string, caseId: string) => {
    const row = await deps.db
      .selectFrom('referral')
      .innerJoin('intake_case', 'intake_case.id', 'referral.case_id')
      .select(['referral.id', 'referral.status', 'referral.offence', 'referral.transferred_at', 'intake_case.number', 'intake_case.business_name'])
      .where('referral.id', '=', rid)
      .executeTakeFirstOrThrow();
    return { id: row.id, status: row.status, offence: row.offence, number: row.number, businessName: row.business_name, transferredAt: row.transferred_at, clocks: await referralClocks(deps.db, caseId, deps.clock.now()) };
  };
  const policePage = async (c: C, extra: { errors?: string[]; flash?: string }, status: ContentfulStatusCode = 200) => {
    const r = await policeReferral(c);
    const view = (await referralsOfCase(deps.db, r.case_id)).find((x) => x.id === r.id)!;
    return render(c, <PoliceReferralPage user={c.get('session').user} token={token(c)} item={await inboxItem(r.id, r.case_id)} referral={view} errors={extra.errors ?? []} flash={extra.flash ?? null} />, status);
  };
  app.get('/police', rule('GET', '/police'), async (c) => {
    const list = await policeInbox(deps, c.get('actor'));
    const items = await Promise.all(list.map(async (x) => inboxItem(x.id, (await deps.db.selectFrom('referral').select('case_id').where('id', '=', x.id).executeTakeFirstOrThrow()).case_id)));
    return render(c, <PoliceInboxPage user={c.get('session').user} token={token(c)} items={items} />);
  });
  app.get('/police/report', rule('GET', '/police/report'), (c) => render(c, <PoliceReportPage user={c.get('session').user} token={token(c)} errors={[]} values={{}} number={null} />));
  app.post('/police/report', rule('POST', '/police/report'), async (c) => {
    const b = await body(c);
    const values = { description: str(b.description), businessName: str(b.businessName), businessAddress: str(b.businessAddress), township: str(b.township), policeRef: str(b.policeRef) };
    const actor = c.get('actor');
    try {
      if (values.policeRef.trim().length < 2) throw new AppError('VALIDATION', '请填写移交文号', [{ path: 'policeRef', message: '请填写移交文号' }]);
      const audit = (number: string) => auditEntry(actor, 'case_action', { detail: { event: 'police_report', number } });
      const number = await receiveFromPolice(deps, { description: values.description, policeRef: values.policeRef.trim(), ...(values.businessName ? { businessName: values.businessName } : {}), ...(values.businessAddress ? { businessAddress: values.businessAddress } : {}), ...(values.township ? { township: values.township } : {}) }, actor, { audit });
      return render(c, <PoliceReportPage user={c.get('session').user} token={token(c)} errors={[]} values={{}} number={number} />, 201);
    } catch (e) {
      if (e instanceof AppError && e.code === 'VALIDATION') return render(c, <PoliceReportPage user={c.get('session').user} token={token(c)} errors={e.fields.length ? e.fields.map((f) => f.message) : [e.message]} values={values} number={null} />, 422);
      throw e;
    }
  });
  app.get('/police/referrals/:rid', rule('GET', '/police/referrals/:rid'), (c) => policePage(c, c.req.query('done') ? { flash: '已记录并通知移送机关。' } : {}));
  app.get('/police/referrals/:rid/letter', rule('GET', '/police/referrals/:rid/letter'), async (c) => {
    const r = await policeReferral(c);
    const pkg = await buildPackage(deps, r.id);
    return c.html(pkg.page);
  });
  app.get('/police/referrals/:rid/package.zip', rule('GET', '/police/referrals/:rid/package.zip'), async (c) => {
    const r = await policeReferral(c);
    return sendPackage(c, r.case_id, r.id);
  });
  app.post('/police/referrals/:rid/:step', rule('POST', '/police/referrals/:rid/:step'), async (c) => {
    const r = await policeReferral(c);
    const step = c.req.param('step');
    const actor = c.get('actor');
    const b = await body(c);
    const audited = { audit: auditEntry(actor, 'case_action', { caseId: r.case_id, detail: { event: `police_${step}`, referralId: r.id } }) };
    try {
      if (step === 'accept') await policeAccept(deps, r.id, actor, audited);
      else if (step === 'decline') await policeDecline(deps, r.id, requireText(b.reason, '不予立案的理由'), actor, audited);
      else if (step === 'feedback') await policeFeedback(deps, r.id, { outcome: requireText(b.outcome, '办理结果'), ...(str(b.note) ? { note: str(b.note) } : {}) }, actor, audited);
      else throw new AppError('NOT_FOUND', '未知操作');
    } catch (e) {
      if (e instanceof AppError && ['VALIDATION', 'INVALID_TRANSITION', 'CONFLICT'].includes(e.code)) return policePage(c, { errors: e.fields.length ? e.fields.map((f) => f.message) : [e.message] }, e.status as ContentfulStatusCode);
      throw e;
    }
    return c.redirect(`/staff/police/referrals/${encodeURIComponent(r.id)}?done=${step}`, 303);
  });

  // Administration
  const usersPage = async (c: C, extra: { errors?: string[]; created?: { username: string; password: string }; values?: Record<string, string> }, status: ContentfulStatusCode = 200) => {
    const [users, units] = await Promise.all([
      deps.db.selectFrom('staff_user').select(['id', 'username', 'display_name', 'role', 'unit_id', 'active']).orderBy('username').execute(),
      deps.db.selectFrom('unit').select(['id', 'name']).where('active', '=', 1).orderBy('kind').orderBy('name').execute(),
    ]);
    return render(c, <UsersPage user={c.get('session').user} token={token(c)} users={users} units={units} errors={extra.errors ?? []} created={extra.created ?? null} values={extra.values ?? {}} />, status);
  };
  app.get('/admin/users', rule('GET', '/admin/users'), (c) => usersPage(c, {}));
  app.post('/admin/users', rule('POST', '/admin/users'), async (c) => {
    const s = c.get('session');
    const b = await body(c);
    const values = { username: str(b.username), displayName: str(b.displayName), role: str(b.role), unitId: str(b.unitId) };
    try {
      const created = await createUser(deps.db, { username: values.username, displayName: values.displayName, role: values.role as never, unitId: values.unitId || null }, deps.clock.now(), { actor: { id: s.user.id, role: s.user.role } });
      return await usersPage(c, { created: { username: created.username, password: created.generatedPassword ?? '' } }, 201);
    } catch (e) {
      if (e instanceof AppError && (e.code === 'VALIDATION' || e.code === 'CONFLICT')) return usersPage(c, { errors: e.fields.length ? e.fields.map((f) => f.message) : [e.message], values }, 422);
      throw e;
    }
  });
  const unitsPage = async (c: C, extra: { errors?: string[]; created?: string; values?: { id: string; name: string; townships: string[] } }, status: ContentfulStatusCode = 200) => {
    const [units, townships] = await Promise.all([
      deps.db.selectFrom('unit').select(['id', 'name', 'kind', 'active']).orderBy('kind').orderBy('name').execute(),
      deps.db.selectFrom('unit_township').select(['township', 'unit_id']).execute(),
    ]);
    return render(c, <UnitsPage user={c.get('session').user} token={token(c)} units={units} townships={townships} errors={extra.errors ?? []} created={extra.created ?? null} values={extra.values ?? { id: '', name: '', townships: [] }} />, status);
  };
  app.get('/admin/units', rule('GET', '/admin/units'), (c) => unitsPage(c, {}));
  app.post('/admin/units', rule('POST', '/admin/units'), async (c) => {
    const s = c.get('session');
    const b = await body(c);
    const list = (v: unknown) => (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string');
    const values = { id: str(b.id), name: str(b.name), townships: list(b.townships) };
    try {
      const id = await createUnit(deps.db, values as never, { id: s.user.id, role: s.user.role }, deps.clock.now());
      return await unitsPage(c, { created: id }, 201);
    } catch (e) {
      if (e instanceof AppError && (e.code === 'VALIDATION' || e.code === 'CONFLICT')) return unitsPage(c, { errors: e.fields.length ? e.fields.map((f) => f.message) : [e.message], values }, 422);
      throw e;
    }
  });
  // The BullMQ dashboard for admins (read-only); a path it does not know leads back to its start page.
  const dashboard = queueDashboard(deps);
  const toDashboard = async (c: C) => {
    const res = await dashboard.fetch(c.req.raw);
    return res.status === 404 ? c.redirect(QUEUES_BASE_PATH, 302) : res;
  };
  app.get('/admin/queues', rule('GET', '/admin/queues'), toDashboard);
  app.get('/admin/queues/*', rule('GET', '/admin/queues/*'), toDashboard);

  return app;
}

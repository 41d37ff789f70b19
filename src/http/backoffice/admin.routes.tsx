// Back office, area "admin": users, units (and their townships for routing), the BullMQ
// dashboard.
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { resetPassword, setUserActive } from '../../backoffice/account.service.ts';
import { auditQueueAction } from '../../backoffice/queue-action.service.ts';
import { createUser, listStaffUsers } from '../../backoffice/staff.service.ts';
import { activeUnits, createUnit, moveTownship, unitsOverview, updateUnit } from '../../backoffice/unit.service.ts';
import { calendarHorizon, calendarOverview, parseCalendarText, publishCalendarYear } from '../../deadlines/calendar.admin.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../lib/errors.ts';
import { CalendarPage } from './admin.pages.tsx';
import { UnitsPage, UsersPage } from './backoffice.pages.tsx';
import type { BoEnv, C, RouteRule } from './guard.ts';
import { kitFor, messagesOf, render, str } from './kit.tsx';
import { QUEUES_BASE_PATH, queueAction, queueDashboard } from './queues.dashboard.ts';

export const ADMIN_ROUTES = [
  { method: 'GET', path: '/admin/users', access: ['admin'] },
  { method: 'POST', path: '/admin/users', access: ['admin'] },
  { method: 'POST', path: '/admin/users/:uid/active', access: ['admin'] },
  { method: 'POST', path: '/admin/users/:uid/reset-password', access: ['admin'] },
  { method: 'GET', path: '/admin/units', access: ['admin'] },
  { method: 'POST', path: '/admin/units', access: ['admin'] },
  { method: 'POST', path: '/admin/units/:uid', access: ['admin'] },
  { method: 'POST', path: '/admin/townships', access: ['admin'] },
  { method: 'GET', path: '/admin/calendar', access: ['admin'] },
  { method: 'POST', path: '/admin/calendar', access: ['admin'] },
  // The BullMQ dashboard (queues.dashboard.ts); its actions are PUTs (same-origin only, listed actions only).
  { method: 'GET', path: '/admin/queues', access: ['admin'] },
  { method: 'GET', path: '/admin/queues/*', access: ['admin'] },
  { method: 'PUT', path: '/admin/queues/api/*', access: ['admin'] },
] as const satisfies readonly RouteRule[];

export function adminRoutes(deps: Deps) {
  const app = new Hono<BoEnv>();
  const { rule, token, body } = kitFor(deps, ADMIN_ROUTES);

  const usersPage = async (
    c: C,
    extra: {
      errors?: string[];
      created?: { username: string; password: string };
      reset?: { username: string; password: string };
      values?: Record<string, string>;
    },
    status: ContentfulStatusCode = 200,
  ) => {
    const [users, units] = await Promise.all([listStaffUsers(deps.db), activeUnits(deps.db)]);
    return render(
      c,
      <UsersPage
        user={c.get('session').user}
        token={token(c)}
        users={users}
        units={units}
        errors={extra.errors ?? []}
        created={extra.created ?? null}
        reset={extra.reset ?? null}
        values={extra.values ?? {}}
      />,
      status,
    );
  };
  app.get('/admin/users', rule('GET', '/admin/users'), (c) => usersPage(c, {}));
  app.post('/admin/users', rule('POST', '/admin/users'), async (c) => {
    const s = c.get('session');
    const b = await body(c);
    const values = { username: str(b.username), displayName: str(b.displayName), role: str(b.role), unitId: str(b.unitId) };
    try {
      // The role is checked by createUser's schema (an unknown one is a VALIDATION error).
      const created = await createUser(
        deps.db,
        { username: values.username, displayName: values.displayName, role: values.role as never, unitId: values.unitId || null },
        deps.clock.now(),
        { actor: { id: s.user.id, role: s.user.role } },
      );
      return await usersPage(c, { created: { username: created.username, password: created.generatedPassword ?? '' } }, 201);
    } catch (e) {
      if (e instanceof AppError && (e.code === 'VALIDATION' || e.code === 'CONFLICT'))
        return usersPage(c, { errors: messagesOf(e), values }, 422);
      throw e;
    }
  });
  const adminActor = (c: C) => ({ id: c.get('session').user.id, role: 'admin' as const });
  app.post('/admin/users/:uid/active', rule('POST', '/admin/users/:uid/active'), async (c) => {
    const b = await body(c);
    try {
      await setUserActive(deps.db, c.req.param('uid'), str(b.active) === '1', adminActor(c), deps.clock.now());
    } catch (e) {
      if (e instanceof AppError && e.code === 'VALIDATION') return usersPage(c, { errors: messagesOf(e) }, 422);
      throw e;
    }
    return c.redirect('/staff/admin/users', 303);
  });
  app.post('/admin/users/:uid/reset-password', rule('POST', '/admin/users/:uid/reset-password'), async (c) => {
    try {
      const reset = await resetPassword(deps.db, c.req.param('uid'), adminActor(c), deps.clock.now());
      return await usersPage(c, { reset });
    } catch (e) {
      if (e instanceof AppError && e.code === 'VALIDATION') return usersPage(c, { errors: messagesOf(e) }, 422);
      throw e;
    }
  });

  const unitsPage = async (
    c: C,
    extra: { errors?: string[]; created?: string; done?: string; values?: { id: string; name: string; townships: string[] } },
    status: ContentfulStatusCode = 200,
  ) => {
    const { units, townships } = await unitsOverview(deps.db);
    return render(
      c,
      <UnitsPage
        user={c.get('session').user}
        token={token(c)}
        units={units}
        townships={townships}
        errors={extra.errors ?? []}
        created={extra.created ?? null}
        done={extra.done ?? null}
        values={extra.values ?? { id: '', name: '', townships: [] }}
      />,
      status,
    );
  };
  app.get('/admin/units', rule('GET', '/admin/units'), (c) => unitsPage(c, {}));
  app.post('/admin/units', rule('POST', '/admin/units'), async (c) => {
    const s = c.get('session');
    const b = await body(c);
    const list = (v: unknown) => (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string');
    const values = { id: str(b.id), name: str(b.name), townships: list(b.townships) };
    try {
      // The townships are checked by createUnit's schema (an unknown one is a VALIDATION error).
      const id = await createUnit(deps.db, values as never, { id: s.user.id, role: s.user.role }, deps.clock.now());
      return await unitsPage(c, { created: id }, 201);
    } catch (e) {
      if (e instanceof AppError && (e.code === 'VALIDATION' || e.code === 'CONFLICT'))
        return unitsPage(c, { errors: messagesOf(e), values }, 422);
      throw e;
    }
  });
  app.post('/admin/units/:uid', rule('POST', '/admin/units/:uid'), async (c) => {
    const b = await body(c);
    try {
      await updateUnit(deps.db, c.req.param('uid'), { name: b.name, active: b.active }, adminActor(c), deps.clock.now());
      return await unitsPage(c, { done: '单位信息已保存。' });
    } catch (e) {
      if (e instanceof AppError && (e.code === 'VALIDATION' || e.code === 'CONFLICT')) return unitsPage(c, { errors: messagesOf(e) }, 422);
      throw e;
    }
  });
  app.post('/admin/townships', rule('POST', '/admin/townships'), async (c) => {
    const b = await body(c);
    try {
      const moved = await moveTownship(deps.db, { township: b.township, unitId: b.unitId }, adminActor(c), deps.clock.now());
      return await unitsPage(c, {
        done: `${str(b.township)} 已划归新单位，新案件按此分派；尚未分派承办人的 ${moved} 件未办结案件随之转入。`,
      });
    } catch (e) {
      if (e instanceof AppError && e.code === 'VALIDATION') return unitsPage(c, { errors: messagesOf(e) }, 422);
      throw e;
    }
  });

  const calendarPage = async (c: C, extra: { errors?: string[]; text?: string; done?: string }, status: ContentfulStatusCode = 200) => {
    const now = deps.clock.now();
    const horizon = await calendarHorizon(deps.db, now);
    const first = await calendarOverview(deps.db, 0);
    const next = first.lastYear + 1;
    const overview = await calendarOverview(deps.db, first.lastYear);
    return render(
      c,
      <CalendarPage
        user={c.get('session').user}
        token={token(c)}
        firstYear={overview.firstYear}
        lastYear={overview.lastYear}
        lastYearDays={overview.days}
        nextYear={next}
        horizon={horizon}
        errors={extra.errors ?? []}
        text={extra.text ?? ''}
        done={extra.done ?? null}
      />,
      status,
    );
  };
  app.get('/admin/calendar', rule('GET', '/admin/calendar'), (c) => calendarPage(c, {}));
  app.post('/admin/calendar', rule('POST', '/admin/calendar'), async (c) => {
    const b = await body(c);
    const text = str(b.days).slice(0, 20_000);
    const year = Number(str(b.year));
    const { lastYear } = await calendarOverview(deps.db, 0);
    if (!Number.isInteger(year) || year < 2004 || year > lastYear + 1)
      return calendarPage(c, { errors: [`年份须为 ${lastYear + 1} 年或已录入的年份`], text }, 422);
    const parsed = parseCalendarText(year, text);
    if (parsed.errors.length) return calendarPage(c, { errors: parsed.errors, text }, 422);
    const recomputed = await publishCalendarYear(deps.db, year, parsed.entries, deps.clock.now(), adminActor(c));
    return calendarPage(c, {
      done: `已录入 ${year} 年 ${parsed.entries.length} 个日期；${recomputed} 个暂定期限已按新日历重新计算。`,
    });
  });

  // The BullMQ dashboard for admins; a path it does not know leads back to its start page.
  const dashboard = queueDashboard(deps);
  const toDashboard = async (c: C) => {
    const res = await dashboard.fetch(c.req.raw);
    return res.status === 404 ? c.redirect(QUEUES_BASE_PATH, 302) : res;
  };
  app.get('/admin/queues', rule('GET', '/admin/queues'), toDashboard);
  app.get('/admin/queues/*', rule('GET', '/admin/queues/*'), toDashboard);
  app.put('/admin/queues/api/*', rule('PUT', '/admin/queues/api/*'), async (c) => {
    const path = c.req.path.slice(QUEUES_BASE_PATH.length);
    const action = queueAction(path);
    if (action === null) throw new AppError('FORBIDDEN', '此操作未开放：队列面板只能重试、清理、提前执行、暂停和恢复');
    const res = await dashboard.fetch(c.req.raw);
    if (res.ok) await auditQueueAction(deps.db, c.get('session').user, action, path, deps.clock.now());
    return res;
  });
  return app;
}

// Back office, area "admin": users, units (and their townships for routing), the read-only BullMQ
// dashboard.
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { createUser, listStaffUsers } from '../../backoffice/staff.service.ts';
import { activeUnits, createUnit, unitsOverview } from '../../backoffice/unit.service.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../lib/errors.ts';
import { UnitsPage, UsersPage } from './backoffice.pages.tsx';
import type { BoEnv, C, RouteRule } from './guard.ts';
import { kitFor, messagesOf, render, str } from './kit.tsx';
import { QUEUES_BASE_PATH, queueDashboard } from './queues.dashboard.ts';

export const ADMIN_ROUTES = [
  { method: 'GET', path: '/admin/users', access: ['admin'] },
  { method: 'POST', path: '/admin/users', access: ['admin'] },
  { method: 'GET', path: '/admin/units', access: ['admin'] },
  { method: 'POST', path: '/admin/units', access: ['admin'] },
  // The BullMQ dashboard (queues.dashboard.ts): read-only, GET only.
  { method: 'GET', path: '/admin/queues', access: ['admin'] },
  { method: 'GET', path: '/admin/queues/*', access: ['admin'] },
] as const satisfies readonly RouteRule[];

export function adminRoutes(deps: Deps) {
  const app = new Hono<BoEnv>();
  const { rule, token, body } = kitFor(deps, ADMIN_ROUTES);

  const usersPage = async (
    c: C,
    extra: { errors?: string[]; created?: { username: string; password: string }; values?: Record<string, string> },
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
  const unitsPage = async (
    c: C,
    extra: { errors?: string[]; created?: string; values?: { id: string; name: string; townships: string[] } },
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

// Back office, area "statistics": supervisors their own unit, admins everything; real counts (no
// suppression), with a CSV export that is audited.
import { Hono } from 'hono';
import type { Deps } from '../../deps.ts';
import { exportStaffStatistics, staffStatisticsFor, staffStatisticsQuery, statisticsUnits } from '../../publication/staff-statistics.ts';
import type { BoEnv, C, RouteRule } from './guard.ts';
import { kitFor, render } from './kit.tsx';
import { StaffStatisticsPage, statisticsCsv } from './statistics.page.tsx';

export const STATISTICS_ROUTES = [
  { method: 'GET', path: '/statistics', access: ['supervisor', 'director', 'admin'] },
  { method: 'GET', path: '/statistics.csv', access: ['supervisor', 'director', 'admin'] },
] as const satisfies readonly RouteRule[];

export function statisticsRoutes(deps: Deps) {
  const app = new Hono<BoEnv>();
  const { rule, token } = kitFor(deps, STATISTICS_ROUTES);
  const queryOf = (c: C) => staffStatisticsQuery(c.get('session').user, c.req.query(), deps.clock.now());

  app.get('/statistics', rule('GET', '/statistics'), async (c) => {
    const q = queryOf(c);
    const [st, units] = await Promise.all([staffStatisticsFor(deps.db, q), statisticsUnits(deps.db)]);
    const s = c.get('session');
    return render(
      c,
      <StaffStatisticsPage
        user={s.user}
        token={token(c)}
        q={q}
        s={st}
        units={units}
        unitLocked={s.user.role !== 'admin' && s.user.role !== 'director'}
      />,
    );
  });
  app.get('/statistics.csv', rule('GET', '/statistics.csv'), async (c) => {
    const q = queryOf(c);
    const st = await exportStaffStatistics(deps, c.get('actor'), q);
    return c.body(statisticsCsv(st), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="statistics-${q.from}-${q.to}.csv"`,
    });
  });
  return app;
}

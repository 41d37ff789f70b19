// Back office, area "inbox": 待我处理 (the landing page after sign-in) and the notification inbox.
import { Hono } from 'hono';
import { InboxQuerySchema, hotspotAlertsFor, listNotices, markRead } from '../../backoffice/inbox.service.ts';
import { worklistFor } from '../../backoffice/worklist.service.ts';
import { calendarHorizon } from '../../deadlines/calendar.admin.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../lib/errors.ts';
import { type BoEnv, type RouteRule, WORKERS, safeNext } from './guard.ts';
import { InboxPage, TodoPage } from './inbox.pages.tsx';
import { kitFor, render } from './kit.tsx';

export const INBOX_ROUTES = [
  { method: 'GET', path: '/todo', access: WORKERS },
  { method: 'GET', path: '/inbox', access: 'signed_in' },
  { method: 'POST', path: '/inbox/read', access: 'signed_in' },
] as const satisfies readonly RouteRule[];

/** The inbox reloads itself this often (seconds): new notices show without any script. */
export const INBOX_REFRESH_SECONDS = 120;

export function inboxRoutes(deps: Deps) {
  const app = new Hono<BoEnv>();
  const { rule, token, body } = kitFor(deps, INBOX_ROUTES);

  app.get('/todo', rule('GET', '/todo'), async (c) => {
    const user = c.get('session').user;
    const now = deps.clock.now();
    const [list, alerts, horizon] = await Promise.all([
      worklistFor(deps.db, user, now),
      user.role === 'supervisor' || user.role === 'admin' ? hotspotAlertsFor(deps.db, user, now, 7) : Promise.resolve([]),
      calendarHorizon(deps.db, now),
    ]);
    const flash = c.req.query('handedOver') === '1' ? '案件已分派，转由承办单位办理。' : null;
    c.header('Refresh', String(INBOX_REFRESH_SECONDS));
    return render(
      c,
      <TodoPage user={user} token={token(c)} list={list} alerts={alerts} horizon={horizon} nowIso={now.toISOString()} flash={flash} />,
    );
  });

  app.get('/inbox', rule('GET', '/inbox'), async (c) => {
    const user = c.get('session').user;
    const parsed = InboxQuerySchema.safeParse(c.req.query());
    if (!parsed.success) throw new AppError('VALIDATION', '筛选条件无效');
    const now = deps.clock.now();
    const [r, alerts] = await Promise.all([listNotices(deps.db, user.id, parsed.data), hotspotAlertsFor(deps.db, user, now)]);
    const marked = c.req.query('marked');
    c.header('Refresh', String(INBOX_REFRESH_SECONDS));
    return render(
      c,
      <InboxPage
        user={{ ...user, unread: r.unread }}
        token={token(c)}
        items={r.items}
        total={r.total}
        page={r.page}
        pages={r.pages}
        unread={r.unread}
        group={parsed.data.group}
        unreadOnly={parsed.data.unread === '1'}
        alerts={alerts}
        marked={marked !== undefined && /^\d+$/.test(marked) ? Number(marked) : null}
      />,
    );
  });

  app.post('/inbox/read', rule('POST', '/inbox/read'), async (c) => {
    const b = await body(c);
    let n: number;
    try {
      n = await markRead(deps.db, c.get('session').user.id, { ids: b.ids, all: b.all }, deps.clock.now());
    } catch {
      throw new AppError('VALIDATION', '请选择要标为已读的通知');
    }
    const back = safeNext(b.back) ?? '/staff/inbox';
    const url = new URL(back, 'http://x');
    url.searchParams.set('marked', String(n));
    return c.redirect(`${url.pathname}?${url.searchParams.toString()}`, 303);
  });
  return app;
}

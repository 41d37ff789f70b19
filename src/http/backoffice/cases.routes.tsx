// Back office, area "cases": the queues, the search and its CSV export, the case page with its actions,
// identity reveal and evidence files.
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { runCaseAction } from '../../backoffice/case.actions.ts';
import { type QueueName, SearchSchema, clockQueue, listCases } from '../../backoffice/case.queries.ts';
import { exportCasesCsv } from '../../backoffice/case.export.ts';
import { evidenceOfCase, revealIdentity, scopedCase } from '../../backoffice/case.view.ts';
import { unitNames } from '../../backoffice/unit.service.ts';
import { RULES } from '../../deadlines/rules.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../lib/errors.ts';
import { CSRF_FIELD } from '../public/csrf.ts';
import { CaseListPage, ClockQueuePage } from './backoffice.pages.tsx';
import { renderCasePage } from './case-page.render.tsx';
import { categoryLabel, kindLabel, statusLabel, urgencyLabel, when } from './format.ts';
import { type BoEnv, type C, type RouteRule, WORKERS, HANDLING, landing } from './guard.ts';
import { kitFor, messagesOf, render } from './kit.tsx';

export const CASE_ROUTES = [
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
] as const satisfies readonly RouteRule[];

export function caseRoutes(deps: Deps) {
  const app = new Hono<BoEnv>();
  const kit = kitFor(deps, CASE_ROUTES);
  const { rule, token, body } = kit;
  const clockNames = new Map(Object.values(RULES).flatMap((byId) => Object.values(byId).map((r) => [r.id, r.nameZh] as const)));

  // Queues
  app.get('/', rule('GET', '/'), (c) => c.redirect(landing(c.get('session')), 302));
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
    return render(
      c,
      <CaseListPage
        user={s.user}
        token={token(c)}
        queue={queue}
        filter={parsed.data}
        result={result}
        units={await unitNames(deps.db)}
        query={query}
        flash={flash}
      />,
    );
  };
  app.get('/cases/mine', rule('GET', '/cases/mine'), queuePage('mine'));
  app.get('/cases/unassigned', rule('GET', '/cases/unassigned'), queuePage('unassigned'));
  app.get('/cases/search', rule('GET', '/cases/search'), queuePage('search'));
  // Registered before /cases/:id so the id route never sees it.
  app.get('/cases/export.csv', rule('GET', '/cases/export.csv'), async (c) => {
    const s = c.get('session');
    const parsed = SearchSchema.safeParse(c.req.query());
    if (!parsed.success) throw new AppError('VALIDATION', '筛选条件无效');
    const units = await unitNames(deps.db);
    const now = deps.clock.now();
    const { csv } = await exportCasesCsv(
      deps.db,
      s.user,
      parsed.data,
      {
        kind: kindLabel,
        status: statusLabel,
        category: categoryLabel,
        urgency: urgencyLabel,
        unit: (id) => (id ? (units.get(id) ?? id) : ''),
        when: (iso) => (iso ? when(iso) : ''),
      },
      now,
    );
    const stamp = now.toISOString().slice(0, 10);
    return c.body(csv, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="cases-${stamp}.csv"`,
    });
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
  app.get('/cases/:id', rule('GET', '/cases/:id'), (c) => {
    const done = c.req.query('done');
    return renderCasePage(kit, c, c.req.param('id'), done ? { flash: '操作已完成，已记入办理记录。' } : {});
  });
  app.post('/cases/:id/identity', rule('POST', '/cases/:id/identity'), async (c) => {
    const id = c.req.param('id');
    const b = await body(c);
    try {
      const identities = await revealIdentity(deps, c.get('session').user, id, b.reason);
      return await renderCasePage(kit, c, id, { identities });
    } catch (e) {
      if (e instanceof AppError && e.code === 'VALIDATION') return renderCasePage(kit, c, id, { identityError: e.message }, 422);
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
        const values = Object.fromEntries(Object.entries(b).filter(([k, v]) => k !== CSRF_FIELD && typeof v === 'string')) as Record<
          string,
          string
        >;
        return renderCasePage(kit, c, id, { actionError: { event, messages: messagesOf(e), values } }, e.status as ContentfulStatusCode);
      }
      throw e;
    }
    if (!stillVisible) return c.redirect('/staff/todo?handedOver=1', 303);
    return c.redirect(`/staff/cases/${encodeURIComponent(id)}?done=${encodeURIComponent(event)}`, 303);
  });

  // Evidence files, shown inline to those who may see the case. Served with the type sniffed at upload,
  // never the citizen's file name, and sandboxed (backoffice.routes.tsx) so a PDF or odd file cannot run anything here.
  app.get('/cases/:id/evidence/:eid', rule('GET', '/cases/:id/evidence/:eid'), async (c) => {
    const row = await scopedCase(deps.db, c.get('session').user, c.req.param('id'));
    const e = await evidenceOfCase(deps, row.id, c.req.param('eid'));
    return c.body(new Uint8Array(e.bytes), 200, { 'Content-Type': e.mime, 'Content-Disposition': 'inline' });
  });
  return app;
}

// Public results and statistics, mounted with one line in app.ts:
//   GET /results                    list with filters (category, township, business, from, to, page)
//   GET /results/feed.atom          Atom feed of the latest 50
//   GET /results/business/:key      a business's history
//   GET /results/:ref               one record (410 page when withdrawn)
//   GET /statistics                 statistics with SVG charts
//   GET /api/v1/results             the list as JSON (same filters)
//   GET /api/v1/results.csv         every matching record as CSV, streamed
//   GET /api/v1/results/:ref        one record as JSON
//   GET /api/v1/statistics          the statistics as JSON
// Read-only: no forms are posted, so no CSRF; pages carry the portal's CSP (no scripts at all).
// Served by the office server (results.routes.tsx) and by the edge worker (src/edge/worker.ts): this module
// and everything it imports must stay free of Node built-ins (test/edge/edge.test.ts bundles it for Workers).
import { type Context, Hono } from 'hono';
import { html } from 'hono/html';
import type { JSX } from 'hono/jsx/jsx-runtime';
import { secureHeaders } from 'hono/secure-headers';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AppError, DEFAULT_MESSAGES } from '../../lib/errors.ts';
import { cleanFilter } from '../../publication/results.queries.ts';
import type { ResultsSource } from '../../publication/results.source.ts';
import type { AppEnv } from '../app-env.ts';
import { PORTAL_CSP } from '../csp.ts';
import { errorResponse } from '../errors.ts';
import { ErrorPage } from '../public/error.page.tsx';
import { atomFeed, csvStream } from './open-data.ts';
import { BusinessPage, EndedPage, ResultDetailPage, ResultsListPage, StatisticsPage, WithdrawnPage } from './results.pages.tsx';

type C = Context<AppEnv>;

function render(c: C, node: JSX.Element, status: ContentfulStatusCode = 200): Response | Promise<Response> {
  return c.html(html`<!DOCTYPE html>${node}`, status);
}

const pageNumber = (s: string | undefined) => {
  const n = Number(s);
  return Number.isInteger(n) && n >= 1 ? n : 1;
};

export interface ResultsAppOptions {
  source: ResultsSource;
  /** Absolute base of the feed's links. */
  publicBaseUrl: string;
  now: () => Date;
  logError: (info: Record<string, unknown>, msg: string) => void;
}

export function resultsApp(o: ResultsAppOptions) {
  const { source } = o;
  const app = new Hono<AppEnv>();
  const csp = secureHeaders({ contentSecurityPolicy: PORTAL_CSP, xFrameOptions: 'DENY' });
  // Public, identical for everyone: a short cache is fine (a withdrawal shows within 5 minutes).
  const cache = (c: C) => c.header('Cache-Control', 'public, max-age=300');
  const open = (c: C) => {
    cache(c);
    c.header('Access-Control-Allow-Origin', '*');
  };

  app.onError((err, c) => {
    const api = c.req.path.startsWith('/api/');
    if (err instanceof AppError)
      return api
        ? errorResponse(c, err)
        : render(
            c,
            <ErrorPage
              title="无法显示"
              message={err.message || DEFAULT_MESSAGES[err.code]}
              back={{ href: '/results', text: '返回处理结果列表' }}
            />,
            err.status as ContentfulStatusCode,
          );
    const requestId = String(c.get('requestId') ?? '');
    o.logError({ requestId, err: { name: err.name, stack: err.stack } }, 'unhandled error (results)');
    if (api) return errorResponse(c, new AppError('INTERNAL', DEFAULT_MESSAGES.INTERNAL));
    return render(
      c,
      <ErrorPage
        title="系统暂时出错"
        message={DEFAULT_MESSAGES.INTERNAL}
        back={{ href: '/results', text: '返回处理结果列表' }}
        requestId={requestId}
      />,
      500,
    );
  });

  // ---- pages
  app.get('/results', csp, async (c) => {
    const filter = cleanFilter(c.req.query());
    const r = await source.list(filter, pageNumber(c.req.query('page')));
    cache(c);
    return render(c, <ResultsListPage filter={filter} items={r.items} page={r.page} hasMore={r.hasMore} />);
  });
  app.get('/results/feed.atom', async (c) => {
    const r = await source.list(cleanFilter(c.req.query()), 1, 50);
    cache(c);
    return c.body(atomFeed(o.publicBaseUrl, r.items, o.now()), 200, { 'Content-Type': 'application/atom+xml; charset=utf-8' });
  });
  app.get('/results/business/:key', csp, async (c) => {
    const h = await source.business(c.req.param('key'));
    if (!h) throw new AppError('NOT_FOUND', '没有这个经营者的公开记录');
    cache(c);
    return render(c, <BusinessPage h={h} />);
  });
  app.get('/results/:ref', csp, async (c) => {
    const r = await source.get(c.req.param('ref'));
    if (r.state === 'missing') throw new AppError('NOT_FOUND', '没有这条公开记录');
    cache(c);
    if (r.state === 'withdrawn') return render(c, <WithdrawnPage ref={r.ref} reason={r.reason} on={r.on} />, 410);
    if (r.state === 'ended') return render(c, <EndedPage ref={r.ref} on={r.on} />, 410);
    return render(c, <ResultDetailPage r={r.result} />);
  });
  app.get('/statistics', csp, async (c) => {
    const s = await source.statistics(o.now());
    if (!s) throw new AppError('UNAVAILABLE', '统计数据暂未发布，请稍后再看');
    cache(c);
    return render(c, <StatisticsPage s={s} />);
  });

  // ---- open data
  app.get('/api/v1/results', async (c) => {
    const q = c.req.query();
    const filter = { ...cleanFilter(q), ...(q.businessKey && q.businessKey.length <= 80 ? { businessKey: q.businessKey } : {}) };
    const r = await source.list(filter, pageNumber(q.page));
    open(c);
    return c.json({ items: r.items, page: r.page, hasMore: r.hasMore });
  });
  app.get('/api/v1/results.csv', (c) => {
    const filter = cleanFilter(c.req.query());
    open(c);
    return c.body(csvStream(source.iterate(filter)), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="shiantong-results.csv"',
    });
  });
  app.get('/api/v1/results/:ref', async (c) => {
    const r = await source.get(c.req.param('ref'));
    if (r.state === 'missing') throw new AppError('NOT_FOUND', '没有这条公开记录');
    open(c);
    if (r.state === 'withdrawn') return c.json({ ref: r.ref, withdrawn: true, withdrawnOn: r.on, reason: r.reason }, 410);
    if (r.state === 'ended') return c.json({ ref: r.ref, ended: true, endedOn: r.on }, 410);
    return c.json(r.result);
  });
  app.get('/api/v1/statistics', async (c) => {
    const s = await source.statistics(o.now());
    if (!s) throw new AppError('UNAVAILABLE', '统计数据暂未发布，请稍后再看');
    open(c);
    return c.json(s);
  });
  return app;
}

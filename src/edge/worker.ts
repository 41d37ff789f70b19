// The edge: the public results site on Cloudflare Workers with D1 (wrangler.toml at the top level).
// It serves the same pages, JSON, CSV, Atom feed and statistics as the office server (results.app.tsx,
// same CSP and caching headers) from D1, and takes the office's pushes at POST /_edge/sync (HMAC-signed,
// see signature.ts). Nothing here or in what it imports may use a Node built-in: test/edge/edge.test.ts
// bundles it with `wrangler deploy --dry-run`, which fails on any.
//
//   GET  /results…, /statistics, /api/v1/results…, /api/v1/statistics   as the office (results.app.tsx)
//   GET  /static/portal-<hash>.css, /static/icon.svg                     the portal's stylesheet and icon
//   GET  /                                                                → /results
//   POST /_edge/sync                                                      the office's push (signed)
import { Hono } from 'hono';
import { resultsApp } from '../http/results/results.app.tsx';
import css from '../http/public/static/portal.css';
import { ICON, useStylesheet } from '../http/public/stylesheet.ts';
import { type D1Binding, edgeDb } from './edge.db.ts';
import { applySyncItem, edgeResultsSource } from './edge.source.ts';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verify } from './signature.ts';
import { SyncBodySchema, SyncItemSchema, type SyncOutcome } from './sync.schema.ts';

export interface EdgeEnv {
  DB: D1Binding;
  /** Shared with the office (EDGE_SYNC_SECRET there): `wrangler secret put EDGE_SYNC_SECRET`. */
  EDGE_SYNC_SECRET?: string;
  /** Absolute base of the feed's links, e.g. https://12315.xinzheng.gov.cn */
  PUBLIC_BASE_URL?: string;
}

const STYLESHEET = useStylesheet(css);
const MAX_SYNC_BYTES = 2 * 1024 * 1024;
const IMMUTABLE = 'public, max-age=31536000, immutable';

export function edgeApp(env: EdgeEnv, now: () => Date = () => new Date()) {
  const db = edgeDb(env.DB);
  const app = new Hono();
  app.get('/', (c) => c.redirect('/results', 302));
  app.get(STYLESHEET.path, (c) => c.body(STYLESHEET.body, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': IMMUTABLE }));
  app.get(ICON.path, (c) => c.body(ICON.body, 200, { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'public, max-age=86400' }));

  app.post('/_edge/sync', async (c) => {
    const secret = env.EDGE_SYNC_SECRET;
    if (!secret || secret.length < 32) return c.json({ error: { code: 'NOT_CONFIGURED', message: '同步密钥未配置' } }, 503);
    if (Number(c.req.header('content-length') ?? 0) > MAX_SYNC_BYTES)
      return c.json({ error: { code: 'PAYLOAD_TOO_LARGE', message: '同步内容过大' } }, 413);
    const raw = await c.req.text();
    if (raw.length > MAX_SYNC_BYTES) return c.json({ error: { code: 'PAYLOAD_TOO_LARGE', message: '同步内容过大' } }, 413);
    const v = await verify(secret, c.req.header(TIMESTAMP_HEADER), c.req.header(SIGNATURE_HEADER), raw, now().getTime());
    if (v !== 'ok') return c.json({ error: { code: 'UNAUTHENTICATED', message: '签名无效或已过期', reason: v } }, 401);
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      return c.json({ error: { code: 'VALIDATION', message: '同步内容不是有效的 JSON' } }, 400);
    }
    const body = SyncBodySchema.safeParse(json);
    if (!body.success)
      return c.json(
        {
          error: {
            code: 'VALIDATION',
            message: '同步内容格式不正确',
            fields: body.error.issues.slice(0, 10).map((i) => ({ path: i.path.join('.'), message: i.message })),
          },
        },
        400,
      );
    const results: SyncOutcome[] = [];
    const refused: { index: number; fields: { path: string; message: string }[] }[] = [];
    for (const [index, raw] of body.data.items.entries()) {
      const item = SyncItemSchema.safeParse(raw);
      if (!item.success) {
        results.push('refused');
        refused.push({ index, fields: item.error.issues.slice(0, 10).map((i) => ({ path: i.path.join('.'), message: i.message })) });
      } else results.push(await applySyncItem(db, item.data));
    }
    return c.json(refused.length ? { results, refused } : { results });
  });

  app.route(
    '/',
    resultsApp({
      source: edgeResultsSource(db),
      publicBaseUrl: env.PUBLIC_BASE_URL ?? '',
      now,
      logError: (info, msg) => console.error(JSON.stringify({ msg, ...info })),
    }),
  );
  return app;
}

let cached: { env: EdgeEnv; app: ReturnType<typeof edgeApp> } | null = null;

export default {
  fetch(request: Request, env: EdgeEnv): Response | Promise<Response> {
    if (cached?.env !== env) cached = { env, app: edgeApp(env) };
    return cached.app.fetch(request, env);
  },
};

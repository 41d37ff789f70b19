// The BullMQ dashboard (@bull-board/hono) for admins, at /staff/admin/queues. Mounted inside the back
// office behind the admin guard (BACKOFFICE_ROUTES). Its actions are PUTs over fetch() without our form
// token: the guard lets a PUT through only from our own pages (Fetch Metadata / Origin, sameOriginRequest),
// and only the actions in QUEUE_ACTIONS (retry, clean, promote, pause, resume) reach the board; adding
// jobs, editing their data, emptying or obliterating a queue are refused. Each action is audited. It runs the dashboard's own scripts and styles, served from this origin, so it
// gets its own CSP (DASHBOARD_CSP) instead of the portal's script-free one. The queues come from
// deps.queues, a live view: when the producer queues are rebuilt after a Redis outage the board follows.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { HonoAdapter } from '@bull-board/hono';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Queue } from 'bullmq';
import { Hono } from 'hono';
import type { Deps } from '../../deps.ts';
import { PRODUCER_QUEUES, type ProducerQueueName } from '../../workflow/jobs.ts';

export const QUEUES_BASE_PATH = '/staff/admin/queues';

/** The dashboard's CSP: its bundled script and styles from this origin, its API over fetch, no framing. */
export const DASHBOARD_CSP = {
  defaultSrc: ["'none'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  manifestSrc: ["'self'"],
  formAction: ["'self'"],
  baseUri: ["'self'"],
  frameAncestors: ["'none'"],
};

// The dashboard's page links IBM Plex from Google Fonts, which the CSP (and an intranet) blocks: the same
// fonts are served from here (@fontsource packages) and the page links them instead.
const FONTS_BASE = `${QUEUES_BASE_PATH}/fonts`;
const FONT_FILE = /^[a-z0-9-]+\.woff2?$/;
const require = createRequire(import.meta.url);
const fontDir = (pkg: string) => path.join(path.dirname(require.resolve(`${pkg}/LICENSE`)), 'files');
const FONT_PACKAGES = { sans: '@fontsource/ibm-plex-sans', mono: '@fontsource/ibm-plex-mono' } as const;
let fontsCss: string | undefined;
function fontStylesheet(): string {
  fontsCss ??= (
    [
      ['sans', [400, 500, 600]],
      ['mono', [400, 500]],
    ] as const
  )
    .flatMap(([family, weights]) =>
      weights.map((w) =>
        readFileSync(path.join(fontDir(FONT_PACKAGES[family]), '..', `${w}.css`), 'utf8').replaceAll(
          'url(./files/',
          `url(${FONTS_BASE}/${family}/`,
        ),
      ),
    )
    .join('\n');
  return fontsCss;
}

async function fontResponse(pathname: string): Promise<Response | null> {
  if (pathname === `${FONTS_BASE}/plex.css`)
    return new Response(fontStylesheet(), { headers: { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'max-age=86400' } });
  const m = /^\/(sans|mono)\/([^/]+)$/.exec(pathname.slice(FONTS_BASE.length));
  if (!pathname.startsWith(`${FONTS_BASE}/`) || !m || !FONT_FILE.test(m[2] ?? '')) return null;
  try {
    const bytes = await readFile(path.join(fontDir(FONT_PACKAGES[m[1] as 'sans' | 'mono']), m[2] ?? ''));
    return new Response(new Uint8Array(bytes), {
      headers: { 'content-type': m[2]?.endsWith('.woff2') ? 'font/woff2' : 'font/woff', 'cache-control': 'max-age=86400' },
    });
  } catch {
    return null;
  }
}

/** The page with the fonts linked from here instead of Google Fonts. */
async function withLocalFonts(res: Response): Promise<Response> {
  if (!(res.headers.get('content-type') ?? '').includes('text/html')) return res;
  const html = (await res.text()).replace(
    /<link href="https:\/\/fonts\.googleapis\.com\/[^"]*" rel="stylesheet">/,
    `<link href="${FONTS_BASE}/plex.css" rel="stylesheet">`,
  );
  const headers = new Headers(res.headers);
  headers.delete('content-length');
  return new Response(html, { status: res.status, headers });
}

/** The dashboard's actions an admin may take (paths under the base path), by name. */
const QUEUE_ACTIONS: [RegExp, string][] = [
  [/^\/api\/queues\/(pause|resume)$/, 'all queues: $1'],
  [/^\/api\/queues\/([\w-]+)\/(retry|clean)\/([a-z]+)$/, '$1: $2 $3 jobs'],
  [/^\/api\/queues\/([\w-]+)\/(promote|pause|resume)$/, '$1: $2'],
  [/^\/api\/queues\/([\w-]+)\/([\w:.-]+)\/(retry|clean|promote)$/, '$1: $3 job $2'],
];

/** The action a dashboard PUT asks for ('case-workflow: retry failed jobs'), or null when it is not allowed. */
export function queueAction(pathUnderBase: string): string | null {
  for (const [re, name] of QUEUE_ACTIONS) if (re.test(pathUnderBase)) return pathUnderBase.replace(re, name);
  return null;
}

export interface QueueDashboard {
  /** Answers one request (the caller has checked the admin session and, for a PUT, the action). */
  fetch(req: Request): Promise<Response>;
}

export function queueDashboard(deps: Deps): QueueDashboard {
  const adapter = new HonoAdapter(serveStatic);
  adapter.setBasePath(QUEUES_BASE_PATH);
  const queues = deps.queues as Partial<Record<ProducerQueueName, Queue>>;
  const current = (): Queue[] => PRODUCER_QUEUES.flatMap((n) => (queues[n] ? [queues[n]] : []));
  let seen = current();
  const board = createBullBoard({
    queues: seen.map((q) => new BullMQAdapter(q, { readOnlyMode: false, allowRetries: true })),
    serverAdapter: adapter,
    options: { uiConfig: { boardTitle: '食安通 队列' } },
  });
  // The plugin's routes are relative to its base path, its static files are looked up by the full path:
  // mounted at the base path, it answers requests as they arrive.
  const app = new Hono().route(QUEUES_BASE_PATH, adapter.registerPlugin() as unknown as Hono);
  return {
    async fetch(req) {
      const now = current();
      if (now.length !== seen.length || now.some((q, i) => q !== seen[i])) {
        seen = now;
        board.replaceQueues(now.map((q) => new BullMQAdapter(q, { readOnlyMode: false, allowRetries: true })));
      }
      // `/staff/admin/queues/` is the start page too (its <base href> ends with a slash).
      const url = new URL(req.url);
      const font = req.method === 'GET' ? await fontResponse(url.pathname) : null;
      if (font) return font;
      if (url.pathname === `${QUEUES_BASE_PATH}/`) {
        url.pathname = QUEUES_BASE_PATH;
        return withLocalFonts(await app.fetch(new Request(url, req)));
      }
      return withLocalFonts(await app.fetch(req));
    },
  };
}

// The BullMQ dashboard (@bull-board/hono) for admins, at /staff/admin/queues. Mounted inside the back
// office behind the admin guard (BACKOFFICE_ROUTES). Read-only: only GET requests reach it (the guard's
// CSRF check covers POST only, and bull-board's actions are PUTs without our token), and every queue is
// added with readOnlyMode. It runs the dashboard's own scripts and styles, served from this origin, so it
// gets its own CSP (DASHBOARD_CSP) instead of the portal's script-free one. The queues come from
// deps.queues, a live view: when the producer queues are rebuilt after a Redis outage the board follows.
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

export interface QueueDashboard {
  /** Answers one GET request (the caller has checked the admin session). */
  fetch(req: Request): Promise<Response>;
}

export function queueDashboard(deps: Deps): QueueDashboard {
  const adapter = new HonoAdapter(serveStatic);
  adapter.setBasePath(QUEUES_BASE_PATH);
  const queues = deps.queues as Partial<Record<ProducerQueueName, Queue>>;
  const current = (): Queue[] => PRODUCER_QUEUES.flatMap((n) => (queues[n] ? [queues[n]] : []));
  let seen = current();
  const board = createBullBoard({
    queues: seen.map((q) => new BullMQAdapter(q, { readOnlyMode: true })),
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
        board.replaceQueues(now.map((q) => new BullMQAdapter(q, { readOnlyMode: true })));
      }
      // `/staff/admin/queues/` is the start page too (its <base href> ends with a slash).
      const url = new URL(req.url);
      if (url.pathname === `${QUEUES_BASE_PATH}/`) {
        url.pathname = QUEUES_BASE_PATH;
        return app.fetch(new Request(url, req));
      }
      return app.fetch(req);
    },
  };
}

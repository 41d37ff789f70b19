// Browser test harness for the portal: the real app served in-process on 127.0.0.1 (port 0) over a real
// database (testDeps), Debian's Chromium driven by playwright-core, every request watched so that none
// leaves the origin, and screenshots at phone and desktop widths into a git-ignored folder.
import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';
import { createApp } from '../../../src/http/app.ts';
import type { TestDeps } from '../../helpers/env.ts';
import { testDeps as portalTestDeps } from '../../helpers/env.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** shared/stack.md gotcha 3. Playwright gives every launch a fresh temporary --user-data-dir itself. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
];

export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '../../../test-output/portal');
export const WIDTHS = { phone: 375, desktop: 1280 } as const;

export interface PortalServer {
  t: TestDeps;
  origin: string;
  /** Body bytes the server sent (images left out), counted on the server before each answer leaves. */
  served: { bytes: number };
  close(): Promise<void>;
}

export async function startPortal(overrides: Record<string, string> = {}): Promise<PortalServer> {
  const t = await portalTestDeps({ overrides });
  const app = createApp(t.deps);
  const served = { bytes: 0 };
  // Counted on the server: the body is read whole and counted before the answer is sent, so once the
  // browser has its page the count is complete (no racy response handler in the browser driver).
  const countingFetch = async (req: Request): Promise<Response> => {
    const res = await app.fetch(req);
    if ((res.headers.get('content-type') ?? '').startsWith('image/') || res.body === null) return res;
    const body = await res.arrayBuffer();
    served.bytes += body.byteLength;
    return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
  };
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: countingFetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    s.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    t,
    origin: `http://127.0.0.1:${port}`,
    served,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await t.close();
    },
  };
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. Install Debian's package: apt-get update && apt-get install -y chromium (or set CHROMIUM_PATH).`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

export interface Traffic {
  /** Every URL the browser asked for. */
  seen: string[];
  /** Those that were not on the origin (aborted before they could leave). */
  foreign: string[];
}

/** Routes every request of the context through a check: same origin continues, anything else is recorded and aborted. */
export async function watchTraffic(context: BrowserContext, origin: string): Promise<Traffic> {
  const traffic: Traffic = { seen: [], foreign: [] };
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    traffic.seen.push(url);
    if (url === origin || url.startsWith(`${origin}/`)) return route.continue();
    traffic.foreign.push(url);
    return route.abort('blockedbyclient');
  });
  context.on('request', (r) => {
    const url = r.url();
    // data: URLs (the receipt's downloads) never touch the network; anything else must be ours.
    if (!url.startsWith('data:') && !(url === origin || url.startsWith(`${origin}/`)) && !traffic.foreign.includes(url))
      traffic.foreign.push(url);
  });
  return traffic;
}

/** Full-page screenshots of the current page at phone and desktop width; leaves the page at phone width. */
export async function screenshots(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  for (const [label, width] of Object.entries(WIDTHS)) {
    await page.setViewportSize({ width, height: 800 });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}-${label}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: WIDTHS.phone, height: 800 });
}

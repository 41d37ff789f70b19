// The edge worker for tests: bundled by `wrangler deploy --dry-run` exactly as it would be deployed (which
// fails on any Node built-in, as there is no nodejs_compat flag), then run in workerd through Miniflare
// with an in-memory D1 database migrated from edge/migrations/*.sql. No network, no account.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Miniflare } from 'miniflare';

const ROOT = path.resolve(import.meta.dirname, '../..');
export const EDGE_SECRET = 'test-edge-secret-0123456789abcdefghijkl';

export interface Bundle {
  dir: string;
  code: string;
  /** "Total Upload: … KiB / gzip: … KiB" as wrangler printed it. */
  sizeLine: string;
  output: string;
}

export async function bundleWorker(): Promise<Bundle> {
  const dir = await mkdtemp(path.join(tmpdir(), 'edge-bundle-'));
  const r = await promisify(execFile)(path.join(ROOT, 'node_modules/.bin/wrangler'), ['deploy', '--dry-run', '--outdir', dir], {
    cwd: ROOT,
    env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1', CI: 'true' },
    timeout: 60_000,
  });
  const output = r.stdout + r.stderr;
  return { dir, code: await readFile(path.join(dir, 'worker.js'), 'utf8'), sizeLine: output.match(/Total Upload:.*$/m)?.[0] ?? '', output };
}

/** Statements of the D1 migrations, in order (comments dropped). */
export async function d1MigrationStatements(): Promise<string[]> {
  const dir = path.join(ROOT, 'edge/migrations');
  const out: string[] = [];
  for (const f of (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort()) {
    const sqlText = (await readFile(path.join(dir, f), 'utf8')).replace(/--.*$/gm, '');
    out.push(
      ...sqlText
        .split(';')
        .map((s) => s.trim())
        .filter(Boolean),
    );
  }
  return out;
}

export async function startEdge(bundle: Bundle): Promise<Miniflare> {
  const mf = new Miniflare({
    modules: true,
    scriptPath: path.join(bundle.dir, 'worker.js'),
    modulesRoot: bundle.dir,
    modulesRules: [{ type: 'Text', include: ['**/*.css'] }],
    compatibilityDate: '2026-04-20',
    d1Databases: { DB: 'edge-test' },
    bindings: { EDGE_SYNC_SECRET: EDGE_SECRET, PUBLIC_BASE_URL: 'https://results.test' },
  });
  const d1 = await mf.getD1Database('DB');
  for (const s of await d1MigrationStatements()) await d1.prepare(s).run();
  return mf;
}

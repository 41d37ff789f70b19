// A PostgreSQL server of the test's own (initdb in a temp dir, its own port), which the test can restart
// under load without touching the shared one. PostgreSQL refuses to run as root, so as root the server
// runs as the `postgres` user (runuser). `available()` says whether this machine can do it at all.
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './redis-server.ts';

function binDir(): string | null {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base).sort((a, b) => Number(b) - Number(a));
  for (const v of versions) if (existsSync(path.join(base, v, 'bin', 'initdb'))) return path.join(base, v, 'bin');
  return null;
}

function postgresUid(): { uid: number; gid: number } | null {
  const r = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const g = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  if (r.status !== 0 || g.status !== 0) return null;
  return { uid: Number(r.stdout.trim()), gid: Number(g.stdout.trim()) };
}

export class OwnPostgres {
  private constructor(
    readonly port: number,
    private readonly dir: string,
    private readonly bin: string,
    private readonly asPostgres: boolean,
  ) {}

  /** Why this machine cannot run a PostgreSQL of the test's own, or null when it can. */
  static unavailable(): string | null {
    if (!binDir()) return 'no initdb under /usr/lib/postgresql';
    if (process.getuid?.() === 0 && !postgresUid()) return 'running as root without a postgres user';
    return null;
  }

  static async start(): Promise<OwnPostgres> {
    const bin = binDir();
    if (!bin) throw new Error('no initdb under /usr/lib/postgresql');
    const asPostgres = process.getuid?.() === 0;
    const dir = mkdtempSync(path.join(os.tmpdir(), 'shiantong-pg-'));
    chmodSync(dir, 0o700);
    if (asPostgres) {
      const ids = postgresUid();
      if (!ids) throw new Error('no postgres user');
      chownSync(dir, ids.uid, ids.gid);
    }
    const pg = new OwnPostgres(await freePort(), dir, bin, asPostgres);
    pg.run('initdb', ['-D', path.join(dir, 'data'), '-A', 'trust', '-U', 'root', '--no-sync', '-E', 'UTF8', '--locale', 'C']);
    await pg.ctl('start');
    return pg;
  }

  get url(): string {
    return `postgres://root@127.0.0.1:${this.port}/postgres`;
  }

  private run(tool: string, args: string[]): void {
    const exe = path.join(this.bin, tool);
    if (this.asPostgres) execFileSync('runuser', ['-u', 'postgres', '--', exe, ...args], { stdio: 'ignore' });
    else execFileSync(exe, args, { stdio: 'ignore' });
  }

  /**
   * pg_ctl start | stop | restart, waiting for it to finish without blocking the event loop (the server
   * under test runs in this process). A fast shutdown terminates active connections with 57P01.
   */
  async ctl(action: 'start' | 'stop' | 'restart'): Promise<void> {
    const opts = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100`;
    const args = ['-D', path.join(this.dir, 'data'), '-w', '-t', '60', '-m', 'fast', '-o', opts, '-l', path.join(this.dir, 'log'), action];
    const exe = path.join(this.bin, 'pg_ctl');
    if (this.asPostgres) await promisify(execFile)('runuser', ['-u', 'postgres', '--', exe, ...args]);
    else await promisify(execFile)(exe, args);
  }

  async dispose(): Promise<void> {
    try {
      await this.ctl('stop');
    } catch {
      // already stopped
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

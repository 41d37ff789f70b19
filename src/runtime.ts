// Wires the product together for one process: config → Redis → database → deps → HTTP and/or workers.
// ROLE=all runs everything; ROLE=web and ROLE=worker split them for scaling out (more workers on the
// same Redis and PostgreSQL). Worker roles run the outbox relay; several relays are harmless (job ids).
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { serve } from '@hono/node-server';
import type { Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Config } from './config.ts';
import { IdentityKeyError, loadOrCreateIdentityKey } from './lib/identity-key.ts';
import { auditKeyFrom, useAuditKey } from './backoffice/audit.log.ts';
import { openDatabase } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { type Deps, createDeps } from './deps.ts';
import { bootstrapAdmin } from './backoffice/staff.service.ts';
import { createApp } from './http/app.ts';
import { type Clock, systemClock } from './lib/clock.ts';
import { type Logger, createLogger } from './lib/logger.ts';
import type { ProducerQueueName } from './workflow/jobs.ts';
import { QueueSet } from './workflow/queue-set.ts';
import { keepSchedulers } from './workflow/schedulers.ts';
import { OutboxRelay } from './workflow/outbox-relay.ts';
import { PROCESSORS } from './workflow/processors/index.ts';
import { producerConnection, redisAnswers, workerConnection } from './workflow/redis.ts';
import { type ProcessorMap, startWorkers } from './workflow/worker.ts';

export class StartupError extends Error {
  override name = 'StartupError';
}

export interface Runtime {
  deps: Deps;
  /** http://host:port when this process serves HTTP. */
  url: string | null;
  relay: OutboxRelay;
  workers: Worker[];
  queues: Record<ProducerQueueName, Queue>;
  stop(): Promise<void>;
}

async function loadIdentityKey(config: Config, logger: Logger): Promise<Buffer> {
  try {
    return await loadOrCreateIdentityKey(config, logger);
  } catch (e) {
    if (e instanceof IdentityKeyError) throw new StartupError(e.message);
    throw e;
  }
}

export const FIRST_ADMIN_FILE = 'first-admin-password.txt';

/** Writes the first admin's one-time password to DATA_DIR/first-admin-password.txt, mode 0600. */
export async function writeFirstAdminPassword(dataDir: string, admin: { username: string; password: string }): Promise<string> {
  const file = path.join(dataDir, FIRST_ADMIN_FILE);
  await fs.rm(file, { force: true }); // a stale file from an earlier installation: never reuse its mode
  await fs.writeFile(
    file,
    `# 食安通 back office: the first admin's one-time password (must be changed at the first sign-in)\nusername: ${admin.username}\npassword: ${admin.password}\n`,
    { mode: 0o600, flag: 'wx' },
  );
  await fs.chmod(file, 0o600); // whatever the umask
  return file;
}

/** Redis from REDIS_URL; if unset and nothing answers, start a local redis-server with AOF under DATA_DIR/redis. */
async function ensureRedis(config: Config, logger: Logger): Promise<ChildProcess | null> {
  if (await redisAnswers(config.redis.url)) return null;
  if (config.redis.explicit) {
    throw new StartupError(
      `Redis at REDIS_URL=${config.redis.url.replace(/\/\/[^@]*@/, '//***@')} does not answer. Start it, or fix REDIS_URL.`,
    );
  }
  const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).stdout.trim();
  if (!found) {
    throw new StartupError(
      'No Redis answers at redis://127.0.0.1:6379 and redis-server is not installed.\n' +
        '  Install it (Debian/Ubuntu: sudo apt-get install redis-server; macOS: brew install redis),\n' +
        '  or point REDIS_URL at a running Redis, e.g. REDIS_URL=redis://10.0.0.5:6379 npm start',
    );
  }
  const dir = path.join(config.dataDir, 'redis');
  await fs.mkdir(dir, { recursive: true });
  const port = new URL(config.redis.url).port || '6379';
  const child = spawn(
    found,
    ['--port', port, '--bind', '127.0.0.1', '--appendonly', 'yes', '--appendfsync', 'everysec', '--save', '', '--dir', dir],
    { stdio: 'ignore' },
  );
  for (let i = 0; i < 50; i++) {
    if (await redisAnswers(config.redis.url, 500)) {
      logger.info({ dir, pid: child.pid }, 'started a local redis-server (AOF persistence) for this process');
      return child;
    }
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new StartupError(`Could not start redis-server on port ${port}. Set REDIS_URL to a running Redis.`);
}

export async function startRuntime(
  config: Config,
  opts: { clock?: Clock; logger?: Logger; processors?: Partial<ProcessorMap> } = {},
): Promise<Runtime> {
  const logger = opts.logger ?? createLogger(config.logLevel);
  const clock = opts.clock ?? systemClock;
  await fs.mkdir(config.dataDir, { recursive: true });
  const identityKey = await loadIdentityKey(config, logger);
  useAuditKey(auditKeyFrom(identityKey)); // before anything appends (the first admin below)
  const redisChild = await ensureRedis(config, logger);
  const { db, dialect } = openDatabase(config.database, {
    // SQLite with synchronous=FULL: every commit is fsynced before the code after it runs (an intake
    // batch's 201s, a job marked done), but the fsync runs on libuv's thread pool, shared by the commits
    // made meanwhile, instead of blocking the event loop inside the commit (db/wal-sync.ts).
    groupSync: true,
    onPoolError: (err) =>
      logger.warn(
        { err: { code: (err as { code?: unknown }).code, message: err.message } },
        'database connection lost; reconnecting on demand',
      ),
  });
  await migrateToLatest(db);
  // First start: an admin with a one-time password, written to a file only its owner can read (never to
  // the console or the logger: terminals and log collectors keep what they see). It must be changed at
  // the first sign-in, after which the file holds nothing usable.
  const firstAdmin = await bootstrapAdmin(db, clock.now());
  if (firstAdmin) {
    const file = await writeFirstAdminPassword(config.dataDir, firstAdmin);
    console.log(
      `Back office (/staff/login): created the first admin "${firstAdmin.username}"; its one-time password is in ${file} (readable by this user only).\n` +
        "  Sign in, set your own password (asked at once), then delete the file and create units' users under 用户管理.",
    );
  }

  const producer: Redis = producerConnection(config.redis.url);
  producer.on('error', () => {}); // reported through the relay and /readyz
  const queueSet = new QueueSet(config.redis.url, config.queuePrefix);
  const queues = queueSet.view();
  let relay: OutboxRelay | null = null;
  const deps = createDeps({
    config,
    db,
    dialect,
    logger,
    clock,
    identityKey,
    onCommitted: () => relay?.kick(),
    redisReady: async () => (await producer.ping().catch(() => null)) === 'PONG',
    queues,
  });
  const { intake } = deps;
  relay = new OutboxRelay({ db, queues: queueSet, logger, clock, redisReady: () => producer.status === 'ready' }, config.relayIntervalMs);
  // The relay is background work: web processes only write the outbox, workers hand it to BullMQ, so a
  // burst of citizens is answered at database speed. ROLE=all does both.
  if (config.role !== 'web') relay.start();
  // When Redis comes back, deliver what waited at once instead of at the end of the back-off.
  producer.on('ready', () => relay?.kick());

  const workerConnections: Redis[] = [];
  const workers =
    config.role === 'web'
      ? []
      : startWorkers(deps, opts.processors ?? PROCESSORS, () => {
          const c = workerConnection(config.redis.url);
          c.on('error', () => {});
          workerConnections.push(c);
          return c;
        });

  // Repeatable jobs: registered once Redis answers, and again whenever Redis lost them (workflow/schedulers.ts).
  const schedulers = workers.length ? keepSchedulers(() => queueSet.get('case-workflow'), logger, config.schedulerCheckMs) : null;
  await schedulers?.first;

  let server: ReturnType<typeof serve> | null = null;
  let url: string | null = null;
  if (config.role !== 'worker') {
    const app = createApp(deps);
    server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
      const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s));
      s.once('error', reject);
    });
    const addr = server.address() as AddressInfo;
    url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${addr.port}`;
  }

  /** Waits for a step of shutdown, at most `ms`: a stop never hangs on one stuck part. False when it timed out. */
  const bounded = async (p: Promise<unknown> | undefined, ms: number, what: string): Promise<boolean> => {
    if (!p) return true;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<false>((r) => {
      timer = setTimeout(() => r(false), ms);
      timer.unref();
    });
    const done = await Promise.race([
      p.then(
        () => true as const,
        () => true as const,
      ),
      timedOut,
    ]);
    clearTimeout(timer);
    if (!done) logger.warn({ step: what, ms }, 'shutdown step did not finish in time; going on');
    return done;
  };

  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      // 1. Stop taking requests and let in-flight ones finish (they wait for their commit).
      if (server) {
        const s = server;
        await new Promise<void>((resolve) => {
          s.close(() => resolve());
          setTimeout(() => {
            (s as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
            resolve();
          }, 5000).unref();
        });
      }
      await bounded(intake.close(), 10_000, 'intake close');
      // 2. Hand over what is committed, then stop the workers (active jobs finish; a job still running
      //    after 15 s is left to BullMQ's stalled-job check, which hands it to the next worker).
      await bounded(
        relay?.flushOnce().catch(() => 0),
        5_000,
        'outbox flush',
      );
      await bounded(relay?.stop(), 5_000, 'relay stop');
      schedulers?.stop();
      if (!(await bounded(Promise.all(workers.map((w) => w.close())), 15_000, 'worker close')))
        await bounded(Promise.all(workers.map((w) => w.close(true))), 5_000, 'worker force close');
      await queueSet.close();
      await bounded(deps.understanding.close(), 5_000, 'understanding pool close');
      await deps.limits.close();
      await deps.auditAnchor
        .anchor()
        .catch((e: unknown) => logger.error({ err: { message: (e as Error).message } }, 'audit anchor failed'));
      producer.disconnect();
      for (const c of workerConnections) c.disconnect();
      await db.destroy();
      if (redisChild) {
        redisChild.kill('SIGTERM');
        await new Promise((r) => (redisChild.exitCode !== null ? r(null) : redisChild.once('exit', r)));
      }
    })());

  return { deps, url, relay, workers, queues, stop };
}

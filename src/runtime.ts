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
import { type Config, newIdentityKey } from './config.ts';
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
  if (config.identityKey) return config.identityKey;
  const file = path.join(config.dataDir, 'identity.key');
  try {
    const key = Buffer.from((await fs.readFile(file, 'utf8')).trim(), 'base64');
    if (key.length !== 32) throw new StartupError(`${file} does not hold a 32-byte base64 key`);
    return key;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  await fs.writeFile(file, `${newIdentityKey()}\n`, { mode: 0o600, flag: 'wx' }).catch((e: NodeJS.ErrnoException) => {
    if (e.code !== 'EEXIST') throw e; // another process created it first: use theirs
  });
  logger.warn(
    { file },
    'No IDENTITY_KEY configured: generated a new identity encryption key. Back it up — without it, stored identities cannot be read. Set IDENTITY_KEY in production.',
  );
  return loadIdentityKey(config, logger);
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
  const redisChild = await ensureRedis(config, logger);
  const { db, dialect } = openDatabase(config.database, {
    onPoolError: (err) =>
      logger.warn(
        { err: { code: (err as { code?: unknown }).code, message: err.message } },
        'database connection lost; reconnecting on demand',
      ),
  });
  await migrateToLatest(db);
  // First start: an admin with a one-time password, on the console only (never through the logger).
  const firstAdmin = await bootstrapAdmin(db, clock.now());
  if (firstAdmin) {
    console.log(
      `Back office (/staff/login): created the first admin "${firstAdmin.username}" with the one-time password ${firstAdmin.password}\n` +
        "  Sign in, change it under 修改密码, then create units' users under 用户管理. It is not shown again.",
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
      await intake.close();
      // 2. Hand over what is committed, then stop the workers (active jobs finish).
      await relay?.flushOnce().catch(() => 0);
      await relay?.stop();
      schedulers?.stop();
      await Promise.all(workers.map((w) => w.close()));
      await queueSet.close();
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

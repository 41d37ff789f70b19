// Wires one bot: Wechaty (any puppet) + conversation runner (Redis state) + notice consumer + idle sweep.
// main.ts starts it with the configured puppet; tests start it with wechaty-puppet-mock.
import type { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { WechatyBuilder, type Wechaty } from 'wechaty';
import type { Logger } from '../../src/lib/logger.ts';
import { LlmFactReader } from '../../src/understanding/llm.ts';
import { ShiantongClient } from './api-client.ts';
import type { BotConfig } from './bot.config.ts';
import { startNoticeConsumer } from './notice-consumer.ts';
import { ConversationRunner } from './session.ts';
import { RedisStateStore } from './state-store.ts';
import { rewardPasswordCommand } from './reward-command.ts';
import { onMessage, sendToContact } from './wechaty-adapter.ts';

export interface RunningBot {
  bot: Wechaty;
  runner: ConversationRunner;
  /** Runs the reminder/expiry sweep once (also run every minute). */
  sweep(): Promise<{ reminded: number; expired: number }>;
  /** Resolves once the account is logged in (bot.ready() never resolves with the mock puppet). */
  loggedIn: Promise<void>;
  stop(): Promise<void>;
}

// The puppet option: a package name, or a puppet instance (tests).
type PuppetOption = Parameters<typeof WechatyBuilder.build>[0] extends infer O ? (O extends { puppet?: infer P } ? P : never) : never;

export async function startBot(
  config: BotConfig,
  opts: { puppet: PuppetOption; logger: Logger; now?: () => Date; name?: string; sweepEveryMs?: number; onScan?: (qrcode: string) => void },
): Promise<RunningBot> {
  const { logger } = opts;
  const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
  redis.on('error', () => {}); // BullMQ and the store report failures where they matter
  if (!config.stateKey) logger.warn('no BOT_STATE_KEY or BOT_TOKEN: drafts are sealed with a random key and do not survive a restart');
  const store = new RedisStateStore(redis, config.queuePrefix, config.stateKey);
  const api = new ShiantongClient(config.serverUrl, config.botToken);
  const runner = new ConversationRunner({
    store,
    api,
    logger,
    ...(opts.now ? { now: opts.now } : {}),
    limits: { messagesPerMinute: config.messagesPerMinute, maxFiles: config.maxFiles, maxFileBytes: config.maxFileBytes },
    llm: config.llm ? new LlmFactReader(config.llm) : undefined,
  });
  const bot = WechatyBuilder.build({ puppet: opts.puppet, ...(opts.name ? { name: opts.name } : {}) } as Parameters<
    typeof WechatyBuilder.build
  >[0]);
  const send = sendToContact(bot);
  const rewardCommand = (contactId: string, text: string) => rewardPasswordCommand(api, contactId, text);
  bot.on('message', onMessage(bot, runner, logger, rewardCommand));
  if (opts.onScan) bot.on('scan', (qrcode) => opts.onScan?.(qrcode));
  // Puppets can repeat one error many times a second (no network): log each message once a minute.
  const lastLogged = new Map<string, number>();
  bot.on('error', (err) => {
    const key = err.message.slice(0, 200);
    const t = Date.now();
    if ((lastLogged.get(key) ?? 0) > t - 60_000) return;
    lastLogged.set(key, t);
    logger.warn({ err: { name: err.name, message: key } }, 'wechaty error');
  });

  let worker: Worker | null = null;
  let workerRedis: Redis | null = null;
  let timer: NodeJS.Timeout | null = null;
  const sweep = () => runner.sweep(send);
  const loggedIn = new Promise<void>((resolve) => {
    bot.once('login', () => {
      logger.info('bot logged in');
      // Notices need a logged-in account to send from: consume only from then on.
      if (config.botToken) {
        workerRedis = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
        workerRedis.on('error', () => {});
        worker = startNoticeConsumer({ connection: workerRedis, prefix: config.queuePrefix, api, send, logger });
      } else {
        logger.warn('BOT_TOKEN is not set: progress notices are not delivered and 查询 alone cannot list cases');
      }
      timer = setInterval(() => void sweep().catch(() => undefined), opts.sweepEveryMs ?? 60_000);
      timer.unref();
      resolve();
    });
  });
  // Logged out, nothing can be sent: hold the notices (no attempts used up) until the next login.
  bot.on('logout', () => {
    logger.warn('bot logged out: notice delivery paused');
    void (worker as Worker | null)?.pause();
  });
  bot.on('login', () => {
    const w = worker as Worker | null;
    if (w?.isPaused()) w.resume();
  });
  // bot.ready() never resolves with the mock puppet: wait for 'login' instead.
  await bot.start();
  return {
    bot,
    runner,
    sweep,
    loggedIn,
    async stop() {
      if (timer) clearInterval(timer);
      const w = worker as Worker | null;
      if (w) await w.close();
      (workerRedis as Redis | null)?.disconnect();
      await bot.stop();
      redis.disconnect();
    },
  };
}

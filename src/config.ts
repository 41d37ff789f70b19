// The only reader of process.env. Parsed once with zod, frozen, and passed down through deps.
import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

/** Which reverse proxies are trusted to append to X-Forwarded-For (see clientIp). */
export type TrustProxy = { readonly hops: number } | { readonly addresses: readonly string[] };

function validProxyAddress(a: string): boolean {
  const [ip, bits, ...rest] = a.split('/');
  if (rest.length || !ip || isIP(ip) === 0) return false;
  if (bits === undefined) return true;
  const n = Number(bits);
  return /^\d{1,3}$/.test(bits) && n <= (isIP(ip) === 4 ? 32 : 128);
}

const port = z.coerce.number().int().min(0).max(65535);

export const EnvSchema = z.object({
  ROLE: z.enum(['all', 'web', 'worker']).default('all'),
  PORT: port.default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  PUBLIC_BASE_URL: z.url().optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^(postgres(ql)?:\/\/|sqlite:)/, 'must start with postgres://, postgresql:// or sqlite:')
    .optional(),
  SQLITE_SYNCHRONOUS: z.enum(['FULL', 'NORMAL']).default('FULL'),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')
    .optional(),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/)
    .default('shiantong'),
  IDENTITY_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes encoded in base64')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * Reverse proxies in front of us: a number of trusted hops (0 = none), or a comma-separated list of
   * their addresses or CIDR ranges. `true`/`yes` mean one hop, `false`/`no` none.
   */
  TRUST_PROXY: z
    .string()
    .default('0')
    .transform((v, ctx): TrustProxy => {
      const t = v.trim().toLowerCase();
      if (t === 'true' || t === 'yes') return { hops: 1 };
      if (t === 'false' || t === 'no') return { hops: 0 };
      if (/^\d{1,2}$/.test(t)) return { hops: Number(t) };
      const addresses = t
        .split(',')
        .map((a) => a.trim())
        .filter(Boolean);
      if (addresses.length && addresses.every(validProxyAddress)) return { addresses };
      ctx.addIssue({
        code: 'custom',
        message: 'must be a number of trusted hops, or a comma-separated list of proxy addresses (CIDR allowed)',
      });
      return z.NEVER;
    }),
  RATE_LIMIT_SIGN_INS_PER_MINUTE: z.coerce.number().int().positive().default(30),
  RATE_LIMIT_PASSWORD_CHANGES_PER_HOUR: z.coerce.number().int().positive().default(10),
  /** The audit chain's head is anchored (DATA_DIR/audit-anchors.jsonl and the log) every this many rows. */
  AUDIT_ANCHOR_EVERY: z.coerce.number().int().positive().default(100),
  RATE_LIMIT_SUBMISSIONS_PER_MINUTE: z.coerce.number().int().positive().default(20),
  RATE_LIMIT_LOOKUPS_PER_MINUTE: z.coerce.number().int().positive().default(60),
  MAX_FILE_MB: z.coerce.number().positive().max(100).default(10),
  MAX_FILES: z.coerce.number().int().min(0).max(20).default(9),
  RELAY_INTERVAL_MS: z.coerce.number().int().positive().default(500),
  /** How often worker processes check that the repeatable jobs exist in Redis (re-registered after Redis lost them). */
  SCHEDULER_CHECK_MS: z.coerce.number().int().min(100).max(3_600_000).default(15_000),
  WORKER_CONCURRENCY: z.coerce.number().int().positive().default(8),
  GROUP_COMMIT_WINDOW_MS: z.coerce.number().min(0).max(50).default(2),
  /** Worker threads for the understanding engine (0: inline on the event loop); default: cores − 2, at most 4. */
  UNDERSTANDING_THREADS: z.coerce.number().int().min(0).max(64).optional(),
  /** Shared secret of the WeChat bot (Authorization: Bearer …); the bot API is off when unset. */
  BOT_TOKEN: z
    .string()
    .regex(/^[\x21-\x7e]{16,200}$/, 'must be 16 to 200 visible ASCII characters')
    .optional(),
  /**
   * The city SMS gateway's webhook (issue #14.1): notices the citizen must be told are also sent by SMS to
   * the phone they gave. Off when unset.
   */
  SMS_WEBHOOK_URL: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).optional(),
  /** Bearer token sent to the SMS webhook (optional). */
  SMS_WEBHOOK_TOKEN: z
    .string()
    .regex(/^[\x21-\x7e]{8,400}$/, 'must be 8 to 400 visible ASCII characters')
    .optional(),
  SMS_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
  /** The edge worker (src/edge/, wrangler.toml) that serves the public results; unset: no edge sync. */
  EDGE_SYNC_URL: z.url().optional(),
  /** Shared HMAC secret of the edge sync (the worker's EDGE_SYNC_SECRET); required with EDGE_SYNC_URL. */
  EDGE_SYNC_SECRET: z
    .string()
    .regex(/^[\x21-\x7e]{32,200}$/, 'must be 32 to 200 visible ASCII characters')
    .optional(),
  /** How often a fresh statistics snapshot is pushed to the edge. */
  EDGE_STATISTICS_EVERY_MS: z.coerce.number().int().min(60_000).default(3_600_000),
  /** Bearer token of the Prometheus scraper for GET /metrics; /metrics is off (404) when unset. */
  METRICS_TOKEN: z
    .string()
    .regex(/^[\x21-\x7e]{16,200}$/, 'must be 16 to 200 visible ASCII characters')
    .optional(),
  /**
   * Addresses or CIDR ranges (comma-separated) allowed to scrape /metrics, e.g. the Prometheus host on
   * the admin network; the client address is read as for the rate limits (TRUST_PROXY). Unset: any
   * address holding METRICS_TOKEN.
   */
  METRICS_ALLOW_FROM: z
    .string()
    .optional()
    .transform((v, ctx): readonly string[] | undefined => {
      if (v === undefined || v.trim() === '') return undefined;
      const list = v
        .split(',')
        .map((a) => a.trim())
        .filter(Boolean);
      if (list.every(validProxyAddress)) return list;
      ctx.addIssue({ code: 'custom', message: 'must be a comma-separated list of addresses (CIDR allowed)' });
      return z.NEVER;
    }),
});

export type Env = z.infer<typeof EnvSchema>;

export interface Config {
  readonly role: Env['ROLE'];
  readonly port: number;
  readonly host: string;
  readonly publicBaseUrl: string | undefined;
  readonly dataDir: string;
  readonly database:
    | { readonly kind: 'sqlite'; readonly file: string; readonly synchronous: 'FULL' | 'NORMAL' }
    | { readonly kind: 'postgres'; readonly url: string };
  readonly redis: { readonly url: string; readonly explicit: boolean };
  readonly queuePrefix: string;
  /** Base64 key from the environment; when absent, main() loads or creates DATA_DIR/identity.key. */
  readonly identityKey: Buffer | undefined;
  readonly logLevel: Env['LOG_LEVEL'];
  readonly trustProxy: TrustProxy;
  readonly rateLimits: {
    readonly submissionsPerMinute: number;
    readonly lookupsPerMinute: number;
    readonly signInsPerMinute: number;
    readonly passwordChangesPerHour: number;
  };
  readonly auditAnchorEvery: number;
  readonly uploads: { readonly maxFileBytes: number; readonly maxFiles: number };
  readonly relayIntervalMs: number;
  readonly schedulerCheckMs: number;
  readonly workerConcurrency: number;
  /** How long a submission waits for others to share its commit (group commit). */
  readonly groupCommitWindowMs: number;
  /** Worker threads reading submissions and triaging cases (understanding-pool.ts); 0: inline. */
  readonly understandingThreads: number;
  /** WeChat bot token; undefined disables the bot API. */
  readonly botToken: string | undefined;
  /** Prometheus scraper's token; undefined disables /metrics. */
  readonly metricsToken: string | undefined;
  /** The city SMS gateway's webhook; null: SMS notices off. */
  readonly sms: { readonly url: string; readonly token: string | undefined; readonly timeoutMs: number } | null;
  /** The edge worker the public results are pushed to (edge.sync job); null: none. */
  readonly edge: { readonly url: string; readonly secret: string; readonly statisticsEveryMs: number } | null;
  /** Addresses allowed to scrape /metrics; undefined: any (with the token). */
  readonly metricsAllowFrom: readonly string[] | undefined;
}

/**
 * Understanding threads by default: two cores are left (the event loop, and the database, Redis or a
 * neighbouring process on the same machine), at most 4 (the engine is a fraction of a request); none on two
 * cores or fewer, where a thread competes with the event loop instead of using a free core (measured on
 * this 2-core machine: the pool cost 0.05–0.1 ms more CPU per submission and raised p99, README
 * "Performance").
 */
export function defaultUnderstandingThreads(): number {
  return Math.max(0, Math.min(4, os.availableParallelism() - 2));
}

export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid configuration:\n  ${issues.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Readonly<Config> {
  // Empty strings count as unset, so `PORT= npm start` behaves like no PORT.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => {
        const name = String(i.path[0] ?? '?');
        const value = cleaned[name];
        const shown = value === undefined || /KEY|TOKEN|SECRET/.test(name) ? '' : ` (got ${JSON.stringify(value)})`;
        return `${name}: ${i.message}${shown}`;
      }),
    );
  }
  const e = parsed.data;
  if (e.EDGE_SYNC_URL && !e.EDGE_SYNC_SECRET) throw new ConfigError(['EDGE_SYNC_SECRET: required when EDGE_SYNC_URL is set']);
  const dataDir = path.resolve(e.DATA_DIR);
  const database: Config['database'] =
    e.DATABASE_URL && /^postgres/.test(e.DATABASE_URL)
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : {
          kind: 'sqlite',
          file: e.DATABASE_URL ? path.resolve(e.DATABASE_URL.slice('sqlite:'.length)) : path.join(dataDir, 'shiantong.sqlite'),
          synchronous: e.SQLITE_SYNCHRONOUS,
        };
  return Object.freeze({
    role: e.ROLE,
    port: e.PORT,
    host: e.HOST,
    publicBaseUrl: e.PUBLIC_BASE_URL,
    dataDir,
    database,
    redis: { url: e.REDIS_URL ?? 'redis://127.0.0.1:6379', explicit: e.REDIS_URL !== undefined },
    queuePrefix: e.QUEUE_PREFIX,
    identityKey: e.IDENTITY_KEY ? Buffer.from(e.IDENTITY_KEY, 'base64') : undefined,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    rateLimits: {
      submissionsPerMinute: e.RATE_LIMIT_SUBMISSIONS_PER_MINUTE,
      lookupsPerMinute: e.RATE_LIMIT_LOOKUPS_PER_MINUTE,
      signInsPerMinute: e.RATE_LIMIT_SIGN_INS_PER_MINUTE,
      passwordChangesPerHour: e.RATE_LIMIT_PASSWORD_CHANGES_PER_HOUR,
    },
    auditAnchorEvery: e.AUDIT_ANCHOR_EVERY,
    uploads: { maxFileBytes: Math.round(e.MAX_FILE_MB * 1024 * 1024), maxFiles: e.MAX_FILES },
    relayIntervalMs: e.RELAY_INTERVAL_MS,
    schedulerCheckMs: e.SCHEDULER_CHECK_MS,
    workerConcurrency: e.WORKER_CONCURRENCY,
    groupCommitWindowMs: e.GROUP_COMMIT_WINDOW_MS,
    understandingThreads: e.UNDERSTANDING_THREADS ?? defaultUnderstandingThreads(),
    botToken: e.BOT_TOKEN,
    metricsToken: e.METRICS_TOKEN,
    sms: e.SMS_WEBHOOK_URL ? { url: e.SMS_WEBHOOK_URL, token: e.SMS_WEBHOOK_TOKEN, timeoutMs: e.SMS_TIMEOUT_MS } : null,
    edge:
      e.EDGE_SYNC_URL && e.EDGE_SYNC_SECRET
        ? { url: e.EDGE_SYNC_URL, secret: e.EDGE_SYNC_SECRET, statisticsEveryMs: e.EDGE_STATISTICS_EVERY_MS }
        : null,
    metricsAllowFrom: e.METRICS_ALLOW_FROM,
  });
}

/** A fresh random identity key, base64; used on first start when none is configured. */
export function newIdentityKey(): string {
  return randomBytes(32).toString('base64');
}

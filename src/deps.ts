// What every part receives: config, database, clock, logger, crypto, stores and services.
import { enableSmsNotices } from './notices/notice-duty.ts';
import { smsFromConfig } from './notices/sms.ts';
import path from 'node:path';
import { EvidenceStore } from './cases/evidence.store.ts';
import { IntakeService } from './cases/intake.service.ts';
import type { Config } from './config.ts';
import { type Db, type DbDialect, databaseAnswers } from './db/database.ts';
import type { Clock } from './lib/clock.ts';
import { IdentityCipher } from './lib/identity-cipher.ts';
import type { Logger } from './lib/logger.ts';
import { RateLimits } from './http/rate-limit.ts';
import { AuditAnchor } from './backoffice/audit-anchor.ts';
import { auditKeyFrom, onAuditAppended, useAuditKey } from './backoffice/audit.log.ts';
import type { Queue } from 'bullmq';
import type { QueueName } from './workflow/jobs.ts';
import type { SmsPort } from './rewards/sms.port.ts';
import { type Understander, understandingPool } from './understanding/understanding-pool.ts';

export interface Deps {
  readonly config: Config;
  readonly db: Db;
  readonly dialect: DbDialect;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly cipher: IdentityCipher;
  readonly evidence: EvidenceStore;
  readonly intake: IntakeService;
  /** The understanding engine in worker threads (inline when they cannot take a task); close() at shutdown. */
  readonly understanding: Understander;
  /** Rate-limit counters in Redis, shared by every process (close() at shutdown). */
  readonly limits: RateLimits;
  /** Anchors the audit chain's head outside the database (every N rows; anchor() at shutdown). */
  readonly auditAnchor: AuditAnchor;
  /** Absolute base of links we hand out (status URLs). */
  readonly publicBaseUrl: string;
  /** Whether the database answers now (for /readyz). */
  readonly databaseReady: () => Promise<boolean>;
  /** Whether Redis answers now (for /readyz). */
  readonly redisReady: () => Promise<boolean>;
  /** BullMQ queues, for processors that schedule jobs directly (the reconcile job); absent without Redis. */
  readonly queues: Partial<Record<QueueName, Queue>>;
  /**
   * An SMS gateway: given by whoever deploys (createDeps({ sms })) or the city's webhook (SMS_WEBHOOK_URL,
   * src/notices/sms.ts); absent: SMS is skipped (reward notices, notices the citizen must be told).
   */
  readonly sms?: SmsPort;
}

export function createDeps(p: {
  config: Config;
  db: Db;
  dialect: DbDialect;
  logger: Logger;
  clock: Clock;
  identityKey: Buffer;
  onCommitted?: () => void;
  redisReady: () => Promise<boolean>;
  queues?: Partial<Record<QueueName, Queue>>;
  sms?: SmsPort;
}): Deps {
  const cipher = new IdentityCipher(p.identityKey);
  const { config } = p;
  useAuditKey(auditKeyFrom(p.identityKey));
  const sms = p.sms ?? smsFromConfig(config.sms) ?? undefined;
  enableSmsNotices(sms !== undefined);
  const auditAnchor = new AuditAnchor({
    db: p.db,
    dataDir: config.dataDir,
    logger: p.logger,
    every: config.auditAnchorEvery,
    now: () => p.clock.now(),
  });
  onAuditAppended(() => auditAnchor.appended());
  const understanding = understandingPool(config.understandingThreads, (info) =>
    p.logger.warn(info, 'an understanding thread was lost; its tasks were finished inline and it was replaced'),
  );
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return {
    config,
    db: p.db,
    dialect: p.dialect,
    logger: p.logger,
    clock: p.clock,
    cipher,
    evidence: new EvidenceStore(path.join(config.dataDir, 'evidence')),
    intake: new IntakeService(
      {
        db: p.db,
        cipher,
        clock: p.clock,
        read: (s) => understanding.readSubmission(s),
        ...(p.onCommitted ? { onCommitted: p.onCommitted } : {}),
      },
      { windowMs: config.groupCommitWindowMs },
    ),
    understanding,
    auditAnchor,
    limits: new RateLimits({ redisUrl: config.redis.url, prefix: config.queuePrefix, keyOf: (s) => cipher.mac(`rate-limit:${s}`) }),
    publicBaseUrl: config.publicBaseUrl ?? `http://${host}:${config.port}`,
    databaseReady: () => databaseAnswers(p.db),
    redisReady: p.redisReady,
    queues: p.queues ?? {},
    ...(sms ? { sms } : {}),
  };
}

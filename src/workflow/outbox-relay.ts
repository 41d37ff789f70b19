// The outbox relay: hands committed outbox rows to BullMQ and marks them sent. The job id is the row id,
// so a row sent twice (a crash between add and mark, two relays on one database) becomes one job.
// With Redis down, adds fail fast, rows stay unsent, and the relay retries with back-off.
import { type Db, type Trx, isPostgres } from '../db/database.ts';
import type { Clock } from '../lib/clock.ts';
import type { Logger } from '../lib/logger.ts';
import { DEFAULT_JOB_OPTIONS, PRODUCER_QUEUES, type ProducerQueueName } from './jobs.ts';
import type { QueueSet } from './queue-set.ts';

export class OutboxRelay {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = true;
  private again = false;
  private failures = 0;
  readonly stats = { sent: 0, failedRounds: 0 };

  constructor(
    private readonly deps: { db: Db; queues: QueueSet; logger: Logger; clock: Clock; redisReady?: () => boolean },
    private readonly intervalMs = 500,
    private readonly batchSize = 500,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** Called after a commit that wrote outbox rows: deliver now instead of at the next tick. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.round().finally(() => {
        this.running = null;
        const backoff = this.failures ? Math.min(this.intervalMs * 2 ** this.failures, 10_000) : this.intervalMs;
        this.schedule(this.again && !this.failures ? 0 : backoff);
        this.again = false;
      });
    }, ms);
    this.timer.unref?.();
  }

  private async round(): Promise<void> {
    try {
      while (!this.stopped) {
        const n = await this.flushOnce();
        if (n < this.batchSize) break;
      }
      this.failures = 0;
    } catch (err) {
      this.failures = Math.min(this.failures + 1, 6);
      this.stats.failedRounds++;
      this.deps.logger.warn(
        { err: { name: (err as Error).name, message: (err as Error).message } },
        'outbox relay: delivery failed, will retry',
      );
      this.deps.queues.invalidate();
    }
  }

  /**
   * Sends one batch of pending rows; returns how many were sent. Throws when Redis refuses.
   * On PostgreSQL the batch is claimed with FOR UPDATE SKIP LOCKED inside a transaction that also marks it
   * sent, so the relays of several worker processes each hand different rows to Redis instead of all
   * sending the same batch (harmless by job id, but every relay did every row's work). A relay that dies
   * mid-batch rolls back and its rows are taken by the next round, anyone's.
   */
  async flushOnce(): Promise<number> {
    const { db } = this.deps;
    if (!isPostgres(db)) return this.flushWith(db, false);
    let failure: unknown = null;
    const n = await db.transaction().execute(async (trx) => {
      try {
        return await this.flushWith(trx, true);
      } catch (e) {
        // The rows' marks (sent ones, attempts of the others) commit; the error is thrown after.
        failure = e;
        return 0;
      }
    });
    if (failure) throw failure;
    return n;
  }

  private async flushWith(db: Db | Trx, claim: boolean): Promise<number> {
    const { queues } = this.deps;
    const rows = await db
      .selectFrom('outbox')
      .selectAll()
      .where('sent_at', 'is', null)
      .orderBy('created_at')
      .limit(this.batchSize)
      .$if(claim, (q) => q.forUpdate().skipLocked())
      .execute();
    if (rows.length === 0) return 0;
    if (this.deps.redisReady && !this.deps.redisReady()) throw new Error('Redis is not connected');
    const byQueue = new Map<ProducerQueueName, typeof rows>();
    for (const r of rows) {
      const list = byQueue.get(r.queue) ?? [];
      list.push(r);
      byQueue.set(r.queue, list);
    }
    const sent: string[] = [];
    try {
      for (const [name, list] of byQueue) {
        if (!(PRODUCER_QUEUES as readonly string[]).includes(name)) throw new Error(`outbox row for unknown queue ${name}`);
        const queue = queues.get(name);
        const nowMs = this.deps.clock.now().getTime();
        await withTimeout(
          queue.addBulk(
            list.map((r) => ({
              name: r.name,
              data: JSON.parse(r.payload) as unknown,
              opts: {
                ...DEFAULT_JOB_OPTIONS,
                jobId: r.job_id ?? r.id,
                ...(r.run_at ? { delay: Math.max(0, Date.parse(r.run_at) - nowMs) } : {}),
              },
            })),
          ),
          5000,
        );
        sent.push(...list.map((r) => r.id));
      }
    } finally {
      if (sent.length) await this.markSent(db, sent);
      const unsent = rows.filter((r) => !sent.includes(r.id)).map((r) => r.id);
      if (unsent.length && sent.length < rows.length) {
        await db
          .updateTable('outbox')
          .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
          .where('id', 'in', unsent)
          .execute()
          .catch(() => undefined);
      }
    }
    this.stats.sent += sent.length;
    return rows.length;
  }

  private async markSent(db: Db | Trx, ids: string[]): Promise<void> {
    const at = this.deps.clock.now().toISOString();
    for (let i = 0; i < ids.length; i += 500) {
      await db
        .updateTable('outbox')
        .set({ sent_at: at, last_error: null })
        .where('id', 'in', ids.slice(i, i + 500))
        .execute();
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms);
    p.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(t);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

// The producer queues of one process. BullMQ Queue objects that lived through a Redis outage were seen
// to keep failing every command after Redis came back (MaxRetriesPerRequestError on a fresh connection),
// so after a failed delivery the relay asks for fresh ones; the old ones are closed in the background.
import { Queue } from 'bullmq';
import { PRODUCER_QUEUES, type ProducerQueueName } from './jobs.ts';
import { producerOptions } from './redis.ts';

export class QueueSet {
  private current: Record<ProducerQueueName, Queue>;
  private stale = false;
  private readonly retired: Promise<unknown>[] = [];

  constructor(
    private readonly url: string,
    private readonly prefix: string,
  ) {
    this.current = this.build();
  }

  private build(): Record<ProducerQueueName, Queue> {
    const qs = Object.fromEntries(
      PRODUCER_QUEUES.map((q) => [
        q,
        new Queue(q, { connection: producerOptions(this.url), prefix: this.prefix, skipWaitingForReady: true }),
      ]),
    ) as Record<ProducerQueueName, Queue>;
    // Connection errors surface through the relay and /readyz; an unhandled 'error' event would crash.
    for (const q of Object.values(qs)) q.on('error', () => {});
    return qs;
  }

  get(name: ProducerQueueName): Queue {
    if (this.stale) {
      const old = this.current;
      this.current = this.build();
      this.stale = false;
      for (const q of Object.values(old)) this.retired.push(q.close().catch(() => undefined));
    }
    return this.current[name];
  }

  /** The next get() builds fresh queues. */
  invalidate(): void {
    this.stale = true;
  }

  /** A live view for code that wants a record (deps.queues). */
  view(): Record<ProducerQueueName, Queue> {
    return new Proxy({} as Record<ProducerQueueName, Queue>, {
      get: (_t, p) =>
        typeof p === 'string' && (PRODUCER_QUEUES as readonly string[]).includes(p) ? this.get(p as ProducerQueueName) : undefined,
    });
  }

  async close(): Promise<void> {
    await Promise.all([...Object.values(this.current).map((q) => q.close().catch(() => undefined)), ...this.retired]);
  }
}

// Group commit: requests that arrive while a commit is in flight are written together in the next
// transaction, so one fsync acknowledges many submissions. No caller is resolved before the transaction
// holding its rows has committed. If a batch fails, each item is retried alone so one bad item cannot
// fail its neighbours.
//
// Arrivals: a commit on SQLite is synchronous, so nothing else runs while it is in flight; the requests
// handled meanwhile sit at different steps (the rate limiter's Redis answer, the body, validation) and
// used to reach the committer a few event-loop turns apart, each group paying its own commit (the fixed
// cost of a commit, ~3–4 ms of WAL writes and fsync here, was a third of a submission's CPU at c=50).
// A request announces itself (`expect()`) when it starts; a batch is started once every announced
// request has submitted or given up, or `maxWaitMs` after its first item, whichever comes first.

export type BatchResult<R> = { ok: true; value: R } | { ok: false; error: unknown };

export class GroupCommitter<T, R> {
  private pending: { item: T; resolve: (r: R) => void; reject: (e: unknown) => void }[] = [];
  private running = false;
  private closed = false;
  /** Announced callers that have not submitted (or given up) yet. */
  private arriving = 0;
  private waitTimer: NodeJS.Timeout | null = null;
  /** Batches written so far and their sizes (for the benchmark's report). */
  readonly stats = { batches: 0, items: 0, largest: 0 };

  /**
   * @param windowMs how long the first item of a batch waits for company before the commit starts (0: only
   *   what arrived in the same event-loop turn). A short window trades a little latency for fewer fsyncs.
   * @param maxWaitMs how long the first item of a batch waits at most for announced callers (`expect()`).
   */
  constructor(
    private readonly writeBatch: (items: T[]) => Promise<BatchResult<R>[]>,
    private readonly maxBatch = 256,
    private readonly windowMs = 0,
    private readonly maxWaitMs = 5,
  ) {}

  /**
   * A caller that is about to submit (a request whose body is being read and checked): the next batch
   * waits for it, at most `maxWaitMs`. Call the returned function once it has submitted or given up
   * (more calls are ignored).
   */
  expect(): () => void {
    this.arriving++;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.arriving--;
      if (this.arriving === 0 && this.pending.length > 0) this.schedule();
    };
  }

  submit(item: T): Promise<R> {
    if (this.closed) return Promise.reject(new Error('group committer is closed'));
    return new Promise<R>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.running) return; // the drain in progress takes what is pending when its commit is done
    if (this.arriving > 0 && this.maxWaitMs > 0) {
      this.waitTimer ??= setTimeout(() => this.start(), this.maxWaitMs);
      return;
    }
    this.start();
  }

  private start(): void {
    if (this.waitTimer) clearTimeout(this.waitTimer);
    this.waitTimer = null;
    if (this.running || this.pending.length === 0) return;
    this.running = true;
    // Let requests that are already parsed in this turn of the event loop (or within the window) join.
    if (this.windowMs > 0) setTimeout(() => void this.drain(), this.windowMs);
    else setImmediate(() => void this.drain());
  }

  private async drain(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, this.maxBatch);
      let results: BatchResult<R>[];
      try {
        results = await this.writeBatch(batch.map((b) => b.item));
      } catch (batchError) {
        if (batch.length === 1) {
          results = [{ ok: false, error: batchError }];
        } else {
          results = [];
          for (const b of batch) {
            try {
              const [one] = await this.writeBatch([b.item]);
              results.push(one ?? { ok: false, error: new Error('no result') });
            } catch (e) {
              results.push({ ok: false, error: e });
            }
          }
        }
      }
      this.stats.batches++;
      this.stats.items += batch.length;
      this.stats.largest = Math.max(this.stats.largest, batch.length);
      batch.forEach((b, i) => {
        const r = results[i];
        if (r?.ok) b.resolve(r.value);
        else b.reject(r ? r.error : new Error('no result'));
      });
    }
    this.running = false;
  }

  /** Stops accepting work and waits for what is queued to be written. */
  async close(): Promise<void> {
    this.closed = true;
    while (this.running || this.pending.length > 0) await new Promise((r) => setTimeout(r, 5));
  }
}

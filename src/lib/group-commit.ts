// Group commit: requests that arrive while a commit is in flight are written together in the next
// transaction, so one fsync acknowledges many submissions. No caller is resolved before the transaction
// holding its rows has committed. If a batch fails, each item is retried alone so one bad item cannot
// fail its neighbours.

export type BatchResult<R> = { ok: true; value: R } | { ok: false; error: unknown };

export class GroupCommitter<T, R> {
  private pending: { item: T; resolve: (r: R) => void; reject: (e: unknown) => void }[] = [];
  private running = false;
  private closed = false;
  /** Batches written so far and their sizes (for the benchmark's report). */
  readonly stats = { batches: 0, items: 0, largest: 0 };

  /**
   * @param windowMs how long the first item of a batch waits for company before the commit starts (0: only
   *   what arrived in the same event-loop turn). A short window trades a little latency for fewer fsyncs.
   */
  constructor(
    private readonly writeBatch: (items: T[]) => Promise<BatchResult<R>[]>,
    private readonly maxBatch = 256,
    private readonly windowMs = 0,
  ) {}

  submit(item: T): Promise<R> {
    if (this.closed) return Promise.reject(new Error('group committer is closed'));
    return new Promise<R>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      if (!this.running) {
        this.running = true;
        // Let requests that are already parsed in this turn of the event loop (or within the window) join.
        if (this.windowMs > 0) setTimeout(() => void this.drain(), this.windowMs);
        else setImmediate(() => void this.drain());
      }
    });
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

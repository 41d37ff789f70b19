// A small pool of worker threads (node:worker_threads) for pure CPU work that would otherwise hold the
// event loop: the understanding engine on the request path (intake) and in the workflow worker (triage).
// Never the only way to get an answer: every task also has its inline function, used whenever the pool
// cannot take the task — no thread ready yet (they start lazily, warm up, then say so), the bounded queue
// full, the pool closed, a payload that cannot be copied — and to finish every task a thread had when it
// died or stopped answering (the thread is replaced). A task that throws in a thread is run again inline,
// so its caller sees the very error it would have seen without the pool. Results are the same either way:
// the threads run the same module, and data crosses by structured clone (plain data in, plain data out).
//
// The threads run TypeScript through tsx (ts-worker.mjs registers it for the task module alone), so this
// works under `npm start`, the benchmarks and vitest alike. A thread keeps the process alive only while
// it has tasks; close() at shutdown stops them (tasks in flight are finished inline).
import { Worker } from 'node:worker_threads';

// biome-ignore lint/suspicious/noExplicitAny: a task takes and returns whatever its module says
export type TaskMap = Record<string, (payload: any) => unknown>;

export interface WorkerPoolOptions<T extends TaskMap> {
  /** Threads (0: none, every task inline). */
  size: number;
  /** The module a thread loads (a file URL, .ts allowed): exports `tasks` (same names) and optionally `warmUp()`. */
  module: URL;
  /** The same functions, run on this thread when the pool does not take a task. */
  inline: T;
  /** Tasks waiting or running per thread at most; past that, a task runs inline. */
  maxQueuePerThread?: number;
  /** A task unanswered for this long: its thread is replaced and its tasks are finished inline. */
  taskTimeoutMs?: number;
  /** Thread deaths within a minute after which the pool stops replacing threads (everything inline) for that minute. */
  maxRestartsPerMinute?: number;
  /** Told about threads that died or were replaced (for the log). */
  onThreadLost?: (info: { reason: string; tasks: number }) => void;
}

type Job = { task: string; payload: unknown; resolve: (v: unknown) => void; reject: (e: unknown) => void; timer: NodeJS.Timeout };
type Slot = { worker: Worker; ready: boolean; jobs: Map<number, Job>; lost: boolean };
type Reply = { type: 'ready' } | { type: 'result'; id: number; ok: true; value: unknown } | { type: 'result'; id: number; ok: false };

const BOOTSTRAP = new URL('./ts-worker.mjs', import.meta.url);

export class WorkerPool<T extends TaskMap> {
  private readonly slots: Slot[] = [];
  private started = false;
  private closed = false;
  private nextId = 1;
  private readonly deaths: number[] = [];
  private readonly maxQueue: number;
  private readonly timeoutMs: number;
  private readonly maxRestarts: number;
  /** Tasks answered by a thread, run inline, and threads lost (died, or replaced after a timeout). */
  readonly stats = { pooled: 0, inline: 0, recovered: 0, threadsLost: 0 };

  constructor(private readonly opts: WorkerPoolOptions<T>) {
    this.maxQueue = opts.maxQueuePerThread ?? 64;
    this.timeoutMs = opts.taskTimeoutMs ?? 30_000;
    this.maxRestarts = opts.maxRestartsPerMinute ?? 10;
  }

  /** Threads started and warmed up. */
  get readyThreads(): number {
    return this.slots.filter((s) => s.ready && !s.lost).length;
  }

  /** The live threads (for diagnostics, and for the tests that kill one). */
  get threads(): readonly Worker[] {
    return this.slots.filter((s) => !s.lost).map((s) => s.worker);
  }

  /** Runs `task` in a thread when one can take it, else here; never fails because of the pool. */
  run<K extends keyof T & string>(task: K, payload: Parameters<T[K]>[0]): Promise<Awaited<ReturnType<T[K]>>> {
    if (!this.closed && this.opts.size > 0) {
      if (!this.started) this.start();
      let best: Slot | null = null;
      for (const s of this.slots) if (s.ready && !s.lost && (best === null || s.jobs.size < best.jobs.size)) best = s;
      if (best !== null && best.jobs.size < this.maxQueue) {
        const slot = best;
        const id = this.nextId++;
        try {
          slot.worker.postMessage({ id, task, payload });
        } catch {
          return this.inline(task, payload); // not copyable: run it here
        }
        return new Promise((resolve, reject) => {
          const timer = setTimeout(() => this.lose(slot, `no answer in ${this.timeoutMs} ms`, true), this.timeoutMs);
          timer.unref();
          slot.jobs.set(id, { task, payload, resolve: resolve as (v: unknown) => void, reject, timer });
          if (slot.jobs.size === 1) slot.worker.ref();
        });
      }
    }
    return this.inline(task, payload);
  }

  private inline<K extends keyof T & string>(task: K, payload: unknown): Promise<Awaited<ReturnType<T[K]>>> {
    this.stats.inline++;
    try {
      return Promise.resolve(this.opts.inline[task]!(payload) as Awaited<ReturnType<T[K]>>);
    } catch (e) {
      return Promise.reject(e);
    }
  }

  private start(): void {
    this.started = true;
    for (let i = 0; i < this.opts.size; i++) this.spawn();
  }

  private spawn(): void {
    let worker: Worker;
    try {
      // execArgv [] : the thread does not inherit the process's flags (tsx's --import, --cpu-prof):
      // ts-worker.mjs registers tsx for the task module itself.
      worker = new Worker(BOOTSTRAP, { workerData: { module: this.opts.module.href }, execArgv: [] });
    } catch {
      this.deaths.push(Date.now());
      return; // no thread: tasks run inline
    }
    const slot: Slot = { worker, ready: false, jobs: new Map(), lost: false };
    this.slots.push(slot);
    worker.unref();
    worker.on('message', (m: Reply) => {
      if (m.type === 'ready') {
        slot.ready = true;
        return;
      }
      const job = slot.jobs.get(m.id);
      if (!job) return;
      slot.jobs.delete(m.id);
      clearTimeout(job.timer);
      if (slot.jobs.size === 0) slot.worker.unref();
      if (m.ok) {
        this.stats.pooled++;
        job.resolve(m.value);
      } else {
        // Thrown in the thread: run it here, so the caller gets the same error (with its stack) as without the pool.
        this.settleInline(job);
      }
    });
    worker.on('error', (e) => this.lose(slot, `error: ${e instanceof Error ? e.message : String(e)}`, false));
    worker.on('exit', (code) => this.lose(slot, `exited (${code})`, false));
  }

  private settleInline(job: Job): void {
    this.inline(job.task, job.payload).then(job.resolve, job.reject);
  }

  /** A thread died, stopped answering, or is being closed: its tasks are finished here, and it is replaced. */
  private lose(slot: Slot, reason: string, terminate: boolean): void {
    if (slot.lost) return;
    slot.lost = true;
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    const jobs = [...slot.jobs.values()];
    slot.jobs.clear();
    for (const job of jobs) {
      clearTimeout(job.timer);
      this.stats.recovered++;
      this.settleInline(job);
    }
    if (terminate || !this.closed) void slot.worker.terminate().catch(() => undefined);
    if (this.closed) return;
    this.stats.threadsLost++;
    this.opts.onThreadLost?.({ reason, tasks: jobs.length });
    const now = Date.now();
    this.deaths.push(now);
    while (this.deaths.length > 0 && (this.deaths[0] ?? now) < now - 60_000) this.deaths.shift();
    if (this.deaths.length <= this.maxRestarts) this.spawn();
    else {
      // Dying over and over: inline for a minute, then try again.
      const t = setTimeout(() => {
        if (!this.closed && this.slots.length < this.opts.size) this.spawn();
      }, 60_000);
      t.unref();
    }
  }

  /** Stops the threads; tasks still in flight are finished inline, later tasks run inline. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const slots = [...this.slots];
    for (const s of slots) this.lose(s, 'closed', false);
    // Bounded: a thread that does not stop within 2 s is left behind (unref'd, it does not hold the process).
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.all(slots.map((s) => s.worker.terminate().catch(() => undefined))),
      new Promise((r) => {
        timer = setTimeout(r, 2_000);
        timer.unref();
      }),
    ]);
    clearTimeout(timer);
    for (const s of slots) s.worker.unref();
  }
}

// Prometheus metrics for GET /metrics, with prom-client (one Registry per app, so tests and several apps
// in one process never share series): request latency per route pattern (never the raw path: a case
// number could be in it), BullMQ job counts per queue and state, the outbox backlog, statutory clocks
// (running, overdue, without a due date, overdue per unit), open cases per kind, cases received per
// channel, citizen notices per status, and Node's default process metrics. The values read from the
// database and Redis are read at each scrape; latency lives in this process (one scrape target per web
// process). Dashboard: src/ops/grafana-dashboard.json.
import type { Queue } from 'bullmq';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { DbGauges } from './metrics.queries.ts';

const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const JOB_STATES = ['waiting', 'active', 'delayed', 'failed', 'completed', 'prioritized', 'waiting-children'] as const;

export class Metrics {
  readonly registry = new Registry();
  private readonly http = new Histogram({
    name: 'shiantong_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method, route pattern and status class.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: BUCKETS,
    registers: [this.registry],
  });
  private readonly g = {
    queue: this.gauge('shiantong_queue_jobs', 'BullMQ jobs per queue and state.', ['queue', 'state']),
    redisUp: this.gauge('shiantong_redis_up', 'Whether Redis answers (1) or not (0).'),
    outboxPending: this.gauge('shiantong_outbox_pending', 'Outbox rows not yet handed to BullMQ.'),
    outboxOldest: this.gauge('shiantong_outbox_oldest_pending_seconds', 'Age of the oldest outbox row not yet handed to BullMQ.'),
    edgeOutbox: this.gauge('shiantong_edge_outbox_pending', 'Edge outbox rows not delivered to the public results worker, by state.', [
      'state',
    ]),
    clocksRunning: this.gauge('shiantong_clocks_running', 'Statutory clocks running.'),
    clocksOverdue: this.gauge('shiantong_clocks_overdue', 'Running statutory clocks past their due time.'),
    clocksNoDue: this.gauge(
      'shiantong_clocks_without_due_date',
      'Running clocks with no final due date (beyond the holiday calendar: none, or a provisional one).',
    ),
    openCases: this.gauge('shiantong_cases_open', 'Cases not yet closed, per kind.', ['kind']),
    overdueByUnit: this.gauge(
      'shiantong_clocks_overdue_by_unit',
      'Running statutory clocks past their due time, per unit (unit="" before routing).',
      ['unit'],
    ),
    notices: this.gauge('shiantong_citizen_notices', 'Notices to citizens per status (failed: given up after retries).', ['status']),
    uptime: this.gauge('process_uptime_seconds', 'Seconds since this process started.'),
  };
  /** Read from the database at each scrape (every process sees the same total), so it never goes down. */
  private readonly received = new Counter({
    name: 'shiantong_cases_received_total',
    help: 'Cases received, per channel.',
    labelNames: ['channel'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  private gauge<L extends string>(name: string, help: string, labelNames: readonly L[] = []): Gauge<L> {
    return new Gauge({ name, help, labelNames, registers: [this.registry] });
  }

  /** One answered request, labelled by the route pattern that answered. */
  observe(method: string, route: string, status: number, seconds: number): void {
    this.http.observe({ method, route, status: `${Math.floor(status / 100)}xx` }, seconds);
  }

  /** The exposition text, with the database and queue values of this moment. */
  async render(db: DbGauges, queues: Partial<Record<string, Queue>>, redisReady: boolean): Promise<string> {
    const { g } = this;
    g.queue.reset();
    for (const [name, q] of Object.entries(queues)) {
      if (!q) continue;
      // A scrape never waits on a Redis outage: counts that do not come within a second are left out.
      const counts = await Promise.race([
        q.getJobCounts(...JOB_STATES).catch(() => null),
        new Promise<null>((resolve) => setTimeout(() => resolve(null), 1000).unref()),
      ]);
      if (counts === null) continue;
      for (const s of JOB_STATES) g.queue.set({ queue: name, state: s }, Number(counts[s] ?? 0));
    }
    g.redisUp.set(redisReady ? 1 : 0);
    g.outboxPending.set(db.outboxPending);
    g.outboxOldest.set(Number.isFinite(db.outboxOldestSeconds) ? db.outboxOldestSeconds : 0);
    g.edgeOutbox.set({ state: 'waiting' }, db.edgeOutbox.waiting);
    g.edgeOutbox.set({ state: 'refused' }, db.edgeOutbox.refused);
    g.clocksRunning.set(db.clocksRunning);
    g.clocksOverdue.set(db.clocksOverdue);
    g.clocksNoDue.set(db.clocksWithoutDueDate);
    setAll(g.openCases, 'kind', db.openCasesByKind);
    setAll(g.overdueByUnit, 'unit', db.clocksOverdueByUnit);
    setAll(g.notices, 'status', db.noticesByStatus);
    g.uptime.set(Math.round(process.uptime()));
    this.received.reset();
    for (const [channel, n] of Object.entries(db.casesByChannel)) this.received.inc({ channel }, n);
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}

function setAll<L extends string>(gauge: Gauge<L>, label: L, values: Record<string, number>): void {
  gauge.reset();
  for (const [k, n] of Object.entries(values)) gauge.set({ [label]: k } as Partial<Record<L, string>>, n);
}

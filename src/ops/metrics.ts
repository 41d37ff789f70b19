// Prometheus text exposition (format 0.0.4) for GET /metrics: request latency per route pattern (never
// the raw path: a query code could be in it), BullMQ job counts per queue and state, the outbox backlog,
// statutory clocks (running, overdue, without a due date) and open cases per kind, and the process's
// memory and uptime. Counters live in this process; run one scrape target per web process.
import type { Queue } from 'bullmq';
import type { DbGauges } from './metrics.queries.ts';

const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;

interface Series {
  counts: number[];
  sum: number;
  count: number;
}

/** Request latency histogram, labelled by method, route pattern and status class (2xx, 4xx…). */
export class HttpMetrics {
  private readonly series = new Map<string, Series>();

  observe(method: string, route: string, status: number, seconds: number): void {
    const key = `method="${label(method)}",route="${label(route)}",status="${Math.floor(status / 100)}xx"`;
    let s = this.series.get(key);
    if (s === undefined) {
      s = { counts: BUCKETS.map(() => 0), sum: 0, count: 0 };
      this.series.set(key, s);
    }
    for (let i = 0; i < BUCKETS.length; i++) if (seconds <= BUCKETS[i]!) s.counts[i]!++;
    s.sum += seconds;
    s.count++;
  }

  render(): string[] {
    const out = [
      '# HELP shiantong_http_request_duration_seconds Time to answer an HTTP request.',
      '# TYPE shiantong_http_request_duration_seconds histogram',
    ];
    for (const [key, s] of [...this.series].sort(([a], [b]) => a.localeCompare(b))) {
      for (let i = 0; i < BUCKETS.length; i++)
        out.push(`shiantong_http_request_duration_seconds_bucket{${key},le="${BUCKETS[i]}"} ${s.counts[i]}`);
      out.push(`shiantong_http_request_duration_seconds_bucket{${key},le="+Inf"} ${s.count}`);
      out.push(`shiantong_http_request_duration_seconds_sum{${key}} ${s.sum}`);
      out.push(`shiantong_http_request_duration_seconds_count{${key}} ${s.count}`);
    }
    return out;
  }
}

/** Label values escaped as the exposition format asks (backslash, quote, newline). */
function label(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

function gauge(name: string, help: string, values: [Record<string, string>, number][]): string[] {
  const out = [`# HELP ${name} ${help}`, `# TYPE ${name} gauge`];
  for (const [labels, v] of values) {
    const l = Object.entries(labels)
      .map(([k, x]) => `${k}="${label(x)}"`)
      .join(',');
    out.push(`${name}${l ? `{${l}}` : ''} ${Number.isFinite(v) ? v : 0}`);
  }
  return out;
}

const JOB_STATES = ['waiting', 'active', 'delayed', 'failed', 'completed', 'prioritized', 'waiting-children'] as const;

export async function renderMetrics(
  http: HttpMetrics,
  db: DbGauges,
  queues: Partial<Record<string, Queue>>,
  redisReady: boolean,
): Promise<string> {
  const lines: string[] = [];
  lines.push(...http.render());
  const jobRows: [Record<string, string>, number][] = [];
  for (const [name, q] of Object.entries(queues)) {
    if (!q) continue;
    // A scrape never waits on a Redis outage: counts that do not come within a second are left out.
    const counts = await Promise.race([
      q.getJobCounts(...JOB_STATES).catch(() => null),
      new Promise<null>((resolve) => setTimeout(() => resolve(null), 1000).unref()),
    ]);
    if (counts === null) continue;
    for (const s of JOB_STATES) jobRows.push([{ queue: name, state: s }, Number(counts[s] ?? 0)]);
  }
  lines.push(...gauge('shiantong_queue_jobs', 'BullMQ jobs per queue and state.', jobRows));
  lines.push(...gauge('shiantong_redis_up', 'Whether Redis answers (1) or not (0).', [[{}, redisReady ? 1 : 0]]));
  lines.push(...gauge('shiantong_outbox_pending', 'Outbox rows not yet handed to BullMQ.', [[{}, db.outboxPending]]));
  lines.push(
    ...gauge('shiantong_outbox_oldest_pending_seconds', 'Age of the oldest outbox row not yet handed to BullMQ.', [
      [{}, db.outboxOldestSeconds],
    ]),
  );
  lines.push(
    ...gauge('shiantong_edge_outbox_pending', 'Edge outbox rows not delivered to the public results worker, by state.', [
      [{ state: 'waiting' }, db.edgeOutbox.waiting],
      [{ state: 'refused' }, db.edgeOutbox.refused],
    ]),
  );
  lines.push(...gauge('shiantong_clocks_running', 'Statutory clocks running.', [[{}, db.clocksRunning]]));
  lines.push(...gauge('shiantong_clocks_overdue', 'Running statutory clocks past their due time.', [[{}, db.clocksOverdue]]));
  lines.push(
    ...gauge(
      'shiantong_clocks_without_due_date',
      'Running clocks with no final due date (beyond the holiday calendar: none, or a provisional one).',
      [[{}, db.clocksWithoutDueDate]],
    ),
  );
  lines.push(
    ...gauge(
      'shiantong_cases_open',
      'Cases not yet closed, per kind.',
      Object.entries(db.openCasesByKind).map(([kind, n]) => [{ kind }, n]),
    ),
  );
  lines.push(
    ...gauge(
      'shiantong_clocks_overdue_by_unit',
      'Running statutory clocks past their due time, per unit (unit="" before routing).',
      Object.entries(db.clocksOverdueByUnit).map(([unit, n]) => [{ unit }, n]),
    ),
  );
  lines.push('# HELP shiantong_cases_received_total Cases received, per channel.', '# TYPE shiantong_cases_received_total counter');
  for (const [channel, n] of Object.entries(db.casesByChannel))
    lines.push(`shiantong_cases_received_total{channel="${label(channel)}"} ${n}`);
  lines.push(
    ...gauge(
      'shiantong_citizen_notices',
      'Notices to citizens per status (failed: given up after retries).',
      Object.entries(db.noticesByStatus).map(([status, n]) => [{ status }, n]),
    ),
  );
  const mem = process.memoryUsage();
  lines.push(...gauge('process_resident_memory_bytes', 'Resident memory of this process.', [[{}, mem.rss]]));
  lines.push(...gauge('process_uptime_seconds', 'Seconds since this process started.', [[{}, Math.round(process.uptime())]]));
  return `${lines.join('\n')}\n`;
}

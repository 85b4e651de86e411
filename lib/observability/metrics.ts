// Prometheus metrics of this process: HTTP latency by route, samples ingested by type and outcome, sync
// duration, and (collected at scrape time) the pipeline's dirty backlog and lag and the database pool.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { pool } from '../db/client';

function create() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by route template, method and status',
    labelNames: ['route', 'method', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const samplesIngested = new Counter({
    name: 'samples_ingested_total',
    help: 'Samples received by device sync, by health type and outcome (accepted, duplicate, rejected)',
    labelNames: ['type', 'outcome'] as const,
    registers: [registry],
  });
  const syncDuration = new Histogram({
    name: 'sync_duration_seconds',
    help: 'Device sync duration (validation + transaction)',
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const lag = new Gauge({ name: 'pipeline_lag_seconds', help: 'Age of the oldest dirty range (0 when none)', registers: [registry] });
  new Gauge({
    name: 'pipeline_dirty_ranges',
    help: 'Dirty (type, day range) entries waiting for aggregation',
    registers: [registry],
    async collect() {
      const { rows } = await pool().query<{ ranges: string; oldest: Date | null }>('SELECT count(*) AS ranges, min(marked_at) AS oldest FROM dirty_ranges');
      this.set(Number(rows[0]?.ranges ?? 0));
      lag.set(rows[0]?.oldest ? (Date.now() - rows[0].oldest.getTime()) / 1000 : 0);
    },
  });
  new Gauge({
    name: 'db_pool_connections',
    help: 'Database pool connections by state',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      const p = pool();
      this.set({ state: 'total' }, p.totalCount);
      this.set({ state: 'idle' }, p.idleCount);
      this.set({ state: 'waiting' }, p.waitingCount);
    },
  });
  return { registry, httpDuration, samplesIngested, syncDuration };
}

const holder = globalThis as unknown as { pulseMetrics?: ReturnType<typeof create> };

/** The process's metrics (one registry per process, kept across hot reloads in development). */
export function metrics() {
  holder.pulseMetrics ??= create();
  return holder.pulseMetrics;
}

// Prometheus metrics of this process: HTTP latency by route, samples ingested by type and outcome, sync
// duration, database query time by query name (lib/db/client.ts times every query), and (collected at
// scrape time) the pipeline's dirty backlog and lag and the database pool. Every name, the default
// process metrics' included, carries the health_pipeline_ prefix (the backlog and lag once:
// health_pipeline_dirty_ranges, health_pipeline_lag_seconds).
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { pool } from '../db/client';

export const PREFIX = 'health_pipeline_';

function create() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: PREFIX });
  const httpDuration = new Histogram({
    name: `${PREFIX}http_request_duration_seconds`,
    help: 'HTTP request duration by route template, method and status',
    labelNames: ['route', 'method', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const samplesIngested = new Counter({
    name: `${PREFIX}samples_ingested_total`,
    help: 'Samples received by device sync, by health type and outcome (accepted, duplicate, rejected)',
    labelNames: ['type', 'outcome'] as const,
    registers: [registry],
  });
  const syncDuration = new Histogram({
    name: `${PREFIX}sync_duration_seconds`,
    help: 'Device sync duration (validation + transaction)',
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  // `query` is a Prisma model.operation, 'raw', or a statement and its main table (lib/observability/db-timing.ts):
  // a bounded set, never a value.
  const dbQueryDuration = new Histogram({
    name: `${PREFIX}db_query_duration_seconds`,
    help: 'Database query duration by query name (Prisma model.operation, raw, or SQL statement and table)',
    labelNames: ['query'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const lag = new Gauge({ name: `${PREFIX}lag_seconds`, help: 'Age of the oldest dirty range (0 when none)', registers: [registry] });
  new Gauge({
    name: `${PREFIX}dirty_ranges`,
    help: 'Dirty (type, day range) entries waiting for aggregation',
    registers: [registry],
    async collect() {
      const { rows } = await pool().query<{ ranges: string; oldest: Date | null }>('SELECT count(*) AS ranges, min(marked_at) AS oldest FROM dirty_ranges');
      this.set(Number(rows[0]?.ranges ?? 0));
      lag.set(rows[0]?.oldest ? (Date.now() - rows[0].oldest.getTime()) / 1000 : 0);
    },
  });
  new Gauge({
    name: `${PREFIX}db_pool_connections`,
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
  return { registry, httpDuration, samplesIngested, syncDuration, dbQueryDuration };
}

const holder = globalThis as unknown as { healthPipelineMetrics?: ReturnType<typeof create> };

/** The process's metrics (one registry per process, kept across hot reloads in development). */
export function metrics() {
  holder.healthPipelineMetrics ??= create();
  return holder.healthPipelineMetrics;
}

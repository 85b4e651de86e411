// The shape of bench/results/latest.json and its Markdown rendering, with each figure beside its goal.
import type { ClientCost } from '../ingest-measure';
import type { PipelineBenchResult } from '../pipeline/results';
import type { Percentiles } from './api';
import type { StorageResult } from './storage';

export type BenchResult = {
  date: string;
  mode: 'quick' | 'full';
  machine: PipelineBenchResult['machine'];
  /** `client`: what the sync client itself cost (not in the server's figures; absent before it was used). */
  ingest: { httpSamplesPerSec: number; copyRowsPerSec: number; ratio: number; samples: number; concurrentDevices: number; batchSize: number; client?: ClientCost };
  ingestAtScale: {
    at1M: number;
    at10M: number;
    change: number;
    storedAt1M: number;
    storedAt10M: number;
    samplesPerRun: number;
    preload: { method: string; rows: number; rowsPerSec: number };
    client?: { at1M: ClientCost; at10M: ClientCost };
  };
  pipeline: { samplesPerSec: number; recomputedSamples: number; recomputeSeconds: number; visibleLatencyMs: { p50: number; p95: number; n: number } };
  api: { clients: number; storedSamples: number; users: number; endpoints: Record<string, Percentiles> };
  /** The same requests from one client: the service time, without queueing behind other clients. */
  apiOneClient: Record<string, Percentiles>;
  /** The same clients spread over two instances of the server on the same database (absent before). */
  apiTwoInstances?: Record<string, Percentiles>;
  peakRssMb: number | null;
  /** The server's peak after each phase (VmHWM only grows: the phase where it jumps made it). */
  peakRssByPhase?: Record<string, number | null>;
  storage: StorageResult;
  runSeconds: number;
};

const pct = (share: number) => `${(share * 100).toFixed(1)} %`;
/** The client's cost in a table cell (`brief`: the sync only). */
function clientCost(c: ClientCost, brief = false): string {
  const sync = `${pct(c.shareOfWall)} of each device's sync time in its client, server idle ${pct(c.serverIdleShare)} of the time`;
  return brief ? sync : `${sync}, ${c.cpuCores} cores of CPU in the clients' process; enqueue (before the sync, not timed in it) ${c.enqueueSamplesPerSec} samples/s`;
}

/** The same throughput over the time some request was in flight (the server not waiting for the clients). */
const busyRate = (samplesPerSec: number, c: ClientCost) =>
  c.serverIdleShare < 1 ? ` (${Math.round(samplesPerSec / (1 - c.serverIdleShare))} per second with a request in flight)` : '';

const API_GOAL_MS: Record<string, number> = { summary: 50, aggregatesMonthDaily: 50, aggregatesWeekHourly: 50, samplesDay: 100 };
const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');

export function toMarkdown(r: BenchResult): string {
  const m = r.machine;
  const s = r.ingestAtScale;
  const lines = [
    `# Benchmark results (${r.mode})`,
    '',
    `${r.date} · ${m.cpus} × ${m.model ?? 'CPU'}, ${m.memoryGb} GB, Node ${m.node}, PostgreSQL: ${m.postgres}, load average at start ${m.loadAverageAtStart} · run took ${r.runSeconds} s`,
    r.mode === 'quick' ? '\n_Quick mode: small sizes, checks the machinery only; the figures are not the product\'s._' : '',
    '',
    '| measure | result | goal | |',
    '|---|---|---|---|',
    `| ingest over HTTP (${r.ingest.samples} samples, ${r.ingest.client ? `${r.ingest.concurrentDevices} requests in flight from ${r.ingest.client.devices} devices with the sync client` : `${r.ingest.concurrentDevices} devices`}, batches of ${r.ingest.batchSize}) | ${r.ingest.httpSamplesPerSec} samples/s${r.ingest.client ? busyRate(r.ingest.httpSamplesPerSec, r.ingest.client) : ''} | | |`,
    `| COPY of the same rows | ${r.ingest.copyRowsPerSec} rows/s | | |`,
    `| HTTP / COPY | ${r.ingest.ratio} | ≥ 0.5 | ${verdict(r.ingest.ratio >= 0.5)} |`,
    ...(r.ingest.client ? [`| the sync client's own cost in that ingest | ${clientCost(r.ingest.client)} | | |`] : []),
    `| HTTP ingest with ${s.storedAt1M} stored | ${s.at1M} samples/s${s.client ? busyRate(s.at1M, s.client.at1M) : ''} | | |`,
    `| HTTP ingest with ${s.storedAt10M} stored | ${s.at10M} samples/s (${(s.change * 100).toFixed(1)} %)${s.client ? busyRate(s.at10M, s.client.at10M) : ''} | within 20 % | ${verdict(Math.abs(s.change) <= 0.2)} |`,
    ...(s.client ? [`| the sync client's own cost in those two | ${clientCost(s.client.at1M, true)}; ${clientCost(s.client.at10M, true)} | | |`] : []),
    `| pipeline (real recompute of ${r.pipeline.recomputedSamples} preloaded samples) | ${r.pipeline.samplesPerSec} samples/s | | |`,
    `| sync → aggregates visible (${r.pipeline.visibleLatencyMs.n} syncs) | p50 ${r.pipeline.visibleLatencyMs.p50} ms, p95 ${r.pipeline.visibleLatencyMs.p95} ms | | |`,
    ...Object.entries(r.api.endpoints).map(([name, p]) => {
      const goal = API_GOAL_MS[name] ?? 1000;
      return `| API ${name} (${r.api.clients} clients, ${r.api.storedSamples} stored, n=${p.n}) | p50 ${p.p50} / p95 ${p.p95} / p99 ${p.p99} ms, ${p.perSec} requests/s | p95 < ${goal} ms | ${verdict(p.p95 < goal)} |`;
    }),
    ...Object.entries(r.apiOneClient).map(
      ([name, p]) => `| API ${name}, one client alone (n=${p.n}) | p50 ${p.p50} / p95 ${p.p95} / p99 ${p.p99} ms, ${p.perSec} requests/s | | |`,
    ),
    ...Object.entries(r.apiTwoInstances ?? {}).map(
      ([name, p]) => `| API ${name}, ${r.api.clients} clients over two server instances (n=${p.n}) | p50 ${p.p50} / p95 ${p.p95} / p99 ${p.p99} ms, ${p.perSec} requests/s | | |`,
    ),
    `| server peak RSS (VmHWM)${r.peakRssByPhase ? ` (after each phase: ${Object.entries(r.peakRssByPhase).map(([phase, mb]) => `${phase} ${mb ?? '?'}`).join(', ')} MB)` : ''} | ${r.peakRssMb ?? '?'} MB | < 400 MB | ${verdict(r.peakRssMb !== null && r.peakRssMb < 400)} |`,
    `| storage per sample (heap + indexes, ${r.storage.samples} samples) | ${r.storage.bytesPerSample} bytes (heap ${r.storage.heapBytesPerSample}; ${Object.entries(r.storage.indexBytesPerSample).map(([name, b]) => `${name.replace(/^health_samples_/, '')} ${b}`).join(', ')}) | < 150 bytes | ${verdict(r.storage.bytesPerSample < 150)} |`,
    `| the same in the Parquet archive (${r.storage.parquet.samples} samples, one user-month) | ${r.storage.parquet.bytesPerSample} bytes | | |`,
    '',
    'The API goals are the issue\'s; the design\'s own bar for reads is 1 s.',
    '',
    `Preload: ${s.preload.rows} rows by ${s.preload.method} at ${s.preload.rowsPerSec} rows/s; their aggregates come from the pipeline's own recompute (the row above), not from generated rows.`,
    '',
  ];
  return lines.join('\n');
}

// The shape of bench/results/nightscout.json (nightscout.quick.json) and its Markdown rendering, one
// column per run.
import type { PipelineBenchResult } from '../pipeline/results';

export type Latency = { p50: number; p95: number; p99: number; max: number; n: number };

export type RunResult = {
  run: number;
  loadAverageAtStart: number;
  /** xDrip+ one reading per request, each sent after the previous answer. */
  perRequestSequential: { requests: number; seconds: number; requestsPerSec: number; latencyMs: Latency; visibleMs: number; countAtLastAnswer: number };
  /** The same with several patients' xDrip+ uploading at once (one site each). */
  perRequestConcurrent: { uploaders: number; requests: number; seconds: number; requestsPerSec: number; latencyMs: Latency; visibleMs: { p50: number; max: number; each: number[] } };
  /** The whole day in one POST, on a fresh day each round. */
  batch: { rounds: number; requestMs: number[]; entriesPerSec: number[]; visibleMs: number[]; medianRequestMs: number; medianEntriesPerSec: number; medianVisibleMs: number };
  /** AndroidAPS relaying the sequential day's readings to the same site, one per request. */
  dedup: { relayed: number; relayRequestsPerSec: number; rawRowsStored: number; aggregateCount: number; followerReadings: number; passed: boolean };
};

export type NightscoutBenchResult = {
  date: string;
  mode: 'quick' | 'full';
  machine: PipelineBenchResult['machine'];
  readingsPerDay: number;
  runs: RunResult[];
  peakRssMb: number | null;
  runSeconds: number;
};

const lat = (l: Latency) => `p50 ${l.p50} / p95 ${l.p95} / p99 ${l.p99} ms`;

export function toMarkdown(r: NightscoutBenchResult): string {
  const m = r.machine;
  const n = r.readingsPerDay;
  const first = r.runs[0]!;
  const row = (label: string, cell: (run: RunResult) => string) => `| ${label} | ${r.runs.map(cell).join(' | ')} |`;
  return [
    `# Nightscout upload benchmark (${r.mode})`,
    '',
    `${r.date} · ${m.cpus} × ${m.model ?? 'CPU'}, ${m.memoryGb} GB, Node ${m.node}, PostgreSQL: ${m.postgres}, load average at start ${m.loadAverageAtStart} · took ${r.runSeconds} s with the server start · server peak RSS (VmHWM) ${r.peakRssMb ?? '?'} MB`,
    r.mode === 'quick' ? '\n_Quick mode: one run, fewer uploaders and one batch round; checks the machinery._' : '',
    '',
    `One patient's local day of CGM (${n} sgv entries, every 5 min) POSTed to \`<baseUrl>api/v1/entries\` of a Nightscout site created through the API, in xDrip+'s shape (NightscoutUploader.java: an array, \`api-secret\` = SHA-1 hex of the secret), against the production build. "Visible" is the time from the last upload's answer until the patient's daily BLOOD_GLUCOSE aggregate (GET /api/v1/users/me/aggregates, polled every 20 ms) counts all ${n} readings. Each patient, site and day is fresh, so nothing is a duplicate; after each variant the day's aggregate must count exactly ${n} with the readings' min and max.`,
    '',
    `| measure | ${r.runs.map((run) => `run ${run.run} (load ${run.loadAverageAtStart})`).join(' | ')} |`,
    `|---|${r.runs.map(() => '---').join('|')}|`,
    row(`xDrip+, one reading per request, sequential (${first.perRequestSequential.requests} requests)`, (run) => `${run.perRequestSequential.requestsPerSec} requests/s, ${lat(run.perRequestSequential.latencyMs)}`),
    row('… visible after the last answer', (run) => `${run.perRequestSequential.visibleMs} ms (counted ${run.perRequestSequential.countAtLastAnswer} at that answer)`),
    row(`${first.perRequestConcurrent.uploaders} patients' xDrip+ at once, one reading per request (${first.perRequestConcurrent.requests} requests)`, (run) => `${run.perRequestConcurrent.requestsPerSec} requests/s, ${lat(run.perRequestConcurrent.latencyMs)}`),
    row("… visible after each uploader's last answer", (run) => `p50 ${run.perRequestConcurrent.visibleMs.p50} ms, max ${run.perRequestConcurrent.visibleMs.max} ms`),
    row(`the day in one POST (${first.batch.rounds === 1 ? 'one day' : `${first.batch.rounds} days, median`})`, (run) => `${run.batch.medianRequestMs} ms, ${run.batch.medianEntriesPerSec} entries/s (each: ${run.batch.requestMs.join(', ')} ms)`),
    row('… visible after the answer (median)', (run) => `${run.batch.medianVisibleMs} ms (each: ${run.batch.visibleMs.join(', ')} ms)`),
    row(`AndroidAPS relaying the same ${n} readings, one per request`, (run) => `${run.dedup.relayRequestsPerSec} requests/s`),
    row(`… dedup check: ${2 * n} raw rows kept, the aggregate and sgv.json count ${n}`, (run) => `${run.dedup.rawRowsStored} rows, aggregate ${run.dedup.aggregateCount}, sgv.json ${run.dedup.followerReadings}: ${run.dedup.passed ? 'passed' : '**FAILED**'}`),
    '',
    `A real xDrip+ sends one request per reading, every 5 minutes: a server answering R such requests a second keeps up with about R × 300 patients' uploaders (here ${r.runs.map((run) => run.perRequestConcurrent.requestsPerSec * 300).join(' / ')} from the concurrent rows), not counting followers' reads. Timings on a shared machine move with its load (the load average is shown per run); the counts do not.`,
    '',
  ].join('\n');
}

// npm run bench [-- --quick] — the whole benchmark in one run against the production build on a fresh
// database (bench/server.ts), writing bench/results/latest.json + latest.md (--quick: latest.quick.*):
//  1. ingest: HTTP sync through the sync client (4 devices, batches of 1,000) vs COPY of the same rows
//     (bench/ingest-measure.ts), with the client's own cost reported apart;
//  2. ingest at scale: the same HTTP ingest with ~1M and with ~10M samples already stored (preloaded with
//     COPY: 20 users × a year of minute heart rate plus steps, SpO2, glucose, weight — run/preload.ts);
//  3. pipeline: the real recompute (recomputeDirtyRanges) of all preloaded users, samples/s; this is also
//     what produces the preloaded users' aggregates;
//  4. API: summary, a month of daily and a week of hourly aggregates, one day of raw samples, with 16
//     concurrent clients and everything stored, then from one client alone, then the 16 clients over two
//     instances of the server (run/api.ts);
//  5. sync → aggregates-visible latency (bench/pipeline/latency.ts) with everything stored;
//  6. the server's peak resident memory (VmHWM);
//  7. storage: heap + index bytes per stored sample, each index apart, and the Parquet archive's (run/storage.ts).
// --quick uses small sizes to check the machinery (CI); no timing is asserted in either mode.
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { addDays } from '../lib/time';
import { measureCopy, measureHttpIngest } from './ingest-measure';
import { measureVisibleLatency } from './pipeline/latency';
import { machine } from './pipeline/results';
import { round } from './pipeline/stats';
import { measureApi, signInAll } from './run/api';
import { ensurePartitions, firstPreloadDayMs, preloadUser, recomputeAll, type PreloadedUser } from './run/preload';
import { measureStorage } from './run/storage';
import { toMarkdown, type BenchResult } from './run/report';
import { startBenchServer } from './server';

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false } } });
const quick = values.quick === true;
const config = quick
  ? { ingest: 20_000, users: 20, days: 2, checkpointUsers: 2, scaleIngest: 10_000, apiClients: 4, apiRequests: 10, latencyRounds: 2 }
  : { ingest: 200_000, users: 20, days: 365, checkpointUsers: 2, scaleIngest: 100_000, apiClients: 16, apiRequests: 60, latencyRounds: 10 };
const DAY = 86_400_000;
const log = (message: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);

const externalDb = Boolean(process.env.DATABASE_URL);
const loadAtStart = os.loadavg()[0] ?? 0;
const startedAt = performance.now();
// BENCH_PORT / BENCH_DATABASE keep two runs on one machine apart (e.g. parallel worktrees).
const port = Number(process.env.BENCH_PORT ?? 3371);
const server = await startBenchServer({
  port,
  database: process.env.BENCH_DATABASE ?? (quick ? 'h7_bench_quick' : 'h7_bench'),
});
const { closeDb, pool } = await import('../lib/db/client');
const { hashPassword } = await import('../lib/auth/password');
const client = new pg.Client({ connectionString: server.url });
await client.connect();

async function storedSamples(): Promise<number> {
  const { rows } = await client.query<{ n: string }>('SELECT count(*)::text AS n FROM health_samples');
  return Number(rows[0]!.n);
}

/** Waits until the server's pipeline has no dirty ranges left (after the ingest runs). */
async function drained(timeoutMs = 600_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await pool().query<{ n: string }>('SELECT count(*)::text AS n FROM dirty_ranges');
    if (rows[0]!.n === '0') return;
    if (Date.now() > deadline) throw new Error(`pipeline not drained after ${timeoutMs} ms (${rows[0]!.n} dirty ranges)`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

// The server's peak memory after each phase: the phase in which it grows is where the peak comes from.
const peakRssByPhase: Record<string, number | null> = {};
const phaseDone = (phase: string) => {
  peakRssByPhase[phase] = server.peakRssMb();
  log(`  server peak RSS so far: ${peakRssByPhase[phase]} MB`);
};

try {
  peakRssByPhase.start = server.peakRssMb();
  log(`server up (pid ${server.pid}); HTTP ingest of ${config.ingest} samples…`);
  const http = await measureHttpIngest(server.baseUrl, { total: config.ingest, clients: 4, startMs: Date.now() - 40 * DAY, label: 'ingest' });
  await drained();
  const copy = await measureCopy(server.url, http.userId);
  log(`HTTP ${http.samplesPerSec}/s, COPY ${copy.rowsPerSec}/s; client: ${JSON.stringify(http.client)}`);
  phaseDone('ingest');

  const password = `bench-${randomBytes(8).toString('hex')}`;
  const passwordHash = await hashPassword(password);
  await ensurePartitions(client, config.days);
  const users: PreloadedUser[] = [];
  const preload = async (upTo: number) => {
    const started = performance.now();
    let rows = 0;
    while (users.length < upTo) {
      const user = await preloadUser(client, { index: users.length, days: config.days, passwordHash });
      users.push(user);
      rows += user.samples;
    }
    await client.query('ANALYZE health_samples');
    return { rows, seconds: (performance.now() - started) / 1000 };
  };
  const scaleIngest = async (label: string) => {
    const stored = await storedSamples();
    const result = await measureHttpIngest(server.baseUrl, { total: config.scaleIngest, clients: 4, startMs: Date.now() - 20 * DAY, label });
    await drained();
    log(`  ${stored} stored: HTTP ${result.samplesPerSec} samples/s`);
    return { stored, samplesPerSec: result.samplesPerSec, samples: result.samples, seconds: result.seconds, client: result.client };
  };

  log(`preloading ${config.checkpointUsers} users × ${config.days} days with COPY…`);
  const firstLoad = await preload(config.checkpointUsers);
  const at1M = await scaleIngest('scale-a');
  log(`preloading ${config.users - config.checkpointUsers} more users…`);
  const secondLoad = await preload(config.users);
  const at10M = await scaleIngest('scale-b');
  phaseDone('ingestAtScale');
  const preloadRows = firstLoad.rows + secondLoad.rows;
  const preloadCopyRowsPerSec = Math.round(preloadRows / (firstLoad.seconds + secondLoad.seconds));

  log(`recomputing the aggregates of ${users.length} users (${preloadRows} samples)…`);
  const recomputeSeconds = await recomputeAll(users.map((u) => u.id));
  await client.query('ANALYZE health_samples');
  await client.query('ANALYZE health_aggregates');
  const stored = await storedSamples();
  phaseDone('pipeline');
  log(`pipeline ${Math.round(preloadRows / recomputeSeconds)} samples/s; ${stored} samples stored; API latency, ${config.apiClients} clients…`);

  const firstDay = new Date(firstPreloadDayMs(config.days)).toISOString().slice(0, 10);
  const days = Array.from({ length: config.days }, (_, i) => addDays(firstDay, i));
  const cookies = await signInAll(server.baseUrl, users, password);
  const api = await measureApi({ baseUrls: [server.baseUrl], cookies, days, clients: config.apiClients, requestsPerClient: config.apiRequests });
  phaseDone('api');
  log('API latency, one client…');
  const apiOneClient = await measureApi({ baseUrls: [server.baseUrl], cookies, days, clients: 1, requestsPerClient: config.apiRequests * 4 });
  phaseDone('apiOneClient');
  // One Node process serves on one core: the same 16 clients over two instances (as behind a load
  // balancer) show what a second process buys on this machine, where PostgreSQL and the clients share the cores.
  log(`API latency, ${config.apiClients} clients over two server instances…`);
  const second = await server.startInstance(port + 10); // 3381: beside chaos (3372) and bench:nightscout (3373)
  let apiTwoInstances: Awaited<ReturnType<typeof measureApi>>;
  try {
    apiTwoInstances = await measureApi({ baseUrls: [server.baseUrl, second.baseUrl], cookies, days, clients: config.apiClients, requestsPerClient: config.apiRequests });
  } finally {
    await second.stop();
  }

  log(`sync → visible latency, ${config.latencyRounds} rounds…`);
  const visible = await measureVisibleLatency(server.baseUrl, config.latencyRounds);
  phaseDone('visibleLatency');
  const peakRssMb = server.peakRssMb(); // before the storage measure's VACUUM, which is not the server's work
  log('storage per sample…');
  const storage = await measureStorage(client, users[0]!.id);

  const result: BenchResult = {
    date: new Date().toISOString(),
    mode: quick ? 'quick' : 'full',
    machine: machine(externalDb, loadAtStart),
    ingest: {
      httpSamplesPerSec: http.samplesPerSec,
      copyRowsPerSec: copy.rowsPerSec,
      ratio: round(http.samplesPerSec / copy.rowsPerSec, 3),
      samples: http.samples,
      concurrentDevices: http.clients,
      batchSize: http.batchSize,
      client: http.client,
    },
    ingestAtScale: {
      at1M: at1M.samplesPerSec,
      at10M: at10M.samplesPerSec,
      change: round(at10M.samplesPerSec / at1M.samplesPerSec - 1, 3),
      storedAt1M: at1M.stored,
      storedAt10M: at10M.stored,
      samplesPerRun: at1M.samples,
      preload: { method: 'COPY (CSV stream)', rows: preloadRows, rowsPerSec: preloadCopyRowsPerSec },
      client: { at1M: at1M.client, at10M: at10M.client },
    },
    pipeline: {
      samplesPerSec: Math.round(preloadRows / recomputeSeconds),
      recomputedSamples: preloadRows,
      recomputeSeconds: round(recomputeSeconds, 1),
      visibleLatencyMs: visible,
    },
    api: { clients: config.apiClients, storedSamples: stored, users: users.length, endpoints: api },
    apiOneClient,
    apiTwoInstances,
    peakRssMb,
    peakRssByPhase,
    storage,
    runSeconds: Math.round((performance.now() - startedAt) / 1000),
  };
  const base = quick ? 'bench/results/latest.quick' : 'bench/results/latest';
  writeFileSync(`${base}.json`, JSON.stringify(result, null, 2) + '\n');
  writeFileSync(`${base}.md`, toMarkdown(result));
  console.log(`\n${toMarkdown(result)}\nwrote ${base}.json and ${base}.md`);
} finally {
  await client.end();
  await closeDb();
  await server.stop();
}

// npm run bench:glucose [-- --quick] — the consensus metrics and the AGP over 90 days of 5-minute CGM data
// (25,920 readings) for one patient, writing bench/results/glucose.json (--quick: glucose.quick.json).
// The readings are stored through the real ingest path (a Nightscout site's uploadEntries, the use case
// behind POST /ns/{site}/api/v1/entries, in requests of at most 5,000 entries) on a fresh database of its
// own. Each request is then run as the route handlers run it (lib/http/glucose-handlers.ts), in process, on
// the pure + data layer: the caller's scope, loadPeriodGlucose, the target preset, metricsAnswer or
// agpAnswer, and the JSON body; without the HTTP server, session check and audit row around it (the
// production server harness needs a build of its own; bench/server.ts). N sequential requests per
// endpoint after a warm-up: p50/p95/p99. Then where the time goes: the same request taken apart (SQL
// load, dedup, the pure computation, JSON). Goal: p95 under 100 ms. No timing is asserted.
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { resolveDatabase } from '../scripts/local-db';
import { machine } from './pipeline/results';
import { percentile, round } from './pipeline/stats';
import { prepareDatabase } from './server';

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false } } });
const quick = values.quick === true;
const DAYS = quick ? 14 : 90;
const REQUESTS = quick ? 10 : 60;
const WARM_UP = 5;
const TIME_ZONE = 'Europe/Berlin';
const STEP_MS = 5 * 60_000;
const log = (message: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);

const externalDb = Boolean(process.env.DATABASE_URL);
const loadAtStart = os.loadavg()[0] ?? 0;
const startedAt = performance.now();
const db = await resolveDatabase(quick ? 'h18_bench_glucose_quick' : 'h18_bench_glucose', { fresh: true });
await prepareDatabase(db.url);
// After DATABASE_URL points at the fresh database: the app's modules read it once.
const { closeDb, connectClient, prisma } = await import('../lib/db/client');
const { emailColumns } = await import('../lib/data/user-email');
const { vouchedAccount } = await import('../lib/data/users');
const { encryptDisplayName } = await import('../lib/data/profile-fields');
const { createNightscoutSite, findActiveNightscoutSite } = await import('../lib/data/nightscout-sites');
const { generateApiSecret } = await import('../lib/nightscout/secret');
const { uploadEntries } = await import('../lib/nightscout/upload-entries');
const { ownScope } = await import('../lib/data/access');
const { agpAnswer, loadPeriodGlucose, metricsAnswer, targetPresetOf } = await import('../lib/data/glucose-report');
const { loadSamples } = await import('../lib/data/aggregation/load-samples');
const { rulesFor } = await import('../lib/data/aggregation/type-rules');
const { dedupSamples } = await import('../lib/pipeline');
const { agpSlots, cgmMetrics } = await import('../lib/pipeline/glucose-metrics');
const { type1Glucose } = await import('../lib/demo/cgm-type1');
const { addDays, localDate, zoneClock, zonedDayRangeUtc } = await import('../lib/time');
const { MAX_SAMPLES } = await import('../lib/ingest/sync-batch');

type Latency = { p50: number; p95: number; p99: number; max: number; n: number };
const latency = (ms: number[]): Latency => ({ p50: round(percentile(ms, 50), 1), p95: round(percentile(ms, 95), 1), p99: round(percentile(ms, 99), 1), max: round(Math.max(...ms), 1), n: ms.length });

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const value = await fn();
  return [performance.now() - t0, value];
}

try {
  // One patient and their Nightscout site (as POST /api/v1/nightscout-sites makes it).
  const id = randomUUID();
  await prisma.user.create({
    data: {
      id, ...(await emailColumns(id, `bench-glucose-${id}@bench.example`)), passwordHash: 'x', ...vouchedAccount('PATIENT'), role: 'PATIENT',
      profile: { create: { displayName: await encryptDisplayName(id, 'Bench Patient'), timeZone: TIME_ZONE } }, preferences: { create: {} },
    },
  });
  const { secretSha1, secretSha512 } = generateApiSecret();
  const { id: siteId } = await createNightscoutSite(id, { name: 'bench xDrip+', secretSha1, secretSha512 });
  const site = await findActiveNightscoutSite(siteId);
  if (!site) throw new Error('no site');

  // DAYS × 288 readings on the 5-minute grid up to now (a plausible type 1 trace), oldest first.
  const nowMs = Date.now();
  const lastMs = Math.floor(nowMs / STEP_MS) * STEP_MS - 30_000;
  const clock = zoneClock(TIME_ZONE);
  const count = DAYS * 288;
  const entries = Array.from({ length: count }, (_, i) => {
    const atMs = lastMs - (count - 1 - i) * STEP_MS;
    return { type: 'sgv', device: 'xDrip-DexcomG6', date: atMs, dateString: new Date(atMs).toISOString(), sgv: type1Glucose(1001, atMs, clock.offsetAt(atMs)), direction: 'Flat' };
  });
  log(`storing ${count} readings through uploadEntries (${Math.ceil(count / MAX_SAMPLES)} requests)…`);
  const [ingestMs] = await timed(async () => {
    for (let i = 0; i < entries.length; i += MAX_SAMPLES) {
      const result = await uploadEntries(site, entries.slice(i, i + MAX_SAMPLES), nowMs);
      if (result.rejected.length > 0) throw new Error(`rejected: ${JSON.stringify(result.rejected[0])}`);
    }
  });
  const stored = await prisma.healthSample.count({ where: { userId: id } });
  if (stored !== count) throw new Error(`stored ${stored}, expected ${count}`);
  log(`stored in ${round(ingestMs / 1000, 1)} s`);

  // The period the request asks for: the DAYS local days ending today (from and to both included).
  const to = localDate(Date.now(), TIME_ZONE);
  const period = { from: addDays(to, -(DAYS - 1)), to };
  const caller = { id, role: 'PATIENT' as const };
  const endpoints = {
    metrics: async () => {
      const scope = await ownScope(caller);
      const now = Date.now();
      const glucose = await loadPeriodGlucose(scope, period, now);
      const answer = metricsAnswer(glucose, await targetPresetOf(scope.patientId));
      if (answer.source !== 'cgm') throw new Error('metrics: not from the CGM');
      return JSON.stringify(answer).length;
    },
    agp: async () => {
      const scope = await ownScope(caller);
      const now = Date.now();
      const answer = agpAnswer(await loadPeriodGlucose(scope, period, now));
      if (answer.slots.length !== 96) throw new Error('agp: not 96 slots');
      return JSON.stringify(answer).length;
    },
  };
  const results: Record<string, Latency & { bodyBytes: number }> = {};
  for (const [name, run] of Object.entries(endpoints)) {
    for (let i = 0; i < WARM_UP; i++) await run();
    const ms: number[] = [];
    let bytes = 0;
    for (let i = 0; i < REQUESTS; i++) {
      const [t, size] = await timed(run);
      ms.push(t);
      bytes = size;
    }
    results[name] = { ...latency(ms), bodyBytes: bytes };
    log(`${name}: p50 ${results[name].p50} ms, p95 ${results[name].p95} ms (${REQUESTS} requests)`);
  }

  // Where the time goes: the same work taken apart, median of 10.
  const fromMs = zonedDayRangeUtc(period.from, TIME_ZONE).startMs;
  const parts: Record<string, number[]> = { sqlLoad: [], leanSqlLoad: [], dedup: [], cgmMetrics: [], agpSlots: [], json: [] };
  for (let i = 0; i < 10; i++) {
    const client = await connectClient();
    try {
      const [load, samples] = await timed(() => loadSamples(client, { userId: id, type: 'BLOOD_GLUCOSE', fromMs: fromMs - 3_600_000, toMs: Date.now() }));
      parts.sqlLoad!.push(load);
      // A candidate for loadPeriodGlucose: only what dedup and the metrics need, as float8 in array rows
      // (no joins, no text conversions); not used by the app, measured to say where the time goes.
      const [lean] = await timed(() => client.query({
        rowMode: 'array',
        text: `SELECT (extract(epoch FROM start_at) * 1000)::float8, value, device_id FROM health_samples
               WHERE user_id = $1 AND type = 'BLOOD_GLUCOSE' AND start_at >= to_timestamp($2 / 1000.0) AND start_at < to_timestamp($3 / 1000.0)`,
        values: [id, fromMs - 3_600_000, Date.now()],
      }));
      parts.leanSqlLoad!.push(lean);
      const [dedup, counted] = await timed(async () => dedupSamples(samples, rulesFor('BLOOD_GLUCOSE')));
      parts.dedup!.push(dedup);
      const points = counted.map((c) => ({ atMs: c.startMs, mgdl: c.sample.value }));
      const [m] = await timed(async () => cgmMetrics(points, fromMs, Date.now(), { timeZone: TIME_ZONE }));
      parts.cgmMetrics!.push(m);
      const [a, slots] = await timed(async () => agpSlots(points, fromMs, Date.now(), TIME_ZONE));
      parts.agpSlots!.push(a);
      const [j] = await timed(async () => JSON.stringify({ slots }));
      parts.json!.push(j);
    } finally {
      client.release();
    }
  }
  const breakdownMs = Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, round(percentile(v, 50), 1)]));
  log(`breakdown (median ms): ${JSON.stringify(breakdownMs)}`);

  const result = {
    date: new Date().toISOString(),
    mode: quick ? 'quick' : 'full',
    harness: 'in-process pure + data layer (the route handlers\' calls: scope, loadPeriodGlucose, preset, answer, JSON); no HTTP server, session or audit',
    machine: machine(externalDb, loadAtStart),
    days: DAYS,
    readings: count,
    ingest: { path: 'uploadEntries (Nightscout entries)', requests: Math.ceil(count / MAX_SAMPLES), seconds: round(ingestMs / 1000, 1), readingsPerSec: round(count / (ingestMs / 1000)) },
    requestsPerEndpoint: REQUESTS,
    endpoints: results,
    goalP95Ms: 100,
    metGoal: Object.values(results).every((r) => r.p95 < 100),
    breakdownMedianMs: breakdownMs,
    runSeconds: Math.round((performance.now() - startedAt) / 1000),
  };
  const path = quick ? 'bench/results/glucose.quick.json' : 'bench/results/glucose.json';
  writeFileSync(path, JSON.stringify(result, null, 2) + '\n');
  log(`wrote ${path}`);
} finally {
  await closeDb();
  await db.stop();
}

// npm run bench:glucose [-- --quick] — the consensus metrics and the AGP over 90 days of 5-minute CGM data
// (25,920 readings) for one patient, writing bench/results/glucose.json (--quick: glucose.quick.json).
// The readings are stored through the real ingest path (a Nightscout site's uploadEntries, the use case
// behind POST /ns/{site}/api/v1/entries, in requests of at most 5,000 entries) on a fresh database of its
// own. Each request is then run as the route handlers run it (lib/http/glucose-handlers.ts), in process, on
// the pure + data layer: the caller's scope, loadPeriodGlucose, the target preset, metricsAnswer or
// agpAnswer, and the JSON body; without the HTTP server, session check and audit row around it (the
// production server harness needs a build of its own; bench/server.ts). N sequential requests per
// endpoint after a warm-up: p50/p95/p99, for one uploader (the goal's case) and for the same sensor sent by
// two uploaders (deduplicated at read time). Then where the time goes: the same request taken apart (scope,
// load, the pure computation, JSON). Goal: p95 under 100 ms with one uploader. No timing is asserted.
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
const { closeDb, prisma } = await import('../lib/db/client');
const { emailColumns } = await import('../lib/data/user-email');
const { vouchedAccount } = await import('../lib/data/users');
const { encryptDisplayName } = await import('../lib/data/profile-fields');
const { createNightscoutSite, findActiveNightscoutSite } = await import('../lib/data/nightscout-sites');
const { generateApiSecret } = await import('../lib/nightscout/secret');
const { uploadEntries } = await import('../lib/nightscout/upload-entries');
const { ownScope } = await import('../lib/data/access');
const { agpAnswer, loadPeriodGlucose, metricsAnswer, targetPresetOf } = await import('../lib/data/glucose-report');
const { agpSlots, cgmMetrics } = await import('../lib/pipeline/glucose-metrics');
const { type1Glucose } = await import('../lib/demo/cgm-type1');
const { addDays, localDate, zoneClock } = await import('../lib/time');
const { MAX_SAMPLES } = await import('../lib/ingest/sync-batch');

type Latency = { p50: number; p95: number; p99: number; max: number; n: number };
const latency = (ms: number[]): Latency => ({ p50: round(percentile(ms, 50), 1), p95: round(percentile(ms, 95), 1), p99: round(percentile(ms, 99), 1), max: round(Math.max(...ms), 1), n: ms.length });

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const value = await fn();
  return [performance.now() - t0, value];
}

try {
  // A patient (as sign-up makes one) and a Nightscout site of theirs (as POST /api/v1/nightscout-sites makes it).
  const createPatient = async () => {
    const id = randomUUID();
    await prisma.user.create({
      data: {
        id, ...(await emailColumns(id, `bench-glucose-${id}@bench.example`)), passwordHash: 'x', ...vouchedAccount('PATIENT'), role: 'PATIENT',
        profile: { create: { displayName: await encryptDisplayName(id, 'Bench Patient'), timeZone: TIME_ZONE } }, preferences: { create: {} },
      },
    });
    return id;
  };
  const createSite = async (userId: string, name: string) => {
    const { secretSha1, secretSha512 } = generateApiSecret();
    const { id: siteId } = await createNightscoutSite(userId, { name, secretSha1, secretSha512 });
    const site = await findActiveNightscoutSite(siteId);
    if (!site) throw new Error('no site');
    return site;
  };

  // DAYS × 288 readings on the 5-minute grid up to now (a plausible type 1 trace), oldest first.
  const nowMs = Date.now();
  const lastMs = Math.floor(nowMs / STEP_MS) * STEP_MS - 30_000;
  const clock = zoneClock(TIME_ZONE);
  const count = DAYS * 288;
  const trace = (shiftMs: number, device: string) => Array.from({ length: count }, (_, i) => {
    const readAtMs = lastMs - (count - 1 - i) * STEP_MS;
    const atMs = readAtMs + shiftMs; // when this uploader stamped the sensor's reading
    return { type: 'sgv', device, date: atMs, dateString: new Date(atMs).toISOString(), sgv: type1Glucose(1001, readAtMs, clock.offsetAt(readAtMs)), direction: 'Flat' };
  });
  const upload = async (site: NonNullable<Awaited<ReturnType<typeof findActiveNightscoutSite>>>, entries: ReturnType<typeof trace>) => {
    for (let i = 0; i < entries.length; i += MAX_SAMPLES) {
      const result = await uploadEntries(site, entries.slice(i, i + MAX_SAMPLES), nowMs);
      if (result.rejected.length > 0) throw new Error(`rejected: ${JSON.stringify(result.rejected[0])}`);
    }
  };
  // The common case: one uploader (xDrip+). Then the same sensor sent by two uploaders (xDrip+ and a bridge,
  // 20 s apart): the readings are deduplicated at read time, the slower path.
  const id = await createPatient();
  log(`storing ${count} readings through uploadEntries (${Math.ceil(count / MAX_SAMPLES)} requests)…`);
  const site = await createSite(id, 'bench xDrip+');
  const [ingestMs] = await timed(() => upload(site, trace(0, 'xDrip-DexcomG6')));
  const stored = await prisma.healthSample.count({ where: { userId: id } });
  if (stored !== count) throw new Error(`stored ${stored}, expected ${count}`);
  log(`stored in ${round(ingestMs / 1000, 1)} s`);
  const twoUploaders = await createPatient();
  await upload(await createSite(twoUploaders, 'bench xDrip+'), trace(0, 'xDrip-DexcomG6'));
  await upload(await createSite(twoUploaders, 'bench bridge'), trace(20_000, 'share2'));

  // The period the request asks for: the DAYS local days ending today (from and to both included).
  const to = localDate(Date.now(), TIME_ZONE);
  const period = { from: addDays(to, -(DAYS - 1)), to };
  const metrics = (patientId: string) => async () => {
    const scope = await ownScope({ id: patientId, role: 'PATIENT' });
    const answer = metricsAnswer(await loadPeriodGlucose(scope, period, Date.now()), await targetPresetOf(scope.patientId));
    if (answer.source !== 'cgm' || answer.readings < count * 0.9 || answer.readings > count) throw new Error(`metrics: ${answer.source}, ${answer.readings} readings`);
    return JSON.stringify(answer).length;
  };
  const agp = (patientId: string) => async () => {
    const scope = await ownScope({ id: patientId, role: 'PATIENT' });
    const answer = agpAnswer(await loadPeriodGlucose(scope, period, Date.now()));
    if (answer.slots.length !== 96) throw new Error('agp: not 96 slots');
    return JSON.stringify(answer).length;
  };
  const endpoints = { metrics: metrics(id), agp: agp(id), metricsTwoUploaders: metrics(twoUploaders), agpTwoUploaders: agp(twoUploaders) };
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

  // Where the time goes: the same work taken apart, median of 10 (one uploader, then two).
  const scope = await ownScope({ id, role: 'PATIENT' });
  const scopeTwo = await ownScope({ id: twoUploaders, role: 'PATIENT' });
  const parts: Record<string, number[]> = { scope: [], load: [], loadTwoUploaders: [], cgmMetrics: [], agpSlots: [], json: [] };
  for (let i = 0; i < 10; i++) {
    parts.scope!.push((await timed(() => ownScope({ id, role: 'PATIENT' })))[0]);
    const [load, glucose] = await timed(() => loadPeriodGlucose(scope, period, Date.now()));
    parts.load!.push(load);
    parts.loadTwoUploaders!.push((await timed(() => loadPeriodGlucose(scopeTwo, period, Date.now())))[0]);
    parts.cgmMetrics!.push((await timed(async () => cgmMetrics(glucose.cgm, glucose.fromMs, glucose.endMs, { timeZone: TIME_ZONE })))[0]);
    const [a, slots] = await timed(async () => agpSlots(glucose.cgm, glucose.fromMs, glucose.endMs, TIME_ZONE));
    parts.agpSlots!.push(a);
    parts.json!.push((await timed(async () => JSON.stringify({ slots })))[0]);
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
    metGoal: results.metrics!.p95 < 100 && results.agp!.p95 < 100,
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

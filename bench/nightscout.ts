// npm run bench:nightscout [-- --quick] — Nightscout uploads against the production build on a fresh
// database of its own (port 3373, so it can run beside `npm run bench` on 3371 and chaos on 3372),
// writing bench/results/nightscout.json + nightscout.md (--quick: nightscout.quick.*). Each patient is
// made in the database, signs in and creates a Nightscout site through the API; then, twice (a shared
// machine is noisy; both runs are reported):
//  (a) xDrip+ uploads a local day of CGM (288 readings) one reading per request, sequentially, then
//      several patients' xDrip+ do so at once: requests/s and request latency;
//  (b) the same day in one POST, on fresh days: the request's time and entries/s;
//  (c) for each, the time from the last answer until the daily BLOOD_GLUCOSE aggregate counts them all;
//  (d) AndroidAPS relays (a)'s readings to the same site: every raw row is kept, yet the aggregate and
//      the follower read (sgv.json) still count 288 — a failed check fails the run (exit 1).
// Every variant also ends with its exact count checked once the pipeline is idle. No timing is asserted.
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { addDays, localDate, zonedDayRangeUtc } from '../lib/time';
import { dayOfReadings, postEntries, xdripEntry } from './nightscout/clients';
import { batch, checkDay, concurrent, relay, sequential, stream, type Ctx } from './nightscout/measure';
import { createPatient, TIME_ZONE } from './nightscout/patient';
import { toMarkdown, type NightscoutBenchResult, type RunResult } from './nightscout/report';
import { machine } from './pipeline/results';
import { round } from './pipeline/stats';
import { startBenchServer } from './server';

const PORT = 3373;
const READINGS = 288;
const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false } } });
const quick = values.quick === true;
const config = quick ? { runs: 1, uploaders: 2, batchRounds: 1 } : { runs: 2, uploaders: 4, batchRounds: 5 };
const log = (message: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);

/** The last `n` local days before today with 24 hours (a DST change day holds 276 or 300 readings). */
function fullDays(n: number): string[] {
  const days: string[] = [];
  for (let day = addDays(localDate(Date.now(), TIME_ZONE), -1); days.length < n; day = addDays(day, -1)) {
    const { startMs, endMs } = zonedDayRangeUtc(day, TIME_ZONE);
    if (endMs - startMs === 86_400_000) days.push(day);
  }
  return days;
}

const externalDb = Boolean(process.env.DATABASE_URL);
const loadAtStart = os.loadavg()[0] ?? 0;
const startedAt = performance.now();
// The site's baseUrl is built from the app's public address: this server's.
process.env.APP_URL = `http://localhost:${PORT}`;
const server = await startBenchServer({ port: PORT, database: quick ? 'h7_bench_nightscout_quick' : 'h7_bench_nightscout' });
const { closeDb } = await import('../lib/db/client');
const { hashPassword } = await import('../lib/auth/password');

try {
  const days = fullDays(config.batchRounds);
  const password = `bench-${randomBytes(8).toString('hex')}`;
  const passwordHash = await hashPassword(password);
  const ctx: Ctx = {
    baseUrl: server.baseUrl,
    day: days[0]!,
    readings: dayOfReadings(days[0]!, TIME_ZONE),
    patient: (label) => createPatient(server.baseUrl, label, passwordHash, password),
  };
  if (ctx.readings.length !== READINGS) throw new Error(`${ctx.day} holds ${ctx.readings.length} readings, not ${READINGS}`);

  log(`server up (pid ${server.pid}); warming up (20 single readings and a day in one POST, not reported)…`);
  const warm = await ctx.patient('warm-up');
  await stream(warm.site, ctx.readings.slice(0, 20).map((r) => xdripEntry(r, TIME_ZONE)));
  await postEntries(warm.site, ctx.readings.map((r) => xdripEntry(r, TIME_ZONE)));
  await checkDay(server.baseUrl, warm, ctx.day, ctx.readings);

  const runs: RunResult[] = [];
  for (let run = 1; run <= config.runs; run += 1) {
    const loadAverageAtStart = round(os.loadavg()[0] ?? 0, 1);
    log(`run ${run} (load average ${loadAverageAtStart}): (a) xDrip+ per request, sequential, ${READINGS} readings of ${ctx.day}…`);
    const seq = await sequential(ctx, `r${run}-sequential`);
    log(`  ${seq.result.requestsPerSec} requests/s, p95 ${seq.result.latencyMs.p95} ms; visible ${seq.result.visibleMs} ms after the last answer`);
    log(`  (a) ${config.uploaders} patients' xDrip+ at once, per request…`);
    const con = await concurrent(ctx, `r${run}-concurrent`, config.uploaders);
    log(`  ${con.requestsPerSec} requests/s, p95 ${con.latencyMs.p95} ms; visible p50 ${con.visibleMs.p50} ms, max ${con.visibleMs.max} ms`);
    log(`  (b) the day in one POST, ${days.length} round(s)…`);
    const bat = await batch(ctx, `r${run}-batch`, days);
    log(`  ${bat.requestMs.join(' / ')} ms (${bat.medianEntriesPerSec} entries/s median); visible ${bat.visibleMs.join(' / ')} ms`);
    log(`  (d) AndroidAPS relays the same ${READINGS} readings to the sequential patient's site…`);
    const dedup = await relay(ctx, seq.patient);
    log(`  ${dedup.rawRowsStored} raw rows, aggregate ${dedup.aggregateCount}, sgv.json ${dedup.followerReadings}: ${dedup.passed ? 'passed' : 'FAILED'}`);
    runs.push({ run, loadAverageAtStart, perRequestSequential: seq.result, perRequestConcurrent: con, batch: bat, dedup });
  }

  const result: NightscoutBenchResult = {
    date: new Date().toISOString(),
    mode: quick ? 'quick' : 'full',
    machine: machine(externalDb, loadAtStart),
    readingsPerDay: READINGS,
    runs,
    peakRssMb: server.peakRssMb(),
    runSeconds: Math.round((performance.now() - startedAt) / 1000),
  };
  const base = quick ? 'bench/results/nightscout.quick' : 'bench/results/nightscout';
  writeFileSync(`${base}.json`, JSON.stringify(result, null, 2) + '\n');
  writeFileSync(`${base}.md`, toMarkdown(result));
  console.log(`\n${toMarkdown(result)}\nwrote ${base}.json and ${base}.md`);
  if (runs.some((r) => !r.dedup.passed)) process.exitCode = 1;
} finally {
  await closeDb();
  await server.stop();
}

// The Nightscout benchmark's measurements, each on patients of its own (so nothing is a duplicate of
// another's readings) and each ending with its exact count checked once the pipeline is idle.
import { zonedDayRangeUtc } from '../../lib/time';
import { median, percentile, round } from '../pipeline/stats';
import { aapsEntry, dayOfReadings, postEntries, readEntries, xdripEntry, type Reading, type Site } from './clients';
import { dayAggregate, pipelineIdle, TIME_ZONE, untilVisible, type Patient } from './patient';
import type { Latency, RunResult } from './report';

export type Ctx = { baseUrl: string; day: string; readings: Reading[]; patient: (label: string) => Promise<Patient> };

export const latency = (ms: number[]): Latency => ({
  p50: round(percentile(ms, 50), 1),
  p95: round(percentile(ms, 95), 1),
  p99: round(percentile(ms, 99), 1),
  max: round(Math.max(...ms), 1),
  n: ms.length,
});

const xdrip = (readings: Reading[]) => readings.map((r) => xdripEntry(r, TIME_ZONE));

/** One reading per request, each sent after the previous answer (xDrip+ uploads readings as they arrive). */
export async function stream(site: Site, docs: unknown[]): Promise<number[]> {
  const ms: number[] = [];
  for (const doc of docs) ms.push(await postEntries(site, [doc]));
  return ms;
}

/** Once the patient's pipeline is idle, the day's aggregate must count exactly its readings, with their min and max. */
export async function checkDay(baseUrl: string, patient: Patient, day: string, readings: Reading[]): Promise<void> {
  await pipelineIdle(patient.id);
  const row = await dayAggregate(baseUrl, patient, day);
  const sgv = readings.map((r) => r.sgv);
  if (row?.count !== readings.length || row.min !== Math.min(...sgv) || row.max !== Math.max(...sgv)) {
    throw new Error(`${day}: expected ${readings.length} readings from ${Math.min(...sgv)} to ${Math.max(...sgv)} mg/dL, the aggregate says ${JSON.stringify(row)}`);
  }
}

/** (a) + (c): one patient's xDrip+, one reading per request. Returns the patient for the relay check. */
export async function sequential(ctx: Ctx, label: string): Promise<{ patient: Patient; result: RunResult['perRequestSequential'] }> {
  const patient = await ctx.patient(label);
  const started = performance.now();
  const ms = await stream(patient.site, xdrip(ctx.readings));
  const answered = performance.now();
  const visible = await untilVisible(ctx.baseUrl, patient, ctx.day, ctx.readings.length, answered);
  await checkDay(ctx.baseUrl, patient, ctx.day, ctx.readings);
  const seconds = (answered - started) / 1000;
  return {
    patient,
    result: { requests: ms.length, seconds: round(seconds, 2), requestsPerSec: round(ms.length / seconds), latencyMs: latency(ms), visibleMs: round(visible.ms), countAtLastAnswer: visible.firstCount },
  };
}

/** (a) + (c) with several patients' xDrip+ uploading at once; each polls its own aggregate after its last answer. */
export async function concurrent(ctx: Ctx, label: string, uploaders: number): Promise<RunResult['perRequestConcurrent']> {
  const patients = await Promise.all(Array.from({ length: uploaders }, (_, i) => ctx.patient(`${label}-${i}`)));
  const started = performance.now();
  const runs = await Promise.all(
    patients.map(async (p) => {
      const ms = await stream(p.site, xdrip(ctx.readings));
      const answered = performance.now();
      return { ms, answered, visible: round((await untilVisible(ctx.baseUrl, p, ctx.day, ctx.readings.length, answered)).ms) };
    }),
  );
  for (const p of patients) await checkDay(ctx.baseUrl, p, ctx.day, ctx.readings);
  const seconds = (Math.max(...runs.map((r) => r.answered)) - started) / 1000;
  const all = runs.flatMap((r) => r.ms);
  const visible = runs.map((r) => r.visible);
  return { uploaders, requests: all.length, seconds: round(seconds, 2), requestsPerSec: round(all.length / seconds), latencyMs: latency(all), visibleMs: { p50: median(visible), max: Math.max(...visible), each: visible } };
}

/** (b) + (c): a whole day in one POST, one fresh day per round. */
export async function batch(ctx: Ctx, label: string, days: string[]): Promise<RunResult['batch']> {
  const patient = await ctx.patient(label);
  const rounds: { requestMs: number; entriesPerSec: number; visibleMs: number }[] = [];
  for (const day of days) {
    const readings = dayOfReadings(day, TIME_ZONE);
    const requestMs = await postEntries(patient.site, xdrip(readings));
    const visible = await untilVisible(ctx.baseUrl, patient, day, readings.length, performance.now());
    await checkDay(ctx.baseUrl, patient, day, readings);
    rounds.push({ requestMs: round(requestMs, 1), entriesPerSec: round(readings.length / (requestMs / 1000)), visibleMs: round(visible.ms) });
  }
  return {
    rounds: rounds.length,
    requestMs: rounds.map((r) => r.requestMs),
    entriesPerSec: rounds.map((r) => r.entriesPerSec),
    visibleMs: rounds.map((r) => r.visibleMs),
    medianRequestMs: median(rounds.map((r) => r.requestMs)),
    medianEntriesPerSec: median(rounds.map((r) => r.entriesPerSec)),
    medianVisibleMs: median(rounds.map((r) => r.visibleMs)),
  };
}

/**
 * (d): AndroidAPS relays the sequential patient's readings (3 s later, same values) to the same site, one
 * per request. Every raw row is kept (dedup decides what counts, it deletes nothing), yet the day's
 * aggregate and a follower's sgv.json must still hold one reading per moment.
 */
export async function relay(ctx: Ctx, patient: Patient): Promise<RunResult['dedup']> {
  const started = performance.now();
  await stream(patient.site, ctx.readings.map(aapsEntry));
  const seconds = (performance.now() - started) / 1000;
  await pipelineIdle(patient.id);
  const { pool } = await import('../../lib/db/client'); // after bench/server.ts has pointed DATABASE_URL at the bench database
  const { rows } = await pool().query<{ n: string }>(`SELECT count(*)::text AS n FROM health_samples WHERE user_id = $1 AND type = 'BLOOD_GLUCOSE'`, [patient.id]);
  const rawRowsStored = Number(rows[0]!.n);
  const aggregateCount = (await dayAggregate(ctx.baseUrl, patient, ctx.day))?.count ?? 0;
  const { startMs, endMs } = zonedDayRangeUtc(ctx.day, TIME_ZONE);
  const followerReadings = (await readEntries(patient.site, `entries/sgv.json?count=1000&find[date][$gte]=${startMs}&find[date][$lt]=${endMs}`)).length;
  const n = ctx.readings.length;
  const passed = rawRowsStored === 2 * n && aggregateCount === n && followerReadings === n;
  return { relayed: n, relayRequestsPerSec: round(n / seconds), rawRowsStored, aggregateCount, followerReadings, passed };
}

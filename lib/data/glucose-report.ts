// A patient's glucose over a period of their local days, as the consensus report reads it: the CGM readings
// (interstitial, deduplicated across uploaders exactly as the aggregates are) and the meter readings with the
// meal context the person recorded. Whoever asks (the patient, a doctor, a caregiver, a share's reader), the
// days are the patient's: `from` and `to` are both included, in the patient's zone.
//
// The metrics answer says which source it rests on: "cgm" when CGM readings cover any of the period (the
// active percentage tells how much), else "meter", with what spot checks can honestly give (their mean and
// spread, and structured testing by meal context) and no time in range.
import { connectClient, prisma } from '../db/client';
import type pg from 'pg';
import { GLUCOSE_SPECIMENS, type HealthType } from '../health';
import { dedupSamples, type PipelineSample } from '../pipeline';
import { agpSlots, cgmMetrics, missedTargets, roundShares, targetSet, type AgpSlot, type GlucosePoint, type RangeShares, type TargetPreset } from '../pipeline/glucose-metrics';
import { METER_CONTEXTS, readingStats, structuredTesting, type ContextSummary, type MeterContext, type MeterReading } from '../pipeline/glucose-structured';
import { addDays, localDate, zonedDayRangeUtc } from '../time';
import { requireTypes, clampDays, type ReadScope } from './access';
import { CGM_STREAM, rulesFor } from './aggregation/type-rules';
import { decryptSampleMetadata } from './sample-fields';

export const DEFAULT_PERIOD_DAYS = 14;
export const MAX_PERIOD_DAYS = 366;
const GLUCOSE: HealthType[] = ['BLOOD_GLUCOSE'];

export type Period = { from: string; to: string };
export type PeriodGlucose = Period & {
  timeZone: string;
  fromMs: number;
  /** The period's end, or now while it is still running. */
  endMs: number;
  cgm: GlucosePoint[];
  meter: MeterReading[];
};

/** [from, to] defaulting to the 14 days ending today in the patient's zone, narrowed to a share's days. */
export function resolvePeriod(scope: ReadScope, query: { from?: string; to?: string }, nowMs: number): Period {
  const to = query.to ?? (query.from ? addDays(query.from, DEFAULT_PERIOD_DAYS - 1) : localDate(nowMs, scope.timeZone));
  const from = query.from ?? addDays(to, -(DEFAULT_PERIOD_DAYS - 1));
  return clampDays(scope, from, to);
}

export async function targetPresetOf(patientId: string): Promise<TargetPreset> {
  const profile = await prisma.diabetesProfile.findUnique({ where: { userId: patientId }, select: { targetPreset: true } });
  return profile?.targetPreset ?? 'STANDARD';
}

const isContext = (v: unknown): v is MeterContext => typeof v === 'string' && (METER_CONTEXTS as readonly string[]).includes(v);

type Device = { id: string; type: string; priority: number };

/**
 * Whether a row of health_samples is in the CGM stream, as the aggregation's loader decides it
 * (lib/data/aggregation/load-samples.ts): the sample's own specimen, else its device's type.
 */
const IS_CGM_SQL = `(category IS NOT DISTINCT FROM '${GLUCOSE_SPECIMENS.interstitial}' OR (category IS DISTINCT FROM '${GLUCOSE_SPECIMENS.blood}' AND device_id = ANY($4::uuid[])))`;
const IN_RANGE_SQL = `user_id = $1 AND type = 'BLOOD_GLUCOSE' AND start_at >= to_timestamp($2 / 1000.0) AND start_at < to_timestamp($3 / 1000.0)`;

/**
 * Full rows of the samples that need them: what dedup needs (the rank's id and interval), and a meter
 * reading's metadata for its meal context. `$5` is the patient's device ids, as in the main query.
 */
async function fullSamples(client: pg.PoolClient, devices: Device[], stream: string | null, where: string, values: unknown[]) {
  const { rows } = await client.query<[string, number, number, number, number, string | null, string | null]>({
    rowMode: 'array',
    text: `SELECT id::text, array_position($5::uuid[], device_id), round(date_part('epoch', start_at) * 1000), round(date_part('epoch', end_at) * 1000), value
                  ${stream === null ? ', client_record_id, metadata' : ''} FROM health_samples WHERE ${IN_RANGE_SQL} AND ${where}`,
    values,
  });
  return rows.map(([id, device, startMs, endMs, value, clientRecordId, metadata]) => {
    const { id: deviceId, priority } = devices[device - 1] as Device;
    return { sample: { id, deviceId, priority, startMs, endMs, value, stream } satisfies PipelineSample, clientRecordId, metadata };
  });
}

/** The period's deduplicated glucose, split into CGM and meter readings (404 when the scope may not read glucose). */
export async function loadPeriodGlucose(scope: ReadScope, period: Period, nowMs: number): Promise<PeriodGlucose> {
  requireTypes(scope, GLUCOSE);
  const fromMs = zonedDayRangeUtc(period.from, scope.timeZone).startMs;
  const endMs = Math.min(zonedDayRangeUtc(period.to, scope.timeZone).endMs, nowMs);
  const base = { ...period, timeZone: scope.timeZone, fromMs, endMs: Math.max(fromMs, endMs) };
  if (endMs <= fromMs) return { ...base, cgm: [], meter: [] };
  const inPeriod = (x: { startMs: number }) => x.startMs >= fromMs && x.startMs < endMs;
  // The two streams never cancel each other (dedup.md), so each is deduplicated on its own, over the period
  // and the hour before it (a reading there can win over one just inside).
  const dedup = (samples: PipelineSample[]) =>
    (new Set(samples.map((x) => x.deviceId)).size > 1 ? dedupSamples(samples, rulesFor('BLOOD_GLUCOSE')).map((c) => c.sample) : samples).filter(inPeriod);
  const client = await connectClient();
  try {
    const { rows: deviceRows } = await client.query<Device>(
      `SELECT d.id::text, d.type::text, COALESCE(o.priority, d.priority) AS priority FROM devices d
       LEFT JOIN device_type_priorities o ON o.device_id = d.id AND o.health_type = 'BLOOD_GLUCOSE' WHERE d.user_id = $1`,
      [scope.patientId],
    );
    const deviceIds = deviceRows.map((d) => d.id);
    const range = [scope.patientId, fromMs - 3_600_000, endMs, deviceRows.filter((d) => d.type === 'cgm').map((d) => d.id)];
    // 90 days of 5-minute CGM are 25,920 rows: read as few columns as the common case needs (a CGM reading's
    // instant, value and device; a meter reading's id), as numbers in array rows: parsing a column of them
    // costs more than the query itself (bench/glucose.ts).
    const { rows } = await client.query<[number, number, number, string | null]>({
      rowMode: 'array',
      text: `SELECT round(date_part('epoch', start_at) * 1000), value, array_position($5::uuid[], device_id), CASE WHEN ${IS_CGM_SQL} THEN NULL ELSE id::text END
             FROM health_samples WHERE ${IN_RANGE_SQL} ORDER BY start_at`,
      values: [...range, deviceIds],
    });
    const cgmDevices = new Set<number>();
    const meterIds: string[] = [];
    for (const [, , device, meterId] of rows) {
      if (meterId === null) cgmDevices.add(device);
      else meterIds.push(meterId);
    }
    let cgm: GlucosePoint[];
    if (cgmDevices.size <= 1) {
      // One uploader has nothing to deduplicate (a device's own exact repeats are dropped at ingest).
      cgm = [];
      for (const [atMs, mgdl, , meterId] of rows) if (meterId === null && atMs >= fromMs && atMs < endMs) cgm.push({ atMs, mgdl });
    } else {
      const full = await fullSamples(client, deviceRows, CGM_STREAM, IS_CGM_SQL, [...range, deviceIds]);
      cgm = dedup(full.map((x) => x.sample)).map((x) => ({ atMs: x.startMs, mgdl: x.value }));
    }
    const meter: MeterReading[] = [];
    if (meterIds.length > 0) {
      const full = await fullSamples(client, deviceRows, null, `NOT ${IS_CGM_SQL} AND id = ANY($6::bigint[])`, [...range, deviceIds, meterIds]);
      const winners = new Set(dedup(full.map((x) => x.sample)));
      for (const { sample, clientRecordId, metadata: sealed } of full) {
        if (!winners.has(sample)) continue;
        const identity = { deviceId: sample.deviceId, clientRecordId, type: 'BLOOD_GLUCOSE', startMs: sample.startMs, endMs: sample.endMs };
        const metadata = (await decryptSampleMetadata(scope.patientId, identity, sealed)) as Record<string, unknown> | null;
        const context = metadata?.['mealContext'];
        meter.push({ atMs: sample.startMs, mgdl: sample.value, context: isContext(context) ? context : null });
      }
      meter.sort((a, b) => a.atMs - b.atMs);
    }
    return { ...base, cgm, meter };
  } finally {
    client.release();
  }
}

const round1 = (v: number) => Math.round(v * 10) / 10;

export type GlucoseMetricsAnswer = Period & {
  source: 'cgm' | 'meter';
  readings: number;
  days: number;
  activePercent: number | null;
  mean: number | null;
  gmi: number | null;
  sd: number | null;
  cv: number | null;
  ranges: RangeShares | null;
  targets: { preset: TargetPreset; low: number; high: number; missed: { label: string; bound: 'max' | 'min'; percent: number; value: number }[] } ;
  /** Meter only: readings by meal context, each against its target. */
  structured: (Omit<ContextSummary, 'mean' | 'inTargetPercent'> & { mean: number; inTargetPercent: number })[];
  /** Why figures are missing (meter only, or a period without readings). */
  note: string | null;
};

/** The consensus metrics answer (rounded for the wire: percentages and mg/dL to 0.1; ranges sum to 100). */
export function metricsAnswer(glucose: PeriodGlucose, preset: TargetPreset): GlucoseMetricsAnswer {
  const set = targetSet(preset);
  const period = { from: glucose.from, to: glucose.to };
  const targets = { preset, low: set.low, high: set.high, missed: [] as GlucoseMetricsAnswer['targets']['missed'] };
  const m = cgmMetrics(glucose.cgm, glucose.fromMs, glucose.endMs, { low: set.low, high: set.high, timeZone: glucose.timeZone });
  if (m) {
    const ranges = roundShares(m.ranges, 1);
    const missed = missedTargets(m.ranges, set).map(({ label, bound, percent, value }) => ({ label, bound, percent, value: round1(value) }));
    return {
      ...period, source: 'cgm', readings: m.readings, days: m.days, activePercent: round1(m.activePercent),
      mean: round1(m.mean), gmi: round1(m.gmi), sd: round1(m.sd), cv: round1(m.cv), ranges,
      targets: { ...targets, missed }, structured: [],
      note: m.activePercent < 70 ? 'The CGM was active less than 70 % of the period: the consensus asks for 70 % of 14 days before these figures represent it.' : null,
    };
  }
  const stats = readingStats(glucose.meter.map((r) => r.mgdl));
  const days = new Set(glucose.meter.map((r) => localDate(r.atMs, glucose.timeZone))).size;
  return {
    ...period, source: 'meter', readings: glucose.meter.length, days, activePercent: null,
    mean: stats ? round1(stats.mean) : null, gmi: null, sd: stats ? round1(stats.sd) : null, cv: stats ? round1(stats.cv) : null, ranges: null, targets,
    structured: structuredTesting(glucose.meter, preset).map((s) => ({ ...s, mean: round1(s.mean), inTargetPercent: round1(s.inTargetPercent) })),
    note: glucose.meter.length === 0
      ? 'No glucose readings in this period.'
      : 'Meter readings only: time in ranges, the active percentage and the GMI need continuous (CGM) readings. Spot checks show the moments they were taken, not the hours between them, so they are summarised by meal context instead.',
  };
}

export type AgpAnswer = Period & { source: 'cgm'; readings: number; slots: AgpSlot[] };

/** The AGP of the period's CGM readings (percentiles in mg/dL to 0.1). */
export function agpAnswer(glucose: PeriodGlucose): AgpAnswer {
  const slots = agpSlots(glucose.cgm, glucose.fromMs, glucose.endMs, glucose.timeZone).map((s) => ({
    minute: s.minute, n: s.n,
    p5: s.p5 === null ? null : round1(s.p5), p25: s.p25 === null ? null : round1(s.p25), p50: s.p50 === null ? null : round1(s.p50),
    p75: s.p75 === null ? null : round1(s.p75), p95: s.p95 === null ? null : round1(s.p95),
  }));
  return { from: glucose.from, to: glucose.to, source: 'cgm', readings: glucose.cgm.length, slots };
}



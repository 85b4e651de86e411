// The glucose both the doctor's triage and the patient's own insight judge, loaded for many patients at
// once: who has glucose at all (one query), their target presets (one query), then each one's deduplicated
// readings (the aggregation's loader and dedup, as the aggregates and the metrics endpoint use them).
// A patient with CGM readings in the last 14 local days is judged on the CGM stream over those days (the
// period the metrics endpoint defaults to, so triage and the AGP report show the same figures); everyone
// else on their readings of the last 14 × 24 hours, exactly as before CGM metrics existed.
import { connectClient, prisma } from '../db/client';
import { dedupSamples } from '../pipeline';
import type { GlucosePoint, TargetPreset } from '../pipeline/glucose-metrics';
import { GLUCOSE_WINDOW_DAYS, type GlucoseReading } from '../pipeline/glucose-targets';
import { addDays, localDate, zonedDayRangeUtc } from '../time';
import { loadSamples } from './aggregation/load-samples';
import { CGM_STREAM, rulesFor } from './aggregation/type-rules';

const DAY_MS = 86_400_000;
// A day more than the window, so a reading just inside it is deduplicated against one just before it
// exactly as the aggregation does.
const LOAD_DAYS = GLUCOSE_WINDOW_DAYS + 1;

export type GlucoseWindow = {
  /** Every deduplicated reading (CGM and meter) up to now: what the reading-based targets count. */
  readings: GlucoseReading[];
  /** The meter's (fingerstick) readings among them: a CGM wearer's are judged as a meter-only patient's. */
  meter: GlucoseReading[];
  /** The CGM stream in [cgmFromMs, now]; empty for meter-only patients. */
  cgm: GlucosePoint[];
  /** Start of the first of the 14 local days ending today, in the patient's zone. */
  cgmFromMs: number;
  preset: TargetPreset;
  timeZone: string;
};

/** Start of the 14 local days ending with the day of `nowMs`. */
export function cgmWindowStart(nowMs: number, timeZone: string): number {
  return zonedDayRangeUtc(addDays(localDate(nowMs, timeZone), -(GLUCOSE_WINDOW_DAYS - 1)), timeZone).startMs;
}

/** Each patient's glucose window; patients without any glucose reading in the last 15 days are absent. */
export async function loadGlucoseWindows(patients: readonly { id: string; timeZone: string }[], nowMs: number): Promise<Map<string, GlucoseWindow>> {
  const out = new Map<string, GlucoseWindow>();
  if (patients.length === 0) return out;
  const ids = patients.map((p) => p.id);
  const fromMs = nowMs - LOAD_DAYS * DAY_MS;
  const [withGlucose, presets] = await Promise.all([
    prisma.$queryRaw<{ user_id: string }[]>`
      SELECT DISTINCT user_id::text FROM health_samples
      WHERE user_id = ANY(${ids}::uuid[]) AND type = 'BLOOD_GLUCOSE' AND start_at >= ${new Date(fromMs)} AND start_at <= ${new Date(nowMs)}`,
    prisma.diabetesProfile.findMany({ where: { userId: { in: ids } }, select: { userId: true, targetPreset: true } }),
  ]);
  const presetOf = new Map(presets.map((p) => [p.userId, p.targetPreset]));
  const has = new Set(withGlucose.map((r) => r.user_id));
  const client = await connectClient();
  try {
    for (const p of patients) {
      if (!has.has(p.id)) continue;
      const samples = await loadSamples(client, { userId: p.id, type: 'BLOOD_GLUCOSE', fromMs, toMs: nowMs + 1 });
      const counted = dedupSamples(samples, rulesFor('BLOOD_GLUCOSE'));
      const cgmFromMs = cgmWindowStart(nowMs, p.timeZone);
      const cgm = counted.filter((c) => c.sample.stream === CGM_STREAM && c.startMs >= cgmFromMs && c.startMs <= nowMs).map((c) => ({ atMs: c.startMs, mgdl: c.sample.value }));
      out.set(p.id, {
        readings: counted.map((c) => ({ atMs: c.startMs, mgdl: c.sample.value })),
        meter: counted.filter((c) => c.sample.stream !== CGM_STREAM).map((c) => ({ atMs: c.startMs, mgdl: c.sample.value })),
        cgm, cgmFromMs, preset: presetOf.get(p.id) ?? 'STANDARD', timeZone: p.timeZone,
      });
    }
  } finally {
    client.release();
  }
  return out;
}

// Structured testing for people who check with a meter (most people with type 2): their readings grouped by
// the meal context they recorded (fasting, before or after each meal, bedtime), each group against the
// target for that moment of the day. Spot checks cannot give time in range: a handful of readings a day,
// taken at moments the person chose, are not a picture of the hours between them, so this report never
// turns them into time.
//
// Targets (mg/dL, both bounds included): fasting and before meals 80–130, 1–2 h after a meal up to 180
// (ADA Standards of Care, glycemic targets for non-pregnant adults), bedtime 90–150, a reading without a
// context 70–180; pregnancy (ADA, diabetes in pregnancy): fasting and before meals up to 95, after meals up
// to 140 (1 h), bedtime up to 120. Lows are out of target everywhere: nothing below 70 (63 in pregnancy)
// counts as in target.
import type { TargetPreset } from './glucose-metrics';

export const METER_CONTEXTS = ['fasting', 'before_breakfast', 'after_breakfast', 'before_lunch', 'after_lunch', 'before_dinner', 'after_dinner', 'bedtime', 'random'] as const;
export type MeterContext = (typeof METER_CONTEXTS)[number];
export type MeterReading = { atMs: number; mgdl: number; context: MeterContext | null };
export type ContextTarget = { low: number; high: number };
export type ContextSummary = { context: MeterContext | 'unspecified'; count: number; mean: number; min: number; max: number; inTargetPercent: number; target: ContextTarget };

export function contextTarget(context: MeterContext | 'unspecified', preset: TargetPreset): ContextTarget {
  const pregnant = preset === 'PREGNANCY_TYPE_1';
  const low = pregnant ? 63 : 70;
  if (context === 'fasting' || context.startsWith('before_')) return pregnant ? { low, high: 95 } : { low: 80, high: 130 };
  if (context.startsWith('after_')) return { low, high: pregnant ? 140 : 180 };
  if (context === 'bedtime') return pregnant ? { low, high: 120 } : { low: 90, high: 150 };
  return { low, high: pregnant ? 140 : 180 };
}

/** One summary per context that has readings, in the day's order; readings without a context last. */
export function structuredTesting(readings: readonly MeterReading[], preset: TargetPreset): ContextSummary[] {
  const groups = new Map<MeterContext | 'unspecified', number[]>();
  for (const r of readings) {
    const key = r.context ?? 'unspecified';
    groups.set(key, [...(groups.get(key) ?? []), r.mgdl]);
  }
  const order: (MeterContext | 'unspecified')[] = [...METER_CONTEXTS, 'unspecified'];
  return order
    .filter((c) => groups.has(c))
    .map((context) => {
      const values = groups.get(context)!;
      const target = contextTarget(context, preset);
      // At whole mg/dL, as the consensus ranges are read (lib/pipeline/glucose-metrics.ts rangeOf).
      const inTarget = values.filter((v) => Math.round(v) >= target.low && Math.round(v) <= target.high).length;
      return {
        context,
        count: values.length,
        mean: values.reduce((a, b) => a + b, 0) / values.length,
        min: Math.min(...values),
        max: Math.max(...values),
        inTargetPercent: (100 * inTarget) / values.length,
        target,
      };
    });
}

/** Mean, SD (sample) and CV of spot checks: what the readings were, not the hours between them. */
export function readingStats(values: readonly number[]): { mean: number; sd: number; cv: number } | null {
  if (values.length === 0) return null;
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const sd = values.length > 1 ? Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (values.length - 1)) : 0;
  return { mean, sd, cv: (100 * sd) / mean };
}

// What a meal did to glucose, pure: the reading before it (the last within 30 minutes before the meal, the
// meal's own minute included) and the peak in the 2 hours after it, from the person's deduplicated CGM and
// meter readings together. The rise is peak − before; the time to peak is from the meal. Without a reading
// in the 30 minutes before there is no baseline, and without one in the 2 hours after there is nothing to
// compare it with: then there is no excursion, and the reason says which was missing (never a guess).
export const BEFORE_WINDOW_MS = 30 * 60_000;
export const AFTER_WINDOW_MS = 2 * 3_600_000;

export type GlucoseSource = 'cgm' | 'meter';
export type SourcedReading = { atMs: number; mgdl: number; source: GlucoseSource };

export type Excursion = {
  before: SourcedReading;
  peak: SourcedReading;
  /** peak − before, mg/dL (negative when glucose only fell). */
  rise: number;
  minutesToPeak: number;
  /** How many readings of the 2 hours after the meal the peak was chosen from, and their sources. */
  readingsAfter: number;
  sources: GlucoseSource[];
};

export type ExcursionResult = { excursion: Excursion; reason: null } | { excursion: null; reason: string };

export const NO_BASELINE = 'No glucose reading in the 30 minutes before the meal.';
export const NO_READING_AFTER = 'No glucose reading in the 2 hours after the meal.';

/** Readings from both sources, in time order (CGM before meter at the same instant, for a stable answer). */
export function mergeReadings(cgm: readonly { atMs: number; mgdl: number }[], meter: readonly { atMs: number; mgdl: number }[]): SourcedReading[] {
  const all: SourcedReading[] = [...cgm.map((r) => ({ atMs: r.atMs, mgdl: r.mgdl, source: 'cgm' as const })), ...meter.map((r) => ({ atMs: r.atMs, mgdl: r.mgdl, source: 'meter' as const }))];
  return all.sort((a, b) => a.atMs - b.atMs || (a.source === b.source ? 0 : a.source === 'cgm' ? -1 : 1));
}

/** The excursion of one meal eaten at `eatenAtMs`, from readings sorted by time. */
export function mealExcursion(eatenAtMs: number, readings: readonly SourcedReading[]): ExcursionResult {
  let before: SourcedReading | null = null;
  let peak: SourcedReading | null = null;
  let readingsAfter = 0;
  const sources = new Set<GlucoseSource>();
  for (const r of readings) {
    if (r.atMs >= eatenAtMs - BEFORE_WINDOW_MS && r.atMs <= eatenAtMs) before = r; // the last one wins
    else if (r.atMs > eatenAtMs && r.atMs <= eatenAtMs + AFTER_WINDOW_MS) {
      readingsAfter += 1;
      sources.add(r.source);
      if (!peak || r.mgdl > peak.mgdl) peak = r; // the earliest of equal highs
    }
  }
  if (!before) return { excursion: null, reason: NO_BASELINE };
  if (!peak) return { excursion: null, reason: NO_READING_AFTER };
  sources.add(before.source);
  return {
    excursion: {
      before,
      peak,
      rise: peak.mgdl - before.mgdl,
      minutesToPeak: Math.round((peak.atMs - eatenAtMs) / 60_000),
      readingsAfter,
      sources: (['cgm', 'meter'] as const).filter((s) => sources.has(s)),
    },
    reason: null,
  };
}

/** The excursion of each meal (same order), readings searched once per meal by binary search. */
export function mealExcursions<M extends { eatenAtMs: number }>(meals: readonly M[], readings: readonly SourcedReading[]): (M & ExcursionResult)[] {
  return meals.map((meal) => {
    const lo = lowerBound(readings, meal.eatenAtMs - BEFORE_WINDOW_MS);
    const hi = lowerBound(readings, meal.eatenAtMs + AFTER_WINDOW_MS + 1);
    return { ...meal, ...mealExcursion(meal.eatenAtMs, readings.slice(lo, hi)) };
  });
}

function lowerBound(readings: readonly SourcedReading[], atMs: number): number {
  let lo = 0;
  let hi = readings.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (readings[mid]!.atMs < atMs) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

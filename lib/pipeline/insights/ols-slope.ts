// Ordinary least-squares slope of value against real day offset.

import type { DayPoint } from './day-window';

/**
 * Slope in value units per day; NaN with fewer than two distinct offsets. The raw-sums form is
 * exact for exact inputs (small integer offsets, values in halves), so a slope of exactly 0.5 stays
 * exactly 0.5 at the threshold; with ≤ 30 offsets and bpm-sized values cancellation is no concern.
 */
export function olsSlope(points: readonly DayPoint[]): number {
  const n = points.length;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  for (const { offset: x, value: y } of points) {
    sx += x;
    sy += y;
    sxx += x * x;
    sxy += x * y;
  }
  const denominator = n * sxx - sx * sx;
  return denominator === 0 ? Number.NaN : (n * sxy - sx * sy) / denominator;
}

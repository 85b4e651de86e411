import { atLocal, windowDays, type DayPlan } from './plan';
import { createRng } from './prng';
import { round1, sample } from './samples';
import { sumDistance, sumSteps, type Timeline } from './timeline';
import { MIN, ceilTo, floorTo } from './time';
import type { DemoProfile, DemoSample } from './types';

const SLOT = 15 * MIN;

/**
 * The phone counts steps only while it is in a pocket: the morning routine and commute (which always
 * spans the watch's charging hour), often the daily walk, sometimes an evening errand. It misses a few
 * steps the watch counts, so overlapping intervals disagree slightly, as real devices do.
 */
export function phoneSamples(profile: DemoProfile, plans: readonly DayPlan[], tl: Timeline): DemoSample[] {
  const out: DemoSample[] = [];
  for (const plan of windowDays(plans)) {
    const rng = createRng(profile.seed, plan.epochDay, 'phone');
    const windows: Array<[number, number]> = [
      [plan.chargeStartMs - rng.int(2, 4) * SLOT, plan.chargeEndMs + rng.int(4, 10) * SLOT],
    ];
    if (rng.chance(0.6)) windows.push([floorTo(plan.walkStartMs, SLOT) - SLOT, ceilTo(plan.walkEndMs, SLOT) + SLOT]);
    if (rng.chance(0.5)) {
      const start = floorTo(atLocal(plan, rng.int(17 * 60, 20 * 60)), SLOT);
      windows.push([start, start + rng.int(4, 8) * SLOT]);
    }
    const efficiency = rng.range(0.88, 0.97);
    for (const t of slotStarts(windows)) {
      const steps = Math.round(sumSteps(tl, t, t + SLOT) * efficiency);
      if (steps <= 0) continue;
      const metres = round1(sumDistance(tl, t, t + SLOT) * efficiency);
      out.push(sample({ type: 'STEPS', value: steps, unit: 'count', startMs: t, endMs: t + SLOT, id: `phone-steps-${t}` }));
      out.push(sample({ type: 'DISTANCE', value: metres, unit: 'm', startMs: t, endMs: t + SLOT, id: `phone-distance-${t}` }));
    }
  }
  return out;
}

/** Sorted, distinct 15-minute slot starts covering the windows. */
function slotStarts(windows: ReadonlyArray<[number, number]>): number[] {
  const starts = new Set<number>();
  for (const [from, to] of windows) {
    for (let t = floorTo(from, SLOT); t < to; t += SLOT) starts.add(t);
  }
  return [...starts].sort((a, b) => a - b);
}

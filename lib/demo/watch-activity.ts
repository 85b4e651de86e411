import { bedtimeOf, overlapsCharging, windowDays, type DayPlan } from './plan';
import { createRng } from './prng';
import { round1, sample } from './samples';
import { activeEnergy, awakeMinutes, sumSteps, type Timeline } from './timeline';
import { HOUR, MIN, ceilTo, floorTo } from './time';
import type { DemoProfile, DemoSample } from './types';

const STEP_SLOT = 10 * MIN;

/** Watch steps in 10-minute slots while awake; nothing while the watch charges. */
export function watchSteps(plans: readonly DayPlan[], tl: Timeline): DemoSample[] {
  const out: DemoSample[] = [];
  for (const plan of windowDays(plans)) {
    const bedMs = bedtimeOf(plans, plan.index);
    for (let t = floorTo(plan.wakeMs, STEP_SLOT); t < bedMs; t += STEP_SLOT) {
      if (overlapsCharging(plans, t, t + STEP_SLOT)) continue;
      const steps = sumSteps(tl, t, t + STEP_SLOT);
      if (steps > 0) {
        out.push(sample({ type: 'STEPS', value: steps, unit: 'count', startMs: t, endMs: t + STEP_SLOT, id: `watch-steps-${t}` }));
      }
    }
  }
  return out;
}

/** Hourly active energy around the clock, except the charging hour. */
export function watchActiveEnergy(profile: DemoProfile, plans: readonly DayPlan[], tl: Timeline): DemoSample[] {
  const rng = createRng(profile.seed, 'active-energy');
  const out: DemoSample[] = [];
  for (let t = ceilTo(tl.originMs, HOUR); t + HOUR <= tl.endMs; t += HOUR) {
    if (overlapsCharging(plans, t, t + HOUR)) continue;
    const awake = awakeMinutes(tl, t, t + HOUR);
    const kcal = activeEnergy(tl, t, t + HOUR, profile.weightKg) * rng.range(0.9, 1.1);
    const value = round1(awake > 0 ? kcal : rng.range(0, 0.6));
    out.push(sample({ type: 'ACTIVE_ENERGY', value, unit: 'kcal', startMs: t, endMs: t + HOUR, id: `watch-energy-${t}` }));
  }
  return out;
}

/** The daily walk becomes a recorded workout on some days. */
export function watchWorkouts(profile: DemoProfile, plans: readonly DayPlan[], tl: Timeline): DemoSample[] {
  return windowDays(plans)
    .filter((plan) => plan.workout)
    .map((plan) =>
      sample({
        type: 'WORKOUT',
        value: plan.running ? 'running' : 'walking',
        startMs: plan.walkStartMs,
        endMs: plan.walkEndMs,
        id: `watch-workout-${plan.walkStartMs}`,
        metadata: { energyKcal: Math.round(activeEnergy(tl, plan.walkStartMs, plan.walkEndMs, profile.weightKg)) },
      }),
    );
}

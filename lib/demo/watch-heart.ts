import { overlapsCharging, planAt, windowDays, type DayPlan } from './plan';
import { createRng } from './prng';
import { clamp, sample } from './samples';
import { minuteState, type Timeline } from './timeline';
import { MIN, SEC, ceilTo } from './time';
import type { DemoProfile, DemoSample } from './types';

const HR_EVERY = 5 * MIN;

/** Heart rate every 5 minutes around the clock (a few seconds of jitter), off while charging. */
export function watchHeartRate(profile: DemoProfile, plans: readonly DayPlan[], tl: Timeline): DemoSample[] {
  const rng = createRng(profile.seed, 'heart-rate');
  const out: DemoSample[] = [];
  for (let slot = ceilTo(tl.originMs, HR_EVERY); slot < tl.endMs; slot += HR_EVERY) {
    const t = slot + rng.int(0, 20) * SEC;
    if (overlapsCharging(plans, t, t)) continue;
    const base = planAt(plans, t).restingHr;
    const state = minuteState(tl, t);
    let bpm: number;
    if (!state.awake) bpm = rng.normal(base - 4, 2);
    else if (state.exercise === 2) bpm = rng.normal(base + 85, 6);
    else if (state.exercise === 1) bpm = rng.normal(base + 42, 5);
    else bpm = rng.normal(base + 10 + state.steps * 0.22, 4);
    const value = Math.round(clamp(bpm, 40, 190));
    out.push(sample({ type: 'HEART_RATE', value, unit: 'count/min', startMs: t, id: `watch-hr-${t}` }));
  }
  return out;
}

/** One resting heart rate per day, computed shortly after waking (before the charging hour). */
export function watchRestingHeartRate(profile: DemoProfile, plans: readonly DayPlan[]): DemoSample[] {
  return windowDays(plans).map((plan) => {
    const rng = createRng(profile.seed, plan.epochDay, 'resting-hr');
    const t = plan.wakeMs + rng.int(15, 25) * MIN;
    const value = Math.round(clamp(rng.normal(plan.restingHr, 1.2), 40, 120));
    return sample({ type: 'RESTING_HEART_RATE', value, unit: 'count/min', startMs: t, id: `watch-rhr-${t}` });
  });
}

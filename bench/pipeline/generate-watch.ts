// What the watch sends for one planned day: heart rate every 5 minutes (every minute in the workout),
// steps per 10 minutes while awake, and the night's sleep stages. Nothing while it is on the charger.
import { createRng } from '../../lib/demo/prng';
import { type DayPlan, MIN, inside, overlaps, stepsBetween } from './day-plan';

export type WireSample = {
  type: string;
  value: number | string;
  unit?: string;
  startDate: string;
  endDate: string;
  clientRecordId: string;
};

const iso = (ms: number) => new Date(ms).toISOString();

export function instant(type: string, value: number, unit: string, atMs: number, id: string): WireSample {
  return { type, value, unit, startDate: iso(atMs), endDate: iso(atMs), clientRecordId: id };
}

export function interval(type: string, value: number | string, unit: string | undefined, startMs: number, endMs: number, id: string): WireSample {
  const sample: WireSample = { type, value, startDate: iso(startMs), endDate: iso(endMs), clientRecordId: id };
  if (unit !== undefined) sample.unit = unit;
  return sample;
}

export function watchHeartRate(seed: number, plan: DayPlan): WireSample[] {
  const rng = createRng(seed, 'hr', plan.dayIndex);
  const times: number[] = [];
  for (let t = plan.startMs; t < plan.endMs; t += 5 * MIN) if (!inside(t, plan.workout)) times.push(t);
  for (let t = plan.workout.startMs; t < plan.workout.endMs && t < plan.endMs; t += MIN) times.push(t);
  times.sort((a, b) => a - b);
  const out: WireSample[] = [];
  for (const t of times) {
    if (inside(t, plan.charge)) continue;
    const asleep = t < plan.wakeMs || t >= plan.bedMs;
    const mean = inside(t, plan.workout) ? 138 : asleep ? 56 : 72;
    const bpm = Math.round(rng.normal(mean, asleep ? 3 : 6));
    out.push(instant('HEART_RATE', bpm, 'count/min', t, `watch-hr-${t}`));
  }
  return out;
}

export function watchSteps(plan: DayPlan): WireSample[] {
  const out: WireSample[] = [];
  const slot = 10 * MIN;
  for (let t = Math.floor(plan.wakeMs / slot) * slot; t < plan.bedMs; t += slot) {
    if (overlaps(t, t + slot, plan.charge)) continue;
    const steps = Math.round(stepsBetween(plan, t, t + slot));
    if (steps > 0) out.push(interval('STEPS', steps, 'count', t, t + slot, `watch-steps-${t}`));
  }
  return out;
}

const STAGES = ['asleepCore', 'asleepDeep', 'asleepCore', 'asleepREM'] as const;

/** Stage intervals from bedtime to the next morning's wake-up, back to back, never overlapping. */
export function watchSleep(seed: number, plan: DayPlan, next: DayPlan): WireSample[] {
  const rng = createRng(seed, 'sleep', plan.dayIndex);
  const out: WireSample[] = [];
  let t = plan.bedMs;
  const push = (stage: string, minutes: number) => {
    const end = Math.min(next.wakeMs, t + Math.max(1, Math.round(minutes)) * MIN);
    if (end > t) out.push(interval('SLEEP_STATE', stage, undefined, t, end, `watch-sleep-${t}`));
    t = end;
  };
  push('inBed', rng.int(8, 25));
  for (let cycle = 0; t < next.wakeMs; cycle += 1) {
    push(STAGES[cycle % STAGES.length]!, rng.range(10, 40));
    if (rng.chance(0.12)) push('awake', rng.range(2, 8));
  }
  return out;
}

// One user's data from three devices over consecutive local days, deterministic for a seed: the watch
// (heart rate, steps, sleep), the phone (steps per 15 minutes while in a pocket, overlapping the watch
// for part of each day and alone while the watch charges) and a scale (a morning weigh-in).
import { createRng } from '../../lib/demo/prng';
import { parseDay, zoneClock } from '../../lib/time';
import { type DayPlan, MIN, planDay, stepsBetween } from './day-plan';
import { type WireSample, instant, interval, watchHeartRate, watchSleep, watchSteps } from './generate-watch';

export type { WireSample } from './generate-watch';
export type DeviceKey = 'watch' | 'phone' | 'scale';
export type UserData = Record<DeviceKey, WireSample[]>;

function phoneSteps(seed: number, plan: DayPlan): WireSample[] {
  const rng = createRng(seed, 'phone', plan.dayIndex);
  // The phone misses a few steps the watch counts, so overlapping intervals disagree slightly.
  const efficiency = rng.range(0.88, 0.97);
  const slot = 15 * MIN;
  const starts = new Set<number>();
  for (const w of plan.phone) {
    for (let t = Math.floor(w.startMs / slot) * slot; t < w.endMs; t += slot) starts.add(t);
  }
  const out: WireSample[] = [];
  for (const t of [...starts].sort((a, b) => a - b)) {
    const steps = Math.round(stepsBetween(plan, t, t + slot) * efficiency);
    if (steps > 0) out.push(interval('STEPS', steps, 'count', t, t + slot, `phone-steps-${t}`));
  }
  return out;
}

function scaleWeight(seed: number, plan: DayPlan, dayNumber: number): WireSample {
  const rng = createRng(seed, 'weight', plan.dayIndex);
  const kg = 78 - dayNumber * 0.008 + rng.normal(0, 0.35); // a slow, noisy downward trend
  const at = plan.wakeMs + rng.int(3, 12) * MIN;
  return instant('WEIGHT', Math.round(kg * 10) / 10, 'kg', at, `scale-weight-${at}`);
}

/** `days` local days from `firstDay` in `timeZone`, plus the last night (which ends the day after). */
export function generateUserData(opts: { seed: number; firstDay: string; days: number; timeZone: string }): UserData {
  const clock = zoneClock(opts.timeZone);
  const first = parseDay(opts.firstDay);
  const plans = Array.from({ length: opts.days + 1 }, (_, i) => planDay(opts.seed, first + i, clock));
  const data: UserData = { watch: [], phone: [], scale: [] };
  for (let i = 0; i < opts.days; i += 1) {
    const plan = plans[i]!;
    data.watch.push(...watchHeartRate(opts.seed, plan), ...watchSteps(plan), ...watchSleep(opts.seed, plan, plans[i + 1]!));
    data.phone.push(...phoneSteps(opts.seed, plan));
    data.scale.push(scaleWeight(opts.seed, plan, i));
  }
  for (const list of Object.values(data)) list.sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0));
  return data;
}

/** The samples of `data` starting before `endMs` (a prefix in time, for the seed comparison). */
export function prefixOf(data: UserData, endMs: number): UserData {
  const keep = (list: WireSample[]) => list.filter((s) => Date.parse(s.startDate) < endMs);
  return { watch: keep(data.watch), phone: keep(data.phone), scale: keep(data.scale) };
}

export function countSamples(data: UserData): number {
  return data.watch.length + data.phone.length + data.scale.length;
}

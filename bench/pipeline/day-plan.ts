// One simulated day of one person: when they wake, go to bed, charge the watch, work out and carry the
// phone, and how many steps they take each minute. Every device's samples are derived from this plan,
// so the watch and the phone count the same walk, as real devices do.
import { createRng } from '../../lib/demo/prng';
import type { ZoneClock } from '../../lib/time';

export const MIN = 60_000;

export type Window = { startMs: number; endMs: number };

export type DayPlan = {
  /** Local day index (days since 1970-01-01 in the user's zone). */
  dayIndex: number;
  /** UTC instants bounding the local day (23, 24 or 25 hours). */
  startMs: number;
  endMs: number;
  wakeMs: number;
  bedMs: number;
  charge: Window;
  workout: Window;
  /** Times the phone is in a pocket and counts steps. */
  phone: Window[];
  /** Steps taken in each UTC minute since startMs. */
  stepsPerMinute: Float64Array;
};

/** Plans a local day; the same seed and day always give the same plan. */
export function planDay(seed: number, dayIndex: number, clock: ZoneClock): DayPlan {
  const rng = createRng(seed, 'day', dayIndex);
  const startMs = clock.hourStart(dayIndex * 24);
  const endMs = clock.hourStart(dayIndex * 24 + 24);
  // Minutes after local midnight; on DST days they are off by an hour, which no device would notice.
  const at = (minute: number) => startMs + Math.round(minute) * MIN;
  const wakeMs = at(390 + rng.int(-30, 45));
  const bedMs = at(1380 + rng.int(-45, 40));
  const chargeStart = wakeMs + rng.int(10, 30) * MIN;
  const charge = { startMs: chargeStart, endMs: chargeStart + 60 * MIN };
  const morningWorkout = rng.chance(0.3);
  const workoutStart = morningWorkout ? at(rng.int(11 * 60, 12 * 60)) : at(rng.int(17 * 60, 19 * 60));
  const workout = { startMs: workoutStart, endMs: workoutStart + rng.int(30, 60) * MIN };

  // The commute always spans the watch's charging hour; the phone often comes along on the workout.
  const phone: Window[] = [{ startMs: charge.startMs - rng.int(1, 3) * 15 * MIN, endMs: charge.endMs + rng.int(2, 5) * 15 * MIN }];
  if (rng.chance(0.5)) phone.push({ startMs: workout.startMs - 15 * MIN, endMs: workout.endMs + 15 * MIN });
  if (rng.chance(0.5)) {
    const errand = at(rng.int(19 * 60 + 30, 21 * 60));
    phone.push({ startMs: errand, endMs: errand + rng.int(3, 6) * 15 * MIN });
  }

  const minutes = Math.round((endMs - startMs) / MIN);
  const stepsPerMinute = new Float64Array(minutes);
  const cadence = rng.range(100, 130);
  for (let block = 0; block * 10 < minutes; block += 1) {
    // Awake life is mostly pottering about, with a brisk walk now and then.
    const walking = rng.chance(0.05);
    const rate = walking ? cadence * rng.range(0.6, 0.9) : rng.range(0, 9);
    for (let m = block * 10; m < Math.min(minutes, block * 10 + 10); m += 1) {
      const t = startMs + m * MIN;
      if (t < wakeMs || t >= bedMs) continue;
      const inWorkout = t >= workout.startMs && t < workout.endMs;
      stepsPerMinute[m] = inWorkout ? cadence + rng.range(10, 40) : rate;
    }
  }
  return { dayIndex, startMs, endMs, wakeMs, bedMs, charge, workout, phone, stepsPerMinute };
}

/** Steps the plan's person took in [fromMs, toMs), minute-resolved. */
export function stepsBetween(plan: DayPlan, fromMs: number, toMs: number): number {
  let total = 0;
  const first = Math.max(0, Math.floor((fromMs - plan.startMs) / MIN));
  const last = Math.min(plan.stepsPerMinute.length, Math.ceil((toMs - plan.startMs) / MIN));
  for (let m = first; m < last; m += 1) total += plan.stepsPerMinute[m]!;
  return total;
}

export function inside(t: number, w: Window): boolean {
  return t >= w.startMs && t < w.endMs;
}

export function overlaps(startMs: number, endMs: number, w: Window): boolean {
  return startMs < w.endMs && endMs > w.startMs;
}

import { createRng } from './prng';
import { clamp } from './samples';
import { DAY, HOUR, MIN, ceilTo, localEpochDay, weekday, zoneOffset } from './time';
import type { DemoProfile } from './types';

/**
 * What one person does on one local day. The night described here is the one that ENDS on this day
 * (sleepStartMs is the previous evening), matching "a sleep session belongs to the day it ends".
 */
export type DayPlan = {
  /** 0 = first day of the window; the plan list has one extra day after the last. */
  index: number;
  epochDay: number;
  /** Zone offset for the day, taken once at local noon. */
  offsetMs: number;
  sleepStartMs: number;
  wakeMs: number;
  /** One whole hour in the morning when the watch is on its charger and records nothing. */
  chargeStartMs: number;
  chargeEndMs: number;
  walkStartMs: number;
  walkEndMs: number;
  running: boolean;
  /** Whether the walk/run was recorded as a workout. */
  workout: boolean;
  stepTarget: number;
  /** Resting HR baseline for the day, trend included, before daily noise. */
  restingHr: number;
};

/** Instant of a local wall-clock minute on the plan's day. */
export function atLocal(plan: Pick<DayPlan, 'epochDay' | 'offsetMs'>, minutes: number): number {
  return plan.epochDay * DAY + Math.round(minutes) * MIN - plan.offsetMs;
}

export function buildPlans(profile: DemoProfile, days: number, endMs: number, timeZone: string): DayPlan[] {
  const offset = zoneOffset(timeZone);
  const lastDay = localEpochDay(endMs, offset);
  const plans: DayPlan[] = [];
  for (let index = 0; index <= days; index++) {
    const epochDay = lastDay - days + 1 + index;
    const offsetMs = offset(epochDay * DAY + 12 * HOUR);
    const dropped = index >= days - (profile.activityDropDays ?? 0);
    plans.push(planDay({ profile, index, epochDay, offsetMs, dropped }));
  }
  return plans;
}

type PlanInput = { profile: DemoProfile; index: number; epochDay: number; offsetMs: number; dropped: boolean };

function planDay({ profile, index, epochDay, offsetMs, dropped }: PlanInput): DayPlan {
  const rng = createRng(profile.seed, epochDay, 'plan');
  const day = { epochDay, offsetMs };
  const weekend = weekday(epochDay) === 0 || weekday(epochDay) === 6;

  const wakeMs = atLocal(day, clamp(rng.normal(weekend ? 450 : 400, 15), 360, 510));
  const usualSleep = profile.sleepHours * 60;
  const sleepMin = Math.max(240, Math.round(clamp(rng.normal(usualSleep, 25), usualSleep - 60, usualSleep + 60)));
  const chargeStartMs = ceilTo(wakeMs + rng.range(30, 75) * MIN, HOUR);

  const factor = dropped ? 0.45 : 1;
  const stepTarget = Math.round(profile.stepsPerDay * factor * clamp(rng.normal(weekend ? 0.9 : 1, 0.15), 0.5, 1.6));
  const running = !dropped && profile.stepsPerDay >= 8000 && rng.chance(0.3);
  const cadence = running ? 160 : 110;
  const walkMin = Math.round(clamp((stepTarget * 0.35) / cadence, 10, 70));
  const walkStartMs = atLocal(day, rng.int(12 * 60, 18 * 60));

  return {
    index,
    epochDay,
    offsetMs,
    sleepStartMs: wakeMs - sleepMin * MIN,
    wakeMs,
    chargeStartMs,
    chargeEndMs: chargeStartMs + HOUR,
    walkStartMs,
    walkEndMs: walkStartMs + walkMin * MIN,
    running,
    workout: running || (walkMin >= 15 && rng.chance(0.6)),
    stepTarget,
    restingHr: profile.restingHr + (profile.rhrTrendPerDay ?? 0) * index,
  };
}

/** Bedtime at the end of plan k's day is the next plan's sleep start. */
export function bedtimeOf(plans: readonly DayPlan[], index: number): number {
  const next = plans[index + 1];
  if (next === undefined) throw new RangeError(`no plan after day ${index}`);
  return next.sleepStartMs;
}

/** Plans whose waking day is inside the window (all but the extra trailing one). */
export function windowDays(plans: readonly DayPlan[]): DayPlan[] {
  return plans.slice(0, -1);
}

export function overlapsCharging(plans: readonly DayPlan[], fromMs: number, toMs: number): boolean {
  return plans.some((p) => fromMs < p.chargeEndMs && (toMs > p.chargeStartMs || fromMs === p.chargeStartMs));
}

/** The plan whose cycle (its night, then its waking day) contains the instant. */
export function planAt(plans: readonly DayPlan[], ms: number): DayPlan {
  let found = plans[0];
  for (const plan of plans) if (plan.sleepStartMs <= ms) found = plan;
  if (found === undefined) throw new RangeError('no plans');
  return found;
}

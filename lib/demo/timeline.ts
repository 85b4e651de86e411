import { bedtimeOf, windowDays, type DayPlan } from './plan';
import { createRng, type Rng } from './prng';
import { clamp } from './samples';
import { MIN, floorTo } from './time';
import type { DemoProfile } from './types';

/** Minute-by-minute "truth" of what the person did; every device measures a part of it. */
export type Timeline = {
  originMs: number;
  endMs: number;
  steps: number[];
  /** Metres per step for each minute. */
  stride: number[];
  awake: boolean[];
  /** 0 = no workout, 1 = walking, 2 = running. */
  exercise: number[];
};

export function buildTimeline(profile: DemoProfile, plans: readonly DayPlan[]): Timeline {
  const first = plans[0];
  const last = plans[plans.length - 1];
  if (first === undefined || last === undefined) throw new RangeError('no plans');
  const originMs = floorTo(first.sleepStartMs, MIN);
  const length = Math.ceil((last.wakeMs - originMs) / MIN);
  const tl: Timeline = {
    originMs,
    endMs: originMs + length * MIN,
    steps: new Array<number>(length).fill(0),
    stride: new Array<number>(length).fill(0.7),
    awake: new Array<boolean>(length).fill(false),
    exercise: new Array<number>(length).fill(0),
  };
  windowDays(plans).forEach((plan) => fillDay(tl, plan, bedtimeOf(plans, plan.index), createRng(profile.seed, plan.epochDay, 'activity')));
  return tl;
}

function fillDay(tl: Timeline, plan: DayPlan, bedMs: number, rng: Rng): void {
  const from = minuteIndex(tl, plan.wakeMs);
  const to = minuteIndex(tl, bedMs);
  const walkFrom = minuteIndex(tl, plan.walkStartMs);
  const walkTo = minuteIndex(tl, plan.walkEndMs);
  const stride = rng.range(0.66, 0.78);
  let walkSteps = 0;
  const weights: number[] = [];
  let blockWeight = 0;
  for (let m = from; m < to; m++) {
    tl.awake[m] = true;
    tl.stride[m] = stride;
    if (m >= walkFrom && m < walkTo) {
      const steps = Math.round(plan.running ? clamp(rng.normal(162, 6), 140, 185) : clamp(rng.normal(112, 6), 90, 130));
      tl.steps[m] = steps;
      tl.stride[m] = plan.running ? stride * 1.45 : stride * 1.05;
      tl.exercise[m] = plan.running ? 2 : 1;
      walkSteps += steps;
      continue;
    }
    if ((m - from) % 10 === 0) blockWeight = pickBlockWeight(rng, tl.originMs + m * MIN, plan);
    weights[m] = blockWeight * rng.range(0.5, 1.5);
  }
  // Spread what the walk did not cover over the rest of the waking day.
  const rest = Math.max(300, plan.stepTarget - walkSteps);
  const total = weights.reduce((sum, w) => sum + w, 0);
  if (total <= 0) return;
  weights.forEach((w, m) => {
    tl.steps[m] = Math.min(130, Math.round((w * rest) / total));
  });
}

/** Ten-minute blocks: mostly sitting or pottering, sometimes a brisk bout; the morning routine is active. */
function pickBlockWeight(rng: Rng, ms: number, plan: DayPlan): number {
  const morning = ms >= plan.chargeStartMs - 30 * MIN && ms < plan.chargeEndMs + 30 * MIN;
  const roll = rng.next();
  if (!morning && roll < 0.45) return rng.range(0.02, 0.1);
  if (roll < 0.9) return rng.range(0.3, 1);
  return rng.range(2, 4);
}

export function minuteIndex(tl: Timeline, ms: number): number {
  return clamp(Math.floor((ms - tl.originMs) / MIN), 0, tl.steps.length);
}

function sumOver(tl: Timeline, fromMs: number, toMs: number, f: (m: number) => number): number {
  let sum = 0;
  for (let m = minuteIndex(tl, fromMs); m < minuteIndex(tl, toMs); m++) sum += f(m);
  return sum;
}

export function sumSteps(tl: Timeline, fromMs: number, toMs: number): number {
  return sumOver(tl, fromMs, toMs, (m) => tl.steps[m] ?? 0);
}

export function sumDistance(tl: Timeline, fromMs: number, toMs: number): number {
  return sumOver(tl, fromMs, toMs, (m) => (tl.steps[m] ?? 0) * (tl.stride[m] ?? 0));
}

export function awakeMinutes(tl: Timeline, fromMs: number, toMs: number): number {
  return sumOver(tl, fromMs, toMs, (m) => (tl.awake[m] ? 1 : 0));
}

/** Active kcal burnt, scaled by body weight; running costs more per step. */
export function activeEnergy(tl: Timeline, fromMs: number, toMs: number, weightKg: number): number {
  const perStep = (m: number) => (tl.exercise[m] === 2 ? 0.065 : 0.045);
  const kcal = sumOver(tl, fromMs, toMs, (m) => (tl.steps[m] ?? 0) * perStep(m) + (tl.awake[m] ? 0.04 : 0.005));
  return (kcal * weightKg) / 70;
}

/** State at an instant, for heart rate. */
export function minuteState(tl: Timeline, ms: number): { steps: number; awake: boolean; exercise: number } {
  const m = minuteIndex(tl, ms);
  return { steps: tl.steps[m] ?? 0, awake: tl.awake[m] ?? false, exercise: tl.exercise[m] ?? 0 };
}

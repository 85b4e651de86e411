import type { DayPlan } from './plan';
import { createRng, type Rng } from './prng';
import { clamp, sample } from './samples';
import { MIN, SEC } from './time';
import type { DemoProfile, DemoSample } from './types';

export type SleepStage = 'asleepCore' | 'asleepDeep' | 'asleepREM' | 'awake';
type Segment = { stage: SleepStage; minutes: number };

/** Mean minutes of deep sleep in the first cycles; later cycles have almost none. */
const DEEP_BY_CYCLE = [35, 25, 10];

/** Sleep stages for every night, in ~90-minute cycles: deep sleep early in the night, REM late. */
export function watchSleep(profile: DemoProfile, plans: readonly DayPlan[]): DemoSample[] {
  return plans.flatMap((plan) => {
    const rng = createRng(profile.seed, plan.epochDay, 'sleep');
    const total = Math.round((plan.wakeMs - plan.sleepStartMs) / MIN);
    let t = plan.sleepStartMs;
    return nightSegments(rng, total, profile.sleepHours < 6.5).map(({ stage, minutes }) => {
      const startMs = t;
      t += minutes * MIN;
      return sample({ type: 'SLEEP_STATE', value: stage, startMs, endMs: t, id: `watch-sleep-${startMs}` });
    });
  });
}

function nightSegments(rng: Rng, totalMinutes: number, restless: boolean): Segment[] {
  const raw: Segment[] = [];
  if (rng.chance(0.4)) raw.push({ stage: 'awake', minutes: rng.int(3, 12) });
  for (let cycle = 0; raw.reduce((s, x) => s + x.minutes, 0) < totalMinutes; cycle++) {
    const length = rng.normal(90, 8);
    const deepMean = DEEP_BY_CYCLE[cycle] ?? 0;
    const deep = deepMean > 0 ? clamp(rng.normal(deepMean, 5), 0, 50) : 0;
    const rem = clamp(10 + cycle * 8 + rng.normal(0, 4), 5, 45);
    const core = Math.max(20, length - deep - rem);
    raw.push({ stage: 'asleepCore', minutes: core * 0.6 });
    raw.push({ stage: 'asleepDeep', minutes: deep });
    raw.push({ stage: 'asleepCore', minutes: core * 0.4 });
    raw.push({ stage: 'asleepREM', minutes: rem });
    // Brief awakenings between cycles; a restless sleeper wakes more often and for longer.
    if (rng.chance(restless ? 0.6 : 0.25)) raw.push({ stage: 'awake', minutes: rng.range(1, restless ? 20 : 6) });
  }
  return fitToNight(raw, totalMinutes);
}

/** Whole minutes, trimmed to the night, with empty segments dropped and neighbours of one stage merged. */
function fitToNight(raw: readonly Segment[], totalMinutes: number): Segment[] {
  const out: Segment[] = [];
  let used = 0;
  for (const seg of raw) {
    const minutes = Math.min(Math.round(seg.minutes), totalMinutes - used);
    if (minutes <= 0) continue;
    used += minutes;
    const prev = out[out.length - 1];
    if (prev && prev.stage === seg.stage) prev.minutes += minutes;
    else out.push({ stage: seg.stage, minutes });
  }
  return out;
}

/** SpO2 spot checks, three or four a night. */
export function watchOxygen(profile: DemoProfile, plans: readonly DayPlan[]): DemoSample[] {
  return plans.flatMap((plan) => {
    const rng = createRng(profile.seed, plan.epochDay, 'spo2');
    const span = plan.wakeMs - plan.sleepStartMs;
    const times = Array.from({ length: rng.int(3, 4) }, () => plan.sleepStartMs + Math.floor((span * rng.range(0.1, 0.95)) / SEC) * SEC);
    return [...new Set(times)]
      .sort((a, b) => a - b)
      .map((t) => {
        const value = Math.round(clamp(rng.normal(96.5, 1.2), 90, 100));
        return sample({ type: 'OXYGEN_SATURATION', value, unit: '%', startMs: t, id: `watch-spo2-${t}` });
      });
  });
}

import { windowDays, type DayPlan } from './plan';
import { createRng } from './prng';
import { clamp, round1, sample } from './samples';
import { MIN, SEC } from './time';
import type { DemoProfile, DemoSample } from './types';

/** Weight and body fat on most mornings, shortly after waking, with a tiny per-person trend. */
export function scaleSamples(profile: DemoProfile, plans: readonly DayPlan[]): DemoSample[] {
  const trendPerDay = createRng(profile.seed, 'weight-trend').range(-0.03, 0.03);
  const baseFat = clamp(15 + (profile.weightKg - 65) * 0.35, 12, 40);
  return windowDays(plans).flatMap((plan) => {
    const rng = createRng(profile.seed, plan.epochDay, 'scale');
    if (!rng.chance(0.85)) return [];
    const t = plan.wakeMs + rng.int(5, 20) * MIN + rng.int(0, 59) * SEC;
    const kg = round1(clamp(profile.weightKg + trendPerDay * plan.index + rng.normal(0, 0.25), 30, 250));
    const fat = round1(clamp(baseFat + (kg - profile.weightKg) * 0.3 + rng.normal(0, 0.4), 5, 60));
    return [
      sample({ type: 'WEIGHT', value: kg, unit: 'kg', startMs: t, id: `scale-${t}-weight` }),
      sample({ type: 'BODY_FAT', value: fat, unit: '%', startMs: t, id: `scale-${t}-fat` }),
    ];
  });
}

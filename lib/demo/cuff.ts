import { atLocal, bedtimeOf, windowDays, type DayPlan } from './plan';
import { createRng, type Rng } from './prng';
import { clamp, sample } from './samples';
import { MIN, SEC } from './time';
import type { DemoProfile, DemoSample } from './types';

/** Blood pressure morning and evening; systolic and diastolic share one timestamp. */
export function cuffSamples(profile: DemoProfile, plans: readonly DayPlan[]): DemoSample[] {
  return windowDays(plans).flatMap((plan) => {
    const rng = createRng(profile.seed, plan.epochDay, 'cuff');
    const out: DemoSample[] = [];
    if (rng.chance(0.9)) out.push(...reading(profile, rng, plan.wakeMs + rng.int(20, 45) * MIN, 'morning'));
    if (rng.chance(0.85)) {
      const evening = Math.min(atLocal(plan, rng.int(20 * 60 + 30, 21 * 60 + 30)), bedtimeOf(plans, plan.index) - rng.int(10, 30) * MIN);
      out.push(...reading(profile, rng, evening + rng.int(0, 59) * SEC, 'evening'));
    }
    return out;
  });
}

function reading(profile: DemoProfile, rng: Rng, t: number, when: 'morning' | 'evening'): DemoSample[] {
  // Morning readings run a little higher than evening ones (morning surge).
  const shift = when === 'morning' ? 2 : -3;
  const sys = Math.round(clamp(profile.systolic + shift + rng.normal(0, 6), 85, 200));
  const dia = Math.round(Math.min(sys - 25, clamp(profile.diastolic + shift / 2 + rng.normal(0, 4), 45, 125)));
  return [
    sample({ type: 'BLOOD_PRESSURE_SYSTOLIC', value: sys, unit: 'mmHg', startMs: t, id: `cuff-${t}-sys` }),
    sample({ type: 'BLOOD_PRESSURE_DIASTOLIC', value: dia, unit: 'mmHg', startMs: t, id: `cuff-${t}-dia` }),
  ];
}

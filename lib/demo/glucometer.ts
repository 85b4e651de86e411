import { type1Glucose } from './cgm-type1';
import { atLocal, bedtimeOf, windowDays, type DayPlan } from './plan';
import { createRng, type Rng } from './prng';
import { clamp, sample } from './samples';
import { MIN, SEC } from './time';
import type { DemoProfile, DemoSample } from './types';

export type MealContext =
  | 'fasting'
  | 'before_breakfast'
  | 'after_breakfast'
  | 'before_lunch'
  | 'after_lunch'
  | 'before_dinner'
  | 'after_dinner'
  | 'bedtime'
  | 'random';

type Reading = { t: number; context: MealContext };
type Low = { dayIndex: number; reading: number; value: number };

/** Four finger-sticks a day: fasting, two around meals, bedtime (a CGM wearer's read their CGM's trace). */
export function glucometerSamples(profile: DemoProfile, plans: readonly DayPlan[]): DemoSample[] {
  const days = windowDays(plans);
  const lows = lowEpisodes(profile, days.length);
  return days.flatMap((plan) => {
    const rng = createRng(profile.seed, plan.epochDay, 'glucose');
    return dayReadings(rng, plan, bedtimeOf(plans, plan.index)).map(({ t, context }, i) => {
      const low = lows.find((l) => l.dayIndex === plan.index && l.reading === i);
      const value = profile.type1Cgm
        ? Math.round(clamp(type1Glucose(profile.seed, t, plan.offsetMs) + rng.normal(0, 6), 57, 296)) // a strip reads within a few mg/dL of the sensor (inside the trace's soft limits)
        : low ? low.value : glucoseValue(rng, profile.glucoseMgDl, context);
      return sample({ type: 'BLOOD_GLUCOSE', value, unit: 'mg/dL', startMs: t, id: `glucometer-${t}`, metadata: { mealContext: context } });
    });
  });
}

function dayReadings(rng: Rng, plan: DayPlan, bedMs: number): Reading[] {
  const at = (ms: number) => ms + rng.int(0, 59) * SEC;
  const breakfast = plan.wakeMs + rng.int(30, 60) * MIN;
  const lunch = atLocal(plan, rng.int(12 * 60, 13 * 60 + 15));
  const dinner = atLocal(plan, rng.int(18 * 60 + 30, 19 * 60 + 45));
  const options: Reading[] = [
    { t: at(breakfast + rng.int(90, 120) * MIN), context: 'after_breakfast' },
    { t: at(lunch - rng.int(5, 20) * MIN), context: 'before_lunch' },
    { t: at(lunch + rng.int(90, 120) * MIN), context: 'after_lunch' },
    { t: at(dinner - rng.int(5, 20) * MIN), context: 'before_dinner' },
    { t: at(dinner + rng.int(90, 120) * MIN), context: 'after_dinner' },
  ];
  const first = options.splice(rng.int(0, options.length - 1), 1);
  const second = options.splice(rng.int(0, options.length - 1), 1);
  const middle = [...first, ...second];
  if (middle.length === 2 && rng.chance(0.1)) middle[1] = { t: at(atLocal(plan, rng.int(10 * 60, 16 * 60))), context: 'random' };
  const readings: Reading[] = [
    { t: at(plan.wakeMs + rng.int(5, 20) * MIN), context: 'fasting' },
    ...middle,
    { t: at(bedMs - rng.int(15, 40) * MIN), context: 'bedtime' },
  ];
  return readings.sort((a, b) => a.t - b.t);
}

function glucoseValue(rng: Rng, base: number, context: MealContext): number {
  const diabetic = base > 125;
  const sd = base * 0.08;
  let value: number;
  if (context === 'fasting' || context === 'before_breakfast') value = rng.normal(base, sd);
  else if (context.startsWith('before_')) value = rng.normal(base + 8, sd);
  else if (context.startsWith('after_')) value = base + rng.normal(diabetic ? 70 : 35, diabetic ? 20 : 10);
  else if (context === 'bedtime') value = rng.normal(base + 15, sd);
  else value = rng.normal(base + 20, 15);
  // Ordinary readings stay above 70; lows come only from deliberate episodes below.
  return Math.round(clamp(value, 72, 380));
}

/**
 * A patient on insulin has a couple of lows (< 70 mg/dL) and one serious low (< 54 mg/dL) in the window,
 * on complete days (not the last, possibly partial, one).
 */
function lowEpisodes(profile: DemoProfile, dayCount: number): Low[] {
  if (!profile.glucoseLowEpisodes || dayCount < 1) return [];
  const rng = createRng(profile.seed, 'glucose-lows');
  const candidates = Array.from({ length: Math.max(1, dayCount - 1) }, (_, i) => i);
  for (let i = candidates.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [candidates[i], candidates[j]] = [candidates[j] ?? 0, candidates[i] ?? 0];
  }
  const readingOffset = rng.int(0, 3);
  const values = [rng.int(44, 52), rng.int(56, 66), rng.int(58, 68)];
  return values.map((value, i) => ({
    dayIndex: candidates[i % candidates.length] ?? 0,
    reading: (readingOffset + i) % 4,
    value,
  }));
}

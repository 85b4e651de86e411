// A plausible type 1 CGM trace, deterministic (no I/O, no Math.random): glucose at any instant from the
// person's local day (its meals, whether a low comes that night), so the CGM stream and the meter beside it
// tell the same story. Meals rise 60–150 mg/dL and take about four hours to come back; a dawn rise; some
// nights a dip below 70 around 2–4 am; a day's baseline drifts. Tuned so the 14-day consensus metrics sit
// where a doctor would look twice: time in range near 70 %, above 250 mg/dL more than 5 % of the time,
// lows under their targets, CV near the 36 % line.
import { createRng } from './prng';
import { DAY, MIN } from './time';

type Day = { base: number; meals: { minute: number; rise: number }[]; low: { minute: number; depth: number } | null };

const cache = new Map<string, Day>();

function dayOf(seed: number, epochDay: number): Day {
  const key = `${seed}:${epochDay}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const rng = createRng(seed, epochDay, 'cgm-type1');
  const day: Day = {
    base: rng.normal(108, 14),
    meals: [
      { minute: rng.int(7 * 60, 8 * 60 + 30), rise: rng.range(90, 205) },
      { minute: rng.int(12 * 60, 13 * 60 + 30), rise: rng.range(60, 170) },
      { minute: rng.int(18 * 60 + 30, 20 * 60), rise: rng.range(110, 225) },
    ],
    // About one night in three dips; depth below the baseline.
    low: rng.chance(0.45) ? { minute: rng.int(90, 240), depth: rng.range(38, 58) } : null,
  };
  if (cache.size > 2000) cache.clear();
  cache.set(key, day);
  return day;
}

/** The local minutes of a day's three meals (breakfast, lunch, dinner), so the demo's meal records match the trace. */
export function type1MealMinutes(seed: number, epochDay: number): number[] {
  return dayOf(seed, epochDay).meals.map((m) => m.minute);
}

/** mg/dL at `atMs` for a person whose local clock is `offsetMs` ahead of UTC there. */
export function type1Glucose(seed: number, atMs: number, offsetMs: number): number {
  const local = atMs + offsetMs;
  const epochDay = Math.floor(local / DAY);
  const minute = (local - epochDay * DAY) / MIN;
  const today = dayOf(seed, epochDay);
  const yesterday = dayOf(seed, epochDay - 1);
  // The baseline drifts from yesterday's towards today's over the morning.
  const blend = Math.min(1, minute / 600);
  let value = yesterday.base * (1 - blend) + today.base * blend;
  value += 28 * Math.exp(-(((minute - 390) / 80) ** 2)); // dawn
  for (const [meals, shift] of [[today.meals, 0], [yesterday.meals, 1440]] as const) {
    for (const meal of meals) {
      const since = minute + shift - meal.minute;
      if (since > 0 && since < 360) value += meal.rise * (since / 60) * Math.exp(1 - since / 60);
    }
  }
  if (today.low) value -= today.low.depth * Math.exp(-(((minute - today.low.minute) / 45) ** 2));
  const t = atMs / MIN;
  value += 14 * Math.sin(t / 37) + 5 * Math.sin(t / 9.1); // sensor and physiology wobble
  // Soft limits: lows level off above 54 and highs below 300 mg/dL, the demo's default alert thresholds, so
  // a sync during the demo (or a browser test's reading) pages nobody about the seeded trace itself.
  if (value < 66) value = 57 + 9 * Math.exp((value - 66) / 9);
  if (value > 260) value = 296 - 36 * Math.exp(-(value - 260) / 36);
  return Math.round(value);
}

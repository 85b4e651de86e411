// How precisely a value of each type is worth stating. Storage and computation keep full precision;
// only what is shown (pages) or answered (API) is rounded, once, at that edge. Two precisions per type:
// - answer: decimals in the canonical unit for API answers. Fine enough that a client converting to
//   any display unit can still round to that unit's precision (weight in kg to 10 g because 0.1 lb is
//   45 g; temperature in °C to 0.01 because 0.1 °F is 0.056 °C).
// - display: decimals per display unit (UCUM code as in the catalogue), what a reader is shown.
import type { HealthType } from './health-types';

type Precision = { answer: number; display: Readonly<Record<string, number>> };

const WHOLE_MINUTES: Precision = { answer: 0, display: { min: 0 } };

export const PRECISION: Readonly<Record<HealthType, Precision>> = {
  STEPS: { answer: 0, display: { count: 0 } },
  DISTANCE: { answer: 0, display: { m: 0, km: 2, mi: 2 } },
  ACTIVE_ENERGY: { answer: 0, display: { kcal: 0 } },
  HEART_RATE: { answer: 0, display: { 'count/min': 0 } },
  RESTING_HEART_RATE: { answer: 0, display: { 'count/min': 0 } },
  BLOOD_PRESSURE_SYSTOLIC: { answer: 0, display: { 'mm[Hg]': 0 } },
  BLOOD_PRESSURE_DIASTOLIC: { answer: 0, display: { 'mm[Hg]': 0 } },
  WEIGHT: { answer: 2, display: { kg: 1, lb: 1 } },
  BODY_FAT: { answer: 1, display: { '%': 1 } },
  BLOOD_GLUCOSE: { answer: 0, display: { 'mg/dL': 0, 'mmol/L': 1 } },
  OXYGEN_SATURATION: { answer: 0, display: { '%': 0 } },
  BODY_TEMPERATURE: { answer: 2, display: { Cel: 1, '[degF]': 1 } },
  RESPIRATORY_RATE: { answer: 0, display: { 'count/min': 0 } },
  SLEEP_ANALYSIS: WHOLE_MINUTES,
  SLEEP_STATE: WHOLE_MINUTES,
  MENSTRUAL_FLOW: WHOLE_MINUTES,
  WORKOUT: WHOLE_MINUTES,
  // Pumps deliver in steps as fine as 0.025 U.
  INSULIN: { answer: 3, display: { '[iU]': 2 } },
  CARBOHYDRATES: { answer: 1, display: { g: 0 } },
  // Height to the millimetre in answers, the centimetre on pages; BMI to one decimal, as clinics state it.
  HEIGHT: { answer: 3, display: { m: 2, cm: 0, in: 1 } },
  BMI: { answer: 1, display: { 'kg/m2': 1 } },
};

/**
 * `value` rounded half away from zero to `decimals` (negative: tens, hundreds…). The product is
 * first cut to 12 significant digits so that binary noise (1.005 * 100 = 100.49999…) rounds the way
 * the decimal number reads.
 */
export function roundTo(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  const f = 10 ** decimals;
  const x = Math.abs(value) * f;
  // Cutting to 12 digits moves x by at most 5e-12·x: below 1e11, with the fraction farther than that
  // from one half, it cannot change which way x rounds, and the string round trip is skipped (it
  // was the top of our own code when answering aggregates: bench:profile).
  const fraction = x - Math.floor(x);
  const scaled = x < 1e11 && Math.abs(fraction - 0.5) > 1e-11 * (x + 1) ? x : Number(x.toPrecision(12));
  const rounded = (Math.sign(value) * Math.round(scaled)) / f;
  return Object.is(rounded, -0) ? 0 : rounded;
}

/** Decimals a value of `type` is shown with in `unit` (a UCUM code from the catalogue). */
export function displayDecimals(type: HealthType, unit: string): number {
  return PRECISION[type].display[unit] ?? PRECISION[type].answer;
}

/** A canonical value as an API answer states it. */
export function roundForAnswer(type: HealthType, canonical: number): number {
  return roundTo(canonical, PRECISION[type].answer);
}

/** A value already in `unit` as a page shows it. */
export function roundForDisplay(type: HealthType, value: number, unit: string): number {
  return roundTo(value, displayDecimals(type, unit));
}

/**
 * A stored value without binary noise (129.71520000000001 → 129.7152): 12 significant digits are far
 * beyond any instrument and far above float error, so nothing a device sent is changed.
 */
export function withoutFloatNoise(value: number): number {
  // Whole numbers below 12 digits (most readings) are their own 12-digit form.
  if (Number.isInteger(value) && Math.abs(value) < 1e12) return Object.is(value, -0) ? 0 : value;
  return Number.isFinite(value) ? Number(value.toPrecision(12)) : value;
}

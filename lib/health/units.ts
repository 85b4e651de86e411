// The one table of unit conversions. Every unit maps linearly onto its dimension's base unit:
// base = value * scale + offset. Factors are exact definitions, not rounded approximations.

export type Dimension =
  | 'count'
  | 'length'
  | 'energy'
  | 'rate'
  | 'pressure'
  | 'mass'
  | 'fraction'
  | 'glucose'
  | 'temperature'
  | 'duration'
  | 'insulin'
  | 'bmi';

export type UnitSpec = { dimension: Dimension; scale: number; offset: number };

const POUND_KG = 0.45359237; // international avoirdupois pound, exact by definition
const OUNCE_KG = POUND_KG / 16; // 0.028349523125
const STONE_KG = POUND_KG * 14; // 6.35029318
const MILE_M = 1609.344;
const FOOT_M = 0.3048;
const INCH_M = 0.0254;
const KJ_PER_KCAL = 4.184; // thermochemical calorie
const MMHG_PER_KPA = 7.50061683;
// mmol/L -> mg/dL: glucose molar mass 180.156 g/mol, and 1 mmol/L = 180.156 mg/L = 18.0156 mg/dL.
const GLUCOSE_MGDL_PER_MMOLL = 18.0156;

const linear = (dimension: Dimension, scale: number): UnitSpec => ({ dimension, scale, offset: 0 });
// °F -> °C: (F - 32) * 5/9, written as F * 5/9 - 160/9.
const FAHRENHEIT: UnitSpec = { dimension: 'temperature', scale: 5 / 9, offset: -160 / 9 };

// Base units: count, m, kcal, count/min, mm[Hg], kg, %, mg/dL, Cel, min, [iU].
export const UNITS: Readonly<Record<string, UnitSpec>> = {
  count: linear('count', 1),
  steps: linear('count', 1),
  '{steps}': linear('count', 1),

  m: linear('length', 1),
  km: linear('length', 1000),
  mi: linear('length', MILE_M),
  '[mi_i]': linear('length', MILE_M),
  ft: linear('length', FOOT_M),
  '[ft_i]': linear('length', FOOT_M),
  cm: linear('length', 0.01),
  in: linear('length', INCH_M),
  '[in_i]': linear('length', INCH_M),

  kcal: linear('energy', 1),
  // Nutrition labels' "Calorie" is the kilocalorie.
  Cal: linear('energy', 1),
  kJ: linear('energy', 1 / KJ_PER_KCAL),

  'count/min': linear('rate', 1),
  bpm: linear('rate', 1),
  '/min': linear('rate', 1),
  'beats/min': linear('rate', 1),
  '{beats}/min': linear('rate', 1),
  'breaths/min': linear('rate', 1),
  '{breaths}/min': linear('rate', 1),

  'mm[Hg]': linear('pressure', 1),
  mmHg: linear('pressure', 1),
  kPa: linear('pressure', MMHG_PER_KPA),

  kg: linear('mass', 1),
  g: linear('mass', 0.001),
  lb: linear('mass', POUND_KG),
  '[lb_av]': linear('mass', POUND_KG),
  oz: linear('mass', OUNCE_KG),
  '[oz_av]': linear('mass', OUNCE_KG),
  st: linear('mass', STONE_KG),
  '[stone_av]': linear('mass', STONE_KG),

  '%': linear('fraction', 1),
  fraction: linear('fraction', 100),

  'mg/dL': linear('glucose', 1),
  'mmol/L': linear('glucose', GLUCOSE_MGDL_PER_MMOLL),

  Cel: linear('temperature', 1),
  degC: linear('temperature', 1),
  '°C': linear('temperature', 1),
  degF: FAHRENHEIT,
  '°F': FAHRENHEIT,
  '[degF]': FAHRENHEIT,

  min: linear('duration', 1),
  h: linear('duration', 60),
  s: linear('duration', 1 / 60),

  // Insulin's international unit (UCUM [iU]); pumps and apps write U or IU.
  '[iU]': linear('insulin', 1),
  U: linear('insulin', 1),
  IU: linear('insulin', 1),

  // Body mass index: UCUM writes kg/m2.
  'kg/m2': linear('bmi', 1),
};

// Own-property lookup, so input like 'toString' or '__proto__' is never mistaken for a unit.
export function findUnit(unit: string): UnitSpec | undefined {
  return Object.hasOwn(UNITS, unit) ? UNITS[unit] : undefined;
}

export function toBase(spec: UnitSpec, value: number): number {
  return value * spec.scale + spec.offset;
}

export function fromBase(spec: UnitSpec, base: number): number {
  return (base - spec.offset) / spec.scale;
}

// Per-type accepted unit lists, so each definition lists only units that make sense for it.
export const COUNT_UNITS = ['count', 'steps', '{steps}'] as const;
export const LENGTH_UNITS = ['m', 'km', 'mi', '[mi_i]', 'ft', '[ft_i]'] as const;
export const ENERGY_UNITS = ['kcal', 'Cal', 'kJ'] as const;
export const HEART_RATE_UNITS = ['count/min', 'bpm', '/min', 'beats/min', '{beats}/min'] as const;
export const BREATH_RATE_UNITS = ['count/min', '/min', 'breaths/min', '{breaths}/min'] as const;
export const PRESSURE_UNITS = ['mm[Hg]', 'mmHg', 'kPa'] as const;
export const MASS_UNITS = ['kg', 'g', 'lb', '[lb_av]', 'oz', '[oz_av]', 'st', '[stone_av]'] as const;
export const PERCENT_UNITS = ['%', 'fraction'] as const;
export const GLUCOSE_UNITS = ['mg/dL', 'mmol/L'] as const;
export const TEMPERATURE_UNITS = ['Cel', 'degC', '°C', 'degF', '°F', '[degF]'] as const;
export const DURATION_UNITS = ['min', 'h', 's'] as const;
export const INSULIN_UNITS = ['[iU]', 'U', 'IU'] as const;
export const CARBOHYDRATE_UNITS = ['g'] as const;
// A person's height: metres canonical (the SI unit, as distance), centimetres and inches as sources write it.
export const HEIGHT_UNITS = ['m', 'cm', 'in', '[in_i]', 'ft', '[ft_i]'] as const;
export const BMI_UNITS = ['kg/m2'] as const;

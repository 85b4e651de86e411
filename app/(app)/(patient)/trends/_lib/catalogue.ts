// The trend pages' view of the health types: groups, names, and related types to switch to.
import { typeLabel } from '@/lib/format/health';
import type { HealthType } from '@/lib/health';

export const TREND_GROUPS: { title: string; types: HealthType[] }[] = [
  { title: 'Activity', types: ['STEPS', 'DISTANCE', 'ACTIVE_ENERGY', 'WORKOUT'] },
  { title: 'Heart and lungs', types: ['HEART_RATE', 'RESTING_HEART_RATE', 'BLOOD_PRESSURE_SYSTOLIC', 'BLOOD_PRESSURE_DIASTOLIC', 'OXYGEN_SATURATION', 'RESPIRATORY_RATE'] },
  { title: 'Sleep', types: ['SLEEP_STATE', 'SLEEP_ANALYSIS'] },
  { title: 'Body', types: ['WEIGHT', 'BODY_FAT', 'HEIGHT', 'BMI', 'BODY_TEMPERATURE', 'MENSTRUAL_FLOW'] },
  { title: 'Glucose and diabetes', types: ['BLOOD_GLUCOSE', 'INSULIN', 'CARBOHYDRATES'] },
];

/** Types only some patients have (diabetes treatment; height and BMI from clinical records): shown when there is data, never listed as missing. */
export const OPTIONAL_TREND_TYPES: ReadonlySet<HealthType> = new Set(['INSULIN', 'CARBOHYDRATES', 'HEIGHT', 'BMI']);

export const TREND_TYPES: HealthType[] = TREND_GROUPS.flatMap((g) => g.types);

/** Two sleep types share the catalogue name "Sleep": tell them apart. */
export function trendLabel(type: HealthType): string {
  if (type === 'SLEEP_STATE') return 'Sleep (asleep time)';
  if (type === 'SLEEP_ANALYSIS') return 'Sleep (reported totals)';
  if (type === 'WORKOUT') return 'Workouts';
  if (type === 'INSULIN') return 'Insulin (total per day)';
  return typeLabel(type);
}

const RELATED: Partial<Record<HealthType, HealthType[]>> = {
  BLOOD_PRESSURE_SYSTOLIC: ['BLOOD_PRESSURE_DIASTOLIC'],
  BLOOD_PRESSURE_DIASTOLIC: ['BLOOD_PRESSURE_SYSTOLIC'],
  HEART_RATE: ['RESTING_HEART_RATE'],
  RESTING_HEART_RATE: ['HEART_RATE'],
  SLEEP_STATE: ['SLEEP_ANALYSIS'],
  SLEEP_ANALYSIS: ['SLEEP_STATE'],
  WEIGHT: ['BODY_FAT', 'BMI'],
  BMI: ['WEIGHT', 'HEIGHT'],
  HEIGHT: ['BMI'],
  BODY_FAT: ['WEIGHT'],
  STEPS: ['DISTANCE', 'ACTIVE_ENERGY'],
  INSULIN: ['CARBOHYDRATES', 'BLOOD_GLUCOSE'],
  CARBOHYDRATES: ['INSULIN', 'BLOOD_GLUCOSE'],
};

export function relatedTypes(type: HealthType): HealthType[] {
  return RELATED[type] ?? [];
}

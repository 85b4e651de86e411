// The trend pages' view of the health types: groups, names, and related types to switch to.
import { typeLabelIn } from '@/lib/format/health';
import type { HealthType } from '@/lib/health';
import type { Locale } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/messages';

/** `id` names the group's heading in messages (trends.groups), `title` is its English. */
export const TREND_GROUPS: { id: 'activity' | 'heart' | 'sleep' | 'body' | 'glucose'; title: string; types: HealthType[] }[] = [
  { id: 'activity', title: 'Activity', types: ['STEPS', 'DISTANCE', 'ACTIVE_ENERGY', 'WORKOUT'] },
  { id: 'heart', title: 'Heart and lungs', types: ['HEART_RATE', 'RESTING_HEART_RATE', 'BLOOD_PRESSURE_SYSTOLIC', 'BLOOD_PRESSURE_DIASTOLIC', 'OXYGEN_SATURATION', 'RESPIRATORY_RATE'] },
  { id: 'sleep', title: 'Sleep', types: ['SLEEP_STATE', 'SLEEP_ANALYSIS'] },
  { id: 'body', title: 'Body', types: ['WEIGHT', 'BODY_FAT', 'HEIGHT', 'BMI', 'BODY_TEMPERATURE', 'MENSTRUAL_FLOW'] },
  { id: 'glucose', title: 'Glucose and diabetes', types: ['BLOOD_GLUCOSE', 'INSULIN', 'CARBOHYDRATES'] },
];

/** Types only some patients have (diabetes treatment; height and BMI from clinical records): shown when there is data, never listed as missing. */
export const OPTIONAL_TREND_TYPES: ReadonlySet<HealthType> = new Set(['INSULIN', 'CARBOHYDRATES', 'HEIGHT', 'BMI']);

export const TREND_TYPES: HealthType[] = TREND_GROUPS.flatMap((g) => g.types);

/** Two sleep types share the catalogue name "Sleep": tell them apart. In the reader's language. */
export function trendLabel(type: HealthType, locale: Locale = 'en'): string {
  if (type === 'SLEEP_STATE' || type === 'SLEEP_ANALYSIS' || type === 'WORKOUT' || type === 'INSULIN') return translator(locale, 'trends')(`labels.${type}`);
  return typeLabelIn(type, locale);
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

// One emergency reading as text for one reader: glucose in their unit, blood pressure in mmHg (a crisis
// may be seen on one number alone when its partner reading is missing), in the reader's language and
// digits (English when not given). Client-safe.
import { DEFAULT_LOCALE, type Locale } from '../i18n/locales';
import { translator } from '../i18n/messages';
import { formatValue, numberLocale, type UnitPreferences } from './health';

export type EmergencyKindName = 'GLUCOSE_LOW' | 'GLUCOSE_HIGH' | 'BLOOD_PRESSURE_CRISIS' | 'MISSED_MEDICATION';

/** A blood pressure figure, whole, in the locale's digits. */
export const mmHg = (value: number, locale: Locale = DEFAULT_LOCALE) => new Intl.NumberFormat(numberLocale(locale), { maximumFractionDigits: 0, useGrouping: false }).format(Math.round(value));

/** "45 mg/dL", "2.5 mmol/L", "185/95 mmHg", "systolic 185 mmHg", "2 doses missed in a row". */
export function emergencyReading(kind: EmergencyKindName, d: Record<string, number>, units: UnitPreferences, locale: Locale = DEFAULT_LOCALE): string {
  const t = translator(locale, 'emergencies');
  if (kind === 'MISSED_MEDICATION') return t('reading.missed', { count: d.missed ?? 2 });
  if (kind !== 'BLOOD_PRESSURE_CRISIS') return formatValue('BLOOD_GLUCOSE', d.mgdl ?? 0, units, locale);
  if (d.systolic !== undefined && d.diastolic !== undefined) return t('reading.bloodPressure', { systolic: mmHg(d.systolic, locale), diastolic: mmHg(d.diastolic, locale) });
  return d.systolic !== undefined ? t('reading.systolic', { value: mmHg(d.systolic, locale) }) : t('reading.diastolic', { value: mmHg(d.diastolic ?? 0, locale) });
}

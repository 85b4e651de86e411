// One emergency reading as text for one reader: glucose in their unit, blood pressure in mmHg (a crisis
// may be seen on one number alone when its partner reading is missing). Client-safe.
import { formatValue, type UnitPreferences } from './health';

export type EmergencyKindName = 'GLUCOSE_LOW' | 'GLUCOSE_HIGH' | 'BLOOD_PRESSURE_CRISIS' | 'MISSED_MEDICATION';

/** "45 mg/dL", "2.5 mmol/L", "185/95 mmHg", "systolic 185 mmHg", "2 doses missed in a row". */
export function emergencyReading(kind: EmergencyKindName, d: Record<string, number>, units: UnitPreferences): string {
  if (kind === 'MISSED_MEDICATION') return `${d.missed ?? 2} doses missed in a row`;
  if (kind !== 'BLOOD_PRESSURE_CRISIS') return formatValue('BLOOD_GLUCOSE', d.mgdl ?? 0, units);
  if (d.systolic !== undefined && d.diastolic !== undefined) return `${Math.round(d.systolic)}/${Math.round(d.diastolic)} mmHg`;
  return d.systolic !== undefined ? `systolic ${Math.round(d.systolic)} mmHg` : `diastolic ${Math.round(d.diastolic ?? 0)} mmHg`;
}

// Client-safe display of health values: labels, display units (the user's preferences), rounding.
import { fromCanonical, getHealthType, isCategoryType, type HealthType } from '../health';

export type UnitPreferences = { glucoseUnit: 'MG_DL' | 'MMOL_L'; weightUnit: 'KG' | 'LB'; distanceUnit: 'KM' | 'MI'; temperatureUnit: 'CELSIUS' | 'FAHRENHEIT' };
export const DEFAULT_UNITS: UnitPreferences = { glucoseUnit: 'MG_DL', weightUnit: 'KG', distanceUnit: 'KM', temperatureUnit: 'CELSIUS' };

/** The unit a value of this type is shown in, and its label. */
export function displayUnit(type: HealthType, prefs: UnitPreferences = DEFAULT_UNITS): { unit: string; label: string } {
  switch (type) {
    case 'BLOOD_GLUCOSE':
      return prefs.glucoseUnit === 'MMOL_L' ? { unit: 'mmol/L', label: 'mmol/L' } : { unit: 'mg/dL', label: 'mg/dL' };
    case 'WEIGHT':
      return prefs.weightUnit === 'LB' ? { unit: 'lb', label: 'lb' } : { unit: 'kg', label: 'kg' };
    case 'DISTANCE':
      return prefs.distanceUnit === 'MI' ? { unit: 'mi', label: 'mi' } : { unit: 'km', label: 'km' };
    case 'BODY_TEMPERATURE':
      return prefs.temperatureUnit === 'FAHRENHEIT' ? { unit: '[degF]', label: '°F' } : { unit: 'Cel', label: '°C' };
    case 'HEART_RATE':
    case 'RESTING_HEART_RATE':
      return { unit: 'count/min', label: 'bpm' };
    case 'RESPIRATORY_RATE':
      return { unit: 'count/min', label: 'breaths/min' };
    case 'BLOOD_PRESSURE_SYSTOLIC':
    case 'BLOOD_PRESSURE_DIASTOLIC':
      return { unit: 'mm[Hg]', label: 'mmHg' };
    case 'STEPS':
      return { unit: 'count', label: 'steps' };
    default: {
      const def = getHealthType(type);
      return { unit: def.canonicalUnit, label: isCategoryType(type) ? 'min' : def.canonicalUnit };
    }
  }
}

export function toDisplay(type: HealthType, canonical: number, prefs: UnitPreferences = DEFAULT_UNITS): number {
  const { unit } = displayUnit(type, prefs);
  return unit === getHealthType(type).canonicalUnit ? canonical : fromCanonical(type, canonical, unit);
}

const DECIMALS: Partial<Record<string, number>> = { 'mmol/L': 1, kg: 1, lb: 1, km: 2, mi: 2, '°C': 1, '°F': 1, '%': 0 };

/** The number alone, in the reader's unit at that unit's precision: glucose 70 → "70" or "3.9". */
export function formatNumber(type: HealthType, canonical: number, prefs: UnitPreferences = DEFAULT_UNITS): string {
  const decimals = DECIMALS[displayUnit(type, prefs).label] ?? 0;
  return toDisplay(type, canonical, prefs).toLocaleString('en-US', { maximumFractionDigits: decimals, minimumFractionDigits: decimals });
}

export function formatValue(type: HealthType, canonical: number, prefs: UnitPreferences = DEFAULT_UNITS): string {
  const { label } = displayUnit(type, prefs);
  if (label === 'min' && (type === 'SLEEP_STATE' || type === 'SLEEP_ANALYSIS')) {
    const value = toDisplay(type, canonical, prefs);
    return `${Math.floor(value / 60)} h ${Math.round(value % 60)} min`;
  }
  return `${formatNumber(type, canonical, prefs)} ${label}`;
}

export function typeLabel(type: HealthType): string {
  return type === 'SLEEP_STATE' ? 'Sleep' : getHealthType(type).displayName;
}

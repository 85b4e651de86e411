// Client-safe display of health values: labels, display units (the user's preferences), rounding.
import { fromCanonical, getHealthType, isCategoryType, type HealthType } from '../health';
import { displayDecimals, roundForDisplay } from '../health/precision';

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
    case 'INSULIN':
      return { unit: '[iU]', label: 'U' }; // UCUM's [iU] is what pumps and pens call U
    case 'HEIGHT':
      return prefs.distanceUnit === 'MI' ? { unit: 'in', label: 'in' } : { unit: 'cm', label: 'cm' };
    case 'BMI':
      return { unit: 'kg/m2', label: 'kg/m²' };
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

/** A canonical value in the reader's unit, rounded to what that unit is shown with (lib/health/precision). */
export function toDisplayRounded(type: HealthType, canonical: number, prefs: UnitPreferences = DEFAULT_UNITS): number {
  return roundForDisplay(type, toDisplay(type, canonical, prefs), displayUnit(type, prefs).unit);
}

/** The number alone, in the reader's unit at that unit's precision: glucose 70 → "70" or "3.9". */
export function formatNumber(type: HealthType, canonical: number, prefs: UnitPreferences = DEFAULT_UNITS): string {
  const decimals = displayDecimals(type, displayUnit(type, prefs).unit);
  return toDisplayRounded(type, canonical, prefs).toLocaleString('en-US', { maximumFractionDigits: decimals, minimumFractionDigits: decimals });
}

export function formatValue(type: HealthType, canonical: number, prefs: UnitPreferences = DEFAULT_UNITS): string {
  const { label } = displayUnit(type, prefs);
  if (label === 'min' && (type === 'SLEEP_STATE' || type === 'SLEEP_ANALYSIS')) {
    // Whole minutes first, so 119.6 min reads "2 h 0 min", never "1 h 60 min".
    const minutes = Math.round(canonical);
    return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
  }
  const text = formatNumber(type, canonical, prefs);
  return `${text} ${text === '1' && label === 'steps' ? 'step' : label}`;
}

export function typeLabel(type: HealthType): string {
  return type === 'SLEEP_STATE' ? 'Sleep' : getHealthType(type).displayName;
}

// Client-safe display of health values: labels, display units (the user's preferences), rounding.
import { fromCanonical, getHealthType, isCategoryType, type HealthType } from '../health';
import { displayDecimals, roundForDisplay } from '../health/precision';
import { intlLocale, type Locale } from '../i18n/locales';
import { translator } from '../i18n/messages';

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

/**
 * The tag numbers are formatted with: English keeps 'en-US' (what every English page showed before
 * issue 21), the Indian languages lakh grouping and, for Bengali and Marathi, their own digits.
 */
export function numberLocale(locale: Locale = 'en'): string {
  return locale === 'en' ? 'en-US' : intlLocale(locale);
}

const DIGITS = new Map<Locale, string[]>();
/** Latin digits in `text` ("07:10") written in the locale's digits ("०७:१०" in Marathi); unchanged where Latin is the convention. */
export function localDigits(text: string, locale: Locale = 'en'): string {
  if (locale === 'en') return text;
  let digits = DIGITS.get(locale);
  if (!digits) {
    const nf = new Intl.NumberFormat(intlLocale(locale), { useGrouping: false });
    digits = Array.from({ length: 10 }, (_, d) => nf.format(d));
    DIGITS.set(locale, digits);
  }
  const table = digits;
  return text.replace(/[0-9]/g, (d) => table[Number(d)]!);
}

/** The number alone, in the reader's unit at that unit's precision: glucose 70 → "70" or "3.9". */
export function formatNumber(type: HealthType, canonical: number, prefs: UnitPreferences = DEFAULT_UNITS, locale: Locale = 'en'): string {
  const decimals = displayDecimals(type, displayUnit(type, prefs).unit);
  return toDisplayRounded(type, canonical, prefs).toLocaleString(numberLocale(locale), { maximumFractionDigits: decimals, minimumFractionDigits: decimals });
}

/** The words among the unit labels (symbols such as mg/dL, kg, bpm stay as they are in every language). */
function unitLabel(label: string, value: number, locale: Locale): string {
  if (locale === 'en') return value === 1 && label === 'steps' ? 'step' : label;
  const t = translator(locale, 'types');
  if (label === 'steps') return t('units.steps', { count: value });
  if (label === 'breaths/min') return t('units.breathsPerMin');
  return label;
}

export function formatValue(type: HealthType, canonical: number, prefs: UnitPreferences = DEFAULT_UNITS, locale: Locale = 'en'): string {
  const { label } = displayUnit(type, prefs);
  if (label === 'min' && (type === 'SLEEP_STATE' || type === 'SLEEP_ANALYSIS')) {
    // Whole minutes first, so 119.6 min reads "2 h 0 min", never "1 h 60 min".
    const minutes = Math.round(canonical);
    return localDigits(`${Math.floor(minutes / 60)} h ${minutes % 60} min`, locale);
  }
  const text = formatNumber(type, canonical, prefs, locale);
  return `${text} ${unitLabel(label, text === '1' ? 1 : toDisplayRounded(type, canonical, prefs), locale)}`;
}

export function typeLabel(type: HealthType): string {
  return type === 'SLEEP_STATE' ? 'Sleep' : getHealthType(type).displayName;
}

/** The type's name in the reader's language (English: typeLabel, the catalogue's display name). */
export function typeLabelIn(type: HealthType, locale: Locale): string {
  return locale === 'en' ? typeLabel(type) : translator(locale, 'types')(`names.${type}`);
}

// Lab texts shared by the labs pages and the clinic report: a result's test name, its value in its unit
// (UCUM annotations such as {1.73_m2} made readable) and the note on an HbA1c without a GMI, in the
// reader's language and digits (English when not given). Client-safe.
import { localDigits } from './health';
import type { Locale } from '../i18n/locales';
import { translator, type Messages } from '../i18n/messages';

/**
 * A result's test name: a lab the product knows (its registry key, whichever of its LOINC codes the
 * result carries) in the reader's language; English, and any lab it does not know, keep the source's own
 * name (a lab's or an imported record's, more precise than the short name).
 */
export function labName(result: { lab: string | null; display: string }, locale: Locale = 'en'): string {
  if (locale === 'en' || result.lab === null) return result.display;
  // The reader's own messages: in the browser they are the only ones there are (lib/i18n/catalogue.browser.ts).
  const t = translator(locale, 'labs');
  const key = `names.${result.lab}` as `names.${keyof Messages['labs']['names']}`;
  return t.has(key) ? t(key) : result.display;
}

/** Why an HbA1c has no GMI beside it, in the reader's language. */
export function gmiCoverageNote(gmi: { coveredDays: number; windowDays: number; minCoveredDays: number }, locale: Locale = 'en'): string {
  const n = (v: number) => localDigits(String(v), locale);
  return translator(locale, 'labs')('gmi.coverage', { covered: n(gmi.coveredDays), window: n(gmi.windowDays), min: n(gmi.minCoveredDays) });
}

const UNIT_LABELS: Readonly<Record<string, string>> = { 'mL/min/{1.73_m2}': 'mL/min/1.73 m²', 'umol/L': 'µmol/L', 'kg/m2': 'kg/m²', '{score}': '', '{SG}': '', '[pH]': '' };

export function labUnitLabel(unit: string): string {
  return Object.hasOwn(UNIT_LABELS, unit) ? UNIT_LABELS[unit]! : unit.replace(/\{([^}]*)\}/g, '$1');
}

/** Up to 3 significant decimals, no trailing zeros, with the unit. */
export function formatLabValue(value: number, unit: string, locale: Locale = 'en'): string {
  const text = localDigits(Number.isInteger(value) ? String(value) : String(Number(value.toFixed(Math.abs(value) >= 10 ? 1 : Math.abs(value) >= 1 ? 2 : 3))), locale);
  const label = labUnitLabel(unit);
  return label ? `${text} ${label}` : text;
}

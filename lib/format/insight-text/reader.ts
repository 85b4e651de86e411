// Who an insight's text is written for: the patient ("You took…"), a caregiver (the patient by name)
// or a doctor (neutral, clinical), in the reader's language. Units and language are the reader's own
// preferences, never the patient's.
import { DEFAULT_LOCALE, type Locale } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/messages';
import { numberLocale, type UnitPreferences } from '../health';

export type InsightAudience = 'patient' | 'caregiver' | 'doctor';
/** `locale`: the reader's language (English when not given). */
export type InsightReader =
  | { audience: 'patient'; units: UnitPreferences; locale?: Locale }
  | { audience: 'caregiver'; units: UnitPreferences; patientName: string; locale?: Locale }
  | { audience: 'doctor'; units: UnitPreferences; locale?: Locale };

export type InsightText = { title: string; body: string };

export const localeOf = (reader: InsightReader): Locale => reader.locale ?? DEFAULT_LOCALE;

/** `t` of the insights namespace in the reader's language. */
export const insightT = (reader: InsightReader) => translator(localeOf(reader), 'insights');

/** Picks the wording for the reader's audience; the caregiver's gets the patient's name. */
export function byAudience(reader: InsightReader, texts: { patient: string; caregiver: (name: string) => string; doctor: string }): string {
  switch (reader.audience) {
    case 'patient':
      return texts.patient;
    case 'caregiver':
      return texts.caregiver(reader.patientName);
    case 'doctor':
      return texts.doctor;
  }
}

/** The values an audience-keyed message takes: the caregiver's gets the patient's name. */
export const audienceValues = (reader: InsightReader) => (reader.audience === 'caregiver' ? { name: reader.patientName } : {});

/** The rule's numbers, or null when one is missing (a row written by an older rule): never "NaN %". */
export function readNumbers<K extends string>(data: unknown, keys: readonly K[]): Record<K, number> | null {
  if (typeof data !== 'object' || data === null) return null;
  const out = {} as Record<K, number>;
  for (const key of keys) {
    const value = (data as Record<string, unknown>)[key];
    if (typeof value !== 'number' || !Number.isFinite(value)) return null;
    out[key] = value;
  }
  return out;
}

const PERCENT = new Map<Locale, Intl.NumberFormat>();

/** 75 → "75 %", 3.84 → "3.8 %" (the rules keep one decimal), in the locale's digits ("৭৫ %" in Bengali). */
export function formatPercent(value: number, locale: Locale = DEFAULT_LOCALE): string {
  let format = PERCENT.get(locale);
  if (!format) PERCENT.set(locale, (format = new Intl.NumberFormat(numberLocale(locale), { maximumFractionDigits: 1 })));
  return `${format.format(value)} %`;
}

/** A count as the locale writes it: 7412.6 → "7,413" (English), "७,४१३" (Marathi). */
export const formatCountIn = (value: number, locale: Locale) => new Intl.NumberFormat(numberLocale(locale), { maximumFractionDigits: 0 }).format(Math.round(value));

// Who an insight's text is written for: the patient ("You took…"), a caregiver (the patient by name)
// or a doctor (neutral, clinical). Units are the reader's own preferences, never the patient's.
import type { UnitPreferences } from '../health';

export type InsightAudience = 'patient' | 'caregiver' | 'doctor';
export type InsightReader =
  | { audience: 'patient'; units: UnitPreferences }
  | { audience: 'caregiver'; units: UnitPreferences; patientName: string }
  | { audience: 'doctor'; units: UnitPreferences };

export type InsightText = { title: string; body: string };

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

const PERCENT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** 75 → "75 %", 3.84 → "3.8 %" (the rules keep one decimal). */
export const formatPercent = (value: number) => `${PERCENT.format(value)} %`;

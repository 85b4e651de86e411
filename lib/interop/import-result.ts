// What every importer returns per source item (a data point, an Observation, an Apple record): samples
// that passed the same validation as a device sync, a skip (valid but deliberately not stored, e.g. a
// cancelled Observation) or a rejection, each with a reason a person can act on.
import { validateSample, type NormalizedSample } from '../ingest/validate-sample';
import type { RecordItem } from './fhir-record';

/** A sample in the device-sync shape (lib/ingest/validate-sample.ts), before validation. */
export type RawSample = {
  type: string;
  value: number | string;
  unit?: string;
  startDate: string;
  endDate: string;
  clientRecordId?: string;
  version?: number;
  metadata?: Record<string, unknown>;
  /** Types with kinds (INSULIN): the kind, if the source names one. */
  category?: string;
};

/**
 * A LOINC-coded quantitative result that is no health type (a lab, a score): stored in lab_results.
 * Value and range in `unit` (UCUM), as the source wrote them.
 */
export type LabObservation = {
  loinc: string;
  display: string;
  value: number;
  unit: string;
  referenceLow: number | null;
  referenceHigh: number | null;
  effectiveMs: number;
  sourceId: string | null;
};

export type ItemResult =
  // An item may be accepted in part (a panel's good components), its refused parts named in `refused`.
  | { status: 'accepted'; samples: NormalizedSample[]; labs?: LabObservation[]; records?: RecordItem[]; refused?: string[] }
  | { status: 'skipped'; reason: string }
  | { status: 'rejected'; reason: string };

export type ImportReport = {
  samples: NormalizedSample[];
  labs: LabObservation[];
  /** Conditions, allergies and prescriptions (FHIR: fhir-record.ts). */
  records: RecordItem[];
  skipped: { index: number; reason: string }[];
  rejected: { index: number; reason: string }[];
};

export const rejected = (reason: string): ItemResult => ({ status: 'rejected', reason });
export const skipped = (reason: string): ItemResult => ({ status: 'skipped', reason });

/** All samples of one item pass validation or the whole item is rejected (a BP reading is never half stored). */
export function validateItem(raws: readonly RawSample[], nowMs: number): ItemResult {
  const samples: NormalizedSample[] = [];
  for (const raw of raws) {
    const result = validateSample(raw, nowMs);
    if (!result.ok) return rejected(`${raw.type}: ${result.field} ${result.reason}`);
    samples.push(result.sample);
  }
  return { status: 'accepted', samples };
}

export function collectReport(results: readonly ItemResult[]): ImportReport {
  const report: ImportReport = { samples: [], labs: [], records: [], skipped: [], rejected: [] };
  results.forEach((result, index) => {
    if (result.status === 'accepted') {
      report.samples.push(...result.samples);
      report.labs.push(...(result.labs ?? []));
      report.records.push(...(result.records ?? []));
      for (const reason of result.refused ?? []) report.rejected.push({ index, reason });
    } else report[result.status].push({ index, reason: result.reason });
  });
  return report;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// Nightscout entries ⇄ our samples, pure. An uploaded entry (type sgv, mbg or cal) becomes a sync-batch
// sample of its uploader: `sgv` is CGM glucose (interstitial), `mbg` a meter reading (blood), both in
// mg/dL; the instant is `dateString` when it parses, else `date` (ms), as cgm-remote-monitor derives
// sysTime. The record id `<type>:<instant ms>` makes a re-upload of the same {instant, type} by the same
// uploader an exact duplicate (layer 1 of dedup.md). Trend and noise are kept in the sample's metadata.
import { createHash } from 'node:crypto';
import type { Rejection } from '../ingest/validate-sample';

export type EntryType = 'sgv' | 'mbg' | 'cal';
export const STORED_TYPES = ['sgv', 'mbg'] as const;

/** A sample in the sync batch's input shape (lib/ingest/validate-sample.ts validates it). */
export type SampleInput = { type: 'BLOOD_GLUCOSE'; value: number; unit: 'mg/dL'; startDate: string; endDate: string; clientRecordId: string; metadata: Record<string, unknown> };

export type ParsedEntry =
  | { ok: true; kind: 'sample'; uploader: string; entryType: 'sgv' | 'mbg'; ms: number; sample: SampleInput }
  | { ok: true; kind: 'calibration'; uploader: string; ms: number }
  | { ok: false; rejection: Omit<Rejection, 'index'> };

const fail = (field: string, reason: string): ParsedEntry => ({ ok: false, rejection: { field, reason } });
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
// ISO-8601 with a time; a bare number string is a `date` in ms, not a dateString.
const ISO_WITH_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function numberOf(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v)) return Number(v);
  return null;
}

/** The entry's instant in ms: `dateString` when it parses, else `date`. */
export function entryInstant(entry: Record<string, unknown>): number | null {
  const { dateString, date } = entry;
  if (typeof dateString === 'string' && ISO_WITH_TIME.test(dateString)) {
    // xDrip+ formats the offset as +0100 (Java's `Z`); ISO-8601 as Date.parse reads it wants +01:00.
    const ms = Date.parse(dateString.trim().replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
    if (Number.isFinite(ms)) return ms;
  }
  // Loop sends `date` as a Double (seconds × 1000): whole milliseconds are the instant.
  const ms = numberOf(date);
  return ms !== null && ms > 0 ? Math.round(ms) : null;
}

/** Who uploaded it: the entry's `device`, else `enteredBy`; uploaders that name neither share one source. */
export function uploaderOf(entry: Record<string, unknown>): string {
  for (const key of ['device', 'enteredBy']) {
    const v = entry[key];
    if (typeof v === 'string' && v.trim()) return v.trim().slice(0, 100);
  }
  return 'unknown';
}

const TREND_FIELDS = ['direction', 'trend', 'noise', 'filtered', 'unfiltered', 'rssi', 'delta'] as const;

export function parseEntry(entry: unknown): ParsedEntry {
  if (!isObject(entry)) return fail('(entry)', 'must be an object');
  const { type } = entry;
  if (type !== 'sgv' && type !== 'mbg' && type !== 'cal') return fail('type', 'must be sgv, mbg or cal');
  const ms = entryInstant(entry);
  if (ms === null) return fail('date', 'needs a dateString with a time or a date in ms');
  const uploader = uploaderOf(entry);
  // Calibrations (slope, intercept, scale) are acknowledged, as cgm-remote-monitor stores them, but hold
  // no reading of the patient: nothing of the product reads them (yet).
  if (type === 'cal') return { ok: true, kind: 'calibration', uploader, ms };
  const value = numberOf(entry[type]);
  if (value === null) return fail(type, 'must be a number (or a string of one)');
  const at = new Date(ms).toISOString();
  const nightscout: Record<string, unknown> = { type };
  if (type === 'sgv') for (const key of TREND_FIELDS) if (entry[key] !== undefined && entry[key] !== null) nightscout[key] = entry[key];
  const sample: SampleInput = {
    type: 'BLOOD_GLUCOSE',
    value,
    unit: 'mg/dL',
    startDate: at,
    endDate: at,
    clientRecordId: `${type}:${ms}`,
    metadata: { specimen_source: type === 'sgv' ? 'interstitial fluid' : 'blood', nightscout },
  };
  return { ok: true, kind: 'sample', uploader, entryType: type, ms, sample };
}

/**
 * The entry's `_id`: 24 hex digits like a MongoDB ObjectId (clients check the shape), its first 8 the
 * instant in seconds, the rest from the uploader device and the record id, so the same reading always
 * has the same id, on upload and on every read.
 */
export function entryId(deviceId: string, recordId: string, ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000)).toString(16).padStart(8, '0').slice(-8);
  return seconds + createHash('sha256').update(`${deviceId}|${recordId}`).digest('hex').slice(0, 16);
}

export type StoredReading = { deviceId: string; uploader: string; entryType: 'sgv' | 'mbg'; ms: number; value: number; recordId: string; nightscout: Record<string, unknown> };

/** A stored reading as cgm-remote-monitor answers an entry: `date` is the instant, in ms. */
export function toEntry(r: StoredReading) {
  const iso = new Date(r.ms).toISOString();
  const base = { _id: entryId(r.deviceId, r.recordId, r.ms), type: r.entryType, date: r.ms, dateString: iso, sysTime: iso, utcOffset: 0, device: r.uploader };
  if (r.entryType === 'mbg') return { ...base, mbg: r.value };
  const { direction, noise, filtered, unfiltered, rssi, delta, trend } = r.nightscout;
  const arrow = typeof direction === 'string' ? direction : 'NONE';
  // Loop's reader requires a numeric `trend`: the one sent, else the one of the direction.
  const trendNumber = typeof trend === 'number' ? trend : (TRENDS[arrow] ?? 0);
  return { ...base, sgv: Math.round(r.value), direction: arrow, trend: trendNumber, noise, filtered, unfiltered, rssi, delta };
}

// Nightscout's trend numbers of each direction (lib/plugins/direction.js in cgm-remote-monitor).
const TRENDS: Record<string, number> = {
  NONE: 0,
  DoubleUp: 1,
  SingleUp: 2,
  FortyFiveUp: 3,
  Flat: 4,
  FortyFiveDown: 5,
  SingleDown: 6,
  DoubleDown: 7,
  'NOT COMPUTABLE': 8,
  'RATE OUT OF RANGE': 9,
};

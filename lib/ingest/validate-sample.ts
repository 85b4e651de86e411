// Validates one incoming sample and normalizes it to canonical units. Never throws: a bad sample becomes
// a rejection naming the field and the reason, so the good samples of the batch are still stored.
import {
  canonicalCategory, checkRange, getHealthType, glucoseSpecimen, hasKinds, isCategoryType, isHealthType, toCanonical, type HealthType,
} from '../health';
import { isStorableText, UNSTORABLE_TEXT } from '../http/text';
import { parseIsoMs } from './iso-date';

export type NormalizedSample = {
  type: HealthType;
  startMs: number;
  endMs: number;
  value: number; // canonical unit; for category types, the interval's duration in minutes
  /**
   * Category types: the catalogue's label (aliases mapped). Types with kinds (INSULIN): the kind the sample
   * names, if any. Glucose: its specimen where the metadata names one.
   */
  category: string | null;
  clientRecordId: string | null;
  version: number | null;
  metadata: string | null; // JSON text
};

export type Rejection = { index: number; field: string; reason: string };
export type SampleResult = { ok: true; sample: NormalizedSample } | { ok: false; field: string; reason: string };

const EARLIEST_MS = Date.UTC(1970, 0, 1);
const CLOCK_SKEW_MS = 10 * 60 * 1000;
const MAX_METADATA_BYTES = 4096;
const MAX_RECORD_ID_LENGTH = 256;

const fail = (field: string, reason: string): SampleResult => ({ ok: false, field, reason });

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const MAX_METADATA_DEPTH = 8;

function hasOnlyStorableText(value: unknown, depth: number): boolean {
  if (typeof value === 'string') return isStorableText(value);
  if (typeof value !== 'object' || value === null) return true;
  if (depth > MAX_METADATA_DEPTH) return false;
  const entries = Array.isArray(value) ? value.map((v) => ['', v] as const) : Object.entries(value);
  return entries.every(([key, v]) => isStorableText(key) && hasOnlyStorableText(v, depth + 1));
}

function checkMetadata(value: unknown): { ok: true; json: string | null } | { ok: false; reason: string } {
  if (value === undefined || value === null) return { ok: true, json: null };
  if (!isPlainObject(value)) return { ok: false, reason: 'must be a JSON object' };
  if (!hasOnlyStorableText(value, 0)) {
    return { ok: false, reason: `must nest at most ${MAX_METADATA_DEPTH} levels and contain no NUL or unpaired surrogate characters` };
  }
  const json = JSON.stringify(value);
  if (Buffer.byteLength(json) > MAX_METADATA_BYTES) return { ok: false, reason: `must be at most ${MAX_METADATA_BYTES} bytes` };
  return { ok: true, json };
}

export function validateSample(input: unknown, nowMs: number): SampleResult {
  if (!isPlainObject(input)) return fail('(sample)', 'must be an object');
  const { type, value, unit, startDate, endDate, clientRecordId, version, metadata, category: kind } = input;

  if (typeof type !== 'string' || !isHealthType(type)) return fail('type', 'is not a known health type');
  const definition = getHealthType(type);

  const startMs = parseIsoMs(startDate);
  if (typeof startMs !== 'number') return fail('startDate', startMs.reason);
  const endMs = parseIsoMs(endDate);
  if (typeof endMs !== 'number') return fail('endDate', endMs.reason);
  if (startMs < EARLIEST_MS) return fail('startDate', 'must not be before 1970-01-01');
  if (endMs < startMs) return fail('endDate', 'must not be before startDate');
  if (endMs > nowMs + CLOCK_SKEW_MS) return fail('endDate', 'must not be in the future');
  if (endMs - startMs > definition.maxDurationSeconds * 1000) {
    return fail('endDate', `interval longer than ${definition.maxDurationSeconds} s is not plausible for ${type}`);
  }

  let canonical: number;
  let category: string | null = null;
  if (isCategoryType(type)) {
    const label = typeof value === 'string' ? canonicalCategory(type, value) : null;
    if (label === null) {
      const aliases = Object.keys(definition.categoryAliases ?? {});
      return fail('value', `must be one of: ${definition.categoryValues?.join(', ')}${aliases.length ? ` (or ${aliases.join(', ')})` : ''}`);
    }
    category = label;
    canonical = (endMs - startMs) / 60_000;
  } else {
    if (typeof value !== 'number' || !Number.isFinite(value)) return fail('value', 'must be a finite number');
    if (typeof unit !== 'string') return fail('unit', `is required (accepted: ${definition.acceptedUnits.join(', ')})`);
    // The refusal echoes the unit: text PostgreSQL cannot hold would fail the idempotency record's jsonb.
    if (!isStorableText(unit)) return fail('unit', UNSTORABLE_TEXT);
    const converted = toCanonical(type, value, unit);
    if (!converted.ok) return fail('unit', converted.reason);
    const outOfRange = checkRange(type, converted.value);
    if (outOfRange) return fail('value', outOfRange);
    canonical = converted.value;
    // A kind is optional (absent: unspecified); on types without kinds the field is ignored, as before.
    if (hasKinds(type) && kind !== undefined && kind !== null) {
      const label = typeof kind === 'string' ? canonicalCategory(type, kind) : null;
      if (label === null) return fail('category', `must be one of: ${definition.categoryValues?.join(', ')}`);
      category = label;
    }
  }

  if (clientRecordId !== undefined && clientRecordId !== null) {
    if (typeof clientRecordId !== 'string' || clientRecordId.length === 0 || clientRecordId.length > MAX_RECORD_ID_LENGTH) {
      return fail('clientRecordId', `must be a non-empty string of at most ${MAX_RECORD_ID_LENGTH} characters`);
    }
    if (!isStorableText(clientRecordId)) return fail('clientRecordId', UNSTORABLE_TEXT);
  }
  if (version !== undefined && version !== null) {
    if (!Number.isSafeInteger(version) || (version as number) < 0 || (version as number) > 2_147_483_647) {
      return fail('version', 'must be a non-negative 32-bit integer');
    }
    if (clientRecordId === undefined || clientRecordId === null) return fail('version', 'requires clientRecordId');
  }
  const meta = checkMetadata(metadata);
  if (!meta.ok) return fail('metadata', meta.reason);
  // The metadata is stored encrypted; dedup needs to know, in the clear, a CGM reading from a fingerstick.
  if (type === 'BLOOD_GLUCOSE' && isPlainObject(metadata)) category = glucoseSpecimen(metadata);

  return {
    ok: true,
    sample: {
      type,
      startMs,
      endMs,
      value: canonical,
      category,
      clientRecordId: (clientRecordId as string | undefined) ?? null,
      version: (version as number | undefined) ?? null,
      metadata: meta.json,
    },
  };
}

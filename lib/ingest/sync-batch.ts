// The sync request body: { samples: [...] } with at most MAX_SAMPLES entries. Each sample is validated on
// its own; exact duplicates inside one batch are folded here (layer 1 of dedup.md), the rest in SQL.
import { ApiError } from '../http/errors';
import { validateSample, type NormalizedSample, type Rejection } from './validate-sample';

export const MAX_SAMPLES = 5000;
export const MAX_BODY_BYTES = 8 * 1024 * 1024;

export type ParsedBatch = { samples: NormalizedSample[]; rejected: Rejection[]; duplicatesInBatch: number; received: number };

/** The layer-1 identity of a sample: the device's record id, else (type, start, end). */
export function sampleKey(sample: NormalizedSample): string {
  return sample.clientRecordId !== null
    ? `r:${sample.clientRecordId}`
    : `k:${sample.type}:${sample.startMs}:${sample.endMs}`;
}

export function parseSyncBatch(body: unknown, nowMs: number): ParsedBatch {
  if (typeof body !== 'object' || body === null || Array.isArray(body) || !('samples' in body)) {
    throw new ApiError('VALIDATION_ERROR', 'body must be an object with a "samples" array', [
      { field: 'samples', reason: 'is required' },
    ]);
  }
  const samples = (body as { samples: unknown }).samples;
  if (!Array.isArray(samples)) {
    throw new ApiError('VALIDATION_ERROR', '"samples" must be an array', [{ field: 'samples', reason: 'must be an array' }]);
  }
  if (samples.length === 0) {
    throw new ApiError('VALIDATION_ERROR', '"samples" must not be empty', [{ field: 'samples', reason: 'must not be empty' }]);
  }
  if (samples.length > MAX_SAMPLES) {
    throw new ApiError('PAYLOAD_TOO_LARGE', `at most ${MAX_SAMPLES} samples per request (got ${samples.length})`);
  }

  const rejected: Rejection[] = [];
  const byKey = new Map<string, NormalizedSample>();
  let duplicatesInBatch = 0;
  samples.forEach((input, index) => {
    const result = validateSample(input, nowMs);
    if (!result.ok) {
      rejected.push({ index, field: result.field, reason: result.reason });
      return;
    }
    const key = sampleKey(result.sample);
    const previous = byKey.get(key);
    if (previous) duplicatesInBatch += 1;
    // Of two copies of one record the higher version wins; equal versions keep the first.
    if (!previous || (result.sample.version ?? -1) > (previous.version ?? -1)) byKey.set(key, result.sample);
  });
  return { samples: [...byKey.values()], rejected, duplicatesInBatch, received: samples.length };
}

// Unit: the sync request body and layer-1 (exact duplicate) folding inside one batch (no I/O).
import { describe, expect, it } from 'vitest';
import { ApiError } from '../http/errors';
import { MAX_SAMPLES, parseSyncBatch, sampleKey } from './sync-batch';

const NOW = Date.UTC(2026, 10, 21, 12);
const hr = (value: number, at: string, extra: Record<string, unknown> = {}) => ({
  type: 'HEART_RATE', value, unit: 'count/min', startDate: at, endDate: at, ...extra,
});

function thrown(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected an ApiError');
}

describe('body shape', () => {
  it.each([
    ['null', null],
    ['an array', [hr(70, '2026-11-20T08:00:00Z')]],
    ['a string', 'samples'],
    ['an object without samples', { data: [] }],
  ])('answers 422 naming "samples" for %s', (_name, body) => {
    const error = thrown(() => parseSyncBatch(body, NOW));
    expect(error.code).toBe('VALIDATION_ERROR');
    expect(error.status).toBe(422);
    expect(error.details).toEqual([{ field: 'samples', reason: 'is required' }]);
  });

  it('answers 422 when samples is not an array or is empty', () => {
    expect(thrown(() => parseSyncBatch({ samples: { 0: hr(70, '2026-11-20T08:00:00Z') } }, NOW)).details).toEqual([
      { field: 'samples', reason: 'must be an array' },
    ]);
    expect(thrown(() => parseSyncBatch({ samples: [] }, NOW)).details).toEqual([{ field: 'samples', reason: 'must not be empty' }]);
  });

  it(`accepts ${MAX_SAMPLES} samples and answers 413 for one more`, () => {
    const at = (i: number) => new Date(Date.UTC(2026, 10, 15) + i * 60_000).toISOString();
    const full = Array.from({ length: MAX_SAMPLES }, (_, i) => hr(70, at(i)));
    expect(parseSyncBatch({ samples: full }, NOW).samples).toHaveLength(MAX_SAMPLES);
    const error = thrown(() => parseSyncBatch({ samples: [...full, hr(70, at(MAX_SAMPLES))] }, NOW));
    expect(error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(error.status).toBe(413);
  });
});

describe('per-sample results', () => {
  it('keeps the good samples and rejects the bad ones by their index in the request', () => {
    const batch = parseSyncBatch(
      { samples: [hr(70, '2026-11-20T08:00:00Z'), hr(999, '2026-11-20T08:01:00Z'), 'x', hr(71, '2026-11-20T08:02:00Z'), hr(72, 'yesterday')] },
      NOW,
    );
    expect(batch.received).toBe(5);
    expect(batch.samples.map((s) => s.value)).toEqual([70, 71]);
    expect(batch.rejected.map((r) => [r.index, r.field])).toEqual([
      [1, 'value'],
      [2, '(sample)'],
      [4, 'startDate'],
    ]);
    expect(batch.duplicatesInBatch).toBe(0);
  });

  it('rejects everything without throwing when every sample is bad', () => {
    const batch = parseSyncBatch({ samples: [hr(999, '2026-11-20T08:00:00Z'), {}] }, NOW);
    expect(batch.samples).toEqual([]);
    expect(batch.rejected.map((r) => r.index)).toEqual([0, 1]);
  });
});

describe('layer-1 duplicates inside one batch', () => {
  it('folds samples with the same type, start and end (whatever their values) and counts them', () => {
    const batch = parseSyncBatch(
      { samples: [hr(70, '2026-11-20T08:00:00Z'), hr(75, '2026-11-20T08:00:00Z'), hr(70, '2026-11-20T09:00:00+01:00'), hr(70, '2026-11-20T08:00:01Z')] },
      NOW,
    );
    expect(batch.samples.map((s) => s.value)).toEqual([70, 70]);
    expect(batch.duplicatesInBatch).toBe(2);
  });

  it('does not fold different types or different ends at the same start', () => {
    const steps = { type: 'STEPS', value: 10, unit: 'count', startDate: '2026-11-20T08:00:00Z', endDate: '2026-11-20T08:00:00Z' };
    const batch = parseSyncBatch({ samples: [hr(70, '2026-11-20T08:00:00Z'), steps, { ...steps, endDate: '2026-11-20T08:05:00Z' }] }, NOW);
    expect(batch.samples).toHaveLength(3);
    expect(batch.duplicatesInBatch).toBe(0);
  });

  it('identifies samples with a clientRecordId by the id alone, keeping the highest version', () => {
    const batch = parseSyncBatch(
      {
        samples: [
          hr(70, '2026-11-20T08:00:00Z', { clientRecordId: 'r1', version: 1 }),
          hr(71, '2026-11-20T08:05:00Z', { clientRecordId: 'r1', version: 3 }),
          hr(72, '2026-11-20T08:10:00Z', { clientRecordId: 'r1', version: 2 }),
          hr(73, '2026-11-20T08:00:00Z'),
        ],
      },
      NOW,
    );
    expect(batch.samples.map((s) => [s.clientRecordId, s.value, s.version])).toEqual([
      ['r1', 71, 3],
      [null, 73, null],
    ]);
    expect(batch.duplicatesInBatch).toBe(2);
  });

  it('keeps the first of two copies with equal (or no) versions', () => {
    const batch = parseSyncBatch(
      { samples: [hr(70, '2026-11-20T08:00:00Z', { clientRecordId: 'r1' }), hr(71, '2026-11-20T08:00:00Z', { clientRecordId: 'r1' })] },
      NOW,
    );
    expect(batch.samples.map((s) => s.value)).toEqual([70]);
    expect(batch.duplicatesInBatch).toBe(1);
  });

  it('does not count rejected samples as duplicates', () => {
    const batch = parseSyncBatch({ samples: [hr(70, '2026-11-20T08:00:00Z'), hr(999, '2026-11-20T08:00:00Z')] }, NOW);
    expect(batch.duplicatesInBatch).toBe(0);
    expect(batch.rejected).toHaveLength(1);
  });
});

describe('sampleKey', () => {
  it('never confuses a record id with an interval key', () => {
    const base = { type: 'STEPS' as const, startMs: 1, endMs: 2, value: 1, category: null, version: null, metadata: null };
    const byInterval = sampleKey({ ...base, clientRecordId: null });
    const byRecordShapedLikeInterval = sampleKey({ ...base, clientRecordId: 'k:STEPS:1:2' });
    expect(byInterval).not.toBe(byRecordShapedLikeInterval);
  });
});

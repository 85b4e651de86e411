// The documented sync sample schema and the validator that really runs (lib/ingest/validate-sample.ts)
// must accept and reject the same samples.
import { describe, expect, it } from 'vitest';
import { validateSample } from '../ingest/validate-sample';
import { syncRequest, syncSample } from './sync';

const hr = { type: 'HEART_RATE', value: 72, unit: 'count/min', startDate: '2026-01-10T08:00:00Z', endDate: '2026-01-10T08:00:00Z' };
const steps = { type: 'STEPS', value: 812, unit: 'count', startDate: '2026-01-10T08:00:00+01:00', endDate: '2026-01-10T08:10:00+01:00' };
const sleep = { type: 'SLEEP_STATE', value: 'asleepDeep', startDate: '2026-01-10T01:00:00Z', endDate: '2026-01-10T02:00:00Z' };
const insulin = { type: 'INSULIN', value: 0.3, unit: 'U', category: 'smb', startDate: '2026-01-10T08:00:00Z', endDate: '2026-01-10T08:00:00Z' };
const carbs = { type: 'CARBOHYDRATES', value: 45, unit: 'g', startDate: '2026-01-10T08:00:00Z', endDate: '2026-01-10T08:00:00Z' };
const far = '2999-01-01T00:00:00Z';

const valid: [string, unknown][] = [
  ['heart rate', hr],
  ['steps with an offset', steps],
  ['a sleep stage (no unit)', sleep],
  ['a sleep stage by the pipeline design’s name', { ...sleep, value: 'rem' }],
  ['record id and version', { ...hr, clientRecordId: 'r-1', version: 3 }],
  ['null optional fields', { ...hr, clientRecordId: null, version: null, metadata: null }],
  ['metadata object', { ...hr, metadata: { source: 'watch', nested: { a: [1, 2] } } }],
  ['weight in pounds', { type: 'WEIGHT', value: 160, unit: 'lb', startDate: hr.startDate, endDate: hr.endDate }],
  ['fractional seconds', { ...hr, startDate: '2026-01-10T08:00:00.123Z', endDate: '2026-01-10T08:00:00.123Z' }],
  ['unknown extra field (ignored)', { ...hr, extra: true }],
  ['an SMB in U', insulin],
  ['insulin in [iU] and IU, kind absent or null', { ...insulin, unit: '[iU]', category: undefined }],
  ['insulin in IU with a null kind', { ...insulin, unit: 'IU', category: null }],
  ['a zero temp basal over 30 min', { ...insulin, value: 0, category: 'temp_basal', endDate: '2026-01-10T08:30:00Z' }],
  ['carbs in g', carbs],
];

const invalid: [string, unknown][] = [
  ['not an object', 42],
  ['an array', [hr]],
  ['unknown type', { ...hr, type: 'MOOD' }],
  ['no offset', { ...hr, startDate: '2026-01-10T08:00:00', endDate: '2026-01-10T08:00:00' }],
  ['impossible date', { ...hr, startDate: '2026-02-30T08:00:00Z', endDate: '2026-02-30T08:00:00Z' }],
  ['before 1970', { ...hr, startDate: '1969-12-31T23:00:00Z', endDate: '1969-12-31T23:00:00Z' }],
  ['end before start', { ...steps, endDate: '2026-01-10T07:00:00+01:00' }],
  ['in the future', { ...hr, startDate: far, endDate: far }],
  ['interval too long', { ...hr, endDate: '2026-01-20T08:00:00Z' }],
  ['value a string', { ...hr, value: '72' }],
  ['value out of range', { ...hr, value: 900 }],
  ['missing unit', { ...hr, unit: undefined }],
  ['wrong unit', { ...hr, unit: 'kg' }],
  ['unknown sleep stage', { ...sleep, value: 'dreaming' }],
  ['numeric sleep stage', { ...sleep, value: 60 }],
  ['empty record id', { ...hr, clientRecordId: '' }],
  ['record id too long', { ...hr, clientRecordId: 'x'.repeat(257) }],
  ['record id with NUL', { ...hr, clientRecordId: 'a\u0000b' }],
  ['negative version', { ...hr, clientRecordId: 'r', version: -1 }],
  ['fractional version', { ...hr, clientRecordId: 'r', version: 1.5 }],
  ['version too large', { ...hr, clientRecordId: 'r', version: 2_147_483_648 }],
  ['version without record id', { ...hr, version: 1 }],
  ['metadata an array', { ...hr, metadata: [1] }],
  ['metadata a string', { ...hr, metadata: 'x' }],
  ['metadata too large', { ...hr, metadata: { text: 'x'.repeat(5000) } }],
  ['metadata too deep', { ...hr, metadata: JSON.parse('{"a":'.repeat(11) + '1' + '}'.repeat(11)) }],
  ['metadata with an unpaired surrogate', { ...hr, metadata: { text: '\ud800' } }],
  ['an unknown insulin kind', { ...insulin, category: 'long_acting' }],
  ['a numeric insulin kind', { ...insulin, category: 1 }],
  ['insulin in mg', { ...insulin, unit: 'mg' }],
  ['insulin over 100 U', { ...insulin, value: 150 }],
  ['negative insulin', { ...insulin, value: -1 }],
  ['a temp basal over a day', { ...insulin, category: 'temp_basal', endDate: '2026-01-11T08:00:01Z' }],
  ['carbs in kg', { ...carbs, unit: 'kg' }],
  ['carbs over 1000 g', { ...carbs, value: 1200 }],
];

describe('syncSample schema agrees with validateSample', () => {
  it.each(valid)('accepts %s', (_name, sample) => {
    expect(validateSample(sample, Date.now())).toMatchObject({ ok: true });
    expect(syncSample.safeParse(sample).success).toBe(true);
  });

  it.each(invalid)('rejects %s', (_name, sample) => {
    expect(validateSample(sample, Date.now())).toMatchObject({ ok: false });
    expect(syncSample.safeParse(sample).success).toBe(false);
  });

  it('limits a request to 1..5000 samples', () => {
    expect(syncRequest.safeParse({ samples: [] }).success).toBe(false);
    expect(syncRequest.safeParse({ samples: [hr] }).success).toBe(true);
    expect(syncRequest.safeParse({ samples: Array.from({ length: 5001 }, () => hr) }).success).toBe(false);
  });
});

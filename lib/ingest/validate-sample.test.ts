// Unit: validation and unit normalization of one incoming sample (no I/O).
import { describe, expect, it } from 'vitest';
import { validateSample, type SampleResult } from './validate-sample';

const NOW = Date.UTC(2026, 10, 21, 12);
const AT = '2026-11-20T08:00:00Z';
const AT_MS = Date.UTC(2026, 10, 20, 8);

const hr = (extra: Record<string, unknown> = {}) => ({ type: 'HEART_RATE', value: 72, unit: 'count/min', startDate: AT, endDate: AT, ...extra });

function rejection(result: SampleResult) {
  if (result.ok) throw new Error(`expected a rejection, got ${JSON.stringify(result.sample)}`);
  return { field: result.field, reason: result.reason };
}

function accepted(result: SampleResult) {
  if (!result.ok) throw new Error(`expected acceptance, got ${result.field}: ${result.reason}`);
  return result.sample;
}

describe('accepted samples', () => {
  it('normalizes a quantity sample with its identity fields', () => {
    expect(accepted(validateSample(hr({ clientRecordId: 'abc', version: 3, metadata: { wrist: 'left' } }), NOW))).toEqual({
      type: 'HEART_RATE',
      startMs: AT_MS,
      endMs: AT_MS,
      value: 72,
      category: null,
      clientRecordId: 'abc',
      version: 3,
      metadata: '{"wrist":"left"}',
    });
  });

  it('defaults the optional fields to null', () => {
    expect(accepted(validateSample(hr(), NOW))).toMatchObject({ clientRecordId: null, version: null, metadata: null, category: null });
    expect(accepted(validateSample(hr({ clientRecordId: null, version: null, metadata: null }), NOW))).toMatchObject({
      clientRecordId: null,
      version: null,
      metadata: null,
    });
  });

  it.each([
    ['WEIGHT', 154.3, 'lb', 69.989],
    ['WEIGHT', 70000, 'g', 70],
    ['BLOOD_GLUCOSE', 5.5, 'mmol/L', 99.086],
    ['BODY_TEMPERATURE', 98.6, 'degF', 37],
    ['DISTANCE', 1, 'mi', 1609.344],
    ['ACTIVE_ENERGY', 418.4, 'kJ', 100],
    ['OXYGEN_SATURATION', 0.97, 'fraction', 97],
    ['BLOOD_PRESSURE_SYSTOLIC', 16, 'kPa', 120.01],
    ['HEART_RATE', 60, 'bpm', 60],
  ])('converts %s %s %s to the canonical unit', (type, value, unit, canonical) => {
    const sample = accepted(validateSample({ type, value, unit, startDate: AT, endDate: AT }, NOW));
    expect(sample.value).toBeCloseTo(canonical, 2);
  });

  it('stores a category sample as its label with the duration in minutes, ignoring any unit', () => {
    const sample = accepted(
      validateSample({ type: 'SLEEP_STATE', value: 'asleepREM', unit: 'whatever', startDate: '2026-11-20T01:00:00+01:00', endDate: '2026-11-20T01:45:00+01:00' }, NOW),
    );
    expect(sample).toMatchObject({ type: 'SLEEP_STATE', category: 'asleepREM', value: 45, startMs: Date.UTC(2026, 10, 20, 0), endMs: Date.UTC(2026, 10, 20, 0, 45) });
    const workout = accepted(validateSample({ type: 'WORKOUT', value: 'running', startDate: AT, endDate: '2026-11-20T08:30:00Z' }, NOW));
    expect(workout).toMatchObject({ category: 'running', value: 30 });
  });

  it.each([
    ['asleep', 'asleepUnspecified'],
    ['rem', 'asleepREM'],
    ['deep', 'asleepDeep'],
    ['core', 'asleepCore'],
    ['awake', 'awake'],
  ])('accepts the pipeline design’s sleep state %s as %s', (value, category) => {
    const sample = accepted(validateSample({ type: 'SLEEP_STATE', value, startDate: '2026-11-20T01:00:00Z', endDate: '2026-11-20T01:30:00Z' }, NOW));
    expect(sample).toMatchObject({ category, value: 30 });
  });

  it('keeps a glucose sample’s specimen, where its metadata names one, as its plain category', () => {
    const glucose = (metadata: unknown) => accepted(validateSample({ type: 'BLOOD_GLUCOSE', value: 104, unit: 'mg/dL', startDate: AT, endDate: AT, metadata }, NOW));
    expect(glucose({ specimen_source: 'interstitial fluid' }).category).toBe('interstitial');
    expect(glucose({ specimenSource: 'INTERSTITIAL_FLUID' }).category).toBe('interstitial');
    expect(glucose({ specimen_source: 'capillary blood' }).category).toBe('blood');
    expect(glucose({ method: 'fingerstick' }).category).toBe('blood');
    expect(glucose({ mealContext: 'fasting' }).category).toBeNull();
    expect(glucose(undefined).category).toBeNull();
    expect(accepted(validateSample(hr({ metadata: { specimen_source: 'interstitial fluid' } }), NOW)).category).toBeNull();
  });

  it('stores an insulin dose in [iU] with its kind, if it names one, as the plain category', () => {
    const dose = (extra: Record<string, unknown>) =>
      accepted(validateSample({ type: 'INSULIN', value: 0.3, unit: 'U', startDate: AT, endDate: AT, ...extra }, NOW));
    expect(dose({ category: 'smb' })).toMatchObject({ type: 'INSULIN', value: 0.3, category: 'smb' });
    expect(dose({ unit: 'IU', category: 'bolus' })).toMatchObject({ value: 0.3, category: 'bolus' });
    expect(dose({ unit: '[iU]' }).category).toBeNull();
    expect(dose({ category: null }).category).toBeNull();
    // A zero temp basal (insulin suspended) over 30 minutes is a real delivery of 0 U.
    expect(dose({ value: 0, category: 'temp_basal', endDate: '2026-11-20T08:30:00Z' })).toMatchObject({ value: 0, category: 'temp_basal', endMs: AT_MS + 1_800_000 });
    // Types without kinds ignore the field, as before it existed.
    expect(accepted(validateSample(hr({ category: 'smb' }), NOW)).category).toBeNull();
  });

  it('stores carbohydrates in grams', () => {
    expect(accepted(validateSample({ type: 'CARBOHYDRATES', value: 45, unit: 'g', startDate: AT, endDate: AT }, NOW))).toMatchObject({ value: 45, category: null });
  });

  it('accepts an end up to ten minutes past now (clock skew), and the range limits themselves', () => {
    const soon = new Date(NOW + 9 * 60_000).toISOString();
    expect(validateSample(hr({ startDate: soon, endDate: soon }), NOW).ok).toBe(true);
    expect(validateSample(hr({ value: 20 }), NOW).ok).toBe(true);
    expect(validateSample(hr({ value: 300 }), NOW).ok).toBe(true);
  });

  it('accepts an interval exactly as long as the type allows', () => {
    const steps = { type: 'STEPS', value: 10_000, unit: 'count', startDate: '2026-11-19T08:00:00Z', endDate: '2026-11-20T08:00:00Z' };
    expect(validateSample(steps, NOW).ok).toBe(true);
  });
});

describe('rejected samples name the field and a reason', () => {
  it.each([
    ['a non-object', 'HEART_RATE 72', '(sample)'],
    ['null', null, '(sample)'],
    ['an array', [hr()], '(sample)'],
    ['an unknown type', hr({ type: 'MOOD' }), 'type'],
    ['a lower-case type', hr({ type: 'heart_rate' }), 'type'],
    ['a prototype key as type', hr({ type: 'constructor' }), 'type'],
    ['a missing startDate', hr({ startDate: undefined }), 'startDate'],
    ['an offset-less startDate', hr({ startDate: '2026-11-20T08:00:00' }), 'startDate'],
    ['an impossible startDate', hr({ startDate: '2026-02-30T08:00:00Z' }), 'startDate'],
    ['a numeric endDate', hr({ endDate: AT_MS }), 'endDate'],
    ['a start before 1970', hr({ startDate: '1969-12-31T23:59:59Z', endDate: '1969-12-31T23:59:59Z' }), 'startDate'],
    ['an end before the start', hr({ endDate: '2026-11-20T07:59:59Z' }), 'endDate'],
    ['an end in the future', hr({ startDate: '2026-11-21T12:11:00Z', endDate: '2026-11-21T12:11:00Z' }), 'endDate'],
    ['a heart-rate reading lasting an hour', hr({ endDate: '2026-11-20T09:00:00Z' }), 'endDate'],
    ['steps over more than a day', { type: 'STEPS', value: 1, unit: 'count', startDate: '2026-11-19T07:59:59Z', endDate: AT }, 'endDate'],
    ['a string value', hr({ value: '72' }), 'value'],
    ['a NaN value', hr({ value: Number.NaN }), 'value'],
    ['an infinite value', hr({ value: Number.POSITIVE_INFINITY }), 'value'],
    ['a missing unit', hr({ unit: undefined }), 'unit'],
    ['a unit of another dimension', hr({ unit: 'kg' }), 'unit'],
    ['a unit in the wrong case', hr({ unit: 'BPM' }), 'unit'],
    ['a prototype key as unit', hr({ unit: 'toString' }), 'unit'],
    ['a value below the range', hr({ value: 19.9 }), 'value'],
    ['a value above the range', hr({ value: 300.1 }), 'value'],
    ['a weight out of range after conversion', { type: 'WEIGHT', value: 1200, unit: 'lb', startDate: AT, endDate: AT }, 'value'],
    ['an unknown sleep stage', { type: 'SLEEP_STATE', value: 'dreaming', startDate: AT, endDate: AT }, 'value'],
    ['a numeric category value', { type: 'SLEEP_STATE', value: 30, unit: 'min', startDate: AT, endDate: AT }, 'value'],
    ['an unknown insulin kind', { type: 'INSULIN', value: 2, unit: 'U', category: 'Bolus', startDate: AT, endDate: AT }, 'category'],
    ['a numeric insulin kind', { type: 'INSULIN', value: 2, unit: 'U', category: 3, startDate: AT, endDate: AT }, 'category'],
    ['insulin in milligrams', { type: 'INSULIN', value: 2, unit: 'mg', startDate: AT, endDate: AT }, 'unit'],
    ['insulin above 100 U', { type: 'INSULIN', value: 100.5, unit: 'U', startDate: AT, endDate: AT }, 'value'],
    ['carbohydrates in ounces', { type: 'CARBOHYDRATES', value: 2, unit: 'oz', startDate: AT, endDate: AT }, 'unit'],
    ['an empty clientRecordId', hr({ clientRecordId: '' }), 'clientRecordId'],
    ['a numeric clientRecordId', hr({ clientRecordId: 42 }), 'clientRecordId'],
    ['a 257-character clientRecordId', hr({ clientRecordId: 'x'.repeat(257) }), 'clientRecordId'],
    ['a clientRecordId with NUL', hr({ clientRecordId: 'a\u0000b' }), 'clientRecordId'],
    ['a negative version', hr({ clientRecordId: 'a', version: -1 }), 'version'],
    ['a fractional version', hr({ clientRecordId: 'a', version: 1.5 }), 'version'],
    ['a string version', hr({ clientRecordId: 'a', version: '2' }), 'version'],
    ['a version beyond 32 bits', hr({ clientRecordId: 'a', version: 2_147_483_648 }), 'version'],
    ['a version without clientRecordId', hr({ version: 2 }), 'version'],
    ['array metadata', hr({ metadata: ['a'] }), 'metadata'],
    ['string metadata', hr({ metadata: 'note' }), 'metadata'],
    ['metadata over 4 KiB', hr({ metadata: { pad: 'x'.repeat(4100) } }), 'metadata'],
    ['metadata with NUL', hr({ metadata: { note: 'a\u0000b' } }), 'metadata'],
    ['metadata with a NUL in a key', hr({ metadata: { ['a\u0000']: 1 } }), 'metadata'],
    ['metadata with a lone surrogate', hr({ metadata: { note: '\ud800' } }), 'metadata'],
    ['metadata nested too deep', hr({ metadata: JSON.parse('{"a":'.repeat(12) + '1' + '}'.repeat(12)) }), 'metadata'],
    ['a clientRecordId with a lone surrogate', hr({ clientRecordId: 'a\udc00' }), 'clientRecordId'],
  ])('%s → %s', (_name, input, field) => {
    const result = rejection(validateSample(input, NOW));
    expect(result.field).toBe(field);
    expect(result.reason.length).toBeGreaterThan(5);
  });

  it('keeps text that merely spells an escape, such as a backslash followed by u0000', () => {
    const result = validateSample(hr({ metadata: { note: 'path C:\\u0000 and emoji 😀' } }), NOW);
    expect(result.ok).toBe(true);
  });

  it('names the accepted units when the unit is wrong', () => {
    expect(rejection(validateSample(hr({ unit: 'kg' }), NOW)).reason).toContain('bpm');
    expect(rejection(validateSample(hr({ unit: undefined }), NOW)).reason).toContain('count/min');
  });

  it('never throws, whatever the input', () => {
    const weird: unknown[] = [undefined, 0, true, Symbol('s'), () => 1, Object.create(null), { type: '__proto__' }, hr({ metadata: { nested: { deep: [1, 2, { x: null }] } } })];
    for (const input of weird) expect(() => validateSample(input, NOW)).not.toThrow();
  });
});

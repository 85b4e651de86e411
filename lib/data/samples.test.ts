// Unit: the raw read's instants are written exactly as Date#toISOString writes them, and its JSON text
// exactly as JSON.stringify writes the answer's objects.
import { describe, expect, it } from 'vitest';
import { getHealthType, hasKinds, isCategoryType } from '../health';
import { withoutFloatNoise } from '../health/precision';
import { isoInstant, samplesJson, type Row } from './samples';

describe('isoInstant', () => {
  it('writes every instant as toISOString does', () => {
    const instants = [0, 1, 999, 86_399_999, 86_400_000, 1_733_567_400_000, 1_733_567_400_000.7, 951_782_400_000, 253_402_300_799_999, 253_402_300_800_000, -1, -86_400_001];
    let x = 7;
    for (let i = 0; i < 20_000; i++) {
      x = (x * 48_271) % 2_147_483_647; // deterministic
      instants.push(1_600_000_000_000 + (x % 400_000_000) * 1000 + (x % 1000), (x / 2_147_483_647) * 4e12);
    }
    for (const ms of instants) expect(isoInstant(ms)).toBe(new Date(ms).toISOString());
  });
});

describe('samplesJson', () => {
  const row = (over: Partial<Row>): Row => ({
    id: '42', device_id: '6f1c3a52-2b0e-4c1a-9f55-0d4b8a1e2c3d', type: 'HEART_RATE', start_ms: 1_733_567_400_000, end_ms: 1_733_567_460_000,
    value: 72, category: null, client_record_id: null, version: null, metadata: null, ...over,
  });
  const page: Row[] = [
    row({}),
    row({ id: '43', value: 129.71520000000001, client_record_id: 'rec "1"\n\u2028é', version: 3 }),
    row({ id: '44', type: 'SLEEP_STATE', value: 5400, category: 'asleepDeep' }),
    row({ id: '45', type: 'INSULIN', value: 1.25, category: 'bolus' }),
    row({ id: '46', type: 'INSULIN', value: 0.5, category: null }),
    row({ id: '47', type: 'STEPS', value: -0, start_ms: 0, end_ms: 253_402_300_800_000 }),
    row({ id: '48', value: Number.NaN }),
  ];
  const metadata: unknown[] = [null, { context: 'resting', note: 'a "quoted" <tag>' }, null, [1, 'two'], null, null, undefined];

  it('writes exactly what JSON.stringify writes of the objects findSamples answers', () => {
    // The objects as findSamples builds them (its mapping, written out here).
    const objects = page.map((r, i) => ({
      id: r.id, deviceId: r.device_id, type: r.type,
      value: isCategoryType(r.type) ? r.category : withoutFloatNoise(r.value),
      unit: isCategoryType(r.type) ? null : getHealthType(r.type).canonicalUnit,
      ...(hasKinds(r.type) ? { category: r.category } : {}),
      startDate: new Date(r.start_ms).toISOString(), endDate: new Date(r.end_ms).toISOString(),
      clientRecordId: r.client_record_id, version: r.version, metadata: metadata[i],
    }));
    for (const cursor of [null, 'WzE3MzM1Njc0MDAwMDAsIjQyIl0']) {
      expect(samplesJson(page, metadata, cursor)).toBe(JSON.stringify({ samples: objects, nextCursor: cursor }));
    }
    expect(samplesJson([], [], null)).toBe('{"samples":[],"nextCursor":null}');
  });
});

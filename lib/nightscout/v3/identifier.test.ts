// Unit: the v3 identifier rule gives the UUIDs cgm-remote-monitor gives (values computed with the `uuid`
// package's v5 in its namespace "NightscoutRocks!", as lib/api3/shared/operationTools.js does).
import { describe, expect, it } from 'vitest';
import { resolveIdentifier } from './identifier';

describe('resolveIdentifier', () => {
  it('is the UUIDv5 of device_date[_eventType], "undefined" for what is missing', () => {
    expect(resolveIdentifier({ device: 'AndroidAPS-DexcomG6', date: 1763625600000 })).toBe('d673c4cc-0cbc-5766-966d-01216965a5a8');
    expect(resolveIdentifier({ date: 1763625600000, eventType: 'Correction Bolus' })).toBe('763f450c-57b9-5043-9fa9-e09cf49b5701');
    expect(resolveIdentifier({ device: 'openaps://samsung SM-G970F', date: 1763625600000 })).toBe('f9622de7-8327-59b7-ac29-32d24db30b66');
  });

  it('keeps an identifier the client sent; a blank or non-string one is refused (null)', () => {
    expect(resolveIdentifier({ identifier: 'abc', device: 'd', date: 1 })).toBe('abc');
    expect(resolveIdentifier({ identifier: '  ' })).toBeNull();
    expect(resolveIdentifier({ identifier: 42 })).toBeNull();
  });
});

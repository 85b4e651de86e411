// Unit: which paths the proxy serves without their `.json` (Nightscout v1 paths only).
import { describe, expect, it } from 'vitest';
import { nightscoutJsonAlias } from './paths';

describe('nightscoutJsonAlias', () => {
  it('strips .json from Nightscout v1 paths only', () => {
    expect(nightscoutJsonAlias('/ns/abc/api/v1/entries.json')).toBe('/ns/abc/api/v1/entries');
    expect(nightscoutJsonAlias('/ns/abc/api/v1/entries/sgv.json')).toBe('/ns/abc/api/v1/entries/sgv');
    // The document collections too (Trio's NightscoutAPI.swift asks for treatments.json, devicestatus.json, profile.json).
    for (const path of ['treatments', 'devicestatus', 'profile', 'profile/current', 'activity', 'treatments/0123456789abcdef01234567', 'devicestatus/*']) {
      expect(nightscoutJsonAlias(`/ns/abc/api/v1/${path}.json`)).toBe(`/ns/abc/api/v1/${path}`);
    }
    expect(nightscoutJsonAlias('/ns/abc/api/v1/entries')).toBeNull();
    expect(nightscoutJsonAlias('/api/openapi.json')).toBeNull();
    expect(nightscoutJsonAlias('/ns/abc/api/v1/.json')).toBeNull();
  });
});

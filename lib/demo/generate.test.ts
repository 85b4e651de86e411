import { describe, expect, it } from 'vitest';
import { generateDemoData } from './index';
import { END, ZONES, allSamples, demo, endMs, profileAt, startMs } from './test-utils';

const INSTANT_TYPES = new Set([
  'HEART_RATE', 'RESTING_HEART_RATE', 'OXYGEN_SATURATION', 'WEIGHT', 'BODY_FAT',
  'BLOOD_PRESSURE_SYSTOLIC', 'BLOOD_PRESSURE_DIASTOLIC', 'BLOOD_GLUCOSE',
]);
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?(Z|[+-]\d{2}:\d{2})$/;

describe('generateDemoData', () => {
  it('is deterministic: the same options give identical output', () => {
    for (let i = 0; i < 3; i++) {
      const opts = { profile: profileAt(i), days: 30, end: END, timeZone: ZONES[i] ?? 'UTC' };
      expect(JSON.stringify(generateDemoData(opts))).toBe(JSON.stringify(generateDemoData({ ...opts, profile: { ...opts.profile } })));
    }
  });

  it('gives different data for different seeds', () => {
    const a = generateDemoData({ profile: profileAt(0), days: 3, end: END, timeZone: 'UTC' });
    const b = generateDemoData({ profile: { ...profileAt(0), seed: 99 }, days: 3, end: END, timeZone: 'UTC' });
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(b));
  });

  it('never emits a sample after end, whatever the time of day end falls on', () => {
    const ends = ['2025-03-30T21:15:00Z', '2025-06-01T03:07:31.456Z', '2025-11-02T06:30:00Z', '2025-01-15T12:00:00Z'];
    for (const iso of ends) {
      for (const zone of [...ZONES, 'UTC', 'Asia/Kolkata']) {
        const end = new Date(iso);
        const samples = allSamples(generateDemoData({ profile: profileAt(1), days: 5, end, timeZone: zone }));
        expect(samples.length).toBeGreaterThan(0);
        const latest = Math.max(...samples.map(endMs));
        expect(latest).toBeLessThanOrEqual(end.getTime());
        expect(end.getTime() - latest).toBeLessThan(30 * 60_000);
      }
    }
  });

  // From the night before the first local day to `end`, which may fall early on the last day.
  it('covers about the requested number of days', () => {
    for (let i = 0; i < 3; i++) {
      const samples = allSamples(demo(i));
      const span = Math.max(...samples.map(endMs)) - Math.min(...samples.map(startMs));
      expect(span / 86_400_000).toBeGreaterThan(29);
      expect(span / 86_400_000).toBeLessThan(31.5);
    }
  });

  it('writes ISO-8601 timestamps with an offset, whole seconds, start <= end, instants with start == end', () => {
    for (let i = 0; i < 3; i++) {
      const bad = allSamples(demo(i)).filter(
        (s) =>
          !ISO_WITH_OFFSET.test(s.startDate) ||
          !ISO_WITH_OFFSET.test(s.endDate) ||
          startMs(s) % 1000 !== 0 ||
          endMs(s) % 1000 !== 0 ||
          (INSTANT_TYPES.has(s.type) ? s.endDate !== s.startDate : endMs(s) <= startMs(s)),
      );
      expect(bad).toEqual([]);
    }
  });

  it('gives every sample a client record id unique within its device, and sorts by start', () => {
    for (let i = 0; i < 3; i++) {
      for (const list of Object.values(demo(i))) {
        const ids = list.map((s) => s.clientRecordId);
        expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
        expect(new Set(ids).size).toBe(ids.length);
        const starts = list.map(startMs);
        expect(starts).toEqual([...starts].sort((a, b) => a - b));
      }
    }
  });

  it('rejects bad options', () => {
    const profile = profileAt(0);
    expect(() => generateDemoData({ profile, days: 0, end: END, timeZone: 'UTC' })).toThrow(RangeError);
    expect(() => generateDemoData({ profile, days: 2.5, end: END, timeZone: 'UTC' })).toThrow(RangeError);
    expect(() => generateDemoData({ profile, days: 3, end: new Date(Number.NaN), timeZone: 'UTC' })).toThrow(RangeError);
    expect(() => generateDemoData({ profile, days: 3, end: END, timeZone: 'Not/AZone' })).toThrow(RangeError);
  });
});

import { describe, expect, it } from 'vitest';
import { dedupSamples } from './dedup';
import { HEART_RATE, reading, sample, SLEEP, STEPS, WORKOUTS } from './test-factories';
import type { Contribution } from './types';

const parts = (cs: Contribution[]): [string, number][] => cs.map((c) => [c.sample.deviceId, c.value]);

describe('cumulative', () => {
  it('a device’s fine samples win over its own daily total', () => {
    const samples = [
      sample('watch', '2024-06-12T00:00', '2024-06-13T00:00', 2400),
      sample('watch', '2024-06-12T10:00', '2024-06-12T11:00', 300),
    ];
    const out = dedupSamples(samples, STEPS);
    expect(out.map((c) => c.value)).toEqual([1000, 300, 1300]); // 2400 × 10/24, the hour, 2400 × 13/24
  });

  it('a higher-ranked sample in the middle clips a lower one into two parts', () => {
    const out = dedupSamples([sample('phone', '2024-06-12T10:00', '2024-06-12T12:00', 1200), sample('watch', '2024-06-12T10:30', '2024-06-12T11:00', 100)], STEPS);
    expect(parts(out)).toEqual([['phone', 300], ['watch', 100], ['phone', 600]]);
  });

  it('a reported zero covers time', () => {
    const out = dedupSamples([sample('watch', '2024-06-12T10:00', '2024-06-12T11:00', 0), sample('phone', '2024-06-12T10:00', '2024-06-12T11:00', 600)], STEPS);
    expect(parts(out)).toEqual([['watch', 0]]);
  });

  it('zero-length samples count fully when uncovered and not at all when covered', () => {
    const out = dedupSamples([
      sample('watch', '2024-06-12T10:00', '2024-06-12T11:00', 60),
      reading('phone', '2024-06-12T10:30', 5), // covered by the watch
      reading('phone', '2024-06-12T11:00', 7), // the watch interval is [10:00, 11:00): 11:00 is free
      reading('watch', '2024-06-12T12:00', 9),
      reading('phone', '2024-06-12T12:00', 9), // the same instant, already taken by the watch
    ], STEPS);
    expect(parts(out)).toEqual([['watch', 60], ['phone', 7], ['watch', 9]]);
  });

  it('equal priorities are broken by device id, not arrival order', () => {
    const a = sample('phone', '2024-06-12T10:00', '2024-06-12T11:00', 100, { deviceId: 'b-phone' });
    const b = sample('phone', '2024-06-12T10:00', '2024-06-12T11:00', 200, { deviceId: 'a-phone' });
    expect(parts(dedupSamples([a, b], STEPS))).toEqual([['a-phone', 200]]);
    expect(parts(dedupSamples([b, a], STEPS))).toEqual([['a-phone', 200]]);
  });
});

describe('category intervals', () => {
  it('lower-ranked intervals are clipped to uncovered time and count minutes', () => {
    const out = dedupSamples([
      sample('phone', '2024-06-12T00:00', '2024-06-12T03:00', 0, { category: 'asleep' }),
      sample('watch', '2024-06-12T01:00', '2024-06-12T02:00', 0, { category: 'deep' }),
    ], SLEEP);
    expect(out.map((c) => [c.sample.category, c.value])).toEqual([['asleep', 60], ['deep', 60], ['asleep', 60]]);
  });
});

describe('instants', () => {
  it('the match window is inclusive and only other devices cancel', () => {
    const out = dedupSamples([
      reading('watch', '2024-06-12T08:00:00', 70),
      reading('watch', '2024-06-12T08:00:30', 71), // same device: kept
      reading('phone', '2024-06-12T08:01:30', 72), // exactly 60 s after 08:00:30: dropped
      reading('phone', '2024-06-12T08:02:31', 73), // 61 s: kept
    ], HEART_RATE);
    expect(out.map((c) => c.value)).toEqual([70, 71, 73]);
  });

  it('a dropped reading cancels nothing', () => {
    const out = dedupSamples([
      reading('watch', '2024-06-12T08:00:00', 70),
      reading('phone', '2024-06-12T08:00:50', 71), // dropped by the watch
      reading('cuff', '2024-06-12T08:01:40', 72), // within 60 s of the dropped phone reading only
    ], HEART_RATE);
    expect(out.map((c) => c.value)).toEqual([70, 72]);
  });
});

describe('workouts', () => {
  it('keeps the higher-ranked of two workouts overlapping by more than half of the shorter', () => {
    const out = dedupSamples([
      sample('watch', '2024-06-12T10:00', '2024-06-12T11:00', 0),
      sample('phone', '2024-06-12T10:20', '2024-06-12T11:10', 0), // overlap 40 min > 25: same workout
      sample('phone', '2024-06-12T10:50', '2024-06-12T12:00', 0), // overlap 10 min ≤ 30: another workout
      sample('watch', '2024-06-12T10:30', '2024-06-12T10:45', 0), // same device: never cancelled
    ], WORKOUTS);
    expect(out.map((c) => [c.sample.deviceId, c.value])).toEqual([['watch', 60], ['watch', 15], ['phone', 70]]);
  });

  it('overlap of exactly half is not enough', () => {
    const out = dedupSamples([sample('watch', '2024-06-12T10:00', '2024-06-12T11:00', 0), sample('phone', '2024-06-12T10:30', '2024-06-12T11:30', 0)], WORKOUTS);
    expect(out).toHaveLength(2);
  });
});

import { describe, expect, it } from 'vitest';
import type { DemoSample } from './types';
import { DEMO_PROFILES } from './index';
import { ZONES, demo, endMs, local, mean, num, ofType, startMs, sum } from './test-utils';

type Range = readonly [number, number];
// Expected counts for 30 days (the last day ends at END, mid-evening to early morning depending on zone).
const EXPECTED: Record<string, Record<string, Range>> = {
  watch: {
    HEART_RATE: [7900, 8400], // every 5 min minus the daily charging hour
    STEPS: [2000, 3300], // 10-min slots while awake, zero slots omitted
    RESTING_HEART_RATE: [29, 30],
    SLEEP_STATE: [300, 800],
    OXYGEN_SATURATION: [90, 125],
    ACTIVE_ENERGY: [640, 720],
    WORKOUT: [3, 30],
  },
  phone: { STEPS: [350, 1500], DISTANCE: [350, 1500] },
  scale: { WEIGHT: [20, 30], BODY_FAT: [20, 30] },
  cuff: { BLOOD_PRESSURE_SYSTOLIC: [40, 60], BLOOD_PRESSURE_DIASTOLIC: [40, 60] },
  glucometer: { BLOOD_GLUCOSE: [112, 120] },
};

const byLocalDay = (list: readonly DemoSample[], zone: string) => {
  const days = new Map<string, number>();
  for (const s of list) {
    const date = local(endMs(s), zone).date;
    days.set(date, (days.get(date) ?? 0) + num(s));
  }
  return [...days.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, v]) => v);
};

describe.each([0, 1, 2])('sample counts for 30 days, profile %i', (i) => {
  it('match the expected cadence of each device', () => {
    const data = demo(i);
    for (const [device, types] of Object.entries(EXPECTED)) {
      const list = data[device as keyof typeof data];
      for (const [type, [lo, hi]] of Object.entries(types)) {
        const n = ofType(list, type).length;
        expect({ device, type, ok: n >= lo && n <= hi, n }).toEqual({ device, type, ok: true, n });
      }
      expect(new Set(list.map((s) => s.type))).toEqual(new Set(Object.keys(types)));
    }
  });
});

describe('the three demo profiles tell different stories', () => {
  it('are three distinct profiles', () => {
    expect(DEMO_PROFILES).toHaveLength(3);
    expect(new Set(DEMO_PROFILES.map((p) => p.seed)).size).toBe(3);
  });

  it('profile 0: resting heart rate rises slowly', () => {
    const rhr = ofType(demo(0).watch, 'RESTING_HEART_RATE').map(num);
    expect(mean(rhr.slice(-7))).toBeGreaterThan(mean(rhr.slice(0, 7)) + 2);
  });

  it('profile 1: sleeps about 5.5 h against about 7.5 h for profile 0', () => {
    const nightly = (i: number) => {
      const asleep = ofType(demo(i).watch, 'SLEEP_STATE').filter((s) => s.value !== 'awake');
      const hours = asleep.map((s) => (endMs(s) - startMs(s)) / 3_600_000);
      return sum(hours) / new Set(asleep.map((s) => local(endMs(s), ZONES[i] ?? 'UTC').date)).size;
    };
    expect(nightly(1)).toBeGreaterThan(4.5);
    expect(nightly(1)).toBeLessThan(5.8);
    expect(nightly(0)).toBeGreaterThan(6.8);
  });

  it('profile 1: walks much less in the last days than before', () => {
    const daily = byLocalDay(ofType(demo(1).watch, 'STEPS'), ZONES[1]).slice(0, -1);
    expect(mean(daily.slice(-7))).toBeLessThan(0.7 * mean(daily.slice(0, 14)));
    const steady = byLocalDay(ofType(demo(0).watch, 'STEPS'), ZONES[0]).slice(0, -1);
    expect(mean(steady.slice(-7))).toBeGreaterThan(0.75 * mean(steady.slice(0, 14)));
  });

  it('profile 2: high glucose on average, with lows', () => {
    const glucose = ofType(demo(2).glucometer, 'BLOOD_GLUCOSE').map(num);
    expect(mean(glucose)).toBeGreaterThan(140);
    expect(Math.min(...glucose)).toBeLessThan(54);
  });
});

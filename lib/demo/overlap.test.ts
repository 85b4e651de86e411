import { describe, expect, it } from 'vitest';
import { ZONES, demo, endMs, local, ofType, startMs, sum, num } from './test-utils';

const overlaps = (a: { s: number; e: number }, b: { s: number; e: number }) => a.s < b.e && b.s < a.e;
const span = (x: Parameters<typeof startMs>[0]) => ({ s: startMs(x), e: endMs(x) });

describe.each([0, 1, 2])('watch and phone, profile %i', (i) => {
  const zone = ZONES[i] ?? 'UTC';
  const data = demo(i);
  const watchSteps = ofType(data.watch, 'STEPS').map(span);
  const phoneSteps = ofType(data.phone, 'STEPS');

  it('both count steps over the same time for part of the day, but not all of it', () => {
    const overlapping = phoneSteps.filter((p) => watchSteps.some((w) => overlaps(w, span(p))));
    expect(overlapping.length).toBeGreaterThan(30 * 4);
    expect(overlapping.length).toBeLessThan(phoneSteps.length);
    const watchOnly = watchSteps.filter((w) => !phoneSteps.some((p) => overlaps(w, span(p))));
    expect(watchOnly.length).toBeGreaterThan(watchSteps.length / 3);
  });

  it('has DISTANCE for exactly the intervals of phone STEPS', () => {
    const key = (x: { startDate: string; endDate: string }) => `${x.startDate}/${x.endDate}`;
    expect(ofType(data.phone, 'DISTANCE').map(key)).toEqual(phoneSteps.map(key));
  });

  it('leaves a charging gap of about an hour each day with no watch samples, covered by phone steps', () => {
    const hr = ofType(data.watch, 'HEART_RATE').map(startMs);
    const gaps: Array<{ s: number; e: number }> = [];
    hr.forEach((t, k) => {
      const prev = hr[k - 1];
      if (prev !== undefined && t - prev > 30 * 60_000) gaps.push({ s: prev, e: t });
    });
    const days = new Set(gaps.map((g) => local(g.s, zone).date));
    expect(days.size).toBe(gaps.length);
    expect(gaps.length).toBeGreaterThanOrEqual(29);
    for (const gap of gaps) {
      expect(gap.e - gap.s).toBeGreaterThanOrEqual(60 * 60_000);
      expect(gap.e - gap.s).toBeLessThan(66 * 60_000);
      // Heart rate comes every 5 minutes, so the hour off the wrist lies within this inner part of the gap.
      const inner = { s: gap.s + 5 * 60_000, e: gap.e - 6 * 60_000 };
      expect(data.watch.filter((w) => overlaps(span(w), inner) || (startMs(w) >= inner.s && startMs(w) < inner.e))).toEqual([]);
      const phoneInGap = phoneSteps.filter((p) => overlaps(span(p), inner));
      expect(sum(phoneInGap.map(num))).toBeGreaterThan(0);
    }
  });

  it('walks in local daytime and sleeps at local night', () => {
    const steps = ofType(data.watch, 'STEPS');
    const stepsBetween = (from: number, to: number) =>
      sum(steps.filter((s) => local(startMs(s), zone).hour >= from && local(startMs(s), zone).hour < to).map(num));
    const total = sum(steps.map(num));
    expect(stepsBetween(2, 5) / total).toBeLessThan(0.01);
    expect(stepsBetween(8, 21) / total).toBeGreaterThan(0.8);
    for (const w of ofType(data.watch, 'WORKOUT')) expect(local(startMs(w), zone).hour).toBeGreaterThanOrEqual(11);
    const asleep = ofType(data.watch, 'SLEEP_STATE').filter((s) => s.value !== 'awake');
    const nightly = asleep.filter((s) => {
      const { hour } = local(startMs(s), zone);
      return hour >= 20 || hour < 11;
    });
    expect(nightly.length).toBe(asleep.length);
  });
});

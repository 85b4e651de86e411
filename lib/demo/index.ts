// Deterministic demo health data for several devices of one person (no I/O, no Math.random).
import { cuffSamples } from './cuff';
import { glucometerSamples } from './glucometer';
import { phoneSamples } from './phone';
import { buildPlans } from './plan';
import { scaleSamples } from './scale';
import { buildTimeline } from './timeline';
import type { DemoData, DemoProfile, DemoSample } from './types';
import { watchSamples } from './watch';

export { DEMO_PROFILES } from './profiles';
export type { DemoData, DemoDeviceKey, DemoProfile, DemoSample } from './types';

export type GenerateDemoOptions = {
  profile: DemoProfile;
  /** Local calendar days ending with the day of `end`; the night before the first day is included. */
  days: number;
  end: Date;
  /** IANA zone: people sleep at local night and walk in local daytime. */
  timeZone: string;
};

/**
 * The devices deliberately overlap (watch and phone both count steps), and the watch spends an hour a
 * day on its charger while the phone still counts, so the data exercises cross-source dedup.
 */
export function generateDemoData({ profile, days, end, timeZone }: GenerateDemoOptions): DemoData {
  const endMs = end.getTime();
  if (!Number.isFinite(endMs)) throw new RangeError('end is not a valid date');
  if (!Number.isInteger(days) || days < 1) throw new RangeError('days must be a positive integer');
  const plans = buildPlans(profile, days, endMs, timeZone);
  const tl = buildTimeline(profile, plans);
  const startMs = plans[0]?.sleepStartMs ?? endMs;
  const keep = (list: DemoSample[]) =>
    list
      .filter((s) => Date.parse(s.startDate) >= startMs && Date.parse(s.endDate) <= endMs)
      .sort((a, b) => compare(a.startDate, b.startDate) || compare(a.type, b.type) || compare(a.endDate, b.endDate));
  return {
    watch: keep(watchSamples(profile, plans, tl)),
    phone: keep(phoneSamples(profile, plans, tl)),
    scale: keep(scaleSamples(profile, plans)),
    cuff: keep(cuffSamples(profile, plans)),
    glucometer: keep(glucometerSamples(profile, plans)),
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

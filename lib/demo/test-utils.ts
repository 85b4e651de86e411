// Shared fixtures for the demo generator tests.
import { DEMO_PROFILES, generateDemoData } from './index';
import type { DemoData, DemoProfile, DemoSample } from './types';

export const END = new Date('2025-03-30T21:15:00Z');
export const ZONES = ['America/New_York', 'Europe/Berlin', 'Asia/Tokyo'] as const;

export function profileAt(i: number): DemoProfile {
  const profile = DEMO_PROFILES[i];
  if (!profile) throw new Error(`no demo profile ${i}`);
  return profile;
}

const cache = new Map<string, DemoData>();

/** Thirty days for a profile in a zone (memoised: generation is pure). */
export function demo(i: number, timeZone: string = ZONES[i % ZONES.length] ?? 'UTC', end: Date = END): DemoData {
  const key = `${i}|${timeZone}|${end.toISOString()}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const data = generateDemoData({ profile: profileAt(i), days: 30, end, timeZone });
  cache.set(key, data);
  return data;
}

export function allSamples(data: DemoData): DemoSample[] {
  return Object.values(data).flat();
}

export function ofType(list: readonly DemoSample[], type: string): DemoSample[] {
  return list.filter((s) => s.type === type);
}

export const startMs = (s: DemoSample) => Date.parse(s.startDate);
export const endMs = (s: DemoSample) => Date.parse(s.endDate);
export const num = (s: DemoSample) => Number(s.value);

/** Local hour (0–23) and local date (YYYY-MM-DD) of an instant. */
export function local(ms: number, timeZone: string): { hour: number; date: string } {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit' }).formatToParts(new Date(ms));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return { hour: Number(get('hour')), date: `${get('year')}-${get('month')}-${get('day')}` };
}

export function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : sum(values) / values.length;
}

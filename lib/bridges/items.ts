// What a phone bridge's mapper makes of an app's payload: items in the device-sync shape, each named by
// its JSON path so a refusal says which entry of the app's body it was; an item holding several samples
// (a blood-pressure pair) is stored whole or refused whole. Entries the catalogue has no type for are
// listed as skipped (accepted, not stored), not refused: the app sends them whatever we store.
import type { RawSample } from '../interop/import-result';

export type BridgeItem = { path: string; raws: RawSample[] } | { path: string; error: { field: string; reason: string } };
export type BridgeSkip = { field: string; reason: string };
export type BridgePayload = { items: BridgeItem[]; skipped: BridgeSkip[] };

export const refuse = (path: string, field: string, reason: string): BridgeItem => ({ path, error: { field, reason } });

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A number the app sent as a number or a numeric string; NaN otherwise (validation refuses it). */
export function numberOf(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '') return Number(value);
  return Number.NaN;
}

// Activity names as the apps write them ("Outdoor Run", "Traditional Strength Training", "RUNNING",
// "BIKING") → the catalogue's workout activities; anything else is "other".
const ACTIVITY_WORDS: readonly (readonly [RegExp, string])[] = [
  [/run|jog/i, 'running'],
  [/walk/i, 'walking'],
  [/cycl|bik/i, 'cycling'],
  [/swim/i, 'swimming'],
  [/hik/i, 'hiking'],
  [/strength|weight/i, 'strength'],
  [/yoga/i, 'yoga'],
  [/hiit|high.?intensity/i, 'hiit'],
  [/row/i, 'rowing'],
  [/elliptical/i, 'elliptical'],
  [/danc/i, 'dance'],
];

export function workoutActivity(name: string): string {
  return ACTIVITY_WORDS.find(([pattern]) => pattern.test(name))?.[1] ?? 'other';
}

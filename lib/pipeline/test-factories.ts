// Small builders shared by the pipeline tests (not exported from the module index).

import type { PipelineSample, TypeRules } from './types';

export const MIN = 60_000;
export const HOUR = 60 * MIN;

export const STEPS: TypeRules = { dedupKind: 'CUMULATIVE', aggregation: 'SUM', matchWindowMs: 0 };
export const HEART_RATE: TypeRules = { dedupKind: 'INSTANT', aggregation: 'AVERAGE', matchWindowMs: 60_000 };
// Spot checks carry dedup.md's tolerance: the values must agree too.
export const BLOOD_PRESSURE: TypeRules = { dedupKind: 'INSTANT', aggregation: 'AVERAGE', matchWindowMs: 5 * MIN, tolerance: { absolute: 2, relative: 0 } };
export const WEIGHT: TypeRules = { dedupKind: 'INSTANT', aggregation: 'LATEST', matchWindowMs: 30 * MIN, tolerance: { absolute: 0.2, relative: 0 } };
export const GLUCOSE: TypeRules = {
  dedupKind: 'INSTANT',
  aggregation: 'AVERAGE',
  matchWindowMs: 5 * MIN,
  tolerance: { absolute: 2, relative: 0.02 },
  streams: { cgm: { matchWindowMs: MIN, tolerance: { absolute: 2, relative: 0 } } },
};
// Doses (the catalogue's INSULIN): summed, two uploaders' copies within 60 s and 0.05 U are one dose;
// basal deliveries are a stream of their own.
const DOSE_RULE = { matchWindowMs: MIN, tolerance: { absolute: 0.05, relative: 0 } };
export const INSULIN: TypeRules = { dedupKind: 'INSTANT', aggregation: 'SUM', ...DOSE_RULE, streams: { basal: DOSE_RULE } };
export const SLEEP: TypeRules = { dedupKind: 'CATEGORY_INTERVAL', aggregation: 'SUM', matchWindowMs: 0, sessionGapMs: 60 * MIN };
export const WORKOUTS: TypeRules = { dedupKind: 'WORKOUT', aggregation: 'SUM', matchWindowMs: 0 };

export const DEVICES = {
  watch: { deviceId: 'watch', priority: 100 },
  phone: { deviceId: 'phone', priority: 80 },
  cgm: { deviceId: 'cgm', priority: 60 },
  xdrip: { deviceId: 'xdrip', priority: 60 },
  aaps: { deviceId: 'aaps', priority: 50 },
  cuff: { deviceId: 'cuff', priority: 40 },
  meter: { deviceId: 'meter', priority: 40 },
  export: { deviceId: 'export', priority: 30 },
  manual: { deviceId: 'manual', priority: 10 },
} as const;

let counter = 0;

/** Berlin summer wall clock (UTC+2) to an instant: '2024-06-12T10:00' or '2024-06-12T10:00:40'. */
export function berlin(local: string): number {
  return Date.parse(`${local.length === 16 ? `${local}:00` : local}+02:00`);
}

export function sample(
  device: keyof typeof DEVICES,
  start: string,
  end: string,
  value: number,
  extra: Partial<PipelineSample> = {},
): PipelineSample {
  counter += 1;
  return { id: `s${counter}`, ...DEVICES[device], startMs: berlin(start), endMs: berlin(end), value, ...extra };
}

export function reading(device: keyof typeof DEVICES, at: string, value: number, extra: Partial<PipelineSample> = {}): PipelineSample {
  return sample(device, at, at, value, extra);
}

import { iso } from './time';
import type { DemoSample } from './types';

type SampleInput = {
  type: string;
  value: number | string;
  unit?: string;
  startMs: number;
  endMs?: number;
  id: string;
  metadata?: Record<string, unknown>;
};

/** Builds a sample; an instant when endMs is omitted. Keys without a value are left out. */
export function sample(input: SampleInput): DemoSample {
  const out: DemoSample = {
    type: input.type,
    value: input.value,
    startDate: iso(input.startMs),
    endDate: iso(input.endMs ?? input.startMs),
    clientRecordId: input.id,
  };
  if (input.unit !== undefined) out.unit = input.unit;
  if (input.metadata !== undefined) out.metadata = input.metadata;
  return out;
}

export function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

export function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

export const SEC = 1000;
export const MIN = 60 * SEC;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;

/** Offset of the zone from UTC (local − UTC, in ms) at an instant. */
export type OffsetFn = (ms: number) => number;

export function zoneOffset(timeZone: string): OffsetFn {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  return (ms) => {
    const parts = new Map<string, number>();
    for (const part of format.formatToParts(new Date(ms))) parts.set(part.type, Number(part.value));
    const get = (key: string) => parts.get(key) ?? 0;
    const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
    return asUtc - Math.floor(ms / SEC) * SEC;
  };
}

/** Days since 1970-01-01 of the local calendar date at an instant. */
export function localEpochDay(ms: number, offset: OffsetFn): number {
  return Math.floor((ms + offset(ms)) / DAY);
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekday(epochDay: number): number {
  return (((epochDay + 4) % 7) + 7) % 7;
}

export function floorTo(ms: number, step: number): number {
  return Math.floor(ms / step) * step;
}

export function ceilTo(ms: number, step: number): number {
  return Math.ceil(ms / step) * step;
}

export function iso(ms: number): string {
  return new Date(floorTo(ms, SEC)).toISOString();
}

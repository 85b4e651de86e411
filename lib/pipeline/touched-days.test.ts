import { describe, expect, it } from 'vitest';
import { touchedLocalDays } from './touched-days';

const span = (start: string, end: string) => ({ startMs: Date.parse(start), endMs: Date.parse(end) });

describe('touchedLocalDays', () => {
  it('lists each local day a sample overlaps, in the user’s zone', () => {
    expect(touchedLocalDays([span('2024-07-02T03:00:00Z', '2024-07-02T05:00:00Z')], 'America/New_York')).toEqual(['2024-07-01', '2024-07-02']);
  });

  it('treats the end as exclusive and zero-length samples as their instant', () => {
    expect(touchedLocalDays([span('2024-07-01T20:00:00Z', '2024-07-02T00:00:00Z'), span('2024-07-05T00:00:00Z', '2024-07-05T00:00:00Z')], 'UTC')).toEqual(['2024-07-01', '2024-07-05']);
  });

  it('fills days in between and deduplicates', () => {
    expect(touchedLocalDays([span('2024-07-01T12:00:00Z', '2024-07-03T12:00:00Z'), span('2024-07-02T01:00:00Z', '2024-07-02T02:00:00Z')], 'UTC')).toEqual(['2024-07-01', '2024-07-02', '2024-07-03']);
  });

  it('a trailing margin marks the day a sleep session may end on', () => {
    expect(touchedLocalDays([span('2024-07-01T21:00:00Z', '2024-07-01T22:00:00Z')], 'UTC', { trailingMs: 12 * 3_600_000 })).toEqual(['2024-07-01', '2024-07-02']);
  });
});

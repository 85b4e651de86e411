import { describe, expect, it } from 'vitest';
import { categoryOf, DEFAULT_CHANNELS, effectiveChannels, hhmmOf, minutesOf, releaseTime } from './preferences';

describe('notification preferences', () => {
  it('categories come from the kind; the defaults fill what the person did not choose', () => {
    expect(['emergency.GLUCOSE_LOW.escalated', 'insight.SLEEP', 'medication.reminder', 'digest.daily', 'other'].map(categoryOf)).toEqual([
      'emergency', 'insight', 'medication', 'digest', 'insight',
    ]);
    expect(effectiveChannels({})).toEqual(DEFAULT_CHANNELS);
    expect(effectiveChannels({ insight: [], emergency: ['PUSH', 'PUSH'] })).toEqual({ ...DEFAULT_CHANNELS, insight: [], emergency: ['PUSH'] });
    expect(effectiveChannels({ nonsense: true })).toEqual(DEFAULT_CHANNELS); // unreadable: the defaults, never silence
  });

  it('quiet hours hold a message until they end, in the person’s zone, across midnight and daylight-saving changes', () => {
    const quiet = { start: minutesOf('22:00'), end: minutesOf('07:00') };
    expect(hhmmOf(quiet.start)).toBe('22:00');
    const at = (iso: string) => Date.parse(iso);
    // Outside: at once.
    expect(releaseTime(at('2026-06-10T12:00:00Z'), quiet, 'Asia/Kolkata')).toBe(at('2026-06-10T12:00:00Z'));
    // 23:15 IST → 07:00 IST next day (01:30Z).
    expect(releaseTime(at('2026-06-10T17:45:10Z'), quiet, 'Asia/Kolkata')).toBe(at('2026-06-11T01:30:00Z'));
    // New York, the night clocks spring forward (2027-03-14): 07:00 EDT is 11:00Z.
    expect(releaseTime(at('2027-03-14T04:00:00Z'), quiet, 'America/New_York')).toBe(at('2027-03-14T11:00:00Z'));
    // A window within the day, and none at all.
    expect(releaseTime(at('2026-06-10T13:30:00Z'), { start: minutesOf('13:00'), end: minutesOf('14:00') }, 'UTC')).toBe(at('2026-06-10T14:00:00Z'));
    expect(releaseTime(at('2026-06-10T23:00:00Z'), null, 'UTC')).toBe(at('2026-06-10T23:00:00Z'));
  });
});

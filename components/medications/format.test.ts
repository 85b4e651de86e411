// The medication pages' words: schedules as people say them, and a 422's field errors by the form field
// they belong to (schedule.times.0 → the schedule fieldset).
import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '@/lib/query/api';
import { listInWords, scheduleInWords, timeIn } from './format';
import { fieldErrors } from './medication-form';

describe('scheduleInWords', () => {
  it('says each kind of schedule in words', () => {
    expect(scheduleInWords({ kind: 'daily', times: ['08:00', '20:00'] })).toBe('08:00 and 20:00 every day');
    expect(scheduleInWords({ kind: 'daily', times: ['08:00'] })).toBe('08:00 every day');
    expect(scheduleInWords({ kind: 'interval', everyHours: 8, from: '06:00' })).toBe('every 8 hours from 06:00');
    expect(scheduleInWords({ kind: 'weekdays', days: ['MON', 'THU'], times: ['09:00'] })).toBe('Mon, Thu at 09:00');
    expect(scheduleInWords({ kind: 'asNeeded' })).toBe('as needed');
    expect(listInWords(['07:00', '13:00', '19:00'])).toBe('07:00, 13:00 and 19:00');
  });

  it('shows a dose time in the patient’s zone, not the browser’s', () => {
    expect(timeIn('2026-11-10T02:30:00.000Z', 'Asia/Kolkata')).toBe('08:00');
    expect(timeIn('2026-07-10T06:00:00.000Z', 'Europe/Berlin')).toBe('08:00');
  });
});

describe('fieldErrors', () => {
  it('groups the API’s field errors by form field', () => {
    const error = new ApiRequestError(422, 'invalid', [
      { field: 'name', reason: 'must not be empty' },
      { field: 'schedule.times.0', reason: 'must be HH:MM' },
      { field: 'endedOn', reason: 'is before startedOn' },
    ]);
    expect(fieldErrors(error)).toEqual({ name: 'must not be empty', schedule: 'times.0: must be HH:MM', endedOn: 'is before startedOn' });
    expect(fieldErrors(new Error('network'))).toEqual({});
  });
});

// The medication pages' words: schedules as people say them, and a 422's field errors by the form field
// they belong to (schedule.times.0 → the schedule fieldset).
import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '@/lib/query/api';
import { listInWords, scheduleInWords, timeIn, weekdayName } from './format';
import { clientChecks, fieldErrors } from './medication-form';

describe('scheduleInWords', () => {
  it('says each kind of schedule in words', () => {
    expect(scheduleInWords({ kind: 'daily', times: ['08:00', '20:00'] })).toBe('08:00 and 20:00 every day');
    expect(scheduleInWords({ kind: 'daily', times: ['08:00'] })).toBe('08:00 every day');
    expect(scheduleInWords({ kind: 'interval', everyHours: 8, from: '06:00' })).toBe('every 8 hours from 06:00');
    expect(scheduleInWords({ kind: 'weekdays', days: ['MON', 'THU'], times: ['09:00'] })).toBe('Mon, Thu at 09:00');
    expect(scheduleInWords({ kind: 'asNeeded' })).toBe('as needed');
    expect(listInWords(['07:00', '13:00', '19:00'])).toBe('07:00, 13:00 and 19:00');
  });

  it('says a schedule in the reader’s language: Hindi words, Marathi’s own digits (issue 21)', () => {
    expect(scheduleInWords({ kind: 'daily', times: ['08:00', '20:00'] }, 'hi')).toBe('हर दिन 08:00 और 20:00');
    expect(scheduleInWords({ kind: 'interval', everyHours: 8, from: '06:00' }, 'hi')).toBe('06:00 से हर 8 घंटे में');
    expect(scheduleInWords({ kind: 'weekdays', days: ['MON', 'THU'], times: ['09:00'] }, 'hi')).toBe(`${weekdayName('MON', 'hi')}, ${weekdayName('THU', 'hi')} को 09:00`);
    expect(weekdayName('MON', 'hi')).toBe('सोम');
    expect(scheduleInWords({ kind: 'asNeeded' }, 'hi')).toBe('ज़रूरत पड़ने पर');
    expect(scheduleInWords({ kind: 'daily', times: ['08:00', '20:00'] }, 'mr')).toBe('दररोज ०८:०० आणि २०:००');
    expect(scheduleInWords({ kind: 'interval', everyHours: 1, from: '06:00' })).toBe('every hour from 06:00');
  });

  it('shows a dose time in the patient’s zone, not the browser’s', () => {
    expect(timeIn('2026-11-10T02:30:00.000Z', 'Asia/Kolkata')).toBe('08:00');
    expect(timeIn('2026-07-10T06:00:00.000Z', 'Europe/Berlin')).toBe('08:00');
  });
});

describe('clientChecks', () => {
  it('names what is missing or malformed before anything is sent, by field', () => {
    const ok = { name: 'Metformin', dose: '1 tablet', kind: 'daily' as const, times: '08:00, 20:00', days: [] };
    expect(clientChecks(ok)).toEqual({});
    expect(clientChecks({ ...ok, name: ' ', dose: '' })).toEqual({ name: 'required', dose: 'required' });
    expect(clientChecks({ ...ok, times: '' })).toEqual({ schedule: 'noTimes' });
    expect(clientChecks({ ...ok, times: '8:00, 25:00' })).toEqual({ schedule: 'times' });
    expect(clientChecks({ ...ok, kind: 'weekdays', times: '09:00', days: [] })).toEqual({ schedule: 'days' });
    expect(clientChecks({ ...ok, kind: 'interval', times: '' })).toEqual({});
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

import { describe, expect, it } from 'vitest';
import { describeCarbs, describeInsulin, formatDuration, formatUnits } from './doses';

const at = '2026-11-20T08:00:00.000Z';

describe('dose text', () => {
  it.each([
    [{ value: 4.5, insulinKind: 'bolus', at, endAt: null }, '4.5 U bolus'],
    [{ value: 2, insulinKind: 'correction', at, endAt: null }, '2 U correction bolus'],
    [{ value: 0.3, insulinKind: 'smb', at, endAt: null }, 'SMB 0.3 U'],
    [{ value: 0.8, insulinKind: 'temp_basal', at, endAt: '2026-11-20T08:30:00.000Z' }, 'Temp basal 0.8 U over 30 min'],
    [{ value: 0, insulinKind: 'temp_basal', at, endAt: '2026-11-20T09:30:00.000Z' }, 'Temp basal 0 U over 1 h 30 min'],
    [{ value: 22, insulinKind: 'basal', at, endAt: '2026-11-21T08:00:00.000Z' }, 'Basal 22 U over 24 h'],
    [{ value: 3.25, insulinKind: null, at, endAt: null }, '3.25 U insulin'],
    [{ value: 1.2, insulinKind: 'bolus', at, endAt: '2026-11-20T09:00:00.000Z' }, '1.2 U bolus over 1 h'],
  ])('%o reads "%s"', (dose, text) => {
    expect(describeInsulin(dose)).toBe(text);
  });

  it('states units to 2 decimals without trailing zeros, grams whole, durations in h and min', () => {
    expect(formatUnits(0.05)).toBe('0.05 U');
    expect(formatUnits(0.025)).toBe('0.03 U');
    expect(formatUnits(41.999)).toBe('42 U');
    expect(describeCarbs(45.4)).toBe('45 g carbs');
    expect(formatDuration(90 * 60_000)).toBe('1 h 30 min');
  });

  it('reads in the reader’s language and digits', () => {
    expect(describeInsulin({ value: 4.5, insulinKind: 'bolus', at, endAt: null }, 'hi')).toBe('4.5 U बोलस');
    expect(describeInsulin({ value: 0.8, insulinKind: 'temp_basal', at, endAt: '2026-11-20T09:30:00.000Z' }, 'hi')).toBe('अस्थायी बेसल 0.8 U, 1 h 30 min में');
    expect(describeInsulin({ value: 3.25, insulinKind: null, at, endAt: null }, 'ta')).toBe('3.25 U இன்சுலின்');
    // Bengali in its own digits, with its decimal point.
    expect(describeInsulin({ value: 0.3, insulinKind: 'smb', at, endAt: null }, 'bn')).toBe('SMB ০.৩ U');
    expect(describeCarbs(1234, 'bn')).toBe('১,২৩৪ g কার্বস');
    expect(describeCarbs(45.4, 'gu')).toBe('45 g કાર્બ્સ');
    expect(formatUnits(1234.5, 'hi')).toBe('1,234.5 U');
  });
});

import { describe, expect, it } from 'vitest';
import { addDays, monthStart, weekStart } from './day-math';

describe('day math', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });

  it('finds the Monday of the ISO week', () => {
    expect(weekStart('2026-11-23')).toBe('2026-11-23'); // Monday
    expect(weekStart('2026-11-22')).toBe('2026-11-16'); // Sunday
    expect(weekStart('1970-01-01')).toBe('1969-12-29'); // Thursday
    expect(weekStart('2027-01-01')).toBe('2026-12-28');
  });

  it('finds the first of the month', () => {
    expect(monthStart('2026-11-21')).toBe('2026-11-01');
  });
});

// A running day's labels name the part of the day in the reader's language, the type's name from types.names.
import { expect, it } from 'vitest';
import { todayLabel } from './today-summary';

it('keeps the English labels and writes them in Tamil and Hindi', () => {
  expect(todayLabel('STEPS')).toBe('Steps so far');
  expect(todayLabel('SLEEP_STATE')).toBe('Sleep ending today (night may still be going on)');
  expect(todayLabel('WEIGHT')).toBe('Weight (latest today)');
  expect(todayLabel('RESTING_HEART_RATE')).toBe('Resting heart rate (average so far)');
  expect(todayLabel('STEPS', 'ta')).toBe('இதுவரை அடிகள்');
  expect(todayLabel('WEIGHT', 'hi')).toMatch(/^\S.* \(आज का नवीनतम\)$/);
});

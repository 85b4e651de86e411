// Arithmetic on local calendar days ('YYYY-MM-DD'), zone-free: a local day is a label, not an instant.
import { dayLabel, parseDay } from './calendar-keys';

export function addDays(day: string, n: number): string {
  return dayLabel(parseDay(day) + n);
}

/** Monday of the ISO week containing `day`. */
export function weekStart(day: string): string {
  const index = parseDay(day);
  // Day index 0 is 1970-01-01, a Thursday: Monday-based weekday = (index + 3) mod 7.
  return dayLabel(index - (((index + 3) % 7) + 7) % 7);
}

export function monthStart(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

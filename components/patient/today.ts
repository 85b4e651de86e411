// "Today" for a server request: the patient's local calendar day now. Server components render once
// per request, so every part of a page agrees on the day.
import { localDate, localDateTime } from '@/lib/time';

export function todayIn(timeZone: string): string {
  return localDate(Date.now(), timeZone);
}

/** The server's now, its local wall-clock time and day, taken once per request (to tell partial periods). */
export function nowIn(timeZone: string): { nowMs: number; today: string; local: string } {
  const nowMs = Date.now();
  return { nowMs, today: localDate(nowMs, timeZone), local: localDateTime(nowMs, timeZone) };
}

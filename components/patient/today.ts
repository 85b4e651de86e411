// "Today" for a server request: the patient's local calendar day now. Server components render once
// per request, so every part of a page agrees on the day.
import { localDate } from '@/lib/time';

export function todayIn(timeZone: string): string {
  return localDate(Date.now(), timeZone);
}

/** The server's now and the local day it falls on, taken once per request (the dashboard's partial day). */
export function nowIn(timeZone: string): { nowMs: number; today: string } {
  const nowMs = Date.now();
  return { nowMs, today: localDate(nowMs, timeZone) };
}

// "Today" for a server request: the patient's local calendar day now. Server components render once
// per request, so every part of a page agrees on the day.
import { localDate } from '@/lib/time';

export function todayIn(timeZone: string): string {
  return localDate(Date.now(), timeZone);
}

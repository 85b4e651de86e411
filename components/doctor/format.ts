// Dates for the carer pages, formatted by hand in an explicit time zone (not the browser's locale or
// zone), so the server render and the hydrated client show the very same text.
import { addDays, localDate, localDateTime } from '@/lib/time';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** '2026-05-03' → '3 May 2026' */
export function formatDay(day: string): string {
  const [y, m, d] = day.split('-');
  return `${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`;
}

/** "today 09:32", "yesterday 21:05", "3 May 2026 07:10", or `never`; `today` is the viewer's local date. */
export function formatWhen(iso: string | null, timeZone: string, today: string, never = 'Never'): string {
  if (!iso) return never;
  const local = localDateTime(Date.parse(iso), timeZone);
  const day = local.slice(0, 10);
  const time = local.slice(11, 16);
  if (day === today) return `today ${time}`;
  if (day === addDays(today, -1)) return `yesterday ${time}`;
  return `${formatDay(day)} ${time}`;
}

export const todayIn = (timeZone: string, nowMs = Date.now()) => localDate(nowMs, timeZone);

/** "3 May" for chart axes. */
export function shortDay(day: string): string {
  const [, m, d] = day.split('-');
  return `${Number(d)} ${MONTHS[Number(m) - 1]}`;
}

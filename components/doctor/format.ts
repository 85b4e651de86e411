// Dates for the carer pages, formatted in an explicit time zone (not the browser's locale or zone), so
// the server render and the hydrated client show the very same text. The language is the reader's,
// passed in (English when not): English keeps its hand-made "3 May 2026", the others go through Intl.
import { localDigits } from '@/lib/format/health';
import { intlLocale, type Locale } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/messages';
import { addDays, localDate, localDateTime } from '@/lib/time';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

// A calendar day, not an instant: formatted at UTC noon in UTC, so no zone can move it to another day.
const intlDay = (day: string, locale: Locale, options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat(intlLocale(locale), { ...options, timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`));

/** '2026-05-03' → '3 May 2026' ('3 मई 2026' in Hindi). */
export function formatDay(day: string, locale: Locale = 'en'): string {
  if (locale !== 'en') return intlDay(day, locale, { day: 'numeric', month: 'short', year: 'numeric' });
  const [y, m, d] = day.split('-');
  return `${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`;
}

/** "today 09:32", "yesterday 21:05", "3 May 2026 07:10", or `never` (default "Never"); `today` is the viewer's local date. */
export function formatWhen(iso: string | null, timeZone: string, today: string, never?: string, locale: Locale = 'en'): string {
  if (!iso) return never ?? translator(locale, 'doctor')('never');
  const t = translator(locale, 'formats');
  const local = localDateTime(Date.parse(iso), timeZone);
  const day = local.slice(0, 10);
  const time = localDigits(local.slice(11, 16), locale);
  const dayText = day === today ? t('today') : day === addDays(today, -1) ? t('yesterday') : formatDay(day, locale);
  return t('dayTime', { day: dayText, time });
}

export const todayIn = (timeZone: string, nowMs = Date.now()) => localDate(nowMs, timeZone);

/** "3 May" for chart axes and tables. */
export function shortDay(day: string, locale: Locale = 'en'): string {
  if (locale !== 'en') return intlDay(day, locale, { day: 'numeric', month: 'short' });
  const [, m, d] = day.split('-');
  return `${Number(d)} ${MONTHS[Number(m) - 1]}`;
}

// Display helpers of the patient pages that do not depend on the browser's locale or zone, so the
// server and the client render the same text: the language is the reader's, passed in (English when not).
import { formatValue, localDigits, numberLocale, type UnitPreferences } from '@/lib/format/health';
import type { HealthType } from '@/lib/health';
import type { Locale } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/messages';
import { addDays, localDateTime } from '@/lib/time';
import { formatDay } from '@/components/patient/trends/periods';

/** "today", "yesterday" or "Mon 13 Jul". */
export function dayPhrase(day: string, today: string, locale: Locale = 'en'): string {
  const t = translator(locale, 'formats');
  if (day === today) return t('today');
  if (day === addDays(today, -1)) return t('yesterday');
  return formatDay(day, 'weekday', locale);
}

/** An instant in the patient's zone: "today 09:32", "yesterday 21:05", "Mon 13 Jul 07:10". */
export function instantPhrase(iso: string, timeZone: string, today: string, locale: Locale = 'en'): string {
  const local = localDateTime(Date.parse(iso), timeZone);
  return translator(locale, 'formats')('dayTime', { day: dayPhrase(local.slice(0, 10), today, locale), time: localDigits(local.slice(11, 16), locale) });
}

/** Minutes as "7 h 15 min" or "25 min". */
export function formatMinutes(minutes: number, locale: Locale = 'en'): string {
  const total = Math.round(Math.abs(minutes));
  const h = Math.floor(total / 60);
  const m = total % 60;
  return localDigits(h === 0 ? `${m} min` : m === 0 ? `${h} h` : `${h} h ${m} min`, locale);
}

/** A value of a type for display, sleep as hours and minutes. */
export function formatMetric(type: HealthType, canonical: number, units: UnitPreferences, locale: Locale = 'en'): string {
  if (type === 'SLEEP_STATE' || type === 'SLEEP_ANALYSIS') return formatMinutes(canonical, locale);
  return formatValue(type, canonical, units, locale);
}

/** A signed difference, e.g. "+674 steps", "−0.4 kg", "+25 min" (a real minus sign). */
export function formatDelta(type: HealthType, delta: number, units: UnitPreferences, locale: Locale = 'en'): string {
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
  return `${sign}${formatMetric(type, Math.abs(delta), units, locale)}`;
}

export function formatCount(n: number, locale: Locale = 'en'): string {
  return Math.round(n).toLocaleString(numberLocale(locale));
}

/** A whole percentage for display: "22", in the locale's digits. */
export function formatPercent(n: number, locale: Locale = 'en'): string {
  return localDigits(String(n), locale);
}

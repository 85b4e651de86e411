// An instant as the admin pages write it, in the admin's zone. English keeps the sortable
// '2026-11-21 09:30' written by hand (lib/time); the other languages get the same fields (24-hour
// clock) through Intl, with their own digits and order. No 'use client': the outbox's server pages use it.
import { intlLocale, type Locale } from '@/lib/i18n/locales';
import { localDateTime } from '@/lib/time';

export function formatAdminInstant(ms: number, timeZone: string, locale: Locale): string {
  if (locale === 'en') return localDateTime(ms, timeZone).slice(0, 16).replace('T', ' ');
  return new Intl.DateTimeFormat(intlLocale(locale), { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(ms);
}

'use client';
// The admin's own time zone, set once by the admin layout: every date on these pages is written in it
// and in the reader's language (./format), so the server render and the hydrated client show the same text.
import { createContext, useContext, type ReactNode } from 'react';
import { useLocale } from 'use-intl';
import { formatAdminInstant } from './format';

const TimeZoneContext = createContext('UTC');

export function AdminTimeZone({ timeZone, children }: { timeZone: string; children: ReactNode }) {
  return <TimeZoneContext.Provider value={timeZone}>{children}</TimeZoneContext.Provider>;
}

/** '2026-11-21T08:30:00Z' → '2026-11-21 09:30' in the admin's zone (in English); `none` for null. */
export function useFormatInstant(): (iso: string | null, none?: string) => string {
  const timeZone = useContext(TimeZoneContext);
  const locale = useLocale();
  return (iso, none = '—') => (iso ? formatAdminInstant(Date.parse(iso), timeZone, locale) : none);
}

export function useTimeZone(): string {
  return useContext(TimeZoneContext);
}

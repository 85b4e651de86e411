// The trend windows, pure: which aggregates (hourly, daily, weekly) and which local days each period
// shows, how to step back and forth, and how its points and window are labelled. Days are the
// patient's local calendar labels, so nothing here depends on the browser's time zone.
import type { HealthType } from '@/lib/health';
import { addDays, weekStart } from '@/lib/time';
import { localDigits } from '@/lib/format/health';
import { intlLocale, type Locale } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/messages';

export const TREND_PERIODS = ['day', 'week', 'month', 'year'] as const;
export type TrendPeriod = (typeof TREND_PERIODS)[number];
export type AggregatePeriod = 'hour' | 'day' | 'week';

export const PERIOD_LABELS: Record<TrendPeriod, string> = { day: 'Day', week: 'Week', month: 'Month', year: 'Year' };

/** "Day", "Week", … in the reader's language. */
export function periodLabel(period: TrendPeriod, locale: Locale = 'en'): string {
  return locale === 'en' ? PERIOD_LABELS[period] : translator(locale, 'trends')(`periods.${period}`);
}

export type TrendWindow = { period: TrendPeriod; aggregate: AggregatePeriod; fromDay: string; toDay: string };

/** The window `offset` steps back (negative) from the one ending today. */
export function trendWindow(period: TrendPeriod, today: string, offset = 0): TrendWindow {
  switch (period) {
    case 'day': {
      const day = addDays(today, offset);
      return { period, aggregate: 'hour', fromDay: day, toDay: day };
    }
    case 'week': {
      const toDay = addDays(today, 7 * offset);
      return { period, aggregate: 'day', fromDay: addDays(toDay, -6), toDay };
    }
    case 'month': {
      const toDay = addDays(today, 30 * offset);
      return { period, aggregate: 'day', fromDay: addDays(toDay, -29), toDay };
    }
    case 'year': {
      // 52 whole weeks, Monday-based, the last one holding the window's end.
      const toDay = addDays(today, 364 * offset);
      return { period, aggregate: 'week', fromDay: addDays(weekStart(toDay), -51 * 7), toDay };
    }
  }
}

// English is formatted by hand, not with Intl: the server and the browser must render the very same
// text. The Indian languages need Intl's month and weekday names (both sides carry full ICU data).
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const DAY_STYLES: Record<'short' | 'weekday' | 'long' | 'year', Intl.DateTimeFormatOptions> = {
  short: { day: 'numeric', month: 'short' },
  weekday: { weekday: 'short', day: 'numeric', month: 'short' },
  long: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
  year: { day: 'numeric', month: 'short', year: 'numeric' },
};

/**
 * A local day 'YYYY-MM-DD' as "14 Jul", "Tue 14 Jul", "Tuesday 14 July 2026" or "14 Jul 2026"; in the
 * Indian languages as Intl writes them ("मंगल, 14 जुल॰"). The day is a calendar label: formatted in UTC.
 */
export function formatDay(day: string, style: 'short' | 'weekday' | 'long' | 'year' = 'weekday', locale: Locale = 'en'): string {
  const [y, m, d] = day.slice(0, 10).split('-').map(Number) as [number, number, number];
  if (locale !== 'en') return new Intl.DateTimeFormat(intlLocale(locale), { ...DAY_STYLES[style], timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d));
  const weekday = WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]!;
  const month = MONTHS[m - 1]!;
  if (style === 'short') return `${d} ${month.slice(0, 3)}`;
  if (style === 'long') return `${weekday} ${d} ${month} ${y}`;
  if (style === 'year') return `${d} ${month.slice(0, 3)} ${y}`;
  return `${weekday.slice(0, 3)} ${d} ${month.slice(0, 3)}`;
}

/** A point's label from its local period start 'YYYY-MM-DDTHH:mm:ss'. */
export function pointLabel(periodStart: string, aggregate: AggregatePeriod, locale: Locale = 'en'): string {
  if (aggregate === 'hour') return localDigits(periodStart.slice(11, 16), locale);
  if (aggregate === 'week') {
    return locale === 'en' ? `wk of ${formatDay(periodStart, 'short')}` : translator(locale, 'trends')('weekOf', { day: formatDay(periodStart, 'short', locale) });
  }
  return formatDay(periodStart, 'weekday', locale);
}

/**
 * The period start of the bucket that is not over yet at local wall-clock `now` ('YYYY-MM-DDTHH:mm:ss'):
 * the current hour, today, or this week. A bucket with this start is partial and is labelled so.
 */
export function runningPeriodStart(aggregate: AggregatePeriod, now: string): string {
  if (aggregate === 'hour') return `${now.slice(0, 13)}:00:00`;
  if (aggregate === 'week') return `${weekStart(now.slice(0, 10))}T00:00:00`;
  return `${now.slice(0, 10)}T00:00:00`;
}

/** "Today", "Yesterday", "Mon 13 Jul", or "7 Jul – 13 Jul 2026" for a range. */
export function windowLabel(window: TrendWindow, today: string, locale: Locale = 'en'): string {
  const t = translator(locale, 'trends');
  if (window.fromDay === window.toDay) {
    if (window.fromDay === today) return t('windowToday');
    if (window.fromDay === addDays(today, -1)) return t('windowYesterday');
    return formatDay(window.fromDay, 'long', locale);
  }
  return `${formatDay(window.fromDay, 'year', locale)} – ${formatDay(window.toDay, 'year', locale)}`;
}

/** The aggregates request behind one type's window (server prefetch and client use the same). */
export function trendQuery(type: HealthType, window: TrendWindow) {
  return { types: [type], period: window.aggregate, from: window.fromDay, to: window.toDay };
}

export function parsePeriod(value: unknown): TrendPeriod {
  return TREND_PERIODS.includes(value as TrendPeriod) ? (value as TrendPeriod) : 'week';
}

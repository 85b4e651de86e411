// A read-only view of one share: per shared type, a summary and a chart of its daily values (weekly
// past 92 days) within the share's dates. Server-rendered from the share's own scope, so nothing
// beyond its types and days can reach the page. In the reader's language: a link's visitor has no
// account, so theirs is the cookie's or the browser's (lib/i18n/server.ts).
import { TrendChart } from '@/components/charts/trend-chart';
import { Card } from '@/components/ui/card';
import { Empty } from '@/components/ui/states';
import { formatDay } from '@/components/patient/trends/periods';
import { findAggregates } from '@/lib/data/aggregates';
import { shareScope, type ActiveShare } from '@/lib/data/shares';
import { displayUnit, formatValue, toDisplay, typeLabelIn, type UnitPreferences } from '@/lib/format/health';
import { getHealthType, type HealthType } from '@/lib/health';
import { intlLocale, type Locale } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/messages';
import { getLocale, getTranslations } from '@/lib/i18n/server';

type Point = { periodStart: string; value: number; min: number | null; max: number | null };
type Per = 'day' | 'week';

const dayCount = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;

/** One type's period in a sentence: a total and mean for summed types, else mean, lowest and highest. */
export function summary(type: HealthType, points: Point[], units: UnitPreferences, per: Per, locale: Locale = 'en'): string {
  const t = translator(locale, 'sharing');
  if (points.length === 0) return t('data.noData');
  const values = points.map((p) => p.value);
  const fmt = (v: number) => formatValue(type, v, units, locale);
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  if (getHealthType(type).aggregation === 'SUM') {
    const args = { total: fmt(values.reduce((a, b) => a + b, 0)), mean: fmt(mean), count: values.length };
    return per === 'week' ? t('data.sumWeek', args) : t('data.sumDay', args);
  }
  const args = { mean: fmt(mean), min: fmt(Math.min(...values)), max: fmt(Math.max(...values)), count: values.length };
  return per === 'week' ? t('data.averageWeek', args) : t('data.averageDay', args);
}

export async function SharedDataView({ share, units }: { share: ActiveShare; units: UnitPreferences }) {
  const weekly = dayCount(share.fromDay, share.toDay) > 92;
  const [data, locale, t] = await Promise.all([
    findAggregates(shareScope(share), { types: share.types, period: weekly ? 'WEEK' : 'DAY', fromDay: share.fromDay, toDay: share.toDay }) as Promise<Record<string, Point[]>>,
    getLocale(),
    getTranslations('sharing'),
  ]);
  const per: Per = weekly ? 'week' : 'day';
  return (
    <div className="space-y-4">
      {share.types.map((type) => {
        const points = data[type] ?? [];
        const label = typeLabelIn(type, locale);
        return (
          <Card key={type} title={label}>
            <p className="mb-3 text-sm text-slate-700">{summary(type, points, units, per, locale)}</p>
            {points.length === 0 ? (
              <Empty>
                {t('data.noReadings', { type: locale === 'en' ? label.toLowerCase() : label, from: formatDay(share.fromDay, 'year', locale), to: formatDay(share.toDay, 'year', locale) })}
              </Empty>
            ) : (
              <TrendChart
                title={per === 'week' ? t('data.chartWeek', { type: label }) : t('data.chartDay', { type: label })}
                unitLabel={displayUnit(type, units).label}
                band={getHealthType(type).aggregation === 'AVERAGE'}
                points={points.map((p) => ({
                  label: p.periodStart.slice(0, 10),
                  value: toDisplay(type, p.value, units),
                  min: p.min == null ? null : toDisplay(type, p.min, units),
                  max: p.max == null ? null : toDisplay(type, p.max, units),
                }))}
              />
            )}
          </Card>
        );
      })}
    </div>
  );
}

/** "Steps, Heart rate from 1 Oct 2026 to 10 Oct 2026. Access ends 22 Nov 2026, 14:00 UTC." */
export async function ShareScopeText({ share }: { share: Pick<ActiveShare, 'types' | 'fromDay' | 'toDay' | 'expiresAt'> }) {
  const [locale, t] = await Promise.all([getLocale(), getTranslations('sharing')]);
  const until = new Intl.DateTimeFormat(intlLocale(locale), { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short' }).format(new Date(share.expiresAt));
  return (
    <p className="text-sm text-slate-700">
      {t.rich('scope', {
        types: share.types.map((type) => typeLabelIn(type, locale)).join(', '),
        from: formatDay(share.fromDay, 'year', locale),
        to: formatDay(share.toDay, 'year', locale),
        until,
        start: (chunks) => <time dateTime={share.fromDay}>{chunks}</time>,
        end: (chunks) => <time dateTime={share.toDay}>{chunks}</time>,
        expiry: (chunks) => <time dateTime={share.expiresAt}>{chunks}</time>,
      })}
    </p>
  );
}

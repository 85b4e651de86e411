'use client';

// Every type at a glance for the last 30 days: a sparkline and one number each, linking to its trend.
// Today is not over: a summed type's today (steps so far, a night perhaps still going on) is left out
// of its average per day and of its sparkline, which would otherwise show a drop.
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useLocale, useTranslations } from 'use-intl';
import { Sparkline } from '@/components/charts/sparkline';
import { Card } from '@/components/ui/card';
import { ErrorMessage, Loading } from '@/components/ui/states';
import type { UnitPreferences } from '@/lib/format/health';
import { getHealthType, type HealthType } from '@/lib/health';
import type { Locale } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/messages';
import { OPTIONAL_TREND_TYPES, TREND_GROUPS, trendLabel } from '@/components/patient/trends/catalogue';
import { chartUnit, windowStats } from '@/components/patient/trends/series';
import type { AggregateRow } from './api-types';
import { formatMetric } from './format';
import { linkClass } from './styles';
import { aggregatesOptions, type AggregatesParams } from './queries';

function headline(type: HealthType, rows: AggregateRow[], units: UnitPreferences, running: string, locale: Locale): string {
  const stats = windowStats(type, rows, 'day', running);
  if (!stats) return '';
  const t = translator(locale, 'trends');
  const fmt = (v: number) => formatMetric(type, v, units, locale);
  if (stats.kind === 'SUM') {
    return stats.perDay === null ? t('todaySoFar', { value: fmt(stats.total) }) : t(stats.partial ? 'perDayBeforeToday' : 'perDay', { value: fmt(stats.perDay) });
  }
  if (stats.kind === 'AVERAGE') return t('onAverage', { value: fmt(stats.average) });
  return t('latest', { value: fmt(stats.latest) });
}

/** `params.to` is today, the day still running. */
export function TrendsOverview({ params, units }: { params: AggregatesParams; units: UnitPreferences }) {
  const running = `${params.to}T00:00:00`;
  const aggregates = useQuery(aggregatesOptions(params));
  const locale = useLocale();
  const t = useTranslations('trends');
  if (aggregates.isPending) return <Loading label={t('loading')} />;
  if (aggregates.isError) return <ErrorMessage error={aggregates.error} retry={() => aggregates.refetch()} />;
  const data = aggregates.data;
  const withData = (t: HealthType) => (data[t]?.length ?? 0) > 0;
  const without = TREND_GROUPS.flatMap((g) => g.types).filter((t) => !withData(t) && !OPTIONAL_TREND_TYPES.has(t));
  return (
    <div className="space-y-6">
      {TREND_GROUPS.map((group) => {
        const types = group.types.filter(withData);
        if (types.length === 0) return null;
        return (
          <section key={group.id} aria-labelledby={`group-${group.id}`}>
            <h2 id={`group-${group.id}`} className="mb-2 text-lg font-semibold text-slate-900">{t(`groups.${group.id}`)}</h2>
            <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
              {types.map((type) => {
                const rows = data[type] ?? [];
                const { convert, decimals } = chartUnit(type, units);
                const summed = getHealthType(type).aggregation === 'SUM';
                const spark = rows.filter((r) => !summed || r.periodStart !== running).map((r) => convert(r.value));
                return (
                  <li key={type}>
                    <Card className="h-full">
                      <h3 className="font-medium">
                        <Link href={`/trends/${type}`} className={linkClass}>{trendLabel(type, locale)}</Link>
                      </h3>
                      <p className="mt-1 text-sm text-slate-700">{headline(type, rows, units, running, locale)}</p>
                      <div className="mt-2">
                        <Sparkline values={spark} decimals={decimals} label={t(summed ? 'sparkLast30Whole' : 'sparkLast30', { label: trendLabel(type, locale) })} />
                      </div>
                    </Card>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
      {TREND_GROUPS.every((g) => !g.types.some(withData)) && (
        <p className="text-slate-700">
          {t.rich('noData30', { link: (chunks) => <Link href="/devices" className={linkClass}>{chunks}</Link> })}
        </p>
      )}
      {without.length > 0 && (
        <section aria-labelledby="no-data">
          <h2 id="no-data" className="mb-2 text-lg font-semibold text-slate-900">{t('noDataHeading')}</h2>
          <ul className="flex flex-wrap gap-x-4 gap-y-2 text-sm">
            {without.map((type) => (
              <li key={type}>
                <Link href={`/trends/${type}`} className={linkClass}>{trendLabel(type, locale)}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

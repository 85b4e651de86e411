'use client';

// The window's headline numbers under a trend chart.
import { useLocale, useTranslations } from 'use-intl';
import type { UnitPreferences } from '@/lib/format/health';
import type { HealthType } from '@/lib/health';
import type { WindowStats } from '@/components/patient/trends/series';
import { formatDay } from '@/components/patient/trends/periods';
import { formatCount, formatMetric } from './format';

export function TrendStats({ type, stats, per, units }: { type: HealthType; stats: WindowStats; per: 'day' | 'week' | null; units: UnitPreferences }) {
  const locale = useLocale();
  const t = useTranslations('trends.stats');
  const fmt = (v: number) => formatMetric(type, v, units, locale);
  const perLabel = per === 'week' ? (stats.kind === 'SUM' && stats.partial ? t('perWeekPartial') : t('perWeek')) : stats.kind === 'SUM' && stats.partial ? t('perDayPartial') : t('perDay');
  const items: [string, string, string][] =
    stats.kind === 'SUM'
      ? [
          ['total', stats.partial ? t('totalSoFar') : t('total'), fmt(stats.total)],
          ...(per && stats.perDay !== null ? ([['per', perLabel, fmt(stats.perDay)]] as [string, string, string][]) : []),
        ]
      : stats.kind === 'AVERAGE'
        ? [
            ['average', t('average'), fmt(stats.average)],
            ['low', t('lowest'), fmt(stats.min)],
            ['high', t('highest'), fmt(stats.max)],
            ['readings', t('readings'), formatCount(stats.readings, locale)],
          ]
        : [
            ['latest', t('latest', { day: formatDay(stats.latestAt, 'short', locale) }), fmt(stats.latest)],
            ['low', t('lowest'), fmt(stats.min)],
            ['high', t('highest'), fmt(stats.max)],
          ];
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
      {items.map(([key, label, value]) => (
        <div key={key} className="rounded-lg bg-slate-50 px-3 py-2">
          <dt className="text-xs text-slate-600">{label}</dt>
          <dd className="text-lg font-semibold tabular-nums text-slate-900" data-testid={`stat-${key}`}>
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

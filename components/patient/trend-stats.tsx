// The window's headline numbers under a trend chart.
import type { UnitPreferences } from '@/lib/format/health';
import type { HealthType } from '@/lib/health';
import type { WindowStats } from '@/app/(app)/(patient)/trends/_lib/series';
import { formatDay } from '@/app/(app)/(patient)/trends/_lib/periods';
import { formatCount, formatMetric } from './format';

export function TrendStats({ type, stats, per, units }: { type: HealthType; stats: WindowStats; per: 'day' | 'week' | null; units: UnitPreferences }) {
  const fmt = (v: number) => formatMetric(type, v, units);
  const items: [string, string, string][] =
    stats.kind === 'SUM'
      ? [
          ['total', stats.partial ? 'Total so far' : 'Total', fmt(stats.total)],
          ...(per && stats.perDay !== null
            ? ([['per', `Average per ${per} with data${stats.partial ? `, this ${per} not counted until it is over` : ''}`, fmt(stats.perDay)]] as [string, string, string][])
            : []),
        ]
      : stats.kind === 'AVERAGE'
        ? [
            ['average', 'Average', fmt(stats.average)],
            ['low', 'Lowest', fmt(stats.min)],
            ['high', 'Highest', fmt(stats.max)],
            ['readings', 'Readings', formatCount(stats.readings)],
          ]
        : [
            ['latest', `Latest (${formatDay(stats.latestAt, 'short')})`, fmt(stats.latest)],
            ['low', 'Lowest', fmt(stats.min)],
            ['high', 'Highest', fmt(stats.max)],
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

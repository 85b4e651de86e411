'use client';

// The numbers behind a trend chart, as a table (for screen readers, and for anyone who wants them).
import { useLocale, useTranslations } from 'use-intl';
import { soFarLabel } from '@/lib/format/chart';
import type { UnitPreferences } from '@/lib/format/health';
import type { HealthType } from '@/lib/health';
import type { AggregateRow } from './api-types';
import { pointLabel, type AggregatePeriod } from '@/components/patient/trends/periods';
import { describeShares, sourceShares } from '@/components/patient/dashboard/sources';
import { formatMetric } from './format';

export function TrendTable({ type, rows, aggregate, running, band, names, units }: {
  type: HealthType; rows: AggregateRow[]; aggregate: AggregatePeriod; running?: string; band: boolean; names: ReadonlyMap<string, string>; units: UnitPreferences;
}) {
  const locale = useLocale();
  const t = useTranslations('trends.table');
  const fmt = (v: number) => formatMetric(type, v, units, locale);
  return (
    <details className="group mt-4 rounded-lg border border-slate-200">
      <summary className="cursor-pointer rounded-lg px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600">
        {t('show', { aggregate, count: rows.length })}
      </summary>
      <div className="overflow-x-auto px-3 pb-3">
        <table className="w-full text-left text-sm">
          <thead className="text-xs text-slate-600">
            <tr>
              <th scope="col" className="py-1 pr-3 font-medium">{t(aggregate)}</th>
              <th scope="col" className="py-1 pr-3 font-medium">{t('value')}</th>
              {band && <th scope="col" className="py-1 pr-3 font-medium">{t('range')}</th>}
              <th scope="col" className="py-1 font-medium">{t('sources')}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {[...rows].reverse().map((r) => (
              <tr key={r.periodStart}>
                <th scope="row" className="py-1 pr-3 font-normal text-slate-700">{r.periodStart === running ? soFarLabel(pointLabel(r.periodStart, aggregate, locale), locale) : pointLabel(r.periodStart, aggregate, locale)}</th>
                <td className="py-1 pr-3 tabular-nums text-slate-900">{fmt(r.value)}</td>
                {band && <td className="py-1 pr-3 tabular-nums text-slate-700">{r.min !== null && r.max !== null ? `${fmt(r.min)} – ${fmt(r.max)}` : '—'}</td>}
                <td className="py-1 text-slate-700">{describeShares(sourceShares(r.sources, names, locale), locale) || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

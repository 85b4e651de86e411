'use client';

// One type's trend: period switcher (day = hours, week and month = days, year = weeks), stepping back
// and forth, the chart with its band and target range, headline numbers, sources and the table.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useMemo, useState } from 'react';
import { useLocale, useTranslations } from 'use-intl';
import { TrendChart } from '@/components/charts/trend-chart';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Empty, ErrorMessage, Loading } from '@/components/ui/states';
import { getHealthType, type HealthType } from '@/lib/health';
import type { UnitPreferences } from '@/lib/format/health';
import { describeShares, sourceShares } from '@/components/patient/dashboard/sources';
import { runningPeriodStart, trendQuery, trendWindow, windowLabel, type TrendPeriod } from '@/components/patient/trends/periods';
import { trendSeries, windowStats } from '@/components/patient/trends/series';
import { trendLabel } from '@/components/patient/trends/catalogue';
import { linkClass } from './styles';
import { PeriodSwitcher } from './period-switcher';
import { aggregatesOptions, deviceNames, devicesOptions } from './queries';
import { TrendStats } from './trend-stats';
import { TrendTable } from './trend-table';

const ARROWS = { earlier: '‹', later: '›' } as const;

/** `now` is the patient's local wall-clock time at render (from the server): the bucket it falls in is partial. */
export function TrendView({ type, today, now, units, initialPeriod }: { type: HealthType; today: string; now: string; units: UnitPreferences; initialPeriod: TrendPeriod }) {
  const [period, setPeriod] = useState(initialPeriod);
  const [offset, setOffset] = useState(0);
  const win = trendWindow(period, today, offset);
  const locale = useLocale();
  const t = useTranslations('trends');
  const aggregates = useQuery({ ...aggregatesOptions(trendQuery(type, win)), placeholderData: keepPreviousData });
  const devices = useQuery(devicesOptions);
  const names = useMemo(() => deviceNames(devices.data?.devices), [devices.data]);
  const rows = useMemo(() => aggregates.data?.[type] ?? [], [aggregates.data, type]);
  const running = runningPeriodStart(win.aggregate, now);
  const series = useMemo(() => trendSeries(type, rows, win.aggregate, units, running, locale), [type, rows, win.aggregate, units, running, locale]);
  const stats = windowStats(type, rows, win.aggregate, running);
  const label = trendLabel(type, locale);
  const summed = getHealthType(type).aggregation === 'SUM';
  const totals: Record<string, number> = {};
  for (const r of rows) for (const [id, n] of Object.entries(r.sources)) totals[id] = (totals[id] ?? 0) + n;
  const shares = sourceShares(totals, names, locale);
  const windowText = windowLabel(win, today, locale);

  function choosePeriod(p: TrendPeriod) {
    setPeriod(p);
    setOffset(0);
    // Keep the choice in the address (shareable, survives reload) without a server round trip.
    const url = new URL(globalThis.location.href);
    url.searchParams.set('period', p);
    globalThis.history.replaceState(null, '', url);
  }

  const later = offset < 0;
  return (
    <Card>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <PeriodSwitcher value={period} onChange={choosePeriod} />
        <div className="flex items-center gap-2">
          <Button variant="secondary" onClick={() => setOffset((o) => o - 1)} aria-label={t(`previous.${period}`)}>
            <span aria-hidden="true">{ARROWS.earlier}</span>
            <span className="ml-1 hidden sm:inline">{t('earlier')}</span>
          </Button>
          <Button
            variant="secondary"
            aria-disabled={!later}
            onClick={() => later && setOffset((o) => o + 1)}
            aria-label={t(`next.${period}`)}
            className="aria-disabled:cursor-not-allowed aria-disabled:opacity-50"
          >
            <span className="mr-1 hidden sm:inline">{t('later')}</span>
            <span aria-hidden="true">{ARROWS.later}</span>
          </Button>
        </div>
      </div>
      <p className="mt-3 text-sm font-medium text-slate-800" aria-live="polite" data-testid="trend-window">
        {t('window', { period: t(`periods.${period}`), window: windowText })}
        {aggregates.isFetching && aggregates.isPlaceholderData && <span className="ml-2 font-normal text-slate-600">{t('updating')}</span>}
      </p>

      <div className="mt-3">
        {aggregates.isPending ? (
          <Loading label={t('loadingType', { type: label.toLowerCase() })} />
        ) : aggregates.isError ? (
          <ErrorMessage error={aggregates.error} retry={() => aggregates.refetch()} />
        ) : rows.length === 0 ? (
          <Empty>
            {t.rich(`empty.${period}`, { type: label.toLowerCase(), link: (chunks) => <Link href="/devices" className={linkClass}>{chunks}</Link> })}
          </Empty>
        ) : (
          <>
            {stats && <TrendStats type={type} stats={stats} per={win.aggregate === 'day' ? 'day' : win.aggregate === 'week' ? 'week' : null} units={units} />}
            <div className="mt-4">
              <TrendChart points={series.points} unitLabel={series.unitLabel} decimals={series.decimals} band={series.band} target={series.target} title={t('chartTitle', { type: label, window: windowText })} />
            </div>
            <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600">
              <li>
                <span aria-hidden="true" className="mr-1 inline-block h-0.5 w-4 align-middle bg-teal-700" />
                {t(summed ? 'legend.totalPer' : 'legend.averagePer', { per: win.aggregate, unit: series.unitLabel })}
                {rows.some((r) => r.periodStart === running) && t('legend.soFarNote', { per: win.aggregate })}
              </li>
              {series.band && (
                <li>
                  <span aria-hidden="true" className="mr-1 inline-block h-2.5 w-4 align-middle bg-teal-300/60" />
                  {t('legend.band')}
                </li>
              )}
              {series.target && (
                <li>
                  <span aria-hidden="true" className="mr-1 inline-block h-2.5 w-4 align-middle bg-teal-200/60" />
                  {t('legend.target', { low: series.target.low, high: series.target.high, unit: series.unitLabel })}
                </li>
              )}
            </ul>
            {shares.length > 0 && (
              <p className="mt-3 text-sm text-slate-700" data-testid="trend-sources">
                {t.rich('sources', { of: summed ? t('shareTotal') : t('shareReadings'), text: describeShares(shares, locale), b: (chunks) => <span className="font-semibold">{chunks}</span> })}
              </p>
            )}
            <TrendTable type={type} rows={rows} aggregate={win.aggregate} running={running} band={series.band} names={names} units={units} />
          </>
        )}
      </div>
    </Card>
  );
}

'use client';

// What each source contributed over the last 30 days, per kind of data, after duplicates were removed.
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { useLocale, useTranslations } from 'use-intl';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Empty } from '@/components/ui/states';
import type { UnitPreferences } from '@/lib/format/health';
import type { SourceContribution } from '@/lib/data/aggregates';
import { sourceShares } from '@/components/patient/dashboard/sources';
import { trendLabel } from '@/components/patient/trends/catalogue';
import { formatCount, formatMetric, formatPercent } from './format';

const COLORS = ['bg-teal-700', 'bg-sky-600', 'bg-amber-500', 'bg-violet-600', 'bg-rose-500', 'bg-slate-500', 'bg-lime-600', 'bg-orange-600'];

export function ContributionsCard({ contributions, names, order, units }: {
  contributions: SourceContribution[]; names: ReadonlyMap<string, string>; order: string[]; units: UnitPreferences;
}) {
  const router = useRouter();
  const locale = useLocale();
  const t = useTranslations('devices.contributions');
  const [refreshing, startRefresh] = useTransition();
  const color = (deviceId: string) => COLORS[Math.max(0, order.indexOf(deviceId)) % COLORS.length];
  return (
    <Card
      title={t('title')}
      action={
        <Button variant="secondary" onClick={() => startRefresh(() => router.refresh())} disabled={refreshing}>
          {refreshing ? t('refreshing') : t('refresh')}
        </Button>
      }
    >
      <p className="mb-3 text-sm text-slate-700">
        {t('explain')}
      </p>
      {contributions.length === 0 ? (
        <Empty>{t('empty')}</Empty>
      ) : (
        <ul className="space-y-3">
          {contributions.map((c) => {
            const shares = sourceShares(c.devices, names, locale);
            return (
              <li key={c.type}>
                <div className="flex flex-wrap items-baseline justify-between gap-x-3 text-sm">
                  <span className="font-medium text-slate-900">{trendLabel(c.type, locale)}</span>
                  <span className="text-slate-600">
                    {c.measure === 'amount' ? formatMetric(c.type, c.total, units, locale) : t('readings', { count: c.total, n: formatCount(c.total, locale) })}
                  </span>
                </div>
                <div className="mt-1 flex h-2.5 overflow-hidden rounded-full bg-slate-100" aria-hidden="true">
                  {shares.map((s) => (
                    <span key={s.deviceId} className={color(s.deviceId)} style={{ width: `${(s.amount / c.total) * 100}%` }} />
                  ))}
                </div>
                <p className="mt-1 flex flex-wrap gap-x-3 text-xs text-slate-700">
                  {shares.map((s) => (
                    <span key={s.deviceId}>
                      <span aria-hidden="true" className={`mr-1 inline-block h-2 w-2 rounded-full ${color(s.deviceId)}`} />
                      {t('share', { name: s.name, percent: s.percent === 0 ? '<1' : formatPercent(s.percent, locale) })}
                      {c.measure === 'readings' && t('shareReadings', { n: formatCount(s.amount, locale) })}
                    </span>
                  ))}
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}

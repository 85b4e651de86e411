'use client';

// Today at a glance: open alerts first (when there are any), the six cards, then insights and alerts.
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useLocale, useTranslations } from 'use-intl';
import { Card } from '@/components/ui/card';
import { ErrorMessage, Loading } from '@/components/ui/states';
import type { UnitPreferences } from '@/lib/format/health';
import { buildCards, dashboardAggregates, dashboardHours } from '@/components/patient/dashboard/cards';
import { clockAt } from '@/components/patient/dashboard/partial';
import { EmergencyList } from './emergency-list';
import { InsightList } from './insight-list';
import { MetricCard } from './metric-card';
import { aggregatesOptions, deviceNames, devicesOptions, emergenciesOptions } from './queries';

/** `nowMs` is the server's clock at render, so server and client tell the same partial day. */
export function DashboardView({ today, nowMs, timeZone, units }: { today: string; nowMs: number; timeZone: string; units: UnitPreferences }) {
  const aggregates = useQuery(aggregatesOptions(dashboardAggregates(today)));
  const hours = useQuery(aggregatesOptions(dashboardHours(today)));
  const devices = useQuery(devicesOptions);
  const emergencies = useQuery(emergenciesOptions);
  const locale = useLocale();
  const t = useTranslations('dashboard');
  const cards = useMemo(
    () =>
      aggregates.data
        ? buildCards({ rows: aggregates.data, hours: hours.data, clock: clockAt(nowMs, timeZone), names: deviceNames(devices.data?.devices), today, units, locale })
        : null,
    [aggregates.data, hours.data, nowMs, timeZone, devices.data, today, units, locale],
  );
  const open = emergencies.data?.emergencies ?? [];
  const alerts = emergencies.isPending ? (
    <Card title={t('alerts')}><Loading label={t('loadingAlerts')} /></Card>
  ) : emergencies.isError ? (
    <Card title={t('alerts')}><ErrorMessage error={emergencies.error} retry={() => emergencies.refetch()} /></Card>
  ) : (
    <EmergencyList emergencies={open} alertRecipients={emergencies.data.alertRecipients} units={units} timeZone={timeZone} today={today} />
  );

  return (
    <div className="space-y-6">
      {open.length > 0 && alerts}
      <section aria-label={t('atAGlance')}>
        {aggregates.isPending ? (
          <Loading label={t('loading')} />
        ) : aggregates.isError ? (
          <ErrorMessage error={aggregates.error} retry={() => aggregates.refetch()} />
        ) : (
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {cards?.map((card) => <MetricCard key={card.id} card={card} />)}
          </div>
        )}
      </section>
      <div className="grid gap-4 lg:grid-cols-2">
        <InsightList />
        {open.length === 0 && alerts}
      </div>
    </div>
  );
}

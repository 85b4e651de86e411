// GET /dashboard — the patient's home: today at a glance, insights and open alerts. Prefetched on the
// server; the client components hydrate from the same query keys.
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { DashboardSnapshot } from '@/components/offline/dashboard-snapshot';
import { DashboardView } from '@/components/patient/dashboard-view';
import { prefetchAggregates, prefetchDevices, prefetchEmergencies, prefetchInsights } from '@/components/patient/prefetch';
import { requirePageRole } from '@/lib/auth/page-access';
import { ownScope } from '@/lib/data/access';
import { findDisplayUnits } from '@/lib/data/aggregates';
import { findMe } from '@/lib/data/users';
import { getLocale, getTranslations } from '@/lib/i18n/server';
import { makeQueryClient } from '@/lib/query/query-client';
import { nowIn } from '@/components/patient/today';

import { formatDay } from '@/components/patient/trends/periods';
import { dashboardAggregates, dashboardHours } from '@/components/patient/dashboard/cards';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('dashboard'))('metaTitle') };
}

export default async function DashboardPage() {
  const caller = await requirePageRole(['PATIENT']);
  const scope = await ownScope(caller);
  const { nowMs, today } = nowIn(scope.timeZone);
  const [locale, t] = await Promise.all([getLocale(), getTranslations('dashboard')]);
  const qc = makeQueryClient();
  const [me, units] = await Promise.all([
    findMe(caller.id),
    findDisplayUnits(caller.id),
    prefetchAggregates(qc, scope, dashboardAggregates(today)),
    prefetchAggregates(qc, scope, dashboardHours(today)),
    prefetchDevices(qc, caller.id),
    prefetchInsights(qc, caller.id),
    prefetchEmergencies(qc, caller),
  ]);
  return (
    <>
      <header className="mb-6">
        <h1 className="text-2xl font-semibold text-slate-900">{t('welcome', { name: me.name ?? me.email })}</h1>
        <p className="mt-1 text-sm text-slate-600">
          {t('subtitle', { day: formatDay(today, 'long', locale), zone: scope.timeZone.replace(/_/g, ' ') })}
        </p>
      </header>
      <HydrationBoundary state={dehydrate(qc)}>
        <DashboardView today={today} nowMs={nowMs} timeZone={scope.timeZone} units={units} />
        {/* An encrypted copy of what it shows, for the offline app (no health data in the service worker's caches). */}
        <DashboardSnapshot today={today} nowMs={nowMs} timeZone={scope.timeZone} units={units} />
      </HydrationBoundary>
    </>
  );
}

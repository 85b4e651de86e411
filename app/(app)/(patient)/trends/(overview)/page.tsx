// GET /trends — every health type at a glance over the last 30 days, each linking to its trend.
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { prefetchAggregates } from '@/components/patient/prefetch';
import { TrendsOverview } from '@/components/patient/trends-overview';
import { requirePageRole } from '@/lib/auth/page-access';
import { ownScope } from '@/lib/data/access';
import { findDisplayUnits } from '@/lib/data/aggregates';
import { makeQueryClient } from '@/lib/query/query-client';
import { getTranslations } from '@/lib/i18n/server';
import { todayIn } from '@/components/patient/today';
import { addDays } from '@/lib/time';
import { TREND_TYPES } from '@/components/patient/trends/catalogue';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('trends'))('metaTitle') };
}

export default async function TrendsPage() {
  const caller = await requirePageRole(['PATIENT']);
  const scope = await ownScope(caller);
  const today = todayIn(scope.timeZone);
  const t = await getTranslations('trends');
  const params = { types: TREND_TYPES, period: 'day' as const, from: addDays(today, -29), to: today };
  const qc = makeQueryClient();
  const [units] = await Promise.all([findDisplayUnits(caller.id), prefetchAggregates(qc, scope, params)]);
  return (
    <>
      <header className="mb-6">
        <h1 className="text-2xl font-semibold text-slate-900">{t('title')}</h1>
        <p className="mt-1 text-sm text-slate-600">{t('subtitle')}</p>
      </header>
      <HydrationBoundary state={dehydrate(qc)}>
        <TrendsOverview params={params} units={units} />
      </HydrationBoundary>
    </>
  );
}

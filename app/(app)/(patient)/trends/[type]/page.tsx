// GET /trends/:type?period=day|week|month|year — one type's trend, its default window prefetched on
// the server (the period switcher then fetches on the client).
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { linkClass } from '@/components/patient/styles';
import { prefetchAggregates, prefetchDevices } from '@/components/patient/prefetch';
import { TrendView } from '@/components/patient/trend-view';
import { requirePageRole } from '@/lib/auth/page-access';
import { ownScope } from '@/lib/data/access';
import { findDisplayUnits } from '@/lib/data/aggregates';
import { isHealthType } from '@/lib/health';
import { makeQueryClient } from '@/lib/query/query-client';
import { getLocale, getTranslations } from '@/lib/i18n/server';
import { nowIn } from '@/components/patient/today';

import { relatedTypes, trendLabel } from '@/components/patient/trends/catalogue';
import { parsePeriod, trendQuery, trendWindow } from '@/components/patient/trends/periods';

type Props = { params: Promise<{ type: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const type = (await params).type.toUpperCase();
  const [locale, t] = await Promise.all([getLocale(), getTranslations('trends')]);
  return { title: t('metaType', { type: isHealthType(type) ? trendLabel(type, locale) : t('trend') }) };
}

export default async function TrendPage({ params, searchParams }: Props) {
  const raw = (await params).type;
  const type = raw.toUpperCase();
  if (!isHealthType(type)) notFound();
  const period = parsePeriod((await searchParams).period);
  if (raw !== type) redirect(`/trends/${type}?period=${period}`);
  const caller = await requirePageRole(['PATIENT']);
  const scope = await ownScope(caller);
  const { today, local } = nowIn(scope.timeZone);
  const qc = makeQueryClient();
  const [units] = await Promise.all([
    findDisplayUnits(caller.id),
    prefetchAggregates(qc, scope, trendQuery(type, trendWindow(period, today))),
    prefetchDevices(qc, caller.id),
  ]);
  const related = relatedTypes(type);
  const [locale, t] = await Promise.all([getLocale(), getTranslations('trends')]);
  return (
    <>
      <nav aria-label={t('breadcrumb')} className="mb-2 text-sm">
        <Link href="/trends" className={linkClass}>{t('allTrends')}</Link>
      </nav>
      <header className="mb-4 flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold text-slate-900">{trendLabel(type, locale)}</h1>
        {related.length > 0 && (
          <p className="text-sm text-slate-700">
            {t('seeAlso')}{' '}
            {related.map((r, i) => (
              <span key={r}>
                {i > 0 && ', '}
                <Link href={`/trends/${r}?period=${period}`} className={linkClass}>{trendLabel(r, locale)}</Link>
              </span>
            ))}
          </p>
        )}
      </header>
      <HydrationBoundary state={dehydrate(qc)}>
        <TrendView key={type} type={type} today={today} now={local} units={units} initialPeriod={period} />
      </HydrationBoundary>
    </>
  );
}

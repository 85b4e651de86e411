// /timeline — the patient's events and notable readings, newest first. The first page is prefetched on the
// server; the client hydrates it and loads older pages on request.
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageRole } from '@/lib/auth/page-access';
import { ownScope } from '@/lib/data/access';
import { findSettings, unitPreferences } from '@/lib/data/settings';
import { findTimeline } from '@/lib/data/timeline';
import { getTranslations } from '@/lib/i18n/server';
import { asJson } from '@/lib/query/api';
import { makeQueryClient } from '@/lib/query/query-client';
import { TimelineFeed } from './_components/timeline-feed';
import { TIMELINE_PAGE_SIZE, TIMELINE_QUERY_KEY } from './_lib/timeline-query';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('timeline'))('metaTitle') };
}

export default async function TimelinePage() {
  const caller = await requirePageRole(['PATIENT']);
  const qc = makeQueryClient();
  const [scope, settings, t] = await Promise.all([ownScope(caller), findSettings(caller.id), getTranslations('timeline')]);
  await qc.prefetchInfiniteQuery({
    queryKey: TIMELINE_QUERY_KEY,
    queryFn: async () => asJson(await findTimeline(scope, { limit: TIMELINE_PAGE_SIZE })),
    initialPageParam: null as string | null,
  });
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold text-slate-900">{t('title')}</h1>
          <p className="mt-1 text-sm text-slate-600">
            {t('subtitle', { zone: scope.timeZone.replace(/_/g, ' ') })}
          </p>
        </div>
        <Link href="/entry" className="rounded-md bg-teal-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-teal-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600 focus-visible:ring-offset-2">
          {t('logData')}
        </Link>
      </header>
      <HydrationBoundary state={dehydrate(qc)}>
        <TimelineFeed timeZone={scope.timeZone} units={unitPreferences(settings.units)} />
      </HydrationBoundary>
    </div>
  );
}

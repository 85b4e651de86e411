// /labs — the patient's lab results: the latest of each with its flag, trends per test, each HbA1c beside
// the GMI of the 90 days before it, every result, and a form to enter one. Prefetched on the server.
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { LabsView } from '@/components/labs/labs-view';
import { labsQueryKey } from '@/components/labs/query';
import { requirePageRole } from '@/lib/auth/page-access';
import { ownScope } from '@/lib/data/access';
import { listLabResults } from '@/lib/data/labs';
import { knownLabs } from '@/lib/labs/registry';
import { asJson } from '@/lib/query/api';
import { makeQueryClient } from '@/lib/query/query-client';
import { getTranslations } from '@/lib/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('labs'))('metaTitle') };
}

const ENDPOINT = '/api/v1/users/me/labs';

export default async function LabsPage() {
  const caller = await requirePageRole(['PATIENT']);
  const scope = await ownScope(caller);
  const t = await getTranslations('labs');
  const qc = makeQueryClient();
  await qc.prefetchQuery({
    queryKey: labsQueryKey(ENDPOINT),
    queryFn: async () =>
      asJson({
        results: await listLabResults(scope),
        labs: knownLabs(),
      }),
  });
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <header>
        <h1 className="text-2xl font-semibold text-slate-900">{t('title')}</h1>
        <p className="mt-1 text-sm text-slate-600">{t('intro')}</p>
      </header>
      <HydrationBoundary state={dehydrate(qc)}>
        <LabsView endpoint={ENDPOINT} timeZone={scope.timeZone} canEnter />
      </HydrationBoundary>
    </div>
  );
}

// /import — bring in an Apple Health, FHIR or Open mHealth export (with progress) and export one's data as
// CSV or FHIR. Server shell; the recent imports are prefetched.
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { ImportExportView } from '@/components/import/import-view';
import { importsOptions, type ImportJson } from '@/components/import/queries';
import { todayIn } from '@/components/patient/today';
import { requirePageRole } from '@/lib/auth/page-access';
import { ownScope } from '@/lib/data/access';
import { listImports } from '@/lib/data/imports';
import { getTranslations } from '@/lib/i18n/server';
import { asJson } from '@/lib/query/api';
import { makeQueryClient } from '@/lib/query/query-client';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('importData'))('metaTitle') };
}

export default async function ImportPage() {
  const caller = await requirePageRole(['PATIENT']);
  const [scope, t] = await Promise.all([ownScope(caller), getTranslations('importData')]);
  const qc = makeQueryClient();
  await qc.prefetchQuery({ ...importsOptions, queryFn: async () => asJson<unknown>({ imports: await listImports(caller.id) }) as { imports: ImportJson[] } });
  return (
    <div className="mx-auto max-w-3xl">
      <header className="mb-6">
        <h1 className="text-2xl font-semibold text-slate-900">{t('title')}</h1>
        <p className="mt-1 text-sm text-slate-600">{t('subtitle')}</p>
      </header>
      <HydrationBoundary state={dehydrate(qc)}>
        <ImportExportView today={todayIn(scope.timeZone)} />
      </HydrationBoundary>
    </div>
  );
}

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
import { asJson } from '@/lib/query/api';
import { makeQueryClient } from '@/lib/query/query-client';

export const metadata: Metadata = { title: 'Import and export · Pulse' };

export default async function ImportPage() {
  const caller = await requirePageRole(['PATIENT']);
  const scope = await ownScope(caller);
  const qc = makeQueryClient();
  await qc.prefetchQuery({ ...importsOptions, queryFn: async () => asJson<unknown>({ imports: await listImports(caller.id) }) as { imports: ImportJson[] } });
  return (
    <div className="mx-auto max-w-3xl">
      <header className="mb-6">
        <h1 className="text-2xl font-semibold text-slate-900">Import and export</h1>
        <p className="mt-1 text-sm text-slate-600">Bring your history from other apps, or take your data with you.</p>
      </header>
      <HydrationBoundary state={dehydrate(qc)}>
        <ImportExportView today={todayIn(scope.timeZone)} />
      </HydrationBoundary>
    </div>
  );
}

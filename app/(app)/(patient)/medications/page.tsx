// /medications — the patient's medications (issue 19): doses due now (Taken / Skip), an extra dose of an
// as-needed one, today's doses, adherence and streak, every medication (active first) with Stop, and the
// form to add their own. The list is prefetched on the server; doses and adherence load in the browser.
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { medicationsKey } from '@/components/medications/format';
import { MedicationsView } from '@/components/medications/medications-view';
import { requirePageRole } from '@/lib/auth/page-access';
import { ownScope, type ReadScope } from '@/lib/data/access';
import { listMedications } from '@/lib/data/medications';
import { asJson } from '@/lib/query/api';
import { makeQueryClient } from '@/lib/query/query-client';
import { getTranslations } from '@/lib/i18n/server';

/** The list as the API answers it, as of now. */
const listNow = async (scope: ReadScope) => asJson({ medications: await listMedications(scope, Date.now()) });

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('medications'))('metaTitle') };
}

const BASE = '/api/v1/users/me/medications';

export default async function MedicationsPage() {
  const caller = await requirePageRole(['PATIENT']);
  const scope = await ownScope(caller);
  const t = await getTranslations('medications');
  const qc = makeQueryClient();
  await qc.prefetchQuery({ queryKey: medicationsKey(BASE), queryFn: () => listNow(scope) });
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <header>
        <h1 className="text-2xl font-semibold text-slate-900">{t('title')}</h1>
        <p className="mt-1 text-sm text-slate-600">{t('intro', { zone: scope.timeZone.replace(/_/g, ' ') })}</p>
      </header>
      <HydrationBoundary state={dehydrate(qc)}>
        <MedicationsView base={BASE} timeZone={scope.timeZone} owner="you" canLog canManage viewerId={caller.id} />
      </HydrationBoundary>
    </div>
  );
}

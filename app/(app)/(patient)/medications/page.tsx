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

/** The list as the API answers it, as of now. */
const listNow = async (scope: ReadScope) => asJson({ medications: await listMedications(scope, Date.now()) });

export const metadata: Metadata = { title: 'Medications · Pulse' };

const BASE = '/api/v1/users/me/medications';

export default async function MedicationsPage() {
  const caller = await requirePageRole(['PATIENT']);
  const scope = await ownScope(caller);
  const qc = makeQueryClient();
  await qc.prefetchQuery({ queryKey: medicationsKey(BASE), queryFn: () => listNow(scope) });
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <header>
        <h1 className="text-2xl font-semibold text-slate-900">Medications</h1>
        <p className="mt-1 text-sm text-slate-600">
          What you take and when, in your time zone ({scope.timeZone.replace(/_/g, ' ')}). Log each dose as you take or skip it; a dose not logged within an hour of its time counts as missed.
        </p>
      </header>
      <HydrationBoundary state={dehydrate(qc)}>
        <MedicationsView base={BASE} timeZone={scope.timeZone} owner="you" canLog canManage viewerId={caller.id} />
      </HydrationBoundary>
    </div>
  );
}

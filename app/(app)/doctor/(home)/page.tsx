// GET /doctor — the doctor's triage list, server-rendered from the data layer and hydrated into the
// interactive filter (search, group, sort), which then talks to GET /api/v1/doctor/patients.
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { triageOptions } from '@/components/doctor/queries';
import { TriageView } from '@/components/doctor/triage-view';
import { requirePageRole } from '@/lib/auth/page-access';
import { findTriageList, triageQuery } from '@/lib/data/triage';
import { findMe } from '@/lib/data/users';
import { makeQueryClient } from '@/lib/query/query-client';

export const metadata: Metadata = { title: 'Patients · Pulse' };

export default async function DoctorPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const caller = await requirePageRole(['DOCTOR']);
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  // A hand-edited URL with values outside the allowlists falls back to the defaults.
  const parsed = triageQuery.safeParse(raw);
  const query = parsed.success ? parsed.data : triageQuery.parse({});
  const qc = makeQueryClient();
  const [me] = await Promise.all([
    findMe(caller.id),
    qc.prefetchQuery({ ...triageOptions(query), queryFn: () => findTriageList(caller, query) }),
  ]);
  return (
    <>
      <header className="mb-4">
        <h1 className="text-2xl font-semibold text-slate-900">Your patients</h1>
        <p className="mt-1 text-sm text-slate-700">
          Each patient appears once, under the most urgent thing to look at. Times in {me.timeZone.replace(/_/g, ' ')}.
        </p>
      </header>
      <HydrationBoundary state={dehydrate(qc)}>
        <TriageView initial={query} timeZone={me.timeZone} />
      </HydrationBoundary>
    </>
  );
}

// /admin/shares — every patient's shares by status and patient; revoke (server-prefetched, then hydrated).
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { sharesOptions, toJson } from '@/components/admin/queries';
import { readFilters } from '@/components/admin/server';
import { requirePageRole } from '@/lib/auth/page-access';
import { SharesView } from '@/components/admin/shares-view';
import { PageHeader } from '@/components/admin/table';
import { adminShareQuery, listSharesForAdmin } from '@/lib/data/admin-shares';
import { makeQueryClient } from '@/lib/query/query-client';

export const metadata: Metadata = { title: 'Shares · Admin · Pulse' };

export default async function AdminSharesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageRole(['ADMIN']);
  const { form, query } = readFilters(await searchParams, ['patient', 'status'], adminShareQuery);
  const qc = makeQueryClient();
  await qc.prefetchInfiniteQuery({ ...sharesOptions(form), queryFn: async () => toJson(await listSharesForAdmin(query)) });
  return (
    <>
      <PageHeader title="Shares">What patients share, with whom, until when. A revoked share stops working at once.</PageHeader>
      <HydrationBoundary state={dehydrate(qc)}>
        <SharesView initial={form} />
      </HydrationBoundary>
    </>
  );
}

// /admin/deliveries — e-mail and Web Push delivery: counts per channel, the latest failures with their
// reasons, retry (server-prefetched, then hydrated).
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { deliveriesOptions } from '@/components/admin/deliveries-queries';
import { DeliveriesView } from '@/components/admin/deliveries-view';
import { toJson } from '@/components/admin/queries';
import { PageHeader } from '@/components/admin/table';
import { requirePageRole } from '@/lib/auth/page-access';
import { deliveryOverview } from '@/lib/data/admin-deliveries';
import { makeQueryClient } from '@/lib/query/query-client';

export const metadata: Metadata = { title: 'Deliveries · Admin · Pulse' };

export default async function AdminDeliveriesPage() {
  await requirePageRole(['ADMIN']);
  const qc = makeQueryClient();
  await qc.prefetchQuery({ ...deliveriesOptions(), queryFn: async () => toJson(await deliveryOverview()) });
  return (
    <>
      <PageHeader title="Deliveries">Messages that leave the app, by e-mail and Web Push: how those queued lately stand, and the latest failures. A retried message goes back in its queue at once.</PageHeader>
      <HydrationBoundary state={dehydrate(qc)}>
        <DeliveriesView />
      </HydrationBoundary>
    </>
  );
}

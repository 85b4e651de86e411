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
import { getTranslations } from '@/lib/i18n/server';
import { makeQueryClient } from '@/lib/query/query-client';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin');
  return { title: t('meta', { page: t('pages.deliveries.title') }) };
}

export default async function AdminDeliveriesPage() {
  await requirePageRole(['ADMIN']);
  const t = await getTranslations('admin');
  const qc = makeQueryClient();
  await qc.prefetchQuery({ ...deliveriesOptions(), queryFn: async () => toJson(await deliveryOverview()) });
  return (
    <>
      <PageHeader title={t('pages.deliveries.title')}>{t('pages.deliveries.intro')}</PageHeader>
      <HydrationBoundary state={dehydrate(qc)}>
        <DeliveriesView />
      </HydrationBoundary>
    </>
  );
}

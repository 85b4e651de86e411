// /admin/devices — every user's devices: re-prioritize or revoke (server-prefetched, then hydrated).
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { DevicesView } from '@/components/admin/devices-view';
import { devicesOptions, toJson } from '@/components/admin/queries';
import { readFilters } from '@/components/admin/server';
import { requirePageRole } from '@/lib/auth/page-access';
import { PageHeader } from '@/components/admin/table';
import { adminDeviceQuery, listDevicesForAdmin } from '@/lib/data/admin-devices';
import { getTranslations } from '@/lib/i18n/server';
import { makeQueryClient } from '@/lib/query/query-client';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin');
  return { title: t('meta', { page: t('pages.devices.title') }) };
}

export default async function AdminDevicesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageRole(['ADMIN']);
  const t = await getTranslations('admin');
  const { form, query } = readFilters(await searchParams, ['q', 'type', 'status'], adminDeviceQuery);
  const qc = makeQueryClient();
  await qc.prefetchInfiniteQuery({ ...devicesOptions(form), queryFn: async () => toJson(await listDevicesForAdmin(query)) });
  return (
    <>
      <PageHeader title={t('pages.devices.title')}>{t('pages.devices.intro')}</PageHeader>
      <HydrationBoundary state={dehydrate(qc)}>
        <DevicesView initial={form} />
      </HydrationBoundary>
    </>
  );
}

// /admin/shares — every patient's shares by status and patient; revoke (server-prefetched, then hydrated).
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { sharesOptions, toJson } from '@/components/admin/queries';
import { readFilters } from '@/components/admin/server';
import { requirePageRole } from '@/lib/auth/page-access';
import { SharesView } from '@/components/admin/shares-view';
import { PageHeader } from '@/components/admin/table';
import { adminShareQuery, listSharesForAdmin } from '@/lib/data/admin-shares';
import { getMessages, getTranslations } from '@/lib/i18n/server';
import { makeQueryClient } from '@/lib/query/query-client';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin');
  return { title: t('meta', { page: t('pages.shares.title') }) };
}

export default async function AdminSharesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageRole(['ADMIN']);
  const t = await getTranslations('admin');
  const { form, query } = readFilters(await searchParams, ['patient', 'status'], adminShareQuery);
  // Health type names for the shares' data column (types.names stays out of the client payload).
  const typeNames = (await getMessages()).types.names;
  const qc = makeQueryClient();
  await qc.prefetchInfiniteQuery({ ...sharesOptions(form), queryFn: async () => toJson(await listSharesForAdmin(query)) });
  return (
    <>
      <PageHeader title={t('pages.shares.title')}>{t('pages.shares.intro')}</PageHeader>
      <HydrationBoundary state={dehydrate(qc)}>
        <SharesView initial={form} typeNames={typeNames} />
      </HydrationBoundary>
    </>
  );
}

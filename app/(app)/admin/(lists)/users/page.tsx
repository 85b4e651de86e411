// /admin/users — accounts: filter, sort, add, change role, disable (server-prefetched, then hydrated).
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { toJson, usersOptions } from '@/components/admin/queries';
import { readFilters } from '@/components/admin/server';
import { requirePageRole } from '@/lib/auth/page-access';
import { PageHeader } from '@/components/admin/table';
import { UsersView } from '@/components/admin/users-view';
import { adminUserQuery, listUsersForAdmin } from '@/lib/data/admin-users';
import { getTranslations } from '@/lib/i18n/server';
import { makeQueryClient } from '@/lib/query/query-client';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin');
  return { title: t('meta', { page: t('pages.users.title') }) };
}

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const caller = await requirePageRole(['ADMIN']);
  const t = await getTranslations('admin');
  const { form, query } = readFilters(await searchParams, ['q', 'role', 'status', 'sort'], adminUserQuery);
  const qc = makeQueryClient();
  await qc.prefetchInfiniteQuery({ ...usersOptions(form), queryFn: async () => toJson(await listUsersForAdmin(query)) });
  return (
    <>
      <PageHeader title={t('pages.users.title')}>{t('pages.users.intro')}</PageHeader>
      <HydrationBoundary state={dehydrate(qc)}>
        <UsersView initial={form} selfId={caller.id} />
      </HydrationBoundary>
    </>
  );
}

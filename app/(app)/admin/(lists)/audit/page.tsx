// /admin/audit — the audit log with filters and pages (server-prefetched, then hydrated).
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { AuditView } from '@/components/admin/audit-view';
import { auditOptions, toJson } from '@/components/admin/queries';
import { readFilters } from '@/components/admin/server';
import { requirePageRole } from '@/lib/auth/page-access';
import { PageHeader } from '@/components/admin/table';
import { auditQuery, listAuditLog } from '@/lib/data/audit-log';
import { getTranslations } from '@/lib/i18n/server';
import { makeQueryClient } from '@/lib/query/query-client';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin');
  return { title: t('meta', { page: t('pages.audit.title') }) };
}

export default async function AdminAuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageRole(['ADMIN']);
  const t = await getTranslations('admin');
  const { form, query } = readFilters(await searchParams, ['actor', 'action', 'outcome', 'from', 'to'], auditQuery);
  const qc = makeQueryClient();
  await qc.prefetchInfiniteQuery({ ...auditOptions(form), queryFn: async () => toJson(await listAuditLog(query)) });
  return (
    <>
      <PageHeader title={t('pages.audit.title')}>{t('pages.audit.intro')}</PageHeader>
      <HydrationBoundary state={dehydrate(qc)}>
        <AuditView initial={form} />
      </HydrationBoundary>
    </>
  );
}

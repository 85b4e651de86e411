// /admin/pipeline — backlog, background functions (run now / retry), dead letters (retry / discard), failures, maintenance runs.
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { PipelineView } from '@/components/admin/pipeline-view';
import { pipelineOptions, runsOptions, toJson } from '@/components/admin/queries';
import { readFilters } from '@/components/admin/server';
import { requirePageRole } from '@/lib/auth/page-access';
import { PageHeader } from '@/components/admin/table';
import { listMaintenanceRuns, maintenanceRunQuery } from '@/lib/data/maintenance-runs';
import { listDeadLetters } from '@/lib/jobs/dead-letters';
import { pipelineStatus } from '@/lib/data/pipeline-status';
import { getTranslations } from '@/lib/i18n/server';
import { makeQueryClient } from '@/lib/query/query-client';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin');
  return { title: t('meta', { page: t('pages.pipeline.title') }) };
}

export default async function AdminPipelinePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageRole(['ADMIN']);
  const t = await getTranslations('admin');
  const { form, query } = readFilters(await searchParams, ['kind', 'status'], maintenanceRunQuery);
  const qc = makeQueryClient();
  await Promise.all([
    qc.prefetchQuery({ ...pipelineOptions(), queryFn: async () => toJson(await pipelineStatus()) }),
    // The key of DEAD_LETTERS_KEY (components/admin/pipeline-view.tsx: a client module, so spelled out here).
    qc.prefetchQuery({ queryKey: ['admin', 'dead-letters'], queryFn: async () => toJson(await listDeadLetters()) }),
    qc.prefetchInfiniteQuery({ ...runsOptions(form), queryFn: async () => toJson(await listMaintenanceRuns(query)) }),
  ]);
  return (
    <>
      <PageHeader title={t('pages.pipeline.title')}>{t('pages.pipeline.intro')}</PageHeader>
      <HydrationBoundary state={dehydrate(qc)}>
        <PipelineView initialRuns={form} />
      </HydrationBoundary>
    </>
  );
}

'use client';
// The overview's pipeline part: backlog, workflow runs by status and the latest failures, refreshed in
// the background (the same query as the pipeline page, so going there shows it at once).
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTranslations } from 'use-intl';
import { Card } from '@/components/ui/card';
import { Empty, ErrorMessage, Loading } from '@/components/ui/states';
import { pipelineOptions } from './queries';
import { useFormatInstant } from './time-zone';

const LINK = 'text-sm font-medium text-teal-800 underline hover:text-teal-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600';

export function OverviewPipeline() {
  const query = useQuery({ ...pipelineOptions(), refetchInterval: 30_000 });
  const format = useFormatInstant();
  const t = useTranslations('admin');
  if (query.isPending) return <Loading label={t('pipeline.loading')} />;
  if (query.isError) return <ErrorMessage error={query.error} retry={() => void query.refetch()} />;
  const { backlog, failures, workflows } = query.data;
  const active = (['SLEEPING', 'WAITING', 'RUNNING'] as const).filter((s) => workflows.counts[s]).map((s) => t('workflows.count', { count: workflows.counts[s]!, status: t(`workflows.status.${s}`) }));
  const failed = workflows.counts.FAILED ? [t('workflows.count', { count: workflows.counts.FAILED, status: t('workflows.status.FAILED') })] : [];
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Card title={t('overview.backlog')} action={<Link href="/admin/pipeline" className={LINK}>{t('overview.openPipeline')}</Link>}>
        <p className="text-3xl font-semibold tabular-nums text-slate-900">{t('pipeline.number', { value: backlog.ranges })}</p>
        <p className="text-sm text-slate-700">
          {backlog.oldestMarkedAt
            ? t('overview.dirtyForOldest', { count: backlog.users, time: format(backlog.oldestMarkedAt) })
            : t('overview.dirtyFor', { count: backlog.users })}
        </p>
        {(active.length > 0 || workflows.counts.FAILED) && (
          <p className="mt-2 text-sm text-slate-700">
            {t('overview.workflowRuns', { runs: [...active, ...failed].join(', ') })}
          </p>
        )}
      </Card>
      <Card title={t('pipeline.recentFailures')} action={<Link href="/admin/pipeline" className={LINK}>{t('overview.reviewRetry')}</Link>}>
        {failures.length === 0 ? (
          <Empty>{t('pipeline.noFailedRuns')}</Empty>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm">
            {failures.slice(0, 5).map((f) => (
              <li key={f.id} className="py-2">
                <span className="font-medium">{f.functionId}</span> <span className="text-slate-600">{t('overview.failureMeta', { time: format(f.startedAt), attempt: f.attempt })}</span>
                {f.error && <span className="block truncate text-xs text-red-800" title={f.error}>{f.error}</span>}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}

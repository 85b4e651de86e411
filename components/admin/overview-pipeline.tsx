'use client';
// The overview's pipeline part: backlog, workflow runs by status and the latest failures, refreshed in
// the background (the same query as the pipeline page, so going there shows it at once).
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { Empty, ErrorMessage, Loading } from '@/components/ui/states';
import { pipelineOptions } from './queries';
import { useFormatInstant } from './time-zone';

const LINK = 'text-sm font-medium text-teal-800 underline hover:text-teal-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600';

export function OverviewPipeline() {
  const query = useQuery({ ...pipelineOptions(), refetchInterval: 30_000 });
  const format = useFormatInstant();
  if (query.isPending) return <Loading label="Loading the pipeline status…" />;
  if (query.isError) return <ErrorMessage error={query.error} retry={() => void query.refetch()} />;
  const { backlog, failures, workflows } = query.data;
  const active = (['SLEEPING', 'WAITING', 'RUNNING'] as const).filter((s) => workflows.counts[s]).map((s) => `${workflows.counts[s]} ${s.toLowerCase()}`);
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Card title="Pipeline backlog" action={<Link href="/admin/pipeline" className={LINK}>Open pipeline</Link>}>
        <p className="text-3xl font-semibold tabular-nums text-slate-900">{backlog.ranges}</p>
        <p className="text-sm text-slate-700">
          dirty ranges for {backlog.users} {backlog.users === 1 ? 'user' : 'users'}
          {backlog.oldestMarkedAt ? `, oldest since ${format(backlog.oldestMarkedAt)}` : ''}
        </p>
        {(active.length > 0 || workflows.counts.FAILED) && (
          <p className="mt-2 text-sm text-slate-700">
            Workflow runs: {[...active, ...(workflows.counts.FAILED ? [`${workflows.counts.FAILED} failed`] : [])].join(', ')}
          </p>
        )}
      </Card>
      <Card title="Recent failures" action={<Link href="/admin/pipeline" className={LINK}>Review and retry</Link>}>
        {failures.length === 0 ? (
          <Empty>No failed runs.</Empty>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm">
            {failures.slice(0, 5).map((f) => (
              <li key={f.id} className="py-2">
                <span className="font-medium">{f.functionId}</span> <span className="text-slate-600">· {format(f.startedAt)} · attempt {f.attempt}</span>
                {f.error && <span className="block truncate text-xs text-red-800" title={f.error}>{f.error}</span>}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}

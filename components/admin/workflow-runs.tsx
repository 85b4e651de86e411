'use client';
// The pipeline page's durable workflow runs (emergency escalation…): runs not over yet first, with
// what each is doing (sleeping until, waiting for an event until, retrying at), then the latest others.
// In-process mode reads them from workflow_runs; under an Inngest server they are in its dashboard.
import { useTranslations } from 'use-intl';
import { Card } from '@/components/ui/card';
import { Empty } from '@/components/ui/states';
import type { PipelineStatus } from './queries';
import { Badge, DataTable, Td, Th } from './table';
import { useFormatInstant } from './time-zone';

type Workflows = PipelineStatus['workflows'];
type Run = Workflows['runs'][number];

export const WORKFLOW_TONE = { COMPLETED: 'green', FAILED: 'red', RUNNING: 'amber', SLEEPING: 'amber', WAITING: 'amber', CANCELLED: 'slate' } as const;
const STATUSES = ['RUNNING', 'SLEEPING', 'WAITING', 'FAILED', 'COMPLETED', 'CANCELLED'] as const;

/** "sleeping until …", "waiting for emergency/acknowledged until …", "retrying at … (attempt 2)", or the status. */
export function useDescribeRun(): (run: Run) => string {
  const format = useFormatInstant();
  const t = useTranslations('admin.workflows');
  return (run) => {
    if (run.status === 'SLEEPING') return t('sleepingUntil', { time: format(run.wakeAt) });
    if (run.status === 'WAITING') return t('waitingFor', { event: run.waitingFor ?? t('anEvent'), time: format(run.wakeAt) });
    if (run.status === 'RUNNING' && run.attempts > 0) return t('retrying', { time: format(run.wakeAt), attempt: run.attempts + 1 });
    return t(`status.${run.status}`);
  };
}

export function WorkflowRuns({ workflows }: { workflows: Workflows }) {
  const format = useFormatInstant();
  const describe = useDescribeRun();
  const t = useTranslations('admin.workflows');
  const counts = STATUSES.filter((s) => workflows.counts[s]).map((s) => t('count', { count: workflows.counts[s]!, status: t(`status.${s}`) })).join(' · ');
  return (
    <Card title={t('title')}>
      {workflows.mode === 'inngest' && (
        <p className="mb-3 text-sm text-slate-700">{t('inngest')}</p>
      )}
      {counts && <p className="mb-3 text-sm text-slate-700">{counts}</p>}
      {workflows.runs.length === 0 ? (
        <Empty>{t('empty')}</Empty>
      ) : (
        <DataTable caption={t('caption')} head={<><Th>{t('columns.workflow')}</Th><Th>{t('columns.status')}</Th><Th>{t('columns.started')}</Th><Th>{t('columns.lastStep')}</Th><Th>{t('columns.error')}</Th></>}>
          {workflows.runs.map((run) => (
            <tr key={run.id}>
              <Td className="font-medium">{run.functionId}</Td>
              <Td>
                <Badge tone={WORKFLOW_TONE[run.status]}>{describe(run)}</Badge>
                {run.finishedAt && <span className="mt-1 block text-xs text-slate-600">{t('ended', { time: format(run.finishedAt) })}</span>}
              </Td>
              <Td className="whitespace-nowrap">{format(run.startedAt)}</Td>
              <Td className="font-mono text-xs">{run.lastStep ?? '—'}</Td>
              <Td className="text-red-800">{run.error ?? '—'}</Td>
            </tr>
          ))}
        </DataTable>
      )}
    </Card>
  );
}

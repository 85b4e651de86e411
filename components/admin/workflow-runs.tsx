'use client';
// The pipeline page's durable workflow runs (emergency escalation…): runs not over yet first, with
// what each is doing (sleeping until, waiting for an event until, retrying at), then the latest others.
// In-process mode reads them from workflow_runs; under an Inngest server they are in its dashboard.
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
  return (run) => {
    if (run.status === 'SLEEPING') return `sleeping until ${format(run.wakeAt)}`;
    if (run.status === 'WAITING') return `waiting for ${run.waitingFor ?? 'an event'} until ${format(run.wakeAt)}`;
    if (run.status === 'RUNNING' && run.attempts > 0) return `retrying at ${format(run.wakeAt)} (attempt ${run.attempts + 1})`;
    return run.status.toLowerCase();
  };
}

export function WorkflowRuns({ workflows }: { workflows: Workflows }) {
  const format = useFormatInstant();
  const describe = useDescribeRun();
  const counts = STATUSES.filter((s) => workflows.counts[s]).map((s) => `${workflows.counts[s]} ${s.toLowerCase()}`).join(' · ');
  return (
    <Card title="Workflow runs">
      {workflows.mode === 'inngest' && (
        <p className="mb-3 text-sm text-slate-700">An Inngest server runs the workflows: their runs, sleeps and waits are in the Inngest dashboard.</p>
      )}
      {counts && <p className="mb-3 text-sm text-slate-700">{counts}</p>}
      {workflows.runs.length === 0 ? (
        <Empty>No workflow runs.</Empty>
      ) : (
        <DataTable caption="Durable workflow runs, those not over yet first" head={<><Th>Workflow</Th><Th>Status</Th><Th>Started</Th><Th>Last step</Th><Th>Error</Th></>}>
          {workflows.runs.map((run) => (
            <tr key={run.id}>
              <Td className="font-medium">{run.functionId}</Td>
              <Td>
                <Badge tone={WORKFLOW_TONE[run.status]}>{describe(run)}</Badge>
                {run.finishedAt && <span className="mt-1 block text-xs text-slate-600">ended {format(run.finishedAt)}</span>}
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

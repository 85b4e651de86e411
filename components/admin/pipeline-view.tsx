'use client';
// /admin/pipeline: the dirty backlog, each background function's last run with "Run now" (confirmed
// for retention and archive, which remove data from PostgreSQL), the dead letters (runs that failed after
// their last retry: Retry or Discard, both confirmed), recent failures, the durable workflow runs (sleeping
// and waiting ones included), archive/restore of one month, and the maintenance runs.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Empty, ErrorMessage, Loading } from '@/components/ui/states';
import type { listDeadLetters } from '@/lib/jobs/dead-letters';
import { apiFetch } from '@/lib/query/api';
import { ArchiveForm } from './archive-form';
import { ConfirmDialog, type Confirmation } from './dialog';
import { JobProgressText } from './job-progress';
import { ActionStatus } from './list-states';
import { MaintenanceRuns } from './maintenance-runs';
import { pipelineOptions, type Filters, type Json } from './queries';
import { Badge, DataTable, Td, Th } from './table';
import { useFormatInstant } from './time-zone';
import { useJobRuns, type JobName } from './use-job-runs';
import { useDescribeRun, WORKFLOW_TONE, WorkflowRuns } from './workflow-runs';

type Fn = { id: string; label: string; does: string; job?: JobName; action?: string; confirm?: string };

export const FUNCTIONS: Fn[] = [
  { id: 'aggregate', label: 'Aggregate', does: 'Recomputes dirty days after syncs', job: 'sweep', action: 'Retry via sweep' },
  { id: 'insights', label: 'Insights', does: 'Insight rules after aggregates change' },
  { id: 'sweep', label: 'Sweep', does: 'Every 5 minutes: users with work left behind', job: 'sweep' },
  { id: 'notification-digest', label: 'Daily digests', does: 'Every 30 minutes: the 08:00 digests due (doctors; caregivers who opted in)', job: 'digest' },
  { id: 'retention', label: 'Retention', does: 'Daily: deletes data past its retention period', job: 'retention', confirm: 'Rows past their retention period are deleted for good.' },
  { id: 'partitions', label: 'Partitions', does: 'Daily: creates the coming months’ partitions', job: 'partitions' },
  { id: 'integrity', label: 'Integrity check', does: 'Weekly: checks aggregates against raw samples', job: 'integrity' },
  { id: 'archive', label: 'Archive', does: 'Monthly: moves cold months to the archive store', job: 'archive', confirm: 'Raw samples of cold months are written to the archive store and removed from PostgreSQL.' },
  { id: 'restore', label: 'Restore', does: 'On demand: brings one archived month back (below)' },
  { id: 'emergency-escalation', label: 'Emergency escalation', does: 'Per emergency: re-check reminder and escalation until acknowledged (workflow runs below)' },
];

export type DeadLetters = Json<Awaited<ReturnType<typeof listDeadLetters>>>;
type DeadLetter = DeadLetters['entries'][number];

/** The page's server prefetch uses the same key, so the client hydrates instead of fetching again. */
export const DEAD_LETTERS_KEY = ['admin', 'dead-letters'] as const;
const deadLettersOptions = () => queryOptions({ queryKey: DEAD_LETTERS_KEY, queryFn: () => apiFetch<DeadLetters>('/api/v1/admin/dead-letters') });

const STATUS_TONE = { SUCCEEDED: 'green', FAILED: 'red', RUNNING: 'amber' } as const;

export function PipelineView({ initialRuns }: { initialRuns: Filters }) {
  const [active, setActive] = useState(false);
  const query = useQuery({ ...pipelineOptions(), refetchInterval: active ? 1500 : 15_000 });
  const jobs = useJobRuns(query.data);
  if (jobs.active !== active) setActive(jobs.active); // poll fast only while a requested run is in flight
  const format = useFormatInstant();
  const describeRun = useDescribeRun();
  const [confirmation, setConfirmation] = useState<Confirmation | null>(null);

  if (query.isPending) return <Loading label="Loading the pipeline status…" />;
  if (query.isError) return <ErrorMessage error={query.error} retry={() => void query.refetch()} />;
  const { backlog, lastRuns, failures, workflows } = query.data;
  // A workflow's latest in-process run stands for its last run (job_runs records Inngest-mode runs only).
  const latestWorkflowRun = (id: string) =>
    workflows.runs.filter((r) => r.functionId === id).reduce<(typeof workflows.runs)[number] | undefined>((a, b) => (a && a.startedAt >= b.startedAt ? a : b), undefined);
  const known = new Set(FUNCTIONS.map((f) => f.id));
  const functions = [...FUNCTIONS, ...lastRuns.filter((r) => !known.has(r.function_id)).map((r) => ({ id: r.function_id, label: r.function_id, does: '' }) as Fn)];

  function run(fn: Fn) {
    if (!fn.job) return;
    const job = fn.job;
    const go = () => jobs.start(fn.id, job === 'sweep' ? 'sweep' : job === 'digest' ? 'notification-digest' : job, { job });
    if (fn.confirm) setConfirmation({ title: `Run ${fn.label.toLowerCase()} now?`, body: fn.confirm, confirmLabel: `Run ${fn.label.toLowerCase()}`, onConfirm: go });
    else go();
  }

  return (
    <div className="space-y-4">
      <Card title="Backlog">
        <dl className="grid grid-cols-1 gap-3 text-sm sm:grid-cols-3">
          <Stat label="Dirty ranges" value={backlog.ranges} />
          <Stat label="Users waiting" value={backlog.users} />
          <Stat label="Oldest waiting since" value={format(backlog.oldestMarkedAt, 'Nothing waiting')} />
        </dl>
      </Card>

      <Card title="Functions">
        <DataTable
          caption="Background functions and their last run"
          head={
            <>
              <Th>Function</Th>
              <Th>Last run</Th>
              <Th>Started</Th>
              <Th>Finished</Th>
              <Th>Mode</Th>
              <Th><span className="sr-only">Actions</span></Th>
            </>
          }
        >
          {functions.map((fn) => {
            const last = lastRuns.find((r) => r.function_id === fn.id);
            const flow = last ? undefined : latestWorkflowRun(fn.id);
            const progress = jobs.progress(fn.id);
            const busy = progress !== null && ['requesting', 'queued', 'running'].includes(progress.state);
            return (
              <tr key={fn.id}>
                <Td>
                  <span className="font-medium">{fn.label}</span>
                  {fn.does && <span className="block text-xs text-slate-600">{fn.does}</span>}
                </Td>
                <Td>
                  {last ? (
                    <Badge tone={STATUS_TONE[last.status as keyof typeof STATUS_TONE] ?? 'slate'}>{last.status.toLowerCase()}</Badge>
                  ) : flow ? (
                    <Badge tone={WORKFLOW_TONE[flow.status]}>{describeRun(flow)}</Badge>
                  ) : (
                    <span className="text-slate-600">Never run</span>
                  )}
                  {(last?.error ?? flow?.error) && <span className="mt-1 block max-w-xs truncate text-xs text-red-800" title={(last?.error ?? flow?.error)!}>{last?.error ?? flow?.error}</span>}
                </Td>
                <Td className="whitespace-nowrap">{format(last?.started_at ?? flow?.startedAt ?? null)}</Td>
                <Td className="whitespace-nowrap">{format(last?.finished_at ?? flow?.finishedAt ?? null)}</Td>
                <Td>{last?.mode ?? (flow ? 'in-process' : '—')}</Td>
                <Td>
                  {fn.job && (
                    <div className="flex min-w-48 flex-col items-start gap-1">
                      <Button variant={last?.status === 'FAILED' ? 'primary' : 'secondary'} disabled={busy} onClick={() => run(fn)} aria-label={`${fn.action ?? (last?.status === 'FAILED' ? 'Retry' : 'Run now')}: ${fn.label}`}>
                        {fn.action ?? (last?.status === 'FAILED' ? 'Retry' : 'Run now')}
                      </Button>
                      <JobProgressText progress={progress} />
                    </div>
                  )}
                </Td>
              </tr>
            );
          })}
        </DataTable>
      </Card>

      <DeadLetterList confirm={setConfirmation} />

      <Card title="Recent failures">
        {failures.length === 0 ? (
          <Empty>No failed runs.</Empty>
        ) : (
          <DataTable caption="Recent failed runs" head={<><Th>Function</Th><Th>Started</Th><Th>Attempt</Th><Th>User</Th><Th>Error</Th></>}>
            {failures.map((f) => (
              <tr key={f.id}>
                <Td className="font-medium">{f.functionId}</Td>
                <Td className="whitespace-nowrap">{format(f.startedAt)}</Td>
                <Td className="tabular-nums">{f.attempt}</Td>
                <Td className="font-mono text-xs">{f.userId ?? '—'}</Td>
                <Td className="text-red-800">{f.error ?? '—'}</Td>
              </tr>
            ))}
          </DataTable>
        )}
      </Card>

      <WorkflowRuns workflows={workflows} />
      <ArchiveForm jobs={jobs} />
      <MaintenanceRuns initial={initialRuns} polling={active} />
      <ConfirmDialog confirmation={confirmation} onClose={() => setConfirmation(null)} />
    </div>
  );
}

const labelOf = (functionId: string) => FUNCTIONS.find((f) => f.id === functionId)?.label ?? functionId;

/** Runs that failed after their last retry, until an admin retries or discards them (both confirmed). */
function DeadLetterList({ confirm }: { confirm: (c: Confirmation) => void }) {
  const query = useQuery({ ...deadLettersOptions(), refetchInterval: 15_000 });
  const qc = useQueryClient();
  const format = useFormatInstant();
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  const act = useMutation({
    mutationFn: ({ action, entry }: { action: 'retry' | 'discard'; entry: DeadLetter }) =>
      apiFetch<{ functionId: string }>(`/api/v1/admin/dead-letters/${entry.kind}/${entry.id}/${action}`, { method: 'POST' }).then(() => action),
    onSuccess: (action, { entry }) => {
      setMessage({ text: action === 'retry' ? `${labelOf(entry.functionId)} is running again.` : `The failed ${labelOf(entry.functionId).toLowerCase()} run was discarded.` });
      void qc.invalidateQueries({ queryKey: DEAD_LETTERS_KEY });
      void qc.invalidateQueries({ queryKey: ['admin', 'pipeline'] });
    },
    onError: (error) => setMessage({ text: error.message, error: true }),
  });

  function ask(action: 'retry' | 'discard', entry: DeadLetter) {
    const label = labelOf(entry.functionId);
    confirm(
      action === 'retry'
        ? {
            title: `Retry ${label.toLowerCase()}?`,
            body: entry.kind === 'workflow' ? 'The run resumes at the step that failed; the steps it finished are not run again.' : 'The function runs again with the same event, with its usual retries.',
            confirmLabel: 'Retry',
            onConfirm: () => act.mutate({ action, entry }),
          }
        : {
            title: `Discard this ${label.toLowerCase()} run?`,
            body: 'It leaves this list and is not run again. The failed run stays recorded.',
            confirmLabel: 'Discard',
            onConfirm: () => act.mutate({ action, entry }),
          },
    );
  }

  return (
    <Card title="Dead letters">
      <ActionStatus message={message} />
      {query.isPending ? (
        <Loading label="Loading the dead letters…" />
      ) : query.isError ? (
        <ErrorMessage error={query.error} retry={() => void query.refetch()} />
      ) : query.data.entries.length === 0 ? (
        <Empty>No run failed after its last retry.</Empty>
      ) : (
        <DataTable caption="Runs that failed after their last retry" head={<><Th>Function</Th><Th>Failed</Th><Th>Attempts</Th><Th>User</Th><Th>Error</Th><Th><span className="sr-only">Actions</span></Th></>}>
          {query.data.entries.map((e) => (
            <tr key={`${e.kind}:${e.id}`}>
              <Td>
                <span className="font-medium">{labelOf(e.functionId)}</span>
                {e.step && <span className="block text-xs text-slate-600">at step {e.step}</span>}
              </Td>
              <Td className="whitespace-nowrap">{format(e.failedAt)}</Td>
              <Td className="tabular-nums">{e.attempts}</Td>
              <Td className="font-mono text-xs">{e.userId ?? '—'}</Td>
              <Td className="text-red-800">{e.error ?? '—'}</Td>
              <Td>
                <div className="flex gap-2">
                  <Button
                    variant="primary"
                    disabled={!e.retryable || act.isPending}
                    title={e.retryable ? undefined : 'Recorded without its event: start the function from its row above'}
                    onClick={() => ask('retry', e)}
                    aria-label={`Retry: ${labelOf(e.functionId)} run of ${format(e.failedAt)}`}
                  >
                    Retry
                  </Button>
                  <Button variant="secondary" disabled={act.isPending} onClick={() => ask('discard', e)} aria-label={`Discard: ${labelOf(e.functionId)} run of ${format(e.failedAt)}`}>
                    Discard
                  </Button>
                </div>
              </Td>
            </tr>
          ))}
        </DataTable>
      )}
    </Card>
  );
}

function Stat({ label, value }: { label: string; value: string | number }) {
  return (
    <div className="rounded-lg bg-slate-50 p-3">
      <dt className="text-slate-600">{label}</dt>
      <dd className="mt-1 text-lg font-semibold tabular-nums text-slate-900">{value}</dd>
    </div>
  );
}

'use client';
// /admin/pipeline: the dirty backlog, each background function's last run with "Run now" (confirmed
// for retention and archive, which remove data from PostgreSQL), the dead letters (runs that failed after
// their last retry: Retry or Discard, both confirmed), recent failures, the durable workflow runs (sleeping
// and waiting ones included), archive/restore of one month, and the maintenance runs.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Empty, ErrorMessage, Loading } from '@/components/ui/states';
import type { listDeadLetters } from '@/lib/jobs/dead-letters';
import { apiFetch } from '@/lib/query/api';
import { ArchiveForm } from './archive-form';
import { ConfirmDialog, type Confirmation } from './dialog';
import { JobProgressText } from './job-progress';
import type { AdminT } from './labels';
import { ActionStatus } from './list-states';
import { MaintenanceRuns } from './maintenance-runs';
import { pipelineOptions, type Filters, type Json } from './queries';
import { Badge, DataTable, Td, Th } from './table';
import { useFormatInstant } from './time-zone';
import { useJobRuns, type JobName } from './use-job-runs';
import { useDescribeRun, WORKFLOW_TONE, WorkflowRuns } from './workflow-runs';

// Names, what each does and the confirmation texts: admin.pipeline.functions.<id> (a function this list
// does not know is shown by its id).
type KnownId = 'aggregate' | 'insights' | 'sweep' | 'notification-digest' | 'retention' | 'partitions' | 'integrity' | 'archive' | 'restore' | 'emergency-escalation';
type Fn = { id: string; job?: JobName; viaSweep?: true; confirm?: true };

export const FUNCTIONS: (Fn & { id: KnownId })[] = [
  { id: 'aggregate', job: 'sweep', viaSweep: true },
  { id: 'insights' },
  { id: 'sweep', job: 'sweep' },
  { id: 'notification-digest', job: 'digest' },
  { id: 'retention', job: 'retention', confirm: true },
  { id: 'partitions', job: 'partitions' },
  { id: 'integrity', job: 'integrity' },
  { id: 'archive', job: 'archive', confirm: true },
  { id: 'restore' },
  { id: 'emergency-escalation' },
];
const isKnown = (id: string): id is KnownId => FUNCTIONS.some((f) => f.id === id);
const labelOf = (t: AdminT, id: string) => (isKnown(id) ? t(`pipeline.functions.${id}.label`) : id);
const doesOf = (t: AdminT, id: string) => (isKnown(id) ? t(`pipeline.functions.${id}.does`) : '');

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
  const t = useTranslations('admin');

  if (query.isPending) return <Loading label={t('pipeline.loading')} />;
  if (query.isError) return <ErrorMessage error={query.error} retry={() => void query.refetch()} />;
  const { backlog, lastRuns, failures, workflows } = query.data;
  // A workflow's latest in-process run stands for its last run (job_runs records Inngest-mode runs only).
  const latestWorkflowRun = (id: string) =>
    workflows.runs.filter((r) => r.functionId === id).reduce<(typeof workflows.runs)[number] | undefined>((a, b) => (a && a.startedAt >= b.startedAt ? a : b), undefined);
  const known = new Set<string>(FUNCTIONS.map((f) => f.id));
  const functions: Fn[] = [...FUNCTIONS, ...lastRuns.filter((r) => !known.has(r.function_id)).map((r) => ({ id: r.function_id }))];

  function run(fn: Fn) {
    if (!fn.job) return;
    const job = fn.job;
    const go = () => jobs.start(fn.id, job === 'sweep' ? 'sweep' : job === 'digest' ? 'notification-digest' : job, { job });
    const name = labelOf(t, fn.id).toLowerCase();
    if (fn.confirm && (fn.id === 'retention' || fn.id === 'archive')) setConfirmation({ title: t('pipeline.runTitle', { name }), body: t(`pipeline.confirm.${fn.id}`), confirmLabel: t('pipeline.runConfirm', { name }), onConfirm: go });
    else go();
  }

  return (
    <div className="space-y-4">
      <Card title={t('pipeline.backlog')}>
        <dl className="grid grid-cols-1 gap-3 text-sm sm:grid-cols-3">
          <Stat label={t('pipeline.dirtyRanges')} value={t('pipeline.number', { value: backlog.ranges })} />
          <Stat label={t('pipeline.usersWaiting')} value={t('pipeline.number', { value: backlog.users })} />
          <Stat label={t('pipeline.oldestSince')} value={format(backlog.oldestMarkedAt, t('pipeline.nothingWaiting'))} />
        </dl>
      </Card>

      <Card title={t('pipeline.functionsTitle')}>
        <DataTable
          caption={t('pipeline.functionsCaption')}
          head={
            <>
              <Th>{t('pipeline.columns.function')}</Th>
              <Th>{t('pipeline.columns.lastRun')}</Th>
              <Th>{t('pipeline.columns.started')}</Th>
              <Th>{t('pipeline.columns.finished')}</Th>
              <Th>{t('pipeline.columns.mode')}</Th>
              <Th><span className="sr-only">{t('common.actions')}</span></Th>
            </>
          }
        >
          {functions.map((fn) => {
            const last = lastRuns.find((r) => r.function_id === fn.id);
            const flow = last ? undefined : latestWorkflowRun(fn.id);
            const progress = jobs.progress(fn.id);
            const busy = progress !== null && ['requesting', 'queued', 'running'].includes(progress.state);
            const does = doesOf(t, fn.id);
            const action = fn.viaSweep ? t('pipeline.retryViaSweep') : last?.status === 'FAILED' ? t('common.retry') : t('pipeline.runNow');
            return (
              <tr key={fn.id}>
                <Td>
                  <span className="font-medium">{labelOf(t, fn.id)}</span>
                  {does && <span className="block text-xs text-slate-600">{does}</span>}
                </Td>
                <Td>
                  {last ? (
                    <Badge tone={STATUS_TONE[last.status as keyof typeof STATUS_TONE] ?? 'slate'}>{last.status in STATUS_TONE ? t(`pipeline.runStatus.${last.status as keyof typeof STATUS_TONE}`) : last.status.toLowerCase()}</Badge>
                  ) : flow ? (
                    <Badge tone={WORKFLOW_TONE[flow.status]}>{describeRun(flow)}</Badge>
                  ) : (
                    <span className="text-slate-600">{t('pipeline.neverRun')}</span>
                  )}
                  {(last?.error ?? flow?.error) && <span className="mt-1 block max-w-xs truncate text-xs text-red-800" title={(last?.error ?? flow?.error)!}>{last?.error ?? flow?.error}</span>}
                </Td>
                <Td className="whitespace-nowrap">{format(last?.started_at ?? flow?.startedAt ?? null)}</Td>
                <Td className="whitespace-nowrap">{format(last?.finished_at ?? flow?.finishedAt ?? null)}</Td>
                <Td>{last?.mode ?? (flow ? 'in-process' : '—')}</Td>
                <Td>
                  {fn.job && (
                    <div className="flex min-w-48 flex-col items-start gap-1">
                      <Button variant={last?.status === 'FAILED' ? 'primary' : 'secondary'} disabled={busy} onClick={() => run(fn)} aria-label={t('pipeline.actionOf', { action, name: labelOf(t, fn.id) })}>
                        {action}
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

      <Card title={t('pipeline.recentFailures')}>
        {failures.length === 0 ? (
          <Empty>{t('pipeline.noFailedRuns')}</Empty>
        ) : (
          <DataTable caption={t('pipeline.failuresCaption')} head={<><Th>{t('pipeline.columns.function')}</Th><Th>{t('pipeline.columns.started')}</Th><Th>{t('pipeline.columns.attempt')}</Th><Th>{t('pipeline.columns.user')}</Th><Th>{t('pipeline.columns.error')}</Th></>}>
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

/** Runs that failed after their last retry, until an admin retries or discards them (both confirmed). */
function DeadLetterList({ confirm }: { confirm: (c: Confirmation) => void }) {
  const query = useQuery({ ...deadLettersOptions(), refetchInterval: 15_000 });
  const qc = useQueryClient();
  const format = useFormatInstant();
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  const t = useTranslations('admin');
  const act = useMutation({
    mutationFn: ({ action, entry }: { action: 'retry' | 'discard'; entry: DeadLetter }) =>
      apiFetch<{ functionId: string }>(`/api/v1/admin/dead-letters/${entry.kind}/${entry.id}/${action}`, { method: 'POST' }).then(() => action),
    onSuccess: (action, { entry }) => {
      setMessage({ text: action === 'retry' ? t('pipeline.dead.retried', { name: labelOf(t, entry.functionId) }) : t('pipeline.dead.discarded', { name: labelOf(t, entry.functionId).toLowerCase() }) });
      void qc.invalidateQueries({ queryKey: DEAD_LETTERS_KEY });
      void qc.invalidateQueries({ queryKey: ['admin', 'pipeline'] });
    },
    onError: (error) => setMessage({ text: error.message, error: true }),
  });

  function ask(action: 'retry' | 'discard', entry: DeadLetter) {
    const name = labelOf(t, entry.functionId).toLowerCase();
    confirm(
      action === 'retry'
        ? {
            title: t('pipeline.dead.retryTitle', { name }),
            body: entry.kind === 'workflow' ? t('pipeline.dead.retryWorkflow') : t('pipeline.dead.retryFunction'),
            confirmLabel: t('common.retry'),
            onConfirm: () => act.mutate({ action, entry }),
          }
        : {
            title: t('pipeline.dead.discardTitle', { name }),
            body: t('pipeline.dead.discardBody'),
            confirmLabel: t('pipeline.dead.discard'),
            onConfirm: () => act.mutate({ action, entry }),
          },
    );
  }

  return (
    <Card title={t('pipeline.dead.title')}>
      <ActionStatus message={message} />
      {query.isPending ? (
        <Loading label={t('pipeline.dead.loading')} />
      ) : query.isError ? (
        <ErrorMessage error={query.error} retry={() => void query.refetch()} />
      ) : query.data.entries.length === 0 ? (
        <Empty>{t('pipeline.dead.empty')}</Empty>
      ) : (
        <DataTable caption={t('pipeline.dead.caption')} head={<><Th>{t('pipeline.columns.function')}</Th><Th>{t('pipeline.columns.failed')}</Th><Th>{t('pipeline.columns.attempts')}</Th><Th>{t('pipeline.columns.user')}</Th><Th>{t('pipeline.columns.error')}</Th><Th><span className="sr-only">{t('common.actions')}</span></Th></>}>
          {query.data.entries.map((e) => (
            <tr key={`${e.kind}:${e.id}`}>
              <Td>
                <span className="font-medium">{labelOf(t, e.functionId)}</span>
                {e.step && <span className="block text-xs text-slate-600">{t('pipeline.dead.atStep', { step: e.step })}</span>}
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
                    title={e.retryable ? undefined : t('pipeline.dead.notRetryable')}
                    onClick={() => ask('retry', e)}
                    aria-label={t('pipeline.dead.retryOf', { name: labelOf(t, e.functionId), time: format(e.failedAt) })}
                  >
                    {t('common.retry')}
                  </Button>
                  <Button variant="secondary" disabled={act.isPending} onClick={() => ask('discard', e)} aria-label={t('pipeline.dead.discardOf', { name: labelOf(t, e.functionId), time: format(e.failedAt) })}>
                    {t('pipeline.dead.discard')}
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

'use client';
// Starting background functions from the pipeline page and following each request to its outcome:
// requested → queued (no new run recorded yet) → running → succeeded / failed, read from the pipeline
// status, which is polled quickly while anything is in flight.
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { apiFetch } from '@/lib/query/api';
import type { PipelineStatus } from './queries';

export type JobName = 'sweep' | 'retention' | 'partitions' | 'integrity' | 'archive' | 'restore' | 'digest';
export type JobRequest = { job: JobName; userId?: string; month?: string };

type Tracker = { job: JobName; functionId: string; baseline: string | null; phase: 'requesting' | 'accepted' | 'refused'; error?: string; timedOut?: boolean };
export type JobProgress =
  | { state: 'requesting' | 'queued' | 'running' | 'not-started' }
  | { state: 'succeeded' | 'failed' | 'refused'; error?: string | null };

// A run may wait in a queue (Inngest server) or never start (function not served here).
const NOT_STARTED_AFTER_MS = 60_000;

export function useJobRuns(status: PipelineStatus | undefined) {
  const [trackers, setTrackers] = useState<Record<string, Tracker>>({});
  const lastRun = (functionId: string) => status?.lastRuns.find((r) => r.function_id === functionId);

  const mutation = useMutation({
    mutationFn: ({ request }: { key: string; request: JobRequest }) => apiFetch<{ accepted: string }>('/api/v1/admin/jobs', { json: request }),
    onSuccess: (_data, { key }) => {
      setTrackers((t) => (t[key] ? { ...t, [key]: { ...t[key], phase: 'accepted' } } : t));
      setTimeout(() => setTrackers((t) => (t[key]?.phase === 'accepted' ? { ...t, [key]: { ...t[key], timedOut: true } } : t)), NOT_STARTED_AFTER_MS);
    },
    onError: (error, { key }) => setTrackers((t) => (t[key] ? { ...t, [key]: { ...t[key], phase: 'refused', error: error.message } } : t)),
  });

  /** Starts `request`; its progress is followed under `key`, through the runs of `functionId`. */
  function start(key: string, functionId: string, request: JobRequest) {
    setTrackers((t) => ({ ...t, [key]: { job: request.job, functionId, baseline: lastRun(functionId)?.started_at ?? null, phase: 'requesting' } }));
    mutation.mutate({ key, request });
  }

  function progress(key: string): JobProgress | null {
    const tracker = trackers[key];
    if (!tracker) return null;
    if (tracker.phase === 'requesting') return { state: 'requesting' };
    if (tracker.phase === 'refused') return { state: 'refused', error: tracker.error };
    const run = lastRun(tracker.functionId);
    const isNew = run && (tracker.baseline === null || run.started_at > tracker.baseline);
    if (!isNew) return { state: tracker.timedOut ? 'not-started' : 'queued' };
    if (run.status === 'RUNNING') return { state: 'running' };
    return run.status === 'FAILED' ? { state: 'failed', error: run.error } : { state: 'succeeded' };
  }

  const active = Object.keys(trackers).some((key) => ['requesting', 'queued', 'running'].includes(progress(key)?.state ?? ''));
  return { start, progress, active };
}

// What became of a "Run now": a short, announced status next to the button.
import type { JobProgress } from './use-job-runs';

const TEXT: Record<JobProgress['state'], string> = {
  requesting: 'Starting…',
  queued: 'Queued, waiting for the run to start…',
  running: 'Running…',
  succeeded: 'Finished successfully.',
  failed: 'Failed',
  refused: 'Not started',
  'not-started': 'No run has started within a minute. It may be queued on the Inngest server.',
};

export function JobProgressText({ progress }: { progress: JobProgress | null }) {
  const busy = progress && ['requesting', 'queued', 'running'].includes(progress.state);
  const bad = progress && ['failed', 'refused'].includes(progress.state);
  const error = progress && 'error' in progress && progress.error ? `: ${progress.error}` : '';
  return (
    <span role="status" aria-live="polite" className={`inline-flex items-center gap-1.5 text-xs ${bad ? 'text-red-800' : 'text-slate-700'}`}>
      {busy && <span className="h-3 w-3 animate-spin rounded-full border-2 border-slate-300 border-t-teal-700" aria-hidden="true" />}
      {progress && `${TEXT[progress.state]}${error}`}
    </span>
  );
}

// What became of a "Run now": a short, announced status next to the button.
import { useTranslations } from 'use-intl';
import type { JobProgress } from './use-job-runs';

// Texts: admin.jobProgress.<state> (the error, when there is one, follows as the server wrote it).

export function JobProgressText({ progress }: { progress: JobProgress | null }) {
  const t = useTranslations('admin.jobProgress');
  const busy = progress && ['requesting', 'queued', 'running'].includes(progress.state);
  const bad = progress && ['failed', 'refused'].includes(progress.state);
  const error = progress && 'error' in progress && progress.error ? `: ${progress.error}` : '';
  return (
    <span role="status" aria-live="polite" className={`inline-flex items-center gap-1.5 text-xs ${bad ? 'text-red-800' : 'text-slate-700'}`}>
      {busy && <span className="h-3 w-3 animate-spin rounded-full border-2 border-slate-300 border-t-teal-700" aria-hidden="true" />}
      {progress && `${t(progress.state)}${error}`}
    </span>
  );
}

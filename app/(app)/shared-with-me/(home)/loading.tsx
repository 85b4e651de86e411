// Loading state of "Shared with you" (one share has its own, below its access check).
import { Loading } from '@/components/ui/states';

export default function SharedWithMeLoading() {
  return (
    <div className="mx-auto max-w-3xl">
      <div className="mb-4 h-8 w-48 animate-pulse rounded bg-slate-200" aria-hidden="true" />
      <Loading label="Loading shared data…" />
    </div>
  );
}

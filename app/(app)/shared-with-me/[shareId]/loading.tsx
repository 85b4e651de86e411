// Loading state of one received share.
import { Loading } from '@/components/ui/states';

export default function ReceivedShareLoading() {
  return (
    <div className="mx-auto max-w-4xl">
      <div className="mb-4 h-8 w-48 animate-pulse rounded bg-slate-200" aria-hidden="true" />
      <Loading label="Loading shared data…" />
    </div>
  );
}

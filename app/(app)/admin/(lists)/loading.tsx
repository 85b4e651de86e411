// The admin console's list pages share this loading state; the mail outbox stays outside it, so that
// an unknown message is a real 404 (decided before anything streams), not a 404 view inside a 200.
import { Loading } from '@/components/ui/states';

export default function AdminLoading() {
  return (
    <div>
      <div className="mb-4 h-8 w-48 animate-pulse rounded bg-slate-200" aria-hidden="true" />
      <Loading label="Loading…" />
    </div>
  );
}

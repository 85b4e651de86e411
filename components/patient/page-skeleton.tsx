// The loading state of a patient page: an announced status and quiet placeholder cards.
import { Loading } from '@/components/ui/states';

export function PageSkeleton({ label, cards = 3 }: { label: string; cards?: number }) {
  return (
    <div>
      <div className="mb-6 h-8 w-64 animate-pulse rounded bg-slate-200" aria-hidden="true" />
      <Loading label={label} />
      <div className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-hidden="true">
        {Array.from({ length: cards }, (_, i) => (
          <div key={i} className="h-40 animate-pulse rounded-xl border border-slate-200 bg-white" />
        ))}
      </div>
    </div>
  );
}

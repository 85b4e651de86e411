import { Loading } from '@/components/ui/states';

export default function CaregiverLoading() {
  return (
    <div>
      <div className="mb-4 h-8 w-56 animate-pulse rounded bg-slate-200" aria-hidden="true" />
      <Loading label="Loading the people you care for…" />
    </div>
  );
}

import { Loading } from '@/components/ui/states';

export default function DoctorLoading() {
  return (
    <div>
      <div className="mb-4 h-8 w-48 animate-pulse rounded bg-slate-200" aria-hidden="true" />
      <Loading label="Loading your patients…" />
    </div>
  );
}

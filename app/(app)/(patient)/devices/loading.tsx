import { PageSkeleton } from '@/components/patient/page-skeleton';

export default function DevicesLoading() {
  return <PageSkeleton label="Loading your data sources…" cards={3} />;
}

import { PageSkeleton } from '@/components/patient/page-skeleton';

export default function DashboardLoading() {
  return <PageSkeleton label="Loading today’s numbers…" cards={6} />;
}

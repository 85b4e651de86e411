import { PageSkeleton } from '@/components/patient/page-skeleton';

export default function TrendsLoading() {
  return <PageSkeleton label="Loading your trends…" cards={6} />;
}

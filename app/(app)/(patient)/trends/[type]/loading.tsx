import { PageSkeleton } from '@/components/patient/page-skeleton';

export default function TrendLoading() {
  return <PageSkeleton label="Loading the trend…" cards={2} />;
}

import { Loading } from '@/components/ui/states';

export default function TimelineLoading() {
  return <Loading label="Loading your timeline…" />;
}

import { Loading } from '@/components/ui/states';

export default function EntryLoading() {
  return <Loading label="Loading the entry forms…" />;
}

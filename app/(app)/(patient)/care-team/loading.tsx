import { Loading } from '@/components/ui/states';

export default function CareTeamLoading() {
  return <Loading label="Loading your care team…" />;
}

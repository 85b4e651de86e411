import { Loading } from '@/components/ui/states';

export default function NotificationsLoading() {
  return <Loading label="Loading your notifications…" />;
}

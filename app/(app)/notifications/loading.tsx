import { Loading } from '@/components/ui/states';
import { getTranslations } from '@/lib/i18n/server';

export default async function NotificationsLoading() {
  const t = await getTranslations('notificationCenter');
  return <Loading label={t('loading')} />;
}

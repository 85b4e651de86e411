import { PageSkeleton } from '@/components/patient/page-skeleton';
import { getTranslations } from '@/lib/i18n/server';

export default async function DashboardLoading() {
  const t = await getTranslations('dashboard');
  return <PageSkeleton label={t('loading')} cards={6} />;
}

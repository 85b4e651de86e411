import { PageSkeleton } from '@/components/patient/page-skeleton';
import { getTranslations } from '@/lib/i18n/server';

export default async function TrendLoading() {
  const t = await getTranslations('trends');
  return <PageSkeleton label={t('loadingTrend')} cards={2} />;
}

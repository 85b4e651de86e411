import { PageSkeleton } from '@/components/patient/page-skeleton';
import { getTranslations } from '@/lib/i18n/server';

export default async function TrendsLoading() {
  const t = await getTranslations('trends');
  return <PageSkeleton label={t('loading')} cards={6} />;
}

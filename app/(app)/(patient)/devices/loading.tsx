import { PageSkeleton } from '@/components/patient/page-skeleton';
import { getTranslations } from '@/lib/i18n/server';

export default async function DevicesLoading() {
  const t = await getTranslations('devices');
  return <PageSkeleton label={t('loading')} cards={3} />;
}

import { Loading } from '@/components/ui/states';
import { getTranslations } from '@/lib/i18n/server';

export default async function TimelineLoading() {
  const t = await getTranslations('timeline');
  return <Loading label={t('loading')} />;
}

import { Loading } from '@/components/ui/states';
import { getTranslations } from '@/lib/i18n/server';

export default async function EntryLoading() {
  const t = await getTranslations('entry');
  return <Loading label={t('loading')} />;
}

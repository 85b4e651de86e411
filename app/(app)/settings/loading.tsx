import { Loading } from '@/components/ui/states';
import { getTranslations } from '@/lib/i18n/server';

export default async function SettingsLoading() {
  const t = await getTranslations('settings');
  return <Loading label={t('loading')} />;
}

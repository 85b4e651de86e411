import { Loading } from '@/components/ui/states';
import { getTranslations } from '@/lib/i18n/server';

export default async function CareTeamLoading() {
  const t = await getTranslations('careTeam');
  return <Loading label={t('loading')} />;
}

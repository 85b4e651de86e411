import { Loading } from '@/components/ui/states';
import { getTranslations } from '@/lib/i18n/server';

export default async function CaredForLoading() {
  const t = await getTranslations('caregiver');
  return (
    <div>
      <div className="mb-4 h-8 w-56 animate-pulse rounded bg-slate-200" aria-hidden="true" />
      <Loading label={t('loading')} />
    </div>
  );
}

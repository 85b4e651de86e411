// Loading state of one received share.
import { Loading } from '@/components/ui/states';
import { getTranslations } from '@/lib/i18n/server';

export default async function ReceivedShareLoading() {
  const t = await getTranslations('sharing');
  return (
    <div className="mx-auto max-w-4xl">
      <div className="mb-4 h-8 w-48 animate-pulse rounded bg-slate-200" aria-hidden="true" />
      <Loading label={t('received.loading')} />
    </div>
  );
}

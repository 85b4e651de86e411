// The admin console's list pages share this loading state; the mail outbox stays outside it, so that
// an unknown message is a real 404 (decided before anything streams), not a 404 view inside a 200.
import { Loading } from '@/components/ui/states';
import { getTranslations } from '@/lib/i18n/server';

export default async function AdminLoading() {
  const t = await getTranslations('admin');
  return (
    <div>
      <div className="mb-4 h-8 w-48 animate-pulse rounded bg-slate-200" aria-hidden="true" />
      <Loading label={t('common.loading')} />
    </div>
  );
}

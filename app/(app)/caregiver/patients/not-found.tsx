// Someone the caregiver is not (or no longer) linked to looks exactly like someone who does not exist.
import Link from 'next/link';
import { getTranslations } from '@/lib/i18n/server';

export default async function CaredForNotFound() {
  const t = await getTranslations('caregiver');
  return (
    <div className="space-y-3">
      <h1 className="text-2xl font-semibold text-slate-900">{t('notFound')}</h1>
      <p className="text-slate-700">{t('notFoundBody')}</p>
      <Link href="/caregiver" className="inline-block text-teal-800 underline focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600">{t('backToPeople')}</Link>
    </div>
  );
}

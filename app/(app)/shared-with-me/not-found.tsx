// A share that is not the caller's looks exactly like one that has ended or never existed.
import Link from 'next/link';
import { getTranslations } from '@/lib/i18n/server';

export default async function ReceivedShareNotFound() {
  const t = await getTranslations('sharing');
  return (
    <div className="mx-auto max-w-3xl space-y-3">
      <h1 className="text-2xl font-semibold text-slate-900">{t('received.notFound')}</h1>
      <p className="text-slate-700">{t('received.notFoundBody')}</p>
      <Link href="/shared-with-me" className="inline-block text-teal-800 underline focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600">{t('received.backToReceived')}</Link>
    </div>
  );
}

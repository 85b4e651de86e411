// A patient the doctor has no active link to looks exactly like one that does not exist.
import Link from 'next/link';
import { getTranslations } from '@/lib/i18n/server';

export default async function PatientNotFound() {
  const t = await getTranslations('doctor');
  return (
    <div className="space-y-3">
      <h1 className="text-2xl font-semibold text-slate-900">{t('patient.notFound')}</h1>
      <p className="text-slate-700">{t('patient.notFoundBody')}</p>
      <Link href="/doctor" className="inline-block text-teal-800 underline focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600">{t('patient.back')}</Link>
    </div>
  );
}

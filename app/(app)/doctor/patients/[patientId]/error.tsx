'use client';

import Link from 'next/link';
import { useTranslations } from 'use-intl';
import { ErrorMessage } from '@/components/ui/states';

export default function DoctorPatientError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('doctor');
  return (
    <div className="space-y-3">
      <h1 className="text-2xl font-semibold text-slate-900">{t('patient.title')}</h1>
      <ErrorMessage error={new Error(t('patient.loadFailed'))} retry={reset} />
      <Link href="/doctor" className="text-sm text-teal-800 underline">{t('patient.back')}</Link>
    </div>
  );
}

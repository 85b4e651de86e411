'use client';

import Link from 'next/link';
import { useTranslations } from 'use-intl';
import { ErrorMessage } from '@/components/ui/states';

export default function CaredForError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('caregiver');
  return (
    <div className="space-y-3">
      <h1 className="text-2xl font-semibold text-slate-900">{t('personTitle')}</h1>
      <ErrorMessage error={new Error(t('loadFailed'))} retry={reset} />
      <Link href="/caregiver" className="text-sm text-teal-800 underline">{t('backToPeople')}</Link>
    </div>
  );
}
